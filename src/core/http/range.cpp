// File responses with ETag, 304 and single byte ranges.
//
// Decisions:
// - Only a single range is served. Several ranges (multipart/byteranges), a malformed header or a
//   unit other than "bytes" make us ignore Range and send the whole file with 200, which RFC 9110
//   §14.2 allows; resuming downloaders ask for one range anyway.
// - "bytes=b-a" with a < b is invalid, so ignored (200), not 416. A suffix range of 0 bytes is
//   unsatisfiable (§14.1.3). For an empty file, any first-pos is unsatisfiable and a suffix range
//   is ignored: there is no byte to send and no Content-Range that could describe none.
// - Digits beyond 64 bits saturate instead of failing: the syntax allows any length, and the
//   meaning (past the end) stays right.
// - If-None-Match uses weak comparison, If-Range strong comparison (§13.1.2, §13.1.5); an If-Range
//   date never matches, since we send no Last-Modified.
#include "core/http/range.hpp"

#include <algorithm>
#include <limits>
#include <optional>
#include <utility>

#include "core/http/text.hpp"

namespace avenir::http {
namespace {

constexpr std::uint64_t kMax = std::numeric_limits<std::uint64_t>::max();

// 1*DIGIT, saturating at kMax; nullopt for an empty or non-digit string.
std::optional<std::uint64_t> parse_digits(std::string_view s) {
    if (s.empty()) return std::nullopt;
    std::uint64_t n = 0;
    for (const char c : s) {
        if (c < '0' || c > '9') return std::nullopt;
        const auto d = static_cast<std::uint64_t>(c - '0');
        n = n > (kMax - d) / 10 ? kMax : n * 10 + d;
    }
    return n;
}

ByteRange partial(std::uint64_t first, std::uint64_t last) {
    return {ByteRange::Kind::Partial, first, last};
}

// One range-spec ("a-b", "a-", "-n").
ByteRange parse_spec(std::string_view spec, std::uint64_t size) {
    const std::size_t dash = spec.find('-');
    if (dash == std::string_view::npos) return {};
    const std::string_view first_text = spec.substr(0, dash);
    const std::string_view last_text = spec.substr(dash + 1);
    const auto last = parse_digits(last_text);
    if (first_text.empty()) {  // suffix range: the last n bytes
        if (!last) return {};
        if (*last == 0) return {ByteRange::Kind::Unsatisfiable};
        if (size == 0) return {};
        return partial(size - std::min(*last, size), size - 1);
    }
    const auto first = parse_digits(first_text);
    if (!first || (!last_text.empty() && !last)) return {};
    if (last && *last < *first) return {};  // invalid range-spec: ignore the header
    if (*first >= size) return {ByteRange::Kind::Unsatisfiable};
    return partial(*first, last ? std::min(*last, size - 1) : size - 1);
}

// The opaque part of an entity-tag ("\"x\"" of "W/\"x\""), and whether it was weak.
std::pair<std::string_view, bool> split_tag(std::string_view tag) {
    if (tag.starts_with("W/")) return {tag.substr(2), true};
    return {tag, false};
}

// If-None-Match: "*" or a list of entity-tags, weak comparison. Quote-aware: ',' may occur
// inside an entity-tag.
bool none_match_hit(std::string_view header, std::string_view etag) {
    const std::string_view wanted = split_tag(etag).first;
    std::size_t i = 0;
    while (i < header.size()) {
        const char c = header[i];
        if (c == ' ' || c == '\t' || c == ',') { ++i; continue; }
        if (c == '*') return true;
        if (header.substr(i, 2) == "W/") i += 2;
        if (i >= header.size() || header[i] != '"') {  // malformed item: skip it
            i = header.find(',', i);
            continue;
        }
        const std::size_t close = header.find('"', i + 1);
        if (close == std::string_view::npos) return false;
        if (header.substr(i, close - i + 1) == wanted) return true;
        i = close + 1;
    }
    return false;
}

// If-Range: the Range stands only when the validator is our strong ETag.
bool if_range_allows(const Request& req, std::string_view etag) {
    const auto value = req.header("if-range");
    if (!value) return true;
    const std::string_view v = text::trim(*value);
    return !etag.empty() && !v.starts_with("W/") && v == etag;
}

// Quoted, strong: "abc" and "\"abc\"" both give "\"abc\""; a weak tag loses its "W/".
std::string strong_etag(std::string etag) {
    if (etag.starts_with("W/")) etag.erase(0, 2);
    if (etag.empty()) return etag;
    if (etag.size() < 2 || etag.front() != '"' || etag.back() != '"') etag = '"' + etag + '"';
    return etag;
}

}  // namespace

ByteRange parse_range(std::string_view value, std::uint64_t size) {
    value = text::trim(value);
    if (!text::istarts_with(value, "bytes=")) return {};
    std::string_view spec;
    int specs = 0;
    // range-set is a #list: empty elements are allowed and skipped (RFC 9110 §5.6.1).
    for (std::string_view rest = value.substr(6); !rest.empty();) {
        const std::size_t comma = rest.find(',');
        const std::string_view item = text::trim(rest.substr(0, comma));
        if (!item.empty()) {
            spec = item;
            if (++specs > 1) return {};
        }
        rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
    }
    if (specs == 0) return {};
    return parse_spec(spec, size);
}

Response file_response(const Request& req, std::string path, std::uint64_t size, std::string content_type,
                       std::string etag) {
    Response res;
    res.no_compress = true;
    const std::string tag = strong_etag(std::move(etag));
    res.set_header("Accept-Ranges", "bytes");
    if (!tag.empty()) res.set_header("ETag", tag);
    const bool get = req.method == Method::Get;
    if (get || req.method == Method::Head) {
        if (const auto inm = req.header("if-none-match"); inm && !tag.empty() && none_match_hit(*inm, tag)) {
            res.status = 304;
            return res;
        }
        const auto range_header = req.header("range");
        if (get && range_header && if_range_allows(req, tag)) {
            const ByteRange range = parse_range(*range_header, size);
            if (range.kind == ByteRange::Kind::Unsatisfiable) {
                res.status = 416;
                res.set_header("Content-Range", "bytes */" + std::to_string(size));
                return res;
            }
            if (range.kind == ByteRange::Kind::Partial) {
                res.status = 206;
                res.set_header("Content-Type", std::move(content_type));
                res.set_header("Content-Range", "bytes " + std::to_string(range.first) + "-" +
                                                    std::to_string(range.last) + "/" + std::to_string(size));
                res.file = FileBody{std::move(path), range.first, range.length()};
                return res;
            }
        }
    }
    res.set_header("Content-Type", std::move(content_type));
    res.file = FileBody{std::move(path), 0, size};
    return res;
}

}  // namespace avenir::http
