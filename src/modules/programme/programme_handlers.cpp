// Request -> content -> view model -> template, for the programme's public pages.
#include <nlohmann/json.hpp>

#include "core/auth/principal.hpp"
#include "core/errors.hpp"
#include "core/i18n/i18n.hpp"
#include "core/i18n/message.hpp"
#include "core/log.hpp"
#include "core/view/content_lang.hpp"
#include "core/view/markdown.hpp"
#include "modules/programme/programme_content.hpp"
#include "modules/programme/programme_module.hpp"

namespace avenir::programme {
namespace {
using nlohmann::json;

// Picks the text for the reader's language; marks text shown in another language.
struct Picker {
    const http::Request& req;
    bool any_fallback = false;

    json text(const Texts& texts) {
        const auto c = i18n::choose(texts, req.lang);
        any_fallback |= c.fallback;
        json j = view::content_language(c.lang, req.lang);  // lang and dir of the text itself
        j["text"] = c.text;
        j["fallback"] = c.fallback;
        return j;
    }
    json markdown(const Texts& texts) {
        json j = text(texts);
        j["html"] = view::localize_links(view::markdown_to_html(j["text"].get<std::string>()), req.lang);
        return j;
    }
};

const Page* find_page(const Content& c, std::string_view slug) {
    for (const auto& p : c.pages)
        if (p.slug == slug) return &p;
    return nullptr;
}

json page_json(Picker& pick, const Content& c, std::string_view slug) {
    const Page* p = find_page(c, slug);
    if (!p) return {{"present", false}};
    json j = pick.markdown(p->body_md);
    j["title"] = pick.text(p->title);
    j["present"] = true;
    const std::string lang = j["lang"].get<std::string>();
    bool outdated = false;
    if (lang != "en") {
        const auto from = p->translated_from.find(lang);
        outdated = i18n::translation_state(page_source(*p),
                                           from == p->translated_from.end() ? std::nullopt : std::optional<std::string_view>(from->second),
                                           true) == i18n::TranslationState::Outdated;
    }
    j["outdated"] = outdated;
    return j;
}

json contact_groups_json(Picker& pick, const Content& c, std::string_view region_slug) {
    json out = json::array();
    for (const auto& g : c.contact_groups) {
        const bool for_region = region_slug.empty() ||
                                std::find(g.regions.begin(), g.regions.end(), region_slug) != g.regions.end();
        if (!for_region) continue;
        json people = json::array();
        for (const auto& p : g.contacts)
            people.push_back({{"name", p.name}, {"organisation", p.organisation}, {"email", p.email},
                              {"mailto", "mailto:" + p.email}});
        out.push_back({{"slug", g.slug}, {"name", pick.text(g.name)}, {"contacts", people}});
    }
    return out;
}

}  // namespace

std::unique_ptr<kit::Module> make_module() { return std::make_unique<ProgrammeModule>(); }

void ProgrammeModule::start(kit::Context& ctx, kit::Registration& reg) {
    ctx_ = &ctx;
    layout_ = &ctx.layout;
    routes(reg);
    reg.nav({.path = "/", .label = "Home", .order = 0});
    reg.nav({.path = "/regions", .label = "Regions", .order = 40});
    reg.nav({.path = "/contacts", .label = "Contacts", .order = 50});
    reg.seeder([this](const std::filesystem::path& root) { return seed(root); });
    reg.reference_loader(load_reference);
}

int ProgrammeModule::seed(const std::filesystem::path& content_root) {
    const Content content = load_content(content_root / "programme");
    for (const auto& [page, fingerprint] : outdated_translations(content))
        log::warn("translation_outdated", log::kv("page", page) + " " + log::kv("current_source", fingerprint));
    const int changed = ProgrammeStore(ctx_->db).save(content);
    if (changed > 0) {
        ctx_->reference.reload();  // a new generation: this snapshot, and every instance's, is rebuilt
        ctx_->pages_changed();
    }
    return changed;
}

std::shared_ptr<const Content> ProgrammeModule::content() {
    const std::string generation = ctx_->reference.get()->generation;
    std::lock_guard lock(content_mutex_);
    if (!content_ || generation != content_generation_) {
        content_ = std::make_shared<const Content>(ProgrammeStore(ctx_->db).load());
        content_generation_ = generation;
    }
    return content_;
}

kit::ReferenceSnapshot load_reference(storage::Executor& db) {
    const Content c = ProgrammeStore(db).load_reference();
    kit::ReferenceSnapshot s;
    for (const auto& r : c.regions) s.regions.push_back({r.slug, r.name});
    for (const auto& t : c.themes) s.themes.push_back({t.number, t.title});
    return s;
}

http::Response ProgrammeModule::home(http::Request& req) {
    const auto content_ptr = content();
    const Content& c = *content_ptr;
    Picker pick{req};
    json d;
    d["intro"] = page_json(pick, c, "home-intro");
    d["why"] = page_json(pick, c, "why");
    d["formats"] = page_json(pick, c, "formats");
    d["dro"] = page_json(pick, c, "become-dro");
    d["themes"] = json::array();
    for (const auto& t : c.themes)
        d["themes"].push_back({{"number", std::to_string(t.number)}, {"title", pick.text(t.title)}, {"summary", pick.text(t.summary)}});
    d["groups"] = json::array();
    for (const auto& g : c.groups) {
        const std::string f = i18n::message(ctx_->catalog, req.lang, "{1} sessions of {2} hours", g.sessions, g.hours);
        d["groups"].push_back({{"name", pick.text(g.name)}, {"format", f}, {"description", pick.markdown(g.description_md)}});
    }
    d["phases"] = json::array();
    for (const auto& p : c.phases)
        d["phases"].push_back({{"when", pick.text(p.when)}, {"title", pick.text(p.title)}, {"description", pick.text(p.description)}});
    d["regions_href"] = view::Layout::href(req, "/regions");
    d["contacts_href"] = view::Layout::href(req, "/contacts");
    d["fallback_note"] = pick.any_fallback;
    const std::string title = d["intro"].value("present", false) ? d["intro"]["title"]["text"].get<std::string>() : "Avenir";
    return layout_->page(req, "programme/home", std::move(d), title);
}

http::Response ProgrammeModule::regions(http::Request& req) {
    const auto content_ptr = content();
    const Content& c = *content_ptr;
    Picker pick{req};
    json d;
    d["intro"] = page_json(pick, c, "regions-intro");
    d["regions"] = json::array();
    for (const auto& r : c.regions)
        d["regions"].push_back({{"href", view::Layout::href(req, "/regions/" + r.slug)}, {"name", pick.text(r.name)}});
    d["fallback_note"] = pick.any_fallback;
    const std::string title = layout_->tr(req, "Regions");
    d["title"] = title;
    return layout_->page(req, "programme/regions", std::move(d), title);
}

http::Response ProgrammeModule::region(http::Request& req) {
    const std::string& slug = req.param("slug");
    const auto content_ptr = content();
    const Content& c = *content_ptr;
    const auto it = std::find_if(c.regions.begin(), c.regions.end(), [&](const Region& r) { return r.slug == slug; });
    if (it == c.regions.end()) throw NotFound("There is no such region.");
    Picker pick{req};
    json d;
    d["name"] = pick.text(it->name);
    d["summary"] = pick.markdown(it->summary_md);
    d["contact_groups"] = contact_groups_json(pick, c, slug);
    d["has_contacts"] = !d["contact_groups"].empty();
    std::string sections;
    for (const auto* section : ctx_->extensions.all<kit::RegionSection>()) sections += section->render(req, slug);
    d["sections_html"] = sections;
    d["regions_href"] = view::Layout::href(req, "/regions");
    d["contacts_href"] = view::Layout::href(req, "/contacts");
    d["fallback_note"] = pick.any_fallback;
    const std::string title = d["name"]["text"].get<std::string>();
    return layout_->page(req, "programme/region", std::move(d), title);
}

http::Response ProgrammeModule::contacts(http::Request& req) {
    const auto content_ptr = content();
    const Content& c = *content_ptr;
    Picker pick{req};
    json d;
    d["intro"] = page_json(pick, c, "contacts-intro");
    d["contact_groups"] = contact_groups_json(pick, c, {});
    d["fallback_note"] = pick.any_fallback;
    const std::string title = layout_->tr(req, "Contacts");
    d["title"] = title;
    return layout_->page(req, "programme/contacts", std::move(d), title);
}

}  // namespace avenir::programme
