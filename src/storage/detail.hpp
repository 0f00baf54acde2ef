#pragma once
// Helpers shared by the SQLite and PostgreSQL backends; not for modules.
#include <string>
#include <string_view>
#include <vector>

#include "storage/database.hpp"

namespace avenir::storage::detail {

// Replaces every bound value (textual form of 3+ characters) found in a database message with
// "<value>", so error messages never carry personal data even when the server quotes input.
std::string redact(std::string message, const std::vector<Value>& params);

// Shortest text that reads back as the same double ("Infinity", "-Infinity", "NaN" for specials).
std::string format_double(double v);

std::uint64_t statements() noexcept;

// Marks "this thread is inside with_tx() on database db" for the lifetime of the object.
class TxScope {
public:
    explicit TxScope(const void* db);
    ~TxScope();
    TxScope(const TxScope&) = delete;
    TxScope& operator=(const TxScope&) = delete;
    static bool active(const void* db);

private:
    const void* db_;
};

// Throws std::logic_error when the calling thread is inside with_tx() on db (see database.hpp).
void forbid_inside_tx(const void* db, std::string_view what);

// Tracks the "aborted after a failed statement" state that both backends share.
class TxState {
public:
    // Throws DbError when an earlier statement failed.
    void check_usable() const;
    void mark_failed() { failed_ = true; }
    bool failed() const { return failed_; }

private:
    bool failed_ = false;
};

// The Transaction handed to with_tx() callbacks, over one backend connection: a failed statement
// marks the whole transaction failed (PostgreSQL's rule, applied to both backends).
template <class Connection>
class GuardedTransaction final : public Transaction {
public:
    GuardedTransaction(Connection& conn, Dialect dialect) : conn_(conn), dialect_(dialect) {}
    Dialect dialect() const override { return dialect_; }
    Result exec(std::string_view sql, const std::vector<Value>& params) override {
        return guarded([&] { return conn_.exec(sql, params); });
    }
    void exec_script(std::string_view sql) override {
        guarded([&] { conn_.exec_script(sql); });
    }
    bool failed() const { return state_.failed(); }

private:
    template <class F>
    auto guarded(F&& f) {
        state_.check_usable();
        try {
            return f();
        } catch (const DbError&) {
            state_.mark_failed();
            throw;
        }
    }
    Connection& conn_;
    Dialect dialect_;
    TxState state_;
};

}  // namespace avenir::storage::detail
