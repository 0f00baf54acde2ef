#pragma once
// The regional resource library: browse with facets, multilingual search, resource pages with
// their language versions and files, editing for DROs, coordinators and admins, Atom feeds,
// bulk import and demo data.
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <iosfwd>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "core/http/router.hpp"
#include "core/view/layout.hpp"
#include "core/view/page_cache.hpp"
#include "modules/library/library_store.hpp"

namespace avenir::files {
class BlobStore;
}

namespace avenir::library {

struct LibraryOptions {
    std::chrono::milliseconds cache_ttl{5000};
    std::string files_dir = "var/files";           // content-addressed uploads
    std::uint64_t max_upload_bytes = 50ull << 20;  // per file
    std::string base_url;                          // absolute links in feeds ("https://avenir.example.org")
    // From other modules, through the app:
    std::function<std::string(int theme, const std::string& lang)> theme_title;
    std::function<std::vector<std::pair<std::string, std::string>>(const std::string& lang)> region_names;
    std::function<std::string(http::Request&)> csrf;
    std::function<bool(http::Request&, std::string_view permission)> allowed;
};

struct ImportSummary {
    std::size_t imported = 0;   // resources created or updated
    std::size_t unchanged = 0;  // resources with a ref already imported as they are
    std::vector<std::pair<std::size_t, std::string>> errors;  // line number, message
};

class LibraryModule {
public:
    LibraryModule(storage::Database& db, const view::Layout& layout, LibraryOptions options);
    ~LibraryModule();

    void register_routes(http::Router& router);
    // The library's section of a region page: that region's resources, key publications first.
    std::string region_section(http::Request& req, const std::string& slug);
    // `avenir library import FILE.jsonl`: imports the good lines, reports the bad ones.
    ImportSummary import_jsonl(std::istream& in);
    // Imports content/library/*.jsonl (every line with a ref); returns the resources changed.
    // Throws std::invalid_argument naming the file and line of the first bad line.
    int seed(const std::filesystem::path& dir);
    // `avenir demo-data --resources N`: generated multilingual resources; returns how many.
    std::size_t add_demo(std::size_t count, std::uint64_t seed, const std::function<void(std::size_t)>& progress = {});
    LibraryStore& store() { return store_; }

private:
    http::Response listing(http::Request& req);
    http::Response render_listing(http::Request& req);
    http::Response resource_page(http::Request& req);
    http::Response render_resource(http::Request& req);
    http::Response download(http::Request& req);
    http::Response feed(http::Request& req);
    http::Response new_form(http::Request& req);
    http::Response create(http::Request& req);
    http::Response edit_form(http::Request& req);
    http::Response save(http::Request& req);
    http::Response remove(http::Request& req);
    http::Response upload(http::Request& req);
    http::Response remove_file(http::Request& req);
    http::Response editor_page(http::Request& req, const Resource& r, const std::vector<std::string>& errors, int status);
    http::Response cached(http::Request& req, http::Response (LibraryModule::*render)(http::Request&));
    Resource find(http::Request& req);
    // Whether the signed-in editor may change this resource (admins: all; coordinators and DROs:
    // resources of their regions, and those they created).
    bool may_edit(http::Request& req, const Resource& r);
    nlohmann::json card(http::Request& req, const Hit& h, const std::vector<std::pair<std::string, std::string>>& regions);

    LibraryStore store_;
    const view::Layout& layout_;
    LibraryOptions options_;
    view::PageCache cache_;
    std::unique_ptr<files::BlobStore> blobs_;
};

// Seconds since the epoch (created_at, updated_at).
std::int64_t unix_seconds();

// Human labels (English msgids) of the library's keys, translated by the caller.
std::string_view type_label(std::string_view type);
std::string_view audience_label(std::string_view audience);
std::string_view language_name(std::string_view lang);

}  // namespace avenir::library
