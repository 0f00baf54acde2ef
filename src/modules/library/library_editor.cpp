// Creating and editing resources (DROs, coordinators, admins), uploads and deletions.
#include <nlohmann/json.hpp>

#include <chrono>

#include "core/auth/principal.hpp"
#include "core/errors.hpp"
#include "core/files/blob_store.hpp"
#include "core/files/filename.hpp"
#include "core/files/sniff.hpp"
#include "core/i18n/i18n.hpp"
#include "core/log.hpp"
#include "modules/library/library_module.hpp"

namespace avenir::library {
namespace {
using nlohmann::json;

std::string human_mb(std::uint64_t bytes) { return std::to_string((bytes + (1 << 20) - 1) >> 20) + " MB"; }

// The resource as the form describes it (over base: id and files stay).
Resource from_form(const http::Form& f, Resource base) {
    Resource r = std::move(base);
    r.type = f.get("type");
    r.date = f.get("date");
    r.publisher = f.get("publisher");
    r.licence = f.get("licence");
    r.url = f.get("url");
    r.key_publication = f.get("key") == "1";
    const std::string minutes = f.get("duration_minutes");
    r.duration_seconds = 0;
    if (!minutes.empty()) {
        try {
            r.duration_seconds = std::stoll(minutes) * 60;
        } catch (...) {
            r.duration_seconds = -1;  // validate() names the field
        }
    }
    r.regions = f.all("regions");
    r.themes.clear();
    for (const auto& t : f.all("themes"))
        if (auto n = theme_number(t)) r.themes.push_back(*n);
        else r.themes.push_back(0);
    r.audiences = f.all("audiences");
    std::vector<Version> versions;
    for (auto lang : kLanguages) {
        const std::string l(lang);
        Version v;
        if (const Version* old = r.version(l)) v = *old;
        v.lang = l;
        v.title = f.get("title_" + l);
        v.summary = f.get("summary_" + l);
        v.body_md = f.get("body_" + l);
        v.transcript = f.get("transcript_" + l);
        v.url = f.get("url_" + l);
        const bool any = !v.title.empty() || !v.summary.empty() || !v.body_md.empty() || !v.transcript.empty() || !v.url.empty();
        if (any) versions.push_back(std::move(v));
    }
    r.versions = std::move(versions);
    return r;
}

}  // namespace

http::Response LibraryModule::editor_page(http::Request& req, const Resource& r, const std::vector<std::string>& errors, int status) {
    json d;
    d["is_new"] = r.id == 0;
    d["action"] = layout_.href(req, r.id == 0 ? "/library/new" : "/library/" + std::to_string(r.id) + "/edit");
    d["csrf"] = options_.csrf(req);
    d["errors"] = errors;
    d["has_errors"] = !errors.empty();
    json types = json::array();
    for (auto t : kTypes) types.push_back({{"value", std::string(t)}, {"label", layout_.tr(req, type_label(t))}, {"selected", r.type == t}});
    d["types"] = types;
    json regions = json::array();
    auto has = [](const auto& v, const auto& x) { return std::find(v.begin(), v.end(), x) != v.end(); };
    regions.push_back({{"value", "global"}, {"label", layout_.tr(req, "Global")}, {"checked", has(r.regions, std::string("global"))}});
    for (const auto& [slug, name] : options_.region_names(req.lang)) regions.push_back({{"value", slug}, {"label", name}, {"checked", has(r.regions, slug)}});
    d["regions"] = regions;
    json themes = json::array();
    for (int t = 1; t <= static_cast<int>(std::size(kThemes)); ++t)
        themes.push_back({{"value", std::string(theme_key(t))}, {"label", std::to_string(t) + ". " + options_.theme_title(t, req.lang)}, {"checked", has(r.themes, t)}});
    d["themes"] = themes;
    json auds = json::array();
    for (auto a : kAudiences) auds.push_back({{"value", std::string(a)}, {"label", layout_.tr(req, audience_label(a))}, {"checked", has(r.audiences, std::string(a))}});
    d["audiences"] = auds;
    d["date"] = r.date;
    d["publisher"] = r.publisher;
    d["licence"] = r.licence;
    d["url"] = r.url;
    d["key"] = r.key_publication;
    d["duration_minutes"] = r.duration_seconds > 0 ? std::to_string(r.duration_seconds / 60) : "";
    json versions = json::array();
    for (auto lang : kLanguages) {
        const Version* v = r.version(lang);
        versions.push_back({{"code", std::string(lang)}, {"name", std::string(language_name(lang))}, {"dir", lang == "ar" ? "rtl" : "ltr"},
                            {"title", v ? v->title : ""}, {"summary", v ? v->summary : ""}, {"body", v ? v->body_md : ""},
                            {"transcript", v ? v->transcript : ""}, {"url", v ? v->url : ""}});
    }
    d["versions"] = versions;
    d["cancel_href"] = layout_.href(req, r.id == 0 ? "/library" : "/library/" + std::to_string(r.id));
    const std::string title = r.id == 0 ? layout_.tr(req, "Add a resource") : layout_.tr(req, "Edit the resource");
    d["title"] = title;
    return layout_.page(req, "library/edit", std::move(d), title, status);
}

http::Response LibraryModule::new_form(http::Request& req) {
    Resource r;
    r.date = std::string(__DATE__).empty() ? "" : "";
    return editor_page(req, r, {}, 200);
}

http::Response LibraryModule::create(http::Request& req) {
    const auth::Principal& who = auth::require_principal(req);
    Resource r = from_form(req.form(), Resource{});
    auto problems = validate(r);
    if (problems.empty() && !may_edit(req, r))
        problems.push_back(layout_.tr(req, "You may add resources only for the regions you work in."));
    if (!problems.empty()) return editor_page(req, r, problems, 422);
    const std::int64_t id = store_.create(r, who.user_id, unix_seconds());
    cache_.clear();
    log::info("library_resource_created", log::kv("resource", std::to_string(id)));
    return http::Response::redirect(layout_.href(req, "/library/" + std::to_string(id)));
}

http::Response LibraryModule::edit_form(http::Request& req) {
    const Resource r = find(req);
    if (!may_edit(req, r)) throw Forbidden("You may edit only the resources of the regions you work in.");
    return editor_page(req, r, {}, 200);
}

http::Response LibraryModule::save(http::Request& req) {
    const Resource base = find(req);
    if (!may_edit(req, base)) throw Forbidden("You may edit only the resources of the regions you work in.");
    Resource r = from_form(req.form(), base);
    auto problems = validate(r);
    if (problems.empty() && !may_edit(req, r))
        problems.push_back(layout_.tr(req, "Keep at least one of the regions you work in."));
    if (!problems.empty()) return editor_page(req, r, problems, 422);
    store_.update(r, unix_seconds());
    cache_.clear();
    return http::Response::redirect(layout_.href(req, "/library/" + std::to_string(r.id)));
}

http::Response LibraryModule::remove(http::Request& req) {
    const Resource r = find(req);
    if (!may_edit(req, r)) throw Forbidden("You may edit only the resources of the regions you work in.");
    if (req.form().get("confirm") != "yes") throw Unprocessable(layout_.tr(req, "Tick the box to confirm that the resource and its files should be deleted."));
    std::vector<std::string> hashes;
    for (const auto& v : r.versions)
        for (const auto& f : v.files)
            if (auto orphan = store_.remove_file(r.id, f.id)) hashes.push_back(*orphan);
    store_.remove(r.id);
    for (const auto& h : hashes) blobs_->remove(h);
    cache_.clear();
    return http::Response::redirect(layout_.href(req, "/library"));
}

http::Response LibraryModule::upload(http::Request& req) {
    const Resource r = find(req);
    if (!may_edit(req, r)) throw Forbidden("You may edit only the resources of the regions you work in.");
    const auth::Principal& who = auth::require_principal(req);
    const auto& form = req.form();
    const http::UploadedFile* file = form.file("file");
    auto fail = [&](const std::string& message) {
        throw Unprocessable(message);
    };
    if (!file || file->data.empty()) fail(layout_.tr(req, "Choose a file to upload."));
    if (file->data.size() > options_.max_upload_bytes) {
        const std::string m = layout_.tr(req, "This file is larger than the upload limit ({limit}).");
        fail(m.substr(0, m.find("{limit}")) + human_mb(options_.max_upload_bytes) + m.substr(m.find("{limit}") + 7));
    }
    const auto kind = files::sniff_allowed(file->data);
    if (!kind) fail(layout_.tr(req, "This kind of file is not accepted. Accepted:") + " " + files::allowed_kinds_label() + ".");
    std::string lang = form.get("lang");
    if (!r.version(lang)) lang = r.versions.front().lang;
    std::string role = form.get("role");
    if (role != "audio" && role != "transcript") role = "main";
    const auto stored = blobs_->put(file->data);
    FileRef ref;
    ref.role = role;
    ref.hash = stored.hash;
    ref.name = files::sanitize_filename(file->filename, kind->extension);
    ref.content_type = kind->mime;
    ref.size = static_cast<std::int64_t>(stored.size);
    store_.add_file(r.id, lang, ref, who.user_id, unix_seconds());
    cache_.clear();
    return http::Response::redirect(layout_.href(req, "/library/" + std::to_string(r.id)) + "?lang=" + lang);
}

http::Response LibraryModule::remove_file(http::Request& req) {
    const Resource r = find(req);
    if (!may_edit(req, r)) throw Forbidden("You may edit only the resources of the regions you work in.");
    if (auto orphan = store_.remove_file(r.id, req.path_int("file_id"))) blobs_->remove(*orphan);
    cache_.clear();
    return http::Response::redirect(layout_.href(req, "/library/" + std::to_string(r.id)));
}

void LibraryModule::register_routes(http::Router& router) {
    const http::RouteOptions everyone{.permission = "public"};
    router.get("/library", [this](http::Request& r) { return listing(r); }, everyone);
    router.get("/library/search", [this](http::Request& r) { return listing(r); }, everyone);
    router.get("/library/feed.atom", [this](http::Request& r) { return feed(r); }, everyone);
    router.get("/library/feeds/regions/{slug}", [this](http::Request& r) { return feed(r); }, everyone);
    router.get("/library/feeds/themes/{theme}", [this](http::Request& r) { return feed(r); }, everyone);
    const http::RouteOptions editors{.permission = "library_editor"};
    router.get("/library/new", [this](http::Request& r) { return new_form(r); }, editors);
    router.post("/library/new", [this](http::Request& r) { return create(r); }, editors);
    router.get("/library/{id}", [this](http::Request& r) { return resource_page(r); }, everyone);
    router.get("/library/{id}/files/{file_id}", [this](http::Request& r) { return download(r); }, everyone);
    router.get("/library/{id}/edit", [this](http::Request& r) { return edit_form(r); }, editors);
    router.post("/library/{id}/edit", [this](http::Request& r) { return save(r); }, editors);
    router.post("/library/{id}/delete", [this](http::Request& r) { return remove(r); }, editors);
    http::RouteOptions uploads{.permission = "library_editor"};
    uploads.max_body = options_.max_upload_bytes + (1 << 20);  // the file plus the form around it
    uploads.too_large_message = i18n::noop("This file is larger than the upload limit.");
    router.post("/library/{id}/files", [this](http::Request& r) { return upload(r); }, uploads);
    router.post("/library/{id}/files/{file_id}/delete", [this](http::Request& r) { return remove_file(r); }, editors);
}

}  // namespace avenir::library
