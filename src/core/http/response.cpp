#include "core/http/response.hpp"

#include <algorithm>

#include "core/errors.hpp"
#include "core/http/text.hpp"

namespace avenir::http {
namespace {

Response with_type(std::string body, int status, std::string_view content_type) {
    Response r;
    r.status = status;
    r.body = std::move(body);
    r.set_header("Content-Type", std::string(content_type));
    return r;
}

// A local path only: "/x" but not "//host" or "/\host" (browsers read both as another host),
// and no control characters (header injection).
bool is_local_location(std::string_view location) {
    if (location.empty() || location[0] != '/') return false;
    if (location.size() > 1 && (location[1] == '/' || location[1] == '\\')) return false;
    return std::none_of(location.begin(), location.end(),
                        [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7F; });
}

}  // namespace

void Response::set_header(std::string name, std::string value) {
    remove_header(name);
    headers.emplace_back(std::move(name), std::move(value));
}

std::optional<std::string_view> Response::header(std::string_view name) const {
    for (const auto& [k, v] : headers)
        if (text::iequals(k, name)) return std::string_view(v);
    return std::nullopt;
}

void Response::remove_header(std::string_view name) {
    std::erase_if(headers, [&](const auto& h) { return text::iequals(h.first, name); });
}

Response Response::html(std::string body, int status) {
    return with_type(std::move(body), status, "text/html; charset=utf-8");
}

Response Response::text(std::string body, int status) {
    return with_type(std::move(body), status, "text/plain; charset=utf-8");
}

Response Response::json(std::string body, int status) {
    return with_type(std::move(body), status, "application/json; charset=utf-8");
}

// Throws BadRequest for anything but a local path, so a "?next=" parameter cannot turn into an
// open redirect.
Response Response::redirect(std::string location, int status) {
    if (!is_local_location(location))
        throw BadRequest("The address to continue to is not valid.", "redirect to a non-local location refused");
    Response r;
    r.status = status;
    r.set_header("Location", std::move(location));
    return r;
}

std::string_view status_reason(int status) {
    switch (status) {
        case 100: return "Continue";
        case 101: return "Switching Protocols";
        case 200: return "OK";
        case 201: return "Created";
        case 202: return "Accepted";
        case 204: return "No Content";
        case 206: return "Partial Content";
        case 301: return "Moved Permanently";
        case 302: return "Found";
        case 303: return "See Other";
        case 304: return "Not Modified";
        case 307: return "Temporary Redirect";
        case 308: return "Permanent Redirect";
        case 400: return "Bad Request";
        case 401: return "Unauthorized";
        case 403: return "Forbidden";
        case 404: return "Not Found";
        case 405: return "Method Not Allowed";
        case 406: return "Not Acceptable";
        case 408: return "Request Timeout";
        case 409: return "Conflict";
        case 410: return "Gone";
        case 411: return "Length Required";
        case 412: return "Precondition Failed";
        case 413: return "Content Too Large";
        case 414: return "URI Too Long";
        case 415: return "Unsupported Media Type";
        case 416: return "Range Not Satisfiable";
        case 422: return "Unprocessable Content";
        case 429: return "Too Many Requests";
        case 431: return "Request Header Fields Too Large";
        case 500: return "Internal Server Error";
        case 501: return "Not Implemented";
        case 502: return "Bad Gateway";
        case 503: return "Service Unavailable";
        case 504: return "Gateway Timeout";
        case 505: return "HTTP Version Not Supported";
        default: return "Unknown Status";
    }
}

}  // namespace avenir::http
