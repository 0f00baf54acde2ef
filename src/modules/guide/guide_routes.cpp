// Route table of the guide module: method, path, handler, permission.
#include "modules/guide/guide_module.hpp"

namespace avenir::guide {

void GuideModule::register_routes(http::Router& router) {
    const http::RouteOptions everyone{.permission = "public"};
    router.get("/guide", [this](http::Request& r) { return index(r); }, everyone);
    router.get("/guide/introduction", [this](http::Request& r) { return introduction(r); }, everyone);
    router.get("/guide/translations", [this](http::Request& r) { return translations(r); }, {.permission = "coordinator"});
    const http::RouteOptions signed_in{.permission = "signed_in"};  // each plan is its owner's: the handler checks
    router.get("/guide/plans", [this](http::Request& r) { return plans_page(r); }, signed_in);
    router.post("/guide/plans", [this](http::Request& r) { return create_plan(r); }, signed_in);
    router.get("/guide/plans/{plan_id}", [this](http::Request& r) { return plan_page(r); }, signed_in);
    router.post("/guide/plans/{plan_id}", [this](http::Request& r) { return update_plan(r); }, signed_in);
    router.post("/guide/plans/{plan_id}/items", [this](http::Request& r) { return change_plan_items(r); }, signed_in);
    router.get("/guide/shared/{token}", [this](http::Request& r) { return shared_plan(r); }, everyone);
    router.get("/guide/shared/{token}/offline.zip", [this](http::Request& r) { return plan_offline_pack(r); }, everyone);
    router.get("/guide/{slug}", [this](http::Request& r) { return workshop(r); }, everyone);
    const http::RouteOptions editors{.permission = "guide_editor"};
    router.get("/guide/{slug}/edit", [this](http::Request& r) { return edit_form(r); }, editors);
    router.post("/guide/{slug}/edit", [this](http::Request& r) { return save_edit(r); }, editors);
    router.get("/guide/{slug}/history", [this](http::Request& r) { return history(r); }, editors);
    router.get("/guide/{slug}/diff", [this](http::Request& r) { return diff(r); }, editors);
    router.get("/guide/{slug}/offline.zip", [this](http::Request& r) { return offline_pack(r); }, everyone);
}

}  // namespace avenir::guide
