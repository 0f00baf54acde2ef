// Request -> library store -> view model -> template: listing and search with facets, a resource
// with its language versions, downloads, feeds and the region pages' section.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>

#include "core/auth/principal.hpp"
#include "core/errors.hpp"
#include "core/files/blob_store.hpp"
#include "core/files/filename.hpp"
#include "core/http/pipeline.hpp"
#include "core/http/range.hpp"
#include "core/view/layout.hpp"
#include "modules/library/library_module.hpp"
#include "modules/library/library_rules.hpp"
#include "modules/library/library_views.hpp"

namespace avenir::library {
namespace {

constexpr int kPageSize = 20;

int page_number(const std::string& text) {
    int v = 1;
    if (text.empty() || std::from_chars(text.data(), text.data() + text.size(), v).ptr != text.data() + text.size()) return 1;
    return std::clamp(v, 1, 500);
}

}  // namespace

Resource LibraryModule::find(http::Request& req) {
    auto r = store().get(req.path_int("id"));
    if (!r) throw NotFound("There is no such resource in the library.");
    return std::move(*r);
}

Resource LibraryModule::find_editable(http::Request& req) {
    Resource r = find(req);
    if (!may_edit(auth::current_principal(req), r)) throw Forbidden("You may edit only the resources of the regions you work in.");
    return r;
}

http::Response LibraryModule::listing(http::Request& req) {
    const Filters f = filters_from(req);
    const std::string raw_q = req.query("q");
    const SearchQuery q = parse_query(raw_q);
    const int page_no = page_number(req.query("page"));
    const int offset = (page_no - 1) * kPageSize;
    const Page page = q.empty() ? store().browse(f, offset, kPageSize) : store().search(q, f, offset, kPageSize);
    const auto ref = ctx_->reference.get();
    const ViewEnv env{req, ctx_->layout, *ref};
    nlohmann::json d = listing_view(env, page, f, raw_q, q, page_no, kPageSize);
    d["can_edit"] = ctx_->access.allowed(req, "library_editor");
    const std::string title = d["title"];
    return ctx_->layout.page(req, "library/index", std::move(d), title);
}

std::optional<http::Response> LibraryModule::refuse_unless_open(http::Request& req, const Resource& r) {
    if (r.is_public()) return std::nullopt;
    http::mark_private(req);  // what one reader may open, another may not: never shared from the cache
    const auth::Principal* who = auth::current_principal(req);
    if (!who) {
        const std::string here = view::Layout::href(req, req.path);
        return http::Response::redirect(view::Layout::href(req, "/account/sign-in?next=" + here));
    }
    if (r.access == "members" || may_edit(who, r)) return std::nullopt;
    for (const auto* gate : ctx_->extensions.all<kit::ResourceGate>())
        if (r.gate.starts_with(gate->prefix) && gate->allows(req, r.gate)) return std::nullopt;
    throw Forbidden("This resource is only for the people it was shared with.");
}

http::Response LibraryModule::resource_page(http::Request& req) {
    const Resource r = find(req);
    if (auto refused = refuse_unless_open(req, r)) return std::move(*refused);
    const std::string want = req.query("lang");
    const Version& v = is_language(want) && r.version(want) ? *r.version(want) : r.best_version(req.lang);
    const auto ref = ctx_->reference.get();
    const ViewEnv env{req, ctx_->layout, *ref};
    nlohmann::json d = resource_view(env, r, v);
    if (ctx_->access.allowed(req, "library_editor") && may_edit(auth::current_principal(req), r))
        add_editor_tools(env, r, v, ctx_->access.csrf(req), max_upload_bytes_, d);
    return ctx_->layout.page(req, "library/resource", std::move(d), v.title);
}

http::Response LibraryModule::download(http::Request& req) {
    const auto file = store().file(req.path_int("id"), req.path_int("file_id"));
    if (!file) throw NotFound("There is no such file.");
    const Resource r = find(req);
    if (auto refused = refuse_unless_open(req, r)) return std::move(*refused);
    const auto path = ctx_->blobs.path_of(file->hash);
    if (!path) throw NotFound("There is no such file.");
    http::Response res = http::file_response(req, path->string(), static_cast<std::uint64_t>(file->size), file->content_type, file->hash);
    // Media and PDF open in the browser (players seek with Range); office files download.
    const bool show = file->content_type == "application/pdf" || file->content_type.starts_with("image/") ||
                      file->content_type.starts_with("audio/") || file->content_type.starts_with("video/");
    res.set_header("Content-Disposition", files::content_disposition(show ? "inline" : "attachment", file->name));
    res.set_header("Cache-Control", r.is_public() ? "public, max-age=86400" : "private, no-store");
    // Uploaded content never runs as a page of this site.
    res.set_header("Content-Security-Policy", "default-src 'none'; sandbox");
    return res;
}

http::Response LibraryModule::feed(http::Request& req) {
    const auto ref = ctx_->reference.get();
    const ViewEnv env{req, ctx_->layout, *ref};
    Filters f = filters_from(req);
    std::string title = env.tr("Avenir library: new resources");
    std::string self = "/library/feed.atom";
    if (req.params.contains("slug")) {
        const std::string& slug = req.param("slug");
        if (!is_region(slug)) throw NotFound("There is no such region.");
        f = Filters{};
        f.regions = {slug};
        title += " — " + region_label(env, slug);
        self = "/library/feeds/regions/" + slug;
    } else if (req.params.contains("theme")) {
        const auto t = theme_number(req.param("theme"));
        if (!t) throw NotFound("There is no such theme.");
        f = Filters{};
        f.themes = {*t};
        title += " — " + ref->theme_title(*t, req.lang);
        self = "/library/feeds/themes/" + std::string(theme_key(*t));
    }
    return feed::atom_response(feed_view(env, store().recent(f, 50), ctx_->base_url, title, self));
}

std::string LibraryModule::region_section(http::Request& req, const std::string& slug) {
    Filters f;
    f.regions = {slug};
    const Page page = store().browse(f, 0, 12, true);
    const auto ref = ctx_->reference.get();
    const ViewEnv env{req, ctx_->layout, *ref};
    return ctx_->views.render(req.lang, "library/region_section", region_section_view(env, page, slug));
}

}  // namespace avenir::library
