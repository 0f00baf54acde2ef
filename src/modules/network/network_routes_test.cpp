// Who may reach each network route (tried by tests/http/route_security_test.cpp). Case 1 is made a
// published public case of Asia-Pacific: the coordinator persona works in Europe and the
// Caribbean, so it may not moderate or change it.
#include <gtest/gtest.h>

#include "app/app.hpp"
#include "modules/network/network_module.hpp"
#include "tests/http/route_expectations.hpp"

namespace avenir::testing {
namespace {
using enum Outcome;

network::Case sample(const std::string& region, const std::string& tech) {
    network::Case c;
    c.state = "published";
    c.region = region;
    c.country = "Fiji";
    c.sector = "health";
    c.technologies = {tech, "scheduling"};
    c.product = "RotaWise";
    c.year = 2025;
    c.texts.push_back({"en", "A case about " + tech, "The hospital brought in a scheduling system without asking anyone.",
                       "The union asked for the data and a joint review.", "", ""});
    return c;
}

// Personas: anonymous, member of union A, member of union B, coordinator elsewhere, admin.
const bool kRegistered = register_route_table({
    "network",
    {
        {"GET /network/practices", {Allow, Allow, Allow, Allow, Allow}},
        {"GET /network/practices/feed.atom", {Allow, Allow, Allow, Allow, Allow}},
        {"GET /network/practices/new", {SignIn, Allow, Allow, Allow, Allow}},
        {"POST /network/practices/new", {Deny, Allow, Allow, Allow, Allow}},  // an empty form: 422, nothing stored
        {"GET /network/practices/{id}", {Allow, Allow, Allow, Allow, Allow}},
        // Not their case (member A and B), not their region (the coordinator).
        {"GET /network/practices/{id}/edit", {SignIn, Deny, Deny, Deny, Allow}},
        {"POST /network/practices/{id}/edit", {Deny, Deny, Deny, Deny, Allow}},
        {"GET /network/moderation", {SignIn, Deny, Deny, Allow, Allow}},
        {"GET /network/hubs/{region}", {Allow, Allow, Allow, Allow, Allow}},
        // Asia-Pacific's hub: not the coordinator's region.
        {"GET /network/hubs/{region}/edit", {SignIn, Deny, Deny, Deny, Allow}},
        {"POST /network/hubs/{region}/edit", {Deny, Deny, Deny, Deny, Allow}},  // the admin's empty form: 422
        {"GET /network/profile", {SignIn, Deny, Deny, Allow, Allow}},
        {"GET /network/cascade", {SignIn, Allow, Allow, Allow, Allow}},
        {"POST /network/cascade", {Deny, Allow, Allow, Allow, Allow}},  // no completed cycle: 422
        {"GET /network/cascade/indicators", {Allow, Allow, Allow, Allow, Allow}},
        {"GET /network/cascade/indicators.csv", {Allow, Allow, Allow, Allow, Allow}},
        {"GET /network/questions", {Allow, Allow, Allow, Allow, Allow}},
        {"GET /network/questions/feed.atom", {Allow, Allow, Allow, Allow, Allow}},
        {"GET /network/questions/new", {SignIn, Allow, Allow, Allow, Allow}},
        {"POST /network/questions/new", {Deny, Allow, Allow, Allow, Allow}},  // an empty form: 422
        // Question 1 is public, asked by member A.
        {"GET /network/questions/{id}", {Allow, Allow, Allow, Allow, Allow}},
        {"POST /network/questions/{id}/answers", {Deny, Deny, Deny, Allow, Allow}},  // an empty answer: 422
        {"POST /network/questions/{id}/helpful", {Deny, Allow, Deny, Deny, Deny}},   // the asker's empty choice: 422
        {"POST /network/profile", {Deny, Deny, Deny, Allow, Allow}},  // an empty form: 422
        {"GET /network/coalitions", {Allow, Allow, Allow, Allow, Allow}},
        {"GET /network/coalitions/feed.atom", {Allow, Allow, Allow, Allow, Allow}},
        {"GET /network/coalitions/{id}", {Allow, Allow, Allow, Allow, Allow}},
        {"GET /network/coalitions/new", {SignIn, Deny, Deny, Allow, Allow}},
        {"POST /network/coalitions/new", {Deny, Deny, Deny, Allow, Allow}},  // an empty form: 422
        // Coalition 1 is made Asia-Pacific's only: not the coordinator's region.
        {"GET /network/coalitions/{id}/edit", {SignIn, Deny, Deny, Deny, Allow}},
        {"POST /network/coalitions/{id}/edit", {Deny, Deny, Deny, Deny, Allow}},  // the admin's empty form: 422
        // Union reps set their union's stance; members A and B represent their unions (the bargaining table's
        // setup) but an empty form names no union of theirs.
        {"POST /network/coalitions/{id}/unions", {Deny, Deny, Deny, Deny, Deny}},
        {"POST /network/practices/{id}/moderate", {Deny, Deny, Deny, Deny, Allow}},  // the admin's empty decision: 422
        {"GET /network/apply", {SignIn, Allow, Allow, Allow, Allow}},
        {"POST /network/apply", {Deny, Allow, Allow, Allow, Allow}},  // an empty form: 422, nothing stored
        // Application 1 is member A's, for Asia-Pacific: the coordinator works elsewhere.
        {"GET /network/applications", {SignIn, Deny, Deny, Allow, Allow}},
        {"POST /network/applications/{id}/decide", {Deny, Deny, Deny, Deny, Allow}},  // the admin's empty decision: 422
    },
    {{"{id}", "1"}, {"{region}", "asia-pacific"}},
    [](App& app, const Personas& p) {
        network::NetworkStore st(app.db());
        if (auto c = st.get(1)) {
            c->region = "asia-pacific";
            c->state = "published";
            c->visibility = "public";
            st.update(*c, 0);
        } else {
            auto s = sample("asia-pacific", "chatbot");
            ASSERT_TRUE(network::validate(s).empty());
            st.create(s, 0);
        }
        if (auto k = st.coalition(1)) {
            k->regions = {"asia-pacific"};
            st.update_coalition(*k, 0);
        } else {
            network::Coalition made;
            made.regions = {"asia-pacific"};
            made.texts.push_back({"en", "Public data commons", "Keep public data public.", ""});
            ASSERT_TRUE(network::validate(made).empty());
            st.create_coalition(made, 0);
        }
        if (!st.question(1)) {
            network::Question q;
            q.region = "asia-pacific";
            q.author_id = p.user_ids[1];
            q.title = "Has anyone negotiated over RotaWise?";
            q.visibility = "public";
            ASSERT_TRUE(network::validate(q).empty());
            st.create_question(q, 0);
        }
        if (!st.application(1)) {
            network::Application a;
            a.user_id = p.user_ids[1];
            a.union_name = "Union A";
            a.region = "asia-pacific";
            a.languages = {"en"};
            a.experience = a.motivation = "Twenty characters or more of text.";
            ASSERT_TRUE(network::validate(a).empty());
            st.create_application(a, 0);
        }
    },
    // A hub reads itself (1), its DROs and coordinators (2), their consents (1) and profiles (1), its
    // newest cases (3), its open questions (2), and every module's region section (the training
    // cycles and library materials: 6 today).
    {{"GET /network/hubs/{region}", 19}},
    // Twenty more published cases sharing technologies and a product: lists, the feed and "similar
    // cases" must not cost more.
    [](App& app, const Personas&) {
        network::NetworkStore st(app.db());
        for (int i = 0; i < 20; ++i) {
            auto c = sample(i % 2 ? "asia-pacific" : "latin-america", i % 3 ? "chatbot" : "cctv");
            ASSERT_TRUE(network::validate(c).empty());
            st.create(c, i);
        }
    },
});

TEST(NetworkRouteTable, IsRegisteredOnceAndWellFormed) { EXPECT_EQ(route_table_problems("network"), std::vector<std::string>{}); }

}  // namespace
}  // namespace avenir::testing
