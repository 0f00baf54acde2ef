#pragma once
// One libpq connection: text-format parameters, results converted by column type, SQLSTATEs
// mapped onto the storage error family.
#include <cstdint>
#include <string>
#include <unordered_map>
#include <string_view>
#include <vector>

#include "storage/database.hpp"

struct pg_conn;
struct pg_result;

namespace avenir::storage {

class PgConnection {
public:
    // Connects (URL or key=value conninfo) and sets client_min_messages=warning.
    // Throws ConnectionError.
    explicit PgConnection(const std::string& conninfo);
    ~PgConnection();
    PgConnection(const PgConnection&) = delete;
    PgConnection& operator=(const PgConnection&) = delete;

    Result exec(std::string_view sql, const std::vector<Value>& params = {});
    void exec_script(std::string_view sql);
    // Runs a parameterless command and returns its command tag ("COMMIT", "ROLLBACK", ...).
    std::string command(const char* sql);

    bool healthy() const;         // PQstatus is CONNECTION_OK and no statement lost the connection
    void reconnect();             // PQreset; throws ConnectionError
    bool idle() const;            // no transaction open
    bool rollback_quietly() noexcept;  // false: the connection is unusable, drop it

private:
    void set_up();
    // The name of sql's prepared statement on this connection (prepared on first use).
    const std::string& prepared(const std::string& sql, int nparams);
    void forget_prepared() noexcept;

    pg_conn* conn_ = nullptr;
    std::unordered_map<std::string, std::string> prepared_;  // query text -> statement name
    bool broken_ = false;  // a statement failed for a lost connection: reset before reuse
    // Throws the typed error for a failed statement; marks the connection broken when it was lost.
    [[noreturn]] void fail(const pg_result* res, const std::vector<Value>& params);
    std::uint64_t next_statement_ = 0;
};

}  // namespace avenir::storage
