// Route table of the network module: method, path, permission, handler.
#include "modules/network/network_module.hpp"

namespace avenir::network {

void NetworkModule::routes(kit::Registration& r) {
    auto h = [this](http::Response (NetworkModule::*handler)(http::Request&)) {
        return [this, handler](http::Request& q) { return (this->*handler)(q); };
    };
    // What each reader sees depends on who they are (network_rules.cpp: may_see), decided inside
    // the queries; anonymous readers share the cached public pages.
    r.get("/network/practices", "public", h(&NetworkModule::practices), {.cache_anonymous = true});
    r.get("/network/practices/feed.atom", "public", h(&NetworkModule::practices_feed), {.cache_anonymous = true});
    r.get("/network/practices/new", "signed_in", h(&NetworkModule::new_practice));
    r.post("/network/practices/new", "signed_in", h(&NetworkModule::create_practice));
    r.get("/network/practices/{id}", "public", h(&NetworkModule::practice), {.cache_anonymous = true});
    // The author while it waits or was sent back; the region's moderators (may_edit).
    r.get("/network/practices/{id}/edit", "signed_in", h(&NetworkModule::edit_practice));
    r.post("/network/practices/{id}/edit", "signed_in", h(&NetworkModule::save_practice));
    // A region's centre; its hub-only cases for those of the hub (never cached for people signed in).
    r.get("/network/hubs/{region}", "public", h(&NetworkModule::hub), {.cache_anonymous = true});
    // Its presentation and contact: the region's coordinators (may_edit_hub).
    r.get("/network/hubs/{region}/edit", "network_review", h(&NetworkModule::edit_hub));
    r.post("/network/hubs/{region}/edit", "network_review", h(&NetworkModule::save_hub));
    // Questions to the hubs: members' ones for people signed in (may_see); DROs and coordinators
    // answer (may_answer), the asker marks the answer that helped (may_mark_helpful).
    r.get("/network/questions", "public", h(&NetworkModule::questions), {.cache_anonymous = true});
    r.get("/network/questions/feed.atom", "public", h(&NetworkModule::questions_feed), {.cache_anonymous = true});
    r.get("/network/questions/new", "signed_in", h(&NetworkModule::new_question));
    r.post("/network/questions/new", "signed_in", h(&NetworkModule::create_question));
    r.get("/network/questions/{id}", "public", h(&NetworkModule::question), {.cache_anonymous = true});
    r.post("/network/questions/{id}/answers", "network_moderate", h(&NetworkModule::answer_question));
    r.post("/network/questions/{id}/helpful", "signed_in", h(&NetworkModule::mark_helpful));
    // The cascade: those who completed a training cycle log the sessions they ran; the indicators
    // are aggregates (no one named), for everyone.
    r.get("/network/cascade", "signed_in", h(&NetworkModule::cascade));
    r.post("/network/cascade", "signed_in", h(&NetworkModule::log_cascade));
    r.get("/network/cascade/indicators", "public", h(&NetworkModule::cascade_indicators), {.cache_anonymous = true});
    r.get("/network/cascade/indicators.csv", "public", h(&NetworkModule::cascade_indicators), {.cache_anonymous = true});
    // A DRO's or coordinator's profile on the hubs of their regions.
    r.get("/network/profile", "network_moderate", h(&NetworkModule::profile_page));
    r.post("/network/profile", "network_moderate", h(&NetworkModule::save_profile));
    r.get("/network/coalitions", "public", h(&NetworkModule::coalitions), {.cache_anonymous = true});
    r.get("/network/coalitions/feed.atom", "public", h(&NetworkModule::coalitions_feed), {.cache_anonymous = true});
    r.get("/network/coalitions/new", "network_review", h(&NetworkModule::edit_coalition));
    r.post("/network/coalitions/new", "network_review", h(&NetworkModule::save_coalition));
    r.get("/network/coalitions/{id}", "public", h(&NetworkModule::coalition), {.cache_anonymous = true});
    // Coordinators of one of its regions, admins (may_edit_coalition).
    r.get("/network/coalitions/{id}/edit", "network_review", h(&NetworkModule::edit_coalition));
    r.post("/network/coalitions/{id}/edit", "network_review", h(&NetworkModule::save_coalition));
    // A union's stance in a coalition: its representatives (may_speak_for).
    r.post("/network/coalitions/{id}/unions", "signed_in", h(&NetworkModule::set_union_stance));
    // DROs and coordinators of the case's region, admins (may_moderate).
    r.get("/network/moderation", "network_moderate", h(&NetworkModule::moderation));
    r.post("/network/practices/{id}/moderate", "network_moderate", h(&NetworkModule::moderate));
    // Becoming a DRO: anyone signed in applies; the region's coordinators decide (may_review).
    r.get("/network/apply", "signed_in", h(&NetworkModule::apply_page));
    r.post("/network/apply", "signed_in", h(&NetworkModule::apply));
    r.get("/network/applications", "network_review", h(&NetworkModule::applications));
    r.post("/network/applications/{id}/decide", "network_review", h(&NetworkModule::decide_application));
}

}  // namespace avenir::network
