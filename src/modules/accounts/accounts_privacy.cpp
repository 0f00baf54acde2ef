// "My data" (export), "Delete my account" and opt-in consents.
#include <nlohmann/json.hpp>

#include "core/errors.hpp"
#include "modules/accounts/accounts_module.hpp"

namespace avenir::accounts {
namespace {
using nlohmann::json;
const std::vector<std::string> kConsentKinds{"recorded", "listed_publicly"};
}  // namespace

http::Response AccountsModule::my_data(http::Request& req) {
    const auth::Principal& who = auth::require_principal(req);
    json doc{{"format", "avenir-personal-data/1"}, {"exported_at", clock::unix_seconds()}, {"person_id", who.user_id},
             {"tables", ctx_->personal_data.export_person(ctx_->db, who.user_id)}};
    store_->audit("data_exported", who.user_id, who.user_id, "", clock::unix_seconds());
    http::Response res = http::Response::json(doc.dump(2));
    res.set_header("Content-Disposition", "attachment; filename=\"avenir-my-data.json\"");
    res.set_header("Cache-Control", "no-store");
    return res;
}

http::Response AccountsModule::save_preferences(http::Request& req) {
    const auth::Principal& who = auth::require_principal(req);
    const std::string lang = req.form().get("lang"), tz = req.form().get("time_zone");
    if (!lang.empty() && !i18n::find_language(lang)) throw Unprocessable("Choose one of the languages.");
    if (!tz.empty() && !i18n::valid_time_zone(tz)) throw Unprocessable("Enter a time zone such as Africa/Accra or America/Bogota.");
    store_->set_preferences(who.user_id, lang, tz);
    auth::forget_principal(req);
    return http::Response::redirect(i18n::localized_path(lang.empty() ? req.lang : lang, "/account"));
}

http::Response AccountsModule::save_consents(http::Request& req) {
    const auth::Principal& who = auth::require_principal(req);
    const auto chosen = req.form().all("consent");
    const std::int64_t now = clock::unix_seconds();
    for (const auto& kind : kConsentKinds) {
        if (std::find(chosen.begin(), chosen.end(), kind) != chosen.end()) store_->give_consent(who.user_id, kind, now);
        else store_->withdraw_consent(who.user_id, kind, now);
    }
    return http::Response::redirect(view::Layout::href(req, "/account"));
}

http::Response AccountsModule::delete_form(http::Request& req) {
    auth::require_principal(req);
    return form_page(req, "accounts/delete", json{{"action", view::Layout::href(req, "/account/delete")}},
                     layout_->tr(req, "Delete my account"));
}

http::Response AccountsModule::delete_account(http::Request& req) {
    const auth::Principal& who = auth::require_principal(req);
    const auto user = store_->user_by_id(who.user_id);
    if (!user || !user->password_hash || !hasher_->verify(*user->password_hash, req.form().get("password"))) {
        json d{{"action", view::Layout::href(req, "/account/delete")},
               {"error", layout_->tr(req, "That password is not right. Your account has not been deleted.")}};
        return form_page(req, "accounts/delete", std::move(d), layout_->tr(req, "Delete my account"), 422);
    }
    const std::int64_t id = who.user_id;
    security_->end_session(req);
    store_->delete_user(id);  // sessions, tokens, grants, codes and consents go with it
    store_->audit("account_erased", std::nullopt, std::nullopt, "", clock::unix_seconds());
    return layout_->page(req, "accounts/deleted", json::object(), layout_->tr(req, "Your account has been deleted"));
}

}  // namespace avenir::accounts
