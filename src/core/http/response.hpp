#pragma once
// An HTTP response, independent of Boost.Beast.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace avenir::http {

// A byte span of a file on disk, streamed by the server in small chunks instead of held in memory
// (large uploads). The server opens the file only when it sends the response: a file that is gone
// or shorter than offset + length by then gives a 404/500 page instead.
struct FileBody {
    std::string path;
    std::uint64_t offset = 0;
    std::uint64_t length = 0;  // bytes sent; Content-Length
};

// A response already serialized for the wire: the status line and every header but Date (and
// Connection when the server closes), then the body. Kept by the page cache per variant of the
// request (encoding, method, ...), so a cache hit is written without building anything.
struct Wire {
    int status = 200;
    std::string head;                         // "HTTP/1.1 200 OK\r\n...\r\n" without the blank line
    std::shared_ptr<const std::string> body;  // null for HEAD
    std::uint64_t body_size = 0;              // bytes of body on the wire (0 for HEAD)
};

struct Response {
    int status = 200;
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;
    // An already gzip-compressed copy of body (e.g. cached pages, static files); used when the
    // client accepts gzip instead of compressing again.
    std::shared_ptr<const std::string> gzip_body;
    // Set true to stop the pipeline from compressing this response.
    bool no_compress = false;
    // When set, the response body is this file span and body is ignored; never compressed.
    // See file_response() in core/http/range.hpp for ETag, 304 and Range handling.
    std::optional<FileBody> file;
    // When set (server fast path only), these bytes are the whole answer and the rest is ignored.
    std::shared_ptr<const Wire> wire;

    void set_header(std::string name, std::string value);
    std::optional<std::string_view> header(std::string_view name) const;  // case-insensitive
    void remove_header(std::string_view name);

    static Response html(std::string body, int status = 200);
    static Response text(std::string body, int status = 200);
    static Response json(std::string body, int status = 200);
    // 303 See Other to a local path.
    static Response redirect(std::string location, int status = 303);
};

std::string_view status_reason(int status);

}  // namespace avenir::http
