// Who may reach each accounts route (tried by tests/http/route_security_test.cpp).
#include <gtest/gtest.h>

#include "app/app.hpp"
#include "modules/accounts/accounts_module.hpp"
#include "tests/http/route_expectations.hpp"

namespace avenir::testing {
namespace {
using enum Outcome;

// Personas: anonymous, member of union A, member of union B, coordinator elsewhere, admin.
const bool kRegistered = register_route_table({
    "accounts",
    {
        {"GET /account/sign-in", {Allow, Allow, Allow, Allow, Allow}},
        {"POST /account/sign-in", {Allow, Allow, Allow, Allow, Allow}},
        {"POST /account/sign-out", {Deny, Allow, Allow, Allow, Allow}},
        {"GET /account/register", {Allow, Allow, Allow, Allow, Allow}},
        {"POST /account/register", {Allow, Allow, Allow, Allow, Allow}},
        {"GET /account/verify", {Allow, Allow, Allow, Allow, Allow}},
        {"POST /account/verify", {Allow, Allow, Allow, Allow, Allow}},
        {"GET /account", {SignIn, Allow, Allow, Allow, Allow}},
        {"GET /account/two-factor", {SignIn, Allow, Allow, Allow, Allow}},
        {"POST /account/two-factor", {Deny, Allow, Allow, Allow, Allow}},
        {"GET /account/sign-in/code", {Allow, Allow, Allow, Allow, Allow}},
        {"POST /account/sign-in/code", {SignIn, Allow, Allow, Allow, Allow}},  // no pending sign-in: back to the form
        {"GET /account/forgot", {Allow, Allow, Allow, Allow, Allow}},
        {"POST /account/forgot", {Allow, Allow, Allow, Allow, Allow}},
        {"GET /account/reset", {Allow, Allow, Allow, Allow, Allow}},
        {"POST /account/reset", {Allow, Allow, Allow, Allow, Allow}},
        {"GET /account/password", {SignIn, Allow, Allow, Allow, Allow}},
        {"POST /account/password", {Deny, Allow, Allow, Allow, Allow}},
        {"POST /account/preferences", {Deny, Allow, Allow, Allow, Allow}},
        {"GET /account/data", {SignIn, Allow, Allow, Allow, Allow}},
        {"POST /account/consents", {Deny, Allow, Allow, Allow, Allow}},
        {"GET /account/delete", {SignIn, Allow, Allow, Allow, Allow}},
        {"POST /account/delete", {Deny, Allow, Allow, Allow, Allow}},
        {"GET /admin", {SignIn, Deny, Deny, Deny, Allow}},
        {"GET /admin/unions", {SignIn, Deny, Deny, Deny, Allow}},
        {"POST /admin/unions", {Deny, Deny, Deny, Deny, Allow}},
        {"GET /admin/people", {SignIn, Deny, Deny, Deny, Allow}},
        {"POST /admin/grants", {Deny, Deny, Deny, Deny, Allow}},
        // Members A and B also represent their unions (the bargaining table's setup): A sees union A's members.
        {"GET /unions/{union_id}/members", {SignIn, Allow, Deny, Deny, Allow}},
        {"GET /coordination", {SignIn, Deny, Deny, Allow, Allow}},
        {"POST /admin/grants/revoke", {Deny, Deny, Deny, Deny, Allow}},
    },
    {{"{union_id}", "1"}},  // union A
    {},
    // "My data" reads every module's personal-data tables, one statement per table (11 today).
    {{"GET /account/data", 40}},
    // More unions, people with grants (members of union A, DROs of the coordinator's region) and
    // audit entries: the admin lists, the union's members and the coordination page must not
    // cost more for them.
    [](App& app, const Personas& p) {
        auto& accounts = app.module<accounts::AccountsModule>();
        for (int i = 0; i < 12; ++i) {
            accounts.store().create_union({0, "Grown union " + std::to_string(i), "Chile", "latin-america", "health"}, 0);
            const std::string member = "grown-member-" + std::to_string(i) + "@example.org";
            accounts.create_user(member, "Member " + std::to_string(i), "");
            accounts.grant(member, {"member", "union", std::to_string(p.union_a)});
            const std::string dro = "grown-dro-" + std::to_string(i) + "@example.org";
            accounts.create_user(dro, "DRO " + std::to_string(i), "");
            accounts.grant(dro, {"dro", "region", "europe-caribbean"});
            accounts.grant(dro, {"facilitator", "region", "europe-caribbean"});
        }
    },
});

TEST(AccountsRouteTable, IsRegisteredOnceAndWellFormed) { EXPECT_EQ(route_table_problems("accounts"), std::vector<std::string>{}); }

}  // namespace
}  // namespace avenir::testing
