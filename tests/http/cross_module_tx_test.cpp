// Storage that composes: stores built over a Transaction join it, so one transaction spans
// several modules' writes and rolls them all back together. On SQLite and PostgreSQL.
#include <gtest/gtest.h>

#include <stdexcept>

#include "http_fixture.hpp"
#include "modules/guide/guide_plan_store.hpp"
#include "modules/library/library_store.hpp"

namespace avenir::testing {
namespace {

class CrossModuleTx : public ::testing::TestWithParam<std::string> {
protected:
    void SetUp() override {
        db_ = std::make_unique<TestDatabase>(GetParam());
        if (pg_unavailable(*db_)) GTEST_SKIP() << "no PostgreSQL (AVENIR_TEST_PG_DSN)";
        app_ = std::make_unique<App>(test_config(db_->url()), true);
        owner_ = app_->module<accounts::AccountsModule>().create_user("facilitator@example.org", "Facilitator", "");
    }
    static library::Resource resource() {
        library::Resource r;
        r.type = "guide";
        r.regions = {"africa-mena"};
        r.themes = {4};
        r.date = "2025-03-01";
        r.versions.push_back({"en", "Joint governance checklist", "", "", "", "", {}});
        return r;
    }
    std::int64_t count(const std::string& table) {
        return app_->db().exec("SELECT count(*) AS n FROM " + table).at(0).get_int("n");
    }
    // Writes through three modules: a library resource, a guide plan, and the audit log kept by
    // accounts; then throws when asked to.
    void write_all(bool fail) {
        app_->db().with_tx([&](storage::Transaction& tx) {
            const auto id = library::LibraryStore(tx).create(resource(), owner_, 1);
            guide::PlanStore(tx).create(owner_, "Session on resource " + std::to_string(id), 180, "token-" + std::to_string(id), 1);
            app_->audit().record(tx, {"library_resource_created", owner_, std::nullopt, std::to_string(id)});
            if (fail) throw std::runtime_error("the third write failed");
        });
    }

    std::unique_ptr<TestDatabase> db_;
    std::unique_ptr<App> app_;
    std::int64_t owner_ = 0;
};

TEST_P(CrossModuleTx, ARollbackUndoesTheWritesOfEveryModule) {
    const auto audit_before = count("accounts_audit");
    EXPECT_THROW(write_all(true), std::runtime_error);
    EXPECT_EQ(count("library_resources"), 0);
    EXPECT_EQ(count("library_versions"), 0);
    EXPECT_EQ(count("guide_plans"), 0);
    EXPECT_EQ(count("accounts_audit"), audit_before);
}

TEST_P(CrossModuleTx, ACommitKeepsThemAll) {
    const auto audit_before = count("accounts_audit");
    write_all(false);
    EXPECT_EQ(count("library_resources"), 1);
    EXPECT_EQ(count("guide_plans"), 1);
    EXPECT_EQ(count("accounts_audit"), audit_before + 1);
}

TEST_P(CrossModuleTx, AStoreMethodThatOpensItsOwnTransactionJoinsTheCallers) {
    // LibraryStore::create runs with_tx() itself; inside the caller's transaction it must join it
    // (a nested BEGIN would fail) and roll back with it.
    EXPECT_THROW(app_->db().with_tx([&](storage::Transaction& tx) {
        library::LibraryStore store(tx);
        store.create(resource(), std::nullopt, 1);
        store.create(resource(), std::nullopt, 1);
        EXPECT_EQ(tx.exec("SELECT count(*) AS n FROM library_resources").at(0).get_int("n"), 2);
        throw std::runtime_error("undo");
    }),
                 std::runtime_error);
    EXPECT_EQ(count("library_resources"), 0);
}

TEST_P(CrossModuleTx, WithTxReturnsTheCallbacksValue) {
    const std::int64_t id = app_->db().with_tx([&](storage::Transaction& tx) { return library::LibraryStore(tx).create(resource(), owner_, 1); });
    EXPECT_GT(id, 0);
    EXPECT_TRUE(library::LibraryStore(app_->db()).get(id).has_value());
}

INSTANTIATE_TEST_SUITE_P(Backends, CrossModuleTx, ::testing::Values("sqlite", "postgres"), [](const auto& info) { return info.param; });

}  // namespace
}  // namespace avenir::testing
