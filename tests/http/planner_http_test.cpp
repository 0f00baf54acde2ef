// The session planner through the real pipeline, on both backends: compose, reorder, time,
// warn on overrun, share read-only; plans are private to their owner.
#include <gtest/gtest.h>

#include <regex>

#include "http_fixture.hpp"

namespace avenir::testing {
namespace {
constexpr const char* kPassword = "violet-tractor-harbour-91";

class Planner : public ::testing::TestWithParam<std::string> {
protected:
    void SetUp() override {
        db_ = std::make_unique<TestDatabase>(GetParam());
        if (pg_unavailable(*db_)) GTEST_SKIP() << "AVENIR_TEST_PG_DSN not set; make test provides one";
        app_ = std::make_unique<App>(test_config(db_->url()), true);
        app_->seed();
        for (const char* e : {"facilitator@example.org", "other@example.org"}) app_->module<accounts::AccountsModule>().create_user(e, "F", kPassword);
    }
    std::unique_ptr<Browser> signed_in(const std::string& email) { return signed_in_browser(app_->pipeline(), email, kPassword); }
    std::unique_ptr<TestDatabase> db_;
    std::unique_ptr<App> app_;
};

TEST_P(Planner, TwoWorkshopsOverrunAThreeHourSlotAndTheWarningShows) {
    auto b = signed_in("facilitator@example.org");
    b->get("/fr/guide/plans");
    auto r = b->post("/fr/guide/plans", {{"title", "Séance ODN 2, Asie-Pacifique"}, {"slot", "180"}});
    ASSERT_EQ(r.res.status, 303);
    const std::string plan = std::string(r.res.header("location").value_or(""));
    ASSERT_NE(plan.find("/fr/guide/plans/"), std::string::npos) << plan;
    r = b->get(plan);
    ASSERT_EQ(r.res.status, 200);
    EXPECT_EQ(r.body.find("role=\"alert\""), std::string::npos) << "an empty plan does not overrun";
    const std::string items = plan + "/items";
    EXPECT_EQ(b->post(items, {{"action", "add"}, {"item", "joint-governance-algorithms"}}).res.status, 303);
    b->get(plan);
    EXPECT_EQ(b->post(items, {{"action", "add"}, {"item", "why-data-and-ai-matter/welcome-no-such-step"}}).res.status, 422);
    b->get(plan);
    EXPECT_EQ(b->post(items, {{"action", "add"}, {"item", "bargaining-digital-rights"}}).res.status, 303);
    r = b->get(plan);
    EXPECT_NE(r.body.find("role=\"alert\""), std::string::npos) << "two 3-hour workshops overrun 180 minutes";
    // Reorder: the second item moves up and comes first in the run sheet.
    const auto first_before = r.body.find("Une place à la table");
    b->post(items, {{"action", "up"}, {"position", "1"}});
    r = b->get(plan);
    EXPECT_LT(r.body.find("class=\"plan-items\""), r.body.size());
    EXPECT_GT(r.body.find("Une place à la table"), first_before) << "the governance workshop is now second";
    // Drag and drop posts a move: the first item goes to the end.
    const auto order = [](const std::string& body) { return body.find("Une place à la table") < body.find("Négocier"); };
    const bool before = order(b->get(plan).body);
    EXPECT_EQ(b->post(items, {{"action", "move"}, {"position", "0"}, {"to", "1"}}).res.status, 303);
    EXPECT_NE(order(b->get(plan).body), before);
    // Start time and interpretation give clock times; consecutive interpretation lengthens the total.
    b->post(plan, {{"title", "Séance ODN 2"}, {"start", "09:30"}, {"slot", "180"}, {"factor", "100"}});
    r = b->get(plan);
    EXPECT_NE(r.body.find("<span class=\"clock\" dir=\"ltr\">09:30</span>"), std::string::npos);
    const auto total = [](const std::string& body) {
        std::smatch m;
        return std::regex_search(body, m, std::regex("<dd>([^<·]+)")) ? m[1].str() : std::string();
    };
    const std::string plain = total(r.body);
    b->post(plan, {{"title", "Séance ODN 2"}, {"start", "09:30"}, {"slot", "180"}, {"factor", "150"}});
    r = b->get(plan);
    EXPECT_NE(total(r.body), plain) << "interpretation changes the total";
    EXPECT_EQ(b->post(plan, {{"start", "9h30"}, {"slot", "180"}, {"factor", "100"}}).res.status, 422);
    // Remove both items: the warning goes.
    b->get(plan);
    b->post(items, {{"action", "remove"}, {"position", "0"}});
    b->get(plan);
    b->post(items, {{"action", "remove"}, {"position", "0"}});
    EXPECT_EQ(b->get(plan).body.find("role=\"alert\""), std::string::npos);
}

TEST_P(Planner, PlansArePrivateButTheShareLinkIsReadOnlyForAnyone) {
    auto owner = signed_in("facilitator@example.org");
    owner->get("/guide/plans");
    const std::string plan = std::string(owner->post("/guide/plans", {{"title", "Leaders, session 1"}, {"slot", "180"}}).res.header("location").value_or(""));
    owner->get(plan);
    owner->post(plan + "/items", {{"action", "add"}, {"item", "why-data-and-ai-matter"}});
    const auto page = owner->get(plan);
    std::smatch m;
    ASSERT_TRUE(std::regex_search(page.body, m, std::regex("href=\"(/guide/shared/[0-9a-f]{32})\"")));
    const std::string shared = m[1];
    auto other = signed_in("other@example.org");
    EXPECT_EQ(other->get(plan).res.status, 404) << "someone else's plan";
    other->get("/guide/plans");
    EXPECT_EQ(other->post(plan + "/items", {{"action", "remove"}, {"position", "0"}}).res.status, 404);
    Browser anonymous(app_->pipeline());
    const auto r = anonymous.get(shared);
    ASSERT_EQ(r.res.status, 200);
    EXPECT_NE(r.body.find("Leaders, session 1"), std::string::npos);
    EXPECT_EQ(r.body.find("name=\"action\""), std::string::npos) << "read-only: no editing buttons";
    EXPECT_EQ(anonymous.get("/guide/shared/00000000000000000000000000000000").res.status, 404);
    const auto pack = anonymous.get(shared + "/offline.zip");
    EXPECT_EQ(pack.res.status, 200);
    EXPECT_EQ(pack.res.header("content-type").value_or(""), "application/zip");
    EXPECT_EQ(pack.res.body.substr(0, 2), "PK") << "a zip archive";
}

INSTANTIATE_TEST_SUITE_P(Backends, Planner, ::testing::Values("sqlite", "postgres"), [](const auto& info) { return info.param; });

}  // namespace
}  // namespace avenir::testing
