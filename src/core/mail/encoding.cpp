#include "core/mail/encoding.hpp"

#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <vector>

#include "core/text/utf8.hpp"

namespace avenir::mail {
namespace {

constexpr std::string_view kB64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
constexpr std::string_view kHex = "0123456789ABCDEF";

int b64_value(char c) {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}

// Splits on LF; a CR before the LF is dropped. A final line end does not start an empty line.
std::vector<std::string_view> split_lines(std::string_view text) {
    std::vector<std::string_view> lines;
    while (!text.empty()) {
        const auto nl = text.find('\n');
        std::string_view line = text.substr(0, nl);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        lines.push_back(line);
        if (nl == std::string_view::npos) break;
        text.remove_prefix(nl + 1);
    }
    return lines;
}

void append_hex(std::string& out, unsigned char c) {
    out.push_back('=');
    out.push_back(kHex[c >> 4]);
    out.push_back(kHex[c & 15]);
}

bool is_continuation(unsigned char c) { return U8_IS_TRAIL(c); }

std::string latin1_to_utf8(std::string_view s) {
    std::string out;
    for (unsigned char c : s) utf8::append(out, c);  // Latin-1 bytes are the first 256 code points
    return out;
}

std::string q_decode(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '_') {
            out.push_back(' ');
        } else if (s[i] == '=' && i + 2 < s.size() && hex_value(s[i + 1]) >= 0 && hex_value(s[i + 2]) >= 0) {
            out.push_back(static_cast<char>(hex_value(s[i + 1]) * 16 + hex_value(s[i + 2])));
            i += 2;
        } else {
            out.push_back(s[i]);
        }
    }
    return out;
}

// Decodes the encoded-word starting at `pos` ("=?charset?X?text?="); sets `end` past it.
bool decode_word(std::string_view v, std::size_t pos, std::size_t& end, std::string& out) {
    const auto q1 = v.find('?', pos + 2);
    if (q1 == std::string_view::npos || q1 + 3 >= v.size() || v[q1 + 2] != '?') return false;
    const auto close = v.find("?=", q1 + 3);
    if (close == std::string_view::npos) return false;
    const std::string_view text = v.substr(q1 + 3, close - q1 - 3);
    if (text.find_first_of(" \t\r\n") != std::string_view::npos) return false;
    std::string charset = ascii::lower(v.substr(pos + 2, q1 - pos - 2));
    charset = charset.substr(0, charset.find('*'));  // RFC 2231 language suffix
    const char enc = v[q1 + 1];
    std::string bytes;
    if (enc == 'B' || enc == 'b') bytes = base64_decode(text);
    else if (enc == 'Q' || enc == 'q') bytes = q_decode(text);
    else return false;
    if (charset == "utf-8" || charset == "us-ascii") out = std::move(bytes);
    else if (charset == "iso-8859-1") out = latin1_to_utf8(bytes);
    else return false;
    end = close + 2;
    return true;
}

}  // namespace

std::string base64_encode(std::string_view bytes) {
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    std::size_t i = 0;
    for (; i + 2 < bytes.size(); i += 3) {
        const unsigned n = static_cast<unsigned char>(bytes[i]) << 16 | static_cast<unsigned char>(bytes[i + 1]) << 8 |
                           static_cast<unsigned char>(bytes[i + 2]);
        for (int shift : {18, 12, 6, 0}) out.push_back(kB64[(n >> shift) & 63]);
    }
    if (const std::size_t rest = bytes.size() - i; rest > 0) {
        unsigned n = static_cast<unsigned char>(bytes[i]) << 16;
        if (rest == 2) n |= static_cast<unsigned char>(bytes[i + 1]) << 8;
        out.push_back(kB64[(n >> 18) & 63]);
        out.push_back(kB64[(n >> 12) & 63]);
        out.push_back(rest == 2 ? kB64[(n >> 6) & 63] : '=');
        out.push_back('=');
    }
    return out;
}

std::string base64_decode(std::string_view text) {
    std::string out;
    unsigned acc = 0;
    int bits = 0;
    for (char c : text) {
        if (c == '=') break;
        const int v = b64_value(c);
        if (v < 0) continue;
        acc = (acc << 6) | static_cast<unsigned>(v);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out.push_back(static_cast<char>((acc >> bits) & 0xFF));
        }
    }
    return out;
}

std::string base64_lines(std::string_view bytes) {
    const std::string flat = base64_encode(bytes);
    std::string out;
    for (std::size_t i = 0; i < flat.size(); i += kMaxLine) out.append(flat, i, kMaxLine).append("\r\n");
    return out;
}

std::string qp_encode(std::string_view text) {
    std::string out;
    for (std::string_view line : split_lines(text)) {
        std::size_t len = 0;
        for (std::size_t i = 0; i < line.size(); ++i) {
            const auto c = static_cast<unsigned char>(line[i]);
            const bool last = i + 1 == line.size();
            std::string token;
            if ((c >= 33 && c <= 126 && c != '=') || ((c == ' ' || c == '\t') && !last)) token.push_back(static_cast<char>(c));
            else append_hex(token, c);
            // Room for the '=' of a soft break, so no line passes kMaxLine.
            if (len + token.size() > kMaxLine - 1) {
                out.append("=\r\n");
                len = 0;
            }
            out += token;
            len += token.size();
        }
        out.append("\r\n");
    }
    return out;
}

std::string qp_decode(std::string_view text) {
    std::string out;
    for (std::string_view line : split_lines(text)) {
        while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
        const bool soft = !line.empty() && line.back() == '=';
        if (soft) line.remove_suffix(1);
        for (std::size_t i = 0; i < line.size(); ++i) {
            if (line[i] == '=' && i + 2 < line.size() && hex_value(line[i + 1]) >= 0 && hex_value(line[i + 2]) >= 0) {
                out.push_back(static_cast<char>(hex_value(line[i + 1]) * 16 + hex_value(line[i + 2])));
                i += 2;
            } else {
                out.push_back(line[i]);
            }
        }
        if (!soft) out.push_back('\n');
    }
    return out;
}

bool needs_encoding(std::string_view text) {
    return std::any_of(text.begin(), text.end(), [](char ch) {
        const auto c = static_cast<unsigned char>(ch);
        return (c < 0x20 && c != '\t') || c >= 0x7F;
    });
}

std::string encode_header_value(std::string_view value, std::size_t used) {
    std::string out;
    if (!needs_encoding(value) && value.find("=?") == std::string_view::npos) {
        std::size_t len = used;
        std::size_t start = 0;
        bool first = true;
        while (start <= value.size()) {
            const auto space = value.find(' ', start);
            const std::string_view word = value.substr(start, space == std::string_view::npos ? value.npos : space - start);
            if (first) {
                out += word;
                len += word.size();
                first = false;
            } else if (!word.empty() && len + 1 + word.size() > kMaxLine && len > used) {
                out.append("\r\n ").append(word);  // fold before the space
                len = 1 + word.size();
            } else {
                out.append(" ").append(word);
                len += 1 + word.size();
            }
            if (space == std::string_view::npos) break;
            start = space + 1;
        }
        return out;
    }
    constexpr std::string_view kOpen = "=?UTF-8?B?", kClose = "?=";
    std::size_t budget = kMaxLine - std::min(used, kMaxLine - 24) - kOpen.size() - kClose.size();
    std::size_t pos = 0;
    while (pos < value.size()) {
        std::size_t take = std::min(budget / 4 * 3, value.size() - pos);
        if (pos + take < value.size()) {
            std::size_t back = take;
            while (back > 0 && is_continuation(static_cast<unsigned char>(value[pos + back]))) --back;
            if (back > 0) take = back;
        }
        if (pos > 0) out.append("\r\n ");
        out.append(kOpen).append(base64_encode(value.substr(pos, take))).append(kClose);
        pos += take;
        budget = kMaxLine - 1 - kOpen.size() - kClose.size();
    }
    return out;
}

std::string decode_header_value(std::string_view value) {
    std::string out, between;
    bool after_word = false;
    for (std::size_t i = 0; i < value.size();) {
        std::string word;
        std::size_t end = 0;
        if (value.compare(i, 2, "=?") == 0 && decode_word(value, i, end, word)) {
            const bool blank = std::all_of(between.begin(), between.end(), [](char c) { return c == ' ' || c == '\t'; });
            if (!(after_word && blank)) out += between;
            out += word;
            between.clear();
            after_word = true;
            i = end;
        } else {
            between.push_back(value[i++]);
        }
    }
    return out + between;
}

}  // namespace avenir::mail
