#pragma once
#include <string>
#include <string_view>

namespace avenir::http {
// gzip-compresses data (zlib, level 6).
std::string gzip_compress(std::string_view data, int level = 6);
// gunzip (for tests and clients).
std::string gzip_decompress(std::string_view data);
// True when an Accept-Encoding header value accepts gzip (q > 0).
bool accepts_gzip(std::string_view accept_encoding);
// True for content types worth compressing (text/*, json, xml, javascript, svg).
bool compressible(std::string_view content_type);
}  // namespace avenir::http
