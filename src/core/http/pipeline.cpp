// Routing, error mapping and error pages. Response headers (security, cache, HEAD, 304, gzip)
// are in pipeline_finalize.cpp.
//
// Decisions:
// - The path is percent-decoded once ('+' stays '+'); a target whose path is not "/..." or whose
//   decoded path holds invalid UTF-8 or a control character (NUL, CR, LF...) is a 400: such bytes
//   could otherwise reach logs, file names or a Location header.
// - prepare() never throws: a failure (bad target, or an exception from before_route, which may
//   throw NotFound for an unknown language) is kept and rethrown by handle(), so it is mapped
//   like any handler error.
// - "/x/" with no route of its own but a route for "/x" is redirected there, built from the
//   target as received (language prefix and query kept): 301 for GET/HEAD, 308 otherwise.
// - 404 and 405 found by the router are not logged (the access log has them); HttpErrors thrown
//   by handlers are logged at warn, anything else at error with the request id.
#include "core/http/pipeline.hpp"

#include "core/html.hpp"
#include "core/http/compress.hpp"

#include <sodium.h>

#include <exception>

#include "core/errors.hpp"
#include "core/http/text.hpp"
#include "core/text/utf8.hpp"
#include "core/log.hpp"

namespace avenir::http {
namespace {

constexpr std::string_view kPrepareErrorKey = "avenir.prepare_error";
// The page-cache key this request was chosen to render again (see PageCache::lookup).
constexpr std::string_view kCacheRefreshKey = "avenir.cache_refresh";

// {path, query} of a request-target, origin-form or absolute-form ("http://host/p?q").
std::pair<std::string_view, std::string_view> split_target(std::string_view target) {
    for (const std::string_view scheme : {std::string_view("http://"), std::string_view("https://")}) {
        if (!text::istarts_with(target, scheme)) continue;
        const std::size_t at = target.find_first_of("/?", scheme.size());
        if (at == std::string_view::npos) return {"/", ""};
        if (target[at] == '?') return {"/", target.substr(at + 1)};
        target = target.substr(at);
        break;
    }
    const std::size_t q = target.find('?');
    if (q == std::string_view::npos) return {target, ""};
    return {target.substr(0, q), target.substr(q + 1)};
}

bool clean_path(std::string_view p) {
    for (const char c : p)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) return false;
    return utf8::valid(p);
}

std::string default_message(int status) {
    switch (status) {
        case 400: return "The request could not be understood.";
        case 403: return "You do not have permission to do this.";
        case 404: return "This page does not exist.";
        case 405: return "This action is not available at this address.";
        case 408: return "The request took too long to arrive.";
        case 413: return "The request is too large.";
        case 431: return "The request headers are too large.";
        case 503: return "The service is busy or restarting. Please try again in a moment.";
        default: return std::string(status_reason(status));
    }
}

Response builtin_page(int status, std::string_view message) {
    const std::string title = std::to_string(status) + " " + std::string(status_reason(status));
    return Response::html("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title +
                              "</title></head>\n<body><h1>" + title + "</h1>\n<p>" + html_escape(message) +
                              "</p></body></html>\n",
                          status);
}

// The error page, not yet finalised: options.error_page, or the built-in page when it is
// missing or fails.
Response render_error(const PipelineOptions& options, Request& req, int status, std::string_view message) {
    if (status < 400 || status > 599) status = 500;
    const std::string text = message.empty() ? default_message(status) : std::string(message);
    Response res;
    bool rendered = false;
    if (options.error_page) {
        try {
            res = options.error_page(req, status, text);
            rendered = true;
        } catch (const std::exception& e) {
            log::error("error_page_failed", log::kv("request_id", req.request_id) + " " + log::kv("error", e.what()));
        } catch (...) {
            log::error("error_page_failed", log::kv("request_id", req.request_id));
        }
    }
    if (!rendered) res = builtin_page(status, text);
    res.status = status;
    return res;
}

std::string allow_header(const std::vector<Method>& methods) {
    std::string out;
    for (const Method m : methods) {
        if (!out.empty()) out += ", ";
        out += method_name(m);
    }
    return out;
}

std::optional<Response> trailing_slash_redirect(const Router& router, const Request& req) {
    if (req.path.size() < 2 || req.path.back() != '/') return std::nullopt;
    const bool safe = req.method == Method::Get || req.method == Method::Head;
    const std::string_view without = std::string_view(req.path).substr(0, req.path.size() - 1);
    if (!router.match(safe ? Method::Get : req.method, without, nullptr).route) return std::nullopt;
    const auto [raw, query] = split_target(req.target);
    if (raw.size() < 2 || raw.back() != '/') return std::nullopt;  // the slash came from "%2F"
    std::string location(raw.substr(0, raw.size() - 1));
    if (!query.empty()) location.append("?").append(query);
    try {
        return Response::redirect(std::move(location), safe ? 301 : 308);
    } catch (const BadRequest&) {
        return std::nullopt;  // "//host/": never redirect off-site
    }
}

// Logs a handler failure; never throws.
void log_failure(log::Level level, std::string_view event, const Request& req, int status, const char* what) noexcept {
    try {
        std::string fields = log::kv("request_id", req.request_id) + " " + log::kv("status", status);
        if (const auto it = req.context.find(kRouteContextKey); it != req.context.end())
            if (const auto* pattern = std::any_cast<std::string>(&it->second)) fields += " " + log::kv("route", *pattern);
        fields += " " + log::kv("error", what);
        log::write(level, event, fields);
    } catch (...) {
    }
}

bool cacheable_method(Method m) { return m == Method::Get || m == Method::Head; }

constexpr std::string_view kPrivateKey = "avenir.private";

}  // namespace

bool Pipeline::cacheable(const Request& req, const Route& route) const {
    return route.options.cache_anonymous && cacheable_method(req.method) && options_.page_cache &&
           options_.page_cache->enabled();
}

std::string Pipeline::cache_key(const Request& req, const Route& route) const {
    std::string key;
    key.reserve(req.lang.size() + req.path.size() + req.query_string.size() + 2);
    key.append(req.lang).push_back(' ');
    key.append(req.path);
    if (route.options.cache_with_query && !req.query_string.empty()) key.append("?").append(req.query_string);
    return key;
}

void mark_private(Request& req) { req.context.insert_or_assign(std::string(kPrivateKey), true); }

bool is_private(const Request& req) { return req.context.contains(kPrivateKey); }

// Request ids only tie log lines together: unpredictable enough from a per-thread generator seeded
// by the system's CSPRNG (no system call per request, unlike randombytes_buf).
std::string new_request_id() {
    thread_local std::uint64_t state = [] {
        if (sodium_init() < 0) throw std::runtime_error("libsodium initialisation failed");
        std::uint64_t seed = 0;
        randombytes_buf(&seed, sizeof seed);
        return seed;
    }();
    // splitmix64
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    z ^= z >> 31;
    unsigned char bytes[8];
    for (int i = 0; i < 8; ++i) bytes[i] = static_cast<unsigned char>(z >> (8 * i));
    return text::hex(bytes, sizeof bytes);
}

Pipeline::Pipeline(const Router& router, PipelineOptions options) : router_(router), options_(std::move(options)) {
    if (sodium_init() < 0) throw std::runtime_error("libsodium initialisation failed");
}

void Pipeline::prepare(Request& req) const {
    try {
        req.context.erase(std::string(kPrepareErrorKey));
        if (req.request_id.empty()) req.request_id = new_request_id();
        const auto [raw, query] = split_target(req.target);
        req.query_string = std::string(query);
        std::string decoded = url_decode(raw, false);
        req.path.clear();
        req.raw_path.clear();
        if (raw.empty() || raw.front() != '/' || !clean_path(decoded))
            throw BadRequest("The address is not valid.", "malformed request target");
        req.raw_path = decoded;
        req.path = std::move(decoded);
        if (req.upload_dir.empty()) req.upload_dir = options_.upload_dir;
        if (options_.before_route) options_.before_route(req);
    } catch (...) {
        try {
            req.context.insert_or_assign(std::string(kPrepareErrorKey), std::current_exception());
        } catch (...) {
            req.path.clear();  // handle() answers 400 for an empty path
        }
    }
}

std::size_t Pipeline::body_limit(const Request& req) const {
    try {
        const Match m = router_.match(req.method, req.path, nullptr);
        if (m.route && m.route->options.max_body != 0) return m.route->options.max_body;
    } catch (...) {
    }
    return options_.default_max_body;
}

std::optional<Response> Pipeline::try_inline(Request& req, bool wire_ok) const noexcept {
    try {
        if (req.context.contains(kPrepareErrorKey) || req.path.empty() || req.path.front() != '/') return std::nullopt;
        const Match m = router_.match(req.method, req.path, &req.params);
        if (!m.route) return std::nullopt;
        const Route& route = *m.route;
        req.route_index = static_cast<int>(m.route - router_.routes().data());
        Response res;
        if (route.options.inline_handler) {
            req.context.insert_or_assign(std::string(kRouteContextKey), route.pattern);
            res = route.handler(req);
        } else if (cacheable(req, route) && !(options_.may_be_signed_in && options_.may_be_signed_in(req))) {
            // Already chosen to render this page again (handle() after try_inline): render it.
            if (req.context.contains(kCacheRefreshKey)) return std::nullopt;
            std::string key = cache_key(req, route);
            const auto found = options_.page_cache->lookup(key);
            if (found.refresh) req.context.insert_or_assign(std::string(kCacheRefreshKey), std::move(key));
            if (!found.page) return std::nullopt;
            const auto& hit = found.page;
            // The server's fast path: the bytes this variant of the request gets, built once.
            if (wire_ok && !req.header("if-none-match") && req.http_version == 11)
                if (auto answer = wire_of(req, *hit)) return answer;
            res = hit->response;
        } else {
            return std::nullopt;
        }
        if (req.request_id.empty()) req.request_id = new_request_id();
        if (options_.after) options_.after(req, res);
        finalize(req, res);
        return res;
    } catch (...) {
        return std::nullopt;  // handle() runs it again and reports what failed
    }
}

unsigned Pipeline::wire_variant(const Request& req) const {
    unsigned v = 0;
    if (const auto accept = req.header("accept-encoding"); accept && accepts_gzip(*accept)) v |= 1;
    if (req.method == Method::Head) v |= 2;
    if (options_.hsts && req.secure) v |= 4;
    if (options_.after_variant) v |= (options_.after_variant(req) & 3u) << 3;
    return v;
}

Response Pipeline::cached_or_render(Request& req, const Route& route, bool wire_ok) const {
    if (!cacheable(req, route)) return route.handler(req);
    std::string key = cache_key(req, route);
    if (options_.signed_in && options_.signed_in(req)) {
        // Signed-in readers share a page only with readers allowed exactly the same things.
        if (!route.options.cache_signed_in || !options_.viewer_key) return route.handler(req);
        key = options_.viewer_key(req) + " " + key;
    }
    // Chosen on the io thread to render this page again, or asking now.
    bool chosen = false;
    if (const auto it = req.context.find(kCacheRefreshKey); it != req.context.end()) {
        const auto* claimed = std::any_cast<std::string>(&it->second);
        chosen = claimed && *claimed == key;
    }
    if (!chosen) {
        const auto found = options_.page_cache->lookup(key);
        if (const auto& hit = found.page) {
            if (wire_ok && !req.header("if-none-match") && req.http_version == 11)
                if (auto answer = wire_of(req, *hit)) return std::move(*answer);
            return hit->response;
        }
        chosen = found.refresh;
    }
    // Whatever happens below, a caller chosen to refresh either stores the page or lets another try.
    struct Abandon {
        PageCache* cache;
        const std::string* key;
        bool armed;
        ~Abandon() {
            if (armed) cache->abandon(*key);
        }
    } abandon{options_.page_cache, &key, chosen};
    Response res = route.handler(req);
    if (res.status != 200 || is_private(req)) return res;
    // A page that sets a cookie (e.g. a form's CSRF cookie) belongs to one visitor: never shared.
    Response probe = res;
    if (options_.after) options_.after(req, probe);
    if (probe.header("Set-Cookie")) return res;
    abandon.armed = false;
    return options_.page_cache->store(key, std::move(res))->response;
}

std::optional<Response> Pipeline::wire_of(Request& req, const CachedPage& page) const {
    const unsigned variant = wire_variant(req);
    auto wire = page.wire(variant);
    if (!wire) {
        Response res = page.response;
        if (options_.after) options_.after(req, res);
        finalize(req, res);
        if (res.header("Set-Cookie")) return std::nullopt;  // this visitor's own: the ordinary path
        wire = to_wire(res, req.method == Method::Head, page.response);
        page.set_wire(variant, wire);
    }
    Response answer;
    answer.status = wire->status;
    answer.wire = std::move(wire);
    return answer;
}

Response Pipeline::dispatch(Request& req, bool wire_ok) const {
    if (const auto it = req.context.find(kPrepareErrorKey); it != req.context.end())
        if (const auto* failure = std::any_cast<std::exception_ptr>(&it->second)) std::rethrow_exception(*failure);
    if (req.path.empty() || req.path.front() != '/') throw BadRequest("The address is not valid.", "empty request path");
    const Match m = router_.match(req.method, req.path, &req.params);
    if (m.route) {
        req.route_index = static_cast<int>(m.route - router_.routes().data());
        req.context.insert_or_assign(std::string(kRouteContextKey), m.route->pattern);
        if (options_.before_handler) options_.before_handler(req);
        if (options_.guard)
            if (auto answer = options_.guard(req, *m.route)) return std::move(*answer);
        return cached_or_render(req, *m.route, wire_ok);
    }
    if (auto redirect = trailing_slash_redirect(router_, req)) return std::move(*redirect);
    if (m.allowed.empty()) return render_error(options_, req, 404, {});
    Response res = render_error(options_, req, 405, {});
    res.set_header("Allow", allow_header(m.allowed));
    return res;
}

Response Pipeline::handle(Request& req, bool wire_ok) const noexcept {
    if (auto answer = try_inline(req, wire_ok)) return std::move(*answer);
    try {
        if (req.request_id.empty()) req.request_id = new_request_id();
        Response res = dispatch(req, wire_ok);
        if (res.wire) return res;  // a cache hit already in its final form
        if (options_.after) options_.after(req, res);
        finalize(req, res);
        return res;
    } catch (const HttpError& e) {
        log_failure(log::Level::Warn, "http_error", req, e.status(), e.what());
        Response res = error(req, e.status(), e.public_message());
        if (e.retry_after() > 0) res.set_header("Retry-After", std::to_string(e.retry_after()));
        return res;
    } catch (const std::exception& e) {
        if (options_.retry_after) {
            std::optional<int> seconds;
            try {
                seconds = options_.retry_after(e);
            } catch (...) {
            }
            if (seconds) {
                log_failure(log::Level::Warn, "busy", req, 503, e.what());
                Response res = error(req, 503, {});
                res.set_header("Retry-After", std::to_string(*seconds));
                return res;
            }
        }
        log_failure(log::Level::Error, "unhandled", req, 500, e.what());
    } catch (...) {
        log_failure(log::Level::Error, "unhandled", req, 500, "unknown exception");
    }
    try {
        return error(req, 500, "Something went wrong on our side. Reference: " + req.request_id);
    } catch (...) {
        return error(req, 500, {});
    }
}

Response Pipeline::error(Request& req, int status, std::string_view public_message) const noexcept {
    try {
        std::string message(public_message);
        if (status == 413 && message.empty()) {
            const Match m = router_.match(req.method, req.path, nullptr);
            if (m.route) message = m.route->options.too_large_message;
        }
        Response res = render_error(options_, req, status, message);
        if (options_.after) options_.after(req, res);
        finalize(req, res);
        return res;
    } catch (...) {
    }
    Response res;
    res.status = status < 400 || status > 599 ? 500 : status;
    try {
        res.body = std::string(status_reason(res.status));
        res.set_header("Content-Type", "text/plain; charset=utf-8");
    } catch (...) {
    }
    finalize(req, res);
    return res;
}

}  // namespace avenir::http
