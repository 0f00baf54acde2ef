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
        {"GET /network/coalitions", {Allow, Allow, Allow, Allow, Allow}},
        {"GET /network/coalitions/feed.atom", {Allow, Allow, Allow, Allow, Allow}},
        {"GET /network/coalitions/{id}", {Allow, Allow, Allow, Allow, Allow}},
        {"POST /network/practices/{id}/moderate", {Deny, Deny, Deny, Deny, Allow}},  // the admin's empty decision: 422
    },
    {{"{id}", "1"}, {"{region}", "asia-pacific"}},
    [](App& app, const Personas&) {
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
    },
    // A hub reads itself (1), its DROs and coordinators (2) and their consents (1), its newest cases
    // (3), and every module's region section (the training cycles and library materials: 6 today).
    {{"GET /network/hubs/{region}", 16}},
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
