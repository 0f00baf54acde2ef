#include "storage/postgres/postgres_database.hpp"

#include "storage/detail.hpp"

namespace avenir::storage {
namespace {

using Lease = Pool<PgConnection>::Lease;

using PgTransaction = detail::GuardedTransaction<PgConnection>;

// A statement run outside with_tx() must not leave a transaction open on a pooled connection.
void check_idle(Lease& conn) {
    if (conn->idle()) return;
    if (!conn->rollback_quietly()) conn.discard();
    throw std::logic_error("a statement run on the Database left a transaction open (rolled back); "
                           "use with_tx() for transactions");
}

}  // namespace

PostgresDatabase::PostgresDatabase(const std::string& conninfo, unsigned pool_size)
    : conninfo_(conninfo), pool_(pool_size, [this] { return std::make_unique<PgConnection>(conninfo_); }) {
    auto first = borrow();  // fail fast when the server cannot be reached
}

Lease PostgresDatabase::borrow() {
    Lease conn = pool_.borrow();
    if (!conn->healthy()) {
        try {
            conn->reconnect();
        } catch (...) {
            conn.discard();
            throw;
        }
    }
    return conn;
}

Result PostgresDatabase::exec(std::string_view sql, const std::vector<Value>& params) {
    detail::forbid_inside_tx(this, "exec");
    auto conn = borrow();
    Result r = conn->exec(sql, params);
    check_idle(conn);
    return r;
}

void PostgresDatabase::exec_script(std::string_view sql) {
    detail::forbid_inside_tx(this, "exec_script");
    auto conn = borrow();
    try {
        conn->exec_script(sql);
    } catch (...) {
        if (!conn->rollback_quietly()) conn.discard();
        throw;
    }
    check_idle(conn);
}

void PostgresDatabase::run_tx(const std::function<void(Transaction&)>& fn) {
    detail::TxScope scope(this);
    auto conn = borrow();
    conn->command("BEGIN");
    PgTransaction tx(*conn, Dialect::Postgres);
    try {
        fn(tx);
        if (tx.failed())
            throw DbError("transaction rolled back: a statement in it failed and the callback went on");
        // COMMIT of an aborted transaction "succeeds" with the tag ROLLBACK.
        if (conn->command("COMMIT") != "COMMIT") throw DbError("postgres: the transaction was rolled back at COMMIT");
    } catch (...) {
        if (!conn->rollback_quietly()) conn.discard();
        throw;
    }
}

bool PostgresDatabase::ping() noexcept {
    std::lock_guard lock(ping_mutex_);
    try {
        if (!ping_conn_) ping_conn_ = std::make_unique<PgConnection>(conninfo_);
        else if (!ping_conn_->healthy()) ping_conn_->reconnect();
        return ping_conn_->exec("SELECT 1 AS one").at(0).get_int("one") == 1;
    } catch (...) {
        ping_conn_.reset();
        return false;
    }
}

void PostgresDatabase::backup_to(const std::string&) {
    throw DbError("backup is for SQLite; on PostgreSQL use pg_dump, e.g. pg_dump -Fc -f avenir.dump DBNAME");
}

}  // namespace avenir::storage
