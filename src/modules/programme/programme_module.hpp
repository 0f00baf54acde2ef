#pragma once
// The programme's public pages: home, regions, a region, contacts. Content comes from
// content/programme (see `avenir seed`) through ProgrammeStore.
#include <chrono>
#include <filesystem>
#include <functional>

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
    // The regions' slugs and names in lang (fallback to English), in order.
    std::vector<std::pair<std::string, std::string>> region_names(const std::string& lang);
    // Another module's HTML section shown on each region page (e.g. the library's resources),
    // given the request and the region's slug.
    void add_region_section(std::function<std::string(http::Request&, const std::string&)> section) {
        region_sections_.push_back(std::move(section));
    }
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
    std::vector<std::function<std::string(http::Request&, const std::string&)>> region_sections_;
    view::PageCache cache_;
};

}  // namespace avenir::programme
