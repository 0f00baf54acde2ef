#pragma once
// Sessions (random ids, stored hashed), CSRF tokens bound to a browser cookie and the session,
// and the Origin check. The rules of who may do what are in accounts_rules.hpp.
#include <chrono>
#include <optional>
#include <string>

#include "core/auth/principal.hpp"
#include "core/clock.hpp"
#include "core/http/request.hpp"
#include "core/http/response.hpp"
#include "modules/accounts/accounts_store.hpp"

namespace avenir::accounts {

struct SecurityOptions {
    std::chrono::seconds idle_lifetime{30 * 60};        // ASVS 3.3.2 (L2): 30 minutes idle
    std::chrono::seconds absolute_lifetime{12 * 3600};  // and 12 hours at most
    bool secure_cookies = false;                        // served over TLS
};

inline constexpr const char* kSessionCookie = "avenir_session";
inline constexpr const char* kCsrfCookie = "avenir_csrf";
inline constexpr const char* kCsrfField = "_csrf";

// 32 random bytes, base64url without padding.
std::string random_token();
// Hex BLAKE2b-256 of a token: what the database keeps instead of the token.
std::string token_hash(std::string_view token);

class Security {
public:
    Security(AccountsStore& store, SecurityOptions options);

    // The principal of a request's session cookie (second factor done), or nullopt; refreshes
    // last-seen and drops expired sessions.
    std::optional<auth::Principal> load_principal(http::Request& req);
    // The session row behind the cookie even when the second factor is still pending.
    std::optional<SessionRow> raw_session(http::Request& req);

    // Starts a new session for user (a new id at each sign-in) and queues its cookie.
    void start_session(http::Request& req, std::int64_t user_id, bool second_factor_done);
    void complete_second_factor(http::Request& req);
    // Ends every session of the user but this request's (after a password change).
    void end_other_sessions(http::Request& req, std::int64_t user_id);
    // Ends this request's session and queues the cookie's removal.
    void end_session(http::Request& req);

    // The CSRF token for forms on this page (creates the browser cookie when missing).
    std::string csrf_token(http::Request& req);
    // Throws Forbidden unless a state-changing request carries the right token and Origin.
    void verify_csrf(http::Request& req);
    // Adds queued Set-Cookie headers (call from the pipeline's `after` hook).
    void apply_cookies(http::Request& req, http::Response& res) const;

    const SecurityOptions& options() const { return options_; }
    // How a recovery code is stored: BLAKE2b keyed with a server secret, salted with the user id,
    // so a copy of the table alone cannot be brute-forced offline.
    std::string recovery_hash(std::int64_t user_id, std::string_view normalized_code) const;

private:
    // "Last seen" refreshed, and an expired session deleted, as a courtesy: a read never fails for
    // them (a full disk or a database refusing writes leaves reading possible).
    void touch(const std::string& hash, std::int64_t now) noexcept;
    void forget_expired(const std::string& hash) noexcept;

    std::string expected_token(const std::string& browser_cookie, http::Request& req);
    std::string cookie(std::string_view name, std::string_view value, std::int64_t max_age) const;

    AccountsStore& store_;
    SecurityOptions options_;
    std::string csrf_key_;
    std::string recovery_key_;
};

}  // namespace avenir::accounts
