#include "core/text/utf8.hpp"
#include "modules/library/library_import.hpp"
#include "modules/library/library_line_reader.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <limits>
#include <cctype>
#include <set>
#include <span>

#include <nlohmann/json.hpp>

namespace avenir::library {
namespace {

using json = nlohmann::json;

constexpr std::string_view kFields[] = {"title",   "summary",   "body", "lang",       "regions",
                                        "themes",  "type",      "date", "publisher",  "url",
                                        "licence", "audiences", "key",  "transcript", "duration", "ref"};

// Names people reach for that are not ours; edit distance catches the plain typos.
constexpr std::pair<std::string_view, std::string_view> kAliases[] = {{"language", "lang"},
                                                                      {"description", "summary"},
                                                                      {"abstract", "summary"},
                                                                      {"text", "body"},
                                                                      {"content", "body"},
                                                                      {"body_md", "body"},
                                                                      {"link", "url"},
                                                                      {"year", "date"},
                                                                      {"kind", "type"},
                                                                      {"key_publication", "key"},
                                                                      {"duration_seconds", "duration"},
                                                                      {"author", "publisher"},
                                                                      {"organisation", "publisher"},
                                                                      {"organization", "publisher"}};

constexpr std::size_t kShortValue = 40;  // longer values are cut when quoted in a message

std::string with_thousands(std::size_t n) {
    std::string digits = std::to_string(n), out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

// Offset of the first byte that is not part of well-formed UTF-8, or npos.
std::size_t invalid_utf8_at(std::string_view s) { return utf8::invalid_at(s); }

// Control characters never reach a terminal or a log through an error message.
// Quotes and backslashes too when the text goes between quotes.
void append_escaped(std::string& out, std::string_view s, bool in_quotes = true) {
    static constexpr char hex[] = "0123456789abcdef";
    for (char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if (in_quotes && (c == '"' || c == '\\')) {
            out += '\\';
            out += ch;
        } else if (c < 0x20 || c == 0x7f) {
            out += "\\u00";
            out += hex[c >> 4];
            out += hex[c & 15];
        } else {
            out += ch;
        }
    }
}

// A value quoted for a message: whole when short, else its start and its length.
std::string quote(std::string_view s) {
    std::string out = "\"";
    if (s.size() <= kShortValue) {
        append_escaped(out, s);
        out += '"';
        return out;
    }
    const std::size_t cut = utf8::boundary_before(s, 30);  // whole characters only
    append_escaped(out, s.substr(0, cut));
    out += "...\" (" + with_thousands(s.size()) + " bytes)";
    return out;
}

std::string describe(const json& v) {
    switch (v.type()) {
        case json::value_t::string:
            return quote(v.get_ref<const std::string&>());
        case json::value_t::boolean:
            return v.get<bool>() ? "true" : "false";
        case json::value_t::number_integer:
        case json::value_t::number_unsigned:
        case json::value_t::number_float:
            return v.dump();
        case json::value_t::array:
            return "an array";
        case json::value_t::object:
            return "an object";
        default:
            return "null";
    }
}

std::string list_of(std::span<const std::string_view> values) {
    std::string out;
    for (auto v : values) {
        if (!out.empty()) out += ", ";
        out += v;
    }
    return out;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const bool same =
                ascii::lower(a[i - 1]) == ascii::lower(b[j - 1]);
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (same ? 0 : 1)});
        }
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

std::string_view suggestion(std::string_view key) {
    const std::string lower = ascii::lower(key);
    for (const auto& [alias, field] : kAliases)
        if (alias == lower) return field;
    std::string_view best;
    std::size_t best_d = 3;  // at most two edits, and fewer than half the word
    for (auto f : kFields) {
        const std::size_t d = edit_distance(key, f);
        if (d < best_d && d * 2 < f.size()) best = f, best_d = d;
    }
    return best;
}

// The problems of one line, at most one per field: the first said about a field is the one to fix.
class Problems {
public:
    void add(std::string_view field, std::string message) {
        if (!fields_.insert(std::string(field)).second) return;
        list_.push_back(std::move(message));
    }
    bool has(std::string_view field) const { return fields_.count(std::string(field)) > 0; }
    bool empty() const { return list_.empty(); }
    std::string joined() const {
        std::string out;
        for (const auto& m : list_) {
            if (!out.empty()) out += "; ";
            out += m;
        }
        return out;
    }

private:
    std::set<std::string> fields_;
    std::vector<std::string> list_;
};

const json* field(const json& obj, std::string_view name) {
    const auto it = obj.find(std::string(name));
    if (it == obj.end() || it->is_null()) return nullptr;  // null is "not given" (common in exports)
    return &*it;
}

bool read_string(const json& obj, std::string_view name, std::string& out, Problems& p) {
    const json* v = field(obj, name);
    if (!v) return false;
    if (!v->is_string()) {
        p.add(name, std::string(name) + ": expected a string, got " + describe(*v));
        return false;
    }
    out = v->get<std::string>();
    // PostgreSQL text cannot hold NUL, and no document needs it.
    if (out.find('\0') != std::string::npos) {
        p.add(name, std::string(name) + ": contains a NUL character (\\u0000)");
        return false;
    }
    return true;
}

// A list of strings, also accepted as a single string.
void read_string_list(const json& obj, std::string_view name, std::vector<std::string>& out, Problems& p) {
    const json* v = field(obj, name);
    if (!v) return;
    if (v->is_string()) {
        out.push_back(v->get<std::string>());
        return;
    }
    if (!v->is_array()) {
        p.add(name, std::string(name) + ": expected a string or an array of strings, got " + describe(*v));
        return;
    }
    for (std::size_t i = 0; i < v->size(); ++i) {
        const json& item = (*v)[i];
        if (!item.is_string()) {
            p.add(name, std::string(name) + ": item " + std::to_string(i + 1) + " is not a string (got " + describe(item) + ")");
            return;
        }
        out.push_back(item.get<std::string>());
    }
}

std::string themes_help() { return "(" + list_of(kThemes) + ", or 1 to 7)"; }

void read_themes(const json& obj, std::vector<int>& out, Problems& p) {
    const json* v = field(obj, "themes");
    if (!v) return;
    auto one = [&](const json& t) {
        if (t.is_string()) {
            if (const auto n = theme_number(t.get_ref<const std::string&>())) {
                out.push_back(*n);
                return true;
            }
            p.add("themes", "themes: " + describe(t) + " is not a theme " + themes_help());
            return false;
        }
        if (t.is_number()) {
            // Non-negative whole numbers parse as unsigned; anything else (-1, 2.5) is out of range.
            if (t.is_number_unsigned() && t.get<std::uint64_t>() >= 1 && t.get<std::uint64_t>() <= std::size(kThemes)) {
                out.push_back(static_cast<int>(t.get<std::uint64_t>()));
                return true;
            }
            p.add("themes", "themes: " + describe(t) + " is not a theme " + themes_help());
            return false;
        }
        p.add("themes", "themes: expected a theme key or number, got " + describe(t));
        return false;
    };
    if (v->is_array()) {
        for (const auto& t : *v)
            if (!one(t)) return;
    } else {
        one(*v);
    }
}

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

// "YYYY-MM-DD", "YYYY-MM" or "YYYY", completed to the first day; empty when not a date.
std::string complete_date(std::string_view d) {
    auto digits = [&](std::size_t from, std::size_t n) {
        int value = 0;
        for (std::size_t i = from; i < from + n; ++i) {
            if (d[i] < '0' || d[i] > '9') return -1;
            value = value * 10 + (d[i] - '0');
        }
        return value;
    };
    if (d.size() != 4 && !(d.size() == 7 && d[4] == '-') && !(d.size() == 10 && d[4] == '-' && d[7] == '-')) return {};
    const int y = digits(0, 4);
    const int m = d.size() >= 7 ? digits(5, 2) : 1;
    const int day = d.size() == 10 ? digits(8, 2) : 1;
    static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1900 || y > 2100 || m < 1 || m > 12 || day < 1 || day > days[m - 1] + (m == 2 && leap(y) ? 1 : 0)) return {};
    std::string out(d);
    if (d.size() == 4) out += "-01";
    if (d.size() <= 7) out += "-01";
    return out;
}

// Field named by a validate() message ("[fr] title: required" -> "title").
std::string_view field_of(std::string_view problem) {
    if (problem.starts_with('[')) {
        const auto close = problem.find("] ");
        if (close != std::string_view::npos) problem.remove_prefix(close + 2);
    }
    return problem.substr(0, problem.find(':'));
}

// A plain identifier prints as is; anything else is quoted and escaped.
std::string field_name_for_message(std::string_view key) {
    const bool plain = !key.empty() && key.size() <= kShortValue && std::all_of(key.begin(), key.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
    });
    return plain ? std::string(key) : quote(key);
}

// nlohmann's message, reworded: "unexpected end of input at column 41 (expected '}')".
std::string json_error(const json::parse_error& e, std::size_t column_offset) {
    std::string_view what = e.what();
    std::string_view reason = what;
    if (const auto dash = what.find(" - "); dash != std::string_view::npos)
        reason = what.substr(dash + 3);
    else if (const auto colon = what.rfind(": "); colon != std::string_view::npos)
        reason = what.substr(colon + 2);
    std::string_view expected;
    // "last read: '...'" comes before it and may hold any bytes of the line, "; expected " included.
    if (const auto semi = reason.rfind("; expected "); semi != std::string_view::npos) expected = reason.substr(semi + 11);
    if (!std::all_of(expected.begin(), expected.end(), [](char c) { return c >= 0x20 && c < 0x7f; })) expected = {};
    reason = reason.substr(0, reason.find(';'));  // drops "last read: '...'", which may show raw bytes
    std::string out = "not valid JSON: ";
    append_escaped(out, reason, false);
    out += " at column " + std::to_string(e.byte + column_offset);
    if (!expected.empty()) {
        out += " (expected ";
        append_escaped(out, expected, false);
        out += ")";
    }
    return out;
}

std::variant<Resource, std::string> parse_line(std::string_view line, std::size_t column_offset) {
    if (const auto bad = invalid_utf8_at(line); bad != std::string_view::npos)
        return "not valid UTF-8 at column " + std::to_string(bad + 1 + column_offset) + " (save the file as UTF-8)";

    // Duplicate keys would otherwise be resolved silently (the last one wins).
    std::vector<std::string> duplicates;
    std::set<std::string> seen;
    const json::parser_callback_t on_event = [&](int depth, json::parse_event_t event, json& parsed) {
        if (event == json::parse_event_t::key && depth == 1) {
            const auto& k = parsed.get_ref<const std::string&>();
            if (!seen.insert(k).second) duplicates.push_back(k);
        }
        return true;
    };
    json obj;
    try {
        obj = json::parse(line.begin(), line.end(), on_event);
    } catch (const json::parse_error& e) {
        return json_error(e, column_offset);
    } catch (const json::out_of_range&) {  // 406: a number beyond double ("1e400")
        return "not valid JSON: a number is too large";
    }
    if (!obj.is_object()) {
        const std::string found = obj.is_array()     ? "an array"
                                  : obj.is_string()  ? "a string"
                                  : obj.is_boolean() ? "true/false"
                                  : obj.is_null()    ? "null"
                                                     : "a number";
        return "expected a JSON object ({\"title\": ...}) on each line, found " + found;
    }

    Problems p;
    for (const auto& k : duplicates) p.add(k, field_name_for_message(k) + ": given twice");
    for (const auto& [key, value] : obj.items()) {
        if (std::find(std::begin(kFields), std::end(kFields), key) != std::end(kFields)) continue;
        std::string msg = field_name_for_message(key) + ": unknown field";
        if (const auto s = suggestion(key); !s.empty())
            msg += " (did you mean \"" + std::string(s) + "\"?)";
        else
            msg += " (fields: " + list_of(kFields) + ")";
        p.add(key, std::move(msg));
    }

    Resource r;
    Version v;
    if (!read_string(obj, "title", v.title, p) && !p.has("title")) p.add("title", "title: required");
    read_string(obj, "summary", v.summary, p);
    read_string(obj, "body", v.body_md, p);
    read_string(obj, "transcript", v.transcript, p);
    if (read_string(obj, "lang", v.lang, p)) {
        if (!is_language(v.lang))
            p.add("lang", "lang: " + quote(v.lang) + " is not a library language (" + list_of(kLanguages) + ")");
    } else if (!p.has("lang")) {
        p.add("lang", "lang: required (" + list_of(kLanguages) + ")");
    }

    read_string_list(obj, "regions", r.regions, p);
    for (const auto& region : r.regions)
        if (!is_region(region)) p.add("regions", "regions: " + quote(region) + " is not a region (" + list_of(kRegions) + ")");
    if (!p.has("regions") && r.regions.empty()) p.add("regions", "regions: required (" + list_of(kRegions) + ")");

    read_themes(obj, r.themes, p);

    if (read_string(obj, "type", r.type, p)) {
        if (!is_type(r.type)) p.add("type", "type: " + quote(r.type) + " is not a resource type (" + list_of(kTypes) + ")");
    } else {
        r.type = "publication";
    }

    std::string date;
    if (read_string(obj, "date", date, p)) {
        r.date = complete_date(date);
        if (r.date.empty()) p.add("date", "date: " + quote(date) + " is not a date (YYYY-MM-DD, YYYY-MM or YYYY)");
    } else if (!p.has("date")) {
        p.add("date", "date: required (YYYY-MM-DD, YYYY-MM or YYYY)");
    }

    read_string(obj, "publisher", r.publisher, p);
    read_string(obj, "licence", r.licence, p);
    if (read_string(obj, "ref", r.ref, p)) {
        const bool ok = !r.ref.empty() && r.ref.size() <= 80 &&
                        std::all_of(r.ref.begin(), r.ref.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
        if (!ok) p.add("ref", "ref: " + quote(r.ref) + " is not a reference (1 to 80 characters: a-z, 0-9 and -)");
    }
    read_string(obj, "url", r.url, p);

    read_string_list(obj, "audiences", r.audiences, p);
    for (const auto& a : r.audiences)
        if (!is_audience(a)) p.add("audiences", "audiences: " + quote(a) + " is not an audience (" + list_of(kAudiences) + ")");

    if (const json* k = field(obj, "key")) {
        if (k->is_boolean())
            r.key_publication = k->get<bool>();
        else
            p.add("key", "key: expected true or false, got " + describe(*k));
    }
    if (const json* d = field(obj, "duration")) {
        if (d->is_number_unsigned())
            r.duration_seconds = static_cast<std::int64_t>(
                std::min<std::uint64_t>(d->get<std::uint64_t>(), std::numeric_limits<std::int64_t>::max()));
        else
            p.add("duration", "duration: expected a whole number of seconds, 0 or more, got " + describe(*d));
    }

    r.versions.push_back(std::move(v));
    // validate() has the last word (lengths, URL shape, trimming); a field already reported keeps its first message.
    for (const auto& problem : validate(r)) {
        const auto f = field_of(problem);
        std::string_view text = problem;
        if (text.starts_with('[')) text.remove_prefix(std::min(text.size(), text.find("] ") + 2));  // one version: no "[fr] "
        std::string clean;
        append_escaped(clean, text.size() > 400 ? text.substr(0, 400) : text, false);
        p.add(f, std::move(clean));
    }
    if (!p.empty()) return p.joined();
    return r;
}

bool blank(std::string_view s) { return s.find_first_not_of(" \t\r") == std::string_view::npos; }

}  // namespace

std::string to_string(const ImportError& e) { return "line " + std::to_string(e.line) + ": " + e.message; }

std::variant<Resource, std::string> parse_import_line(std::string_view line) {
    if (line.size() > kMaxImportLineBytes)
        return "line too long (" + with_thousands(line.size()) +
               " bytes; at most 1 MB): shorten the body or link to the document";
    return parse_line(line, 0);
}

ImportBatch parse_jsonl(std::istream& in) {
    ImportBatch batch;
    LineReader reader(in);
    std::string text;
    std::size_t length = 0;
    while (reader.next(text, length)) {
        const std::size_t n = ++batch.lines_read;
        if (length > kMaxImportLineBytes) {
            batch.errors.push_back({n, "line too long (" + with_thousands(length) +
                                           " bytes; at most 1 MB): shorten the body or link to the document"});
            continue;
        }
        std::string_view line = text;
        std::size_t offset = 0;
        if (n == 1 && line.starts_with("\xEF\xBB\xBF")) {  // editors on Windows write a BOM
            line.remove_prefix(3);
            offset = 3;
        }
        if (blank(line)) continue;
        auto result = parse_line(line, offset);
        if (auto* r = std::get_if<Resource>(&result)) {
            batch.resources.push_back(std::move(*r));
            batch.lines.push_back(n);
        } else {
            batch.errors.push_back({n, std::move(std::get<std::string>(result))});
        }
    }
    return batch;
}

}  // namespace avenir::library
