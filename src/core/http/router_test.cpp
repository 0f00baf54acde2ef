#include "core/http/router.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

using namespace avenir::http;

namespace {

using Params = std::map<std::string, std::string, std::less<>>;

Handler named(std::string name) {
    return [name](Request&) { return Response::text(name); };
}

// Runs the matched handler and returns its body ("" when nothing matched).
std::string hit(const Router& r, Method m, std::string_view path, Params* params = nullptr) {
    Params local;
    const Match match = r.match(m, path, params ? params : &local);
    if (!match.route) return "";
    Request req;
    return match.route->handler(req).body;
}

}  // namespace

TEST(Router, LiteralAndParamSegments) {
    Router r;
    r.get("/", named("home"));
    r.get("/regions", named("regions"));
    r.get("/regions/{slug}", named("region"));
    r.get("/regions/{slug}/people/{id}", named("person"));
    Params p;
    EXPECT_EQ(hit(r, Method::Get, "/"), "home");
    EXPECT_EQ(hit(r, Method::Get, "/regions"), "regions");
    EXPECT_EQ(hit(r, Method::Get, "/regions/north", &p), "region");
    EXPECT_EQ(p.at("slug"), "north");
    EXPECT_EQ(hit(r, Method::Get, "/regions/north/people/7", &p), "person");
    EXPECT_EQ(p.at("slug"), "north");
    EXPECT_EQ(p.at("id"), "7");
    EXPECT_EQ(hit(r, Method::Get, "/regions/north/people"), "");
    EXPECT_EQ(hit(r, Method::Get, "/regions//people/7"), "");  // params are never empty
    EXPECT_EQ(hit(r, Method::Get, "/other"), "");
    EXPECT_EQ(hit(r, Method::Get, "/Regions"), "");  // case-sensitive
}

TEST(Router, TrailingSlashIsADifferentPath) {
    Router r;
    r.get("/regions", named("regions"));
    const Match m = r.match(Method::Get, "/regions/", nullptr);
    EXPECT_EQ(m.route, nullptr);
    EXPECT_TRUE(m.allowed.empty());
}

TEST(Router, CatchAllTakesTheRestOfThePath) {
    Router r;
    r.get("/static/{path...}", named("static"));
    Params p;
    EXPECT_EQ(hit(r, Method::Get, "/static/css/app.css", &p), "static");
    EXPECT_EQ(p.at("path"), "css/app.css");
    EXPECT_EQ(hit(r, Method::Get, "/static/", &p), "static");
    EXPECT_EQ(p.at("path"), "");
    EXPECT_EQ(hit(r, Method::Get, "/static"), "");
    EXPECT_EQ(hit(r, Method::Get, "/staticx/a"), "");
}

TEST(Router, StaticSegmentsWinOverParamsWhateverTheOrder) {
    Router r;
    r.get("/items/{id}", named("item"));
    r.get("/items/{rest...}", named("rest"));
    r.get("/items/new", named("new"));
    r.get("/{a}/{b}", named("generic"));
    Params p;
    EXPECT_EQ(hit(r, Method::Get, "/items/new", &p), "new");
    EXPECT_TRUE(p.empty());
    EXPECT_EQ(hit(r, Method::Get, "/items/5", &p), "item");
    EXPECT_EQ(p.at("id"), "5");
    EXPECT_EQ(hit(r, Method::Get, "/items/5/edit", &p), "rest");
    EXPECT_EQ(p.at("rest"), "5/edit");
    EXPECT_EQ(hit(r, Method::Get, "/things/5", &p), "generic");
    EXPECT_EQ(p.at("a"), "things");
}

TEST(Router, EarliestSegmentDecidesSpecificity) {
    Router r;
    r.get("/{a}/x", named("first"));
    r.get("/{b}/{c}", named("second"));
    r.get("/y/{d}", named("third"));
    EXPECT_EQ(hit(r, Method::Get, "/q/x"), "first");   // {a}/x beats {b}/{c}
    EXPECT_EQ(hit(r, Method::Get, "/y/x"), "third");  // literal in the first segment wins
}

TEST(Router, HeadMatchesGetRoutes) {
    Router r;
    r.get("/page", named("get"));
    EXPECT_EQ(hit(r, Method::Head, "/page"), "get");
    r.add(Method::Head, "/page", named("head"));
    EXPECT_EQ(hit(r, Method::Head, "/page"), "head");
}

TEST(Router, MethodMismatchListsAllowedMethodsIncludingHead) {
    Router r;
    r.get("/items/{id}", named("show"));
    r.post("/items/{id}", named("update"));
    r.add(Method::Delete, "/items/{id}", named("delete"));
    r.post("/login", named("login"));
    const Match m = r.match(Method::Put, "/items/3", nullptr);
    EXPECT_EQ(m.route, nullptr);
    EXPECT_EQ(m.allowed, (std::vector<Method>{Method::Get, Method::Head, Method::Post, Method::Delete}));
    const Match login = r.match(Method::Get, "/login", nullptr);
    EXPECT_EQ(login.route, nullptr);
    EXPECT_EQ(login.allowed, (std::vector<Method>{Method::Post}));
    const Match found = r.match(Method::Post, "/items/3", nullptr);
    ASSERT_NE(found.route, nullptr);
    EXPECT_TRUE(found.allowed.empty());
}

TEST(Router, MethodIsCheckedBeforeSpecificity) {
    Router r;
    r.get("/items/new", named("new form"));
    r.post("/items/{id}", named("update"));
    EXPECT_EQ(hit(r, Method::Post, "/items/new"), "update");
}

TEST(Router, DuplicateAndInvalidPatternsThrow) {
    Router r;
    r.get("/a/{id}", named("a"));
    EXPECT_THROW(r.get("/a/{id}", named("again")), std::logic_error);
    EXPECT_THROW(r.get("/a/{other}", named("same shape")), std::logic_error);
    EXPECT_NO_THROW(r.post("/a/{id}", named("post is fine")));
    EXPECT_THROW(r.get("no-slash", named("x")), std::logic_error);
    EXPECT_THROW(r.get("/{rest...}/x", named("x")), std::logic_error);
    EXPECT_THROW(r.get("/{a}/{a}", named("x")), std::logic_error);
    EXPECT_THROW(r.get("/{}", named("x")), std::logic_error);
    EXPECT_THROW(r.get("/x{a}", named("x")), std::logic_error);
    EXPECT_THROW(r.get("/{a-b}", named("x")), std::logic_error);
    EXPECT_EQ(r.routes().size(), 2u);
}

TEST(Router, RouteOptionsAreKept) {
    Router r;
    r.post("/upload", named("u"), RouteOptions{.permission = "library.upload", .max_body = 10 << 20});
    const Match m = r.match(Method::Post, "/upload", nullptr);
    ASSERT_NE(m.route, nullptr);
    EXPECT_EQ(m.route->options.permission, "library.upload");
    EXPECT_EQ(m.route->options.max_body, std::size_t{10 << 20});
}
