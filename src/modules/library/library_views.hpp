#pragma once
// View models of the library's pages, as free functions: stored data in, JSON for the templates
// (or an Atom feed) out. No SQL, no permission decisions: handlers pass what the reader may do.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/feed/atom.hpp"
#include "core/http/request.hpp"
#include "core/kit/reference.hpp"
#include "core/view/layout.hpp"
#include "modules/library/library_store.hpp"

namespace avenir::library {

// What every view needs: the request (language, prefix), the layout (translations, links) and
// the reference data (region and theme names).
struct ViewEnv {
    http::Request& req;
    const view::Layout& layout;
    const kit::ReferenceSnapshot& ref;
    std::string tr(std::string_view msgid) const { return layout.tr(req, msgid); }
    std::string href(std::string_view path) const { return view::Layout::href(req, path); }
};

// The listing's filters from the query string (unknown values dropped), and back.
Filters filters_from(const http::Request& req);
std::string query_of(const Filters& f, const std::string& q);

// A result card (listing, search, region section).
nlohmann::json card_view(const ViewEnv& env, const Hit& h);
// /library and /library/search: results, facets with counts, active filters, pages.
nlohmann::json listing_view(const ViewEnv& env, const Page& page, const Filters& f, const std::string& raw_q,
                            const SearchQuery& q, int page_no, int page_size);
// /library/{id}, showing version v.
nlohmann::json resource_view(const ViewEnv& env, const Resource& r, const Version& v);
// The editor tools of a resource page (upload form, delete), for someone who may edit it.
void add_editor_tools(const ViewEnv& env, const Resource& r, const Version& v, const std::string& csrf,
                      std::uint64_t max_upload_bytes, nlohmann::json& d);
// The create/edit form with its problems.
nlohmann::json editor_view(const ViewEnv& env, const Resource& r, const std::vector<std::string>& errors, const std::string& csrf);
// The library's section of a region page.
nlohmann::json region_section_view(const ViewEnv& env, const Page& page, const std::string& slug);
// An Atom feed of resources; self is the feed's path ("/library/feed.atom").
feed::Feed feed_view(const ViewEnv& env, const std::vector<Resource>& resources, const std::string& base_url,
                     const std::string& title, const std::string& self);

// Helpers shared by the views.
std::string region_label(const ViewEnv& env, const std::string& slug);
// A plain-text excerpt of Markdown, cut on a word boundary.
std::string excerpt(const std::string& md, std::size_t max);
std::string human_size(std::int64_t bytes);
std::string duration_text(std::int64_t seconds);

// Human labels (English msgids) of the library's keys, translated by the caller.
std::string_view type_label(std::string_view type);
std::string_view audience_label(std::string_view audience);
std::string_view language_name(std::string_view lang);

}  // namespace avenir::library
