// Route table of the search module: method, path, permission, handler.
#include "modules/sitesearch/sitesearch_module.hpp"

namespace avenir::sitesearch {

void SearchModule::routes(kit::Registration& reg) {
    // Public: what each reader finds depends on what they may see, decided per source in the query.
    reg.get("/search", "public", [this](http::Request& r) { return results(r); });
}

}  // namespace avenir::sitesearch
