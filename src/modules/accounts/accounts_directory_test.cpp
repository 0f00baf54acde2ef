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
    const auto unions = d.unions({u, 424242});
    ASSERT_EQ(unions.size(), 1u);
    EXPECT_EQ(unions[0].name, "Teachers Union");
    EXPECT_EQ(unions[0].country, "Senegal");
    EXPECT_EQ(unions[0].region, "africa-mena");
}

// A role granted for another module (network: an approved application) counts at once, is
// audited, is given once however often it is asked, and rolls back with the caller's transaction.
TEST_P(AccountsDirectory, GrantsARegionRoleInTheCallersTransaction) {
    auto& accounts = app_->module<accounts::AccountsModule>();
    const auto a = accounts.create_user("amina@example.org", "Amina", "");
    const auto coord = accounts.create_user("coord@example.org", "Coord", "");
    const kit::Directory& d = app_->extensions().one<kit::Directory>();
    auto& db = app_->db();
    const auto audited = [&] {
        return db.exec("SELECT count(*) AS n FROM accounts_audit WHERE event = 'role_granted' AND subject_id = $1", {a}).at(0).get_int("n");
    };
    EXPECT_THROW(db.with_tx([&](storage::Transaction& tx) {
        ASSERT_TRUE(d.grant_region_role(tx, a, "dro", "europe", coord));
        throw std::runtime_error("the caller fails after granting");
    }),
                 std::runtime_error);
    EXPECT_TRUE(d.holders("dro", "europe").empty()) << "rolled back with the caller";
    EXPECT_EQ(audited(), 0);
    db.with_tx([&](storage::Transaction& tx) {
        EXPECT_TRUE(d.grant_region_role(tx, a, "dro", "europe", coord));
        EXPECT_TRUE(d.grant_region_role(tx, a, "dro", "europe", coord));
        EXPECT_FALSE(d.grant_region_role(tx, 999999, "dro", "europe", coord));
    });
    ASSERT_EQ(d.holders("dro", "europe").size(), 1u);
    EXPECT_EQ(d.holders("dro", "europe")[0].id, a);
    EXPECT_EQ(audited(), 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, AccountsDirectory, ::testing::Values("sqlite", "postgres"), [](const auto& info) { return info.param; });

}  // namespace
}  // namespace avenir::testing
