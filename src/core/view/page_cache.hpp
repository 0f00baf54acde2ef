#pragma once
// A small cache of whole responses for anonymous GET pages (micro-caching): an entry lives for
// `ttl`, so content changed by another process or instance shows within that time. Holds the
// gzip copy and an ETag, so a hit costs no rendering, no compression and no database query.
#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "core/http/response.hpp"

namespace avenir::view {

class PageCache {
public:
    explicit PageCache(std::chrono::milliseconds ttl, std::size_t max_entries = 512)
        : ttl_(ttl), max_entries_(max_entries) {}

    // The cached response for key, or make() (cached only when it answers 200).
    http::Response get_or_make(const std::string& key, const std::function<http::Response()>& make);
    void clear();

private:
    struct Entry {
        std::shared_ptr<const http::Response> response;
        std::chrono::steady_clock::time_point expires;
    };
    std::chrono::milliseconds ttl_;
    std::size_t max_entries_;
    std::mutex mutex_;
    std::unordered_map<std::string, Entry> entries_;
};

}  // namespace avenir::view
