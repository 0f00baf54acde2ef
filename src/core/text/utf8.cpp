#include "core/text/utf8.hpp"

#include <unicode/utf8.h>

namespace avenir::utf8 {

std::optional<char32_t> next(std::string_view s, std::size_t& i) {
    const auto* p = reinterpret_cast<const std::uint8_t*>(s.data());
    const auto length = static_cast<std::int32_t>(s.size());
    auto at = static_cast<std::int32_t>(i);
    UChar32 c = 0;
    U8_NEXT(p, at, length, c);
    i = static_cast<std::size_t>(at);
    if (c < 0) return std::nullopt;
    return static_cast<char32_t>(c);
}

std::size_t invalid_at(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t start = i;
        if (!next(s, i)) return start;
    }
    return std::string_view::npos;
}

void append(std::string& out, char32_t cp) {
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
    std::uint8_t buf[U8_MAX_LENGTH];
    std::int32_t n = 0;
    U8_APPEND_UNSAFE(buf, n, static_cast<UChar32>(cp));
    out.append(reinterpret_cast<const char*>(buf), static_cast<std::size_t>(n));
}

std::size_t boundary_before(std::string_view s, std::size_t max) {
    if (max >= s.size()) return s.size();
    std::size_t cut = max;
    while (cut > 0 && U8_IS_TRAIL(static_cast<std::uint8_t>(s[cut]))) --cut;
    return cut;
}

std::size_t count(std::string_view s) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < s.size(); ++n) next(s, i);
    return n;
}

}  // namespace avenir::utf8

namespace avenir::ascii {

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = lower(c);
    return out;
}

bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (lower(a[i]) != lower(b[i])) return false;
    return true;
}

}  // namespace avenir::ascii
