#pragma once
// The programme's public pages: home, regions, a region, contacts. Content comes from
// content/programme (see `avenir seed`) through ProgrammeStore.
#include <chrono>
#include <filesystem>

#include "core/http/router.hpp"
#include "core/view/layout.hpp"
#include "core/view/page_cache.hpp"
#include "modules/programme/programme_store.hpp"

namespace avenir::programme {

class ProgrammeModule {
public:
    ProgrammeModule(storage::Database& db, const view::Layout& layout, std::chrono::milliseconds cache_ttl);

    // The route table, each route with its permission.
    void register_routes(http::Router& router);
    // Loads content_dir (content/programme) into the database; returns the rows changed.
    int seed(const std::filesystem::path& content_dir);

    // Slugs of the regions, in order (for other modules through main).
    std::vector<std::string> region_slugs();
    // The title of theme `number` in lang (fallback to English); "" when unknown.
    std::string theme_title(int number, const std::string& lang);
    http::Response home(http::Request& req);
    http::Response regions(http::Request& req);
    http::Response region(http::Request& req);
    http::Response contacts(http::Request& req);

private:
    // Anonymous pages are cached whole per language and path.
    http::Response cached(http::Request& req, http::Response (ProgrammeModule::*render)(http::Request&));
    http::Response render_home(http::Request& req);
    http::Response render_regions(http::Request& req);
    http::Response render_region(http::Request& req);
    http::Response render_contacts(http::Request& req);

    ProgrammeStore store_;
    const view::Layout& layout_;
    view::PageCache cache_;
};

}  // namespace avenir::programme
