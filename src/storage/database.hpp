#pragma once
// One Database interface over SQLite and PostgreSQL. Queries are written once, with PostgreSQL
// placeholders ($1, $2, ...); the SQLite backend rewrites them. Errors come as one family for
// both backends.
//
// Transactions (both backends behave the same; the conformance suite checks it):
// - with_tx() is on every Executor. On a Database it opens a transaction (commit when the callback
//   returns, rollback when it throws) and returns what the callback returns; on a Transaction the
//   callback joins that transaction. So a store built over "an Executor" works alone (each write
//   its own transaction) or inside a caller's transaction, and several modules' stores can write in
//   one transaction: `db.with_tx([&](Transaction& tx) { LibraryStore(tx)...; GuideStore(tx)...; })`.
// - with_tx() on the Database inside a with_tx() callback on the same Database and thread throws
//   std::logic_error (no savepoints: pass the Transaction down instead).
// - Calling exec()/exec_script() on the Database (rather than on the Transaction) from inside a
//   with_tx() callback throws std::logic_error: it would use a second connection and could wait on
//   the transaction's own locks.
// - Once a statement in a transaction fails, the transaction is aborted (as PostgreSQL does):
//   further statements throw DbError, and with_tx() rolls back and throws DbError even if the
//   callback swallowed the error. Use INSERT ... ON CONFLICT rather than catching UniqueViolation.
// Error messages carry the database's message, never bound parameter values.
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

namespace avenir::storage {

enum class Dialect { Sqlite, Postgres };

// A bound parameter or a column value.
using Value = std::variant<std::nullptr_t, std::int64_t, double, std::string>;

// ---- error family -------------------------------------------------------------------------
struct DbError : std::runtime_error {
    using std::runtime_error::runtime_error;
};
struct UniqueViolation : DbError { using DbError::DbError; };
struct ForeignKeyViolation : DbError { using DbError::DbError; };
struct NotNullViolation : DbError { using DbError::DbError; };
struct CheckViolation : DbError { using DbError::DbError; };
struct ConnectionError : DbError { using DbError::DbError; };   // cannot open / lost connection
struct BusyError : DbError { using DbError::DbError; };         // lock or serialization timeout
struct SchemaError : DbError { using DbError::DbError; };       // schema newer than this binary, bad migration
// The database cannot write now: its disk is full or a quota is reached (SQLite SQLITE_FULL,
// PostgreSQL SQLSTATE class 53). Nothing of the statement was kept; reads may still work.
// Answered with 503 and Retry-After.
struct StorageFullError : DbError { using DbError::DbError; };

class Row {
public:
    // The column names are shared, so a Row stays valid after its Result is gone.
    Row(std::shared_ptr<const std::vector<std::string>> columns, std::vector<Value> values)
        : columns_(std::move(columns)), values_(std::move(values)) {}
    std::size_t size() const { return values_.size(); }
    bool is_null(std::size_t i) const;
    // Throws DbError on NULL or wrong type; a double holding a whole number is accepted
    // (PostgreSQL's sum() and numeric columns arrive as double).
    std::int64_t get_int(std::size_t i) const;
    double get_double(std::size_t i) const;          // integers are converted
    std::string get_text(std::size_t i) const;       // integers are formatted; NULL throws
    std::optional<std::string> get_opt_text(std::size_t i) const;
    std::optional<std::int64_t> get_opt_int(std::size_t i) const;
    // By column name (linear search; fine for the small rows we fetch).
    std::size_t index(std::string_view column) const;
    std::int64_t get_int(std::string_view c) const { return get_int(index(c)); }
    std::string get_text(std::string_view c) const { return get_text(index(c)); }
    double get_double(std::string_view c) const { return get_double(index(c)); }
    bool is_null(std::string_view c) const { return is_null(index(c)); }
    std::optional<std::string> get_opt_text(std::string_view c) const { return get_opt_text(index(c)); }
    std::optional<std::int64_t> get_opt_int(std::string_view c) const { return get_opt_int(index(c)); }
    const Value& value(std::size_t i) const { return values_.at(i); }

private:
    std::shared_ptr<const std::vector<std::string>> columns_;
    std::vector<Value> values_;
};

class Result {
public:
    std::vector<std::string> columns;
    std::vector<Row> rows;
    std::int64_t affected = 0;  // rows changed by INSERT/UPDATE/DELETE

    bool empty() const { return rows.empty(); }
    std::size_t size() const { return rows.size(); }
    const Row& at(std::size_t i) const { return rows.at(i); }
    // First row, or nullopt.
    std::optional<Row> first() const { return rows.empty() ? std::nullopt : std::optional<Row>(rows.front()); }
    auto begin() const { return rows.begin(); }
    auto end() const { return rows.end(); }
};

class Transaction;

// Where statements run: the Database (each statement on a pooled connection) or a Transaction.
class Executor {
public:
    virtual ~Executor() = default;
    virtual Dialect dialect() const = 0;
    // Runs one statement. Placeholders are $1, $2, ... on both backends; the number of params
    // must match the highest placeholder.
    virtual Result exec(std::string_view sql, const std::vector<Value>& params = {}) = 0;
    // Runs several ';'-separated statements without parameters (migrations).
    virtual void exec_script(std::string_view sql) = 0;

    // Runs fn(Transaction&) in a transaction and returns its result: a new transaction on a
    // Database, the same one on a Transaction (see the top of this file).
    template <class F>
    auto with_tx(F&& fn) -> std::invoke_result_t<F&, Transaction&> {
        using R = std::invoke_result_t<F&, Transaction&>;
        if constexpr (std::is_void_v<R>) {
            run_tx([&](Transaction& tx) { fn(tx); });
        } else {
            std::optional<R> out;
            run_tx([&](Transaction& tx) { out.emplace(fn(tx)); });
            return std::move(*out);
        }
    }

protected:
    virtual void run_tx(const std::function<void(Transaction&)>& fn) = 0;
};

// A transaction in progress; commits when the outermost with_tx callback returns.
class Transaction : public Executor {
protected:
    void run_tx(const std::function<void(Transaction&)>& fn) override { fn(*this); }
};

class Database : public Executor {
public:
    // True when the database answers a trivial query.
    virtual bool ping() noexcept = 0;
    // SQLite online backup to a file; throws DbError with guidance on PostgreSQL.
    virtual void backup_to(const std::string& path) = 0;
    // The connection pool now (for /metrics).
    struct PoolStats {
        unsigned size = 0, open = 0, in_use = 0;
        std::uint64_t timeouts = 0;
    };
    virtual PoolStats pool_stats() const { return {}; }
};

// Opens "sqlite:PATH" (or "sqlite::memory:") or "postgresql://..." / "postgres://..." or a libpq
// key=value DSN starting with "host=" or "dbname=". Anything else throws DbError.
// pool_size: connections kept (PostgreSQL) or opened (SQLite; "sqlite::memory:" uses one).
// SQLite creates the file's parent folder. PostgreSQL connects once at open (fails fast with
// ConnectionError), the rest lazily; per-connection settings go in the URL, e.g.
// "postgresql://u@h/db?options=-csearch_path%3Dmyschema".
std::unique_ptr<Database> open_database(const std::string& url, unsigned pool_size = 4);

// ---- statement counting ---------------------------------------------------------------------
// Every statement sent to a database (queries, scripts, BEGIN/COMMIT) adds one to a counter of
// the calling thread. A request's handler runs on one thread, so the difference of two readings
// around it is what the request cost (the HTTP tests' query budgets).
std::uint64_t statements_on_this_thread() noexcept;
// Every statement of the process (for /metrics).
std::uint64_t statements_total() noexcept;
namespace detail {
void count_statement() noexcept;
std::uint64_t all_statements() noexcept;
}

// ---- migrations -----------------------------------------------------------------------------
// Each module numbers its own migrations: src/modules/<m>/migrations/NNNN_name.sql (module m),
// src/storage/migrations/NNNN_name.sql (module "core"); versions 1, 2, 3, ... without gaps.
// One file serves both dialects; inside it, small differences are tokens:
//   {{id}}            an auto-numbered primary key (SQLite INTEGER PRIMARY KEY, PostgreSQL BIGINT
//                     GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY)
//   {{int}}           a 64-bit integer (SQLite INTEGER, PostgreSQL BIGINT)
//   {{without_rowid}} " WITHOUT ROWID" on SQLite, nothing on PostgreSQL
// and larger ones are sections: a line "-- dialect: sqlite" (or postgres) starts lines for that
// dialect only, "-- dialect: both" ends them. NNNN_name.sqlite.sql plus NNNN_name.postgres.sql
// remain possible for a change that has nothing in common between the two.
struct Migration {
    std::string module;  // "core", "accounts", "library", ...
    int version;         // within the module
    std::string name;
    std::string sqlite_sql;
    std::string postgres_sql;
};
// A migration text for one dialect: sections kept or dropped, tokens replaced. Throws SchemaError
// for an unknown token or section name.
std::string expand_dialect(std::string_view text, Dialect d);
// The migrations compiled into this binary: core first, then by module, version ascending. Throws
// SchemaError naming the files when two share a module and version, a dialect is missing, a
// sequence has a gap, a token is unknown or a name does not match NNNN_name.
const std::vector<Migration>& builtin_migrations();
// Builds the list from (path, text) files; the checks of builtin_migrations().
std::vector<Migration> load_migrations(const std::vector<std::pair<std::string, std::string>>& files);
// The highest version applied per module (empty for an empty database).
std::map<std::string, int> schema_versions(Database& db);
// Applies pending migrations, each in its own transaction; returns how many ran. Order: core, then
// the modules in module_order (the app's module list), then any other by name; versions ascending.
// Throws SchemaError when the database is newer than this binary knows. Safe when several
// instances start at once (SQLite: BEGIN IMMEDIATE; PostgreSQL: an advisory lock per schema).
int migrate(Database& db, const std::vector<std::string>& module_order = {},
            const std::vector<Migration>& migrations = builtin_migrations());
// Throws SchemaError (with a clear message) when, for some module, the database holds a version
// this binary does not know.
void check_schema_not_newer(Database& db, const std::vector<Migration>& migrations = builtin_migrations());

}  // namespace avenir::storage
