// The library's shelf for other modules (kit::Shelf): a recording filed by its owner's reference,
// created the first time and updated after, with the access its owner chose.
#include "core/clock.hpp"
#include "core/log.hpp"
#include "modules/library/library_module.hpp"

namespace avenir::library {

std::pair<std::int64_t, std::vector<std::string>> LibraryModule::file_recording(const kit::ShelfRecording& rec, std::optional<std::int64_t> by) {
    LibraryStore lib = store();
    const auto existing = rec.ref.empty() ? std::nullopt : lib.id_of_ref(rec.ref);
    Resource r;
    if (existing) r = *lib.get(*existing);  // other language versions, themes and files stay
    r.ref = rec.ref;
    r.type = "recording";
    r.regions = rec.regions;
    r.date = rec.date;
    r.url = rec.url;
    r.duration_seconds = rec.duration_seconds;
    r.access = rec.access;
    r.gate = rec.gate;
    Version v;
    if (const Version* old = r.version(rec.lang)) v = *old;
    v.lang = rec.lang;
    v.title = rec.title;
    v.summary = rec.summary;
    v.transcript = rec.transcript;
    std::erase_if(r.versions, [&](const Version& x) { return x.lang == rec.lang; });
    r.versions.insert(r.versions.begin(), std::move(v));
    std::vector<std::string> problems;
    if (rec.ref.empty()) problems.push_back("ref: a filed recording needs its owner's reference");
    if (!is_language(rec.lang)) problems.push_back("lang: \"" + rec.lang.substr(0, 10) + "\" is not a language of the library (en, fr, es, ar)");
    for (auto& p : validate(r)) problems.push_back(std::move(p));
    if (!problems.empty()) return {0, problems};
    const std::int64_t now = clock::unix_seconds();
    std::int64_t id = 0;
    if (existing) {
        lib.update(r, now);
        id = *existing;
    } else {
        id = lib.create(r, by, now);
    }
    ctx_->pages_changed();
    log::info("library_recording_filed", log::kv("resource", std::to_string(id)) + " " + log::kv("access", r.access));
    return {id, {}};
}

std::map<std::string, kit::ShelfItem> LibraryModule::shelf_items(const std::vector<std::string>& refs) {
    std::map<std::string, kit::ShelfItem> out;
    for (const auto& r : store().by_refs(refs)) {
        kit::ShelfItem item{r.id, r.ref, r.versions.front().title, r.versions.front().lang, r.access, r.url, r.duration_seconds};
        for (const auto& v : r.versions) {
            if (!v.transcript.empty()) item.transcript = true;
            for (const auto& f : v.files) {
                if (f.role == "main") item.video_file = true;
                else if (f.role == "audio") item.audio_file = true;
                else if (f.role == "transcript") item.transcript = true;
            }
        }
        out.emplace(r.ref, std::move(item));
    }
    return out;
}

}  // namespace avenir::library
