#pragma once
// The request pipeline between the socket server and the router: language prefix, routing,
// 404/405, error mapping, HEAD, conditional GET, security headers and gzip. No Boost.Beast here,
// so HTTP tests drive it directly with a real router and database.
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "core/http/request.hpp"
#include "core/http/response.hpp"
#include "core/http/router.hpp"

namespace avenir::http {

// Key in Request::context under which the pipeline stores the matched route's pattern
// (std::string, e.g. "/regions/{slug}"): for logs, which must not carry the path itself.
inline constexpr std::string_view kRouteContextKey = "avenir.route";

struct PipelineOptions {
    std::size_t default_max_body = 1024 * 1024;
    // Runs before routing: may rewrite req.path and set req.lang (language prefix).
    std::function<void(Request&)> before_route;
    // Runs after a route matched and before its handler: authentication, CSRF and the route's
    // permission. Throws an HttpError (e.g. Forbidden) to refuse, or returns a response (e.g. a
    // redirect to the sign-in page) to answer instead of the handler.
    std::function<std::optional<Response>(Request&, const Route&)> guard;
    // Runs on every response before it is finalised (e.g. to set or refresh cookies).
    std::function<void(Request&, Response&)> after;
    // Renders an error page in the layout and the request's language.
    std::function<Response(Request&, int status, std::string_view public_message)> error_page;
    // Extra header values; the defaults are strict.
    std::string content_security_policy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    bool hsts = false;  // Strict-Transport-Security when served over TLS
    std::size_t gzip_min_bytes = 256;
};

class Pipeline {
public:
    Pipeline(const Router& router, PipelineOptions options);

    // Fills path, query_string, request id and language from req.target (call once, before
    // body_limit/handle). Throws nothing; a malformed target is reported by handle() as 400.
    void prepare(Request& req) const;
    // Largest body the matched route accepts (the default when nothing matches).
    std::size_t body_limit(const Request& req) const;
    // Runs the request through router and handler; never throws.
    Response handle(Request& req) const noexcept;
    // An error page with every header finalised (used by the server for 400/408/413/431/503).
    Response error(Request& req, int status, std::string_view public_message = {}) const noexcept;

    const Router& router() const { return router_; }

private:
    Response dispatch(Request& req) const;
    void finalize(const Request& req, Response& res) const noexcept;

    const Router& router_;
    PipelineOptions options_;
};

// A fresh random request id (16 hex characters).
std::string new_request_id();

}  // namespace avenir::http
