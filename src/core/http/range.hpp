#pragma once
// Files served from disk with ETag, conditional GET and single byte ranges (RFC 9110 §13, §14),
// so that large downloads need no memory copy and can resume. No Boost.Beast here: the server
// streams the FileBody that file_response() returns.
#include <cstdint>
#include <string>
#include <string_view>

#include "core/http/request.hpp"
#include "core/http/response.hpp"

namespace avenir::http {

// What a Range header asks of a representation of a given size.
struct ByteRange {
    enum class Kind {
        Whole,          // no usable Range: absent, malformed, another unit or several ranges (send 200)
        Partial,        // [first, last] (send 206)
        Unsatisfiable,  // send 416 with "Content-Range: bytes */size"
    };
    Kind kind = Kind::Whole;
    std::uint64_t first = 0;  // Partial only, inclusive
    std::uint64_t last = 0;   // Partial only, inclusive, < size
    std::uint64_t length() const { return kind == Kind::Partial ? last - first + 1 : 0; }
};

// Parses a Range header value ("bytes=0-499", "bytes=500-", "bytes=-500") against size bytes.
// Positions longer than 64 bits saturate, so "bytes=0-99999999999999999999" means "to the end".
ByteRange parse_range(std::string_view value, std::uint64_t size);

// A GET/HEAD response for the whole file at path (size bytes), or the part a Range asks for:
// Accept-Ranges, a strong ETag (etag may come with or without its quotes; empty for none),
// If-None-Match -> 304, one Range -> 206 + Content-Range, unsatisfiable -> 416, and If-Range
// with a different (or weak, or date) validator -> 200 with the whole file. Range is honoured on
// GET only (RFC 9110 §14.2); HEAD gets the headers of the whole file. Other methods get the whole
// file with no conditional handling. The file is opened only when the server sends it. The caller
// adds Content-Disposition and Cache-Control.
Response file_response(const Request& req, std::string path, std::uint64_t size, std::string content_type,
                       std::string etag);

}  // namespace avenir::http
