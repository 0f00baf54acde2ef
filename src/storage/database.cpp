#include "storage/database.hpp"

#include <charconv>
#include <cmath>

#include "storage/detail.hpp"
#include "storage/postgres/postgres_database.hpp"
#include "storage/sqlite/sqlite_database.hpp"

namespace avenir::storage {

// ---- Row --------------------------------------------------------------------------------------
namespace {
const char* type_name(const Value& v) {
    switch (v.index()) {
        case 0: return "NULL";
        case 1: return "integer";
        case 2: return "double";
        default: return "text";
    }
}
[[noreturn]] void wrong_type(std::size_t i, const Value& v, const char* wanted) {
    throw DbError("column " + std::to_string(i) + " is " + type_name(v) + ", not " + wanted);
}
}  // namespace

bool Row::is_null(std::size_t i) const { return std::holds_alternative<std::nullptr_t>(value(i)); }

std::int64_t Row::get_int(std::size_t i) const {
    const Value& v = value(i);
    if (const auto* n = std::get_if<std::int64_t>(&v)) return *n;
    if (const auto* d = std::get_if<double>(&v)) {
        // Whole numbers only, and inside int64's range (2^63 is exactly representable).
        if (std::trunc(*d) == *d && *d >= -9223372036854775808.0 && *d < 9223372036854775808.0)
            return static_cast<std::int64_t>(*d);
    }
    wrong_type(i, v, "an integer");
}

double Row::get_double(std::size_t i) const {
    const Value& v = value(i);
    if (const auto* d = std::get_if<double>(&v)) return *d;
    if (const auto* n = std::get_if<std::int64_t>(&v)) return static_cast<double>(*n);
    wrong_type(i, v, "a number");
}

std::string Row::get_text(std::size_t i) const {
    const Value& v = value(i);
    if (const auto* s = std::get_if<std::string>(&v)) return *s;
    if (const auto* n = std::get_if<std::int64_t>(&v)) return std::to_string(*n);
    if (const auto* d = std::get_if<double>(&v)) return detail::format_double(*d);
    wrong_type(i, v, "text");
}

std::optional<std::string> Row::get_opt_text(std::size_t i) const {
    if (is_null(i)) return std::nullopt;
    return get_text(i);
}

std::optional<std::int64_t> Row::get_opt_int(std::size_t i) const {
    if (is_null(i)) return std::nullopt;
    return get_int(i);
}

std::size_t Row::index(std::string_view column) const {
    if (columns_) {
        for (std::size_t i = 0; i < columns_->size(); ++i)
            if ((*columns_)[i] == column) return i;
    }
    throw DbError("no column named \"" + std::string(column) + "\" in the result");
}

// ---- open_database ----------------------------------------------------------------------------
std::unique_ptr<Database> open_database(const std::string& url, unsigned pool_size) {
    auto starts = [&](std::string_view p) { return url.compare(0, p.size(), p) == 0; };
    if (starts("sqlite:")) {
        std::string path = url.substr(7);
        if (path.rfind("//", 0) == 0) path = path.substr(2);  // sqlite:///abs/path
        if (path.empty()) throw DbError("sqlite URL has no path: use sqlite:PATH or sqlite::memory:");
        return std::make_unique<SqliteDatabase>(path, pool_size);
    }
    if (starts("postgresql://") || starts("postgres://") || starts("host=") || starts("dbname="))
        return std::make_unique<PostgresDatabase>(url, pool_size);
    // Never echo the whole URL: it may hold a password.
    const auto colon = url.find(':');
    const std::string scheme = colon == std::string::npos ? std::string("(none)") : url.substr(0, colon);
    throw DbError("unknown database URL scheme \"" + scheme +
                  "\": use sqlite:PATH, sqlite::memory:, postgresql://USER@HOST/DB or a libpq "
                  "\"host=... dbname=...\" string");
}

std::uint64_t statements_on_this_thread() noexcept { return detail::statements(); }
std::uint64_t statements_total() noexcept { return detail::all_statements(); }

// ---- detail -----------------------------------------------------------------------------------
namespace detail {

std::string format_double(double v) {
    if (std::isnan(v)) return "NaN";
    if (std::isinf(v)) return v > 0 ? "Infinity" : "-Infinity";
    char buf[64];
    const auto res = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, res.ptr);
}

std::string redact(std::string message, const std::vector<Value>& params) {
    for (const Value& p : params) {
        std::string text;
        if (const auto* s = std::get_if<std::string>(&p)) text = *s;
        else if (const auto* n = std::get_if<std::int64_t>(&p)) text = std::to_string(*n);
        else if (const auto* d = std::get_if<double>(&p)) text = format_double(*d);
        if (text.size() < 3) continue;
        for (auto pos = message.find(text); pos != std::string::npos; pos = message.find(text, pos + 7))
            message.replace(pos, text.size(), "<value>");
    }
    return message;
}

namespace {
thread_local std::vector<const void*> t_active_txs;
thread_local std::uint64_t t_statements = 0;
std::atomic<std::uint64_t> g_statements{0};
}

void count_statement() noexcept {
    ++t_statements;
    g_statements.fetch_add(1, std::memory_order_relaxed);
}
std::uint64_t statements() noexcept { return t_statements; }
std::uint64_t all_statements() noexcept { return g_statements.load(std::memory_order_relaxed); }

TxScope::TxScope(const void* db) : db_(db) {
    if (active(db))
        throw std::logic_error("with_tx() called inside with_tx() on the same database; "
                               "pass the Transaction down instead (nested transactions are not supported)");
    t_active_txs.push_back(db);
}

TxScope::~TxScope() { std::erase(t_active_txs, db_); }

bool TxScope::active(const void* db) {
    for (const void* d : t_active_txs)
        if (d == db) return true;
    return false;
}

void forbid_inside_tx(const void* db, std::string_view what) {
    if (TxScope::active(db))
        throw std::logic_error("Database::" + std::string(what) +
                               "() called inside with_tx() on the same thread; use the Transaction");
}

void TxState::check_usable() const {
    if (failed_)
        throw DbError("an earlier statement in this transaction failed; the transaction can only be "
                      "rolled back (use INSERT ... ON CONFLICT instead of catching constraint errors)");
}

}  // namespace detail
}  // namespace avenir::storage
