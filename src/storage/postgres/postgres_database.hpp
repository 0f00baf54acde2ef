#pragma once
// PostgreSQL backend over libpq: a pool of up to pool_size connections (the first opened at
// construction, the rest on demand), callers wait when all are busy, a broken connection is
// reset when next borrowed.
#include <memory>
#include <mutex>
#include <string>

#include "storage/database.hpp"
#include "storage/pool.hpp"
#include "storage/postgres/postgres_connection.hpp"

namespace avenir::storage {

class PostgresDatabase final : public Database {
public:
    // conninfo: a postgresql:// URL or a libpq key=value string. Throws ConnectionError.
    PostgresDatabase(const std::string& conninfo, unsigned pool_size);

    Dialect dialect() const override { return Dialect::Postgres; }
    Result exec(std::string_view sql, const std::vector<Value>& params = {}) override;
    void exec_script(std::string_view sql) override;
    bool ping() noexcept override;
    // Throws DbError pointing at pg_dump.
    void backup_to(const std::string& path) override;
    PoolStats pool_stats() const override {
        const auto s = pool_.stats();
        return {s.size, s.open, s.in_use, s.timeouts};
    }

protected:
    void run_tx(const std::function<void(Transaction&)>& fn) override;

private:
    Pool<PgConnection>::Lease borrow();

    std::string conninfo_;
    Pool<PgConnection> pool_;
    // ping() has its own connection: a health check never waits behind busy handlers for the pool.
    std::mutex ping_mutex_;
    std::unique_ptr<PgConnection> ping_conn_;
};

}  // namespace avenir::storage
