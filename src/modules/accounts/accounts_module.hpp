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
#include "core/kit/module.hpp"
#include "core/mail/mailer.hpp"
#include "core/security/password.hpp"
#include "core/view/layout.hpp"
#include "modules/accounts/accounts_security.hpp"
#include "modules/accounts/accounts_store.hpp"

namespace avenir::accounts {

// A local path to return to after sign-in; anything else gives `fallback`.
std::string safe_next(const std::string& next, const std::string& fallback);
// Trimmed and lower-cased.
std::string normalize_email(std::string email);

class AccountsModule final : public kit::Module {
public:
    std::string name() const override { return "accounts"; }
    // Session settings and the `avenir user` commands.
    void declare(kit::Declarations& d) override;
    // Routes, the basic permissions, the identity (sessions, CSRF, the guard), the audit log and
    // the personal-data tables.
    void start(kit::Context& ctx, kit::Registration& reg) override;

    // For the CLI and tests: creates a verified account (password may be empty: set one by reset).
    std::int64_t create_user(const std::string& email, const std::string& name, const std::string& password);
    void grant(const std::string& email, const auth::Grant& g);
    AccountsStore& store() { return *store_; }

private:
    void routes(kit::Registration& reg);
    kit::Identity identity();
    // The people directory for other modules (accounts_directory.cpp).
    kit::Directory directory();
    // The pipeline's guard: CSRF on state-changing requests, then the route's permission.
    std::optional<http::Response> guard(http::Request& req, const http::Route& route);
    int user_create_command();
    int user_grant_command();

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

    kit::Context* ctx_ = nullptr;
    const view::Layout* layout_ = nullptr;
    std::optional<AccountsStore> store_;
    std::optional<Security> security_;
    std::optional<security::PasswordHasher> hasher_;
    struct Options {
        security::HashParams hash_params;
        security::PasswordPolicy password_policy;
    } options_;
    auth::PrincipalLoader loader_;
    // `avenir user create|grant` and `avenir union create` options.
    struct Cli {
        std::string email, name, role, region, union_id, country, sector;
        bool password_stdin = false;
    } cli_;
};

}  // namespace avenir::accounts
