#include "storage/postgres/postgres_connection.hpp"

#include <libpq-fe.h>

#include <charconv>
#include <clocale>
#include <cstdlib>
#include <cstring>
#include <memory>

#include "core/log.hpp"
#include "storage/detail.hpp"

namespace avenir::storage {
namespace {

// Type OIDs from pg_type.h (stable across versions).
constexpr Oid kBool = 16, kInt8 = 20, kInt2 = 21, kInt4 = 23, kFloat4 = 700, kFloat8 = 701, kNumeric = 1700;

using ResultPtr = std::unique_ptr<PGresult, decltype(&PQclear)>;

std::string trimmed(const char* s) {
    std::string out = s ? s : "";
    while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
    return out;
}

[[noreturn]] void throw_pg_error(PGconn* conn, const PGresult* res, const std::vector<Value>& params) {
    const char* state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : nullptr;
    // The primary message only: DETAIL repeats row values ("Key (email)=(...)").
    const char* primary = res ? PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
    std::string msg = "postgres: " + detail::redact(trimmed(primary ? primary : PQerrorMessage(conn)), params);
    const std::string code = state ? state : "";
    if (!code.empty()) msg += " (SQLSTATE " + code + ")";
    if (code == "23505") throw UniqueViolation(msg);
    if (code == "23503") throw ForeignKeyViolation(msg);
    if (code == "23502") throw NotNullViolation(msg);
    if (code == "23514") throw CheckViolation(msg);
    if (code == "40001" || code == "40P01" || code == "55P03") throw BusyError(msg);
    // 53xxx insufficient resources (53100 disk full, 53200 out of memory, 53300 too many connections).
    if (code.rfind("53", 0) == 0) throw StorageFullError(msg);
    // 08P01 (protocol violation: e.g. a wrong parameter count) leaves the connection usable.
    // No SQLSTATE: libpq made the error itself (the server closed the connection, a send failed
    // with EPIPE), sometimes while PQstatus still says CONNECTION_OK.
    const bool lost = (code.rfind("08", 0) == 0 && code != "08P01") || code == "57P01" || code.empty();
    if (lost || PQstatus(conn) == CONNECTION_BAD) throw ConnectionError(msg);
    throw DbError(msg);
}

double parse_double(const char* s) {
    static const locale_t c_locale = newlocale(LC_NUMERIC_MASK, "C", locale_t{});
    return strtod_l(s, nullptr, c_locale);  // handles NaN, Infinity, overflow and underflow
}

Value convert(Oid type, const char* s, int len) {
    switch (type) {
        case kInt2:
        case kInt4:
        case kInt8: {
            std::int64_t v = 0;
            const auto res = std::from_chars(s, s + len, v);
            if (res.ec == std::errc{} && res.ptr == s + len) return v;
            break;
        }
        case kBool: return std::int64_t{s[0] == 't' ? 1 : 0};
        case kFloat4:
        case kFloat8:
        case kNumeric: return parse_double(s);
        default: break;
    }
    return std::string(s, static_cast<std::size_t>(len));
}

void on_notice(void*, const PGresult* res) {
    const char* state = PQresultErrorField(res, PG_DIAG_SQLSTATE);
    const char* primary = PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY);
    log::warn("pg_notice", log::kv("sqlstate", state ? state : "") + " " + log::kv("message", primary ? primary : ""));
}

bool changes_rows(const char* tag) {
    for (const char* verb : {"INSERT ", "UPDATE ", "DELETE ", "MERGE "})
        if (std::strncmp(tag, verb, std::strlen(verb)) == 0) return true;
    return false;
}

}  // namespace

PgConnection::PgConnection(const std::string& conninfo) {
    conn_ = PQconnectdb(conninfo.c_str());
    if (!conn_ || PQstatus(conn_) != CONNECTION_OK) {
        const std::string why = conn_ ? trimmed(PQerrorMessage(conn_)) : "out of memory";
        PQfinish(conn_);
        throw ConnectionError("postgres: cannot connect: " + why);
    }
    try {
        set_up();
    } catch (...) {
        PQfinish(conn_);
        throw;
    }
}

PgConnection::~PgConnection() { PQfinish(conn_); }

void PgConnection::set_up() {
    PQsetNoticeReceiver(conn_, on_notice, nullptr);
    command("SET client_min_messages = warning");
}

bool PgConnection::healthy() const { return !broken_ && PQstatus(conn_) == CONNECTION_OK; }

void PgConnection::fail(const pg_result* res, const std::vector<Value>& params) {
    try {
        throw_pg_error(conn_, res, params);
    } catch (const ConnectionError&) {
        broken_ = true;  // reset before its next use, whatever PQstatus says
        throw;
    }
}

void PgConnection::reconnect() {
    prepared_.clear();  // a new server session has none of them
    broken_ = false;
    PQreset(conn_);
    if (PQstatus(conn_) != CONNECTION_OK)
        throw ConnectionError("postgres: cannot reconnect: " + trimmed(PQerrorMessage(conn_)));
    set_up();
}

bool PgConnection::idle() const { return PQtransactionStatus(conn_) == PQTRANS_IDLE; }

bool PgConnection::rollback_quietly() noexcept {
    const auto st = PQtransactionStatus(conn_);
    if (st == PQTRANS_IDLE) return true;
    if (st != PQTRANS_INTRANS && st != PQTRANS_INERROR) return false;
    PQclear(PQexec(conn_, "ROLLBACK"));
    return idle();
}

Result PgConnection::exec(std::string_view sql, const std::vector<Value>& params) {
    detail::count_statement();
    const std::size_t n = params.size();
    std::vector<std::string> texts(n);
    std::vector<const char*> values(n, nullptr);
    for (std::size_t i = 0; i < n; ++i) {
        const Value& v = params[i];
        if (const auto* x = std::get_if<std::int64_t>(&v)) texts[i] = std::to_string(*x);
        else if (const auto* d = std::get_if<double>(&v)) texts[i] = detail::format_double(*d);
        else if (const auto* s = std::get_if<std::string>(&v)) {
            if (s->find('\0') != std::string::npos)
                throw DbError("postgres: parameter $" + std::to_string(i + 1) + " contains a NUL byte");
            values[i] = s->c_str();
            continue;
        } else continue;  // NULL
        values[i] = texts[i].c_str();
    }
    // Prepared once per connection, then executed by name: PostgreSQL parses and plans a statement
    // once instead of on every call. Its parameter types are inferred at preparation, as they were.
    const std::string text(sql);
    const int nparams = static_cast<int>(n);
    ResultPtr res(PQexecPrepared(conn_, prepared(text, nparams).c_str(), nparams, values.data(), nullptr, nullptr, 0), &PQclear);
    auto status = res ? PQresultStatus(res.get()) : PGRES_FATAL_ERROR;
    if (status == PGRES_FATAL_ERROR && PQtransactionStatus(conn_) == PQTRANS_IDLE) {
        // A table changed shape since the statement was prepared ("cached plan must not change
        // result type"), e.g. another instance migrated: prepare it again, once.
        const char* state = res ? PQresultErrorField(res.get(), PG_DIAG_SQLSTATE) : nullptr;
        if (state && std::string_view(state) == "0A000") {
            forget_prepared();
            res.reset(PQexecPrepared(conn_, prepared(text, nparams).c_str(), nparams, values.data(), nullptr, nullptr, 0));
            status = res ? PQresultStatus(res.get()) : PGRES_FATAL_ERROR;
        }
    }
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK && status != PGRES_EMPTY_QUERY)
        fail(res.get(), params);

    Result result;
    const int ncol = PQnfields(res.get());
    std::vector<Oid> types;
    for (int c = 0; c < ncol; ++c) {
        result.columns.emplace_back(PQfname(res.get(), c));
        types.push_back(PQftype(res.get(), c));
    }
    const auto columns = std::make_shared<const std::vector<std::string>>(result.columns);
    const int nrow = PQntuples(res.get());
    result.rows.reserve(static_cast<std::size_t>(nrow));
    for (int r = 0; r < nrow; ++r) {
        std::vector<Value> row;
        row.reserve(static_cast<std::size_t>(ncol));
        for (int c = 0; c < ncol; ++c) {
            if (PQgetisnull(res.get(), r, c)) row.emplace_back(nullptr);
            else row.push_back(convert(types[c], PQgetvalue(res.get(), r, c), PQgetlength(res.get(), r, c)));
        }
        result.rows.emplace_back(columns, std::move(row));
    }
    if (changes_rows(PQcmdStatus(res.get()))) result.affected = std::strtoll(PQcmdTuples(res.get()), nullptr, 10);
    return result;
}

const std::string& PgConnection::prepared(const std::string& sql, int nparams) {
    if (const auto it = prepared_.find(sql); it != prepared_.end()) return it->second;
    // Generated SQL (filters with lists of values) must not grow the cache without bound.
    if (prepared_.size() >= 256) forget_prepared();
    std::string name = "avenir_" + std::to_string(++next_statement_);
    ResultPtr res(PQprepare(conn_, name.c_str(), sql.c_str(), nparams, nullptr), &PQclear);
    const auto status = res ? PQresultStatus(res.get()) : PGRES_FATAL_ERROR;
    if (status != PGRES_COMMAND_OK) fail(res.get(), {});
    return prepared_.emplace(sql, std::move(name)).first->second;
}

void PgConnection::forget_prepared() noexcept {
    if (!prepared_.empty() && PQtransactionStatus(conn_) == PQTRANS_IDLE) PQclear(PQexec(conn_, "DEALLOCATE ALL"));
    else if (!prepared_.empty()) return;  // inside a transaction: keep them until it ends
    prepared_.clear();
}

void PgConnection::exec_script(std::string_view sql) {
    detail::count_statement();
    const std::string text(sql);
    ResultPtr res(PQexec(conn_, text.c_str()), &PQclear);
    const auto status = res ? PQresultStatus(res.get()) : PGRES_FATAL_ERROR;
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK && status != PGRES_EMPTY_QUERY)
        fail(res.get(), {});
}

std::string PgConnection::command(const char* sql) {
    detail::count_statement();
    ResultPtr res(PQexec(conn_, sql), &PQclear);
    const auto status = res ? PQresultStatus(res.get()) : PGRES_FATAL_ERROR;
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) fail(res.get(), {});
    return PQcmdStatus(res.get());
}

}  // namespace avenir::storage
