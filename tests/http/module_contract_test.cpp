// The module kit's contract, tried with a module added at runtime (as a module in the list would
// be): what it declares and registers reaches the platform with no other change. It reaches: its
// setting (with a value from the configuration), its command, its routes with their permission
// decided by its own rule, its navigation entry (shown only to whoever the permission allows), and
// its section on the programme's region pages (an extension point of another module).
#include <gtest/gtest.h>

#include <atomic>
#include <memory>
#include <string>

#include "core/kit/module.hpp"
#include "persona_fixture.hpp"

namespace avenir::testing {
namespace {

struct Seen {
    unsigned page_size = 0;
    std::atomic<int> posts{0};
};

class NoticeboardModule final : public kit::Module {
public:
    explicit NoticeboardModule(std::shared_ptr<Seen> seen) : seen_(std::move(seen)) {}
    std::string name() const override { return "noticeboard"; }
    void declare(kit::Declarations& d) override {
        d.setting({"noticeboard.page_size", "AVENIR_NOTICEBOARD_PAGE_SIZE", "30", "how many notices /noticeboard lists",
                   SettingSpec::Type::Number, 200});
        d.command({{"noticeboard", "count"}, "prints how many notices there are", {}, [] { return 0; }});
    }
    void start(kit::Context& ctx, kit::Registration& reg) override {
        seen_->page_size = ctx.config.number("noticeboard.page_size");
        reg.permission("noticeboard_post", "coordinators post notices", [](const auth::Principal* who, const http::Request&) {
            if (!who) return auth::Decision::SignIn;
            return auth::is_coordinator(*who) ? auth::Decision::Allow : auth::Decision::Deny;
        });
        reg.get("/noticeboard", "public", [](http::Request&) { return http::Response::html("<p>notices</p>"); });
        reg.post("/noticeboard/new", "noticeboard_post", [seen = seen_](http::Request&) {
            ++seen->posts;
            return http::Response::redirect("/noticeboard");
        });
        reg.nav({.path = "/noticeboard/new", .label = "Post a notice", .order = 90, .permission = "noticeboard_post"});
        reg.provide(kit::RegionSection{60, [](http::Request&, const std::string& slug) {
                                           return "<section id=\"notices-" + slug + "\">notices of " + slug + "</section>";
                                       }});
    }

private:
    std::shared_ptr<Seen> seen_;
};

class ModuleContract : public ::testing::TestWithParam<std::string> {
protected:
    void SetUp() override {
        seen_ = std::make_shared<Seen>();
        std::vector<std::unique_ptr<kit::Module>> extra;
        extra.push_back(std::make_unique<NoticeboardModule>(seen_));
        world_ = std::make_unique<PersonaApp>(GetParam(), std::move(extra), 5000,
                                              [](Config& c) { c.set("noticeboard.page_size", "7"); });
        if (!world_->ready()) GTEST_SKIP() << "no PostgreSQL (AVENIR_TEST_PG_DSN)";
    }
    Reply as(int persona, http::Method method, const std::string& target) {
        auto headers = world_->visitor(persona, accounts::random_token());
        std::string body;
        if (method == http::Method::Post) body = "_csrf=" + http::url_encode(world_->token_for(headers));
        return call(world_->app().pipeline(), method, target, headers, body);
    }
    std::shared_ptr<Seen> seen_;
    std::unique_ptr<PersonaApp> world_;
};

TEST_P(ModuleContract, ItsSettingIsDeclaredAndReadFromTheConfiguration) {
    EXPECT_EQ(seen_->page_size, 7u);
    Config fresh;
    std::vector<std::unique_ptr<kit::Module>> modules;
    modules.push_back(std::make_unique<NoticeboardModule>(seen_));
    const auto commands = declare_modules(modules, fresh);
    EXPECT_EQ(fresh.number("noticeboard.page_size"), 30u) << "the declared default";
    ASSERT_EQ(commands.size(), 1u);
    EXPECT_EQ(commands[0].path, (std::vector<std::string>{"noticeboard", "count"}));
}

TEST_P(ModuleContract, ItsRoutesAnswerWithItsOwnRuleDecidingItsPermission) {
    EXPECT_EQ(as(0, http::Method::Get, "/noticeboard").res.status, 200);
    // Anonymous: the rule says SignIn (a POST without a session is refused); a member: Deny;
    // a coordinator: Allow.
    EXPECT_EQ(as(0, http::Method::Post, "/noticeboard/new").res.status, 403);
    EXPECT_EQ(as(1, http::Method::Post, "/noticeboard/new").res.status, 403);
    EXPECT_EQ(seen_->posts.load(), 0);
    EXPECT_EQ(as(3, http::Method::Post, "/noticeboard/new").res.status, 303);
    EXPECT_EQ(seen_->posts.load(), 1);
    bool listed = false;
    for (const auto& r : world_->app().router().routes())
        if (r.pattern == "/noticeboard/new") {
            listed = true;
            EXPECT_EQ(r.options.owner, "noticeboard");
            EXPECT_EQ(r.options.permission, "noticeboard_post");
        }
    EXPECT_TRUE(listed);
}

TEST_P(ModuleContract, ItsNavigationEntryShowsToWhoeverThePermissionAllows) {
    const std::string link = "href=\"/noticeboard/new\"";
    EXPECT_EQ(as(0, http::Method::Get, "/").body.find(link), std::string::npos);
    EXPECT_EQ(as(1, http::Method::Get, "/").body.find(link), std::string::npos);
    EXPECT_NE(as(3, http::Method::Get, "/").body.find(link), std::string::npos);
}

TEST_P(ModuleContract, ItsSectionAppearsOnTheRegionPagesOfAnotherModule) {
    const auto page = as(0, http::Method::Get, "/regions/asia-pacific");
    ASSERT_EQ(page.res.status, 200);
    EXPECT_NE(page.body.find("<section id=\"notices-asia-pacific\">notices of asia-pacific</section>"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Backends, ModuleContract, ::testing::Values("sqlite", "postgres"), [](const auto& info) { return info.param; });

}  // namespace
}  // namespace avenir::testing
