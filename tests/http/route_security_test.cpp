// Generated from the router: every state-changing route rejects a missing or wrong CSRF token,
// and every route answers each kind of visitor exactly as the expectations below say. A route
// missing from the expectations fails the test, so new routes must be added here.
#include <gtest/gtest.h>

#include <map>
#include <sstream>

#include "http_fixture.hpp"
#include "modules/accounts/accounts_security.hpp"
#include "modules/accounts/accounts_store.hpp"
#include "modules/accounts/permissions.hpp"

namespace avenir::testing {
namespace {
using http::Method;

enum class Outcome { Allow, SignIn, Deny };

// Who may reach each route: anonymous, member of union A, member of union B, coordinator of
// another region, admin.
const std::map<std::string, std::array<Outcome, 5>>& expectations() {
    using enum Outcome;
    static const std::map<std::string, std::array<Outcome, 5>> table = {
        {"GET /", {Allow, Allow, Allow, Allow, Allow}},
        {"GET /regions", {Allow, Allow, Allow, Allow, Allow}},
        {"GET /regions/{slug}", {Allow, Allow, Allow, Allow, Allow}},
        {"GET /contacts", {Allow, Allow, Allow, Allow, Allow}},
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
        {"GET /healthz", {Allow, Allow, Allow, Allow, Allow}},
        {"GET /static/{path...}", {Allow, Allow, Allow, Allow, Allow}},
        {"GET /account/sign-in", {Allow, Allow, Allow, Allow, Allow}},
        {"POST /account/sign-in", {Allow, Allow, Allow, Allow, Allow}},
        {"POST /account/sign-out", {Deny, Allow, Allow, Allow, Allow}},
        {"GET /account/register", {Allow, Allow, Allow, Allow, Allow}},
        {"POST /account/register", {Allow, Allow, Allow, Allow, Allow}},
        {"GET /account/verify", {Allow, Allow, Allow, Allow, Allow}},
        {"POST /account/verify", {Allow, Allow, Allow, Allow, Allow}},
        {"GET /account", {SignIn, Allow, Allow, Allow, Allow}},
        {"GET /account/two-factor", {SignIn, Allow, Allow, Allow, Allow}},
        {"POST /account/two-factor", {Deny, Allow, Allow, Allow, Allow}},
        {"GET /account/sign-in/code", {Allow, Allow, Allow, Allow, Allow}},
        {"POST /account/sign-in/code", {SignIn, Allow, Allow, Allow, Allow}},  // no pending sign-in: back to the form
        {"GET /account/forgot", {Allow, Allow, Allow, Allow, Allow}},
        {"POST /account/forgot", {Allow, Allow, Allow, Allow, Allow}},
        {"GET /account/reset", {Allow, Allow, Allow, Allow, Allow}},
        {"POST /account/reset", {Allow, Allow, Allow, Allow, Allow}},
        {"GET /account/password", {SignIn, Allow, Allow, Allow, Allow}},
        {"POST /account/password", {Deny, Allow, Allow, Allow, Allow}},
        {"POST /account/preferences", {Deny, Allow, Allow, Allow, Allow}},
        {"GET /account/data", {SignIn, Allow, Allow, Allow, Allow}},
        {"POST /account/consents", {Deny, Allow, Allow, Allow, Allow}},
        {"GET /account/delete", {SignIn, Allow, Allow, Allow, Allow}},
        {"POST /account/delete", {Deny, Allow, Allow, Allow, Allow}},
        {"GET /admin", {SignIn, Deny, Deny, Deny, Allow}},
        {"GET /admin/unions", {SignIn, Deny, Deny, Deny, Allow}},
        {"POST /admin/unions", {Deny, Deny, Deny, Deny, Allow}},
        {"GET /admin/people", {SignIn, Deny, Deny, Deny, Allow}},
        {"POST /admin/grants", {Deny, Deny, Deny, Deny, Allow}},
        {"GET /unions/{union_id}/members", {SignIn, Deny, Deny, Deny, Allow}},
        {"GET /coordination", {SignIn, Deny, Deny, Allow, Allow}},
        {"POST /admin/grants/revoke", {Deny, Deny, Deny, Deny, Allow}},
        {"GET /library", {Allow, Allow, Allow, Allow, Allow}},
        {"GET /library/search", {Allow, Allow, Allow, Allow, Allow}},
        {"GET /library/feed.atom", {Allow, Allow, Allow, Allow, Allow}},
        {"GET /library/feeds/regions/{slug}", {Allow, Allow, Allow, Allow, Allow}},
        {"GET /library/feeds/themes/{theme}", {Allow, Allow, Allow, Allow, Allow}},
        {"GET /library/new", {SignIn, Deny, Deny, Allow, Allow}},
        {"POST /library/new", {Deny, Deny, Deny, Allow, Allow}},  // the handler then checks the regions chosen
        {"GET /library/{id}", {Allow, Allow, Allow, Allow, Allow}},
        {"GET /library/{id}/files/{file_id}", {Allow, Allow, Allow, Allow, Allow}},
        // Resource 1 is in Asia-Pacific: the coordinator of another region may not change it.
        {"GET /library/{id}/edit", {SignIn, Deny, Deny, Deny, Allow}},
        {"POST /library/{id}/edit", {Deny, Deny, Deny, Deny, Allow}},
        {"POST /library/{id}/delete", {Deny, Deny, Deny, Deny, Allow}},  // without confirm=yes: 422, nothing deleted
        {"POST /library/{id}/files", {Deny, Deny, Deny, Deny, Allow}},
        {"POST /library/{id}/files/{file_id}/delete", {Deny, Deny, Deny, Deny, Allow}},
    };
    return table;
}

std::string key(const http::Route& r) { return std::string(http::method_name(r.method)) + " " + r.pattern; }

// A concrete path for a pattern.
std::string concrete(const std::string& pattern) {
    std::string out = pattern;
    const std::map<std::string, std::string> values{{"{slug}", "asia-pacific"}, {"{path...}", "app.css"}, {"{union_id}", "1"},
                                                      {"{id}", "1"}, {"{file_id}", "1"}, {"{theme}", "bargaining"}};
    for (const auto& [p, v] : values)
        if (auto pos = out.find(p); pos != std::string::npos) out.replace(pos, p.size(), v);
    return out;
}

class RouteSecurity : public ::testing::Test {
protected:
    void SetUp() override {
        db_ = std::make_unique<TestDatabase>("sqlite");
        app_ = std::make_unique<App>(test_config(db_->url()), true);
        app_->seed();
        store_ = std::make_unique<accounts::AccountsStore>(app_->db());
        const auto now = accounts::unix_now();
        const auto a = store_->create_union({0, "Union A", "Ghana", "africa-mena", "health"}, now);
        const auto b = store_->create_union({0, "Union B", "Peru", "latin-america", "local government"}, now);
        personas_[1] = person("member-a@example.org", {"member", "union", std::to_string(a)}, false);
        personas_[2] = person("member-b@example.org", {"member", "union", std::to_string(b)}, false);
        personas_[3] = person("coord@example.org", {"coordinator", "region", "europe-caribbean"}, true);
        personas_[4] = person("admin@example.org", {"admin", "global", ""}, true);
        std::istringstream resource(R"({"title":"Resource one","lang":"en","regions":["asia-pacific"],"themes":[5],"type":"guide","date":"2024-01-01"})");
        ASSERT_EQ(app_->library().import_jsonl(resource).imported, 1u);
    }
    std::int64_t person(const std::string& email, const auth::Grant& g, bool totp) {
        const auto id = app_->accounts().create_user(email, email.substr(0, email.find('@')), "");
        app_->accounts().grant(email, g);
        if (totp) store_->set_totp(id, std::string("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"), accounts::unix_now());
        return id;
    }
    // Headers of a visitor: a fresh session for persona i (0 = anonymous) and a CSRF cookie.
    std::vector<std::pair<std::string, std::string>> visitor(int i, const std::string& csrf_cookie) {
        std::string cookies = std::string(accounts::kCsrfCookie) + "=" + csrf_cookie;
        if (i > 0) {
            const std::string id = accounts::random_token();
            store_->insert_session(accounts::token_hash(id), personas_[i], accounts::unix_now(), true);
            cookies += std::string("; ") + accounts::kSessionCookie + "=" + id;
        }
        return {{"cookie", cookies}, {"host", "avenir.test"}, {"origin", "http://avenir.test"},
                {"content-type", "application/x-www-form-urlencoded"}};
    }
    // The token a form would carry for these headers.
    std::string token_for(const std::vector<std::pair<std::string, std::string>>& headers) {
        http::Request req;
        req.headers = headers;
        req.target = "/";
        app_->pipeline().prepare(req);
        accounts::Security security(*store_, {});
        return security.csrf_token(req);
    }
    std::vector<std::string> authorization_failures();
    Outcome outcome_of(const Reply& r) {
        if (r.res.status == 303 && r.res.header("location").value_or("").find("/account/sign-in") != std::string::npos)
            return Outcome::SignIn;
        if (r.res.status == 403) return Outcome::Deny;
        return Outcome::Allow;
    }

    std::unique_ptr<TestDatabase> db_;
    std::unique_ptr<App> app_;
    std::unique_ptr<accounts::AccountsStore> store_;
    std::array<std::int64_t, 5> personas_{};
};

// Routes whose state-changing requests were accepted without a valid token.
std::vector<std::string> csrf_gaps(const http::Pipeline& pipeline, const std::vector<http::Route>& routes,
                                   const std::vector<std::pair<std::string, std::string>>& headers) {
    std::vector<std::string> gaps;
    for (const auto& route : routes) {
        if (!http::is_state_changing(route.method)) continue;
        for (const std::string& body : {std::string("a=1"), std::string("_csrf=not-the-token")}) {
            const auto r = call(pipeline, route.method, concrete(route.pattern), headers, body);
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

// Routes whose answers differ from the expectations, or that are missing from them.
std::vector<std::string> RouteSecurity::authorization_failures() {
    const char* names[] = {"anonymous", "member of union A", "member of union B", "coordinator elsewhere", "admin"};
    std::vector<std::string> failures;
    for (const auto& route : app_->router().routes()) {
        const auto it = expectations().find(key(route));
        if (it == expectations().end()) {
            failures.push_back(key(route) + " is missing from the expectations");
            continue;
        }
        for (int i = 0; i < 5; ++i) {
            auto headers = visitor(i, accounts::random_token());
            std::string body;
            if (http::is_state_changing(route.method)) body = "_csrf=" + http::url_encode(token_for(headers));
            const auto r = call(app_->pipeline(), route.method, concrete(route.pattern), headers, body);
            if (outcome_of(r) != it->second[i])
                failures.push_back(key(route) + " for " + names[i] + ": status " + std::to_string(r.res.status));
        }
    }
    return failures;
}

TEST_F(RouteSecurity, EveryRouteAnswersEachVisitorAsExpected) {
    const auto failures = authorization_failures();
    EXPECT_TRUE(failures.empty()) << ::testing::PrintToString(failures);
}

TEST_F(RouteSecurity, ARouteMissingFromTheExpectationsFails) {
    app_->router().get("/test/forgotten", [](http::Request&) { return http::Response::text("open"); }, {.permission = "public"});
    const auto failures = authorization_failures();
    ASSERT_EQ(failures.size(), 1u) << ::testing::PrintToString(failures);
    EXPECT_NE(failures[0].find("GET /test/forgotten is missing"), std::string::npos);
}

TEST_F(RouteSecurity, EveryRouteNamesAKnownPermission) {
    const auto known = accounts::known_permissions();
    for (const auto& route : app_->router().routes())
        EXPECT_NE(std::find(known.begin(), known.end(), route.options.permission), known.end()) << key(route);
}

}  // namespace
}  // namespace avenir::testing
