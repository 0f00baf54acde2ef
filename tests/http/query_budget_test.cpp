// Query budgets, on SQLite and PostgreSQL: every GET route of every module, fetched by each
// persona with the page cache off, runs at most kDefaultBudget SQL statements (or its module's
// stated budget), session lookup included. Then each module adds more of what its lists show
// (RouteTable::grow) and no page may cost more than before: lists are read in one query, never
// one per item. Routes come from the router, so a new module's pages are held to the same rule.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <map>

#include "storage/database.hpp"
#include "tests/http/persona_fixture.hpp"

namespace avenir::testing {
namespace {

// Statements run by each (persona, route) GET; the path is the route's concrete path.
using Costs = std::map<std::string, std::uint64_t>;

class QueryBudget : public ::testing::TestWithParam<std::string> {
protected:
    void SetUp() override {
        world_ = std::make_unique<PersonaApp>(GetParam(), std::vector<std::unique_ptr<kit::Module>>{}, /*page cache off*/ 0);
        if (!world_->ready()) {
            if (pg_unavailable(world_->database())) GTEST_SKIP() << "no PostgreSQL (AVENIR_TEST_PG_DSN)";
        }
    }

    Costs measure() {
        Costs out;
        App& app = world_->app();
        for (const auto& route : app.router().routes()) {
            if (route.method != http::Method::Get) continue;
            for (int persona = 0; persona < 5; ++persona) {
                auto headers = world_->visitor(persona, accounts::random_token());
                call(app.pipeline(), http::Method::Get, concrete(route), headers);  // warm: snapshots, prepared statements
                headers = world_->visitor(persona, accounts::random_token());
                const auto before = storage::statements_on_this_thread();
                const auto r = call(app.pipeline(), http::Method::Get, concrete(route), headers);
                const auto cost = storage::statements_on_this_thread() - before;
                EXPECT_LT(r.res.status, 500) << route_key(route) << " as " << kPersonaNames[persona];
                out[std::string(kPersonaNames[persona]) + " " + route_key(route)] = cost;
            }
        }
        return out;
    }

    static int budget_of(const std::string& key) {
        // key: "<persona> GET /pattern"; budgets are per route, for every persona.
        for (const auto& t : route_tables())
            for (const auto& [route, budget] : t.budgets)
                if (key.ends_with(" " + route)) return budget;
        return kDefaultBudget;
    }

    std::unique_ptr<PersonaApp> world_;
};

TEST_P(QueryBudget, EveryPageStaysWithinItsBudget) {
    const Costs costs = measure();
    ASSERT_GT(costs.size(), 20u);
    for (const auto& [key, cost] : costs) EXPECT_LE(cost, static_cast<std::uint64_t>(budget_of(key))) << key;
    if (std::getenv("AVENIR_PRINT_QUERY_COSTS"))  // the figures for a closing note or the README
        for (const auto& [key, cost] : costs) std::printf("statements %s: %llu\n", key.c_str(), static_cast<unsigned long long>(cost));
}

TEST_P(QueryBudget, ListPagesDoNotRunAQueryPerItem) {
    const Costs before = measure();
    for (const auto& t : route_tables())
        if (t.grow) t.grow(world_->app(), world_->personas());
    const Costs after = measure();
    for (const auto& [key, cost] : after) EXPECT_LE(cost, before.at(key)) << key << ": more items cost more statements";
}

TEST_P(QueryBudget, TheCounterSeesEveryStatement) {
    // The guard itself: a handler that reads in a loop is seen doing it.
    const auto before = storage::statements_on_this_thread();
    for (int i = 0; i < 5; ++i) world_->app().db().exec("SELECT 1");
    world_->app().db().with_tx([](storage::Transaction& tx) { tx.exec("SELECT 1"); });
    EXPECT_EQ(storage::statements_on_this_thread() - before, 8u);  // 5 + BEGIN + SELECT + COMMIT
}

INSTANTIATE_TEST_SUITE_P(Backends, QueryBudget, ::testing::Values("sqlite", "postgres"), [](const auto& info) { return info.param; });

}  // namespace
}  // namespace avenir::testing
