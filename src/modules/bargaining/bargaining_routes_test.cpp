// Who may reach each bargaining route (tried by tests/http/route_security_test.cpp). The clause and
// model tried are shipped content; grow adds twenty clauses of one family with related clauses.
#include <gtest/gtest.h>

#include "app/app.hpp"
#include "modules/accounts/accounts_module.hpp"
#include "modules/bargaining/bargaining_module.hpp"
#include "tests/http/route_expectations.hpp"

namespace avenir::testing {
namespace {
using enum Outcome;

// Personas: anonymous, member of union A, member of union B, coordinator elsewhere, admin.
const bool kRegistered = register_route_table({
    "bargaining",
    {
        {"GET /bargaining", {Allow, Allow, Allow, Allow, Allow}},
        {"GET /bargaining/clauses", {Allow, Allow, Allow, Allow, Allow}},
        {"GET /bargaining/clauses/{slug}", {Allow, Allow, Allow, Allow, Allow}},
        // Digital Rights Organisers, coordinators and admins; an empty form is 422.
        {"GET /bargaining/clauses/{slug}/edit", {SignIn, Deny, Deny, Allow, Allow}},
        {"POST /bargaining/clauses/{slug}/edit", {Deny, Deny, Deny, Allow, Allow}},
        {"GET /bargaining/models/{model}", {Allow, Allow, Allow, Allow, Allow}},
        {"GET /bargaining/feed.atom", {Allow, Allow, Allow, Allow, Allow}},
        // Members A and B also represent their unions (setup); admins and coordinators do not read
        // unions' proposals or gap checks.
        {"GET /bargaining/proposals", {SignIn, Allow, Allow, Deny, Deny}},
        {"POST /bargaining/proposals", {Deny, Allow, Allow, Deny, Deny}},  // an empty form: 422
        {"POST /bargaining/add-to-proposal", {Deny, Allow, Allow, Deny, Deny}},  // no such proposal: 404
        // Proposal 1 is union A's: union B's representative may not open it.
        {"GET /bargaining/proposals/{id}", {SignIn, Allow, Deny, Deny, Deny}},
        {"POST /bargaining/proposals/{id}", {Deny, Allow, Deny, Deny, Deny}},  // an empty form: 422
        {"GET /bargaining/proposals/{id}/proposal.docx", {SignIn, Allow, Deny, Deny, Deny}},
        {"GET /bargaining/proposals/{id}/proposal.odt", {SignIn, Allow, Deny, Deny, Deny}},
        {"GET /bargaining/proposals/{id}/print", {SignIn, Allow, Deny, Deny, Deny}},
        {"GET /bargaining/contribute", {SignIn, Allow, Allow, Allow, Allow}},
        {"POST /bargaining/contribute", {Deny, Allow, Allow, Allow, Allow}},  // an empty form: 422, nothing stored
        // Digital Rights Organisers, coordinators and admins; clause 1 is shipped, not a contribution: 404.
        {"GET /bargaining/review", {SignIn, Deny, Deny, Allow, Allow}},
        {"POST /bargaining/review/{id}", {Deny, Deny, Deny, Allow, Allow}},
        {"GET /bargaining/topics/{topic}/edit", {SignIn, Deny, Deny, Deny, Allow}},
        {"POST /bargaining/topics/{topic}/edit", {Deny, Deny, Deny, Deny, Allow}},  // an empty form: 422
        {"GET /bargaining/gaps", {SignIn, Allow, Allow, Deny, Deny}},
        {"POST /bargaining/gaps", {Deny, Allow, Allow, Deny, Deny}},  // an empty form: 422
        // Gap check 1 is union A's.
        {"GET /bargaining/gaps/{id}", {SignIn, Allow, Deny, Deny, Deny}},
        {"POST /bargaining/gaps/{id}", {Deny, Allow, Deny, Deny, Deny}},
    },
    {{"{slug}", "surv-notice-preferred"}, {"{model}", "joint-committee-algorithmic-systems"}, {"{id}", "1"}, {"{topic}", "surveillance-monitoring"}},
    [](App& app, const Personas& p) {
        // Each member also represents their union: what one union's representative may do with
        // another union's proposals is then in the table.
        app.module<accounts::AccountsModule>().grant("member-a@example.org", {"union_rep", "union", std::to_string(p.union_a)});
        app.module<accounts::AccountsModule>().grant("member-b@example.org", {"union_rep", "union", std::to_string(p.union_b)});
        bargaining::BargainingStore st(app.db());
        if (!st.proposal(1)) {
            bargaining::Proposal made;
            made.union_id = p.union_a;
            made.title = "Union A's proposal";
            made.items = {{"surv-notice-preferred", "", ""}, {"", "Our article", "The parties meet every {{weeks}} weeks."}};
            st.create_proposal(made, p.user_ids[1], 0);
        }
        if (!st.gap_check(1)) {
            bargaining::GapCheck g;
            g.union_id = p.union_a;
            g.title = "Union A's agreement";
            g.coverage["surveillance-monitoring"] = {"none", ""};
            st.create_gap_check(g, p.user_ids[1], 0);
        }
    },
    // The database view: the taxonomy (3), the technologies (1), the search (2) and the clauses
    // of the page (3). The composer: the proposal (1), every readable clause (3), the taxonomy
    // (3), the models (1) and the versions (1); the gap check likewise with the union (1).
    // A clause's page: the clause (3), its ladder and related clauses (3), the taxonomy (3) and,
    // for a union representative, their proposals (1).
    {{"GET /bargaining/clauses", 12},
     {"GET /bargaining/clauses/{slug}", 12},
     {"GET /bargaining/proposals/{id}", 12},
     {"GET /bargaining/gaps/{id}", 12}},
    // Twenty more published clauses in one family, each related to the shipped one: lists, the
    // feed, the ladder and the related clauses must not cost more.
    [](App& app, const Personas&) {
        auto& m = app.module<bargaining::BargainingModule>();
        const auto topics = m.store().topics();
        for (int i = 0; i < 20; ++i) {
            bargaining::Clause c;
            c.slug = "grown-" + std::to_string(i);
            c.status = "published";
            c.topic = "surveillance-monitoring";
            c.family = "surv-notice-purpose";
            c.ladder = "fallback";
            c.mechanisms = {"information"};
            c.technologies = {"cctv"};
            c.related = {"surv-notice-preferred"};
            c.texts.push_back({"en", "Grown clause " + std::to_string(i), "The employer shall inform the union.", "Informs.", "", "", std::nullopt});
            ASSERT_TRUE(bargaining::validate(c, topics).empty());
            app.db().with_tx([&](storage::Transaction& tx) {
                c.id = bargaining::BargainingStore(tx).create(c, i);
                bargaining::BargainingModule::index_clause(tx, c);
            });
        }
    },
});

TEST(BargainingRouteTable, IsRegisteredOnceAndWellFormed) { EXPECT_EQ(route_table_problems("bargaining"), std::vector<std::string>{}); }

}  // namespace
}  // namespace avenir::testing
