#pragma once
// MIME encodings for outgoing mail: base64, quoted-printable (RFC 2045) and header encoded-words
// (RFC 2047). Encoders write CRLF line ends and lines of at most 76 characters.
#include <cstddef>
#include <string>
#include <string_view>

namespace avenir::mail {

inline constexpr std::size_t kMaxLine = 76;

std::string base64_encode(std::string_view bytes);
// Ignores whitespace and line breaks; stops at the first '='. Other characters are skipped.
std::string base64_decode(std::string_view text);
// base64 of `bytes` cut into CRLF-terminated lines of `kMaxLine` characters.
std::string base64_lines(std::string_view bytes);

// Text with LF or CRLF line ends -> quoted-printable with CRLF ends and soft breaks.
// The result always ends with CRLF (an empty text gives an empty result).
std::string qp_encode(std::string_view text);
// Quoted-printable -> bytes, line ends as LF.
std::string qp_decode(std::string_view text);

// A header value ready to follow "Name: " (`used` characters already on the first line): printable
// ASCII is folded at spaces; anything else becomes UTF-8 B encoded-words that never split a character.
std::string encode_header_value(std::string_view value, std::size_t used);
// Decodes UTF-8 / US-ASCII encoded-words (B and Q); whitespace between adjacent words is dropped.
std::string decode_header_value(std::string_view value);

// True when `text` has a byte outside printable ASCII (other than tab).
bool needs_encoding(std::string_view text);

}  // namespace avenir::mail
