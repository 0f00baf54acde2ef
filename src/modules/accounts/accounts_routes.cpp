// Route table of the accounts module: method, path, permission, handler.
#include "modules/accounts/accounts_module.hpp"

namespace avenir::accounts {

void AccountsModule::routes(kit::Registration& r) {
    auto h = [this](http::Response (AccountsModule::*handler)(http::Request&)) {
        return [this, handler](http::Request& q) { return (this->*handler)(q); };
    };
    r.get("/account/sign-in", "public", h(&AccountsModule::sign_in_form));
    r.post("/account/sign-in", "public", h(&AccountsModule::sign_in));
    r.post("/account/sign-out", "signed_in", h(&AccountsModule::sign_out));
    r.get("/account/register", "public", h(&AccountsModule::register_form));
    r.post("/account/register", "public", h(&AccountsModule::register_account));
    r.get("/account/verify", "public", h(&AccountsModule::verify_form));
    r.post("/account/verify", "public", h(&AccountsModule::verify));
    r.get("/account", "signed_in", h(&AccountsModule::account));
    r.get("/account/two-factor", "signed_in", h(&AccountsModule::two_factor_form));
    r.post("/account/two-factor", "signed_in", h(&AccountsModule::enable_two_factor));
    r.get("/account/sign-in/code", "public", h(&AccountsModule::code_form));
    r.post("/account/sign-in/code", "public", h(&AccountsModule::sign_in_code));
    r.get("/account/forgot", "public", h(&AccountsModule::forgot_form));
    r.post("/account/forgot", "public", h(&AccountsModule::forgot));
    r.get("/account/reset", "public", h(&AccountsModule::reset_form));
    r.post("/account/reset", "public", h(&AccountsModule::reset));
    r.get("/account/password", "signed_in", h(&AccountsModule::password_form));
    r.post("/account/password", "signed_in", h(&AccountsModule::change_password));
    r.post("/account/preferences", "signed_in", h(&AccountsModule::save_preferences));
    r.get("/account/data", "signed_in", h(&AccountsModule::my_data));
    r.post("/account/consents", "signed_in", h(&AccountsModule::save_consents));
    r.get("/account/delete", "signed_in", h(&AccountsModule::delete_form));
    r.post("/account/delete", "signed_in", h(&AccountsModule::delete_account));
    r.get("/admin", "admin", h(&AccountsModule::admin_home));
    r.get("/admin/unions", "admin", h(&AccountsModule::unions_page));
    r.post("/admin/unions", "admin", h(&AccountsModule::create_union));
    r.get("/admin/people", "admin", h(&AccountsModule::people_page));
    r.get("/coordination", "coordinator", h(&AccountsModule::coordination));
    r.get("/unions/{union_id}/members", "union_rep", h(&AccountsModule::union_members));
    // Coordinators and union reps grant some roles too: the handler asks may_grant().
    r.post("/admin/grants", "signed_in", [this](http::Request& q) { return change_grant(q, true); });
    r.post("/admin/grants/revoke", "signed_in", [this](http::Request& q) { return change_grant(q, false); });
}

}  // namespace avenir::accounts
