#pragma once
// The accounts module's SQL. Nothing else reads or writes these tables.
#include <functional>
#include <vector>

#include "core/auth/principal.hpp"
#include "modules/accounts/accounts_types.hpp"
#include "storage/database.hpp"

namespace avenir::accounts {

class AccountsStore {
public:
    // Over the database (each call on its own) or a transaction (calls join it).
    explicit AccountsStore(storage::Executor& db) : db_(db) {}

    std::optional<User> user_by_email(const std::string& email);
    std::optional<User> user_by_id(std::int64_t id);
    // Throws storage::UniqueViolation when the e-mail address is taken.
    std::int64_t create_user(const std::string& email, const std::string& name, const std::string& password_hash,
                             std::int64_t now, bool verified);
    void set_password_hash(std::int64_t user_id, const std::string& hash);
    void set_preferences(std::int64_t user_id, const std::string& lang, const std::string& time_zone);
    void mark_verified(std::int64_t user_id, std::int64_t now);
    void set_totp(std::int64_t user_id, const std::optional<std::string>& secret, std::optional<std::int64_t> enabled_at);
    // Records the TOTP step used; false when it was not newer than the last one (a replay).
    bool advance_totp_step(std::int64_t user_id, std::int64_t step);
    std::int64_t count_users();
    // Erases the account; rows that cascade go with it, the audit log keeps an anonymous entry.
    void delete_user(std::int64_t user_id);
    // Opt-in consents: the kinds currently given.
    std::vector<std::string> consents(std::int64_t user_id);
    void give_consent(std::int64_t user_id, const std::string& kind, std::int64_t now);
    void withdraw_consent(std::int64_t user_id, const std::string& kind, std::int64_t now);
    // Replaces the user's recovery codes (hashes); marks one used, false when unknown or used.
    void set_recovery_codes(std::int64_t user_id, const std::vector<std::string>& code_hashes);
    bool use_recovery_code(std::int64_t user_id, const std::string& code_hash, std::int64_t now);
    std::int64_t unused_recovery_codes(std::int64_t user_id);

    void insert_session(const std::string& id_hash, std::int64_t user_id, std::int64_t now, bool second_factor_done);
    std::optional<SessionRow> session(const std::string& id_hash);
    // The session with its person and their grants, in one statement.
    struct SessionPrincipal {
        SessionRow session;
        std::string display_name, lang, time_zone;
        bool totp_enabled = false;
        std::vector<auth::Grant> grants;
    };
    std::optional<SessionPrincipal> session_principal(const std::string& id_hash);
    void touch_session(const std::string& id_hash, std::int64_t now);
    void set_session_second_factor(const std::string& id_hash);
    void delete_session(const std::string& id_hash);
    // Ends every session of the user except keep_hash (empty: all).
    void delete_other_sessions(std::int64_t user_id, const std::string& keep_hash);
    // Deletes what can no longer be used: sessions idle since before idle_before or created before
    // created_before, tokens expired before now, throttle entries quiet since before quiet_before.
    // Returns the rows deleted.
    std::int64_t purge_expired(std::int64_t now, std::int64_t idle_before, std::int64_t created_before, std::int64_t quiet_before);

    void insert_token(const std::string& token_hash, std::int64_t user_id, const std::string& purpose, std::int64_t expires_at);
    // Marks a valid, unused, unexpired token used and returns its user; nullopt otherwise.
    std::optional<std::int64_t> consume_token(const std::string& token_hash, const std::string& purpose, std::int64_t now);

    std::vector<auth::Grant> grants(std::int64_t user_id);
    void add_grant(std::int64_t user_id, const auth::Grant& g, std::optional<std::int64_t> granted_by, std::int64_t now);
    void remove_grant(std::int64_t user_id, const auth::Grant& g);

    std::int64_t create_union(const Union& u, std::int64_t now);
    std::optional<Union> union_by_id(std::int64_t id);
    // People holding a role over a scope ("union", "42" or "region", "asia-pacific"), with that role.
    std::vector<std::pair<User, std::string>> scope_people(const std::string& scope_type, const std::string& scope_id);
    // People holding a role in a union, with that role.
    std::vector<std::pair<User, std::string>> union_people(std::int64_t union_id);
    // People with their grants, by e-mail (admin list; at most `limit`).
    std::vector<std::pair<User, std::vector<auth::Grant>>> people(const std::string& email_prefix, int limit);
    std::vector<Union> unions();

    void audit(const std::string& event, std::optional<std::int64_t> actor, std::optional<std::int64_t> subject,
               const std::string& detail, std::int64_t now);
    std::vector<AuditEntry> audit_log(int limit);

    ThrottleRow throttle(const std::string& key);
    void save_throttle(const std::string& key, const ThrottleRow& row);
    void clear_throttle(const std::string& key);

    // A random secret kept in app_state under name (created on first use; shared by instances).
    std::string secret(const std::string& name, const std::function<std::string()>& make);

private:
    storage::Executor& db_;
};

}  // namespace avenir::accounts
