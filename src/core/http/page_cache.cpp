#include "core/http/page_cache.hpp"

#include <sodium.h>

#include "core/http/compress.hpp"

namespace avenir::http {
namespace {

std::string etag_of(const std::string& body) {
    unsigned char hash[16];
    crypto_generichash(hash, sizeof hash, reinterpret_cast<const unsigned char*>(body.data()), body.size(), nullptr, 0);
    char hex[33];
    sodium_bin2hex(hex, sizeof hex, hash, sizeof hash);
    return "\"" + std::string(hex, 16) + "\"";
}

}  // namespace

std::shared_ptr<const Wire> CachedPage::wire(unsigned variant) const {
    if (variant >= kVariants) return nullptr;
    std::lock_guard lock(mutex_);
    return wires_[variant];
}

void CachedPage::set_wire(unsigned variant, std::shared_ptr<const Wire> w) const {
    if (variant >= kVariants) return;
    std::lock_guard lock(mutex_);
    wires_[variant] = std::move(w);
}

PageCache::Lookup PageCache::lookup(std::string_view key) {
    if (!enabled()) return {};
    const auto now = std::chrono::steady_clock::now();
    std::lock_guard lock(mutex_);
    const auto it = entries_.find(key);
    if (it == entries_.end()) return {};
    Entry& e = it->second;
    if (e.expires > now) {
        hits_.fetch_add(1, std::memory_order_relaxed);
        return {e.page, false};
    }
    if (now - e.expires >= grace_) return {};  // too old to answer with: an ordinary miss
    if (e.refreshing_until <= now) {
        e.refreshing_until = now + refresh_timeout_;
        return {nullptr, true};
    }
    hits_.fetch_add(1, std::memory_order_relaxed);
    return {e.page, false};
}

void PageCache::abandon(std::string_view key) {
    std::lock_guard lock(mutex_);
    if (const auto it = entries_.find(key); it != entries_.end()) it->second.refreshing_until = {};
}

std::shared_ptr<const CachedPage> PageCache::store(const std::string& key, Response res) {
    if (!res.header("ETag")) res.set_header("ETag", etag_of(res.body));
    if (!res.gzip_body) res.gzip_body = std::make_shared<const std::string>(gzip_compress(res.body));
    auto shared = std::make_shared<const CachedPage>(std::move(res));
    if (!enabled()) return shared;
    stores_.fetch_add(1, std::memory_order_relaxed);
    const auto now = std::chrono::steady_clock::now();
    std::lock_guard lock(mutex_);
    if (entries_.size() >= max_entries_) {
        // Expired entries go first; when every entry is live (many distinct query strings), all go.
        std::erase_if(entries_, [&](const auto& e) { return e.second.expires <= now; });
        if (entries_.size() >= max_entries_) entries_.clear();
    }
    entries_.insert_or_assign(key, Entry{shared, now + ttl_});
    return shared;
}

void PageCache::clear() {
    std::lock_guard lock(mutex_);
    entries_.clear();
}

std::size_t PageCache::entries() {
    std::lock_guard lock(mutex_);
    return entries_.size();
}

}  // namespace avenir::http
