#pragma once
// GET /healthz: 200 when the probe (the database) answers, 503 otherwise. For load balancers.
#include <functional>

#include "core/http/router.hpp"

namespace avenir::http {
Handler health_handler(std::function<bool()> probe);
}  // namespace avenir::http
