#pragma once
// One SQLite connection (opened with SQLITE_OPEN_NOMUTEX: one thread at a time) with its cache of
// persistent prepared statements, keyed by the query text as written ($N placeholders).
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "storage/database.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace avenir::storage {

// Rewrites PostgreSQL $N placeholders into SQLite ?N outside string literals, quoted identifiers
// and comments. "$1" inside '...' or "..." is left alone.
std::string rewrite_placeholders(std::string_view sql);

// Throws the DbError subclass for an SQLite result code. The message is SQLite's, with any bound
// value removed.
[[noreturn]] void throw_sqlite_error(sqlite3* db, int rc, const std::vector<Value>& params = {});

class SqliteConnection {
public:
    // Opens PATH (":memory:" for a private in-memory database); throws ConnectionError.
    // set_wal: switch the file to WAL (persistent, so the first connection is enough).
    SqliteConnection(const std::string& path, bool set_wal);
    ~SqliteConnection();
    SqliteConnection(const SqliteConnection&) = delete;
    SqliteConnection& operator=(const SqliteConnection&) = delete;

    Result exec(std::string_view sql, const std::vector<Value>& params = {});
    void exec_script(std::string_view sql);
    // True when a transaction is open on this connection.
    bool in_transaction() const;
    // Rolls back an open transaction; false when even that failed (drop the connection).
    bool rollback_quietly() noexcept;
    sqlite3* handle() const { return db_; }

private:
    sqlite3_stmt* prepare(std::string_view sql);
    void clear_cache() noexcept;

    sqlite3* db_ = nullptr;
    std::unordered_map<std::string, sqlite3_stmt*> stmts_;
};

}  // namespace avenir::storage
