// Route table of the library module: method, path, permission, handler.
#include "core/i18n/i18n.hpp"
#include "modules/library/library_module.hpp"

namespace avenir::library {

void LibraryModule::routes(kit::Registration& r) {
    auto h = [this](http::Response (LibraryModule::*handler)(http::Request&)) {
        return [this, handler](http::Request& q) { return (this->*handler)(q); };
    };
    // Readers share rendered pages and feeds (the query carries filters and searches); signed-in
    // ones by what they may do. A resource page with the editor's forms is never kept (CSRF).
    const http::RouteOptions cached{.cache_anonymous = true, .cache_signed_in = true};
    r.get("/library", "public", h(&LibraryModule::listing), cached);
    r.get("/library/search", "public", h(&LibraryModule::listing), cached);
    r.get("/library/feed.atom", "public", h(&LibraryModule::feed), cached);
    r.get("/library/feeds/regions/{slug}", "public", h(&LibraryModule::feed), cached);
    r.get("/library/feeds/themes/{theme}", "public", h(&LibraryModule::feed), cached);
    // Editors reach these; which resources each may change is decided by may_edit().
    r.get("/library/new", "library_editor", h(&LibraryModule::new_form));
    r.post("/library/new", "library_editor", h(&LibraryModule::create));
    r.get("/library/{id}", "public", h(&LibraryModule::resource_page), cached);
    r.get("/library/{id}/files/{file_id}", "public", h(&LibraryModule::download));
    r.get("/library/{id}/edit", "library_editor", h(&LibraryModule::edit_form));
    r.post("/library/{id}/edit", "library_editor", h(&LibraryModule::save));
    r.post("/library/{id}/delete", "library_editor", h(&LibraryModule::remove));
    http::RouteOptions uploads;
    uploads.max_body = max_upload_bytes_ + (1 << 20);  // the file plus the form around it
    uploads.too_large_message = i18n::noop("This file is larger than the upload limit.");
    r.post("/library/{id}/files", "library_editor", h(&LibraryModule::upload), uploads);
    r.post("/library/{id}/files/{file_id}/delete", "library_editor", h(&LibraryModule::remove_file));
}

}  // namespace avenir::library
