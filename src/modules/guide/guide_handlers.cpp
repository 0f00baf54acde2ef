// Request -> guide content -> view model -> template: the list of workshops and the run sheet.
#include <nlohmann/json.hpp>

#include <CLI/CLI.hpp>

#include <algorithm>
#include <iostream>

#include "core/auth/principal.hpp"
#include "core/errors.hpp"
#include "core/i18n/i18n.hpp"
#include "core/log.hpp"
#include "core/view/content_lang.hpp"
#include "core/view/markdown.hpp"
#include "modules/guide/guide_content.hpp"
#include "modules/guide/guide_export.hpp"
#include "modules/guide/guide_module.hpp"
#include "modules/guide/guide_search.hpp"
#include "modules/guide/guide_rules.hpp"
#include "modules/guide/guide_timing.hpp"

namespace avenir::guide {
namespace {
using nlohmann::json;

std::string audience_label(const view::Layout& layout, const http::Request& req, std::string_view a) {
    if (a == "dro") return layout.tr(req, "Digital Rights Organisers");
    if (a == "leaders") return layout.tr(req, "Union leaders");
    return layout.tr(req, "Shop stewards and union staff");
}

std::string phase_label(const view::Layout& layout, const http::Request& req, std::string_view p) {
    if (p == "activity") return layout.tr(req, "Activity");
    if (p == "discussion") return layout.tr(req, "Discussion");
    if (p == "input") return layout.tr(req, "Input");
    if (p == "deepening") return layout.tr(req, "Deepening");
    if (p == "synthesis") return layout.tr(req, "Synthesis");
    return layout.tr(req, "Break");
}

// The texts of a workshop in the reader's language, else English (with the fallback noted).
struct Texts {
    const json* doc;
    std::string lang;
    bool fallback;
};
Texts texts_for(const Workshop& w, const std::string& lang) {
    if (auto it = w.texts.find(lang); it != w.texts.end()) return {&it->second, lang, false};
    return {&w.texts.at("en"), "en", lang != "en"};
}

std::string md(const json& doc, const std::string& key, const std::string& lang) {
    return view::localize_links(view::markdown_to_html(doc.value(key, std::string())), lang);
}

json list_of(const json& doc, const char* key) { return doc.value(key, json::array()); }

}  // namespace

std::unique_ptr<kit::Module> make_module() { return std::make_unique<GuideModule>(); }

void GuideModule::declare(kit::Declarations& d) {
    d.command({{"guide", "export"},
               "write the live guide to DIR in the content/guide format",
               [this](CLI::App& c) { c.add_option("DIR", export_dir_, "folder to write (created when missing)")->required(); },
               [this] {
                   export_to(export_dir_);
                   std::cout << "guide written to " << export_dir_ << "\n";
                   return 0;
               }});
}

void GuideModule::start(kit::Context& ctx, kit::Registration& reg) {
    ctx_ = &ctx;
    layout_ = &ctx.layout;
    store_.emplace(ctx.db);
    plans_.emplace(ctx.db);
    declare_permissions(reg);
    routes(reg);
    reg.nav({.path = "/guide", .label = "Guide", .order = 10});
    reg.seeder([this](const std::filesystem::path& root) { return seed(root / "guide"); });
    reg.personal_data({"guide_plans", {"owner_id"}, {"share_token"}});
    reg.personal_data({"guide_workshop_versions", {"saved_by"}, {}});  // erasure leaves the edit, anonymous
    reg.provide(kit::LinkTitles{"/guide/", [this](const std::vector<std::string>& slugs, const std::string& lang) {
                                    const auto snapshot = content();
                                    std::map<std::string, kit::LinkTitles::Title> out;
                                    for (const auto& w : snapshot->workshops)
                                        if (slugs.empty() || std::find(slugs.begin(), slugs.end(), w.slug) != slugs.end()) {
                                            const Texts tx = texts_for(w, lang);
                                            out.emplace(w.slug, kit::LinkTitles::Title{tx.doc->value("title", w.slug), tx.lang});
                                        }
                                    return out;
                                }});
    reg.provide(kit::SearchSource{.kind = kSearchSource, .label = "Guide workshops", .order = 10, .audiences = [this](http::Request& req) {
        return ctx_->access.allowed(req, "guide_editor") ? std::vector<std::string>{kDraftAudience} : std::vector<std::string>{};
    }});
    // A database seeded before the platform search: index the guide once.
    if (ctx.db.exec("SELECT 1 FROM search_documents WHERE source = $1 LIMIT 1", {std::string(kSearchSource)}).empty())
        ctx.db.with_tx([](storage::Transaction& tx) { index_guide(tx, GuideStore(tx).load()); });
}

int GuideModule::seed(const std::filesystem::path& dir) {
    const GuideContent content = load_guide(dir);
    for (const auto& w : content.workshops)
        for (const auto& [lang, doc] : w.texts)
            if (w.translation_state(lang) == "outdated")
                log::warn("translation_outdated", log::kv("workshop", w.slug + "." + lang) + " " +
                                                      log::kv("current_source", i18n::source_fingerprint(w.source_text())));
    const int changed = ctx_->db.with_tx([&](storage::Transaction& tx) {
        const int n = GuideStore(tx).save(content);
        if (n > 0) ctx_->generations.bump(tx, "guide");
        return n;
    });
    ctx_->generations.refresh();
    if (changed > 0) ctx_->pages_changed();
    return changed;
}

std::shared_ptr<const GuideContent> GuideModule::content() {
    const std::string current = ctx_->generations.current("guide");
    std::lock_guard lock(content_mutex_);
    if (!content_ || content_stamp_ != current) {
        // The stamp first: a change committed while loading gets a newer stamp, so it is not missed.
        std::string stamp = ctx_->generations.stored(ctx_->db, "guide");
        content_ = std::make_shared<const GuideContent>(store_->load());
        content_stamp_ = std::move(stamp);
    }
    return content_;
}

void GuideModule::export_to(const std::filesystem::path& dir) { export_guide(store_->load(), dir); }

http::Response GuideModule::index(http::Request& req) {
    const auto snapshot = content();
    const GuideContent& c = *snapshot;
    const auto ref = ctx_->reference.get();
    const std::string theme_filter = req.query("theme"), audience_filter = req.query("audience");
    json themes = json::array();
    for (int t = 1; t <= 7; ++t) {
        json items = json::array();
        for (const auto& w : c.workshops) {
            if (w.status != "published" || std::find(w.themes.begin(), w.themes.end(), t) == w.themes.end()) continue;
            if (!audience_filter.empty() && std::find(w.audiences.begin(), w.audiences.end(), audience_filter) == w.audiences.end()) continue;
            const Texts tx = texts_for(w, req.lang);
            json audiences = json::array();
            for (const auto& a : w.audiences) audiences.push_back(audience_label(*layout_, req, a));
            items.push_back({{"href", view::Layout::href(req, "/guide/" + w.slug)}, {"title", tx.doc->value("title", w.slug)},
                             {"summary", tx.doc->value("summary", "")}, {"duration", duration_label(w.total_min(), w.total_max())},
                             {"audiences", audiences}, {"content", view::content_language(tx.lang, req.lang)}});
        }
        if (items.empty() || (!theme_filter.empty() && theme_filter != std::to_string(t))) continue;
        const std::string title = ref->theme_title(t, req.lang);
        themes.push_back({{"number", std::to_string(t)}, {"title", title}, {"workshops", items}});
    }
    json theme_options = json::array(), audience_options = json::array();
    for (int t = 1; t <= 7; ++t)
        theme_options.push_back({{"value", std::to_string(t)}, {"label", std::to_string(t) + ". " + ref->theme_title(t, req.lang)},
                                 {"selected", theme_filter == std::to_string(t)}});
    for (const char* a : {"dro", "leaders", "stewards"})
        audience_options.push_back({{"value", a}, {"label", audience_label(*layout_, req, a)}, {"selected", audience_filter == a}});
    json d{{"themes", themes}, {"has_workshops", !themes.empty()}, {"theme_options", theme_options},
           {"audience_options", audience_options}, {"action", view::Layout::href(req, "/guide")},
           {"introduction_href", view::Layout::href(req, "/guide/introduction")}};
    return layout_->page(req, "guide/index", std::move(d), layout_->tr(req, "Facilitator's guide"));
}

http::Response GuideModule::translations(http::Request& req) {
    const auto snapshot = content();
    const GuideContent& c = *snapshot;
    json rows = json::array();
    for (const auto& w : c.workshops) {
        json cells = json::array();
        for (const auto& l : i18n::languages()) {
            const std::string state = w.translation_state(l.code);
            const std::string label = state == "complete" ? layout_->tr(req, "complete")
                                      : state == "outdated" ? layout_->tr(req, "outdated") : layout_->tr(req, "missing");
            cells.push_back({{"lang", l.code}, {"state", state}, {"label", label}});
        }
        const Texts tx = texts_for(w, req.lang);
        rows.push_back({{"title", tx.doc->value("title", w.slug)}, {"href", view::Layout::href(req, "/guide/" + w.slug)}, {"cells", cells}});
    }
    json langs = json::array();
    for (const auto& l : i18n::languages()) langs.push_back({{"code", l.code}, {"name", l.native_name}});
    json d{{"rows", rows}, {"languages", langs}, {"guide_href", view::Layout::href(req, "/guide")}};
    return layout_->page(req, "guide/translations", std::move(d), layout_->tr(req, "Translation status"));
}

http::Response GuideModule::introduction(http::Request& req) {
    const auto snapshot = content();
    const GuideContent& c = *snapshot;
    const auto title = i18n::choose(c.introduction.title, req.lang);
    if (title.text.empty()) throw NotFound();
    const auto body = i18n::choose(c.introduction.body_md, req.lang);
    json d{{"title", title.text}, {"html", view::localize_links(view::markdown_to_html(body.text), req.lang)},
           {"content", view::content_language(body.lang, req.lang)}, {"guide_href", view::Layout::href(req, "/guide")}};
    return layout_->page(req, "guide/introduction", std::move(d), title.text);
}

Workshop GuideModule::find_workshop(const std::string& slug) {
    const auto snapshot = content();
    const auto& ws = snapshot->workshops;
    const auto it = std::find_if(ws.begin(), ws.end(), [&](const Workshop& w) { return w.slug == slug; });
    if (it == ws.end() || it->status == "draft") throw NotFound("There is no such workshop in the guide.");
    return *it;
}

http::Response GuideModule::workshop(http::Request& req) {
    const Workshop w = find_workshop(req.param("slug"));
    json d = workshop_view(req, w, req.query("view") == "participants");
    const std::string title = d["title"].get<std::string>();
    return layout_->page(req, "guide/workshop", std::move(d), title);
}

nlohmann::json GuideModule::workshop_view(http::Request& req, const Workshop& w, bool participant_view) {
    const Texts tx = texts_for(w, req.lang);
    const json& doc = *tx.doc;
    const auto ref = ctx_->reference.get();
    const std::string start_text = req.query("start");
    const auto start = parse_clock(start_text);
    if (!start_text.empty() && !start) throw BadRequest("Give the start time as hours and minutes, for example 09:30.");
    const bool include_optional = req.query("optional") != "0";

    std::vector<TimedStep> timed;
    for (const auto& s : w.steps) timed.push_back({s.min_minutes, s.max_minutes, s.optional, s.speaking});
    const Schedule sched = schedule(timed, {.start = start, .include_optional = include_optional});

    json steps = json::array();
    const json step_texts = doc.value("steps", json::object());
    for (std::size_t i = 0; i < w.steps.size(); ++i) {
        const Step& s = w.steps[i];
        const StepTime& t = sched.steps[i];
        if (!t.included) continue;
        const json st = step_texts.value(s.id, json::object());
        std::string time;
        if (t.earliest_start)
            time = *t.earliest_start == *t.latest_start ? clock(*t.earliest_start) : clock(*t.earliest_start) + "–" + clock(*t.latest_start);
        steps.push_back({{"number", std::to_string(steps.size() + 1)}, {"time", time}, {"has_time", !time.empty()},
                         {"phase", phase_label(*layout_, req, s.phase)}, {"duration", duration_label(t.min_minutes, t.max_minutes)},
                         {"breakout", s.grouping == "breakout"}, {"optional", s.optional}, {"title", st.value("title", s.id)}, {"id", s.id},
                         {"facilitator", md(st, "facilitator", req.lang)}, {"participants", md(st, "participants", req.lang)},
                         {"online", md(st, "online", req.lang)}, {"low_bandwidth", md(st, "low_bandwidth", req.lang)}});
    }
    json materials = json::array();
    for (const auto& m : w.materials) {
        const json mt = doc.value("materials", json::object()).value(m.id, json::object());
        materials.push_back({{"title", mt.value("title", m.id)}, {"description", md(mt, "description", req.lang)}, {"printable", m.printable}});
    }
    json regions = json::array();
    const json notes = doc.value("regional_notes", json::object());  // items() must not outlive it
    for (const auto& [slug, note] : notes.items())
        regions.push_back({{"region", slug}, {"note", view::markdown_to_html(note.is_string() ? note.get<std::string>() : "")}});
    json themes = json::array(), audiences = json::array();
    for (int t : w.themes) themes.push_back(ref->theme_title(t, req.lang));
    for (const auto& a : w.audiences) audiences.push_back(audience_label(*layout_, req, a));

    json d{{"title", doc.value("title", w.slug)}, {"summary", doc.value("summary", "")}, {"overview", md(doc, "overview", req.lang)},
           {"objectives", list_of(doc, "objectives")}, {"key_points", list_of(doc, "key_points")},
           {"guiding_questions", list_of(doc, "guiding_questions")}, {"preparation", md(doc, "preparation", req.lang)},
           {"considerations", md(doc, "considerations", req.lang)}, {"cascade", md(doc, "cascade", req.lang)},
           {"materials", materials}, {"regions", regions}, {"themes", themes}, {"audiences", audiences}, {"steps", steps},
           {"duration", duration_label(sched.total_min, sched.total_max)}, {"facilitator_view", !participant_view},
           {"start", start ? clock(*start) : ""}, {"has_times", start.has_value()},
           {"end", sched.latest_end ? (sched.earliest_end == sched.latest_end ? clock(*sched.latest_end)
                                                                               : clock(*sched.earliest_end) + "–" + clock(*sched.latest_end))
                                    : ""},
           {"include_optional", include_optional}, {"content", view::content_language(tx.lang, req.lang)},
           {"outdated", !tx.fallback && w.translation_state(tx.lang) == "outdated"},
           {"action", view::Layout::href(req, "/guide/" + w.slug)}, {"guide_href", view::Layout::href(req, "/guide")},
           {"can_edit", ctx_->access.allowed(req, "guide_editor")},
           {"edit_href", view::Layout::href(req, "/guide/" + w.slug + "/edit") + "?lang=" + req.lang},
           {"offline_href", view::Layout::href(req, "/guide/" + w.slug + "/offline.zip") + "?lang=" + req.lang +
                                (start ? "&start=" + clock(*start) : std::string())}};
    return d;
}

}  // namespace avenir::guide
