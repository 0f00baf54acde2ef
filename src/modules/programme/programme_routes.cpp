// Route table of the programme module: method, path, handler, permission.
#include "modules/programme/programme_module.hpp"

namespace avenir::programme {

void ProgrammeModule::register_routes(http::Router& router) {
    const http::RouteOptions everyone{.permission = "public"};
    router.get("/", [this](http::Request& r) { return home(r); }, everyone);
    router.get("/regions", [this](http::Request& r) { return regions(r); }, everyone);
    router.get("/regions/{slug}", [this](http::Request& r) { return region(r); }, everyone);
    router.get("/contacts", [this](http::Request& r) { return contacts(r); }, everyone);
}

}  // namespace avenir::programme
