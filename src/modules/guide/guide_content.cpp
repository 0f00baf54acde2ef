#include "modules/guide/guide_content.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <fstream>
#include <set>

#include "core/i18n/i18n.hpp"
#include "core/text/utf8.hpp"

namespace avenir::guide {
namespace fs = std::filesystem;
using nlohmann::json;
namespace {

const std::set<std::string> kStatuses{"draft", "published", "retired"};
const std::set<std::string> kLevels{"introductory", "intermediate", "advanced"};
const std::set<std::string> kPhases{"activity", "discussion", "input", "deepening", "synthesis", "break"};
const std::set<std::string> kGroupings{"plenary", "breakout"};
const std::set<std::string> kAudiences{"dro", "leaders", "stewards"};
const std::set<std::string> kDelivery{"in-person", "online", "hybrid"};
const std::vector<std::string> kRegions{"north-america", "europe-caribbean", "asia-pacific", "latin-america", "africa-mena"};
const std::vector<std::string> kTextKeys{"title", "summary", "preparation", "considerations", "cascade"};
const std::vector<std::string> kListKeys{"objectives", "key_points", "guiding_questions"};
const std::vector<std::string> kStepKeys{"title", "facilitator", "participants", "online", "low_bandwidth"};

[[noreturn]] void fail(const std::string& where, const std::string& what) { throw GuideContentError(where + ": " + what); }

json to_json(const toml::node& n) {
    if (const auto* t = n.as_table()) {
        json j = json::object();
        for (const auto& [k, v] : *t) j[std::string(k.str())] = to_json(v);
        return j;
    }
    if (const auto* a = n.as_array()) {
        json j = json::array();
        for (const auto& v : *a) j.push_back(to_json(v));
        return j;
    }
    if (auto s = n.value_exact<std::string>()) return *s;
    if (auto i = n.value_exact<int64_t>()) return *i;
    if (auto b = n.value_exact<bool>()) return *b;
    if (auto d = n.value_exact<double>()) return *d;
    return nullptr;
}

std::string read_file(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    if (!in || !fs::is_regular_file(p)) throw GuideContentError(p.string() + ": cannot be read");
    return {std::istreambuf_iterator<char>(in), {}};
}

json parse_toml(std::string_view text, const std::string& where) {
    try {
        return to_json(toml::parse(text, where));
    } catch (const toml::parse_error& e) {
        fail(where + ":" + std::to_string(e.source().begin.line), std::string(e.description()));
    }
}

// A Markdown file with TOML front matter: the front matter as JSON plus "overview" (the body).
json parse_page(const fs::path& p) {
    const std::string text = read_file(p);
    if (const auto bad = utf8::invalid_at(text); bad != std::string::npos)
        fail(p.string(), "not valid UTF-8 at byte " + std::to_string(bad) + " (save the file as UTF-8)");
    if (!text.starts_with("+++\n")) fail(p.string(), "expected TOML front matter starting with '+++'");
    const auto end = text.find("\n+++\n", 3);
    if (end == std::string::npos) fail(p.string(), "front matter is not closed by a '+++' line");
    json j = parse_toml(std::string_view(text).substr(4, end - 3), p.string());
    j["overview"] = text.substr(end + 5);
    return j;
}

template <class T>
bool contains(const std::set<T>& s, const T& v) { return s.contains(v); }

void check_text(const json& doc, const std::string& where, const std::string& key) {
    if (!doc.contains(key) || !doc[key].is_string() || doc[key].get<std::string>().empty()) fail(where, "missing text '" + key + "'");
}

void check_language(const Workshop& w, const json& doc, const std::string& where) {
    for (const auto& k : kTextKeys) check_text(doc, where, k);
    for (const auto& k : kListKeys)
        if (!doc.contains(k) || !doc[k].is_array() || doc[k].empty()) fail(where, "'" + k + "' must list at least one item");
    for (const auto& r : kRegions) check_text(doc.value("regional_notes", json::object()), where + " [regional_notes]", r);
    for (const char* table : {"regional_notes", "materials", "steps"})
        if (doc.contains(table) && !doc[table].is_object()) fail(where, std::string("'") + table + "' must be a table ([" + table + "...])");
    for (const auto& m : w.materials) {
        const json t = doc.value("materials", json::object()).value(m.id, json::object());
        for (const auto& k : {"title", "description"}) check_text(t, where + " [materials." + m.id + "]", k);
    }
    for (const auto& s : w.steps) {
        const json t = doc.value("steps", json::object()).value(s.id, json::object());
        for (const auto& k : kStepKeys) check_text(t, where + " [steps." + s.id + "]", k);
    }
}

}  // namespace

void validate(const Workshop& w, const std::string& where) {
    if (w.slug.empty() || !std::all_of(w.slug.begin(), w.slug.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; }))
        fail(where, "slug must use a-z, 0-9 and '-'");
    if (!contains(kStatuses, w.status)) fail(where, "status must be draft, published or retired");
    if (!contains(kLevels, w.level)) fail(where, "level must be introductory, intermediate or advanced");
    if (w.themes.empty()) fail(where, "themes must name at least one of the seven themes");
    for (int t : w.themes)
        if (t < 1 || t > 7) fail(where, "themes are numbered 1 to 7");
    if (w.audiences.empty()) fail(where, "audiences must name at least one group (dro, leaders, stewards)");
    for (const auto& a : w.audiences)
        if (!contains(kAudiences, a)) fail(where, "unknown audience '" + a + "' (dro, leaders, stewards)");
    for (const auto& d : w.delivery)
        if (!contains(kDelivery, d)) fail(where, "unknown delivery mode '" + d + "' (in-person, online, hybrid)");
    std::set<std::string> materials, steps;
    for (const auto& m : w.materials)
        if (!materials.insert(m.id).second) fail(where, "material '" + m.id + "' is listed twice");
    if (w.steps.size() < 5) fail(where, "a workshop needs at least five steps");
    for (const auto& s : w.steps) {
        const std::string sw = where + " [[step]] " + s.id;
        if (s.id.empty() || !steps.insert(s.id).second) fail(sw, "step ids must be present and unique");
        if (!contains(kPhases, s.phase)) fail(sw, "phase must be activity, discussion, input, deepening, synthesis or break");
        if (!contains(kGroupings, s.grouping)) fail(sw, "grouping must be plenary or breakout");
        if (s.min_minutes < 1 || s.max_minutes < s.min_minutes || s.max_minutes > 180) fail(sw, "minutes: 1 <= min_minutes <= max_minutes <= 180");
        for (const auto& m : s.materials)
            if (!materials.contains(m)) fail(sw, "material '" + m + "' is not in [[material]]");
    }
    if (w.total_max() > 180) fail(where, "the steps add up to " + std::to_string(w.total_max()) + " minutes at most; a workshop must fit 180");
    if (!w.texts.contains("en")) fail(where, "the English text (en.md) is required");
    // English is the source and must be complete; a translation may lag behind (it then shows as
    // outdated, and readers get English for what is missing).
    check_language(w, w.texts.at("en"), where + " (en)");
    for (const auto& [lang, doc] : w.texts)
        if (lang != "en") check_text(doc, where + " (" + lang + ")", "title");
}

GuideContent load_guide(const fs::path& dir) {
    GuideContent g;
    for (const auto& l : i18n::languages()) {
        const fs::path p = dir / ("introduction." + l.code + ".md");
        if (!fs::exists(p)) continue;
        const json page = parse_page(p);
        check_text(page, p.string(), "title");
        g.introduction.title[l.code] = page["title"];
        g.introduction.body_md[l.code] = page["overview"];
    }
    const fs::path workshops = dir / "workshops";
    if (!fs::is_directory(workshops)) return g;
    for (const auto& entry : fs::directory_iterator(workshops)) {
        if (!entry.is_directory()) continue;
        const fs::path structure = entry.path() / "workshop.toml";
        Workshop w;
        try {
            w = from_structure_json(parse_toml(read_file(structure), structure.string()));
        } catch (const json::exception& e) {
            fail(structure.string(), std::string("wrong type or missing key: ") + e.what());
        }
        if (w.slug != entry.path().filename().string()) fail(structure.string(), "slug must equal the folder name");
        for (const auto& l : i18n::languages()) {
            const fs::path p = entry.path() / (l.code + ".md");
            if (fs::exists(p)) w.texts[l.code] = parse_page(p);
        }
        validate(w, entry.path().string());
        g.workshops.push_back(std::move(w));
    }
    std::sort(g.workshops.begin(), g.workshops.end(), [](const Workshop& a, const Workshop& b) {
        return std::tie(a.themes.front(), a.slug) < std::tie(b.themes.front(), b.slug);
    });
    return g;
}

}  // namespace avenir::guide
