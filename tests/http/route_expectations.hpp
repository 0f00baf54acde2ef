#pragma once
// The route-security matrix (tests/http/route_security_test.cpp) tries every route of the router
// with every persona. What each persona should get is declared per module, beside the module:
// src/modules/<name>/<name>_routes_test.cpp registers its table with register_route_table(). A
// route whose module has no row for it fails the matrix, so a new module's routes are picked up
// from its registration and must be listed.
#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace avenir {
class App;
}

namespace avenir::testing {

enum class Outcome { Allow, SignIn, Deny };

// The personas, in the order of an expectation row: anonymous, member of union A, member of
// union B, coordinator of another region (europe-caribbean), admin.
inline constexpr const char* kPersonaNames[] = {"anonymous", "member of union A", "member of union B", "coordinator elsewhere",
                                                "admin"};
struct Personas {
    std::int64_t union_a = 0, union_b = 0;
    std::array<std::int64_t, 5> user_ids{};  // [0] unused (anonymous)
};

struct RouteTable {
    std::string module;  // as kit::Module::name(); "" for the platform's own routes
    // "METHOD /pattern" -> the outcome for each persona.
    std::map<std::string, std::array<Outcome, 5>> routes;
    // Path parameter -> the value used to try the route ("{id}" -> "1").
    std::map<std::string, std::string> values;
    // Data the routes need before they are tried (e.g. a resource 1 in one region).
    std::function<void(App&, const Personas&)> setup;
    // Query budgets (tests/http/query_budget_test.cpp): every GET route is fetched by each persona
    // and may run at most kDefaultBudget SQL statements, or the number given here.
    std::map<std::string, int> budgets = {};
    // Adds more of what the module's list pages show (more resources, people, plans...): after it,
    // no page may run more statements than before (no query per item).
    std::function<void(App&, const Personas&)> grow = {};
};

inline constexpr int kDefaultBudget = 10;

// Adds a module's table; returns true so it can initialise a namespace-scope constant.
bool register_route_table(RouteTable table);
// What is wrong with a module's table as written (each module's <m>_routes_test.cpp expects none):
// registered once, every row "GET /path" or "POST /path", every {parameter} of a row given a value
// to try, every query budget naming a row of the table.
std::vector<std::string> route_table_problems(const std::string& module);
const std::vector<RouteTable>& route_tables();

}  // namespace avenir::testing
