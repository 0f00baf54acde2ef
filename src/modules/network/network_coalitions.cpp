// Coalitions (/network/coalitions): their scope, regions, themes, partners, contact and the unions'
// stance, with the cases of their regions on their themes; an Atom feed; the platform search.
#include <algorithm>
#include <cstdlib>
#include <map>
#include <set>

#include "core/auth/principal.hpp"
#include "core/clock.hpp"
#include "core/errors.hpp"
#include "core/feed/atom.hpp"
#include "core/http/pipeline.hpp"
#include "core/i18n/i18n.hpp"
#include "core/search/index.hpp"
#include "core/view/layout.hpp"
#include "modules/network/network_module.hpp"
#include "modules/network/network_rules.hpp"

namespace avenir::network {
using nlohmann::json;

namespace {

std::string_view union_stance_label(const std::string& s) {
    if (s == "founded") return i18n::noop("A founder");
    if (s == "considering") return i18n::noop("Considering joining");
    return i18n::noop("Member");
}

}  // namespace

json NetworkModule::coalition_summary(http::Request& req, const Coalition& c) {
    const auto ref = ctx_->reference.get();
    const CoalitionText& t = c.text_for(req.lang);
    std::string regions;
    for (const auto& r : c.regions) regions += (regions.empty() ? "" : ", ") + ref->region_name(r, req.lang);
    return {{"href", href(req, "/network/coalitions/" + std::to_string(c.id))},
            {"name", t.name},
            {"scope", t.scope},
            {"content_lang", t.lang},
            {"regions", regions},
            {"stance", tr(req, coalition_stance_label(c.stance))},
            {"illustrative", c.illustrative}};
}

http::Response NetworkModule::coalitions(http::Request& req) {
    json items = json::array();
    for (const auto& c : store().coalitions()) items.push_back(coalition_summary(req, c));
    const Viewer v = viewer_of(auth::current_principal(req));
    json d{{"coalitions", items},
           {"has_coalitions", !items.empty()},
           {"feed_href", href(req, "/network/coalitions/feed.atom")},
           {"practices_href", href(req, "/network/practices")}};
    if (v.all_regions || !v.coordinated_regions.empty()) {
        http::mark_private(req);
        d["new_href"] = href(req, "/network/coalitions/new");
    }
    return ctx_->layout.page(req, "network/coalitions", std::move(d), tr(req, "Coalitions"));
}

http::Response NetworkModule::coalition(http::Request& req) {
    const auto c = store().coalition(req.path_int("id"));
    if (!c) throw NotFound("There is no such coalition.");
    const auth::Principal* who = auth::current_principal(req);
    if (who) http::mark_private(req);  // related cases by what the reader may see
    const Viewer v = viewer_of(who);
    const auto ref = ctx_->reference.get();
    json d = coalition_summary(req, *c);
    const CoalitionText& t = c->text_for(req.lang);
    if (!t.why.empty()) d["why"] = t.why;
    d["partners"] = c->partners;
    d["has_partners"] = !c->partners.empty();
    if (!c->contact.empty()) d["contact"] = c->contact;
    json themes = json::array();
    for (int n : c->themes) themes.push_back(std::to_string(n) + ". " + ref->theme_title(n, req.lang));
    d["themes"] = themes;
    d["list_href"] = href(req, "/network/coalitions");
    // Related cases: those that link to it, then its regions' newest cases on one of its themes.
    json related = json::array();
    std::set<std::int64_t> shown;
    for (const auto& k : store().linking_to(v, "/network/coalitions/" + std::to_string(c->id), 6)) {
        related.push_back(case_summary(req, v, k));
        shown.insert(k.id);
    }
    for (const auto& k : store().in_regions(v, c->regions, 50)) {
        if (related.size() >= 6) break;
        if (shown.contains(k.id)) continue;
        if (c->themes.empty() || std::any_of(k.themes.begin(), k.themes.end(), [&](int n) {
                return std::find(c->themes.begin(), c->themes.end(), n) != c->themes.end();
            }))
            related.push_back(case_summary(req, v, k));
    }
    d["related"] = related;
    d["has_related"] = !related.empty();
    // Its unions with their stance and why, and a form for each union the reader represents (one
    // statement for the stances, one for the unions' names).
    const auto members = store().coalition_unions(c->id);
    std::vector<std::int64_t> union_ids = v.rep_unions;
    for (const auto& m : members) union_ids.push_back(m.union_id);
    std::map<std::int64_t, kit::Directory::Union> unions;
    for (auto& u : ctx_->extensions.one<kit::Directory>().unions(union_ids)) unions.emplace(u.id, std::move(u));
    json listed = json::array();
    for (const auto& m : members) {
        const auto u = unions.find(m.union_id);
        if (u == unions.end()) continue;
        json item{{"union_name", u->second.name}, {"country", u->second.country}, {"union_stance", tr(req, union_stance_label(m.stance))}};
        if (!m.why.empty()) item["union_why"] = m.why;
        listed.push_back(std::move(item));
    }
    d["unions"] = listed;
    d["has_unions"] = !listed.empty();
    json forms = json::array();
    for (const auto id : v.rep_unions) {
        const auto u = unions.find(id);
        if (u == unions.end()) continue;
        const auto mine = std::find_if(members.begin(), members.end(), [&](const CoalitionUnion& m) { return m.union_id == id; });
        const std::string current = mine == members.end() ? "" : mine->stance;
        json options = json::array();
        options.push_back({{"value", ""}, {"label", tr(req, "Not taking part")}, {"selected", current.empty()}});
        for (auto st : kStances)
            options.push_back({{"value", std::string(st)}, {"label", tr(req, union_stance_label(std::string(st)))}, {"selected", current == st}});
        forms.push_back({{"union_id", id},
                         {"union_name", u->second.name},
                         {"options", options},
                         {"why_text", mine == members.end() ? "" : mine->why}});
    }
    if (!forms.empty()) {
        d["stance_forms"] = forms;
        d["stance_action"] = href(req, "/network/coalitions/" + std::to_string(c->id) + "/unions");
        d["csrf"] = ctx_->access.csrf(req);
    }
    if (may_edit_coalition(v, c->regions)) d["edit_href"] = href(req, "/network/coalitions/" + std::to_string(c->id) + "/edit");
    return ctx_->layout.page(req, "network/coalition", std::move(d), t.name);
}

// POST /network/coalitions/{id}/unions: union_id, stance ("" to leave), why (a union's representatives).
http::Response NetworkModule::set_union_stance(http::Request& req) {
    const auth::Principal& who = auth::require_principal(req);
    const auto c = store().coalition(req.path_int("id"));
    if (!c) throw NotFound("There is no such coalition.");
    const auto& f = req.form();
    CoalitionUnion u{c->id, 0, f.get("stance"), f.get("why"), 0};
    const std::string id = f.get("union_id");
    u.union_id = std::strtoll(id.c_str(), nullptr, 10);
    if (!may_speak_for(viewer_of(&who), u.union_id)) throw Forbidden("Only a union's representatives say where it stands.");
    if (!u.stance.empty() && !one_of(kStances, u.stance)) throw Unprocessable(tr(req, "Choose where your union stands."));
    std::erase(u.why, '\0');
    if (u.why.size() > 1000) throw Unprocessable(tr(req, "Keep the reason under 1,000 characters."));
    ctx_->db.with_tx([&](storage::Transaction& tx) {
        NetworkStore(tx).put_coalition_union(u, who.user_id, clock::unix_seconds());
        ctx_->audit.record(tx, {"network_coalition_stance", who.user_id, std::nullopt,
                                std::to_string(c->id) + " " + std::to_string(u.union_id) + " " + (u.stance.empty() ? "left" : u.stance)});
    });
    ctx_->pages_changed();
    return http::Response::redirect(href(req, "/network/coalitions/" + std::to_string(c->id)));
}

http::Response NetworkModule::coalitions_feed(http::Request& req) {
    const std::string prefix = req.lang == "en" ? "" : "/" + req.lang;
    feed::Feed out = feed_head(req, "/network/coalitions", tr(req, "Avenir: coalitions"));
    std::int64_t newest = 0;
    for (const auto& c : store().coalitions()) {
        const CoalitionText& t = c.text_for(req.lang);
        feed::Entry e;
        e.id = ctx_->base_url + "/network/coalitions/" + std::to_string(c.id);
        e.title = t.name;
        e.updated = feed::rfc3339(c.updated_at);
        e.summary = t.scope;
        e.lang = t.lang;
        e.links.push_back({ctx_->base_url + prefix + "/network/coalitions/" + std::to_string(c.id), "alternate", "text/html", t.lang, "", 0});
        for (const auto& r : c.regions) e.categories.push_back({r, ""});
        newest = std::max(newest, c.updated_at);
        out.entries.push_back(std::move(e));
    }
    out.updated = feed::rfc3339(newest);
    return feed::atom_response(out);
}

void NetworkModule::index_coalition(storage::Executor& tx, const Coalition& c) {
    search::SearchIndex index(tx);
    const std::string key = "coalition-" + std::to_string(c.id);
    index.remove("coalitions", key);
    for (const auto& t : c.texts) {
        if (std::find(std::begin(search::kIndexLanguages), std::end(search::kIndexLanguages), t.lang) == std::end(search::kIndexLanguages)) continue;
        std::string body = t.scope + "\n" + t.why + "\n";
        for (const auto& p : c.partners) body += p + ". ";
        index.put("coalitions", {key, t.lang, t.name, body, "/network/coalitions/" + std::to_string(c.id), ""});
    }
}

}  // namespace avenir::network
