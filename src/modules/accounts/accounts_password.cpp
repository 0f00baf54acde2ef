// Forgotten password (e-mailed single-use token that expires) and password change. Both end the
// person's other sessions.
#include <nlohmann/json.hpp>

#include "modules/accounts/accounts_module.hpp"

namespace avenir::accounts {
namespace {
using nlohmann::json;
constexpr std::int64_t kResetLifetime = 3600;
}  // namespace

http::Response AccountsModule::forgot_form(http::Request& req) {
    return form_page(req, "accounts/forgot", json{{"action", view::Layout::href(req, "/account/forgot")}},
                     layout_->tr(req, "Forgot your password?"));
}

http::Response AccountsModule::forgot(http::Request& req) {
    const std::string email = normalize_email(req.form().get("email"));
    const std::int64_t now = clock::unix_seconds();
    if (const auto user = store_->user_by_email(email); user && user->email_verified_at) {
        const std::string token = random_token();
        store_->insert_token(token_hash(token), user->id, "reset", now + kResetLifetime);
        store_->audit("password_reset_requested", std::nullopt, user->id, "", now);
        ctx_->mailer.send({email, layout_->tr(req, "Choose a new password"),
                      layout_->tr(req, "To choose a new Avenir password, open this link within one hour. If you did not ask for it, ignore this message: your password stays as it is.") +
                          "\n\n" + ctx_->base_url + view::Layout::href(req, "/account/reset") + "?token=" + token + "\n",
                      req.lang});
    }
    // The same page whether or not the address has an account.
    return layout_->page(req, "accounts/check_email", json::object(), layout_->tr(req, "Check your e-mail"));
}

http::Response AccountsModule::reset_form(http::Request& req) {
    return form_page(req, "accounts/reset", json{{"token", req.query("token")}, {"action", view::Layout::href(req, "/account/reset")}},
                     layout_->tr(req, "Choose a new password"));
}

http::Response AccountsModule::reset(http::Request& req) {
    const std::string token = req.form().get("token"), password = req.form().get("password");
    json d{{"token", token}, {"action", view::Layout::href(req, "/account/reset")}};
    json problems = json::array();
    for (const auto& p : security::password_problems(password, options_.password_policy)) problems.push_back(layout_->tr(req, p));
    if (!problems.empty()) {
        d["password_errors"] = problems;
        d["has_password_errors"] = true;
        return form_page(req, "accounts/reset", std::move(d), layout_->tr(req, "Choose a new password"), 422);
    }
    const std::int64_t now = clock::unix_seconds();
    const auto user_id = store_->consume_token(token_hash(token), "reset", now);
    if (!user_id) {
        d["error"] = layout_->tr(req, "This link is not valid any more. Ask for a new one.");
        return form_page(req, "accounts/reset", std::move(d), layout_->tr(req, "Choose a new password"), 422);
    }
    store_->set_password_hash(*user_id, hasher_->hash(password));
    store_->delete_other_sessions(*user_id, "");
    store_->audit("password_reset", *user_id, *user_id, "", now);
    json s{{"email", ""}, {"next", ""}, {"notice", layout_->tr(req, "Your password has been changed. Sign in with the new one.")}};
    return form_page(req, "accounts/sign_in", std::move(s), layout_->tr(req, "Sign in"));
}

http::Response AccountsModule::password_form(http::Request& req) {
    auth::require_principal(req);
    return form_page(req, "accounts/password", json{{"action", view::Layout::href(req, "/account/password")}},
                     layout_->tr(req, "Change your password"));
}

http::Response AccountsModule::change_password(http::Request& req) {
    const auth::Principal& who = auth::require_principal(req);
    const auto user = store_->user_by_id(who.user_id);
    const std::string current = req.form().get("current"), fresh = req.form().get("password");
    json d{{"action", view::Layout::href(req, "/account/password")}};
    if (!user->password_hash || !hasher_->verify(*user->password_hash, current)) {
        d["current_error"] = layout_->tr(req, "That is not your current password.");
        return form_page(req, "accounts/password", std::move(d), layout_->tr(req, "Change your password"), 422);
    }
    json problems = json::array();
    for (const auto& p : security::password_problems(fresh, options_.password_policy, {user->email.substr(0, user->email.find('@')), user->display_name}))
        problems.push_back(layout_->tr(req, p));
    if (!problems.empty()) {
        d["password_errors"] = problems;
        d["has_password_errors"] = true;
        return form_page(req, "accounts/password", std::move(d), layout_->tr(req, "Change your password"), 422);
    }
    store_->set_password_hash(user->id, hasher_->hash(fresh));
    security_->end_other_sessions(req, user->id);
    store_->audit("password_changed", user->id, user->id, "", clock::unix_seconds());
    return http::Response::redirect(view::Layout::href(req, "/account"));
}

}  // namespace avenir::accounts
