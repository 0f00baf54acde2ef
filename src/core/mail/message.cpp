#include "core/mail/message.hpp"

#include "core/text/utf8.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <random>
#include <stdexcept>

#include "core/mail/encoding.hpp"

namespace avenir::mail {
namespace {

// Error texts name the field, never its value (it may be personal data or an attack string).
[[noreturn]] void reject(const char* what) { throw std::invalid_argument(std::string("mail: ") + what); }

bool is_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

bool is_atext(char c) {
    return is_alnum(c) || std::string_view("!#$%&'*+-/=?^_`{|}~").find(c) != std::string_view::npos;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

// Rejects CR and LF (header injection) and other control characters in a header value.
void check_header_text(std::string_view value, const char* field) {
    for (char ch : value) {
        const auto c = static_cast<unsigned char>(ch);
        if (c == '\r' || c == '\n') reject((std::string("line break in ") + field).c_str());
        if ((c < 0x20 && c != '\t') || c == 0x7F) reject((std::string("control character in ") + field).c_str());
    }
}

// A dot-atom address in ASCII: one '@', no display name, no comment, no second recipient.
void check_address(std::string_view a, const char* field) {
    check_header_text(a, field);
    const auto at = a.find('@');
    const std::string bad = std::string(field) + " is not a single plain e-mail address";
    if (a.size() > 254 || at == 0 || at == std::string_view::npos || at + 1 == a.size() || at > 64) reject(bad.c_str());
    const std::string_view local = a.substr(0, at), domain = a.substr(at + 1);
    if (local.front() == '.' || local.back() == '.' || local.find("..") != std::string_view::npos) reject(bad.c_str());
    if (!std::all_of(local.begin(), local.end(), [](char c) { return is_atext(c) || c == '.'; })) reject(bad.c_str());
    if (domain.front() == '.' || domain.back() == '.' || domain.find("..") != std::string_view::npos) reject(bad.c_str());
    if (!std::all_of(domain.begin(), domain.end(), [](char c) { return is_alnum(c) || c == '-' || c == '.'; }))
        reject(bad.c_str());
}

std::string rfc5322_date(std::chrono::system_clock::time_point now) {
    static constexpr const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                              "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const std::time_t t = std::chrono::system_clock::to_time_t(now);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%s, %02d %s %04d %02d:%02d:%02d +0000", kDays[tm.tm_wday], tm.tm_mday,
                  kMonths[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
    return buf;
}

std::string format_mailbox(const Mailbox& box) {
    if (box.display_name.empty()) return box.address;
    const std::string_view name = box.display_name;
    std::string out;
    if (needs_encoding(name) || name.find("=?") != std::string_view::npos) {
        out = encode_header_value(name, 6);
    } else if (std::all_of(name.begin(), name.end(), [](char c) { return is_atext(c) || c == ' '; })) {
        out = name;
    } else {
        out = "\"";
        for (char c : name) {
            if (c == '"' || c == '\\') out.push_back('\\');
            out.push_back(c);
        }
        out.push_back('"');
    }
    return out + " <" + box.address + ">";
}

// Text with any line ends -> CRLF line ends, ending with CRLF (canonical form of text/plain).
std::string canonical_crlf(std::string_view text) {
    std::string out;
    while (!text.empty()) {
        const auto nl = text.find('\n');
        std::string_view line = text.substr(0, nl);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        out.append(line).append("\r\n");
        if (nl == std::string_view::npos) break;
        text.remove_prefix(nl + 1);
    }
    return out;
}

std::string crlf_to_lf(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i)
        if (!(s[i] == '\r' && i + 1 < s.size() && s[i + 1] == '\n')) out.push_back(s[i]);
    return out;
}

}  // namespace

Mailbox parse_mailbox(std::string_view mailbox) {
    check_header_text(mailbox, "sender");
    mailbox = trim(mailbox);
    Mailbox box;
    if (!mailbox.empty() && mailbox.back() == '>') {
        const auto lt = mailbox.rfind('<');
        if (lt == std::string_view::npos) reject("sender is not an e-mail address");
        box.address = std::string(mailbox.substr(lt + 1, mailbox.size() - lt - 2));
        std::string_view name = trim(mailbox.substr(0, lt));
        if (name.size() >= 2 && name.front() == '"' && name.back() == '"') name = name.substr(1, name.size() - 2);
        for (std::size_t i = 0; i < name.size(); ++i) {
            if (name[i] == '\\' && i + 1 < name.size()) ++i;
            box.display_name.push_back(name[i]);
        }
    } else {
        box.address = std::string(mailbox);
    }
    check_address(box.address, "sender");
    return box;
}

void validate_message(const Message& m) {
    check_address(m.to, "recipient");
    check_header_text(m.subject, "subject");
    const std::string_view lang = m.lang;
    if (lang.empty() || lang.size() > 35 || !is_alnum(lang.front()) ||
        !std::all_of(lang.begin(), lang.end(), [](char c) { return is_alnum(c) || c == '-'; }))
        reject("language is not a language tag");
}

std::string random_hex16() {
    static constexpr std::string_view kHexDigits = "0123456789abcdef";
    std::random_device rd;
    const std::uint64_t v = (std::uint64_t{rd()} << 32) | rd();
    std::string out(16, '0');
    for (int i = 0; i < 16; ++i) out[i] = kHexDigits[(v >> (60 - 4 * i)) & 15];
    return out;
}

std::string make_message_id(std::string_view domain) {
    using namespace std::chrono;
    const auto ms = duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
    char stamp[24];
    std::snprintf(stamp, sizeof stamp, "%llx", static_cast<unsigned long long>(ms));
    return "<" + std::string(stamp) + "." + random_hex16() + "@" + std::string(domain.empty() ? "localhost" : domain) +
           ">";
}

std::string format_message(const Message& m, std::string_view from, std::string_view message_id) {
    validate_message(m);
    const Mailbox sender = parse_mailbox(from);
    check_header_text(message_id, "message id");
    std::string_view id = trim(message_id);
    if (id.size() >= 2 && id.front() == '<' && id.back() == '>') id = id.substr(1, id.size() - 2);
    if (id.empty() || id.find('@') == std::string_view::npos || id.find_first_of(" \t<>") != std::string_view::npos)
        reject("message id is malformed");

    const auto non_ascii = std::count_if(m.text.begin(), m.text.end(), [](char c) { return (c & 0x80) != 0; });
    // Quoted-printable triples every non-ASCII byte; base64 costs a third more on everything.
    const bool base64 = static_cast<std::size_t>(non_ascii) * 6 > m.text.size();

    std::string out;
    out.reserve(m.text.size() * 2 + 512);
    out.append("Date: ").append(rfc5322_date(std::chrono::system_clock::now())).append("\r\n");
    out.append("From: ").append(format_mailbox(sender)).append("\r\n");
    out.append("To: ").append(m.to).append("\r\n");
    out.append("Subject: ").append(encode_header_value(m.subject, 9)).append("\r\n");
    out.append("Message-ID: <").append(id).append(">\r\n");
    out.append("MIME-Version: 1.0\r\n");
    out.append("Content-Type: text/plain; charset=utf-8\r\n");
    out.append("Content-Transfer-Encoding: ").append(base64 ? "base64" : "quoted-printable").append("\r\n");
    out.append("Content-Language: ").append(m.lang).append("\r\n");
    out.append("Auto-Submitted: auto-generated\r\n");  // RFC 3834: no vacation replies
    out.append("\r\n");
    out.append(base64 ? base64_lines(canonical_crlf(m.text)) : qp_encode(m.text));
    return out;
}

std::string ParsedMessage::header(std::string_view name) const {
    const std::string want = ascii::lower(name);
    for (const auto& [key, value] : headers)
        if (ascii::lower(key) == want) return value;
    return {};
}

ParsedMessage parse_message(std::string_view raw) {
    ParsedMessage msg;
    std::size_t pos = 0;
    while (pos < raw.size()) {
        const auto nl = raw.find('\n', pos);
        std::string_view line = raw.substr(pos, nl == std::string_view::npos ? raw.npos : nl - pos);
        pos = nl == std::string_view::npos ? raw.size() : nl + 1;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.empty()) break;  // end of the header section
        if ((line.front() == ' ' || line.front() == '\t') && !msg.headers.empty()) {
            msg.headers.back().second.append(line);  // unfolding removes only the line break
            continue;
        }
        const auto colon = line.find(':');
        if (colon == std::string_view::npos) continue;
        msg.headers.emplace_back(std::string(trim(line.substr(0, colon))), std::string(trim(line.substr(colon + 1))));
    }
    for (auto& header : msg.headers) header.second = decode_header_value(header.second);
    const std::string_view body = raw.substr(pos);
    const std::string cte = ascii::lower(trim(msg.header("Content-Transfer-Encoding")));
    if (cte == "quoted-printable") msg.body = qp_decode(body);
    else if (cte == "base64") msg.body = crlf_to_lf(base64_decode(body));
    else msg.body = crlf_to_lf(body);
    return msg;
}

std::string redact(std::string text, std::string_view address) {
    if (address.empty()) return text;
    const std::string needle = ascii::lower(address);
    std::string hay = ascii::lower(text), out;
    std::size_t from = 0;
    for (auto at = hay.find(needle); at != std::string::npos; at = hay.find(needle, from)) {
        out.append(text, from, at - from).append("[recipient]");
        from = at + needle.size();
    }
    return out.append(text, from, std::string::npos);
}

}  // namespace avenir::mail
