// Who may reach each programme route (tried by tests/http/route_security_test.cpp).
#include <gtest/gtest.h>

#include "tests/http/route_expectations.hpp"

namespace avenir::testing {
namespace {
using enum Outcome;

// Personas: anonymous, member of union A, member of union B, coordinator elsewhere, admin.
const bool kRegistered = register_route_table({
    "programme",
    {
        {"GET /", {Allow, Allow, Allow, Allow, Allow}},
        {"GET /regions", {Allow, Allow, Allow, Allow, Allow}},
        {"GET /regions/{slug}", {Allow, Allow, Allow, Allow, Allow}},
        {"GET /contacts", {Allow, Allow, Allow, Allow, Allow}},
    },
    {{"{slug}", "asia-pacific"}},
    {},
});

TEST(ProgrammeRouteTable, IsRegisteredOnceAndWellFormed) { EXPECT_EQ(route_table_problems("programme"), std::vector<std::string>{}); }

}  // namespace
}  // namespace avenir::testing
