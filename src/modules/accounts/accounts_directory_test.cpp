// The people directory other modules see (kit::Directory), on both backends: cards by id in one
// query, role holders of a region, consents currently given, unions' regions, e-mail lookup.
#include <gtest/gtest.h>

#include "modules/accounts/accounts_module.hpp"
#include "storage/database.hpp"
#include "tests/http/http_fixture.hpp"

namespace avenir::testing {
namespace {

class AccountsDirectory : public ::testing::TestWithParam<std::string> {
protected:
    void SetUp() override {
        db_ = std::make_unique<TestDatabase>(GetParam());
        if (pg_unavailable(*db_)) GTEST_SKIP() << "AVENIR_TEST_PG_DSN not set; make test provides one";
        app_ = std::make_unique<App>(test_config(db_->url()), true);
    }
    std::unique_ptr<TestDatabase> db_;
    std::unique_ptr<App> app_;
};

TEST_P(AccountsDirectory, AnswersWhatOtherModulesMayKnowOfPeople) {
    auto& accounts = app_->module<accounts::AccountsModule>();
    const auto a = accounts.create_user("amina@example.org", "Amina", "");
    const auto b = accounts.create_user("bruno@example.org", "Bruno", "");
    const auto c = accounts.create_user("chen@example.org", "Chen", "");
    accounts.store().set_preferences(a, "fr", "Africa/Dakar");
    accounts.grant("amina@example.org", {"facilitator", "region", "africa-mena"});
    accounts.grant("bruno@example.org", {"interpreter", "region", "africa-mena"});
    accounts.grant("chen@example.org", {"facilitator", "region", "asia-pacific"});
    accounts.store().give_consent(a, "recorded", 1);
    accounts.store().give_consent(b, "recorded", 1);
    accounts.store().withdraw_consent(b, "recorded", 2);
    const auto u = accounts.store().create_union({0, "Teachers Union", "Senegal", "africa-mena", "education"}, 0);

    const kit::Directory& d = app_->extensions().one<kit::Directory>();
    const auto cards = d.people({c, a, a, 999999});
    ASSERT_EQ(cards.size(), 2u);
    EXPECT_EQ(cards[0].id, a);
    EXPECT_EQ(cards[0].name, "Amina");
    EXPECT_EQ(cards[0].lang, "fr");
    EXPECT_EQ(cards[0].time_zone, "Africa/Dakar");
    EXPECT_TRUE(d.people({}).empty());
    const auto facilitators = d.holders("facilitator", "africa-mena");
    ASSERT_EQ(facilitators.size(), 1u);
    EXPECT_EQ(facilitators[0].id, a);
    ASSERT_EQ(d.holders("interpreter", "africa-mena").size(), 1u);  // the role added for training
    EXPECT_EQ(d.consenting({a, b, c}, "recorded"), (std::set<std::int64_t>{a}));
    EXPECT_EQ(d.union_regions({u, 424242}), (std::map<std::int64_t, std::string>{{u, "africa-mena"}}));
    ASSERT_TRUE(d.by_email(" AMINA@example.org "));
    EXPECT_EQ(d.by_email("amina@example.org")->id, a);
    EXPECT_FALSE(d.by_email("nobody@example.org"));
}

INSTANTIATE_TEST_SUITE_P(Backends, AccountsDirectory, ::testing::Values("sqlite", "postgres"), [](const auto& info) { return info.param; });

}  // namespace
}  // namespace avenir::testing
