#include "core/http/health.hpp"

namespace avenir::http {

Handler health_handler(std::function<bool()> probe) {
    return [probe = std::move(probe)](Request&) {
        const bool up = probe();
        Response res = Response::text(up ? "ok\n" : "database unavailable\n", up ? 200 : 503);
        res.set_header("Cache-Control", "no-store");
        return res;
    };
}

}  // namespace avenir::http
