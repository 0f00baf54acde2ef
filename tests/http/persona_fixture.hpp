#pragma once
// An app with the module list (plus extra modules), the five personas of the route tables, and
// each module's data for its routes (RouteTable::setup): shared by the route-security matrix and
// the query budgets.
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "http_fixture.hpp"
#include "modules/accounts/accounts_security.hpp"
#include "modules/accounts/accounts_store.hpp"
#include "tests/http/route_expectations.hpp"

namespace avenir::testing {

class PersonaApp {
public:
    PersonaApp(const std::string& backend, std::vector<std::unique_ptr<kit::Module>> extra, unsigned page_cache_ttl_ms = 5000,
               const std::function<void(Config&)>& configure = {})
        : db_(std::make_unique<TestDatabase>(backend)) {
        if (db_->url().empty()) return;  // no PostgreSQL: the caller skips
        auto modules = make_modules();
        for (auto& m : extra) modules.push_back(std::move(m));
        Config config = test_config(db_->url());
        config.page_cache_ttl_ms = page_cache_ttl_ms;
        if (configure) configure(config);
        app_ = std::make_unique<App>(config, true, std::move(modules));
        app_->seed();
        store_ = std::make_unique<accounts::AccountsStore>(app_->db());
        const auto now = clock::unix_seconds();
        personas_.union_a = store_->create_union({0, "Union A", "Ghana", "africa-mena", "health"}, now);
        personas_.union_b = store_->create_union({0, "Union B", "Peru", "latin-america", "local government"}, now);
        personas_.user_ids[1] = person("member-a@example.org", {"member", "union", std::to_string(personas_.union_a)}, false);
        personas_.user_ids[2] = person("member-b@example.org", {"member", "union", std::to_string(personas_.union_b)}, false);
        personas_.user_ids[3] = person("coord@example.org", {"coordinator", "region", "europe-caribbean"}, true);
        personas_.user_ids[4] = person("admin@example.org", {"admin", "global", ""}, true);
        for (const auto& t : route_tables())
            if (t.setup) t.setup(*app_, personas_);
    }
    bool ready() const { return app_ != nullptr; }
    TestDatabase& database() { return *db_; }
    App& app() { return *app_; }
    const Personas& personas() const { return personas_; }
    accounts::AccountsStore& store() { return *store_; }

    std::int64_t person(const std::string& email, const auth::Grant& g, bool totp) {
        const auto id = app_->module<accounts::AccountsModule>().create_user(email, email.substr(0, email.find('@')), "");
        app_->module<accounts::AccountsModule>().grant(email, g);
        if (totp) store_->set_totp(id, std::string("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"), clock::unix_seconds());
        return id;
    }
    // Headers of a visitor: a fresh session for persona i (0 = anonymous) and a CSRF cookie.
    std::vector<std::pair<std::string, std::string>> visitor(int i, const std::string& csrf_cookie) {
        std::string cookies = std::string(accounts::kCsrfCookie) + "=" + csrf_cookie;
        if (i > 0) {
            const std::string id = accounts::random_token();
            store_->insert_session(accounts::token_hash(id), personas_.user_ids[static_cast<std::size_t>(i)], clock::unix_seconds(), true);
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

private:
    std::unique_ptr<TestDatabase> db_;
    std::unique_ptr<App> app_;
    std::unique_ptr<accounts::AccountsStore> store_;
    Personas personas_;
};

// "GET /regions/{slug}" for a route.
inline std::string route_key(const http::Route& r) { return std::string(http::method_name(r.method)) + " " + r.pattern; }

inline const RouteTable* table_of(const std::string& module) {
    for (const auto& t : route_tables())
        if (t.module == module) return &t;
    return nullptr;
}

// A concrete path for a route, with the values its module's table gives.
inline std::string concrete(const http::Route& route) {
    std::string out = route.pattern;
    if (const RouteTable* t = table_of(route.options.owner))
        for (const auto& [p, v] : t->values)
            if (auto pos = out.find(p); pos != std::string::npos) out.replace(pos, p.size(), v);
    return out;
}

}  // namespace avenir::testing
