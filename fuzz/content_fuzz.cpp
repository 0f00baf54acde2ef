// libFuzzer target for the content files an admin loads (`avenir seed`, content/guide and
// content/programme; see content/guide/FORMAT.md): TOML front matter between '+++' lines, the
// Markdown body after it, workshop.toml and the programme's TOML tables, read by the real loaders
// (load_guide, load_content) from a scratch folder. Built by `make fuzz`. The Markdown itself is
// rendered by parsers_fuzz.
//
// Input: one byte that picks the loader (even: guide, odd: programme), then a bundle of files,
// each introduced by a line "=== <relative path>", e.g.
//   === workshops/why/workshop.toml
//   slug = "why"
//   === workshops/why/ar.md
//   +++
//   title = "..."
//   +++
// Paths are limited to [A-Za-z0-9._-] components (no "..", at most four). For the programme, the
// five TOML tables default to minimal valid ones when the bundle leaves them out, so pages alone
// reach the front matter parser.
//
// A loader may refuse content only with a ContentError (it names the file and what to fix);
// anything else escaping it is a finding. What it loads is UTF-8 (the database's text columns and
// the store's JSON need it), and a guide's structure survives the JSON round trip the store and
// `avenir guide export` use.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_scratch.hpp"
#include "core/errors.hpp"
#include "core/text/utf8.hpp"
#include "modules/guide/guide_content.hpp"
#include "modules/programme/programme_content.hpp"

namespace fs = std::filesystem;

namespace {

// CONTENT_FUZZ_VERBOSE=1 prints why a loader refused the content (to check new seeds).
void refused(const avenir::ContentError& e) {
    static const bool verbose = std::getenv("CONTENT_FUZZ_VERBOSE") != nullptr;
    if (verbose) std::fprintf(stderr, "refused: %s\n", e.what());
}

[[noreturn]] void fail(const char* what, const std::string& detail = {}) {
    std::fprintf(stderr, "content_fuzz: %s: %s\n", what, detail.c_str());
    std::abort();
}

const fs::path& scratch() { return avenir_fuzz::scratch_dir("content-fuzz"); }

bool safe_path(std::string_view p) {
    if (p.empty() || p.size() > 120 || p.front() == '/' || p.back() == '/') return false;
    int parts = 1;
    for (const char c : p) {
        if (c == '/') ++parts;
        else if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-'))
            return false;
    }
    if (parts > 4 || p.find("//") != std::string_view::npos) return false;
    for (std::string_view rest = p; !rest.empty();) {
        const std::size_t slash = rest.find('/');
        const std::string_view part = rest.substr(0, slash);
        if (part == "." || part == "..") return false;
        rest = slash == std::string_view::npos ? std::string_view{} : rest.substr(slash + 1);
    }
    return true;
}

void write_file(const fs::path& path, std::string_view content) {
    std::error_code ec;
    fs::create_directories(path.parent_path(), ec);
    if (ec || fs::is_directory(path, ec)) return;  // a path that clashes with an earlier one
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
}

// Writes the bundle's files under dir.
void write_bundle(const fs::path& dir, std::string_view in) {
    std::vector<std::size_t> headers;  // offsets of the lines that start with "=== "
    for (std::size_t p = 0; p < in.size();) {
        if (in.substr(p, 4) == "=== ") headers.push_back(p);
        const std::size_t nl = in.find('\n', p);
        if (nl == std::string_view::npos) break;
        p = nl + 1;
    }
    for (std::size_t i = 0; i < headers.size(); ++i) {
        const std::size_t end = i + 1 < headers.size() ? headers[i + 1] : in.size();
        const std::string_view section = in.substr(headers[i], end - headers[i]);
        const std::size_t nl = section.find('\n');
        const std::string_view name = section.substr(4, nl == std::string_view::npos ? std::string_view::npos : nl - 4);
        if (!safe_path(name)) continue;
        write_file(dir / name, nl == std::string_view::npos ? std::string_view{} : section.substr(nl + 1));
    }
}

constexpr std::string_view kDefaultTables[][2] = {
    {"regions.toml", "[[region]]\nslug = \"africa-mena\"\nposition = 1\n[region.en]\nname = \"Africa and MENA\"\nsummary = \"Hub.\"\n"},
    {"themes.toml", "[[theme]]\nnumber = 1\n[theme.en]\ntitle = \"Why data and AI matter\"\nsummary = \"Data.\"\n"},
    {"groups.toml",
     "[[group]]\nslug = \"leaders\"\nposition = 1\nsessions = 3\nhours = 6\n[group.en]\nname = \"Leaders\"\ndescription = \"For leaders.\"\n"},
    {"calendar.toml", "[[phase]]\nslug = \"launch\"\nposition = 1\n[phase.en]\nwhen = \"2025\"\ntitle = \"Launch\"\ndescription = \"Start.\"\n"},
    {"contacts.toml",
     "[[contact_group]]\nslug = \"africa\"\nposition = 1\nregions = [\"africa-mena\"]\n[contact_group.en]\nname = \"Africa\"\n"
     "[[contact_group.contact]]\nname = \"A\"\norganisation = \"PSI\"\nemail = \"a@example.org\"\n"},
};

void fuzz_guide(const fs::path& dir) {
    avenir::guide::GuideContent g;
    try {
        g = avenir::guide::load_guide(dir);
    } catch (const avenir::ContentError& e) {
        refused(e);
        return;
    }
    for (const auto& [lang, text] : g.introduction.body_md)
        if (!avenir::utf8::valid(text) || !avenir::utf8::valid(g.introduction.title.at(lang))) fail("introduction text is not UTF-8", lang);
    for (const auto& w : g.workshops) {
        // The store keeps each language's texts as JSON, and `avenir seed` fingerprints them: dump() must work.
        for (const auto& [lang, doc] : w.texts) (void)doc.dump();
        const nlohmann::json structure = avenir::guide::structure_json(w);
        const avenir::guide::Workshop again = avenir::guide::from_structure_json(structure);
        if (avenir::guide::structure_json(again) != structure) fail("workshop structure changes in the JSON round trip", structure.dump());
        if (w.total_min() > w.total_max() || w.total_max() > 180) fail("a loaded workshop breaks the timing rules", w.slug);
        for (const auto& [lang, doc] : w.texts) (void)w.translation_state(lang);
        (void)w.source_text();
    }
}

void fuzz_programme(const fs::path& dir) {
    std::error_code ec;
    for (const auto& [name, text] : kDefaultTables)
        if (!fs::exists(dir / name, ec)) write_file(dir / name, text);
    fs::create_directories(dir / "pages", ec);
    avenir::programme::Content c;
    try {
        c = avenir::programme::load_content(dir);
    } catch (const avenir::ContentError& e) {
        refused(e);
        return;
    }
    for (const auto& page : c.pages) {
        if (!page.title.contains("en")) fail("a page without its English title loaded", page.slug);
        // Stored in text columns, which hold UTF-8 only (PostgreSQL refuses anything else).
        for (const auto& [lang, body] : page.body_md)
            if (!avenir::utf8::valid(body) || !avenir::utf8::valid(page.title.at(lang))) fail("page text is not UTF-8", page.slug + "." + lang);
        (void)avenir::programme::page_source(page);
    }
    (void)avenir::programme::outdated_translations(c);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const fs::path& dir = scratch();
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir)) fs::remove_all(entry.path(), ec);
    const std::string_view in(reinterpret_cast<const char*>(data) + 1, size - 1);
    write_bundle(dir, in);
    if (data[0] % 2 == 0)
        fuzz_guide(dir);
    else
        fuzz_programme(dir);
    return 0;
}
