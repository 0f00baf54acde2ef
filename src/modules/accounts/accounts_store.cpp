#include "modules/accounts/accounts_store.hpp"

#include <map>

namespace avenir::accounts {
namespace {
using storage::Value;

Value opt(const std::optional<std::int64_t>& v) { return v ? Value(*v) : Value(nullptr); }

constexpr const char* kUserColumns =
    "id, email, display_name, password_hash, email_verified_at, lang, time_zone, totp_secret, totp_enabled_at, "
    "totp_last_step, created_at";

Union to_union(const storage::Row& r) {
    return Union{r.get_int("id"), r.get_text("name"), r.get_text("country"), r.get_text("region_slug"), r.get_text("sector")};
}

User to_user(const storage::Row& r) {
    return User{r.get_int("id"), r.get_text("email"), r.get_text("display_name"), r.get_opt_text("password_hash"),
                r.get_opt_int("email_verified_at"), r.get_text("lang"), r.get_text("time_zone"), r.get_opt_text("totp_secret"),
                r.get_opt_int("totp_enabled_at"), r.get_int("totp_last_step"), r.get_int("created_at")};
}

}  // namespace

std::optional<User> AccountsStore::user_by_email(const std::string& email) {
    const auto r = db_.exec(std::string("SELECT ") + kUserColumns + " FROM accounts_users WHERE email = $1", {email});
    return r.empty() ? std::nullopt : std::optional<User>(to_user(r.at(0)));
}

std::optional<User> AccountsStore::user_by_id(std::int64_t id) {
    const auto r = db_.exec(std::string("SELECT ") + kUserColumns + " FROM accounts_users WHERE id = $1", {id});
    return r.empty() ? std::nullopt : std::optional<User>(to_user(r.at(0)));
}

std::int64_t AccountsStore::create_user(const std::string& email, const std::string& name, const std::string& hash,
                                        std::int64_t now, bool verified) {
    const auto r = db_.exec(
        "INSERT INTO accounts_users (email, display_name, password_hash, email_verified_at, created_at) "
        "VALUES ($1, $2, $3, $4, $5) RETURNING id",
        {email, name, hash, verified ? Value(now) : Value(nullptr), now});
    return r.at(0).get_int("id");
}

void AccountsStore::set_password_hash(std::int64_t user_id, const std::string& hash) {
    db_.exec("UPDATE accounts_users SET password_hash = $1 WHERE id = $2", {hash, user_id});
}

void AccountsStore::set_preferences(std::int64_t user_id, const std::string& lang, const std::string& time_zone) {
    db_.exec("UPDATE accounts_users SET lang = $1, time_zone = $2 WHERE id = $3", {lang, time_zone, user_id});
}

void AccountsStore::mark_verified(std::int64_t user_id, std::int64_t now) {
    db_.exec("UPDATE accounts_users SET email_verified_at = $1 WHERE id = $2 AND email_verified_at IS NULL", {now, user_id});
}

void AccountsStore::set_totp(std::int64_t user_id, const std::optional<std::string>& secret,
                             std::optional<std::int64_t> enabled_at) {
    db_.exec("UPDATE accounts_users SET totp_secret = $1, totp_enabled_at = $2, totp_last_step = 0 WHERE id = $3",
             {secret ? Value(*secret) : Value(nullptr), opt(enabled_at), user_id});
}

bool AccountsStore::advance_totp_step(std::int64_t user_id, std::int64_t step) {
    return db_.exec("UPDATE accounts_users SET totp_last_step = $1 WHERE id = $2 AND totp_last_step < $1", {step, user_id})
               .affected == 1;
}

void AccountsStore::set_recovery_codes(std::int64_t user_id, const std::vector<std::string>& code_hashes) {
    db_.with_tx([&](storage::Transaction& tx) {
        tx.exec("DELETE FROM accounts_recovery_codes WHERE user_id = $1", {user_id});
        for (const auto& h : code_hashes)
            tx.exec("INSERT INTO accounts_recovery_codes (user_id, code_hash) VALUES ($1, $2)", {user_id, h});
    });
}

bool AccountsStore::use_recovery_code(std::int64_t user_id, const std::string& code_hash, std::int64_t now) {
    return db_.exec("UPDATE accounts_recovery_codes SET used_at = $1 WHERE user_id = $2 AND code_hash = $3 AND used_at IS NULL",
                    {now, user_id, code_hash})
               .affected == 1;
}

std::int64_t AccountsStore::unused_recovery_codes(std::int64_t user_id) {
    return db_.exec("SELECT COUNT(*) AS n FROM accounts_recovery_codes WHERE user_id = $1 AND used_at IS NULL", {user_id})
        .at(0)
        .get_int("n");
}

void AccountsStore::delete_user(std::int64_t user_id) {
    db_.exec("DELETE FROM accounts_users WHERE id = $1", {user_id});
}

std::vector<std::string> AccountsStore::consents(std::int64_t user_id) {
    std::vector<std::string> kinds;
    for (const auto& r : db_.exec("SELECT DISTINCT kind FROM accounts_consents WHERE user_id = $1 AND withdrawn_at IS NULL ORDER BY kind",
                                  {user_id}))
        kinds.push_back(r.get_text("kind"));
    return kinds;
}

void AccountsStore::give_consent(std::int64_t user_id, const std::string& kind, std::int64_t now) {
    db_.exec("INSERT INTO accounts_consents (user_id, kind, given_at) SELECT $1, $2, $3 WHERE NOT EXISTS "
             "(SELECT 1 FROM accounts_consents WHERE user_id = $1 AND kind = $2 AND withdrawn_at IS NULL)",
             {user_id, kind, now});
}

void AccountsStore::withdraw_consent(std::int64_t user_id, const std::string& kind, std::int64_t now) {
    db_.exec("UPDATE accounts_consents SET withdrawn_at = $3 WHERE user_id = $1 AND kind = $2 AND withdrawn_at IS NULL",
             {user_id, kind, now});
}

std::int64_t AccountsStore::count_users() { return db_.exec("SELECT COUNT(*) AS n FROM accounts_users").at(0).get_int("n"); }

void AccountsStore::insert_session(const std::string& id_hash, std::int64_t user_id, std::int64_t now, bool second_factor_done) {
    db_.exec("INSERT INTO accounts_sessions (id_hash, user_id, created_at, last_seen_at, second_factor_done) "
             "VALUES ($1, $2, $3, $3, $4)",
             {id_hash, user_id, now, std::int64_t{second_factor_done ? 1 : 0}});
}

std::optional<SessionRow> AccountsStore::session(const std::string& id_hash) {
    const auto r = db_.exec("SELECT user_id, created_at, last_seen_at, second_factor_done FROM accounts_sessions WHERE id_hash = $1",
                            {id_hash});
    if (r.empty()) return std::nullopt;
    const auto& row = r.at(0);
    return SessionRow{row.get_int("user_id"), row.get_int("created_at"), row.get_int("last_seen_at"), row.get_int("second_factor_done") != 0};
}

std::optional<AccountsStore::SessionPrincipal> AccountsStore::session_principal(const std::string& id_hash) {
    // One row per grant (one row with NULL grant columns for a person without any).
    const auto r = db_.exec(
        "SELECT s.user_id, s.created_at, s.last_seen_at, s.second_factor_done, u.display_name, u.lang, u.time_zone, "
        "u.totp_enabled_at, g.role, g.scope_type, g.scope_id FROM accounts_sessions s "
        "JOIN accounts_users u ON u.id = s.user_id LEFT JOIN accounts_grants g ON g.user_id = s.user_id "
        "WHERE s.id_hash = $1 ORDER BY g.id",
        {id_hash});
    if (r.empty()) return std::nullopt;
    const auto& first = r.at(0);
    SessionPrincipal sp{SessionRow{first.get_int("user_id"), first.get_int("created_at"), first.get_int("last_seen_at"),
                                   first.get_int("second_factor_done") != 0},
                        first.get_text("display_name"), first.get_text("lang"), first.get_text("time_zone"),
                        !first.is_null("totp_enabled_at"), {}};
    for (const auto& row : r.rows)
        if (!row.is_null("role")) sp.grants.push_back({row.get_text("role"), row.get_text("scope_type"), row.get_text("scope_id")});
    return sp;
}

void AccountsStore::touch_session(const std::string& id_hash, std::int64_t now) {
    db_.exec("UPDATE accounts_sessions SET last_seen_at = $1 WHERE id_hash = $2", {now, id_hash});
}

void AccountsStore::set_session_second_factor(const std::string& id_hash) {
    db_.exec("UPDATE accounts_sessions SET second_factor_done = 1 WHERE id_hash = $1", {id_hash});
}

void AccountsStore::delete_session(const std::string& id_hash) {
    db_.exec("DELETE FROM accounts_sessions WHERE id_hash = $1", {id_hash});
}

std::int64_t AccountsStore::purge_expired(std::int64_t now, std::int64_t idle_before, std::int64_t created_before,
                                          std::int64_t quiet_before) {
    return db_.with_tx([&](storage::Transaction& tx) {
        std::int64_t n = tx.exec("DELETE FROM accounts_sessions WHERE last_seen_at < $1 OR created_at < $2", {idle_before, created_before}).affected;
        n += tx.exec("DELETE FROM accounts_tokens WHERE expires_at < $1", {now}).affected;
        n += tx.exec("DELETE FROM accounts_throttle WHERE window_start < $1 AND locked_until < $2", {quiet_before, now}).affected;
        return n;
    });
}

void AccountsStore::delete_other_sessions(std::int64_t user_id, const std::string& keep_hash) {
    db_.exec("DELETE FROM accounts_sessions WHERE user_id = $1 AND id_hash <> $2", {user_id, keep_hash});
}

void AccountsStore::insert_token(const std::string& token_hash, std::int64_t user_id, const std::string& purpose,
                                 std::int64_t expires_at) {
    db_.exec("INSERT INTO accounts_tokens (token_hash, user_id, purpose, expires_at) VALUES ($1, $2, $3, $4)",
             {token_hash, user_id, purpose, expires_at});
}

std::optional<std::int64_t> AccountsStore::consume_token(const std::string& token_hash, const std::string& purpose,
                                                         std::int64_t now) {
    const auto r = db_.exec(
        "UPDATE accounts_tokens SET used_at = $1 WHERE token_hash = $2 AND purpose = $3 AND used_at IS NULL "
        "AND expires_at > $1 RETURNING user_id",
        {now, token_hash, purpose});
    return r.empty() ? std::nullopt : std::optional<std::int64_t>(r.at(0).get_int("user_id"));
}

std::vector<auth::Grant> AccountsStore::grants(std::int64_t user_id) {
    std::vector<auth::Grant> out;
    for (const auto& r : db_.exec("SELECT role, scope_type, scope_id FROM accounts_grants WHERE user_id = $1 ORDER BY id", {user_id}))
        out.push_back({r.get_text("role"), r.get_text("scope_type"), r.get_text("scope_id")});
    return out;
}

void AccountsStore::add_grant(std::int64_t user_id, const auth::Grant& g, std::optional<std::int64_t> by, std::int64_t now) {
    db_.exec("INSERT INTO accounts_grants (user_id, role, scope_type, scope_id, granted_by, granted_at) "
             "VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (user_id, role, scope_type, scope_id) DO NOTHING",
             {user_id, g.role, g.scope_type, g.scope_id, opt(by), now});
}

void AccountsStore::remove_grant(std::int64_t user_id, const auth::Grant& g) {
    db_.exec("DELETE FROM accounts_grants WHERE user_id = $1 AND role = $2 AND scope_type = $3 AND scope_id = $4",
             {user_id, g.role, g.scope_type, g.scope_id});
}

std::int64_t AccountsStore::create_union(const Union& u, std::int64_t now) {
    return db_.exec("INSERT INTO accounts_unions (name, country, region_slug, sector, created_at) "
                    "VALUES ($1, $2, $3, $4, $5) RETURNING id",
                    {u.name, u.country, u.region_slug, u.sector, now})
        .at(0)
        .get_int("id");
}

std::optional<Union> AccountsStore::union_by_id(std::int64_t id) {
    const auto r = db_.exec("SELECT id, name, country, region_slug, sector FROM accounts_unions WHERE id = $1", {id});
    if (r.empty()) return std::nullopt;
    const auto& row = r.at(0);
    return to_union(row);
}

std::vector<std::pair<User, std::vector<auth::Grant>>> AccountsStore::people(const std::string& email_prefix, int limit) {
    std::vector<std::pair<User, std::vector<auth::Grant>>> out;
    const auto r = db_.exec(std::string("SELECT ") + kUserColumns +
                                " FROM accounts_users WHERE email >= $1 AND email < $2 ORDER BY email LIMIT $3",
                            {email_prefix, email_prefix + "\x7f", std::int64_t{limit}});
    std::map<std::int64_t, std::size_t> index;
    for (const auto& row : r.rows) {
        out.emplace_back(to_user(row), std::vector<auth::Grant>{});
        index[out.back().first.id] = out.size() - 1;
    }
    // Their grants in one query, not one per person.
    const auto g = db_.exec("SELECT user_id, role, scope_type, scope_id FROM accounts_grants WHERE user_id IN "
                            "(SELECT id FROM accounts_users WHERE email >= $1 AND email < $2 ORDER BY email LIMIT $3) ORDER BY id",
                            {email_prefix, email_prefix + "\x7f", std::int64_t{limit}});
    for (const auto& row : g.rows)
        if (const auto it = index.find(row.get_int("user_id")); it != index.end())
            out[it->second].second.push_back({row.get_text("role"), row.get_text("scope_type"), row.get_text("scope_id")});
    return out;
}

std::vector<std::pair<User, std::string>> AccountsStore::union_people(std::int64_t union_id) {
    return scope_people("union", std::to_string(union_id));
}

std::vector<std::pair<User, std::string>> AccountsStore::scope_people(const std::string& scope_type, const std::string& scope_id) {
    std::vector<std::pair<User, std::string>> out;
    std::string cols;
    for (std::string_view c : {"id", "email", "display_name", "password_hash", "email_verified_at", "lang", "time_zone",
                               "totp_secret", "totp_enabled_at", "totp_last_step", "created_at"})
        cols += (cols.empty() ? "u." : ", u.") + std::string(c);
    const auto r = db_.exec("SELECT " + cols + ", g.role FROM accounts_grants g JOIN accounts_users u ON u.id = g.user_id "
                            "WHERE g.scope_type = $1 AND g.scope_id = $2 ORDER BY u.display_name, g.role",
                            {scope_type, scope_id});
    for (const auto& row : r.rows) out.emplace_back(to_user(row), row.get_text("role"));
    return out;
}

std::vector<Union> AccountsStore::unions() {
    std::vector<Union> out;
    for (const auto& r : db_.exec("SELECT id, name, country, region_slug, sector FROM accounts_unions ORDER BY name"))
        out.push_back(to_union(r));
    return out;
}

void AccountsStore::audit(const std::string& event, std::optional<std::int64_t> actor, std::optional<std::int64_t> subject,
                          const std::string& detail, std::int64_t now) {
    db_.exec("INSERT INTO accounts_audit (at, event, actor_id, subject_id, detail) VALUES ($1, $2, $3, $4, $5)",
             {now, event, opt(actor), opt(subject), detail});
}

std::vector<AuditEntry> AccountsStore::audit_log(int limit) {
    std::vector<AuditEntry> out;
    for (const auto& r : db_.exec("SELECT id, at, event, actor_id, subject_id, detail FROM accounts_audit ORDER BY id DESC LIMIT $1",
                                  {std::int64_t{limit}}))
        out.push_back({r.get_int("id"), r.get_int("at"), r.get_text("event"), r.get_opt_int("actor_id"), r.get_opt_int("subject_id"),
                       r.get_text("detail")});
    return out;
}

ThrottleRow AccountsStore::throttle(const std::string& key) {
    const auto r = db_.exec("SELECT failures, window_start, locked_until FROM accounts_throttle WHERE key = $1", {key});
    if (r.empty()) return {};
    return {r.at(0).get_int("failures"), r.at(0).get_int("window_start"), r.at(0).get_int("locked_until")};
}

void AccountsStore::save_throttle(const std::string& key, const ThrottleRow& t) {
    db_.exec("INSERT INTO accounts_throttle (key, failures, window_start, locked_until) VALUES ($1, $2, $3, $4) "
             "ON CONFLICT (key) DO UPDATE SET failures = excluded.failures, window_start = excluded.window_start, "
             "locked_until = excluded.locked_until",
             {key, t.failures, t.window_start, t.locked_until});
}

void AccountsStore::clear_throttle(const std::string& key) { db_.exec("DELETE FROM accounts_throttle WHERE key = $1", {key}); }

std::string AccountsStore::secret(const std::string& name, const std::function<std::string()>& make) {
    const std::string key = "secret." + name;
    db_.exec("INSERT INTO app_state (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING", {key, make()});
    return db_.exec("SELECT value FROM app_state WHERE key = $1", {key}).at(0).get_text("value");
}

}  // namespace avenir::accounts
