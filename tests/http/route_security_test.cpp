// Generated from the router: every state-changing route rejects a missing or wrong CSRF token,
// and every route answers each kind of visitor exactly as the expectations below say. A route
// missing from the expectations fails the test, so new routes must be added here.
#include <gtest/gtest.h>

#include <regex>

#include <map>
#include <set>
#include <sstream>

#include "tests/http/persona_fixture.hpp"

namespace avenir::testing {

bool register_route_table(RouteTable table);
const std::vector<RouteTable>& route_tables();

namespace {
using http::Method;
using enum Outcome;
std::vector<RouteTable>& tables();

std::vector<RouteTable>& tables() {
    static std::vector<RouteTable> all;
    return all;
}

// The platform's own routes (static files, health).
const bool kPlatform = register_route_table({"",
                                             {{"GET /healthz", {Allow, Allow, Allow, Allow, Allow}},
                                              {"GET /metrics", {Deny, Deny, Deny, Deny, Deny}},  // only server.metrics_allow
                                              {"GET /static/{path...}", {Allow, Allow, Allow, Allow, Allow}}},
                                             {{"{path...}", "app.css"}},
                                             {}});

std::string key(const http::Route& r) { return route_key(r); }

class RouteSecurity : public ::testing::Test {
protected:
    void SetUp() override { start({}); }
    void start(std::vector<std::unique_ptr<kit::Module>> extra) {
        world_ = std::make_unique<PersonaApp>("sqlite", std::move(extra));
        app_ = &world_->app();
    }
    std::vector<std::pair<std::string, std::string>> visitor(int i, const std::string& csrf_cookie) { return world_->visitor(i, csrf_cookie); }
    std::string token_for(const std::vector<std::pair<std::string, std::string>>& headers) { return world_->token_for(headers); }
    std::vector<std::string> authorization_failures();
    Outcome outcome_of(const Reply& r) {
        if (r.res.status == 303 && r.res.header("location").value_or("").find("/account/sign-in") != std::string::npos)
            return Outcome::SignIn;
        if (r.res.status == 403) return Outcome::Deny;
        return Outcome::Allow;
    }

    std::unique_ptr<PersonaApp> world_;
    App* app_ = nullptr;
};

// Routes whose state-changing requests were accepted without a valid token.
std::vector<std::string> csrf_gaps(const http::Pipeline& pipeline, const std::vector<http::Route>& routes,
                                   const std::vector<std::pair<std::string, std::string>>& headers) {
    std::vector<std::string> gaps;
    for (const auto& route : routes) {
        if (!http::is_state_changing(route.method)) continue;
        for (const std::string& body : {std::string("a=1"), std::string("_csrf=not-the-token")}) {
            const auto r = call(pipeline, route.method, concrete(route), headers, body);
            if (r.res.status != 403 || r.body.find("expired") == std::string::npos) gaps.push_back(key(route) + " with " + body);
        }
    }
    return gaps;
}

TEST_F(RouteSecurity, EveryStateChangingRouteRejectsAMissingOrWrongCsrfToken) {
    const auto gaps = csrf_gaps(app_->pipeline(), app_->router().routes(), visitor(1, accounts::random_token()));
    EXPECT_TRUE(gaps.empty()) << ::testing::PrintToString(gaps);
    std::size_t checked = 0;
    for (const auto& r : app_->router().routes()) checked += http::is_state_changing(r.method);
    EXPECT_GE(checked, 4u);
}

TEST_F(RouteSecurity, AnUnprotectedRouteIsCaught) {
    // The same router behind a pipeline without the guard: the check must report its POST routes.
    http::PipelineOptions bare;
    http::Pipeline unguarded(app_->router(), bare);
    EXPECT_FALSE(csrf_gaps(unguarded, app_->router().routes(), visitor(0, accounts::random_token())).empty());
}

TEST_F(RouteSecurity, ACrossSiteOriginIsRefusedEvenWithAToken) {
    auto headers = visitor(0, accounts::random_token());
    const std::string token = token_for(headers);
    for (auto& h : headers)
        if (h.first == "origin") h.second = "https://evil.example";
    const auto r = call(app_->pipeline(), Method::Post, "/account/sign-in", headers, "_csrf=" + http::url_encode(token) + "&email=x");
    EXPECT_EQ(r.res.status, 403);
}

// Routes whose answers differ from their module's table, or that are missing from it.
std::vector<std::string> RouteSecurity::authorization_failures() {
    std::vector<std::string> failures;
    for (const auto& route : app_->router().routes()) {
        const std::string& owner = route.options.owner;
        const RouteTable* table = table_of(owner);
        const auto it = table ? table->routes.find(key(route)) : std::map<std::string, std::array<Outcome, 5>>::const_iterator{};
        if (!table || it == table->routes.end()) {
            failures.push_back(key(route) + " is missing from the expectations of module " + (owner.empty() ? "(platform)" : owner) +
                               (owner.empty() ? "" : " (src/modules/" + owner + "/" + owner + "_routes_test.cpp)"));
            continue;
        }
        for (int i = 0; i < 5; ++i) {
            auto headers = visitor(i, accounts::random_token());
            std::string body;
            if (http::is_state_changing(route.method)) body = "_csrf=" + http::url_encode(token_for(headers));
            const auto r = call(app_->pipeline(), route.method, concrete(route), headers, body);
            if (outcome_of(r) != it->second[static_cast<std::size_t>(i)])
                failures.push_back(key(route) + " for " + kPersonaNames[i] + ": status " + std::to_string(r.res.status));
        }
    }
    return failures;
}

TEST_F(RouteSecurity, EveryRouteAnswersEachVisitorAsExpected) {
    const auto failures = authorization_failures();
    EXPECT_TRUE(failures.empty()) << ::testing::PrintToString(failures);
}

// A module added to the list: its routes come into the matrix through its registration alone.
class ForgottenModule final : public kit::Module {
public:
    std::string name() const override { return "forgotten"; }
    void start(kit::Context&, kit::Registration& reg) override {
        reg.get("/test/forgotten", "public", [](http::Request&) { return http::Response::text("open"); });
    }
};

TEST_F(RouteSecurity, ARouteOfANewModuleMissingFromTheExpectationsFails) {
    std::vector<std::unique_ptr<kit::Module>> extra;
    extra.push_back(std::make_unique<ForgottenModule>());
    start(std::move(extra));
    const auto failures = authorization_failures();
    ASSERT_EQ(failures.size(), 1u) << ::testing::PrintToString(failures);
    EXPECT_NE(failures[0].find("GET /test/forgotten is missing from the expectations of module forgotten"), std::string::npos) << failures[0];
}

TEST_F(RouteSecurity, EveryModuleHasAnExpectationsTableAndNoStaleRows) {
    // A row for a route that no longer exists is a stale promise: remove it with the route.
    std::set<std::string> live;
    for (const auto& r : app_->router().routes()) live.insert(r.options.owner + " " + key(r));
    for (const auto& t : route_tables())
        for (const auto& [k, outcomes] : t.routes) EXPECT_TRUE(live.contains(t.module + " " + k)) << t.module << ": " << k;
    for (const auto& m : app_->modules()) EXPECT_NE(table_of(m->name()), nullptr) << m->name() << " has no route table";
}

TEST_F(RouteSecurity, EveryRouteNamesAKnownPermission) {
    for (const auto& route : app_->router().routes()) EXPECT_TRUE(app_->access().known(route.options.permission)) << key(route);
}

}  // namespace

bool register_route_table(RouteTable table) {
    tables().push_back(std::move(table));
    return true;
}

const std::vector<RouteTable>& route_tables() { return tables(); }

std::vector<std::string> route_table_problems(const std::string& module) {
    std::vector<std::string> problems;
    const RouteTable* found = nullptr;
    int registered = 0;
    for (const auto& t : tables())
        if (t.module == module) found = &t, ++registered;
    if (registered != 1) return {module + ": route table registered " + std::to_string(registered) + " times"};
    if (found->routes.empty()) problems.push_back(module + ": no routes");
    const std::regex row("(GET|POST) /[^ ]*");
    const std::regex parameter("\\{[a-z_]+(\\.\\.\\.)?\\}");
    for (const auto& [key, outcomes] : found->routes) {
        if (!std::regex_match(key, row)) problems.push_back(module + ": \"" + key + "\" is not \"GET /path\" or \"POST /path\"");
        for (std::sregex_iterator it(key.begin(), key.end(), parameter), end; it != end; ++it)
            if (!found->values.contains(it->str())) problems.push_back(module + ": " + key + " has no value to try for " + it->str());
    }
    for (const auto& [route, budget] : found->budgets) {
        if (!found->routes.contains(route)) problems.push_back(module + ": budget for " + route + ", which the table does not list");
        if (budget <= 0) problems.push_back(module + ": budget for " + route + " is not positive");
    }
    return problems;
}

}  // namespace avenir::testing
