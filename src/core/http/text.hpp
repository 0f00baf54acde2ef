#pragma once
// Small ASCII string helpers shared by the core/http sources (header names, tokens, parameters).
// HTTP tokens are ASCII, so these deliberately ignore locales.
#include <string>
#include <string_view>

#include "core/text/utf8.hpp"

namespace avenir::http::text {

using ascii::iequals;

inline bool istarts_with(std::string_view s, std::string_view prefix) {
    return s.size() >= prefix.size() && iequals(s.substr(0, prefix.size()), prefix);
}

// Strips spaces and horizontal tabs (HTTP "optional whitespace") from both ends.
inline std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

// The media type of a Content-Type value, lower-cased, without parameters ("text/html").
inline std::string media_type(std::string_view content_type) {
    return ascii::lower(trim(content_type.substr(0, content_type.find(';'))));
}

inline std::string hex(const unsigned char* data, std::size_t n) {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string out;
    out.reserve(n * 2);
    for (std::size_t i = 0; i < n; ++i) {
        out.push_back(kDigits[data[i] >> 4]);
        out.push_back(kDigits[data[i] & 0xF]);
    }
    return out;
}

}  // namespace avenir::http::text
