#pragma once
// Accounts: registration with e-mail verification, sign-in with throttling, sessions, sign-out,
// the person's account page, the admin home, and the guard that checks CSRF and permissions on
// every route.
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "core/auth/principal.hpp"
#include "core/http/router.hpp"
#include "core/i18n/format.hpp"
#include "core/mail/mailer.hpp"
#include "core/privacy/personal_data.hpp"
#include "core/security/password.hpp"
#include "core/view/layout.hpp"
#include "modules/accounts/accounts_security.hpp"
#include "modules/accounts/accounts_store.hpp"

namespace avenir::accounts {

struct AccountsOptions {
    SecurityOptions security;
    std::string base_url = "http://127.0.0.1:8080";  // for links in e-mails
    std::string outbox_notice;                        // shown to admins when mail goes to a folder
    security::HashParams hash_params;
    security::PasswordPolicy password_policy;
    std::function<std::vector<std::string>()> region_slugs;  // the programme's regions
    const i18n::Formatter* formatter = nullptr;              // dates and numbers per locale
};

// A local path to return to after sign-in; anything else gives `fallback`.
std::string safe_next(const std::string& next, const std::string& fallback);
// Trimmed and lower-cased.
std::string normalize_email(std::string email);

class AccountsModule {
public:
    AccountsModule(storage::Database& db, const view::Layout& layout, mail::Mailer& mailer,
                   const privacy::PersonalDataRegistry& registry, AccountsOptions options);
    // Declares the accounts tables that hold personal data.
    static void register_personal_data(privacy::PersonalDataRegistry& registry);

    void register_routes(http::Router& router);
    // The pipeline's guard: CSRF on state-changing requests, then the route's permission.
    std::optional<http::Response> guard(http::Request& req, const http::Route& route);
    // The pipeline's after hook: session and CSRF cookies.
    void after(http::Request& req, http::Response& res) { security_.apply_cookies(req, res); }
    const auth::PrincipalLoader& principal_loader() const { return loader_; }
    // The CSRF token for forms rendered by other modules.
    std::string csrf_token(http::Request& req) { return security_.csrf_token(req); }
    // Whether the request's person is allowed what a route with this permission allows.
    bool allowed(http::Request& req, std::string_view permission);

    // For the CLI: creates a verified account (password may be empty: set one by reset).
    std::int64_t create_user(const std::string& email, const std::string& name, const std::string& password);
    void grant(const std::string& email, const auth::Grant& g);

private:
    http::Response sign_in_form(http::Request& req);
    http::Response sign_in(http::Request& req);
    http::Response sign_out(http::Request& req);
    http::Response register_form(http::Request& req);
    http::Response register_account(http::Request& req);
    http::Response verify_form(http::Request& req);
    http::Response verify(http::Request& req);
    http::Response account(http::Request& req);
    http::Response admin_home(http::Request& req);
    http::Response unions_page(http::Request& req);
    http::Response unions_form(http::Request& req, nlohmann::json data, int status);
    http::Response create_union(http::Request& req);
    http::Response people_page(http::Request& req);
    http::Response union_members(http::Request& req);
    http::Response coordination(http::Request& req);
    http::Response change_grant(http::Request& req, bool add);
    http::Response forgot_form(http::Request& req);
    http::Response forgot(http::Request& req);
    http::Response reset_form(http::Request& req);
    http::Response reset(http::Request& req);
    http::Response password_form(http::Request& req);
    http::Response change_password(http::Request& req);
    http::Response save_preferences(http::Request& req);
    http::Response my_data(http::Request& req);
    http::Response save_consents(http::Request& req);
    http::Response delete_form(http::Request& req);
    http::Response delete_account(http::Request& req);
    http::Response two_factor_form(http::Request& req);
    http::Response two_factor_page(http::Request& req, const std::string& error, int status);
    http::Response enable_two_factor(http::Request& req);
    http::Response code_form(http::Request& req);
    http::Response sign_in_code(http::Request& req);

    http::Response form_page(http::Request& req, std::string_view tmpl, nlohmann::json data, std::string_view title,
                             int status = 200);
    // True when sign-in from this account key or address is paused.
    bool locked(const std::vector<std::string>& keys, std::int64_t now);
    void record_failure(const std::vector<std::string>& keys, std::int64_t now);
    std::vector<std::string> throttle_keys(const http::Request& req, const std::string& email) const;

    AccountsStore store_;
    Security security_;
    const view::Layout& layout_;
    mail::Mailer& mailer_;
    const privacy::PersonalDataRegistry& registry_;
    AccountsOptions options_;
    security::PasswordHasher hasher_;
    auth::PrincipalLoader loader_;
};

}  // namespace avenir::accounts
