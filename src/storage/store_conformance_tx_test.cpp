// StoreConformance, continued: transactions, concurrency and migrations on both backends.
#include <atomic>
#include <stdexcept>
#include <thread>

#include "storage/store_test_support.hpp"

namespace avenir::storage::testing {
namespace {

const std::vector<Migration> kTwo = {
    {"test", 1, "first", "CREATE TABLE m_a (x INTEGER);", "CREATE TABLE m_a (x INTEGER);"},
    {"test", 2, "second", "CREATE TABLE m_b (y TEXT); INSERT INTO m_b (y) VALUES ('lite');",
     "CREATE TABLE m_b (y TEXT); INSERT INTO m_b (y) VALUES ('pg');"},
};

TEST_P(StoreConformance, TransactionCommitsOnReturn) {
    db().exec("CREATE TABLE t (n INTEGER)");
    db().with_tx([](Transaction& tx) {
        tx.exec("INSERT INTO t (n) VALUES ($1)", {std::int64_t{1}});
        tx.exec_script("INSERT INTO t (n) VALUES (2); INSERT INTO t (n) VALUES (3);");
        EXPECT_EQ(tx.exec("SELECT COUNT(*) FROM t").at(0).get_int(0), 3);
    });
    EXPECT_EQ(count("t"), 3);
}

TEST_P(StoreConformance, TransactionRollsBackOnException) {
    db().exec("CREATE TABLE t (n INTEGER)");
    EXPECT_THROW(db().with_tx([](Transaction& tx) {
        tx.exec("INSERT INTO t (n) VALUES (1)");
        throw std::runtime_error("changed my mind");
    }), std::runtime_error);
    EXPECT_EQ(count("t"), 0);
    db().with_tx([](Transaction& tx) { tx.exec("INSERT INTO t (n) VALUES (1)"); });  // connection still usable
    EXPECT_EQ(count("t"), 1);
}

TEST_P(StoreConformance, FailedStatementAbortsTransactionOnBoth) {
    db().exec("CREATE TABLE t (n INTEGER PRIMARY KEY)");
    EXPECT_THROW(db().with_tx([](Transaction& tx) {
        tx.exec("INSERT INTO t (n) VALUES (1)");
        EXPECT_THROW(tx.exec("INSERT INTO t (n) VALUES (1)"), UniqueViolation);
        EXPECT_THROW(tx.exec("SELECT 1"), DbError);  // aborted, as PostgreSQL does
    }), DbError);
    EXPECT_EQ(count("t"), 0);
}

TEST_P(StoreConformance, MisuseInsideTransactionIsALogicError) {
    db().exec("CREATE TABLE t (n INTEGER)");
    EXPECT_THROW(db().with_tx([&](Transaction&) { db().with_tx([](Transaction&) {}); }), std::logic_error);
    EXPECT_THROW(db().with_tx([&](Transaction&) { db().exec("SELECT 1"); }), std::logic_error);
    EXPECT_THROW(db().exec("BEGIN"), std::logic_error);  // transactions go through with_tx()
    db().exec("INSERT INTO t (n) VALUES (1)");           // and the pool is still healthy
    EXPECT_EQ(count("t"), 1);
}

TEST_P(StoreConformance, FourThreadsInsertConcurrently) {
    db().exec("CREATE TABLE c (" + auto_id() + ", worker INTEGER NOT NULL, n INTEGER NOT NULL)");
    std::atomic<int> failures{0};
    std::vector<std::thread> threads;
    for (int w = 0; w < 4; ++w) {
        threads.emplace_back([&, w] {
            try {
                for (int i = 0; i < 50; ++i) {
                    const std::vector<Value> p = {std::int64_t{w}, std::int64_t{i}};
                    if (i % 5 == 0)
                        db().with_tx([&](Transaction& tx) { tx.exec("INSERT INTO c (worker, n) VALUES ($1, $2)", p); });
                    else
                        db().exec("INSERT INTO c (worker, n) VALUES ($1, $2)", p);
                }
            } catch (const std::exception& e) {
                ADD_FAILURE() << e.what();
                ++failures;
            }
        });
    }
    for (auto& t : threads) t.join();
    EXPECT_EQ(failures, 0);
    EXPECT_EQ(count("c"), 200);
    EXPECT_EQ(db().exec("SELECT COUNT(DISTINCT id) FROM c").at(0).get_int(0), 200);
}

int version_of(Database& db, const std::string& module) {
    const auto versions = schema_versions(db);
    const auto it = versions.find(module);
    return it == versions.end() ? 0 : it->second;
}

TEST_P(StoreConformance, MigrationsApplyOnceInOrder) {
    EXPECT_TRUE(schema_versions(db()).empty());
    EXPECT_EQ(migrate(db(), {}, kTwo), 2);
    EXPECT_EQ(version_of(db(), "test"), 2);
    EXPECT_EQ(db().exec("SELECT y FROM m_b").at(0).get_text("y"), sqlite() ? "lite" : "pg");
    EXPECT_EQ(migrate(db(), {}, kTwo), 0);
    auto three = kTwo;
    three.push_back({"test", 3, "third", "CREATE TABLE m_c (z INTEGER);", "CREATE TABLE m_c (z INTEGER);"});
    EXPECT_EQ(migrate(db(), {}, three), 1);
    EXPECT_EQ(version_of(db(), "test"), 3);
    const Result rows = db().exec("SELECT version, name, applied_at FROM avenir_migrations WHERE module = 'test' ORDER BY version");
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_EQ(rows.at(2).get_text("name"), "third");
    EXPECT_FALSE(rows.at(2).get_text("applied_at").empty());
}

TEST_P(StoreConformance, ModulesMigrateInTheGivenOrder) {
    // "b" writes into a table of "z": by name it would run first and fail; the order given wins.
    const std::vector<Migration> two_modules = {
        {"b", 1, "b", "INSERT INTO mz (id) VALUES (1);", "INSERT INTO mz (id) VALUES (1);"},
        {"z", 1, "z", "CREATE TABLE mz (id INTEGER PRIMARY KEY);", "CREATE TABLE mz (id BIGINT PRIMARY KEY);"},
    };
    EXPECT_EQ(migrate(db(), {"z", "b"}, two_modules), 2);
    EXPECT_EQ(count("mz"), 1);
    EXPECT_EQ(version_of(db(), "z"), 1);
    EXPECT_EQ(version_of(db(), "b"), 1);
}

TEST_P(StoreConformance, BuiltinMigrationsApply) {
    const auto& builtin = builtin_migrations();
    ASSERT_FALSE(builtin.empty());
    EXPECT_EQ(builtin.front().module, "core");
    EXPECT_EQ(builtin.front().version, 1);
    EXPECT_EQ(migrate(db(), {"accounts", "programme", "guide", "library"}), static_cast<int>(builtin.size()));
    for (const auto& m : builtin) EXPECT_GE(version_of(db(), m.module), m.version) << m.module;
    EXPECT_EQ(migrate(db()), 0);
    db().exec("INSERT INTO app_state (key, value) VALUES ($1, $2)", {std::string("k"), std::string("v")});
    EXPECT_EQ(count("app_state"), 1);
}

TEST_P(StoreConformance, ALegacyGlobalSequenceIsCarriedOverByName) {
    // A database migrated before per-module sequences: versions 1..3 of one global numbering.
    db().exec("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
    db().exec("CREATE TABLE app_state (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
    db().exec("INSERT INTO schema_migrations VALUES (1, 'core', '2026-01-01T00:00:00Z')");
    const std::vector<Migration> core_only = {{"core", 1, "core", "CREATE TABLE app_state (key TEXT);", "CREATE TABLE app_state (key TEXT);"},
                                              {"core", 2, "more", "CREATE TABLE more_state (k TEXT);", "CREATE TABLE more_state (k TEXT);"}};
    EXPECT_EQ(migrate(db(), {}, core_only), 1);  // version 1 is known as applied: only "more" runs
    EXPECT_EQ(version_of(db(), "core"), 2);
    EXPECT_EQ(db().exec("SELECT applied_at FROM avenir_migrations WHERE module = 'core' AND version = 1").at(0).get_text("applied_at"),
              "2026-01-01T00:00:00Z");
    // The old table keeps only a marker that an older binary reads as "newer than me".
    const Result legacy = db().exec("SELECT version FROM schema_migrations");
    ASSERT_EQ(legacy.size(), 1u);
    EXPECT_EQ(legacy.at(0).get_int("version"), 999999);
}

TEST_P(StoreConformance, ADatabaseOfTheGlobalNumberingUpgradesWithoutReapplyingAnything) {
    // The shipped migrations as an earlier release numbered them (1..8, one sequence): its schema
    // is built from those migrations only, then marked the way that release marked it.
    const std::vector<std::string> modules = {"accounts", "programme", "guide", "library"};
    const char* legacy[] = {"core", "programme", "accounts", "programme_translated_from", "guide", "guide_plans", "guide_versions", "library"};
    auto in_legacy = [&](const Migration& m) { return std::find(std::begin(legacy), std::end(legacy), m.name) != std::end(legacy); };
    std::vector<Migration> that_release;
    int newer = 0;
    for (const auto& m : builtin_migrations()) {
        if (in_legacy(m)) that_release.push_back(m);
        else ++newer;
    }
    // Since then: core 2 (search) and 3 (jobs_mail), library 2 (search_analysis) and 3 (search_slices),
    // accounts 2 (interpreter_role), training 1 to 3, library 4 (access), network 1 to 9, bargaining 1 to 3, registry 1 to 3.
    EXPECT_EQ(newer, 24);
    migrate(db(), modules, that_release);
    db().exec("DROP TABLE avenir_migrations");
    db().exec("DELETE FROM schema_migrations");
    for (int v = 1; v <= 8; ++v)
        db().exec("INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, 'x')", {std::int64_t{v}, std::string(legacy[v - 1])});
    // Nothing of that release runs again; only what came after it.
    EXPECT_EQ(migrate(db(), modules), newer);
    EXPECT_EQ(migrate(db(), modules), 0);
    for (const auto& m : builtin_migrations()) EXPECT_GE(version_of(db(), m.module), m.version) << m.module;
}

TEST_P(StoreConformance, AnUnknownLegacyVersionIsRefused) {
    db().exec("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
    db().exec("INSERT INTO schema_migrations VALUES (12, 'from_the_future', 'x')");
    EXPECT_THROW(migrate(db(), {}, kTwo), SchemaError);
}

TEST_P(StoreConformance, FailedMigrationLeavesNothingBehind) {
    auto bad = kTwo;
    bad[1].sqlite_sql = bad[1].postgres_sql = "CREATE TABLE m_b (y TEXT); INSERT INTO no_such_table VALUES (1);";
    try {
        migrate(db(), {}, bad);
        ADD_FAILURE() << "migration should fail";
    } catch (const SchemaError& e) {
        EXPECT_NE(std::string(e.what()).find("migration test 2 (second) failed"), std::string::npos) << e.what();
    }
    EXPECT_EQ(version_of(db(), "test"), 1);
    EXPECT_THROW(db().exec("SELECT * FROM m_b"), DbError);
    EXPECT_EQ(migrate(db(), {}, kTwo), 1);
}

TEST_P(StoreConformance, NewerSchemaIsRefused) {
    migrate(db(), {}, kTwo);
    db().exec("INSERT INTO avenir_migrations (module, version, name, applied_at) VALUES ('test', 7, 'future', 'now')");
    const std::string expected =
        "database schema of module test is version 7 but this Avenir knows migrations up to 2; "
        "upgrade Avenir or restore a matching backup";
    try {
        check_schema_not_newer(db(), kTwo);
        ADD_FAILURE() << "no SchemaError";
    } catch (const SchemaError& e) {
        EXPECT_EQ(std::string(e.what()), expected);
    }
    EXPECT_THROW(migrate(db(), {}, kTwo), SchemaError);
}

TEST_P(StoreConformance, TwoInstancesMigratingAtOnceApplyEachMigrationOnce) {
    auto other = open_database(url_, 2);
    std::atomic<int> total{0};
    std::thread t([&] { total += migrate(*other, {}, kTwo); });
    total += migrate(db(), {}, kTwo);
    t.join();
    EXPECT_EQ(total, 2);
    EXPECT_EQ(count("avenir_migrations"), 2);
}

}  // namespace
}  // namespace avenir::storage::testing
