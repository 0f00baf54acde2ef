// libFuzzer target for the parsers that take outside input: query strings, cookies, url-decoding,
// multipart bodies, Accept-Encoding, gunzip and Markdown. Built by `make fuzz` (clang).
// The first input byte picks the parser; a parser may throw avenir::HttpError on bad input, nothing else.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/errors.hpp"
#include "core/http/compress.hpp"
#include "core/http/request.hpp"
#include "core/view/markdown.hpp"

using namespace avenir;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const std::string_view in(reinterpret_cast<const char*>(data) + 1, size - 1);
    try {
        switch (data[0] % 7) {
            case 0: http::parse_query(in); break;
            case 1: http::parse_cookies(in); break;
            case 2: http::url_decode(in); break;
            case 3: http::parse_multipart(in, "multipart/form-data; boundary=xYz"); break;
            case 4: http::accepts_gzip(in); break;
            case 5: http::gzip_decompress(in); break;
            case 6: view::markdown_to_html(in); break;
        }
    } catch (const HttpError&) {
    } catch (const std::runtime_error&) {  // gunzip reports corrupt data this way
    }
    return 0;
}
