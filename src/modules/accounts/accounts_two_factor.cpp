// Two-factor sign-in (TOTP, RFC 6238) and recovery codes: set-up on the account page, the second
// step of sign-in. Required for admins and coordinators before they reach their pages.
#include <nlohmann/json.hpp>

#include "core/security/totp.hpp"
#include "modules/accounts/accounts_module.hpp"

namespace avenir::accounts {
namespace {
using nlohmann::json;
constexpr const char* kIssuer = "Avenir";
}  // namespace

http::Response AccountsModule::two_factor_form(http::Request& req) { return two_factor_page(req, {}, 200); }

http::Response AccountsModule::two_factor_page(http::Request& req, const std::string& error, int status) {
    const auth::Principal* who = &auth::require_principal(req);
    auto user = store_->user_by_id(who->user_id);
    json d{{"enabled", user->totp_enabled_at.has_value()}, {"action", view::Layout::href(req, "/account/two-factor")}};
    if (!error.empty()) d["error"] = error;
    if (!user->totp_enabled_at) {
        if (!user->totp_secret) {
            store_->set_totp(user->id, security::new_totp_secret(), std::nullopt);
            user = store_->user_by_id(who->user_id);
        }
        const std::string uri = security::otpauth_uri(kIssuer, user->email, *user->totp_secret);
        d["qr"] = security::qr_svg(uri, layout_->tr(req, "QR code to scan with your authenticator app"));
        d["secret"] = *user->totp_secret;
    } else {
        d["recovery_left"] = std::to_string(store_->unused_recovery_codes(user->id));
    }
    return form_page(req, "accounts/two_factor", std::move(d), layout_->tr(req, "Two-factor sign-in"), status);
}

http::Response AccountsModule::enable_two_factor(http::Request& req) {
    const auth::Principal* who = &auth::require_principal(req);
    const auto user = store_->user_by_id(who->user_id);
    const std::int64_t now = clock::unix_seconds();
    if (user->totp_enabled_at) return http::Response::redirect(view::Layout::href(req, "/account/two-factor"));
    const auto step = user->totp_secret ? security::verify_totp(*user->totp_secret, req.form().get("code"), now) : std::nullopt;
    if (!step || !store_->advance_totp_step(user->id, *step)) {
        record_failure({"totp:" + std::to_string(user->id)}, now);
        return two_factor_page(req, layout_->tr(req, "That code is not right. Check your app's clock and try the newest code."), 422);
    }
    store_->set_totp(user->id, user->totp_secret, now);
    store_->advance_totp_step(user->id, *step);
    std::vector<std::string> codes = security::new_recovery_codes(10), hashes;
    for (const auto& c : codes) hashes.push_back(security_->recovery_hash(user->id, security::normalize_recovery_code(c)));
    store_->set_recovery_codes(user->id, hashes);
    security_->complete_second_factor(req);
    store_->audit("totp_enabled", user->id, user->id, "", now);
    json d{{"codes", codes}, {"account_href", view::Layout::href(req, "/account")}};
    return layout_->page(req, "accounts/recovery_codes", std::move(d), layout_->tr(req, "Your recovery codes"));
}

http::Response AccountsModule::code_form(http::Request& req) {
    return form_page(req, "accounts/sign_in_code", json{{"next", req.query("next")}, {"action", view::Layout::href(req, "/account/sign-in/code")}},
                     layout_->tr(req, "Enter your sign-in code"));
}

http::Response AccountsModule::sign_in_code(http::Request& req) {
    const auto session = security_->raw_session(req);
    if (!session) return http::Response::redirect(view::Layout::href(req, "/account/sign-in"));
    const auto user = store_->user_by_id(session->user_id);
    const std::int64_t now = clock::unix_seconds();
    const std::vector<std::string> keys{"totp:" + std::to_string(session->user_id)};
    json d{{"next", req.form().get("next")}, {"action", view::Layout::href(req, "/account/sign-in/code")}};
    if (locked(keys, now)) {
        d["error"] = layout_->tr(req, "Too many failed attempts. Sign-in is paused for a while; try again later.");
        return form_page(req, "accounts/sign_in_code", std::move(d), layout_->tr(req, "Enter your sign-in code"), 429);
    }
    const std::string code = req.form().get("code");
    bool ok = false;
    if (user && user->totp_secret) {
        const auto step = security::verify_totp(*user->totp_secret, code, now);
        ok = step && store_->advance_totp_step(user->id, *step);
        if (!ok && code.size() > 8) ok = store_->use_recovery_code(user->id, security_->recovery_hash(user->id, security::normalize_recovery_code(code)), now);
    }
    if (!ok) {
        record_failure(keys, now);
        store_->audit("totp_failed", std::nullopt, session->user_id, "", now);
        d["error"] = layout_->tr(req, "That code is not right. Check your app's clock and try the newest code.");
        return form_page(req, "accounts/sign_in_code", std::move(d), layout_->tr(req, "Enter your sign-in code"), 422);
    }
    security_->complete_second_factor(req);
    store_->clear_throttle(keys.front());
    store_->audit("sign_in_second_factor", user->id, user->id, "", now);
    return http::Response::redirect(safe_next(req.form().get("next"), view::Layout::href(req, "/account")));
}

}  // namespace avenir::accounts
