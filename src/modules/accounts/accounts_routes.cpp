// Route table of the accounts module: method, path, handler, permission.
#include "modules/accounts/accounts_module.hpp"

namespace avenir::accounts {

void AccountsModule::register_routes(http::Router& r) {
    const http::RouteOptions everyone{.permission = "public"};
    const http::RouteOptions signed_in{.permission = "signed_in"};
    const http::RouteOptions admin{.permission = "admin"};
    r.get("/account/sign-in", [this](http::Request& q) { return sign_in_form(q); }, everyone);
    r.post("/account/sign-in", [this](http::Request& q) { return sign_in(q); }, everyone);
    r.post("/account/sign-out", [this](http::Request& q) { return sign_out(q); }, signed_in);
    r.get("/account/register", [this](http::Request& q) { return register_form(q); }, everyone);
    r.post("/account/register", [this](http::Request& q) { return register_account(q); }, everyone);
    r.get("/account/verify", [this](http::Request& q) { return verify_form(q); }, everyone);
    r.post("/account/verify", [this](http::Request& q) { return verify(q); }, everyone);
    r.get("/account", [this](http::Request& q) { return account(q); }, signed_in);
    r.get("/account/two-factor", [this](http::Request& q) { return two_factor_form(q); }, signed_in);
    r.post("/account/two-factor", [this](http::Request& q) { return enable_two_factor(q); }, signed_in);
    r.get("/account/sign-in/code", [this](http::Request& q) { return code_form(q); }, everyone);
    r.post("/account/sign-in/code", [this](http::Request& q) { return sign_in_code(q); }, everyone);
    r.get("/account/forgot", [this](http::Request& q) { return forgot_form(q); }, everyone);
    r.post("/account/forgot", [this](http::Request& q) { return forgot(q); }, everyone);
    r.get("/account/reset", [this](http::Request& q) { return reset_form(q); }, everyone);
    r.post("/account/reset", [this](http::Request& q) { return reset(q); }, everyone);
    r.get("/account/password", [this](http::Request& q) { return password_form(q); }, signed_in);
    r.post("/account/password", [this](http::Request& q) { return change_password(q); }, signed_in);
    r.post("/account/preferences", [this](http::Request& q) { return save_preferences(q); }, signed_in);
    r.get("/account/data", [this](http::Request& q) { return my_data(q); }, signed_in);
    r.post("/account/consents", [this](http::Request& q) { return save_consents(q); }, signed_in);
    r.get("/account/delete", [this](http::Request& q) { return delete_form(q); }, signed_in);
    r.post("/account/delete", [this](http::Request& q) { return delete_account(q); }, signed_in);
    r.get("/admin", [this](http::Request& q) { return admin_home(q); }, admin);
    r.get("/admin/unions", [this](http::Request& q) { return unions_page(q); }, admin);
    r.post("/admin/unions", [this](http::Request& q) { return create_union(q); }, admin);
    r.get("/admin/people", [this](http::Request& q) { return people_page(q); }, admin);
    r.get("/coordination", [this](http::Request& q) { return coordination(q); }, {.permission = "coordinator"});
    r.get("/unions/{union_id}/members", [this](http::Request& q) { return union_members(q); }, {.permission = "union_rep"});
    // Coordinators and union reps grant some roles too: the handler asks may_grant().
    r.post("/admin/grants", [this](http::Request& q) { return change_grant(q, true); }, signed_in);
    r.post("/admin/grants/revoke", [this](http::Request& q) { return change_grant(q, false); }, signed_in);
}

}  // namespace avenir::accounts
