// The interface catalogs are complete: msgfmt finds every entry translated and none fuzzy, and
// every msgid the code can show (templates, translation calls, public error messages, error page
// headings, navigation labels) is in each po file. scripts/update-po.sh extracts the same set.
#include "core/i18n/i18n.hpp"
#include "core/view/views.hpp"

#include <gtest/gtest.h>

#include <sys/wait.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

namespace fs = std::filesystem;
using namespace avenir::i18n;

namespace {

const fs::path kSource = AVENIR_SOURCE_DIR;

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

// Runs a shell command; {exit status, stdout and stderr together}.
std::pair<int, std::string> run(const std::string& command) {
    FILE* pipe = ::popen((command + " 2>&1").c_str(), "r");
    if (!pipe) return {-1, "popen failed"};
    std::string out;
    char buf[4096];
    while (const std::size_t n = std::fread(buf, 1, sizeof buf, pipe)) out.append(buf, n);
    const int status = ::pclose(pipe);
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

std::string quoted(const fs::path& p) { return "'" + std::regex_replace(p.string(), std::regex("'"), "'\\''") + "'"; }

std::vector<std::string> translated_languages() {
    std::vector<std::string> out;
    for (const auto& l : languages())
        if (l.code != "en") out.push_back(l.code);
    return out;
}

// Reads one or more adjacent C++ string literals ("a" "b") starting at text[pos]; unescapes
// \" \\ \n \t. Empty when there is no literal there. With `whole`, also empty when the literals
// are only part of an expression ("'" + email + "'"): such a text cannot be a catalog key.
std::string read_literals(const std::string& text, std::size_t pos, bool whole = false) {
    std::string out;
    while (pos < text.size() && text[pos] == '"') {
        for (++pos; pos < text.size() && text[pos] != '"'; ++pos) {
            if (text[pos] == '\\' && pos + 1 < text.size()) {
                const char c = text[++pos];
                out.push_back(c == 'n' ? '\n' : c == 't' ? '\t' : c);
            } else {
                out.push_back(text[pos]);
            }
        }
        ++pos;
        while (pos < text.size() && std::isspace(static_cast<unsigned char>(text[pos]))) ++pos;
    }
    if (whole && pos < text.size() && std::string_view(",);}:").find(text[pos]) == std::string_view::npos)
        return {};
    return out;
}

// The msgids of a po or pot text (obsolete "#~" entries are not msgids).
std::set<std::string> po_msgids(const std::string& po_text) {
    std::set<std::string> ids;
    std::istringstream in(po_text);
    std::string line, current;
    bool in_msgid = false;
    const auto flush = [&] {
        if (in_msgid && !current.empty()) ids.insert(current);
        in_msgid = false;
        current.clear();
    };
    while (std::getline(in, line)) {
        if (line.starts_with("msgid \"")) {
            flush();
            in_msgid = true;
            current = read_literals(line, 6);
        } else if (in_msgid && line.starts_with("\"")) {
            current += read_literals(line, 0);
        } else if (!line.starts_with("\"")) {
            flush();
        }
    }
    flush();
    return ids;
}

struct Found {
    std::string msgid;
    std::string where;  // file, for the failure message
};

bool identifier_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// Where a keyword starts a pattern: each occurrence of the keyword (not inside a longer name) is
// matched against the pattern there. Much faster than std::regex searching whole files.
template <typename F>
void each_match(const std::string& text, std::string_view keyword, const std::regex& re, F&& on_match) {
    for (std::size_t at = text.find(keyword); at != std::string::npos; at = text.find(keyword, at + 1)) {
        if (at > 0 && identifier_char(text[at - 1])) continue;
        std::smatch m;
        const auto end = text.begin() + static_cast<std::ptrdiff_t>(std::min(text.size(), at + 400));
        if (std::regex_search(text.begin() + static_cast<std::ptrdiff_t>(at), end, m, re, std::regex_constants::match_continuous))
            on_match(at, at + static_cast<std::size_t>(m.length(0)));
    }
}

// Literal string arguments the C++ code passes to the catalog or shows as public messages.
std::vector<Found> scan_cpp_msgids() {
    // {keyword, pattern from the keyword to just before the literal}
    static const std::vector<std::pair<std::string_view, std::regex>> kCalls = {
        {"tr", std::regex(R"re(tr\s*\(\s*[A-Za-z_][\w.>-]*\s*,\s*(?="))re")},  // tr(req, "..."), layout_.tr(req, "...")
        {"tr", std::regex(R"re(tr\s*\(\s*(?="))re")},                          // env.tr("...") (a view's request bound)
        {"translate", std::regex(R"re(translate\s*\([^,()"]*,\s*(?="))re")},   // catalog.translate(lang, "...")
        {"message", std::regex(R"re(message\s*\([^,()"]*,[^,()"]*,\s*(?="))re")},  // i18n::message(catalog, lang, "...", ...)
        {"NotFound", std::regex(R"re(\w+\s*\(\s*(?="))re")},                    // public messages of thrown errors
        {"Forbidden", std::regex(R"re(\w+\s*\(\s*(?="))re")},
        {"BadRequest", std::regex(R"re(\w+\s*\(\s*(?="))re")},
        {"Conflict", std::regex(R"re(\w+\s*\(\s*(?="))re")},
        {"Unprocessable", std::regex(R"re(\w+\s*\(\s*(?="))re")},
        {"PayloadTooLarge", std::regex(R"re(\w+\s*\(\s*(?="))re")},
        {"ServiceUnavailable", std::regex(R"re(\w+\s*\(\s*(?="))re")},
        {"std::string pub", std::regex(R"re(std::string pub\s*=\s*(?="))re")},  // default messages (errors.hpp)
        {"kPublic", std::regex(R"re(kPublic\w*\s*=\s*(?="))re")},               // constexpr ... kPublic = "..."
        {"noop", std::regex(R"re(noop\s*\(\s*(?="))re")},                        // i18n::noop("...") in label tables
        {".label", std::regex(R"re(\.label\s*=\s*(?="))re")},                      // reg.nav({.path = "/x", .label = "..."})
    };
    static const std::regex kErrorTextFunction(R"re(\w+\s*\([^)]*\)\s*\{)re");
    std::vector<Found> out;
    const auto add = [&](const std::string& text, std::size_t pos, const fs::path& file) {
        std::string id = read_literals(text, pos, true);
        if (!id.empty()) out.push_back({std::move(id), fs::relative(file, kSource).string()});
    };
    for (const auto& entry : fs::recursive_directory_iterator(kSource / "src")) {
        const fs::path& file = entry.path();
        const std::string name = file.filename().string();
        if (!entry.is_regular_file() || name.ends_with("_test.cpp")) continue;
        if (file.extension() != ".cpp" && file.extension() != ".hpp") continue;
        const std::string text = read_file(file);
        for (const auto& [keyword, re] : kCalls)
            each_match(text, keyword, re, [&](std::size_t, std::size_t literal) { add(text, literal, file); });
        // Error page texts: every literal in the return statements of heading_for() / default_message().
        for (const std::string_view function : {"heading_for", "default_message"}) {
            each_match(text, function, kErrorTextFunction, [&](std::size_t, std::size_t body) {
                const std::size_t end = text.find("\n}", body);
                for (std::size_t pos = text.find("return", body); pos < end; pos = text.find("return", pos)) {
                    const std::size_t semi = text.find(';', pos);
                    for (std::size_t q = text.find('"', pos); q < semi; q = text.find('"', q)) {
                        add(text, q, file);
                        q = text.find('"', q + 1) + 1;  // past this literal (error texts hold no \")
                    }
                    pos = semi;
                }
            });
        }
    }
    return out;
}

const std::vector<Found>& cpp_msgids() {
    static const std::vector<Found> found = scan_cpp_msgids();
    return found;
}

}  // namespace

namespace {
// po/<lang>.po and the catalogs modules keep in their folder (src/modules/<m>/po/<lang>.po).
std::vector<fs::path> catalogs_of(const std::string& lang) {
    std::vector<fs::path> out{kSource / "po" / (lang + ".po")};
    for (const auto& m : fs::directory_iterator(kSource / "src" / "modules"))
        if (fs::exists(m.path() / "po" / (lang + ".po"))) out.push_back(m.path() / "po" / (lang + ".po"));
    return out;
}
}  // namespace

TEST(Catalog, MsgfmtFindsEveryEntryTranslatedAndNoneFuzzy) {
    for (const auto& lang : translated_languages())
        for (const fs::path& po : catalogs_of(lang)) {
        SCOPED_TRACE(po.string());
        ASSERT_TRUE(fs::exists(po)) << po;
        const auto [status, out] = run("LC_ALL=C LANGUAGE= msgfmt --statistics -c -o /dev/null " + quoted(po));
        EXPECT_EQ(status, 0) << out;
        std::smatch m;
        EXPECT_TRUE(std::regex_search(out, m, std::regex(R"((\d+) translated messages?)")) && std::stoi(m[1]) > 0) << out;
        EXPECT_EQ(out.find("untranslated"), std::string::npos) << out;
        EXPECT_EQ(out.find("fuzzy"), std::string::npos) << out;
        }
}

TEST(Catalog, ScannerFindsTheKnownCallSites) {
    std::set<std::string> ids;
    for (const auto& f : cpp_msgids()) ids.insert(f.msgid);
    // One per kind of call site: navigation label, thrown error, default public message, error
    // page heading and default text, named public message, literal split over lines.
    for (const char* id : {"Home", "There is no such region.", "This page does not exist.",
                           "You do not have permission to do this.", "Page not found", "Something went wrong",
                           "The request could not be completed", "The request took too long to arrive.",
                           "The submitted form could not be read.", "The address contains an invalid number."})
        EXPECT_TRUE(ids.contains(id)) << id;
    EXPECT_FALSE(ids.contains("malformed request target"));  // log messages are not shown
}

namespace {
// Every msgid the templates and the C++ code use, with where it was found.
std::vector<Found> used_msgids() {
    const Catalog catalog(AVENIR_LOCALE_DIR);
    const avenir::view::Views views(catalog);
    std::vector<Found> used;
    for (const auto& id : views.msgids()) used.push_back({id, "templates"});
    const auto& in_code = cpp_msgids();
    used.insert(used.end(), in_code.begin(), in_code.end());
    return used;
}
}  // namespace

TEST(Catalog, EveryMsgidInUseIsInEachPoFile) {
    const std::vector<Found> used = used_msgids();
    ASSERT_GT(used.size(), 20u);
    for (const auto& lang : translated_languages()) {
        std::set<std::string> ids;
        for (const auto& po : catalogs_of(lang)) ids.merge(po_msgids(read_file(po)));
        std::set<std::string> missing;
        for (const auto& f : used)
            if (!ids.contains(f.msgid)) missing.insert("  " + f.where + ": \"" + f.msgid + "\"\n");
        std::string list;
        for (const auto& m : missing) list += m;
        EXPECT_TRUE(missing.empty()) << "the " << lang << " catalogs (po/, src/modules/*/po/) lack " << missing.size() << " msgid(s):\n" << list;
    }
}

TEST(Catalog, UpdatePoScriptExtractsTheSameMsgids) {
    const auto [status, pot] = run("cd " + quoted(kSource) + " && bash scripts/update-po.sh --pot");
    ASSERT_EQ(status, 0) << pot;
    const std::set<std::string> extracted = po_msgids(pot);
    std::set<std::string> scanned;
    for (const auto& f : used_msgids()) scanned.insert(f.msgid);
    std::string only_script, only_test;
    for (const auto& id : extracted)
        if (!scanned.contains(id)) only_script += "  \"" + id + "\"\n";
    for (const auto& id : scanned)
        if (!extracted.contains(id)) only_test += "  \"" + id + "\"\n";
    EXPECT_EQ(only_script, "") << "found by scripts/update-po.sh only";
    EXPECT_EQ(only_test, "") << "found by this test only";
}
