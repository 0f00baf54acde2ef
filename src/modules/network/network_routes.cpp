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
    r.get("/network/coalitions", "public", h(&NetworkModule::coalitions), {.cache_anonymous = true});
    r.get("/network/coalitions/feed.atom", "public", h(&NetworkModule::coalitions_feed), {.cache_anonymous = true});
    r.get("/network/coalitions/{id}", "public", h(&NetworkModule::coalition), {.cache_anonymous = true});
    // DROs and coordinators of the case's region, admins (may_moderate).
    r.get("/network/moderation", "network_moderate", h(&NetworkModule::moderation));
    r.post("/network/practices/{id}/moderate", "network_moderate", h(&NetworkModule::moderate));
}

}  // namespace avenir::network
