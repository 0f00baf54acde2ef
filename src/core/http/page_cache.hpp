#pragma once
// Whole responses of anonymous GET pages (micro-caching), shared by every module: an entry is fresh
// for `ttl`, so content changed by another process or instance shows within that time. Holds the
// gzip copy and an ETag, so a hit costs no rendering, no compression and no database query, and
// is served on the io thread (see Pipeline::try_inline). Routes opt in with
// RouteOptions::cache_anonymous; a module that changes what its pages show calls clear().
//
// Expiry without a stampede (stale-while-revalidate, as nginx's proxy_cache_use_stale updating):
// when an entry has just expired, the first lookup is told to render it again and the others keep
// getting the expired page until the new one is stored, for at most `grace` after expiry. Without
// this, every connection waiting on a popular page misses at once and queues behind whatever the
// workers are doing (a burst of sign-ins), and the page's tail latency is that queue.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
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
    // grace: how long after expiry an entry may still answer while one caller renders it again
    // (default: 6 x ttl, at least 5 s); refresh_timeout: how long that caller has before another
    // is chosen (it may have failed, or been refused for a full queue).
    explicit PageCache(std::chrono::milliseconds ttl, std::size_t max_entries = 1024,
                       std::optional<std::chrono::milliseconds> grace = std::nullopt,
                       std::chrono::milliseconds refresh_timeout = std::chrono::seconds(5))
        : ttl_(ttl), grace_(grace ? *grace : std::max<std::chrono::milliseconds>(6 * ttl, std::chrono::seconds(5))),
          refresh_timeout_(refresh_timeout), max_entries_(max_entries) {}

    struct Lookup {
        // The page to answer with: fresh, or expired while another caller renders it again. Null
        // when there is none to answer with.
        std::shared_ptr<const CachedPage> page;
        // This caller was chosen to render the page and store() it (or abandon() it); page is null.
        bool refresh = false;
    };
    Lookup lookup(std::string_view key);
    // The page to answer with (see lookup), or null: a caller that gets null renders and stores.
    std::shared_ptr<const CachedPage> find(std::string_view key) { return lookup(key).page; }
    // Keeps a 200 response (adds its ETag and gzip copy); returns the stored page.
    std::shared_ptr<const CachedPage> store(const std::string& key, Response res);
    // The caller chosen by lookup() could not store (the page was not a 200): another may try.
    void abandon(std::string_view key);
    void clear();
    bool enabled() const { return ttl_.count() > 0; }
    // Lookups answered from the cache, and pages stored, since start (tests, statistics).
    std::uint64_t hits() const { return hits_.load(); }
    std::uint64_t stores() const { return stores_.load(); }
    // Pages held now (statistics).
    std::size_t entries();

private:
    using TimePoint = std::chrono::steady_clock::time_point;
    struct Entry {
        std::shared_ptr<const CachedPage> page;
        TimePoint expires;
        TimePoint refreshing_until{};  // a caller is rendering it again until then
    };
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
    };
    std::chrono::milliseconds ttl_, grace_, refresh_timeout_;
    std::size_t max_entries_;
    std::atomic<std::uint64_t> hits_{0}, stores_{0};
    std::mutex mutex_;
    std::unordered_map<std::string, Entry, Hash, std::equal_to<>> entries_;
};

}  // namespace avenir::http
