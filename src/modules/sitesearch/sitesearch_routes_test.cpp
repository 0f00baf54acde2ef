// Who may reach each search route (tried by tests/http/route_security_test.cpp).
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

}  // namespace
}  // namespace avenir::testing
