#include "modules/training/training_import.hpp"

#include <csv.h>

#include <boost/locale/encoding_utf.hpp>

#include "core/i18n/i18n.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <stdexcept>

namespace avenir::training {
namespace {

std::string to_utf8(const std::string& bytes) {
    auto u16 = [&](bool little) {
        std::u16string units;
        for (std::size_t i = 2; i + 1 < bytes.size(); i += 2) {
            const auto a = static_cast<unsigned char>(bytes[i]), b = static_cast<unsigned char>(bytes[i + 1]);
            units.push_back(static_cast<char16_t>(little ? (b << 8 | a) : (a << 8 | b)));
        }
        return boost::locale::conv::utf_to_utf<char>(units, boost::locale::conv::skip);
    };
    if (bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0xFF && static_cast<unsigned char>(bytes[1]) == 0xFE) return u16(true);
    if (bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0xFE && static_cast<unsigned char>(bytes[1]) == 0xFF) return u16(false);
    if (bytes.rfind("\xEF\xBB\xBF", 0) == 0) return bytes.substr(3);
    return bytes;
}

struct Collector {
    std::vector<std::string> row;
    std::vector<CsvTable::Record> records;
    std::size_t line = 0;
};

void on_field(void* field, std::size_t len, void* data) {
    static_cast<Collector*>(data)->row.emplace_back(static_cast<const char*>(field), len);
}

void on_row(int, void* data) {
    auto* c = static_cast<Collector*>(data);
    c->records.push_back({c->line, std::move(c->row)});
    c->row.clear();
}

bool blank(const std::vector<std::string>& fields) {
    return std::all_of(fields.begin(), fields.end(), [](const std::string& f) {
        return std::all_of(f.begin(), f.end(), [](char ch) { return ch == ' ' || ch == '\t' || ch == '\r'; });
    });
}

// Records with their physical line, and for each the block it belongs to (blocks are separated
// by blank lines outside quotes).
struct Parsed {
    std::vector<CsvTable::Record> records;
    std::vector<int> block;
};

Parsed parse_with(const std::string& text, unsigned char delimiter) {
    csv_parser p;
    if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI) != 0) throw std::runtime_error("libcsv: cannot initialise");
    csv_set_delim(&p, delimiter);
    Collector c;
    Parsed out;
    std::size_t start = 0, line = 0;
    int block = 0;
    std::size_t quotes = 0;  // double quotes seen so far: odd = inside a quoted field
    try {
        while (start < text.size()) {
            std::size_t end = text.find('\n', start);
            end = end == std::string::npos ? text.size() : end + 1;
            const std::string_view piece(text.data() + start, end - start);
            ++line;
            const bool outside = quotes % 2 == 0;
            const bool empty_line = piece.find_first_not_of(" \t\r\n") == std::string_view::npos;
            if (outside && empty_line) ++block;
            quotes += static_cast<std::size_t>(std::count(piece.begin(), piece.end(), '"'));
            c.line = line;
            const std::size_t before = c.records.size();
            if (csv_parse(&p, piece.data(), piece.size(), on_field, on_row, &c) != piece.size())
                throw ReportError(line, "line " + std::to_string(line) + ": " + csv_strerror(csv_error(&p)));
            for (std::size_t i = before; i < c.records.size(); ++i) out.block.push_back(block);
            start = end;
        }
        if (csv_fini(&p, on_field, on_row, &c) != 0)
            throw ReportError(line, "line " + std::to_string(line) + ": " + csv_strerror(csv_error(&p)));
        while (out.block.size() < c.records.size()) out.block.push_back(block);
    } catch (...) {
        csv_free(&p);
        throw;
    }
    csv_free(&p);
    out.records = std::move(c.records);
    return out;
}

std::string lower(std::string s) {
    for (char& ch : s)
        if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
    return s;
}

std::string trim(const std::string& s) {
    const auto a = s.find_first_not_of(" \t\r\n"), b = s.find_last_not_of(" \t\r\n");
    return a == std::string::npos ? "" : s.substr(a, b - a + 1);
}

// "Ana María  Pérez" -> "ana maría pérez" (ASCII letters lower-cased, spaces collapsed)
std::string name_key(std::string s) {
    s = trim(s);
    std::string out;
    bool space = false;
    for (char ch : lower(s)) {
        if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += ch;
    }
    return out;
}

// "95", "95.5", "95,5", "1:35:00", "35:10" -> minutes (rounded down); nullopt otherwise.
std::optional<int> minutes_of(const std::string& raw) {
    const std::string s = trim(raw);
    if (s.empty() || s.size() > 12) return std::nullopt;
    if (s.find(':') != std::string::npos) {
        int parts[3] = {0, 0, 0}, n = 0;
        std::string cur;
        for (char ch : s + ":") {
            if (ch == ':') {
                if (cur.empty() || n == 3) return std::nullopt;
                parts[n++] = std::stoi(cur);
                cur.clear();
            } else if (ch >= '0' && ch <= '9') {
                cur += ch;
            } else {
                return std::nullopt;
            }
        }
        if (n == 3) return parts[0] * 60 + parts[1];
        if (n == 2) return parts[0];  // minutes:seconds
        return std::nullopt;
    }
    double v = 0;
    bool dot = false, digits = false;
    double scale = 0.1;
    for (char ch : s) {
        if (ch >= '0' && ch <= '9') {
            digits = true;
            if (dot) {
                v += (ch - '0') * scale;
                scale /= 10;
            } else {
                v = v * 10 + (ch - '0');
            }
        } else if ((ch == '.' || ch == ',') && !dot) {
            dot = true;
        } else {
            return std::nullopt;
        }
    }
    if (!digits || v > 100000) return std::nullopt;
    return static_cast<int>(std::floor(v));
}

}  // namespace

CsvTable parse_report(const std::string& bytes) {
    const std::string text = to_utf8(bytes);
    // The separator: whichever of comma, semicolon and tab appears most outside quotes.
    std::size_t counts[3] = {0, 0, 0};
    bool quoted = false;
    for (char ch : text) {
        if (ch == '"') quoted = !quoted;
        else if (!quoted) {
            counts[0] += ch == ',';
            counts[1] += ch == ';';
            counts[2] += ch == '\t';
        }
    }
    const unsigned char delimiter = counts[2] > counts[0] && counts[2] >= counts[1] ? '\t' : counts[1] > counts[0] ? ';' : ',';
    const Parsed parsed = parse_with(text, delimiter);
    // The block with the most rows is the participants' list; its first row is the header.
    std::map<int, std::size_t> sizes;
    for (std::size_t i = 0; i < parsed.records.size(); ++i)
        if (!blank(parsed.records[i].fields)) ++sizes[parsed.block[i]];
    int chosen = -1;
    std::size_t most = 0;
    for (const auto& [b, n] : sizes)
        if (n >= most) {
            most = n;
            chosen = b;
        }
    CsvTable t;
    bool have_header = false;
    for (std::size_t i = 0; i < parsed.records.size(); ++i) {
        if (parsed.block[i] != chosen || blank(parsed.records[i].fields)) continue;
        if (!have_header) {
            t.header = parsed.records[i].fields;
            for (auto& h : t.header) h = trim(h);
            t.header_line = parsed.records[i].line;
            have_header = true;
        } else {
            t.records.push_back(parsed.records[i]);
        }
    }
    if (t.header.size() < 2) throw ReportError(0, "no header row with at least two columns (separated by commas, semicolons or tabs)");
    return t;
}

ImportColumns guess_columns(const std::vector<std::string>& header) {
    ImportColumns c;
    for (std::size_t i = 0; i < header.size(); ++i) {
        const std::string h = lower(header[i]);
        const int idx = static_cast<int>(i);
        if (c.email < 0 && (h.find("mail") != std::string::npos || h.find("correo") != std::string::npos || h.find("courriel") != std::string::npos))
            c.email = idx;
        else if (c.name < 0 && (h.find("name") != std::string::npos || h.find("nom") != std::string::npos ||
                                h.find("nombre") != std::string::npos || h.find("participant") != std::string::npos))
            c.name = idx;
        else if (c.minutes < 0 && (h.find("minute") != std::string::npos || h.find("duration") != std::string::npos ||
                                   h.find("durée") != std::string::npos || h.find("duración") != std::string::npos ||
                                   h.find("minuto") != std::string::npos))
            c.minutes = idx;
    }
    return c;
}

ImportResult match_report(const CsvTable& table, const ImportColumns& columns, const std::vector<Participant>& participants,
                          int session_minutes, int threshold_percent) {
    std::map<std::string, std::vector<const Participant*>> by_email, by_name;
    for (const auto& p : participants) {
        if (!p.email.empty()) by_email[lower(trim(p.email))].push_back(&p);
        by_name[name_key(p.name)].push_back(&p);
    }
    ImportResult out;
    std::map<std::int64_t, std::size_t> mark_of;  // enrolment -> index in out.marks
    auto field = [](const CsvTable::Record& r, int i) { return i >= 0 && static_cast<std::size_t>(i) < r.fields.size() ? trim(r.fields[static_cast<std::size_t>(i)]) : std::string(); };
    for (const auto& r : table.records) {
        ImportLine l;
        l.line = r.line;
        const std::string email = field(r, columns.email), name = field(r, columns.name);
        l.who = !name.empty() ? name : email;
        if (r.fields.size() != table.header.size()) {
            l.kind = ImportLine::Kind::Bad;
            l.note = std::string(i18n::noop("The row does not have as many columns as the header."));
            out.lines.push_back(l);
            continue;
        }
        if (email.empty() && name.empty()) {
            l.kind = ImportLine::Kind::Bad;
            l.note = std::string(i18n::noop("The row has neither a name nor an e-mail address."));
            out.lines.push_back(l);
            continue;
        }
        std::optional<int> minutes;
        if (columns.minutes >= 0) {
            minutes = minutes_of(field(r, columns.minutes));
            if (!minutes) {
                l.kind = ImportLine::Kind::Bad;
                l.note = std::string(i18n::noop("The duration is not a number of minutes."));
                out.lines.push_back(l);
                continue;
            }
        }
        std::vector<const Participant*> found;
        if (!email.empty())
            if (const auto it = by_email.find(lower(email)); it != by_email.end()) found = it->second;
        // By name: the whole, else the name before a trailing "(...)", else the one inside it
        // (Zoom writes "Shown name (Original Name)").
        if (found.empty() && !name.empty()) {
            std::vector<std::string> keys{name_key(name)};
            if (name.back() == ')')
                if (const auto open = name.rfind('('); open != std::string::npos && open > 0) {
                    keys.push_back(name_key(name.substr(0, open)));
                    keys.push_back(name_key(name.substr(open + 1, name.size() - open - 2)));
                }
            for (const auto& k : keys)
                if (const auto it = by_name.find(k); found.empty() && it != by_name.end()) found = it->second;
        }
        if (found.empty()) {
            l.kind = ImportLine::Kind::Unmatched;
        } else if (found.size() > 1) {
            l.kind = ImportLine::Kind::Ambiguous;
        } else {
            l.enrolment_id = found.front()->enrolment_id;
            const int m = minutes.value_or(session_minutes);
            if (const auto it = mark_of.find(l.enrolment_id); it != mark_of.end()) {
                l.kind = ImportLine::Kind::Duplicate;
                out.marks[it->second].minutes += m;
            } else {
                mark_of.emplace(l.enrolment_id, out.marks.size());
                out.marks.push_back({l.enrolment_id, Mark::Present, m});
            }
        }
        out.lines.push_back(l);
    }
    for (auto& m : out.marks) {
        m.minutes = std::min(m.minutes, session_minutes);
        if (m.minutes <= 0) m.mark = Mark::Absent;  // listed, but never stayed a minute
        else m.mark = counts_as_attended(Mark::Partial, m.minutes, session_minutes, threshold_percent) ? Mark::Present : Mark::Partial;
        if (m.mark != Mark::Partial) m.minutes = 0;
    }
    return out;
}

}  // namespace avenir::training
