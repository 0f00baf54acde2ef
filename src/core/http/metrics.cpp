#include "core/http/metrics.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <tuple>

namespace avenir::http {

Metrics::Metrics(const Router& router) {
    labels_.push_back({"", "(unmatched)"});
    for (const auto& r : router.routes()) labels_.push_back({std::string(method_name(r.method)), r.pattern});
    series_ = std::make_unique<Series[]>(labels_.size());
}

Metrics::~Metrics() = default;

void Metrics::observe(int route_index, int status, double seconds) noexcept {
    const std::size_t i = route_index >= 0 && static_cast<std::size_t>(route_index) + 1 < labels_.size() ? route_index + 1 : 0;
    Series& s = series_[i];
    const auto st = std::find(kStatuses.begin(), kStatuses.end(), status);
    s.by_status[st - kStatuses.begin()].fetch_add(1, std::memory_order_relaxed);
    const auto b = std::lower_bound(kBuckets.begin(), kBuckets.end(), seconds);
    s.buckets[b - kBuckets.begin()].fetch_add(1, std::memory_order_relaxed);
    s.micros.fetch_add(static_cast<std::uint64_t>(std::max(0.0, seconds) * 1e6), std::memory_order_relaxed);
}

int Metrics::add_collector(Collector c) {
    std::lock_guard lock(collectors_mutex_);
    collectors_.emplace_back(next_id_, std::move(c));
    return next_id_++;
}

void Metrics::remove_collector(int id) {
    std::lock_guard lock(collectors_mutex_);
    std::erase_if(collectors_, [id](const auto& p) { return p.first == id; });
}

std::string Metrics::label_value(std::string_view v) {
    std::string out;
    for (char c : v) {
        if (c == '\\' || c == '"') out += '\\';
        if (c == '\n') {
            out += "\\n";
            continue;
        }
        out += c;
    }
    return out;
}

void Metrics::family(std::string& out, std::string_view name, std::string_view type, std::string_view help) {
    out.append("# HELP ").append(name).append(" ").append(help).append("\n# TYPE ").append(name).append(" ").append(type).append("\n");
}

void Metrics::sample(std::string& out, std::string_view name, std::string_view labels, double value) {
    out.append(name);
    if (!labels.empty()) out.append("{").append(labels).append("}");
    char buf[40];
    if (std::isinf(value)) std::snprintf(buf, sizeof buf, value > 0 ? "+Inf" : "-Inf");
    else if (value == std::floor(value) && std::abs(value) < 1e15) std::snprintf(buf, sizeof buf, "%.0f", value);
    else std::snprintf(buf, sizeof buf, "%.6g", value);
    out.append(" ").append(buf).append("\n");
}

void Metrics::server_gauges(std::string& out, const ServerLoad& l) {
    const std::tuple<const char*, const char*, std::size_t> gauges[] = {
        {"avenir_http_connections", "Client connections open.", l.connections},
        {"avenir_workers", "Handler threads.", l.workers},
        {"avenir_workers_busy", "Handler threads running a request now.", l.busy},
        {"avenir_worker_queue_depth", "Requests waiting for a handler thread.", l.queued},
        {"avenir_worker_queue_capacity", "Requests that may wait before new ones get 503.", l.queue_capacity},
    };
    for (const auto& [name, help, value] : gauges) single(out, name, "gauge", help, static_cast<double>(value));
}

std::string Metrics::render() const {
    std::string out;
    out.reserve(64 * 1024);
    auto route_labels = [&](std::size_t i) {
        return "method=\"" + label_value(labels_[i].method) + "\",route=\"" + label_value(labels_[i].route) + "\"";
    };
    family(out, "avenir_http_requests_total", "counter", "Requests answered, by route pattern, method and status.");
    for (std::size_t i = 0; i < labels_.size(); ++i) {
        const Series& s = series_[i];
        for (std::size_t k = 0; k < s.by_status.size(); ++k) {
            const auto n = s.by_status[k].load(std::memory_order_relaxed);
            if (n == 0) continue;
            const std::string status = k < kStatuses.size() ? std::to_string(kStatuses[k]) : "other";
            sample(out, "avenir_http_requests_total", route_labels(i) + ",status=\"" + status + "\"", static_cast<double>(n));
        }
    }
    family(out, "avenir_http_request_duration_seconds", "histogram", "Time from a request's first byte to its answer sent, by route pattern.");
    for (std::size_t i = 0; i < labels_.size(); ++i) {
        const Series& s = series_[i];
        std::uint64_t total = 0;
        for (const auto& b : s.buckets) total += b.load(std::memory_order_relaxed);
        if (total == 0) continue;
        std::uint64_t cumulative = 0;
        const std::string labels = route_labels(i);
        for (std::size_t k = 0; k < s.buckets.size(); ++k) {
            cumulative += s.buckets[k].load(std::memory_order_relaxed);
            char le[32];
            if (k < kBuckets.size()) std::snprintf(le, sizeof le, "%g", kBuckets[k]);
            else std::snprintf(le, sizeof le, "+Inf");
            sample(out, "avenir_http_request_duration_seconds_bucket", labels + ",le=\"" + le + "\"", static_cast<double>(cumulative));
        }
        sample(out, "avenir_http_request_duration_seconds_sum", labels, static_cast<double>(s.micros.load(std::memory_order_relaxed)) / 1e6);
        sample(out, "avenir_http_request_duration_seconds_count", labels, static_cast<double>(cumulative));
    }
    std::lock_guard lock(collectors_mutex_);
    for (const auto& [id, c] : collectors_) c(out);
    return out;
}

}  // namespace avenir::http
