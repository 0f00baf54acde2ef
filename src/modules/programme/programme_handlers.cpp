// Request -> content -> view model -> template, for the programme's public pages.
#include <nlohmann/json.hpp>

#include "core/auth/principal.hpp"
#include "core/errors.hpp"
#include "core/i18n/i18n.hpp"
#include "core/log.hpp"
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
        return {{"text", c.text}, {"fallback", c.fallback}, {"lang", c.lang}, {"dir", i18n::is_rtl(c.lang) ? "rtl" : "ltr"}};
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

std::string replace_all(std::string s, std::string_view what, std::string_view with) {
    for (auto pos = s.find(what); pos != std::string::npos; pos = s.find(what, pos + with.size())) s.replace(pos, what.size(), with);
    return s;
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

ProgrammeModule::ProgrammeModule(storage::Database& db, const view::Layout& layout, std::chrono::milliseconds cache_ttl)
    : store_(db), layout_(layout), cache_(cache_ttl) {}

int ProgrammeModule::seed(const std::filesystem::path& content_dir) {
    const Content content = load_content(content_dir);
    for (const auto& [page, fingerprint] : outdated_translations(content))
        log::warn("translation_outdated", log::kv("page", page) + " " + log::kv("current_source", fingerprint));
    const int changed = store_.save(content);
    cache_.clear();
    return changed;
}

http::Response ProgrammeModule::cached(http::Request& req, http::Response (ProgrammeModule::*render)(http::Request&)) {
    // Signed-in people see their own header, so only anonymous pages are shared.
    if (auth::current_principal(req)) return (this->*render)(req);
    return cache_.get_or_make(req.lang + req.path, [&] { return (this->*render)(req); });
}

std::vector<std::string> ProgrammeModule::region_slugs() {
    std::vector<std::string> out;
    for (const auto& r : store_.load().regions) out.push_back(r.slug);
    return out;
}

std::string ProgrammeModule::theme_title(int number, const std::string& lang) {
    for (const auto& t : store_.load().themes)
        if (t.number == number) return i18n::choose(t.title, lang).text;
    return {};
}

std::vector<std::pair<std::string, std::string>> ProgrammeModule::region_names(const std::string& lang) {
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& r : store_.load().regions) out.emplace_back(r.slug, i18n::choose(r.name, lang).text);
    return out;
}

http::Response ProgrammeModule::home(http::Request& req) { return cached(req, &ProgrammeModule::render_home); }
http::Response ProgrammeModule::regions(http::Request& req) { return cached(req, &ProgrammeModule::render_regions); }
http::Response ProgrammeModule::contacts(http::Request& req) { return cached(req, &ProgrammeModule::render_contacts); }
http::Response ProgrammeModule::region(http::Request& req) { return cached(req, &ProgrammeModule::render_region); }

http::Response ProgrammeModule::render_home(http::Request& req) {
    const Content c = store_.load();
    Picker pick{req};
    json d;
    d["intro"] = page_json(pick, c, "home-intro");
    d["why"] = page_json(pick, c, "why");
    d["formats"] = page_json(pick, c, "formats");
    d["dro"] = page_json(pick, c, "become-dro");
    d["themes"] = json::array();
    for (const auto& t : c.themes)
        d["themes"].push_back({{"number", std::to_string(t.number)}, {"title", pick.text(t.title)}, {"summary", pick.text(t.summary)}});
    const std::string format = layout_.tr(req, "{sessions} sessions of {hours} hours");
    d["groups"] = json::array();
    for (const auto& g : c.groups) {
        const std::string f = replace_all(replace_all(format, "{sessions}", std::to_string(g.sessions)), "{hours}", std::to_string(g.hours));
        d["groups"].push_back({{"name", pick.text(g.name)}, {"format", f}, {"description", pick.markdown(g.description_md)}});
    }
    d["phases"] = json::array();
    for (const auto& p : c.phases)
        d["phases"].push_back({{"when", pick.text(p.when)}, {"title", pick.text(p.title)}, {"description", pick.text(p.description)}});
    d["regions_href"] = layout_.href(req, "/regions");
    d["contacts_href"] = layout_.href(req, "/contacts");
    d["fallback_note"] = pick.any_fallback;
    const std::string title = d["intro"].value("present", false) ? d["intro"]["title"]["text"].get<std::string>() : "Avenir";
    return layout_.page(req, "programme/home", std::move(d), title);
}

http::Response ProgrammeModule::render_regions(http::Request& req) {
    const Content c = store_.load();
    Picker pick{req};
    json d;
    d["intro"] = page_json(pick, c, "regions-intro");
    d["regions"] = json::array();
    for (const auto& r : c.regions)
        d["regions"].push_back({{"href", layout_.href(req, "/regions/" + r.slug)}, {"name", pick.text(r.name)}});
    d["fallback_note"] = pick.any_fallback;
    const std::string title = layout_.tr(req, "Regions");
    d["title"] = title;
    return layout_.page(req, "programme/regions", std::move(d), title);
}

http::Response ProgrammeModule::render_region(http::Request& req) {
    const std::string& slug = req.param("slug");
    const Content c = store_.load();
    const auto it = std::find_if(c.regions.begin(), c.regions.end(), [&](const Region& r) { return r.slug == slug; });
    if (it == c.regions.end()) throw NotFound("There is no such region.");
    Picker pick{req};
    json d;
    d["name"] = pick.text(it->name);
    d["summary"] = pick.markdown(it->summary_md);
    d["contact_groups"] = contact_groups_json(pick, c, slug);
    d["has_contacts"] = !d["contact_groups"].empty();
    std::string sections;
    for (const auto& section : region_sections_) sections += section(req, slug);
    d["sections_html"] = sections;
    d["regions_href"] = layout_.href(req, "/regions");
    d["contacts_href"] = layout_.href(req, "/contacts");
    d["fallback_note"] = pick.any_fallback;
    const std::string title = d["name"]["text"].get<std::string>();
    return layout_.page(req, "programme/region", std::move(d), title);
}

http::Response ProgrammeModule::render_contacts(http::Request& req) {
    const Content c = store_.load();
    Picker pick{req};
    json d;
    d["intro"] = page_json(pick, c, "contacts-intro");
    d["contact_groups"] = contact_groups_json(pick, c, {});
    d["fallback_note"] = pick.any_fallback;
    const std::string title = layout_.tr(req, "Contacts");
    d["title"] = title;
    return layout_.page(req, "programme/contacts", std::move(d), title);
}

}  // namespace avenir::programme
