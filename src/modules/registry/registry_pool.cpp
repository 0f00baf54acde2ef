// Pooling (/register/pooled): where several unions shared entries about the same supplier's
// product at the DRO or public tier, a Digital Rights Organiser sees their findings side by side,
// anonymised (no union, workplace, people or evidence sources), with the count of unions.
#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "core/auth/principal.hpp"
#include "core/http/pipeline.hpp"
#include "core/view/content_lang.hpp"
#include "core/view/layout.hpp"
#include "modules/registry/registry_labels.hpp"
#include "modules/registry/registry_module.hpp"

namespace avenir::registry {
using nlohmann::json;

namespace {

std::string key_of(const Entry& e) {
    std::string k = e.value("supplier") + "\x1f" + e.value("product");
    for (auto& c : k) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return k;
}

}  // namespace

// GET /register/pooled
http::Response RegistryModule::pooled(http::Request& req) {
    http::mark_private(req);
    const Viewer v = viewer_of(&auth::require_principal(req));
    std::vector<storage::Value> params;
    // Shared at the DRO tier (the reader's regions, by the rules) or public; with a product named.
    const std::string where = readable_sql(v, params) + " AND e.tier IN ('dro', 'public') AND e.example = 0 AND (e.supplier <> '' OR e.product <> '')";
    std::map<std::string, std::vector<Entry>> groups;
    for (auto& e : store().list(where, params, 2000)) groups[key_of(e)].push_back(std::move(e));
    struct Group {
        std::string supplier, product;
        std::size_t unions = 0;
        std::vector<Entry> entries;
    };
    std::vector<Group> list;
    for (auto& [k, entries] : groups) {
        std::set<std::int64_t> unions;
        for (const auto& e : entries) unions.insert(e.union_id);
        list.push_back({entries.front().value("supplier"), entries.front().value("product"), unions.size(), std::move(entries)});
    }
    std::stable_sort(list.begin(), list.end(), [](const Group& a, const Group& b) { return a.unions > b.unions; });
    json out = json::array();
    for (const auto& g : list) {
        json rows = json::array();
        for (const auto& e : g.entries) {
            const auto raised = flags(legal_facts(e));
            const std::string verdict = e.latest_level || !raised.empty() ? registry::verdict(Score{.level = std::max(1, e.latest_level)}, raised) : "";
            json impacts = json::array();
            for (const auto& f : fields())
                if (f.section == "impacts" && !e.value(f.key).empty()) impacts.push_back({{"label", tr(req, f.label)}, {"text", e.value(f.key)}});
            rows.push_back({{"stage", tr(req, choice_label("lifecycle", e.value("lifecycle")))},
                            {"sector", e.value("sector").empty() ? "" : tr(req, choice_label("sector", e.value("sector")))},
                            {"employer", e.value("employer")},
                            {"verdict", verdict},
                            {"verdict_label", tr(req, verdict_label(verdict))},
                            {"impacts", impacts},
                            {"human_review", e.value("human_review")},
                            {"content", view::content_language(e.value("lang"), req.lang)}});
        }
        out.push_back({{"supplier", g.supplier}, {"product", g.product}, {"unions", g.unions}, {"several", g.unions > 1}, {"rows", rows}});
    }
    json d{{"groups", out}, {"has_groups", !out.empty()}, {"list_href", href(req, "/register")}};
    return ctx_->layout.page(req, "registry/pooled", std::move(d), tr(req, "Findings pooled by product"));
}

}  // namespace avenir::registry
