#pragma once
// Whole responses of anonymous GET pages (micro-caching), shared by every module: an entry lives
// for `ttl`, so content changed by another process or instance shows within that time. Holds the
// gzip copy and an ETag, so a hit costs no rendering, no compression and no database query, and
// is served on the io thread (see Pipeline::try_inline). Routes opt in with
// RouteOptions::cache_anonymous; a module that changes what its pages show calls clear().
#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/http/response.hpp"

namespace avenir::http {

// A kept page: the response as rendered, and its wire forms, built on first use per variant.
struct CachedPage {
    explicit CachedPage(Response r) : response(std::move(r)) {}
    const Response response;
    std::shared_ptr<const Wire> wire(unsigned variant) const;
    void set_wire(unsigned variant, std::shared_ptr<const Wire> w) const;

private:
    static constexpr unsigned kVariants = 32;
    mutable std::mutex mutex_;
    mutable std::shared_ptr<const Wire> wires_[kVariants];
};

class PageCache {
public:
    explicit PageCache(std::chrono::milliseconds ttl, std::size_t max_entries = 1024)
        : ttl_(ttl), max_entries_(max_entries) {}

    // The live entry for key, or null.
    std::shared_ptr<const CachedPage> find(std::string_view key);
    // Keeps a 200 response (adds its ETag and gzip copy); returns the stored page.
    std::shared_ptr<const CachedPage> store(const std::string& key, Response res);
    void clear();
    bool enabled() const { return ttl_.count() > 0; }
    // Lookups answered from the cache, and pages stored, since start (tests, statistics).
    std::uint64_t hits() const { return hits_.load(); }
    std::uint64_t stores() const { return stores_.load(); }

private:
    struct Entry {
        std::shared_ptr<const CachedPage> page;
        std::chrono::steady_clock::time_point expires;
    };
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
    };
    std::chrono::milliseconds ttl_;
    std::size_t max_entries_;
    std::atomic<std::uint64_t> hits_{0}, stores_{0};
    std::mutex mutex_;
    std::unordered_map<std::string, Entry, Hash, std::equal_to<>> entries_;
};

}  // namespace avenir::http
