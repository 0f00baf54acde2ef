// The library module's registration, imports and seeding.
#include "modules/library/library_module.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <fstream>
#include <iostream>
#include <map>
#include <tuple>

#include "core/clock.hpp"
#include "core/errors.hpp"
#include "core/log.hpp"
#include "core/i18n/i18n.hpp"
#include "modules/library/library_import.hpp"
#include "modules/library/library_rules.hpp"
#include "core/search/analyzer.hpp"

namespace avenir::library {

std::unique_ptr<kit::Module> make_module() { return std::make_unique<LibraryModule>(); }

void LibraryModule::declare(kit::Declarations& d) {
    install_sqlite_search();  // before any SQLite database is opened
    d.setting({"library.max_upload_mb", "AVENIR_MAX_UPLOAD_MB", "50", "the largest file accepted for upload, in MB (the form states it)",
               SettingSpec::Type::Number, 2048});
    d.command({{"library", "import"},
               "import resources from a JSON Lines file (one object per line: title, summary, body, lang, regions, themes, type, "
               "date, publisher, url); bad lines are reported with their number, good lines imported; exit 4 if any line was refused",
               [this](CLI::App& c) { c.add_option("FILE", import_file_, "the .jsonl file")->required(); },
               [this] { return import_command(); }});
    d.command({{"library", "optimize"},
               "after a bulk import: merge the search index (SQLite) or vacuum and analyse the library's tables (PostgreSQL); "
               "safe while the server runs",
               [](CLI::App&) {},
               [this] {
                   LibraryStore(ctx_->db).optimize();
                   std::cout << "library search index optimized\n";
                   return 0;
               }});
}

void LibraryModule::start(kit::Context& ctx, kit::Registration& reg) {
    ctx_ = &ctx;
    max_upload_bytes_ = static_cast<std::uint64_t>(ctx.config.number("library.max_upload_mb")) << 20;
    declare_permissions(reg);
    routes(reg);
    reg.nav({.path = "/library", .label = "Library", .order = 20});
    reg.seeder([this](const std::filesystem::path& root) { return seed(root); });
    reg.personal_data({"library_resources", {"created_by"}, {}});  // erasure keeps the resource, anonymous
    reg.personal_data({"library_files", {"uploaded_by"}, {}});
    reg.provide(kit::RegionSection{50, [this](http::Request& req, const std::string& slug) { return region_section(req, slug); }});
    reg.provide(kit::Shelf{[this](const kit::ShelfRecording& r, std::optional<std::int64_t> by) { return file_recording(r, by); },
                           [this](const std::vector<std::string>& refs) { return shelf_items(refs); }});
    // The platform search: the library answers from its own index (public resources only).
    reg.provide(kit::SearchSource{.kind = "library", .label = "Library resources", .order = 20, .audiences = {},
                                  .search = [this](http::Request& req, const SearchQuery& q, int offset, int limit) {
                                      kit::SearchSource::Own out;
                                      auto page = LibraryStore(ctx_->db).search(q, {}, offset, limit);
                                      out.total = page.total;
                                      for (auto& h : page.hits) {
                                          const Version* v = h.resource.version(h.matched_lang);
                                          std::string url = "/library/" + std::to_string(h.resource.id);
                                          if (h.matched_lang != req.lang) url += "?lang=" + h.matched_lang;
                                          out.hits.push_back({"library", std::to_string(h.resource.id), h.matched_lang, url,
                                                              h.title_marked.empty() && v ? v->title : h.title_marked, h.snippet, h.score});
                                      }
                                      return out;
                                  }});
    if (const auto n = LibraryStore(ctx.db).index_pending(); n > 0) log::info("library_indexed", log::kv("versions", static_cast<long long>(n)));
}

int LibraryModule::import_command() {
    std::ifstream in(import_file_, std::ios::binary);
    if (!in) {
        std::cerr << "avenir: cannot read " << import_file_ << "\n";
        return 4;
    }
    const auto summary = import_jsonl(in);
    for (const auto& [line, message] : summary.errors) std::cerr << import_file_ << ":" << line << ": " << message << "\n";
    std::cout << "imported " << summary.imported << " resource(s) from " << import_file_;
    if (summary.unchanged > 0) std::cout << " (" << summary.unchanged << " already up to date)";
    if (!summary.errors.empty()) std::cout << "; " << summary.errors.size() << " line(s) refused (see above), nothing else changed";
    std::cout << "\n";
    return summary.errors.empty() ? 0 : 4;
}

namespace {

bool same_content(const Resource& a, const Resource& b) {
    auto key = [](const Resource& r) {
        return std::tie(r.type, r.regions, r.themes, r.audiences, r.date, r.publisher, r.licence, r.key_publication, r.url, r.duration_seconds);
    };
    if (key(a) != key(b) || a.versions.size() != b.versions.size()) return false;
    for (const auto& v : a.versions) {
        const Version* w = b.version(v.lang);
        if (!w || std::tie(v.title, v.summary, v.body_md, v.transcript, v.url) != std::tie(w->title, w->summary, w->body_md, w->transcript, w->url))
            return false;
    }
    return true;
}

}  // namespace

ImportSummary LibraryModule::import_jsonl(std::istream& in) {
    ImportBatch batch = parse_jsonl(in);
    ImportSummary s;
    for (const auto& e : batch.errors) s.errors.emplace_back(e.line, e.message);
    // Lines with the same ref are one resource: the first line's fields, each line's language.
    std::vector<Resource> plain;
    std::vector<std::string> order;
    std::map<std::string, Resource> by_ref;
    for (std::size_t i = 0; i < batch.resources.size(); ++i) {
        Resource& r = batch.resources[i];
        if (r.ref.empty()) {
            plain.push_back(std::move(r));
            continue;
        }
        auto [it, fresh] = by_ref.try_emplace(r.ref, r);
        if (fresh) {
            order.push_back(r.ref);
        } else if (it->second.version(r.versions.front().lang)) {
            s.errors.emplace_back(batch.lines[i], "ref: \"" + r.ref + "\" already has a " + r.versions.front().lang + " version in this file");
        } else {
            it->second.versions.push_back(r.versions.front());
        }
    }
    std::sort(s.errors.begin(), s.errors.end());
    const std::int64_t now = clock::unix_seconds();
    LibraryStore lib = store();
    for (std::size_t i = 0; i < plain.size(); i += 1000) {
        std::vector<Resource> chunk(plain.begin() + static_cast<std::ptrdiff_t>(i),
                                    plain.begin() + static_cast<std::ptrdiff_t>(std::min(plain.size(), i + 1000)));
        s.imported += lib.create_many(chunk, now).size();
    }
    // Resources with a ref are created once, then updated when the file changes.
    for (const auto& ref : order) {
        Resource r = by_ref.at(ref);
        if (const auto id = lib.id_of_ref(ref)) {
            const Resource old = *lib.get(*id);
            r.id = *id;
            for (const auto& v : old.versions)  // languages the file does not carry are kept
                if (!r.version(v.lang)) r.versions.push_back(v);
            validate(r);
            if (same_content(r, old)) {
                ++s.unchanged;
                continue;
            }
            lib.update(r, now);
        } else {
            lib.create(r, std::nullopt, now);
        }
        ++s.imported;
    }
    ctx_->pages_changed();
    return s;
}

int LibraryModule::seed(const std::filesystem::path& content_root) {
    const std::filesystem::path dir = content_root / "library";
    if (!std::filesystem::is_directory(dir)) return 0;
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::directory_iterator(dir))
        if (e.path().extension() == ".jsonl") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    int changed = 0;
    for (const auto& f : files) {
        std::ifstream in(f, std::ios::binary);
        const auto summary = import_jsonl(in);
        if (!summary.errors.empty())
            throw ContentError(f.string() + ":" + std::to_string(summary.errors.front().first) + ": " + summary.errors.front().second);
        changed += static_cast<int>(summary.imported);
    }
    return changed;
}

}  // namespace avenir::library
