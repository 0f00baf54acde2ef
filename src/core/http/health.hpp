#pragma once
// GET /healthz: 200 when the probe (the database) answers, 503 otherwise. For load balancers.
// Answered on the io thread from the last probe's result, so a health check is never delayed by
// busy handlers; the app's maintenance thread refreshes it every second. A result older than
// max_age is refreshed by the check that finds it so (one at a time; the others answer with the
// last result meanwhile).
#include <atomic>
#include <chrono>
#include <functional>
#include <mutex>

#include "core/http/router.hpp"

namespace avenir::http {

class HealthProbe {
public:
    explicit HealthProbe(std::function<bool()> probe, std::chrono::milliseconds max_age = std::chrono::seconds(3))
        : probe_(std::move(probe)), max_age_(max_age) {}
    bool up();
    // The last result, without probing (metrics).
    bool last() const { return up_.load(); }
    void refresh();

private:
    std::function<bool()> probe_;
    std::chrono::milliseconds max_age_;
    std::mutex refreshing_;
    std::atomic<bool> up_{false};
    std::atomic<std::int64_t> checked_ms_{-1};  // steady clock, ms; -1: never
};

// The handler (register it with inline_handler = true).
Handler health_handler(HealthProbe& probe);

}  // namespace avenir::http
