// Who may reach each search route (tried by tests/http/route_security_test.cpp).
#include <gtest/gtest.h>

#include "tests/http/route_expectations.hpp"

namespace avenir::testing {
namespace {
using enum Outcome;

// Personas: anonymous, member of union A, member of union B, coordinator elsewhere, admin.
const bool kRegistered = register_route_table({
    "sitesearch",
    {
        {"GET /search", {Allow, Allow, Allow, Allow, Allow}},
    },
    {},
    {},
});

TEST(SitesearchRouteTable, IsRegisteredOnceAndWellFormed) { EXPECT_EQ(route_table_problems("sitesearch"), std::vector<std::string>{}); }

}  // namespace
}  // namespace avenir::testing
