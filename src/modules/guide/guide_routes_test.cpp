// Who may reach each guide route (tried by tests/http/route_security_test.cpp).
#include <gtest/gtest.h>

#include "app/app.hpp"
#include "modules/guide/guide_plan_store.hpp"
#include "tests/http/route_expectations.hpp"

namespace avenir::testing {
namespace {
using enum Outcome;

// Personas: anonymous, member of union A, member of union B, coordinator elsewhere, admin.
const bool kRegistered = register_route_table({
    "guide",
    {
        {"GET /guide", {Allow, Allow, Allow, Allow, Allow}},
        {"GET /guide/introduction", {Allow, Allow, Allow, Allow, Allow}},
        {"GET /guide/translations", {SignIn, Deny, Deny, Allow, Allow}},
        {"GET /guide/{slug}", {Allow, Allow, Allow, Allow, Allow}},
        {"GET /guide/{slug}/offline.zip", {Allow, Allow, Allow, Allow, Allow}},
        {"GET /guide/{slug}/edit", {SignIn, Deny, Deny, Allow, Allow}},
        {"POST /guide/{slug}/edit", {Deny, Deny, Deny, Allow, Allow}},
        {"GET /guide/{slug}/history", {SignIn, Deny, Deny, Allow, Allow}},
        {"GET /guide/{slug}/diff", {SignIn, Deny, Deny, Allow, Allow}},
        {"GET /guide/plans", {SignIn, Allow, Allow, Allow, Allow}},
        {"POST /guide/plans", {Deny, Allow, Allow, Allow, Allow}},
        {"GET /guide/plans/{plan_id}", {SignIn, Allow, Allow, Allow, Allow}},  // another person's plan: 404
        {"POST /guide/plans/{plan_id}", {Deny, Allow, Allow, Allow, Allow}},
        {"POST /guide/plans/{plan_id}/items", {Deny, Allow, Allow, Allow, Allow}},
        {"GET /guide/shared/{token}", {Allow, Allow, Allow, Allow, Allow}},
        {"GET /guide/shared/{token}/offline.zip", {Allow, Allow, Allow, Allow, Allow}},
    },
    {{"{slug}", "why-data-and-ai-matter"}, {"{plan_id}", "1"}, {"{token}", "0123456789abcdef0123456789abcdef"}},
    // Plan 1 of member A, with a share token the shared pages find.
    [](App& app, const Personas& p) {
        guide::PlanStore plans(app.db());
        const auto id = plans.create(p.user_ids[1], "Plan one", 180, "0123456789abcdef0123456789abcdef", 0);
        plans.set_items(id, {{"why-data-and-ai-matter", ""}}, 0);
    },
    {},
    // More plans for everyone, and more items in plan 1: the planner's lists must not cost more.
    [](App& app, const Personas& p) {
        guide::PlanStore plans(app.db());
        for (int i = 0; i < 10; ++i)
            for (std::size_t who = 1; who < 5; ++who)
                plans.create(p.user_ids[who], "Grown plan " + std::to_string(i), 180, "grown-" + std::to_string(i) + "-" + std::to_string(who), 0);
        std::vector<guide::PlanItem> items;
        for (const char* slug : {"why-data-and-ai-matter", "workers-data-rights", "joint-governance-algorithms", "bargaining-digital-rights"})
            items.push_back({slug, ""});
        plans.set_items(1, items, 0);
    },
});

TEST(GuideRouteTable, IsRegisteredOnceAndWellFormed) { EXPECT_EQ(route_table_problems("guide"), std::vector<std::string>{}); }

}  // namespace
}  // namespace avenir::testing
