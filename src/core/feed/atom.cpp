#include "core/text/utf8.hpp"
#include "core/feed/atom.hpp"

#include <libxml/parser.h>
#include <libxml/xmlwriter.h>

#include <chrono>
#include <cstdio>
#include <memory>
#include <set>
#include <stdexcept>
#include <utility>

namespace avenir::feed {
namespace {

constexpr const char* kAtomNs = "http://www.w3.org/2005/Atom";

// XML 1.0 §2.2 Char production.
bool xml_char(char32_t c) {
    return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) ||
           (c >= 0x10000 && c <= 0x10FFFF);
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alnum(char c) { return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool blank(std::string_view s) { return s.find_first_not_of(" \t\r\n") == std::string_view::npos; }

int number(std::string_view s, std::size_t pos, std::size_t n) {
    int v = 0;
    for (std::size_t i = pos; i < pos + n; ++i) v = v * 10 + (s[i] - '0');
    return v;
}

bool digits(std::string_view s, std::size_t pos, std::size_t n) {
    if (pos + n > s.size()) return false;
    for (std::size_t i = pos; i < pos + n; ++i)
        if (!is_digit(s[i])) return false;
    return true;
}

bool valid_date(int y, int m, int d) {
    using namespace std::chrono;
    return year_month_day{year{y}, month{static_cast<unsigned>(m)}, day{static_cast<unsigned>(d)}}.ok();
}

// RFC 3339 date-time as profiled by RFC 4287 §3.3 (uppercase T and Z); feed readers silently drop entries whose
// dates they cannot parse, so a malformed date is treated as a caller bug rather than written out.
bool is_rfc3339(std::string_view s) {
    if (!(digits(s, 0, 4) && s.size() > 19 && s[4] == '-' && digits(s, 5, 2) && s[7] == '-' && digits(s, 8, 2) &&
          s[10] == 'T' && digits(s, 11, 2) && s[13] == ':' && digits(s, 14, 2) && s[16] == ':' && digits(s, 17, 2)))
        return false;
    if (!valid_date(number(s, 0, 4), number(s, 5, 2), number(s, 8, 2)) || number(s, 11, 2) > 23 || number(s, 14, 2) > 59 ||
        number(s, 17, 2) > 60)  // 60: leap second
        return false;
    std::size_t i = 19;
    if (s[i] == '.') {
        const std::size_t start = ++i;
        while (i < s.size() && is_digit(s[i])) ++i;
        if (i == start) return false;
    }
    if (i < s.size() && s[i] == 'Z') return i + 1 == s.size();
    return i + 6 == s.size() && (s[i] == '+' || s[i] == '-') && digits(s, i + 1, 2) && s[i + 3] == ':' &&
           digits(s, i + 4, 2) && number(s, i + 1, 2) <= 23 && number(s, i + 4, 2) <= 59;
}

// Atom ids must be absolute IRIs (RFC 4287 §4.2.6); a bare "42" is a common mistake that readers mishandle.
bool is_absolute_iri(std::string_view s) {
    const auto colon = s.find(':');
    if (colon == std::string_view::npos || colon == 0 || !is_alnum(s[0]) || is_digit(s[0])) return false;
    for (std::size_t i = 1; i < colon; ++i)
        if (!is_alnum(s[i]) && s[i] != '+' && s[i] != '-' && s[i] != '.') return false;
    return s.find_first_of(" \t\r\n") == std::string_view::npos;
}

[[noreturn]] void invalid(const std::string& what) { throw std::invalid_argument("atom: " + what); }

void require_text(std::string_view value, const std::string& what) {
    if (blank(xml_safe(value))) invalid(what + " is required");
}

void require_date(std::string_view value, const std::string& what) {
    if (!is_rfc3339(value)) invalid(what + " is not an RFC 3339 date-time: \"" + xml_safe(value) + "\"");
}

bool is_alternate(const Link& l) { return l.rel.empty() || l.rel == "alternate"; }

void check_links(const std::vector<Link>& links, const std::string& where) {
    // RFC 4287 §4.1.1/§4.1.2: at most one alternate link per (type, hreflang) combination.
    std::set<std::pair<std::string, std::string>> alternates;
    for (const Link& l : links) {
        require_text(l.href, where + " link href");
        if (is_alternate(l) && !alternates.emplace(l.type, l.hreflang).second)
            invalid(where + " has two rel=alternate links with the same type and hreflang");
    }
}

void check_people(const std::vector<Person>& people, const std::string& where) {
    for (const Person& p : people) require_text(p.name, where + " author name");
}

void validate(const Feed& feed) {
    require_text(feed.id, "feed id");
    if (!is_absolute_iri(xml_safe(feed.id))) invalid("feed id must be an absolute IRI (see tag_uri)");
    require_text(feed.title, "feed title");
    require_date(feed.updated, "feed updated");
    check_links(feed.links, "feed");
    bool self = false;
    for (const Link& l : feed.links) self = self || l.rel == "self";
    if (!self) invalid("feed needs a rel=\"self\" link");
    check_people(feed.authors, "feed");
    for (std::size_t i = 0; i < feed.entries.size(); ++i) {
        const Entry& e = feed.entries[i];
        const std::string where = "entry " + std::to_string(i);
        require_text(e.id, where + " id");
        if (!is_absolute_iri(xml_safe(e.id))) invalid(where + " id must be an absolute IRI (see tag_uri)");
        require_text(e.title, where + " title");
        require_date(e.updated, where + " updated");
        if (!e.published.empty()) require_date(e.published, where + " published");
        check_links(e.links, where);
        check_people(e.authors, where);
        for (const Category& c : e.categories) require_text(c.term, where + " category term");
        bool alternate = false;
        for (const Link& l : e.links) alternate = alternate || is_alternate(l);
        // §4.1.1: an entry without content must carry an alternate link, or readers have nothing to show or open.
        if (!alternate && blank(xml_safe(e.content_html))) invalid(where + " needs a rel=\"alternate\" link or content");
        // §4.1.1: the feed must have an author unless every entry has its own.
        if (e.authors.empty() && feed.authors.empty()) invalid(where + " has no author and the feed has none either");
    }
}

// Thin RAII wrapper: every libxml2 call is checked so a failure can never yield a silently truncated document.
class Writer {
public:
    Writer() {
        static const bool initialised = (xmlInitParser(), true);  // once, before any concurrent use
        (void)initialised;
        buffer_.reset(xmlBufferCreate());
        if (!buffer_) throw std::runtime_error("atom: xmlBufferCreate failed");
        writer_.reset(xmlNewTextWriterMemory(buffer_.get(), 0));
        if (!writer_) throw std::runtime_error("atom: xmlNewTextWriterMemory failed");
        check(xmlTextWriterSetIndent(writer_.get(), 1), "set indent");
        check(xmlTextWriterSetIndentString(writer_.get(), BAD_CAST "  "), "set indent string");
        check(xmlTextWriterStartDocument(writer_.get(), "1.0", "UTF-8", nullptr), "start document");
    }

    void start(const char* name) { check(xmlTextWriterStartElement(writer_.get(), BAD_CAST name), name); }
    void end() { check(xmlTextWriterEndElement(writer_.get()), "end element"); }

    // Attribute values are cleaned here so no caller can forget; libxml2 escapes < > & " and whitespace.
    void attribute(const char* name, std::string_view value) {
        const std::string clean = xml_safe(value);
        check(xmlTextWriterWriteAttribute(writer_.get(), BAD_CAST name, BAD_CAST clean.c_str()), name);
    }
    void optional_attribute(const char* name, std::string_view value) {
        if (!value.empty()) attribute(name, value);
    }
    void text(std::string_view value) {
        const std::string clean = xml_safe(value);
        check(xmlTextWriterWriteString(writer_.get(), BAD_CAST clean.c_str()), "text");
    }
    void element(const char* name, std::string_view value) {
        start(name);
        text(value);
        end();
    }
    void optional_element(const char* name, std::string_view value) {
        if (!value.empty()) element(name, value);
    }

    std::string finish() {
        check(xmlTextWriterEndDocument(writer_.get()), "end document");
        check(xmlTextWriterFlush(writer_.get()), "flush");
        const auto* data = reinterpret_cast<const char*>(xmlBufferContent(buffer_.get()));
        return {data, static_cast<std::size_t>(xmlBufferLength(buffer_.get()))};
    }

private:
    static void check(int rc, const char* what) {
        if (rc < 0) throw std::runtime_error(std::string("atom: libxml2 failed at ") + what);
    }
    struct FreeBuffer {
        void operator()(xmlBufferPtr b) const { xmlBufferFree(b); }
    };
    struct FreeWriter {
        void operator()(xmlTextWriterPtr w) const { xmlFreeTextWriter(w); }
    };
    // Declaration order matters: the writer (declared last) is destroyed first, while its buffer still exists.
    std::unique_ptr<xmlBuffer, FreeBuffer> buffer_;
    std::unique_ptr<xmlTextWriter, FreeWriter> writer_;
};

void write_link(Writer& w, const Link& l) {
    w.start("link");
    w.optional_attribute("rel", l.rel);
    w.attribute("href", l.href);
    w.optional_attribute("type", l.type);
    w.optional_attribute("hreflang", l.hreflang);
    w.optional_attribute("title", l.title);
    if (l.length > 0) w.attribute("length", std::to_string(l.length));
    w.end();
}

void write_author(Writer& w, const Person& p) {
    w.start("author");
    w.element("name", p.name);
    w.optional_element("uri", p.uri);
    w.end();
}

void write_entry(Writer& w, const Entry& e) {
    w.start("entry");
    w.optional_attribute("xml:lang", e.lang);
    w.element("id", e.id);
    w.element("title", e.title);
    w.element("updated", e.updated);
    w.optional_element("published", e.published);
    for (const Person& p : e.authors) write_author(w, p);
    for (const Link& l : e.links) write_link(w, l);
    for (const Category& c : e.categories) {
        w.start("category");
        w.attribute("term", c.term);
        w.optional_attribute("label", c.label);
        w.end();
    }
    w.optional_element("summary", e.summary);  // type="text" is the default
    if (!e.content_html.empty()) {
        // type="html": the markup travels as escaped text, so malformed HTML cannot break the XML around it.
        w.start("content");
        w.attribute("type", "html");
        w.text(e.content_html);
        w.end();
    }
    w.optional_element("rights", e.rights);
    w.end();
}

}  // namespace

std::string xml_safe(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    // An ill-formed sequence is dropped byte by byte, so decoding resynchronises and valid text
    // after it survives; surrogates and out-of-range values never decode.
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t start = i;
        const auto cp = utf8::next(s, i);
        if (cp && xml_char(*cp)) out.append(s.substr(start, i - start));
    }
    return out;
}

std::string write_atom(const Feed& feed) {
    validate(feed);
    Writer w;
    w.start("feed");
    w.attribute("xmlns", kAtomNs);
    w.optional_attribute("xml:lang", feed.lang);
    w.element("id", feed.id);
    w.element("title", feed.title);
    w.optional_element("subtitle", feed.subtitle);
    w.element("updated", feed.updated);
    for (const Link& l : feed.links) write_link(w, l);
    for (const Person& p : feed.authors) write_author(w, p);
    if (!feed.generator.empty()) {
        w.start("generator");
#ifdef AVENIR_VERSION
        w.attribute("version", AVENIR_VERSION);
#endif
        w.text(feed.generator);
        w.end();
    }
    for (const Entry& e : feed.entries) write_entry(w, e);
    w.end();
    return w.finish();
}

std::string rfc3339(std::int64_t unix_seconds) {
    constexpr std::int64_t kMin = -62167219200;  // 0000-01-01T00:00:00Z
    constexpr std::int64_t kMax = 253402300799;  // 9999-12-31T23:59:59Z
    if (unix_seconds < kMin || unix_seconds > kMax)
        throw std::out_of_range("rfc3339: " + std::to_string(unix_seconds) + " is outside years 0000-9999");
    using namespace std::chrono;
    const sys_seconds tp{seconds{unix_seconds}};
    const auto midnight = floor<days>(tp);  // floor, not truncation, so times before 1970 land on the right day
    const year_month_day ymd{midnight};
    const hh_mm_ss hms{tp - midnight};
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02dZ", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()), static_cast<int>(hms.hours().count()),
                  static_cast<int>(hms.minutes().count()), static_cast<int>(hms.seconds().count()));
    return buf;
}

std::string tag_uri(std::string_view authority, std::string_view date, std::string_view specific) {
    // RFC 4151 §2.1: DNSname = DNScomp *("." DNScomp), DNScomp = alphaNum [*(alphaNum / "-") alphaNum];
    // emailAddress = 1*(alphaNum / "-" / "." / "_") "@" DNSname.
    const auto dns_name = [](std::string_view s) {
        if (s.empty()) return false;
        std::size_t start = 0;
        while (true) {
            const std::size_t dot = s.find('.', start);
            const std::string_view comp = s.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
            if (comp.empty() || !is_alnum(comp.front()) || !is_alnum(comp.back())) return false;
            for (char c : comp)
                if (!is_alnum(c) && c != '-') return false;
            if (dot == std::string_view::npos) return true;
            start = dot + 1;
        }
    };
    std::string out = "tag:";
    const std::size_t at = authority.find('@');
    const std::string_view local = at == std::string_view::npos ? std::string_view{} : authority.substr(0, at);
    const std::string_view domain = at == std::string_view::npos ? authority : authority.substr(at + 1);
    if (at != std::string_view::npos) {
        if (local.empty()) invalid("tag authority has an empty mailbox");
        for (char c : local)
            if (!is_alnum(c) && c != '-' && c != '.' && c != '_') invalid("tag authority mailbox has a disallowed character");
        out.append(local).push_back('@');  // the local part may be case-sensitive: keep it
    }
    if (!dns_name(domain)) invalid("tag authority is not a DNS name or email address: \"" + xml_safe(authority) + "\"");
    for (char c : domain) out.push_back(lower(c));  // DNS names are case-insensitive; one spelling keeps ids stable

    // date = year ["-" month ["-" day]]
    const bool date_ok = (date.size() == 4 && digits(date, 0, 4)) ||
                         (date.size() == 7 && digits(date, 0, 4) && date[4] == '-' && digits(date, 5, 2) &&
                          number(date, 5, 2) >= 1 && number(date, 5, 2) <= 12) ||
                         (date.size() == 10 && digits(date, 0, 4) && date[4] == '-' && digits(date, 5, 2) && date[7] == '-' &&
                          digits(date, 8, 2) && valid_date(number(date, 0, 4), number(date, 5, 2), number(date, 8, 2)));
    if (!date_ok) invalid("tag date must be YYYY, YYYY-MM or YYYY-MM-DD: \"" + xml_safe(date) + "\"");
    out.push_back(',');
    out.append(date);
    out.push_back(':');

    // specific = *(pchar / "/" / "?"), pchar = unreserved / pct-encoded / sub-delims / ":" / "@".
    constexpr std::string_view kKeep = "-._~!$&'()*+,;=:@/?";
    constexpr char kHex[] = "0123456789ABCDEF";
    for (char c : specific) {
        if (is_alnum(c) || kKeep.find(c) != std::string_view::npos) {
            out.push_back(c);
        } else {
            const auto b = static_cast<unsigned char>(c);
            out.push_back('%');
            out.push_back(kHex[b >> 4]);
            out.push_back(kHex[b & 0xF]);
        }
    }
    return out;
}

http::Response atom_response(const Feed& feed) {
    http::Response res;
    res.body = write_atom(feed);
    res.set_header("Content-Type", "application/atom+xml; charset=utf-8");
    res.set_header("Cache-Control", "public, max-age=300");
    return res;
}

}  // namespace avenir::feed
