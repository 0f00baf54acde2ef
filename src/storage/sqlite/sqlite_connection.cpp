#include "storage/sqlite/sqlite_connection.hpp"

#include <sqlite3.h>

#include "core/log.hpp"
#include "storage/detail.hpp"

namespace avenir::storage {
namespace {

constexpr std::size_t kMaxCachedStatements = 256;

bool is_ident_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '$' || static_cast<unsigned char>(c) >= 0x80;
}

// Index just past the quoted text starting at i (quote doubled inside = escaped).
std::size_t skip_quoted(std::string_view s, std::size_t i) {
    const char q = s[i];
    for (std::size_t j = i + 1; j < s.size(); ++j) {
        if (s[j] != q) continue;
        if (j + 1 < s.size() && s[j + 1] == q) { ++j; continue; }
        return j + 1;
    }
    return s.size();
}

// Resets a statement and its bindings when the exec ends, however it ends.
struct StmtReset {
    sqlite3_stmt* st;
    ~StmtReset() {
        sqlite3_reset(st);
        sqlite3_clear_bindings(st);
    }
};

void bind_all(sqlite3_stmt* st, const std::vector<Value>& params) {
    const int wanted = sqlite3_bind_parameter_count(st);
    if (wanted != static_cast<int>(params.size()))
        throw DbError("sqlite: statement takes " + std::to_string(wanted) + " parameters but " +
                      std::to_string(params.size()) + " were given");
    for (int i = 0; i < wanted; ++i) {
        const Value& v = params[static_cast<std::size_t>(i)];
        int rc = SQLITE_OK;
        if (const auto* n = std::get_if<std::int64_t>(&v)) rc = sqlite3_bind_int64(st, i + 1, *n);
        else if (const auto* d = std::get_if<double>(&v)) rc = sqlite3_bind_double(st, i + 1, *d);
        else if (const auto* s = std::get_if<std::string>(&v))
            rc = sqlite3_bind_text64(st, i + 1, s->data(), s->size(), SQLITE_STATIC, SQLITE_UTF8);
        else rc = sqlite3_bind_null(st, i + 1);
        if (rc != SQLITE_OK) throw_sqlite_error(sqlite3_db_handle(st), rc, params);
    }
}

Value read_column(sqlite3_stmt* st, int i) {
    switch (sqlite3_column_type(st, i)) {
        case SQLITE_INTEGER: return std::int64_t{sqlite3_column_int64(st, i)};
        case SQLITE_FLOAT: return sqlite3_column_double(st, i);
        case SQLITE_NULL: return nullptr;
        case SQLITE_BLOB: {
            const auto* p = static_cast<const char*>(sqlite3_column_blob(st, i));
            return std::string(p ? p : "", static_cast<std::size_t>(sqlite3_column_bytes(st, i)));
        }
        default: {
            const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(st, i));
            return std::string(p ? p : "", static_cast<std::size_t>(sqlite3_column_bytes(st, i)));
        }
    }
}

}  // namespace

std::string rewrite_placeholders(std::string_view sql) {
    std::string out;
    out.reserve(sql.size());
    std::size_t i = 0;
    while (i < sql.size()) {
        const char c = sql[i];
        std::size_t end = i + 1;
        if (c == '\'' || c == '"' || c == '`') {
            end = skip_quoted(sql, i);
        } else if (c == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {
            end = sql.find('\n', i);
            end = end == std::string_view::npos ? sql.size() : end;
        } else if (c == '/' && i + 1 < sql.size() && sql[i + 1] == '*') {
            end = sql.find("*/", i + 2);
            end = end == std::string_view::npos ? sql.size() : end + 2;
        } else if (c == '$' && i + 1 < sql.size() && sql[i + 1] >= '0' && sql[i + 1] <= '9' &&
                   (i == 0 || !is_ident_char(sql[i - 1]))) {
            out += '?';
            ++i;
            continue;  // the digits are copied as they are
        }
        out.append(sql.substr(i, end - i));
        i = end;
    }
    return out;
}

[[noreturn]] void throw_sqlite_error(sqlite3* db, int rc, const std::vector<Value>& params) {
    const std::string msg = "sqlite: " + detail::redact(db ? sqlite3_errmsg(db) : sqlite3_errstr(rc), params);
    switch (rc) {
        case SQLITE_CONSTRAINT_UNIQUE:
        case SQLITE_CONSTRAINT_PRIMARYKEY: throw UniqueViolation(msg);
        case SQLITE_CONSTRAINT_FOREIGNKEY: throw ForeignKeyViolation(msg);
        case SQLITE_CONSTRAINT_NOTNULL: throw NotNullViolation(msg);
        case SQLITE_CONSTRAINT_CHECK: throw CheckViolation(msg);
        default: break;
    }
    switch (rc & 0xff) {
        case SQLITE_BUSY:
        case SQLITE_LOCKED: throw BusyError(msg);
        case SQLITE_CANTOPEN:
        case SQLITE_NOTADB: throw ConnectionError(msg);
        case SQLITE_FULL: throw StorageFullError(msg);
        default: throw DbError(msg);
    }
}

SqliteConnection::SqliteConnection(const std::string& path, bool set_wal) {
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
    const int rc = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
    if (rc != SQLITE_OK) {
        const std::string why = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
        sqlite3_close_v2(db_);
        throw ConnectionError("sqlite: cannot open database " + path + ": " + why);
    }
    sqlite3_extended_result_codes(db_, 1);
    sqlite3_busy_timeout(db_, 5000);
    try {
        if (set_wal) {
            const std::string mode = exec("PRAGMA journal_mode=WAL").at(0).get_text(0);
            if (mode != "wal" && path != ":memory:")
                log::warn("sqlite_not_wal", log::kv("journal_mode", mode));
        }
        // Reads go through a memory map (no copy per page) and a 32 MiB page cache per connection.
        exec_script("PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA mmap_size=4294967296; PRAGMA cache_size=-32768;");
    } catch (const DbError& e) {
        clear_cache();
        sqlite3_close_v2(db_);
        throw ConnectionError("sqlite: cannot open database " + path + ": " + e.what());
    }
}

SqliteConnection::~SqliteConnection() {
    clear_cache();
    sqlite3_close_v2(db_);
}

void SqliteConnection::clear_cache() noexcept {
    for (auto& [sql, st] : stmts_) sqlite3_finalize(st);
    stmts_.clear();
}

sqlite3_stmt* SqliteConnection::prepare(std::string_view sql) {
    std::string key(sql);
    if (auto it = stmts_.find(key); it != stmts_.end()) return it->second;
    if (stmts_.size() >= kMaxCachedStatements) clear_cache();  // dynamic SQL; start over
    const std::string text = rewrite_placeholders(sql);
    sqlite3_stmt* st = nullptr;
    const char* tail = nullptr;
    int rc = sqlite3_prepare_v3(db_, text.c_str(), static_cast<int>(text.size() + 1), SQLITE_PREPARE_PERSISTENT,
                                &st, &tail);
    if (rc != SQLITE_OK) throw_sqlite_error(db_, rc);
    if (!st) throw DbError("sqlite: empty statement");
    // A second statement after the first is an error (PostgreSQL refuses it too); comments are fine.
    sqlite3_stmt* extra = nullptr;
    if (tail && *tail && sqlite3_prepare_v2(db_, tail, -1, &extra, nullptr) == SQLITE_OK && extra) {
        sqlite3_finalize(extra);
        sqlite3_finalize(st);
        throw DbError("sqlite: exec() runs one statement; use exec_script() for several");
    }
    stmts_.emplace(std::move(key), st);
    return st;
}

Result SqliteConnection::exec(std::string_view sql, const std::vector<Value>& params) {
    detail::count_statement();
    sqlite3_stmt* st = prepare(sql);
    StmtReset reset{st};
    bind_all(st, params);
    Result result;
    const int ncol = sqlite3_column_count(st);
    for (int i = 0; i < ncol; ++i) result.columns.emplace_back(sqlite3_column_name(st, i));
    const auto columns = std::make_shared<const std::vector<std::string>>(result.columns);
    const auto before = sqlite3_total_changes64(db_);
    for (;;) {
        const int rc = sqlite3_step(st);
        if (rc == SQLITE_DONE) break;
        if (rc != SQLITE_ROW) throw_sqlite_error(db_, rc, params);
        std::vector<Value> values;
        values.reserve(static_cast<std::size_t>(ncol));
        for (int i = 0; i < ncol; ++i) values.push_back(read_column(st, i));
        result.rows.emplace_back(columns, std::move(values));
    }
    // changes() keeps the count of the last INSERT/UPDATE/DELETE, so only trust it when this
    // statement changed something.
    if (sqlite3_total_changes64(db_) != before) result.affected = sqlite3_changes64(db_);
    return result;
}

void SqliteConnection::exec_script(std::string_view sql) {
    detail::count_statement();
    const std::string text(sql);
    const int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) throw_sqlite_error(db_, sqlite3_extended_errcode(db_));
}

bool SqliteConnection::in_transaction() const { return sqlite3_get_autocommit(db_) == 0; }

bool SqliteConnection::rollback_quietly() noexcept {
    if (!in_transaction()) return true;
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    return !in_transaction();
}

}  // namespace avenir::storage
