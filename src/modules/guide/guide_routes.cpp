// Route table of the guide module: method, path, permission, handler.
#include "modules/guide/guide_module.hpp"

namespace avenir::guide {

void GuideModule::routes(kit::Registration& r) {
    auto h = [this](http::Response (GuideModule::*handler)(http::Request&)) {
        return [this, handler](http::Request& q) { return (this->*handler)(q); };
    };
    // Readers share the rendered pages (the query carries filters and start times); signed-in ones
    // by what they may do (an editor sees "Edit").
    const http::RouteOptions cached{.cache_anonymous = true, .cache_signed_in = true};
    r.get("/guide", "public", h(&GuideModule::index), cached);
    r.get("/guide/introduction", "public", h(&GuideModule::introduction), cached);
    r.get("/guide/translations", "coordinator", h(&GuideModule::translations));
    // Each plan is its owner's: the handler checks.
    r.get("/guide/plans", "signed_in", h(&GuideModule::plans_page));
    r.post("/guide/plans", "signed_in", h(&GuideModule::create_plan));
    r.get("/guide/plans/{plan_id}", "signed_in", h(&GuideModule::plan_page));
    r.post("/guide/plans/{plan_id}", "signed_in", h(&GuideModule::update_plan));
    r.post("/guide/plans/{plan_id}/items", "signed_in", h(&GuideModule::change_plan_items));
    r.get("/guide/shared/{token}", "public", h(&GuideModule::shared_plan));
    r.get("/guide/shared/{token}/offline.zip", "public", h(&GuideModule::plan_offline_pack));
    r.get("/guide/{slug}", "public", h(&GuideModule::workshop), cached);
    r.get("/guide/{slug}/edit", "guide_editor", h(&GuideModule::edit_form));
    r.post("/guide/{slug}/edit", "guide_editor", h(&GuideModule::save_edit));
    r.get("/guide/{slug}/history", "guide_editor", h(&GuideModule::history));
    r.get("/guide/{slug}/diff", "guide_editor", h(&GuideModule::diff));
    r.get("/guide/{slug}/offline.zip", "public", h(&GuideModule::offline_pack));
}

}  // namespace avenir::guide
