// The store conformance suite: the same tests against SQLite and PostgreSQL (see
// store_test_support.hpp). Transactions, concurrency and migrations: store_conformance_tx_test.cpp.
#include <limits>

#include "storage/store_test_support.hpp"

namespace avenir::storage::testing {
namespace {

constexpr const char* kSecret = "secret-person@example.org";

INSTANTIATE_TEST_SUITE_P(Backends, StoreConformance, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

TEST_P(StoreConformance, RoundTripsEveryValueType) {
    db().exec("CREATE TABLE v (k INTEGER PRIMARY KEY, i BIGINT, d DOUBLE PRECISION, t TEXT)");
    const std::string utf8 = "h\xC3\xA9llo \xE4\xB8\x96\xE7\x95\x8C \xF0\x9F\x8E\x89 \xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7";
    const std::string large(1 << 20, 'x');
    const std::int64_t big = std::numeric_limits<std::int64_t>::max();
    const std::int64_t small = std::numeric_limits<std::int64_t>::min();
    const std::vector<std::vector<Value>> rows = {
        {std::int64_t{1}, big, 3.25, utf8},
        {std::int64_t{2}, small, -0.1, large},
        {std::int64_t{3}, nullptr, nullptr, nullptr},
        {std::int64_t{4}, std::int64_t{0}, 1e300, std::string()},
    };
    for (const auto& r : rows)
        EXPECT_EQ(db().exec("INSERT INTO v (k, i, d, t) VALUES ($1, $2, $3, $4)", r).affected, 1);

    const Result res = db().exec("SELECT k, i, d, t FROM v ORDER BY k");
    ASSERT_EQ(res.size(), rows.size());
    EXPECT_EQ(res.columns, (std::vector<std::string>{"k", "i", "d", "t"}));
    for (std::size_t r = 0; r < rows.size(); ++r)
        for (std::size_t c = 0; c < 4; ++c)
            EXPECT_EQ(res.at(r).value(c), rows[r][c]) << "row " << r << " column " << c;
    EXPECT_TRUE(res.at(2).is_null("t"));
    EXPECT_FALSE(res.at(3).is_null("t"));  // '' is not NULL
}

TEST_P(StoreConformance, RowAccessorsConvertAndCheck) {
    const Result res = db().exec("SELECT 42 AS n, 2.5 AS d, 'abc' AS t, NULL AS z");
    const Row& row = res.at(0);
    EXPECT_EQ(row.get_int("n"), 42);
    EXPECT_EQ(row.get_text("n"), "42");
    EXPECT_DOUBLE_EQ(row.get_double("d"), 2.5);
    EXPECT_DOUBLE_EQ(row.get_double("n"), 42.0);
    EXPECT_EQ(row.get_text("t"), "abc");
    EXPECT_EQ(row.get_opt_text("z"), std::nullopt);
    EXPECT_EQ(row.get_opt_int("n"), 42);
    EXPECT_THROW(row.get_int("t"), DbError);
    EXPECT_THROW(row.get_int("d"), DbError);
    EXPECT_THROW(row.get_text("z"), DbError);
    EXPECT_THROW(row.index("missing"), DbError);
    // A Row outlives the Result it came from.
    const auto first = db().exec("SELECT 7 AS seven").first();
    ASSERT_TRUE(first);
    EXPECT_EQ(first->get_int("seven"), 7);
    // Whole-number doubles (PostgreSQL sum() gives numeric) read as integers.
    db().exec("CREATE TABLE s (n BIGINT)");
    db().exec("INSERT INTO s (n) VALUES (2), (3)");
    EXPECT_EQ(db().exec("SELECT SUM(n) AS total FROM s").at(0).get_int("total"), 5);
}

TEST_P(StoreConformance, PlaceholdersAreNumberedNotPositional) {
    db().exec("CREATE TABLE p (a TEXT, b INTEGER)");
    db().exec("INSERT INTO p (a, b) VALUES ($1, $2)", {std::string("x"), std::int64_t{1}});
    db().exec("INSERT INTO p (b, a) VALUES ($2, $1)", {std::string("y"), std::int64_t{2}});
    const Result out_of_order =
        db().exec("SELECT a FROM p WHERE a = $2 AND b = $1", {std::int64_t{2}, std::string("y")});
    ASSERT_EQ(out_of_order.size(), 1u);
    EXPECT_EQ(out_of_order.at(0).get_text(0), "y");
    const Result reused = db().exec("SELECT a FROM p WHERE a = $1 OR (b = $2 AND a <> $1) ORDER BY a",
                                    {std::string("x"), std::int64_t{2}});
    ASSERT_EQ(reused.size(), 2u);
    EXPECT_EQ(reused.at(1).get_text(0), "y");
    EXPECT_THROW(db().exec("SELECT a FROM p WHERE a = $1 AND b = $2", {std::string("x")}), DbError);
    EXPECT_THROW(db().exec("SELECT 1; SELECT 2"), DbError);
}

TEST_P(StoreConformance, DollarInLiteralsAndCommentsIsLeftAlone) {
    const Result r = db().exec("SELECT '$1' AS lit, 'it''s $2' AS quoted, $1 AS p /* $3 */ -- $4\n",
                               {std::string("value")});
    EXPECT_EQ(r.at(0).get_text("lit"), "$1");
    EXPECT_EQ(r.at(0).get_text("quoted"), "it's $2");
    EXPECT_EQ(r.at(0).get_text("p"), "value");
    EXPECT_EQ(db().exec("SELECT 1 AS \"$1\"").columns.at(0), "$1");
}

TEST_P(StoreConformance, ConstraintErrorsMapToOneFamilyWithoutValues) {
    db().exec_script(
        "CREATE TABLE parent (id INTEGER PRIMARY KEY);"
        "CREATE TABLE person (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parent (id),"
        " email TEXT UNIQUE, name TEXT NOT NULL, age INTEGER CHECK (age >= 0));"
        "INSERT INTO parent (id) VALUES (1);");
    const std::string sql = "INSERT INTO person (id, parent_id, email, name, age) VALUES ($1, $2, $3, $4, $5)";
    const auto row = [&](std::int64_t id, Value parent, Value name, std::int64_t age) {
        return std::vector<Value>{id, parent, std::string(kSecret), name, age};
    };
    db().exec(sql, row(1, std::int64_t{1}, std::string(kSecret), 30));

    const auto expect_clean = [&](const DbError& e) {
        const std::string what = e.what();
        EXPECT_EQ(what.find("secret-person"), std::string::npos) << what;
        EXPECT_GT(what.size(), 10u);
    };
    try { db().exec(sql, row(2, std::int64_t{1}, std::string(kSecret), 30)); ADD_FAILURE() << "no unique error"; }
    catch (const UniqueViolation& e) { expect_clean(e); }
    const std::vector<Value> same_id = {std::int64_t{1}, nullptr, std::string("o@example.org"), std::string(kSecret),
                                        std::int64_t{1}};
    try { db().exec(sql, same_id); ADD_FAILURE(); }
    catch (const UniqueViolation& e) { expect_clean(e); }  // primary key
    db().exec("DELETE FROM person");
    try { db().exec(sql, row(3, std::int64_t{999}, std::string(kSecret), 30)); ADD_FAILURE(); }
    catch (const ForeignKeyViolation& e) { expect_clean(e); }
    try { db().exec(sql, row(4, std::int64_t{1}, nullptr, 30)); ADD_FAILURE(); }
    catch (const NotNullViolation& e) { expect_clean(e); }
    try { db().exec(sql, row(5, std::int64_t{1}, std::string(kSecret), -1)); ADD_FAILURE(); }
    catch (const CheckViolation& e) { expect_clean(e); }
    if (!sqlite()) {  // PostgreSQL quotes bad input in its primary message: it must be redacted
        try { db().exec("SELECT CAST($1 AS INTEGER)", {std::string(kSecret)}); ADD_FAILURE(); }
        catch (const DbError& e) { expect_clean(e); }
    }
    try { db().exec("SELEC oops"); ADD_FAILURE(); }
    catch (const UniqueViolation&) { ADD_FAILURE(); }
    catch (const DbError&) {}
}

TEST_P(StoreConformance, UpsertAndReturningWorkOnBoth) {
    db().exec("CREATE TABLE kv (k TEXT PRIMARY KEY, v TEXT NOT NULL)");
    const std::string upsert =
        "INSERT INTO kv (k, v) VALUES ($1, $2) ON CONFLICT (k) DO UPDATE SET v = excluded.v";
    EXPECT_EQ(db().exec(upsert, {std::string("a"), std::string("1")}).affected, 1);
    EXPECT_EQ(db().exec(upsert, {std::string("a"), std::string("2")}).affected, 1);
    EXPECT_EQ(db().exec("SELECT v FROM kv WHERE k = $1", {std::string("a")}).at(0).get_text(0), "2");
    EXPECT_EQ(count("kv"), 1);
    EXPECT_EQ(db().exec("INSERT INTO kv (k, v) VALUES ('a', 'x') ON CONFLICT (k) DO NOTHING").affected, 0);

    db().exec("CREATE TABLE items (" + auto_id() + ", label TEXT NOT NULL)");
    const Result first = db().exec("INSERT INTO items (label) VALUES ($1) RETURNING id", {std::string("one")});
    const Result second = db().exec("INSERT INTO items (label) VALUES ($1) RETURNING id, label", {std::string("two")});
    EXPECT_EQ(first.affected, 1);
    EXPECT_EQ(second.at(0).get_int("id"), first.at(0).get_int("id") + 1);
    EXPECT_EQ(second.at(0).get_text("label"), "two");
}

TEST_P(StoreConformance, ReportsAffectedRows) {
    db().exec("CREATE TABLE a (n INTEGER)");
    EXPECT_EQ(db().exec("INSERT INTO a (n) VALUES (1), (2), (3)").affected, 3);
    EXPECT_EQ(db().exec("UPDATE a SET n = n + 10 WHERE n >= $1", {std::int64_t{2}}).affected, 2);
    EXPECT_EQ(db().exec("SELECT n FROM a").affected, 0);
    EXPECT_EQ(db().exec("UPDATE a SET n = 0 WHERE n < 0").affected, 0);
    EXPECT_EQ(db().exec("CREATE TABLE b (n INTEGER)").affected, 0);
    EXPECT_EQ(db().exec("DELETE FROM a WHERE n = 1").affected, 1);
}

TEST_P(StoreConformance, PingAnswers) { EXPECT_TRUE(db().ping()); }

TEST_P(StoreConformance, AFullDatabaseRefusesTheWriteWholeAndKeepsReading) {
    if (!sqlite()) GTEST_SKIP() << "a full disk is simulated with SQLite's page limit (PostgreSQL: SQLSTATE 53100, mapped alike)";
    db().exec("CREATE TABLE blobs (" + auto_id() + ", body TEXT NOT NULL)");
    db().exec("INSERT INTO blobs (body) VALUES ('kept')");
    // The file may not grow past its size now: as a full disk would behave.
    const auto pages = db().exec("PRAGMA page_count").at(0).get_int(0);
    db().exec("PRAGMA max_page_count = " + std::to_string(pages + 2));
    const std::string big(64 * 1024, 'x');
    EXPECT_THROW(db().with_tx([&](Transaction& tx) {
        for (int i = 0; i < 8; ++i) tx.exec("INSERT INTO blobs (body) VALUES ($1)", {big});
    }),
                 StorageFullError);
    EXPECT_EQ(count("blobs"), 1) << "nothing of the refused transaction is kept";
    EXPECT_EQ(db().exec("SELECT body FROM blobs").at(0).get_text(0), "kept");
}

TEST_P(StoreConformance, BackupIsSqliteOnly) {
    db().exec("CREATE TABLE b (n INTEGER)");
    db().exec("INSERT INTO b (n) VALUES (1), (2)");
    if (!sqlite()) {
        try { db().backup_to("/tmp/never.db"); ADD_FAILURE(); }
        catch (const DbError& e) { EXPECT_NE(std::string(e.what()).find("pg_dump"), std::string::npos); }
        return;
    }
    const auto copy = dir_ / "backups" / "copy.db";
    db().backup_to(copy.string());
    EXPECT_FALSE(std::filesystem::exists(copy.string() + ".tmp"));
    auto restored = open_database("sqlite:" + copy.string(), 1);
    EXPECT_EQ(restored->exec("SELECT COUNT(*) FROM b").at(0).get_int(0), 2);
}

// Settings that differ by backend: SQLite's durability pragmas; PostgreSQL's isolation default.
TEST_P(StoreConformance, BackendSettingsAreDurable) {
    if (!sqlite()) {
        EXPECT_EQ(db().exec("SHOW default_transaction_isolation").at(0).get_text(0), "read committed");
        EXPECT_EQ(db().exec("SHOW client_encoding").at(0).get_text(0), "UTF8");
        return;
    }
    EXPECT_EQ(db().exec("PRAGMA journal_mode").at(0).get_text(0), "wal");
    EXPECT_EQ(db().exec("PRAGMA synchronous").at(0).get_int(0), 2);
    EXPECT_EQ(db().exec("PRAGMA foreign_keys").at(0).get_int(0), 1);
    EXPECT_EQ(db().exec("PRAGMA busy_timeout").at(0).get_int(0), 5000);
}

}  // namespace
}  // namespace avenir::storage::testing
