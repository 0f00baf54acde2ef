#include "modules/guide/guide_types.hpp"

#include "core/i18n/i18n.hpp"

namespace avenir::guide {

int Workshop::total_min() const {
    int t = 0;
    for (const auto& s : steps) t += s.min_minutes;
    return t;
}

int Workshop::total_max() const {
    int t = 0;
    for (const auto& s : steps) t += s.max_minutes;
    return t;
}

std::string Workshop::source_text() const {
    const auto en = texts.find("en");
    if (en == texts.end()) return {};
    nlohmann::json doc = en->second;
    doc.erase("translated_from");
    return doc.dump();
}

std::string Workshop::translation_state(const std::string& lang) const {
    const auto it = texts.find(lang);
    if (lang == "en") return it == texts.end() ? "missing" : "complete";
    if (it == texts.end()) return "missing";
    const std::string from = it->second.value("translated_from", std::string());
    const auto state = i18n::translation_state(source_text(), from.empty() ? std::nullopt : std::optional<std::string_view>(from), true);
    return state == i18n::TranslationState::Complete ? "complete" : "outdated";
}

nlohmann::json structure_json(const Workshop& w) {
    nlohmann::json j{{"slug", w.slug}, {"version", w.version}, {"status", w.status}, {"themes", w.themes},
                     {"audiences", w.audiences}, {"level", w.level}, {"delivery", w.delivery},
                     {"prerequisites", w.prerequisites}, {"resources", w.resources}, {"clauses", w.clauses}};
    j["material"] = nlohmann::json::array();
    for (const auto& m : w.materials) j["material"].push_back({{"id", m.id}, {"printable", m.printable}});
    j["step"] = nlohmann::json::array();
    for (const auto& s : w.steps)
        j["step"].push_back({{"id", s.id}, {"phase", s.phase}, {"min_minutes", s.min_minutes}, {"max_minutes", s.max_minutes},
                             {"optional", s.optional}, {"grouping", s.grouping}, {"speaking", s.speaking}, {"materials", s.materials}});
    return j;
}

namespace {
// An integer of the structure: a JSON integer within +-100000 (TOML floats and huge values are refused).
int small_int(const nlohmann::json& v) {
    if (!v.is_number_integer() || v.get<std::int64_t>() < -100000 || v.get<std::int64_t>() > 100000)
        throw nlohmann::json::type_error::create(302, "expected a whole number between -100000 and 100000, got " + v.dump(), &v);
    return static_cast<int>(v.get<std::int64_t>());
}
int small_int(const nlohmann::json& obj, const char* key, int fallback) { return obj.contains(key) ? small_int(obj.at(key)) : fallback; }
}  // namespace

Workshop from_structure_json(const nlohmann::json& j) {
    Workshop w;
    w.slug = j.at("slug");
    w.version = small_int(j, "version", 1);
    w.status = j.value("status", "draft");
    w.level = j.value("level", "introductory");
    for (const auto& t : j.value("themes", nlohmann::json::array())) w.themes.push_back(small_int(t));
    for (auto [field, key] : {std::pair{&w.audiences, "audiences"}, {&w.delivery, "delivery"}, {&w.prerequisites, "prerequisites"},
                              {&w.resources, "resources"}, {&w.clauses, "clauses"}})
        *field = j.value(key, std::vector<std::string>{});
    for (const auto& m : j.value("material", nlohmann::json::array())) w.materials.push_back({m.at("id"), m.value("printable", false)});
    for (const auto& s : j.value("step", nlohmann::json::array()))
        w.steps.push_back({s.at("id"), s.value("phase", "activity"), s.value("grouping", "plenary"), small_int(s, "min_minutes", 0),
                           small_int(s, "max_minutes", 0), s.value("optional", false), s.value("speaking", true),
                           s.value("materials", std::vector<std::string>{})});
    return w;
}

}  // namespace avenir::guide
