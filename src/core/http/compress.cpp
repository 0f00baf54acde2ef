#include "core/http/compress.hpp"

#include <zlib.h>

#include <algorithm>
#include <charconv>
#include <limits>
#include <stdexcept>

#include "core/http/text.hpp"

namespace avenir::http {
namespace {

constexpr std::size_t kChunk = 64 * 1024;
constexpr std::size_t kMaxInput = std::numeric_limits<uInt>::max();

// Feeds at most kMaxInput bytes of the remaining input to zlib (avail_in is 32-bit).
void refill(z_stream& zs, std::string_view data, std::size_t& consumed) {
    if (zs.avail_in != 0 || consumed == data.size()) return;
    const std::size_t n = std::min(data.size() - consumed, kMaxInput);
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data() + consumed));
    zs.avail_in = static_cast<uInt>(n);
    consumed += n;
}

}  // namespace

std::string gzip_compress(std::string_view data, int level) {
    z_stream zs{};
    // windowBits 15 + 16: a gzip header and trailer instead of a zlib one.
    if (deflateInit2(&zs, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        throw std::runtime_error("gzip: deflateInit2 failed");
    std::string out;
    out.reserve(deflateBound(&zs, static_cast<uLong>(std::min(data.size(), kMaxInput))));
    std::size_t consumed = 0;
    int rc = Z_OK;
    char buf[kChunk];
    while (rc != Z_STREAM_END) {
        refill(zs, data, consumed);
        const int flush = (zs.avail_in == 0 && consumed == data.size()) ? Z_FINISH : Z_NO_FLUSH;
        zs.next_out = reinterpret_cast<Bytef*>(buf);
        zs.avail_out = sizeof buf;
        rc = deflate(&zs, flush);
        if (rc == Z_STREAM_ERROR) {
            deflateEnd(&zs);
            throw std::runtime_error("gzip: deflate failed");
        }
        out.append(buf, sizeof buf - zs.avail_out);
    }
    deflateEnd(&zs);
    return out;
}

std::string gzip_decompress(std::string_view data) {
    z_stream zs{};
    if (inflateInit2(&zs, 15 + 16) != Z_OK) throw std::runtime_error("gunzip: inflateInit2 failed");
    std::string out;
    std::size_t consumed = 0;
    int rc = Z_OK;
    char buf[kChunk];
    while (rc != Z_STREAM_END) {
        refill(zs, data, consumed);
        zs.next_out = reinterpret_cast<Bytef*>(buf);
        zs.avail_out = sizeof buf;
        rc = inflate(&zs, Z_NO_FLUSH);
        const bool stalled = rc == Z_BUF_ERROR && zs.avail_in == 0 && consumed == data.size();
        if (rc == Z_NEED_DICT || rc == Z_DATA_ERROR || rc == Z_MEM_ERROR || rc == Z_STREAM_ERROR || stalled) {
            inflateEnd(&zs);
            throw std::runtime_error(stalled ? "gunzip: truncated data" : "gunzip: corrupt data");
        }
        out.append(buf, sizeof buf - zs.avail_out);
    }
    inflateEnd(&zs);
    return out;
}

// Accept-Encoding (RFC 9110 §12.5.3): "gzip", "x-gzip" or "*", each with an optional q. An
// explicit gzip entry wins over "*"; q=0 means "not acceptable".
bool accepts_gzip(std::string_view accept_encoding) {
    double gzip_q = -1, star_q = -1;
    std::string_view rest = accept_encoding;
    while (!rest.empty()) {
        const std::size_t comma = rest.find(',');
        std::string_view item = rest.substr(0, comma);
        rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
        const std::size_t semi = item.find(';');
        const std::string_view coding = text::trim(item.substr(0, semi));
        double q = 1.0;
        for (std::string_view params = semi == std::string_view::npos ? "" : item.substr(semi + 1); !params.empty();) {
            const std::size_t next = params.find(';');
            const std::string_view p = text::trim(params.substr(0, next));
            params = next == std::string_view::npos ? std::string_view{} : params.substr(next + 1);
            if (p.size() >= 2 && ascii::lower(p[0]) == 'q' && p[1] == '=') {
                const std::string_view v = text::trim(p.substr(2));
                if (std::from_chars(v.data(), v.data() + v.size(), q).ec != std::errc{}) q = 0;  // locale-free
            }
        }
        if (text::iequals(coding, "gzip") || text::iequals(coding, "x-gzip")) gzip_q = std::max(gzip_q, q);
        else if (coding == "*") star_q = std::max(star_q, q);
    }
    if (gzip_q >= 0) return gzip_q > 0;
    return star_q > 0;
}

bool compressible(std::string_view content_type) {
    const std::string type = text::media_type(content_type);
    if (type.starts_with("text/")) return true;
    if (type.ends_with("+json") || type.ends_with("+xml")) return true;  // image/svg+xml, application/ld+json
    return type == "application/json" || type == "application/javascript" || type == "application/x-javascript" ||
           type == "application/xml" || type == "application/wasm";
}

}  // namespace avenir::http
