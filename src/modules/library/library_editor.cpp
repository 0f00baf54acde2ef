// Creating and editing resources (DROs, coordinators, admins), uploads and deletions.
#include <nlohmann/json.hpp>

#include <chrono>

#include "core/auth/principal.hpp"
#include "core/errors.hpp"
#include "core/files/blob_store.hpp"
#include "core/files/filename.hpp"
#include "core/files/sniff.hpp"
#include "core/i18n/i18n.hpp"
#include "core/i18n/message.hpp"
#include "core/log.hpp"
#include "core/clock.hpp"
#include "core/view/layout.hpp"
#include "modules/library/library_module.hpp"
#include "modules/library/library_rules.hpp"
#include "modules/library/library_views.hpp"

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
            // Beyond 100 hours it is a typing mistake (and the product could overflow).
            const long long m = std::stoll(minutes);
            r.duration_seconds = m >= 0 && m <= 6000 ? m * 60 : -1;
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
    const auto ref = ctx_->reference.get();
    const ViewEnv env{req, ctx_->layout, *ref};
    nlohmann::json d = editor_view(env, r, errors, ctx_->access.csrf(req));
    const std::string title = d["title"];
    return ctx_->layout.page(req, "library/edit", std::move(d), title, status);
}

http::Response LibraryModule::new_form(http::Request& req) { return editor_page(req, Resource{}, {}, 200); }

http::Response LibraryModule::create(http::Request& req) {
    const auth::Principal& who = auth::require_principal(req);
    Resource r = from_form(req.form(), Resource{});
    auto problems = validate(r);
    if (problems.empty() && !may_edit(&who, r))
        problems.push_back(ctx_->layout.tr(req, "You may add resources only for the regions you work in."));
    if (!problems.empty()) return editor_page(req, r, problems, 422);
    // The resource and its audit entry commit together.
    const std::int64_t id = ctx_->db.with_tx([&](storage::Transaction& tx) {
        const std::int64_t created = LibraryStore(tx).create(r, who.user_id, clock::unix_seconds());
        ctx_->audit.record(tx, {"library_resource_created", who.user_id, std::nullopt, std::to_string(created)});
        return created;
    });
    ctx_->pages_changed();
    log::info("library_resource_created", log::kv("resource", std::to_string(id)));
    return http::Response::redirect(view::Layout::href(req, "/library/" + std::to_string(id)));
}

http::Response LibraryModule::edit_form(http::Request& req) { return editor_page(req, find_editable(req), {}, 200); }

http::Response LibraryModule::save(http::Request& req) {
    const Resource base = find_editable(req);
    Resource r = from_form(req.form(), base);
    auto problems = validate(r);
    if (problems.empty() && !may_edit(auth::current_principal(req), r))
        problems.push_back(ctx_->layout.tr(req, "Keep at least one of the regions you work in."));
    if (!problems.empty()) return editor_page(req, r, problems, 422);
    store().update(r, clock::unix_seconds());
    ctx_->pages_changed();
    return http::Response::redirect(view::Layout::href(req, "/library/" + std::to_string(r.id)));
}

http::Response LibraryModule::remove(http::Request& req) {
    const Resource r = find_editable(req);
    if (req.form().get("confirm") != "yes")
        throw Unprocessable(ctx_->layout.tr(req, "Tick the box to confirm that the resource and its files should be deleted."));
    std::vector<std::string> hashes;
    for (const auto& v : r.versions)
        for (const auto& f : v.files)
            if (auto orphan = store().remove_file(r.id, f.id)) hashes.push_back(*orphan);
    store().remove(r.id);
    for (const auto& h : hashes) ctx_->blobs.remove(h);
    ctx_->pages_changed();
    return http::Response::redirect(view::Layout::href(req, "/library"));
}

http::Response LibraryModule::upload(http::Request& req) {
    const Resource r = find_editable(req);
    const auth::Principal& who = auth::require_principal(req);
    const auto& form = req.form();
    const http::UploadedFile* file = form.file("file");
    auto fail = [&](const std::string& message) {
        throw Unprocessable(message);
    };
    if (!file || file->size() == 0) fail(ctx_->layout.tr(req, "Choose a file to upload."));
    if (file->size() > max_upload_bytes_) {
        fail(i18n::message(ctx_->catalog, req.lang, "This file is larger than the upload limit ({1}).", human_mb(max_upload_bytes_)));
    }
    // The upload arrived on disk (never whole in memory): sniffed there, then moved into the store.
    const auto kind = files::sniff_allowed_file(file->file->path());
    if (!kind) fail(ctx_->layout.tr(req, "This kind of file is not accepted. Accepted:") + " " + files::allowed_kinds_label() + ".");
    std::string lang = form.get("lang");
    if (!r.version(lang)) lang = r.versions.front().lang;
    std::string role = form.get("role");
    if (role != "audio" && role != "transcript") role = "main";
    const auto stored = ctx_->blobs.put_file(file->file->path());
    if (stored.moved) file->file->keep();
    FileRef ref;
    ref.role = role;
    ref.hash = stored.hash;
    ref.name = files::sanitize_filename(file->filename, kind->extension);
    ref.content_type = kind->mime;
    ref.size = static_cast<std::int64_t>(stored.size);
    store().add_file(r.id, lang, ref, who.user_id, clock::unix_seconds());
    ctx_->pages_changed();
    return http::Response::redirect(view::Layout::href(req, "/library/" + std::to_string(r.id)) + "?lang=" + lang);
}

http::Response LibraryModule::remove_file(http::Request& req) {
    const Resource r = find_editable(req);
    if (auto orphan = store().remove_file(r.id, req.path_int("file_id"))) ctx_->blobs.remove(*orphan);
    ctx_->pages_changed();
    return http::Response::redirect(view::Layout::href(req, "/library/" + std::to_string(r.id)));
}

}  // namespace avenir::library
