#pragma once
// Counters for /metrics in the Prometheus text format (version 0.0.4): requests by route pattern
// (never the path itself, which may carry a token), method and status; a latency histogram per
// route; and whatever the platform adds at scrape time through collectors (the
// worker queue, the database pool, the mail queue, jobs). Recording a request is a few relaxed
// atomic additions into arrays sized once from the route table: no lock, no allocation.
#include <array>
#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/http/router.hpp"

namespace avenir::http {

class Metrics {
public:
    explicit Metrics(const Router& router);
    ~Metrics();

    // One answered request: route_index as Request::route_index (-1: no route matched, or the
    // request was refused before routing), the status sent, the time from its first byte.
    void observe(int route_index, int status, double seconds) noexcept;

    // Appends metric families at scrape time (gauges read from elsewhere). Returns an id for
    // remove_collector (the server removes its own when it stops).
    using Collector = std::function<void(std::string& out)>;
    int add_collector(Collector c);
    void remove_collector(int id);

    // The whole exposition text.
    std::string render() const;

    // Helpers for collectors: "# HELP", "# TYPE" and one sample line.
    static void family(std::string& out, std::string_view name, std::string_view type, std::string_view help);
    static void sample(std::string& out, std::string_view name, std::string_view labels, double value);
    // A family of one unlabelled sample (type "gauge" or "counter").
    static void single(std::string& out, std::string_view name, std::string_view type, std::string_view help, double value) {
        family(out, name, type, help);
        sample(out, name, {}, value);
    }
    static std::string label_value(std::string_view v);  // escaped for a label value in quotes
    // The HTTP server's own gauges: connections and the worker pool.
    struct ServerLoad {
        std::size_t connections = 0, workers = 0, busy = 0, queued = 0, queue_capacity = 0;
    };
    static void server_gauges(std::string& out, const ServerLoad& load);

    static constexpr std::array<double, 12> kBuckets{0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5};
    static constexpr std::array<int, 24> kStatuses{200, 201, 204, 206, 301, 302, 303, 304, 400, 401, 403, 404,
                                                   405, 409, 410, 413, 415, 422, 429, 431, 500, 502, 503, 504};

private:
    struct Series {
        std::array<std::atomic<std::uint64_t>, kStatuses.size() + 1> by_status{};  // last: any other status
        std::array<std::atomic<std::uint64_t>, kBuckets.size() + 1> buckets{};     // last: +Inf
        std::atomic<std::uint64_t> micros{0};
    };
    struct Label {
        std::string method, route;
    };
    std::vector<Label> labels_;                  // index 0: unmatched; then the routes in order
    std::unique_ptr<Series[]> series_;
    mutable std::mutex collectors_mutex_;
    std::vector<std::pair<int, Collector>> collectors_;
    int next_id_ = 0;
};

}  // namespace avenir::http
