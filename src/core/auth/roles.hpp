#pragma once
// Building blocks of permission rules: the decision a rule returns and the role questions every
// module's rules ask. Rules themselves live with the module that owns the permission
// (<module>_rules.cpp); handlers ask the rules, never the roles.
#include <string_view>

#include "core/auth/principal.hpp"

namespace avenir::auth {

enum class Decision {
    Allow,
    SignIn,     // anonymous: ask them to sign in
    SetUpTotp,  // signed in, but the power requires two-factor sign-in first
    Deny,
};

// A global administrator.
bool is_admin(const Principal& p);
// A regional coordinator of any region.
bool is_coordinator(const Principal& p);
// Holds role over region `slug` (coordinator, dro, facilitator).
bool holds_in_region(const Principal& p, std::string_view role, std::string_view slug);
// Admin and coordinator powers need two-factor sign-in set up: Allow becomes SetUpTotp without it.
Decision strong(const Principal& p, bool allowed);
// Roles whose holders must set up two-factor sign-in.
bool role_requires_totp(std::string_view role);

}  // namespace avenir::auth
