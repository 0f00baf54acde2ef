#pragma once
// The request pipeline between the socket server and the router: language prefix, routing,
// 404/405, error mapping, HEAD, conditional GET, security headers and gzip. No Boost.Beast here,
// so HTTP tests drive it directly with a real router and database.
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "core/http/page_cache.hpp"
#include "core/http/request.hpp"
#include "core/http/response.hpp"
#include "core/http/router.hpp"

namespace avenir::http {

// Key in Request::context under which the pipeline stores the matched route's pattern
// (std::string, e.g. "/regions/{slug}"): for logs, which must not carry the path itself.
inline constexpr std::string_view kRouteContextKey = "avenir.route";

struct PipelineOptions {
    std::size_t default_max_body = 1024 * 1024;
    // Runs before routing, on the io thread, so it must not block: may rewrite req.path and set
    // req.lang (language prefix, Accept-Language).
    std::function<void(Request&)> before_route;
    // Runs before the guard, on the thread that runs handlers: may load who is signing the request
    // (a database read) and refine req.lang from their preference.
    std::function<void(Request&)> before_handler;
    // Runs after a route matched and before its handler: authentication, CSRF and the route's
    // permission. Throws an HttpError (e.g. Forbidden) to refuse, or returns a response (e.g. a
    // redirect to the sign-in page) to answer instead of the handler.
    std::function<std::optional<Response>(Request&, const Route&)> guard;
    // Runs on every response before it is finalised (e.g. to set or refresh cookies).
    std::function<void(Request&, Response&)> after;
    // For cache hits answered from their serialized form: what `after` adds depends on, for an
    // anonymous request, as a number 0..3 (e.g. 1 when the path had a language prefix). Each value
    // gets its own serialized form. Without it, `after` must add the same headers to every
    // anonymous request for a cached page.
    std::function<unsigned(const Request&)> after_variant;
    // Renders an error page in the layout and the request's language.
    std::function<Response(Request&, int status, std::string_view public_message)> error_page;
    // Page cache for routes with cache_anonymous. may_be_signed_in runs on the io thread and must
    // not block (e.g. "carries a session cookie"); signed_in runs after before_handler.
    PageCache* page_cache = nullptr;
    std::function<bool(const Request&)> may_be_signed_in;
    std::function<bool(Request&)> signed_in;
    // For routes with cache_signed_in: a key naming what the signed-in reader is allowed (e.g. one
    // bit per permission); readers with the same key share the page.
    std::function<std::string(Request&)> viewer_key;
    // Where multipart bodies held in memory put their files (streamed ones: ServerConfig::upload_dir).
    std::string upload_dir;
    // For a handler's exception that means "busy, try again" (a locked or exhausted database):
    // the seconds to put in Retry-After of a 503; nullopt for any other exception (a 500).
    std::function<std::optional<int>(const std::exception&)> retry_after;
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
    // body_limit/handle). Never blocks, never throws; a malformed target is reported by handle()
    // as 400.
    void prepare(Request& req) const;
    // Largest body the matched route accepts (the default when nothing matches).
    std::size_t body_limit(const Request& req) const;
    // The answer when it needs no handler thread: an inline route (static files, health) or a page
    // cache hit for a visitor without a session. nullopt: call handle() on a worker. Never throws.
    // wire_ok: a cache hit may come as Response::wire, the bytes to send (the server's fast path).
    std::optional<Response> try_inline(Request& req, bool wire_ok = false) const noexcept;
    // Runs the request through router and handler; never throws. wire_ok: a page-cache hit may
    // come as Response::wire (the server's fast path; tests read ordinary responses).
    Response handle(Request& req, bool wire_ok = false) const noexcept;
    // The pattern of route number i (Request::route_index), "" for none.
    std::string_view route_pattern(int i) const {
        return i >= 0 && static_cast<std::size_t>(i) < router_.routes().size() ? std::string_view(router_.routes()[i].pattern) : std::string_view();
    }
    // An error page with every header finalised (used by the server for 400/408/413/431/503).
    Response error(Request& req, int status, std::string_view public_message = {}) const noexcept;

    const Router& router() const { return router_; }
    const PipelineOptions& options() const { return options_; }

private:
    Response dispatch(Request& req, bool wire_ok) const;
    Response cached_or_render(Request& req, const Route& route, bool wire_ok) const;
    // A cache hit in its serialized form for this request's variant (built on first use).
    // nullopt when this request's answer must not be shared (it would carry a cookie).
    std::optional<Response> wire_of(Request& req, const CachedPage& page) const;
    bool cacheable(const Request& req, const Route& route) const;
    std::string cache_key(const Request& req, const Route& route) const;
    unsigned wire_variant(const Request& req) const;
    void finalize(const Request& req, Response& res) const noexcept;

    const Router& router_;
    PipelineOptions options_;
};

// The wire form of a finalised response (head: for a HEAD request); page is the cached response
// it came from (its gzip copy is shared rather than copied).
std::shared_ptr<const Wire> to_wire(const Response& res, bool head, const Response& page);

// Marks the response being built as meant for this visitor only (it holds a CSRF token, the
// person's own data...): the page cache never keeps it, whatever the route says.
void mark_private(Request& req);
bool is_private(const Request& req);

// A fresh random request id (16 hex characters).
std::string new_request_id();

}  // namespace avenir::http
