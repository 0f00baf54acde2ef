// Read this file to know who may do what in the register.
#include "modules/registry/registry_rules.hpp"

#include <algorithm>
#include <cstdlib>

#include "core/auth/roles.hpp"
#include "storage/bind.hpp"

namespace avenir::registry {
namespace {

template <class T, class U>
bool contains(const std::vector<T>& v, const U& x) {
    return std::find(v.begin(), v.end(), x) != v.end();
}

}  // namespace

void declare_permissions(kit::Registration& reg) {
    reg.permission("register_record", "union representatives record and assess their unions' systems",
                   [](const auth::Principal* who, const http::Request&) {
                       if (!who) return auth::Decision::SignIn;
                       return viewer_of(who).rep_unions.empty() ? auth::Decision::Deny : auth::Decision::Allow;
                   });
    reg.permission("register_evidence", "members add evidence to the entries their union shares with them",
                   [](const auth::Principal* who, const http::Request&) {
                       if (!who) return auth::Decision::SignIn;
                       return viewer_of(who).unions.empty() ? auth::Decision::Deny : auth::Decision::Allow;
                   });
    reg.permission("register_pool", "Digital Rights Organisers see the findings unions shared with them, pooled by product",
                   [](const auth::Principal* who, const http::Request&) {
                       if (!who) return auth::Decision::SignIn;
                       return viewer_of(who).dro_regions.empty() ? auth::Decision::Deny : auth::Decision::Allow;
                   });
    reg.permission("register_questionnaires", "admins import assessment questionnaires (with two-factor sign-in)",
                   [](const auth::Principal* who, const http::Request&) {
                       if (!who) return auth::Decision::SignIn;
                       return auth::strong(*who, auth::is_admin(*who));
                   });
}

Viewer viewer_of(const auth::Principal* who) {
    Viewer v;
    if (!who) return v;
    v.user_id = who->user_id;
    for (const auto& g : who->grants) {
        if (g.role == "dro" && g.scope_type == "region" && !contains(v.dro_regions, g.scope_id)) v.dro_regions.push_back(g.scope_id);
        if (g.scope_type != "union" || (g.role != "member" && g.role != "union_rep")) continue;
        const auto id = std::strtoll(g.scope_id.c_str(), nullptr, 10);
        if (id <= 0) continue;
        if (!contains(v.unions, id)) v.unions.push_back(id);
        if (g.role == "union_rep" && !contains(v.rep_unions, id)) v.rep_unions.push_back(id);
    }
    return v;
}

bool may_read(const Viewer& v, const Entry& e) {
    const int tier = tier_rank(e.tier);
    if (tier == 3) return true;
    if (contains(v.rep_unions, e.union_id)) return true;
    if (tier >= 1 && contains(v.unions, e.union_id)) return true;
    return tier == 2 && !e.region.empty() && contains(v.dro_regions, e.region);
}

std::string readable_sql(const Viewer& v, std::vector<storage::Value>& params) {
    std::string sql = "(e.tier = 'public'";
    if (!v.rep_unions.empty()) sql += " OR e.union_id IN (" + storage::bind_in(params, v.rep_unions) + ")";
    if (!v.unions.empty()) sql += " OR (e.tier IN ('members', 'dro') AND e.union_id IN (" + storage::bind_in(params, v.unions) + "))";
    if (!v.dro_regions.empty()) sql += " OR (e.tier = 'dro' AND e.region_slug <> '' AND e.region_slug IN (" + storage::bind_in(params, v.dro_regions) + "))";
    return sql + ")";
}

bool may_record_for(const Viewer& v, std::int64_t union_id) { return contains(v.rep_unions, union_id); }

bool may_edit(const Viewer& v, const Entry& e) { return may_record_for(v, e.union_id); }

bool may_add_evidence(const Viewer& v, const Entry& e) {
    return may_edit(v, e) || (tier_rank(e.tier) >= 1 && contains(v.unions, e.union_id));
}

bool sees_whole(const Viewer& v, const Entry& e) {
    if (contains(v.unions, e.union_id)) return true;
    return tier_rank(e.tier) >= 2 && !e.region.empty() && contains(v.dro_regions, e.region);
}

bool sees_suppliers(const Viewer& v, const Entry& e) { return may_edit(v, e); }

}  // namespace avenir::registry
