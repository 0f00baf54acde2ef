// Creating and changing coalitions (/network/coalitions/new, /network/coalitions/{id}/edit): the
// coordinators of one of its regions and admins. A form edits one language's name, scope and
// "why" (the others are kept) and the fields every language shares.
#include <algorithm>
#include <charconv>

#include "core/auth/principal.hpp"
#include "core/clock.hpp"
#include "core/errors.hpp"
#include "core/i18n/i18n.hpp"
#include "core/view/layout.hpp"
#include "modules/network/network_module.hpp"
#include "modules/network/network_rules.hpp"

namespace avenir::network {
using nlohmann::json;

// GET /network/coalitions/new and /network/coalitions/{id}/edit?lang=
http::Response NetworkModule::edit_coalition(http::Request& req) {
    const Viewer v = viewer_of(auth::current_principal(req));
    Coalition c;
    std::string lang = one_of(kCaseLanguages, req.query("lang")) ? req.query("lang") : (one_of(kCaseLanguages, req.lang) ? req.lang : "en");
    if (req.params.contains("id")) {
        const auto found = store().coalition(req.path_int("id"));
        if (!found) throw NotFound("There is no such coalition.");
        if (!may_edit_coalition(v, found->regions)) throw Forbidden("Only the coordinators of the coalition's regions change it.");
        c = *found;
    } else if (!v.all_regions && v.coordinated_regions.empty()) {
        throw Forbidden("Coordinators and admins add coalitions.");
    }
    return coalition_form(req, c, lang, {}, 200);
}

http::Response NetworkModule::coalition_form(http::Request& req, const Coalition& c, const std::string& lang,
                                             const std::vector<std::string>& errors, int status) {
    const auto ref = ctx_->reference.get();
    CoalitionText t{lang, "", "", ""};
    for (const auto& x : c.texts)
        if (x.lang == lang) t = x;
    json regions = json::array();
    for (const auto& [slug, name] : ref->region_names(req.lang))
        regions.push_back({{"value", slug}, {"label", name}, {"checked", std::find(c.regions.begin(), c.regions.end(), slug) != c.regions.end()}});
    json themes = json::array();
    for (int n = 1; n <= 7; ++n)
        themes.push_back({{"value", n},
                          {"label", std::to_string(n) + ". " + ref->theme_title(n, req.lang)},
                          {"checked", std::find(c.themes.begin(), c.themes.end(), n) != c.themes.end()}});
    json stances = json::array();
    for (auto s : kStances)
        stances.push_back({{"value", std::string(s)}, {"label", tr(req, coalition_stance_label(std::string(s)))}, {"selected", c.stance == s}});
    json langs = json::array();
    for (auto l : kCaseLanguages) langs.push_back({{"value", std::string(l)}, {"label", i18n::find_language(std::string(l))->native_name}, {"selected", lang == l}});
    std::string partners;
    for (const auto& p : c.partners) partners += p + "\n";
    const std::string action = c.id ? "/network/coalitions/" + std::to_string(c.id) + "/edit" : "/network/coalitions/new";
    json d{{"action", href(req, action)},
           {"cancel_href", href(req, c.id ? "/network/coalitions/" + std::to_string(c.id) : "/network/coalitions")},
           {"regions", regions},
           {"themes", themes},
           {"stances", stances},
           {"langs", langs},
           {"coalition_name", t.name},
           {"scope", t.scope},
           {"why", t.why},
           {"partners", partners},
           {"contact", c.contact},
           {"editing", c.id != 0}};
    return form_page(req, "network/coalition_edit", std::move(d), tr(req, c.id ? "Change the coalition" : "Add a coalition"), errors, status);
}

// POST /network/coalitions/new and /network/coalitions/{id}/edit
http::Response NetworkModule::save_coalition(http::Request& req) {
    const auth::Principal& who = auth::require_principal(req);
    const Viewer v = viewer_of(&who);
    Coalition c;
    if (req.params.contains("id")) {
        const auto found = store().coalition(req.path_int("id"));
        if (!found) throw NotFound("There is no such coalition.");
        if (!may_edit_coalition(v, found->regions)) throw Forbidden("Only the coordinators of the coalition's regions change it.");
        c = *found;
    }
    const auto& f = req.form();
    const std::string lang = f.get("lang");
    c.regions = f.all("regions");
    c.themes.clear();
    for (const auto& t : f.all("themes")) {
        int n = 0;
        if (std::from_chars(t.data(), t.data() + t.size(), n).ec == std::errc()) c.themes.push_back(n);
    }
    c.partners.clear();
    std::string line;
    for (char ch : f.get("partners") + "\n") {
        if (ch == '\n') {
            if (const auto b = line.find_first_not_of(" \t\r"); b != std::string::npos) c.partners.push_back(line.substr(b, line.find_last_not_of(" \t\r") - b + 1));
            line.clear();
        } else {
            line += ch;
        }
    }
    c.contact = f.get("contact");
    c.stance = f.get("stance");
    CoalitionText t{lang, f.get("name"), f.get("scope"), f.get("why")};
    std::erase_if(c.texts, [&](const CoalitionText& x) { return x.lang == lang; });
    c.texts.insert(c.texts.begin(), t);
    std::vector<std::string> errors;
    if (!one_of(kCaseLanguages, lang)) errors.emplace_back(i18n::noop("Choose the language it is written in."));
    const auto ref = ctx_->reference.get();
    if (std::any_of(c.regions.begin(), c.regions.end(), [&](const std::string& r) { return !ref->has_region(r); }) ||
        !may_edit_coalition(v, c.regions))
        errors.emplace_back(i18n::noop("Choose its regions, among them one you coordinate."));
    if (c.partners.size() > 30 || std::any_of(c.partners.begin(), c.partners.end(), [](const std::string& p) { return p.size() > 200; }))
        errors.emplace_back(i18n::noop("List at most thirty partner organisations, each under 200 characters."));
    if (c.contact.size() > 200) errors.emplace_back(i18n::noop("Keep the contact under 200 characters."));
    if (!validate(c).empty()) errors.emplace_back(i18n::noop("Give the coalition a name (at most 200 characters), a scope (at most 2,000), its regions, themes and the unions' part."));
    if (!errors.empty()) return coalition_form(req, c, one_of(kCaseLanguages, lang) ? lang : "en", errors, 422);
    const std::int64_t now = clock::unix_seconds();
    ctx_->db.with_tx([&](storage::Transaction& tx) {
        NetworkStore st(tx);
        if (c.id) st.update_coalition(c, now);
        else c.id = st.create_coalition(c, now);
        index_coalition(tx, *st.coalition(c.id));
        ctx_->audit.record(tx, {"network_coalition_saved", who.user_id, std::nullopt, std::to_string(c.id)});
    });
    ctx_->pages_changed();
    return http::Response::redirect(href(req, "/network/coalitions/" + std::to_string(c.id)));
}

}  // namespace avenir::network
