#include "core/auth/roles.hpp"

namespace avenir::auth {

bool is_admin(const Principal& p) { return p.has_role_in("admin", "global", ""); }

bool is_coordinator(const Principal& p) {
    for (const auto& g : p.grants)
        if (g.role == "coordinator" && g.scope_type == "region") return true;
    return false;
}

bool holds_in_region(const Principal& p, std::string_view role, std::string_view slug) {
    return p.has_role_in(role, "region", slug);
}

Decision strong(const Principal& p, bool allowed) {
    if (!allowed) return Decision::Deny;
    return p.totp_enabled ? Decision::Allow : Decision::SetUpTotp;
}

bool role_requires_totp(std::string_view role) { return role == "admin" || role == "coordinator"; }

}  // namespace avenir::auth
