// Request -> rules -> template for sign-up, sign-in and the account pages.
#include <nlohmann/json.hpp>

#include <algorithm>

#include "core/errors.hpp"
#include "core/log.hpp"
#include "modules/accounts/accounts_module.hpp"
#include "modules/accounts/accounts_rules.hpp"
#include "core/text/utf8.hpp"

namespace avenir::accounts {
namespace {
using nlohmann::json;

constexpr std::int64_t kVerifyLifetime = 48 * 3600;
constexpr std::int64_t kThrottleWindow = 15 * 60;
constexpr std::int64_t kFreeFailures = 5;
constexpr std::int64_t kMaxLock = 15 * 60;

bool plausible_email(const std::string& e) {
    const auto at = e.find('@');
    return at != std::string::npos && at > 0 && at + 1 < e.size() && e.find('.', at) != std::string::npos &&
           e.size() <= 254 && e.find_first_of(" \r\n<>,;\"") == std::string::npos && e.find('@', at + 1) == std::string::npos;
}

}  // namespace

std::string normalize_email(std::string email) {
    email.erase(0, email.find_first_not_of(" \t"));
    email.erase(email.find_last_not_of(" \t") + 1);
    return ascii::lower(email);
}

// A local path to return to after sign-in; anything else goes to the account page.
std::string safe_next(const std::string& next, const std::string& fallback) {
    if (next.size() > 1 && next[0] == '/' && next[1] != '/' && next.find('\\') == std::string::npos &&
        next.find_first_of("\r\n") == std::string::npos)
        return next;
    return fallback;
}

std::optional<http::Response> AccountsModule::guard(http::Request& req, const http::Route& route) {
    if (http::is_state_changing(req.method)) security_->verify_csrf(req);
    switch (ctx_->access.decide(auth::current_principal(req), route.options.permission, req)) {
        case auth::Decision::Allow: return std::nullopt;
        case auth::Decision::SignIn:
            if (req.method == http::Method::Get || req.method == http::Method::Head)
                return http::Response::redirect(view::Layout::href(req, "/account/sign-in") + "?next=" +
                                                http::url_encode(view::Layout::href(req, req.path)));
            throw Forbidden("Please sign in first.", "guard: anonymous on protected route");
        case auth::Decision::SetUpTotp:
            if (req.method == http::Method::Get || req.method == http::Method::Head)
                return http::Response::redirect(view::Layout::href(req, "/account/two-factor"));
            throw Forbidden("This role requires two-factor sign-in. Set it up on your account page first.",
                            "guard: role needs totp");
        case auth::Decision::Deny: break;
    }
    throw Forbidden();
}

http::Response AccountsModule::form_page(http::Request& req, std::string_view tmpl, json data, std::string_view title, int status) {
    data["csrf"] = security_->csrf_token(req);
    data["csrf_field"] = kCsrfField;
    data["sign_in_href"] = view::Layout::href(req, "/account/sign-in");
    data["register_href"] = view::Layout::href(req, "/account/register");
    data["forgot_href"] = view::Layout::href(req, "/account/forgot");
    return layout_->page(req, tmpl, std::move(data), title, status);
}

std::vector<std::string> AccountsModule::throttle_keys(const http::Request& req, const std::string& email) const {
    std::vector<std::string> keys{"account:" + token_hash(email)};
    if (!req.remote_address.empty()) keys.push_back("address:" + token_hash(req.remote_address));
    return keys;
}

bool AccountsModule::locked(const std::vector<std::string>& keys, std::int64_t now) {
    return std::any_of(keys.begin(), keys.end(), [&](const std::string& k) { return store_->throttle(k).locked_until > now; });
}

void AccountsModule::record_failure(const std::vector<std::string>& keys, std::int64_t now) {
    for (const auto& key : keys) {
        ThrottleRow t = store_->throttle(key);
        if (now - t.window_start > kThrottleWindow) t = ThrottleRow{0, now, 0};
        ++t.failures;
        if (t.failures >= kFreeFailures) {
            const std::int64_t shift = std::min<std::int64_t>(t.failures - kFreeFailures, 10);
            t.locked_until = now + std::min<std::int64_t>(kMaxLock, std::int64_t{30} << shift);
            if (t.failures == kFreeFailures) store_->audit("sign_in_locked", std::nullopt, std::nullopt, key.substr(0, key.find(':')), now);
        }
        store_->save_throttle(key, t);
    }
}

http::Response AccountsModule::sign_in_form(http::Request& req) {
    json d{{"email", ""}, {"next", req.query("next")}};
    return form_page(req, "accounts/sign_in", std::move(d), layout_->tr(req, "Sign in"));
}

http::Response AccountsModule::sign_in(http::Request& req) {
    const auto& form = req.form();
    const std::string email = normalize_email(form.get("email"));
    const std::string password = form.get("password");
    const std::int64_t now = clock::unix_seconds();
    const auto keys = throttle_keys(req, email);
    json d{{"email", email}, {"next", form.get("next")}};
    if (locked(keys, now)) {
        d["error"] = layout_->tr(req, "Too many failed attempts. Sign-in is paused for a while; try again later.");
        return form_page(req, "accounts/sign_in", std::move(d), layout_->tr(req, "Sign in"), 429);
    }
    const auto user = store_->user_by_email(email);
    bool ok = false;
    try {
        if (user && user->password_hash) ok = hasher_->verify(*user->password_hash, password);
        else hasher_->dummy_verify(password);
    } catch (const security::HasherBusy& busy) {
        // Not a failed attempt: the form comes back with what was typed (but the password) and
        // a 503 with Retry-After, the same whether the account exists or not.
        d["error"] = layout_->tr(req, busy.public_message());
        auto res = form_page(req, "accounts/sign_in", std::move(d), layout_->tr(req, "Sign in"), 503);
        res.set_header("Retry-After", std::to_string(busy.retry_after()));
        return res;
    }
    if (!ok || !user->email_verified_at) {
        if (!ok) record_failure(keys, now);
        store_->audit("sign_in_failed", std::nullopt, user ? std::optional(user->id) : std::nullopt, "", now);
        d["error"] = layout_->tr(req, "The e-mail address or password is not right, or the address is not confirmed yet.");
        return form_page(req, "accounts/sign_in", std::move(d), layout_->tr(req, "Sign in"), 422);
    }
    for (const auto& key : keys) store_->clear_throttle(key);
    if (hasher_->needs_rehash(*user->password_hash)) {
        try {
            store_->set_password_hash(user->id, hasher_->hash(password));
        } catch (const security::HasherBusy&) {
            // The old hash still verifies: upgrade it at a quieter sign-in.
        }
    }
    const bool totp = user->totp_enabled_at.has_value();
    security_->start_session(req, user->id, !totp);
    store_->audit("sign_in", user->id, user->id, totp ? "password; code pending" : "password", now);
    if (totp)
        return http::Response::redirect(view::Layout::href(req, "/account/sign-in/code") + "?next=" + http::url_encode(safe_next(form.get("next"), view::Layout::href(req, "/account"))));
    return http::Response::redirect(safe_next(form.get("next"), view::Layout::href(req, "/account")));
}

http::Response AccountsModule::sign_out(http::Request& req) {
    const auth::Principal* who = &auth::require_principal(req);
    if (who) store_->audit("sign_out", who->user_id, who->user_id, "", clock::unix_seconds());
    security_->end_session(req);
    return http::Response::redirect(view::Layout::href(req, "/"));
}

http::Response AccountsModule::register_form(http::Request& req) {
    return form_page(req, "accounts/register", json{{"email", ""}, {"name", ""}}, layout_->tr(req, "Create an account"));
}

http::Response AccountsModule::register_account(http::Request& req) {
    const auto& form = req.form();
    const std::string email = normalize_email(form.get("email"));
    std::string name = form.get("name");
    const std::string password = form.get("password");
    json d{{"email", email}, {"name", name}};
    json errors = json::array();
    if (!plausible_email(email)) d["email_error"] = layout_->tr(req, "Enter an e-mail address like name@example.org.");
    if (name.empty() || name.size() > 200) d["name_error"] = layout_->tr(req, "Enter the name you want others to see (at most 200 characters).");
    std::vector<std::string> context{email.substr(0, email.find('@')), name};
    for (const auto& problem : security::password_problems(password, options_.password_policy, context))
        errors.push_back(layout_->tr(req, problem));
    d["password_errors"] = errors;
    d["has_password_errors"] = !errors.empty();
    if (d.contains("email_error") || d.contains("name_error") || !errors.empty())
        return form_page(req, "accounts/register", std::move(d), layout_->tr(req, "Create an account"), 422);

    const std::int64_t now = clock::unix_seconds();
    const std::string link_base = ctx_->base_url + view::Layout::href(req, "/account/");
    if (auto existing = store_->user_by_email(email)) {
        // Same answer as for a new address; the owner learns of the attempt by e-mail.
        ctx_->mailer.send({email, layout_->tr(req, "Someone tried to register with your address"),
                      layout_->tr(req, "Someone (perhaps you) tried to create an Avenir account with this e-mail address, which already has one. If it was you, sign in here:") +
                          "\n\n" + link_base + "sign-in\n",
                      req.lang});
    } else {
        const std::int64_t id = store_->create_user(email, name, hasher_->hash(password), now, false);
        const std::string token = random_token();
        store_->insert_token(token_hash(token), id, "verify", now + kVerifyLifetime);
        store_->audit("registered", id, id, "", now);
        ctx_->mailer.send({email, layout_->tr(req, "Confirm your e-mail address"),
                      layout_->tr(req, "Welcome to Avenir. To confirm your e-mail address, open this link within 48 hours:") +
                          "\n\n" + link_base + "verify?token=" + token + "\n",
                      req.lang});
    }
    return layout_->page(req, "accounts/check_email", json::object(), layout_->tr(req, "Check your e-mail"));
}

http::Response AccountsModule::verify_form(http::Request& req) {
    return form_page(req, "accounts/verify", json{{"token", req.query("token")}}, layout_->tr(req, "Confirm your e-mail address"));
}

http::Response AccountsModule::verify(http::Request& req) {
    const auto user_id = store_->consume_token(token_hash(req.form().get("token")), "verify", clock::unix_seconds());
    if (!user_id) {
        json d{{"token", ""}, {"error", layout_->tr(req, "This link is not valid any more. Register again to get a new one.")}};
        return form_page(req, "accounts/verify", std::move(d), layout_->tr(req, "Confirm your e-mail address"), 422);
    }
    store_->mark_verified(*user_id, clock::unix_seconds());
    store_->audit("email_verified", *user_id, *user_id, "", clock::unix_seconds());
    json d{{"email", ""}, {"next", ""}, {"notice", layout_->tr(req, "Your address is confirmed. You can sign in now.")}};
    return form_page(req, "accounts/sign_in", std::move(d), layout_->tr(req, "Sign in"));
}

http::Response AccountsModule::account(http::Request& req) {
    const auth::Principal* who = &auth::require_principal(req);
    const auto user = store_->user_by_id(who->user_id);
    json roles = json::array();
    for (const auto& g : who->grants) roles.push_back({{"role", layout_->tr(req, g.role)}, {"scope", g.scope_id}});
    json d{{"name", who->display_name}, {"email", user ? user->email : ""}, {"roles", roles}, {"has_roles", !roles.empty()},
           {"totp", who->totp_enabled}, {"sign_out_href", view::Layout::href(req, "/account/sign-out")},
           {"two_factor_href", view::Layout::href(req, "/account/two-factor")}, {"data_href", view::Layout::href(req, "/account/data")},
           {"password_href", view::Layout::href(req, "/account/password")},
           {"delete_href", view::Layout::href(req, "/account/delete")}, {"consents_href", view::Layout::href(req, "/account/consents")}};
    for (const auto& kind : store_->consents(who->user_id)) d["consent_" + kind] = true;
    json langs = json::array();
    for (const auto& l : i18n::languages()) langs.push_back({{"code", l.code}, {"name", l.native_name}, {"selected", l.code == who->lang}});
    d["languages"] = langs;
    d["time_zone"] = who->time_zone;
    d["preferences_href"] = view::Layout::href(req, "/account/preferences");
    return form_page(req, "accounts/account", std::move(d), layout_->tr(req, "Your account"));
}

http::Response AccountsModule::admin_home(http::Request& req) {
    json entries = json::array();
    const auth::Principal& admin = auth::require_principal(req);
    for (const auto& e : store_->audit_log(50))
        entries.push_back({{"at", ctx_->formatter.format_datetime(req.lang, e.at, admin.time_zone.empty() ? "UTC" : admin.time_zone)}, {"event", e.event}, {"actor", e.actor_id ? std::to_string(*e.actor_id) : "-"},
                           {"subject", e.subject_id ? std::to_string(*e.subject_id) : "-"}});
    json d{{"outbox_notice", ctx_->outbox_dir}, {"has_outbox", !ctx_->outbox_dir.empty()}, {"entries", entries},
           {"unions_href", view::Layout::href(req, "/admin/unions")}, {"people_href", view::Layout::href(req, "/admin/people")}};
    return form_page(req, "accounts/admin", std::move(d), layout_->tr(req, "Administration"));
}

std::int64_t AccountsModule::create_user(const std::string& email_in, const std::string& name, const std::string& password) {
    const std::string email = normalize_email(email_in);
    if (!plausible_email(email)) throw std::invalid_argument("that is not an e-mail address");
    if (!password.empty()) {
        const auto problems = security::password_problems(password, options_.password_policy, {email.substr(0, email.find('@')), name});
        if (!problems.empty()) throw std::invalid_argument(problems.front());
    }
    const std::int64_t now = clock::unix_seconds();
    const std::int64_t id = store_->create_user(email, name, password.empty() ? std::string() : hasher_->hash(password), now, true);
    store_->audit("user_created_cli", std::nullopt, id, "", now);
    return id;
}

void AccountsModule::grant(const std::string& email, const auth::Grant& g) {
    const auto user = store_->user_by_email(normalize_email(email));
    if (!user) throw std::invalid_argument("no account has that e-mail address");
    store_->add_grant(user->id, g, std::nullopt, clock::unix_seconds());
    store_->audit("role_granted", std::nullopt, user->id, g.role + " " + g.scope_type + " " + g.scope_id, clock::unix_seconds());
}

}  // namespace avenir::accounts
