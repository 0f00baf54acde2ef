#include "core/view/page_cache.hpp"

#include <sodium.h>

#include "core/http/compress.hpp"

namespace avenir::view {
namespace {

std::string etag_of(const std::string& body) {
    unsigned char hash[16];
    crypto_generichash(hash, sizeof hash, reinterpret_cast<const unsigned char*>(body.data()), body.size(), nullptr, 0);
    char hex[33];
    sodium_bin2hex(hex, sizeof hex, hash, sizeof hash);
    return "\"" + std::string(hex, 16) + "\"";
}

}  // namespace

http::Response PageCache::get_or_make(const std::string& key, const std::function<http::Response()>& make) {
    const auto now = std::chrono::steady_clock::now();
    {
        std::lock_guard lock(mutex_);
        if (auto it = entries_.find(key); it != entries_.end() && it->second.expires > now) return *it->second.response;
    }
    http::Response res = make();
    if (res.status != 200) return res;
    res.set_header("ETag", etag_of(res.body));
    res.gzip_body = std::make_shared<const std::string>(http::gzip_compress(res.body));
    auto shared = std::make_shared<const http::Response>(res);
    std::lock_guard lock(mutex_);
    if (entries_.size() >= max_entries_) entries_.clear();
    entries_[key] = Entry{std::move(shared), now + ttl_};
    return res;
}

void PageCache::clear() {
    std::lock_guard lock(mutex_);
    entries_.clear();
}

}  // namespace avenir::view
