// Read this file top to bottom to know who may do what.
#include "modules/accounts/permissions.hpp"

namespace avenir::accounts {
namespace {

bool is_admin(const auth::Principal& p) { return p.has_role_in("admin", "global", ""); }

bool is_coordinator(const auth::Principal& p) {
    for (const auto& g : p.grants)
        if (g.role == "coordinator" && g.scope_type == "region") return true;
    return false;
}

std::string param(const http::Request& req, std::string_view name) {
    const auto it = req.params.find(name);
    return it == req.params.end() ? std::string() : it->second;
}

// Admin and coordinator powers need two-factor sign-in set up.
Decision strong(const auth::Principal& p, bool allowed) {
    if (!allowed) return Decision::Deny;
    return p.totp_enabled ? Decision::Allow : Decision::SetUpTotp;
}

}  // namespace

std::vector<std::string> known_permissions() { return {"public", "signed_in", "admin", "coordinator", "union_rep", "guide_editor", "library_editor"}; }

bool role_requires_totp(std::string_view role) { return role == "admin" || role == "coordinator"; }

Decision decide(const auth::Principal* who, std::string_view permission, const http::Request& req) {
    if (permission == "public") return Decision::Allow;
    if (!who) return Decision::SignIn;
    if (permission == "signed_in") return Decision::Allow;
    if (permission == "admin") return strong(*who, is_admin(*who));
    if (permission == "coordinator") return strong(*who, is_admin(*who) || is_coordinator(*who));
    if (permission == "guide_editor" || permission == "library_editor") {
        // DROs, coordinators and admins write the guide and the library (handlers check regions); coordinators and admins need two-factor.
        if (is_admin(*who) || is_coordinator(*who)) return strong(*who, true);
        return who->has_role("dro") ? Decision::Allow : Decision::Deny;
    }
    if (permission == "union_rep") {
        if (is_admin(*who)) return strong(*who, true);
        return who->has_role_in("union_rep", "union", param(req, "union_id")) ? Decision::Allow : Decision::Deny;
    }
    return Decision::Deny;  // an unknown permission protects nothing by mistake
}

bool may_grant(const auth::Principal& who, std::string_view role, std::string_view scope_type, std::string_view scope_id) {
    if (is_admin(who)) return true;
    if ((role == "dro" || role == "facilitator") && scope_type == "region")
        return who.has_role_in("coordinator", "region", scope_id);
    if (role == "member" && scope_type == "union") return who.has_role_in("union_rep", "union", scope_id);
    return false;
}

}  // namespace avenir::accounts
