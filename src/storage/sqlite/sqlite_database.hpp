#pragma once
// SQLite backend: WAL, synchronous=FULL, foreign keys on, 5 s busy timeout, a small pool of
// NOMUTEX connections (one thread per connection at a time). with_tx() uses BEGIN IMMEDIATE so a
// transaction takes the write lock up front instead of failing when a read upgrades to a write.
#include <atomic>
#include <memory>
#include <mutex>
#include <string>

#include "storage/database.hpp"
#include "storage/pool.hpp"
#include "storage/sqlite/sqlite_connection.hpp"

namespace avenir::storage {

class SqliteDatabase final : public Database {
public:
    // path: a file (its parent folder is created) or ":memory:" (then one connection, so every
    // caller sees the same data). Throws ConnectionError when the file cannot be opened.
    SqliteDatabase(const std::string& path, unsigned pool_size);

    Dialect dialect() const override { return Dialect::Sqlite; }
    Result exec(std::string_view sql, const std::vector<Value>& params = {}) override;
    void exec_script(std::string_view sql) override;
    bool ping() noexcept override;
    // Online backup (sqlite3_backup) into PATH.tmp, then an atomic rename to PATH.
    void backup_to(const std::string& path) override;
    PoolStats pool_stats() const override {
        const auto s = pool_.stats();
        return {s.size, s.open, s.in_use, s.timeouts};
    }

protected:
    void run_tx(const std::function<void(Transaction&)>& fn) override;

private:
    std::unique_ptr<SqliteConnection> connect();

    std::string path_;
    bool memory_;
    // ping() has its own connection: a health check never waits behind busy handlers for the pool.
    std::mutex ping_mutex_;
    std::unique_ptr<SqliteConnection> ping_conn_;
    std::atomic<bool> wal_set_{false};
    Pool<SqliteConnection> pool_;
};

}  // namespace avenir::storage
