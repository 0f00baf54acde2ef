#include "core/http/health.hpp"

namespace avenir::http {
namespace {
std::int64_t now_ms() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch()).count();
}
}  // namespace

void HealthProbe::refresh() {
    std::lock_guard lock(refreshing_);
    up_ = probe_();
    checked_ms_ = now_ms();
}

bool HealthProbe::up() {
    const std::int64_t checked = checked_ms_.load();
    if (checked < 0) {
        refresh();  // never checked yet: wait for the first answer
    } else if (now_ms() - checked > max_age_.count()) {
        if (std::unique_lock lock(refreshing_, std::try_to_lock); lock.owns_lock()) {
            up_ = probe_();
            checked_ms_ = now_ms();
        }
    }
    return up_.load();
}

Handler health_handler(HealthProbe& probe) {
    return [&probe](Request&) {
        const bool up = probe.up();
        Response res = Response::text(up ? "ok\n" : "database unavailable\n", up ? 200 : 503);
        res.set_header("Cache-Control", "no-store");
        return res;
    };
}

}  // namespace avenir::http
