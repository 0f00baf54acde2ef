// Store pieces that need no database: placeholder rewriting, migration file checks, URL errors.
#include <gtest/gtest.h>

#include "storage/database.hpp"
#include "storage/sqlite/sqlite_connection.hpp"

namespace avenir::storage {
namespace {

TEST(StorePlaceholders, RewritesOutsideLiteralsOnly) {
    EXPECT_EQ(rewrite_placeholders("SELECT * FROM t WHERE a = $2 AND b = $1 OR c = $2"),
              "SELECT * FROM t WHERE a = ?2 AND b = ?1 OR c = ?2");
    EXPECT_EQ(rewrite_placeholders("SELECT '$1', 'it''s $1', \"$1\", `$1` -- $1\n, $10 /* $1 */"),
              "SELECT '$1', 'it''s $1', \"$1\", `$1` -- $1\n, ?10 /* $1 */");
    EXPECT_EQ(rewrite_placeholders("SELECT a$1, $$, $ FROM t"), "SELECT a$1, $$, $ FROM t");
    EXPECT_EQ(rewrite_placeholders("SELECT 'unterminated $1"), "SELECT 'unterminated $1");
}

TEST(StoreMigrationFiles, BuildsAscendingListPerDialect) {
    const auto list = load_migrations({
        {"modules/b/migrations/0003_b.sqlite.sql", "lite"},
        {"storage/migrations/0001_core.sql", "both"},
        {"modules/b/migrations/0003_b.postgres.sql", "pg"},
    });
    ASSERT_EQ(list.size(), 2u);
    EXPECT_EQ(list[0].version, 1);
    EXPECT_EQ(list[0].sqlite_sql, "both");
    EXPECT_EQ(list[0].postgres_sql, "both");
    EXPECT_EQ(list[1].name, "b");
    EXPECT_EQ(list[1].sqlite_sql, "lite");
    EXPECT_EQ(list[1].postgres_sql, "pg");
}

void expect_schema_error(const std::vector<std::pair<std::string, std::string>>& files, const std::string& needle) {
    try {
        load_migrations(files);
        ADD_FAILURE() << "no SchemaError";
    } catch (const SchemaError& e) {
        EXPECT_NE(std::string(e.what()).find(needle), std::string::npos) << e.what();
    }
}

TEST(StoreMigrationFiles, RejectsDuplicatesMissingDialectsAndBadNames) {
    expect_schema_error({{"modules/a/migrations/0002_a.sql", ""}, {"modules/b/migrations/0002_b.sql", ""}},
                        "modules/a/migrations/0002_a.sql, modules/b/migrations/0002_b.sql");
    expect_schema_error({{"m/migrations/0004_x.sql", ""}, {"m/migrations/0004_x.sqlite.sql", ""}}, "version 4");
    expect_schema_error({{"m/migrations/0005_y.sqlite.sql", ""}}, "0005_y.sqlite.sql has no .postgres.sql");
    expect_schema_error({{"m/migrations/create_users.sql", ""}}, "create_users.sql: name must be");
    expect_schema_error({{"m/migrations/0000_zero.sql", ""}}, "0000_zero.sql");
}

TEST(StoreMigrationFiles, BuiltinsStartWithCore) {
    const auto& list = builtin_migrations();
    ASSERT_FALSE(list.empty());
    EXPECT_EQ(list.front().version, 1);
    EXPECT_EQ(list.front().name, "core");
}

TEST(StoreOpen, RejectsUnknownSchemesWithoutEchoingSecrets) {
    try {
        open_database("mysql://user:hunter2@db/avenir");
        ADD_FAILURE();
    } catch (const DbError& e) {
        const std::string what = e.what();
        EXPECT_NE(what.find("\"mysql\""), std::string::npos) << what;
        EXPECT_NE(what.find("sqlite:PATH"), std::string::npos) << what;
        EXPECT_EQ(what.find("hunter2"), std::string::npos) << what;
    }
    EXPECT_THROW(open_database("sqlite:"), DbError);
}

TEST(StoreOpen, UnreachableServersAreConnectionErrors) {
    EXPECT_THROW(open_database("postgresql://nobody@127.0.0.1:1/none?connect_timeout=2"), ConnectionError);
    EXPECT_THROW(open_database("sqlite:/proc/avenir-cannot-exist/x.db"), ConnectionError);
}

TEST(StoreOpen, MemoryDatabaseIsSharedByAllCallers) {
    auto db = open_database("sqlite::memory:", 4);
    db->exec("CREATE TABLE t (n INTEGER)");
    db->with_tx([](Transaction& tx) { tx.exec("INSERT INTO t (n) VALUES (1)"); });
    EXPECT_EQ(db->exec("SELECT COUNT(*) FROM t").at(0).get_int(0), 1);
    EXPECT_TRUE(db->ping());
}

}  // namespace
}  // namespace avenir::storage
