// Coalitions (/network/coalitions): their scope, regions, themes, partners, contact and the unions'
// stance, with the cases of their regions on their themes; an Atom feed; the platform search.
#include <algorithm>

#include "core/auth/principal.hpp"
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

std::string_view stance_label(const std::string& s) {
    if (s == "founded") return i18n::noop("Unions founded it");
    if (s == "considering") return i18n::noop("Unions are considering joining");
    return i18n::noop("Unions are members");
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
            {"stance", tr(req, stance_label(c.stance))},
            {"illustrative", c.illustrative}};
}

http::Response NetworkModule::coalitions(http::Request& req) {
    json items = json::array();
    for (const auto& c : store().coalitions()) items.push_back(coalition_summary(req, c));
    json d{{"coalitions", items},
           {"has_coalitions", !items.empty()},
           {"feed_href", href(req, "/network/coalitions/feed.atom")},
           {"practices_href", href(req, "/network/practices")}};
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
    // Related cases: its regions' newest cases on one of its themes.
    json related = json::array();
    for (const auto& k : store().in_regions(v, c->regions, 50)) {
        if (related.size() >= 6) break;
        if (c->themes.empty() || std::any_of(k.themes.begin(), k.themes.end(), [&](int n) {
                return std::find(c->themes.begin(), c->themes.end(), n) != c->themes.end();
            }))
            related.push_back(case_summary(req, v, k));
    }
    d["related"] = related;
    d["has_related"] = !related.empty();
    return ctx_->layout.page(req, "network/coalition", std::move(d), t.name);
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
    return atom_response(out);
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
