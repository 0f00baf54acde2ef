#pragma once
// Who may do what: the one place where permissions are decided. Routes name a permission in the
// route table; handlers that need a finer answer call the functions below.
#include <string>
#include <string_view>
#include <vector>

#include "core/auth/principal.hpp"
#include "core/http/request.hpp"

namespace avenir::accounts {

enum class Decision {
    Allow,
    SignIn,        // anonymous: ask them to sign in
    SetUpTotp,     // signed in, but the role requires two-factor sign-in first
    Deny,
};

// Every permission a route may name:
//   public        anyone
//   signed_in     any signed-in person
//   admin         a global admin (two-factor sign-in set up)
//   coordinator   a regional coordinator of any region, or an admin (two-factor set up)
//   union_rep     the representative of the union in the route's {union_id}, or an admin
//   guide_editor  a DRO, a coordinator or an admin (the last two with two-factor set up)
std::vector<std::string> known_permissions();

// The decision for a route's permission, given the request's principal (nullptr = anonymous).
Decision decide(const auth::Principal* who, std::string_view permission, const http::Request& req);

// Roles that require two-factor sign-in.
bool role_requires_totp(std::string_view role);
// Whether `who` may grant `role` over (scope_type, scope_id): admins grant everything;
// coordinators grant dro and facilitator in their region; union reps grant member in their union.
bool may_grant(const auth::Principal& who, std::string_view role, std::string_view scope_type, std::string_view scope_id);

}  // namespace avenir::accounts
