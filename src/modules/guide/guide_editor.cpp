// Editing workshops in the web interface, without JavaScript: the form carries the whole state;
// "add", "up", "down", "remove" and "preview" re-render it, "save" checks it and stores a new
// version. History lists versions; diff compares two of them in one language.
#include <nlohmann/json.hpp>

#include <charconv>
#include <sstream>

#include "core/auth/principal.hpp"
#include "core/clock.hpp"
#include "core/errors.hpp"
#include "core/i18n/i18n.hpp"
#include "core/view/markdown.hpp"
#include "modules/guide/guide_content.hpp"
#include "modules/guide/guide_diff.hpp"
#include "modules/guide/guide_module.hpp"
#include "modules/guide/guide_timing.hpp"

namespace avenir::guide {
namespace {
using nlohmann::json;
const std::vector<std::string> kStepTexts{"title", "facilitator", "participants", "online", "low_bandwidth"};
const std::vector<std::string> kPlainTexts{"title", "summary", "overview", "preparation", "considerations", "cascade"};
const std::vector<std::string> kLists{"objectives", "key_points", "guiding_questions"};
constexpr const char* kRegions[] = {"north-america", "europe-caribbean", "asia-pacific", "latin-america", "africa-mena"};

int number(const std::string& s, int fallback) {
    int v = fallback;
    std::from_chars(s.data(), s.data() + s.size(), v);
    return v;
}

std::string edit_lang(http::Request& req) {
    const std::string l = req.query("lang").empty() ? req.form().get("lang") : req.query("lang");
    return i18n::find_language(l) ? l : "en";
}

// The workshop as the form describes it: structure plus the texts of `lang`.
Workshop from_form(const Workshop& base, const http::Form& f, const std::string& lang) {
    Workshop w = base;
    json doc = base.texts.contains(lang) ? base.texts.at(lang) : json::object();
    for (const auto& k : kPlainTexts) doc[k] = f.get(k);
    for (const auto& k : kLists) {
        json items = json::array();
        std::istringstream in(f.get(k));
        for (std::string line; std::getline(in, line);) {
            while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
            if (!line.empty()) items.push_back(line);
        }
        doc[k] = items;
    }
    // Settings shared by all languages, present on the form only with "meta" (it always is).
    if (f.has("meta")) {
        w.status = f.get("status");
        w.level = f.get("level");
        w.themes.clear();
        for (const auto& t : f.all("themes")) w.themes.push_back(number(t, 0));
        w.audiences = f.all("audiences");
        w.delivery = f.all("delivery");
        for (auto& m : w.materials) m.printable = f.has("printable_" + m.id);
    }
    json notes = doc.value("regional_notes", json::object());
    for (const char* r : kRegions) notes[r] = f.get(std::string("note_") + r);
    doc["regional_notes"] = notes;
    json materials = doc.value("materials", json::object());
    for (const auto& m : w.materials) {
        materials[m.id]["title"] = f.get("mt_title_" + m.id);
        materials[m.id]["description"] = f.get("mt_description_" + m.id);
    }
    doc["materials"] = materials;
    const int n = std::min(number(f.get("steps"), 0), 50);
    w.steps.clear();
    json texts = doc.value("steps", json::object());
    for (int i = 0; i < n; ++i) {
        const std::string k = std::to_string(i);
        Step s{f.get("id_" + k), f.get("phase_" + k), f.get("grouping_" + k), number(f.get("min_" + k), 0), number(f.get("max_" + k), 0),
               f.has("optional_" + k), f.has("speaking_" + k), {}};
        for (const auto& old : base.steps)
            if (old.id == s.id) s.materials = old.materials;
        for (const auto& t : kStepTexts) texts[s.id][t] = f.get("st_" + t + "_" + k);
        w.steps.push_back(std::move(s));
    }
    doc["steps"] = texts;
    w.texts[lang] = doc;
    return w;
}

}  // namespace

http::Response GuideModule::edit_form(http::Request& req) {
    const Workshop w = find_workshop(req.param("slug"));
    return editor_page(req, w, edit_lang(req), {}, false, 200);
}

http::Response GuideModule::editor_page(http::Request& req, const Workshop& w, const std::string& lang, const std::string& error,
                                        bool preview, int status) {
    const json doc = w.texts.contains(lang) ? w.texts.at(lang) : json::object();
    json d{{"slug", w.slug}, {"text_lang", lang}, {"text_dir", i18n::is_rtl(lang) ? "rtl" : "ltr"}, {"version", std::to_string(w.version)}, {"error", error}, {"has_error", !error.empty()},
           {"action", view::Layout::href(req, "/guide/" + w.slug + "/edit")}, {"history_href", view::Layout::href(req, "/guide/" + w.slug + "/history")},
           {"csrf", ctx_->access.csrf(req)}, {"steps_count", std::to_string(w.steps.size())},
           {"duration", duration_label(w.total_min(), w.total_max())}};
    for (const auto& k : kPlainTexts) d[k] = doc.value(k, std::string());
    for (const auto& k : kLists) {
        std::string joined;
        for (const auto& item : doc.value(k, json::array())) joined += item.get<std::string>() + "\n";
        d[k] = joined;
    }
    json languages = json::array();
    for (const auto& l : i18n::languages())
        languages.push_back({{"code", l.code}, {"name", l.native_name}, {"current", l.code == lang},
                             {"href", view::Layout::href(req, "/guide/" + w.slug + "/edit") + "?lang=" + l.code}});
    d["languages"] = languages;
    for (const char* st : {"draft", "published", "retired"}) d["status_" + std::string(st)] = w.status == st;
    for (const char* lv : {"introductory", "intermediate", "advanced"}) d["level_" + std::string(lv)] = w.level == lv;
    json themes = json::array(), audiences = json::array(), delivery = json::array(), notes = json::array(), materials = json::array();
    for (int t = 1; t <= 7; ++t)
        themes.push_back({{"value", std::to_string(t)}, {"label", ctx_->reference.get()->theme_title(t, req.lang)},
                          {"checked", std::find(w.themes.begin(), w.themes.end(), t) != w.themes.end()}});
    for (const auto& [value, label] : std::vector<std::pair<std::string, std::string>>{
             {"dro", layout_->tr(req, "Digital Rights Organisers")}, {"leaders", layout_->tr(req, "Union leaders")},
             {"stewards", layout_->tr(req, "Shop stewards and union staff")}})
        audiences.push_back({{"value", value}, {"label", label}, {"checked", std::find(w.audiences.begin(), w.audiences.end(), value) != w.audiences.end()}});
    for (const auto& [value, label] : std::vector<std::pair<std::string, std::string>>{
             {"in-person", layout_->tr(req, "In person")}, {"online", layout_->tr(req, "Online")}, {"hybrid", layout_->tr(req, "Hybrid")}})
        delivery.push_back({{"value", value}, {"label", label}, {"checked", std::find(w.delivery.begin(), w.delivery.end(), value) != w.delivery.end()}});
    const json doc_notes = doc.value("regional_notes", json::object());
    for (const char* r : kRegions) notes.push_back({{"region", r}, {"text", doc_notes.value(r, std::string())}});
    const json doc_materials = doc.value("materials", json::object());
    for (const auto& m : w.materials) {
        const json mt = doc_materials.value(m.id, json::object());
        materials.push_back({{"id", m.id}, {"printable", m.printable}, {"title", mt.value("title", std::string())},
                             {"description", mt.value("description", std::string())}});
    }
    d["themes"] = themes;
    d["audiences"] = audiences;
    d["delivery"] = delivery;
    d["notes"] = notes;
    d["materials"] = materials;
    json steps = json::array();
    const json texts = doc.value("steps", json::object());
    for (std::size_t i = 0; i < w.steps.size(); ++i) {
        const Step& s = w.steps[i];
        json st{{"i", std::to_string(i)}, {"n", std::to_string(i + 1)}, {"id", s.id}, {"min", std::to_string(s.min_minutes)},
                {"max", std::to_string(s.max_minutes)}, {"optional", s.optional}, {"speaking", s.speaking},
                {"first", i == 0}, {"last", i + 1 == w.steps.size()}, {"breakout", s.grouping == "breakout"}};
        for (const char* p : {"activity", "discussion", "input", "deepening", "synthesis", "break"}) st["phase_" + std::string(p)] = s.phase == p;
        for (const auto& t : kStepTexts) st[t] = texts.value(s.id, json::object()).value(t, std::string());
        steps.push_back(st);
    }
    d["steps"] = steps;
    d["preview"] = preview;
    if (preview) d["preview_html"] = view::localize_links(view::markdown_to_html(doc.value("overview", std::string())), lang);
    return layout_->page(req, "guide/edit", std::move(d), layout_->tr(req, "Edit the workshop"), status);
}

http::Response GuideModule::save_edit(http::Request& req) {
    const Workshop base = find_workshop(req.param("slug"));
    const std::string lang = edit_lang(req);
    const auto& f = req.form();
    if (number(f.get("version"), -1) != base.version)
        return editor_page(req, base, lang, layout_->tr(req, "Someone saved this workshop meanwhile. Your changes were not saved; here is the latest version."), false, 409);
    Workshop w = from_form(base, f, lang);
    const std::string op = f.get("op");
    const auto dash = op.find('-');
    const std::size_t index = dash == std::string::npos ? 0 : static_cast<std::size_t>(number(op.substr(dash + 1), 0));
    const std::string verb = op.substr(0, dash);
    if (verb == "add") {
        std::string id = "step-" + std::to_string(w.steps.size() + 1);
        while (std::any_of(w.steps.begin(), w.steps.end(), [&](const Step& s) { return s.id == id; })) id += "x";
        w.steps.push_back({id, "activity", "plenary", 10, 15, false, true, {}});
    } else if (verb == "up" && index > 0 && index < w.steps.size()) std::swap(w.steps[index], w.steps[index - 1]);
    else if (verb == "down" && index + 1 < w.steps.size()) std::swap(w.steps[index], w.steps[index + 1]);
    else if (verb == "remove" && index < w.steps.size()) w.steps.erase(w.steps.begin() + static_cast<std::ptrdiff_t>(index));
    if (verb != "save") return editor_page(req, w, lang, {}, verb == "preview", 200);
    try {
        validate(w, layout_->tr(req, "The workshop"));
    } catch (const GuideContentError& e) {
        return editor_page(req, w, lang, e.what(), false, 422);
    }
    w.version = base.version + 1;
    try {
        const std::int64_t by = auth::require_principal(req).user_id;
        ctx_->db.with_tx([&](storage::Transaction& tx) {
            GuideStore(tx).save_version(w, by, f.get("note"), clock::unix_seconds());
            ctx_->generations.bump(tx, "guide");  // with the edit: every instance reloads the guide
        });
        ctx_->generations.refresh();
    } catch (const storage::UniqueViolation&) {
        return editor_page(req, base, lang, layout_->tr(req, "Someone saved this workshop meanwhile. Your changes were not saved; here is the latest version."), false, 409);
    }
    ctx_->pages_changed();
    return http::Response::redirect(view::Layout::href(req, "/guide/" + w.slug + "/history"));
}

http::Response GuideModule::history(http::Request& req) {
    const Workshop w = find_workshop(req.param("slug"));
    json versions = json::array();
    for (const auto& v : store_->versions(w.slug))
        versions.push_back({{"version", std::to_string(v.version)}, {"note", v.note}, {"has_previous", v.version > 1},
                            {"diff_href", view::Layout::href(req, "/guide/" + w.slug + "/diff") + "?from=" + std::to_string(v.version - 1) +
                                              "&to=" + std::to_string(v.version)}});
    json d{{"slug", w.slug}, {"current", std::to_string(w.version)}, {"versions", versions}, {"has_versions", !versions.empty()},
           {"edit_href", view::Layout::href(req, "/guide/" + w.slug + "/edit")}, {"workshop_href", view::Layout::href(req, "/guide/" + w.slug)}};
    return layout_->page(req, "guide/history", std::move(d), layout_->tr(req, "History of the workshop"));
}

http::Response GuideModule::diff(http::Request& req) {
    const std::string slug = req.param("slug");
    const auto from = store_->version(slug, number(req.query("from"), -1));
    const auto to = store_->version(slug, number(req.query("to"), -1));
    if (!from || !to) throw NotFound("There is no such version.");
    const std::string lang = edit_lang(req);
    json lines = json::array();
    for (const auto& l : diff_lines(readable_lines(*from, lang), readable_lines(*to, lang)))
        lines.push_back({{"kind", l.kind == '+' ? "add" : l.kind == '-' ? "del" : "same"}, {"mark", std::string(1, l.kind)}, {"text", l.text}});
    json d{{"slug", slug}, {"from", req.query("from")}, {"to", req.query("to")}, {"lines", lines},
           {"history_href", view::Layout::href(req, "/guide/" + slug + "/history")}};
    return layout_->page(req, "guide/diff", std::move(d), layout_->tr(req, "Changes between two versions"));
}

}  // namespace avenir::guide
