// Read this file top to bottom to know who may do what with the accounts module's permissions.
#include "modules/accounts/accounts_rules.hpp"

namespace avenir::accounts {
namespace {

using auth::Decision;

std::string param(const http::Request& req, std::string_view name) {
    const auto it = req.params.find(name);
    return it == req.params.end() ? std::string() : it->second;
}

}  // namespace

void declare_permissions(kit::Registration& reg) {
    reg.permission("public", "anyone, signed in or not", [](const auth::Principal*, const http::Request&) { return Decision::Allow; });
    reg.permission("signed_in", "any signed-in person", [](const auth::Principal* who, const http::Request&) {
        return who ? Decision::Allow : Decision::SignIn;
    });
    reg.permission("admin", "a global administrator with two-factor sign-in", [](const auth::Principal* who, const http::Request&) {
        if (!who) return Decision::SignIn;
        return auth::strong(*who, auth::is_admin(*who));
    });
    reg.permission("coordinator", "a regional coordinator of any region, or an admin (two-factor sign-in)",
                   [](const auth::Principal* who, const http::Request&) {
                       if (!who) return Decision::SignIn;
                       return auth::strong(*who, auth::is_admin(*who) || auth::is_coordinator(*who));
                   });
    reg.permission("union_rep", "the representative of the union in the address ({union_id}), or an admin",
                   [](const auth::Principal* who, const http::Request& req) {
                       if (!who) return Decision::SignIn;
                       if (auth::is_admin(*who)) return auth::strong(*who, true);
                       return who->has_role_in("union_rep", "union", param(req, "union_id")) ? Decision::Allow : Decision::Deny;
                   });
}

bool may_grant(const auth::Principal& who, std::string_view role, std::string_view scope_type, std::string_view scope_id) {
    // Admin and coordinator powers need two-factor sign-in set up, here as on their pages.
    if (auth::is_admin(who)) return who.totp_enabled;
    if ((role == "dro" || role == "facilitator" || role == "interpreter") && scope_type == "region")
        return who.totp_enabled && who.has_role_in("coordinator", "region", scope_id);
    if (role == "member" && scope_type == "union") return who.has_role_in("union_rep", "union", scope_id);
    return false;
}

}  // namespace avenir::accounts
