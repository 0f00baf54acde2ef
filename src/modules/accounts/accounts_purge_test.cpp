// The accounts' periodic purge (job accounts.purge_expired): what can no longer be used is deleted,
// what can is kept; SQLite and PostgreSQL.
#include <gtest/gtest.h>

#include "modules/accounts/accounts_store.hpp"
#include "storage/store_test_support.hpp"

namespace avenir::accounts {
namespace {

class AccountsPurge : public storage::testing::StoreConformance {
protected:
    void SetUp() override {
        StoreConformance::SetUp();
        if (IsSkipped() || HasFatalFailure()) return;
        storage::migrate(db(), {"accounts"});
    }
};

TEST_P(AccountsPurge, DeletesExpiredSessionsTokensAndQuietThrottleEntriesOnly) {
    AccountsStore store(db());
    const std::int64_t now = 1'800'000'000;
    const auto user = store.create_user("someone@example.org", "Someone", "hash", now - 100'000, true);
    store.insert_session("idle", user, now - 4000, false);            // last seen 4000 s ago
    store.insert_session("fresh", user, now - 10, false);
    db().exec("UPDATE accounts_sessions SET created_at = $1 WHERE id_hash = 'fresh'", {now - 10});
    store.insert_session("old", user, now - 60, false);               // seen lately, opened too long ago
    db().exec("UPDATE accounts_sessions SET created_at = $1 WHERE id_hash = 'old'", {now - 50'000});
    store.insert_token("expired", user, "reset", now - 1);
    store.insert_token("valid", user, "verify", now + 3600);
    store.save_throttle("quiet", {3, now - 90'000, 0});
    store.save_throttle("locked", {9, now - 90'000, now + 600});     // still locked: kept
    store.save_throttle("recent", {1, now - 60, 0});

    // idle lifetime 1800 s, absolute 43200 s, throttle quiet after a day
    const auto purged = store.purge_expired(now, now - 1800, now - 43'200, now - 86'400);
    EXPECT_EQ(purged, 4);
    EXPECT_EQ(count("accounts_sessions"), 1);
    EXPECT_EQ(db().exec("SELECT id_hash FROM accounts_sessions").at(0).get_text(0), "fresh");
    EXPECT_EQ(db().exec("SELECT token_hash FROM accounts_tokens").at(0).get_text(0), "valid");
    EXPECT_EQ(count("accounts_throttle"), 2);
    EXPECT_EQ(store.purge_expired(now, now - 1800, now - 43'200, now - 86'400), 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, AccountsPurge, ::testing::Values("sqlite", "postgres"), [](const auto& info) { return info.param; });

}  // namespace
}  // namespace avenir::accounts
