// The headers every response leaves with: security headers, default cache policy, Vary,
// conditional GET (304), gzip and HEAD.
//
// Decisions:
// - Security headers are set on every response (errors and 304 included). A handler may set its
//   own Content-Security-Policy, Referrer-Policy, X-Frame-Options, Permissions-Policy or
//   Cross-Origin-Opener-Policy; the pipeline only fills the missing ones. nosniff is forced.
// - Referrer-Policy: same-origin. Paths may carry personal data and visiting some of our pages
//   may itself be sensitive, so other sites learn nothing, not even the origin.
// - Strict-Transport-Security: "max-age=31536000" without includeSubDomains, which could break
//   other services on sibling hosts; only when options.hsts and the request came over TLS.
// - Cache-Control defaults to "no-cache" (revalidate) on every response that sets none.
// - If-None-Match uses the weak comparison (RFC 9110 §13.1.2), handles lists, W/ and "*"; only
//   200 responses to GET/HEAD become 304. A 304 keeps ETag, Cache-Control and Vary.
// - When the pipeline gzips a response with a strong ETag, the ETag is made weak (as nginx
//   does): the bytes differ from the identity encoding, and weak comparison still gives 304s.
// - HEAD: every header of the GET response, Content-Length of the body that GET would send
//   (after gzip), and no body. The server must not recompute Content-Length for HEAD.
// - File bodies (Response::file) are never compressed and get no "Vary: Accept-Encoding": they
//   are large, often already compressed, and a Range must count bytes of the file itself. For
//   HEAD the file is dropped and Content-Length is its length; a 304 drops it too.
#include <string>

#include "core/http/compress.hpp"
#include "core/http/pipeline.hpp"
#include "core/http/text.hpp"

namespace avenir::http {
namespace {

void set_default(Response& res, std::string_view name, std::string_view value) {
    if (!value.empty() && !res.header(name)) res.set_header(std::string(name), std::string(value));
}

void add_security_headers(const PipelineOptions& options, const Request& req, Response& res) {
    set_default(res, "Content-Security-Policy", options.content_security_policy);
    res.set_header("X-Content-Type-Options", "nosniff");
    set_default(res, "Referrer-Policy", "same-origin");
    set_default(res, "X-Frame-Options", "DENY");
    set_default(res, "Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    set_default(res, "Cross-Origin-Opener-Policy", "same-origin");
    if (options.hsts && req.secure) set_default(res, "Strict-Transport-Security", "max-age=31536000");
}

// Adds token to the Vary header unless already listed (or "*").
void add_vary(Response& res, std::string_view token) {
    const std::string current(res.header("Vary").value_or(""));
    for (std::string_view rest = current; !rest.empty();) {
        const std::size_t comma = rest.find(',');
        const std::string_view item = text::trim(rest.substr(0, comma));
        if (item == "*" || text::iequals(item, token)) return;
        rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
    }
    res.set_header("Vary", current.empty() ? std::string(token) : current + ", " + std::string(token));
}

std::string_view opaque_tag(std::string_view etag) {
    return etag.starts_with("W/") ? etag.substr(2) : etag;
}

// If-None-Match: "*" or a comma-separated list of entity tags, each maybe weak.
bool etag_matches(std::string_view if_none_match, std::string_view etag) {
    const std::string_view wanted = opaque_tag(etag);
    std::size_t i = 0;
    while (i < if_none_match.size()) {
        const char c = if_none_match[i];
        if (c == ' ' || c == '\t' || c == ',') { ++i; continue; }
        if (c == '*') return true;
        if (if_none_match.substr(i, 2) == "W/") i += 2;
        if (i >= if_none_match.size() || if_none_match[i] != '"') {  // malformed: skip the item
            i = if_none_match.find(',', i);
            continue;
        }
        const std::size_t close = if_none_match.find('"', i + 1);
        if (close == std::string_view::npos) return false;
        if (if_none_match.substr(i, close - i + 1) == wanted) return true;
        i = close + 1;
    }
    return false;
}

bool not_modified(const Request& req, const Response& res) {
    if ((req.method != Method::Get && req.method != Method::Head) || res.status != 200) return false;
    const auto etag = res.header("ETag");
    const auto inm = req.header("if-none-match");
    return etag && inm && etag_matches(*inm, *etag);
}

void make_not_modified(Response& res) {
    res.status = 304;
    res.body.clear();
    res.gzip_body.reset();
    res.file.reset();
    for (const char* name : {"Content-Type", "Content-Length", "Content-Encoding"}) res.remove_header(name);
}

void maybe_gzip(const PipelineOptions& options, const Request& req, Response& res) {
    if (res.no_compress || res.file || res.status == 204 || res.body.size() < options.gzip_min_bytes) return;
    if (res.header("Content-Encoding")) return;
    const auto accept = req.header("accept-encoding");
    if (!accept || !accepts_gzip(*accept)) return;
    if (res.gzip_body) {
        res.body = *res.gzip_body;
    } else {
        std::string gz = gzip_compress(res.body);
        if (gz.size() >= res.body.size()) return;
        res.body = std::move(gz);
    }
    res.set_header("Content-Encoding", "gzip");
    if (const auto etag = res.header("ETag"); etag && !etag->starts_with("W/"))
        res.set_header("ETag", "W/" + std::string(*etag));
}

}  // namespace

std::shared_ptr<const Wire> to_wire(const Response& res, bool head, const Response& page) {
    auto w = std::make_shared<Wire>();
    w->status = res.status;
    std::string& out = w->head;
    out.reserve(512);
    out.append("HTTP/1.1 ").append(std::to_string(res.status)).append(" ").append(status_reason(res.status)).append("\r\n");
    for (const auto& [name, value] : res.headers) {
        if (text::iequals(name, "content-length") || text::iequals(name, "connection") || text::iequals(name, "date")) continue;
        out.append(name).append(": ").append(value).append("\r\n");
    }
    if (head) {
        out.append("Content-Length: ").append(std::string(res.header("Content-Length").value_or("0"))).append("\r\n");
        return w;
    }
    // The body as finalised: the page's own gzip copy when it went compressed, else its text.
    const bool gzipped = res.header("Content-Encoding").has_value();
    if (gzipped && page.gzip_body && *page.gzip_body == res.body) w->body = page.gzip_body;
    else w->body = std::make_shared<const std::string>(res.body);
    w->body_size = w->body->size();
    out.append("Content-Length: ").append(std::to_string(w->body_size)).append("\r\n");
    return w;
}

void Pipeline::finalize(const Request& req, Response& res) const noexcept {
    try {
        add_security_headers(options_, req, res);
        set_default(res, "Cache-Control", "no-cache");
        const bool is_compressible = !res.file && compressible(res.header("Content-Type").value_or(""));
        if (is_compressible) add_vary(res, "Accept-Encoding");
        if (not_modified(req, res)) {
            make_not_modified(res);
            return;
        }
        if (is_compressible) maybe_gzip(options_, req, res);
        res.gzip_body.reset();
        if (req.method == Method::Head) {
            res.set_header("Content-Length", std::to_string(res.file ? res.file->length : res.body.size()));
            res.body.clear();
            res.file.reset();
        }
    } catch (...) {
        // Out of memory while adding headers: send what we have rather than nothing.
    }
}

}  // namespace avenir::http
