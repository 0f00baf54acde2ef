#pragma once
// Who may do what, for the permissions the accounts module owns. Read accounts_rules.cpp top to
// bottom to know them; other modules declare theirs in their own <module>_rules.cpp.
#include <string_view>

#include "core/auth/roles.hpp"
#include "core/kit/module.hpp"

namespace avenir::accounts {

// Declares the platform's basic permissions on the registration:
//   public       anyone
//   signed_in    any signed-in person
//   admin        a global admin (two-factor sign-in set up)
//   coordinator  a regional coordinator of any region, or an admin (two-factor set up)
//   union_rep    the representative of the union in the route's {union_id}, or an admin
void declare_permissions(kit::Registration& reg);

// Whether `who` may grant `role` over (scope_type, scope_id): admins grant everything;
// coordinators grant dro, facilitator and interpreter in their region (both with two-factor sign-in set up);
// union reps grant member in their union.
bool may_grant(const auth::Principal& who, std::string_view role, std::string_view scope_type, std::string_view scope_id);

}  // namespace avenir::accounts
