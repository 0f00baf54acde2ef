#pragma once
// UTF-8, one way everywhere: decoding and validation through ICU's U8_NEXT (well-formed UTF-8 only:
// no overlong forms, no surrogates, nothing above U+10FFFF), encoding through U8_APPEND_UNSAFE,
// and cuts that never split a character. Plus the one ASCII lower-casing helper (for protocol
// tokens, e-mail addresses and keys; people's text is folded by ICU where it matters).
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace avenir::utf8 {

// The code point at s[i], advancing i past it; nullopt for an ill-formed sequence, after
// advancing i past its maximal ill-formed part (at least one byte), so a loop always progresses.
std::optional<char32_t> next(std::string_view s, std::size_t& i);
// Offset of the first byte that is not part of well-formed UTF-8, or npos.
std::size_t invalid_at(std::string_view s);
inline bool valid(std::string_view s) { return invalid_at(s) == std::string_view::npos; }
// Appends the encoding of cp (a scalar value; anything else is appended as U+FFFD).
void append(std::string& out, char32_t cp);
// The largest n <= max such that s.substr(0, n) ends on a character boundary.
std::size_t boundary_before(std::string_view s, std::size_t max);
// Number of code points (ill-formed sequences count as one each).
std::size_t count(std::string_view s);

}  // namespace avenir::utf8

namespace avenir::ascii {

// A-Z to a-z, every other byte unchanged.
std::string lower(std::string_view s);
inline char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
bool iequals(std::string_view a, std::string_view b);

}  // namespace avenir::ascii
