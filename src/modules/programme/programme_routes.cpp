// Route table of the programme module: method, path, permission, handler.
#include "modules/programme/programme_module.hpp"

namespace avenir::programme {

void ProgrammeModule::routes(kit::Registration& reg) {
    // Public pages, the same for every reader (signed-in readers share them by what they may do):
    // kept whole by the page cache.
    const http::RouteOptions cached{.cache_anonymous = true, .cache_with_query = false, .cache_signed_in = true};
    reg.get("/", "public", [this](http::Request& r) { return home(r); }, cached);
    reg.get("/regions", "public", [this](http::Request& r) { return regions(r); }, cached);
    reg.get("/regions/{slug}", "public", [this](http::Request& r) { return region(r); }, cached);
    reg.get("/contacts", "public", [this](http::Request& r) { return contacts(r); }, cached);
}

}  // namespace avenir::programme
