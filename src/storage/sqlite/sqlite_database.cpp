#include "storage/sqlite/sqlite_database.hpp"

#include <fcntl.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>

#include "storage/detail.hpp"

namespace avenir::storage {
namespace {

namespace fs = std::filesystem;

void create_parent(const std::string& path) {
    const fs::path parent = fs::path(path).parent_path();
    if (parent.empty()) return;
    std::error_code ec;
    fs::create_directories(parent, ec);
    if (ec) throw ConnectionError("sqlite: cannot create folder " + parent.string() + ": " + ec.message());
}

// Makes a rename durable (best effort: some filesystems refuse fsync on folders).
void sync_folder(const std::string& path) {
    const fs::path parent = fs::path(path).parent_path();
    const int fd = ::open(parent.empty() ? "." : parent.c_str(), O_RDONLY | O_DIRECTORY);
    if (fd < 0) return;
    ::fsync(fd);
    ::close(fd);
}

using SqliteTransaction = detail::GuardedTransaction<SqliteConnection>;

// A statement run outside with_tx() must not leave a transaction open on a pooled connection.
void check_idle(Pool<SqliteConnection>::Lease& conn) {
    if (!conn->in_transaction()) return;
    if (!conn->rollback_quietly()) conn.discard();
    throw std::logic_error("a statement run on the Database left a transaction open (rolled back); "
                           "use with_tx() for transactions");
}

}  // namespace

SqliteDatabase::SqliteDatabase(const std::string& path, unsigned pool_size)
    : path_(path), memory_(path == ":memory:"), pool_(memory_ ? 1 : pool_size, [this] { return connect(); }) {
    if (!memory_) create_parent(path_);
    auto first = pool_.borrow();  // fail fast on a bad path; switches the file to WAL
}

std::unique_ptr<SqliteConnection> SqliteDatabase::connect() {
    const bool set_wal = !wal_set_.exchange(true);
    try {
        return std::make_unique<SqliteConnection>(path_, set_wal);
    } catch (...) {
        if (set_wal) wal_set_ = false;
        throw;
    }
}

Result SqliteDatabase::exec(std::string_view sql, const std::vector<Value>& params) {
    detail::forbid_inside_tx(this, "exec");
    auto conn = pool_.borrow();
    Result r = conn->exec(sql, params);
    check_idle(conn);
    return r;
}

void SqliteDatabase::exec_script(std::string_view sql) {
    detail::forbid_inside_tx(this, "exec_script");
    auto conn = pool_.borrow();
    try {
        conn->exec_script(sql);
    } catch (...) {
        if (!conn->rollback_quietly()) conn.discard();
        throw;
    }
    check_idle(conn);
}

void SqliteDatabase::run_tx(const std::function<void(Transaction&)>& fn) {
    detail::TxScope scope(this);
    auto conn = pool_.borrow();
    conn->exec("BEGIN IMMEDIATE");
    SqliteTransaction tx(*conn, Dialect::Sqlite);
    try {
        fn(tx);
        if (tx.failed())
            throw DbError("transaction rolled back: a statement in it failed and the callback went on");
        conn->exec("COMMIT");
    } catch (...) {
        if (!conn->rollback_quietly()) conn.discard();
        throw;
    }
}

bool SqliteDatabase::ping() noexcept {
    try {
        if (memory_) {  // one connection for everything: the pool's
            auto conn = pool_.borrow();
            return conn->exec("SELECT 1 AS one").at(0).get_int("one") == 1;
        }
        std::lock_guard lock(ping_mutex_);
        if (!ping_conn_) ping_conn_ = std::make_unique<SqliteConnection>(path_, false);
        // Reads the schema, so a database file that was removed or damaged answers with an error.
        return ping_conn_->exec("SELECT count(*) AS n FROM sqlite_master").size() == 1;
    } catch (...) {
        std::lock_guard lock(ping_mutex_);
        ping_conn_.reset();
        return false;
    }
}

void SqliteDatabase::backup_to(const std::string& path) {
    detail::forbid_inside_tx(this, "backup_to");
    create_parent(path);
    const std::string tmp = path + ".tmp";
    std::error_code ec;
    fs::remove(tmp, ec);
    sqlite3* dest = nullptr;
    if (sqlite3_open_v2(tmp.c_str(), &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                        nullptr) != SQLITE_OK) {
        const std::string why = dest ? sqlite3_errmsg(dest) : "out of memory";
        sqlite3_close_v2(dest);
        throw ConnectionError("sqlite: cannot create backup " + tmp + ": " + why);
    }
    int rc = SQLITE_OK;
    {
        auto src = pool_.borrow();
        sqlite3_backup* b = sqlite3_backup_init(dest, "main", src->handle(), "main");
        if (b) {
            for (int tries = 0; tries < 100; ++tries) {  // busy: up to ~5 s
                rc = sqlite3_backup_step(b, -1);
                if (rc != SQLITE_BUSY && rc != SQLITE_LOCKED) break;
                sqlite3_sleep(50);
            }
            sqlite3_backup_finish(b);
        }
        if (rc == SQLITE_DONE || rc == SQLITE_OK) rc = sqlite3_extended_errcode(dest);
    }
    if (rc != SQLITE_OK && rc != SQLITE_DONE) {
        try {
            throw_sqlite_error(dest, rc);
        } catch (...) {
            sqlite3_close_v2(dest);
            fs::remove(tmp, ec);
            throw;
        }
    }
    sqlite3_close_v2(dest);
    fs::rename(tmp, path, ec);
    if (ec) {
        const std::string why = ec.message();
        fs::remove(tmp, ec);
        throw DbError("sqlite: cannot move backup into place at " + path + ": " + why);
    }
    sync_folder(path);
}

}  // namespace avenir::storage
