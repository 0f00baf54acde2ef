#pragma once
// The regional resource library: browse with facets, multilingual search, resource pages with
// their language versions and files, editing for DROs, coordinators and admins, Atom feeds, bulk
// import, and a section on each region page.
//
// Files: library_routes.cpp (the route table), library_rules.cpp (who may do what),
// library_handlers.cpp and library_editor.cpp (request -> store -> view), library_views.cpp (view
// models), library_store.cpp (SQL), library_import.cpp (JSONL), library_text.cpp (tokenizer,
// stemming, highlighting). Demo data for benchmarks is a separate program (demo/).
#include <cstdint>
#include <filesystem>
#include <iosfwd>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/http/router.hpp"
#include "core/kit/extensions.hpp"
#include "core/kit/module.hpp"
#include "modules/library/library_store.hpp"

namespace avenir::library {

struct ViewEnv;

struct ImportSummary {
    std::size_t imported = 0;   // resources created or updated
    std::size_t unchanged = 0;  // resources with a ref already imported as they are
    std::vector<std::pair<std::size_t, std::string>> errors;  // line number, message
};

class LibraryModule final : public kit::Module {
public:
    std::string name() const override { return "library"; }
    // library.max_upload_mb, `avenir library import`; registers the SQLite search functions.
    void declare(kit::Declarations& d) override;
    void start(kit::Context& ctx, kit::Registration& reg) override;

    // `avenir library import FILE.jsonl`: imports the good lines, reports the bad ones.
    ImportSummary import_jsonl(std::istream& in);
    // Imports content_root/library/*.jsonl (every line with a ref); returns the resources changed.
    // Throws ContentError naming the file and line of the first bad line.
    int seed(const std::filesystem::path& content_root);
    LibraryStore store() { return LibraryStore(ctx_->db); }

private:
    void routes(kit::Registration& reg);
    // The library's section of a region page: that region's resources, key publications first.
    std::string region_section(http::Request& req, const std::string& slug);
    int import_command();

    http::Response listing(http::Request& req);
    http::Response resource_page(http::Request& req);
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
    Resource find(http::Request& req);
    // For a resource that is not public: a redirect to sign in for an anonymous reader, nothing
    // for one who may open it (members, its editors, or its gate says so); Forbidden otherwise.
    std::optional<http::Response> refuse_unless_open(http::Request& req, const Resource& r);
    // The kit::Shelf this module provides.
    std::pair<std::int64_t, std::vector<std::string>> file_recording(const kit::ShelfRecording& rec, std::optional<std::int64_t> by);
    std::map<std::string, kit::ShelfItem> shelf_items(const std::vector<std::string>& refs);
    // A resource the request's person may change (403 otherwise).
    Resource find_editable(http::Request& req);

    kit::Context* ctx_ = nullptr;
    std::uint64_t max_upload_bytes_ = 50ull << 20;
    std::string import_file_;  // `avenir library import FILE`
};

}  // namespace avenir::library
