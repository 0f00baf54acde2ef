// Read this file to know who may do what in the bargaining hub.
#include "modules/bargaining/bargaining_rules.hpp"

#include <algorithm>
#include <cstdlib>

#include "core/auth/roles.hpp"
#include "storage/bind.hpp"

namespace avenir::bargaining {
namespace {

bool contains(const std::vector<std::int64_t>& v, std::int64_t x) { return std::find(v.begin(), v.end(), x) != v.end(); }

}  // namespace

void declare_permissions(kit::Registration& reg) {
    reg.permission("bargaining_compose", "union representatives build proposals and gap checks for their unions",
                   [](const auth::Principal* who, const http::Request&) {
                       if (!who) return auth::Decision::SignIn;
                       return reader_of(who).rep_unions.empty() ? auth::Decision::Deny : auth::Decision::Allow;
                   });
    declare_review_permission(reg);
    reg.permission("bargaining_taxonomy", "admins change the bargaining hub's topics and sub-topics (with two-factor sign-in)",
                   [](const auth::Principal* who, const http::Request&) {
                       if (!who) return auth::Decision::SignIn;
                       return auth::strong(*who, auth::is_admin(*who));
                   });
}

void declare_review_permission(kit::Registration& reg) {
    reg.permission("bargaining_review",
                   "Digital Rights Organisers, coordinators and admins review contributed clauses and publish them (coordinators and "
                   "admins with two-factor sign-in)",
                   [](const auth::Principal* who, const http::Request&) {
                       if (!who) return auth::Decision::SignIn;
                       if (auth::is_admin(*who) || auth::is_coordinator(*who)) return auth::strong(*who, true);
                       return who->has_role("dro") ? auth::Decision::Allow : auth::Decision::Deny;
                   });
}

bool may_edit_taxonomy(const auth::Principal* who) { return who && auth::is_admin(*who); }

bool may_review(const auth::Principal* who) { return who && (auth::is_admin(*who) || auth::is_coordinator(*who) || who->has_role("dro")); }

int openness(std::string_view access) { return access == "public" ? 2 : access == "members" ? 1 : 0; }

Reader reader_of(const auth::Principal* who) {
    Reader r;
    if (!who) return r;
    r.user_id = who->user_id;
    for (const auto& g : who->grants) {
        if (g.scope_type != "union" || (g.role != "member" && g.role != "union_rep")) continue;
        const auto id = std::strtoll(g.scope_id.c_str(), nullptr, 10);
        if (id <= 0) continue;
        if (!contains(r.unions, id)) r.unions.push_back(id);
        if (g.role == "union_rep" && !contains(r.rep_unions, id)) r.rep_unions.push_back(id);
    }
    return r;
}

bool may_read(const Reader& r, const Clause& c) {
    if (c.status != "published") return false;
    if (c.access == "public") return true;
    if (c.access == "members") return r.signed_in();
    return c.union_id && contains(r.unions, *c.union_id);
}

std::string readable_sql(const Reader& r, std::vector<storage::Value>& params) {
    std::string sql = "k.status = 'published' AND (k.access = 'public'";
    if (r.signed_in()) sql += " OR k.access = 'members'";
    if (!r.unions.empty()) sql += " OR (k.access = 'union' AND k.union_id IN (" + storage::bind_in(params, r.unions) + "))";
    return sql + ")";
}

bool may_act_for(const Reader& r, std::int64_t union_id) { return contains(r.rep_unions, union_id); }

std::string audience_of(const Clause& c) {
    if (c.access == "members") return "members";
    if (c.access == "union" && c.union_id) return "union:" + std::to_string(*c.union_id);
    return "";
}

std::vector<std::string> audiences_of(const Reader& r) {
    std::vector<std::string> out;
    if (r.signed_in()) out.emplace_back("members");
    for (auto id : r.unions) out.push_back("union:" + std::to_string(id));
    return out;
}

}  // namespace avenir::bargaining
