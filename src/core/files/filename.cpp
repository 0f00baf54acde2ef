#include "core/files/filename.hpp"

#include <array>
#include <cstdint>

#include "core/text/utf8.hpp"

namespace avenir::files {
namespace {

constexpr char32_t kInvalid = 0xFFFFFFFF;

// Decodes one UTF-8 sequence at s[i] and advances i past it. Ill-formed sequences give kInvalid
// and consume one byte.
char32_t next_code_point(std::string_view s, std::size_t& i) {
    const std::size_t start = i;
    if (const auto cp = utf8::next(s, i)) return *cp;
    i = start + 1;
    return kInvalid;
}

void append_utf8(std::string& out, char32_t cp) { utf8::append(out, cp); }

bool is_control(char32_t cp) { return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F); }

// Invisible characters that reorder or hide text: "invoice\u202Efdp.exe" shows as "invoiceexe.pdf".
bool is_bidi_or_hidden(char32_t cp) {
    return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0xFEFF;
}

bool is_space(char32_t cp) {
    return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\v' || cp == '\f' || cp == 0x85 ||
           cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 ||
           cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

bool windows_forbidden(char32_t cp) {
    switch (cp) {
        case '<': case '>': case ':': case '"': case '/': case '\\': case '|': case '?': case '*': return true;
        default: return false;
    }
}

bool is_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

std::string_view trim_dots_spaces(std::string_view s) {
    while (!s.empty() && (s.front() == '.' || s.front() == ' ')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == '.' || s.back() == ' ')) s.remove_suffix(1);
    return s;
}

// Longest prefix of s of at most max bytes that ends on a code point boundary (s is valid UTF-8).
std::string_view cut_utf8(std::string_view s, std::size_t max) { return s.substr(0, utf8::boundary_before(s, max)); }

// "report.v2" has an extension to replace; "version 1.5" and "Dr. Smith" do not (an extension is 1 to 8
// ASCII letters/digits with at least one letter).
bool looks_like_extension(std::string_view ext) {
    if (ext.empty() || ext.size() > 8) return false;
    bool letter = false;
    for (const char c : ext) {
        if (!is_alnum(c)) return false;
        letter = letter || !(c >= '0' && c <= '9');
    }
    return letter;
}

// Windows device names are reserved whatever follows the first dot ("nul.tar.gz" too).
bool reserved_on_windows(std::string_view stem) {
    std::string first;
    for (const char c : stem.substr(0, stem.find('.'))) first += ascii::lower(c);
    while (!first.empty() && first.back() == ' ') first.pop_back();
    static constexpr std::array<std::string_view, 6> kNames{"con", "prn", "aux", "nul", "conin$", "conout$"};
    for (const auto name : kNames)
        if (first == name) return true;
    return first.size() == 4 && (first.starts_with("com") || first.starts_with("lpt")) && first[3] >= '0' &&
           first[3] <= '9';
}

}  // namespace

std::string sanitize_filename(std::string_view client_name, std::string_view extension) {
    // Browsers send the base name, but old ones sent a full Windows path; either separator counts.
    if (const std::size_t slash = client_name.find_last_of("/\\"); slash != std::string_view::npos)
        client_name.remove_prefix(slash + 1);

    std::string cleaned;
    bool pending_space = false;
    for (std::size_t i = 0; i < client_name.size();) {
        const char32_t cp = next_code_point(client_name, i);
        if (cp != kInvalid && is_space(cp)) {
            pending_space = true;
            continue;
        }
        if (cp != kInvalid && (is_control(cp) || is_bidi_or_hidden(cp) || windows_forbidden(cp))) continue;
        if (pending_space && !cleaned.empty()) cleaned += ' ';
        pending_space = false;
        if (cp == kInvalid) cleaned += '_';
        else append_utf8(cleaned, cp);
    }

    std::string ext;
    for (const char c : extension)
        if (is_alnum(c)) ext += ascii::lower(c);

    std::string_view stem = trim_dots_spaces(cleaned);
    if (!ext.empty()) {
        if (const std::size_t dot = stem.rfind('.');
            dot != std::string_view::npos && dot > 0 && looks_like_extension(stem.substr(dot + 1)))
            stem = trim_dots_spaces(stem.substr(0, dot));
    }
    const std::size_t max_stem = kMaxFilenameBytes - (ext.empty() ? 0 : ext.size() + 1);
    std::string base(trim_dots_spaces(cut_utf8(stem, max_stem)));
    if (base.empty()) base = "file";
    if (reserved_on_windows(base)) {
        base.insert(base.find('.') == std::string::npos ? base.size() : base.find('.'), "_");
        base = std::string(trim_dots_spaces(cut_utf8(base, max_stem)));
    }
    return ext.empty() ? base : base + "." + ext;
}

std::string content_disposition(std::string_view disposition, std::string_view filename) {
    std::string type;
    for (const char c : disposition) type += ascii::lower(c);
    if (type != "attachment" && type != "inline")
        throw DispositionError("content_disposition: expected attachment or inline, got \"" +
                               std::string(disposition.substr(0, 40)) + "\"");
    if (filename.empty()) return type;

    std::string ascii, encoded;
    static constexpr char kHex[] = "0123456789ABCDEF";
    for (std::size_t i = 0; i < filename.size();) {
        const char32_t cp = next_code_point(filename, i);
        if (cp == kInvalid || is_control(cp)) {
            ascii += '_';
            encoded += '_';
            continue;
        }
        if (cp >= 0x80 || cp == '%') ascii += '_';
        else if (cp == '"' || cp == '\\') ascii += '\\', ascii += static_cast<char>(cp);
        else ascii += static_cast<char>(cp);

        std::string utf8;
        append_utf8(utf8, cp);
        for (const char ch : utf8) {
            // RFC 8187 attr-char: ALPHA / DIGIT / "!#$&+-.^_`|~"; everything else is percent-encoded.
            const bool attr_char = is_alnum(ch) || std::string_view("!#$&+-.^_`|~").find(ch) != std::string_view::npos;
            if (attr_char) {
                encoded += ch;
            } else {
                const auto b = static_cast<unsigned char>(ch);
                encoded += '%';
                encoded += kHex[b >> 4];
                encoded += kHex[b & 0x0F];
            }
        }
    }
    return type + "; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
}

}  // namespace avenir::files
