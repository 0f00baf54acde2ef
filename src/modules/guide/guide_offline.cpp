// The offline pack: a zip with a self-contained run sheet (index.html, styles inlined, no link
// or resource outside the zip), the participant handout, and a plain-text version short enough
// to paste into a chat message.
#include <zip.h>
#include "core/security/random.hpp"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <regex>

#include "core/errors.hpp"
#include "core/i18n/i18n.hpp"
#include "modules/guide/guide_module.hpp"
#include "modules/guide/guide_timing.hpp"

namespace avenir::guide {
namespace {
using nlohmann::json;
namespace fs = std::filesystem;

// Local links would point outside the zip: keep their text, drop the address.
std::string unlink_local(const std::string& html) {
    static const std::regex local_link(R"(<a href="/[^"]*"( [^>]*)?>)");
    return std::regex_replace(html, local_link, "<a>");
}

std::string plain_text(const json& d) {
    std::string out = d.value("title", "") + "\n" + d.value("duration", "");
    if (d.value("has_times", false)) out += " · " + d.value("start", "") + " → " + d.value("end", "");
    out += "\n\n";
    for (const auto& s : d["steps"]) {
        out += s.value("number", "") + ". ";
        if (s.value("has_time", false)) out += s.value("time", "") + " ";
        out += s.value("title", "") + " (" + s.value("duration", "") + ")\n";
    }
    out += "\n";
    for (const auto& o : d["objectives"]) out += "- " + o.get<std::string>() + "\n";
    return out;
}

// Builds a zip in memory from (name, bytes) entries.
std::string zip_files(const std::vector<std::pair<std::string, std::string>>& files) {
    const fs::path path = fs::temp_directory_path() / ("avenir-pack-" + security::random_hex(8) + ".zip");
    int err = 0;
    zip_t* zip = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
    if (!zip) throw std::runtime_error("zip_open failed: " + std::to_string(err));
    for (const auto& [name, bytes] : files) {
        zip_source_t* src = zip_source_buffer(zip, bytes.data(), bytes.size(), 0);
        if (!src || zip_file_add(zip, name.c_str(), src, ZIP_FL_ENC_UTF_8) < 0) {
            if (src) zip_source_free(src);
            zip_discard(zip);
            throw std::runtime_error("zip_file_add failed");
        }
    }
    if (zip_close(zip) != 0) {
        zip_discard(zip);
        throw std::runtime_error("zip_close failed");
    }
    std::ifstream in(path, std::ios::binary);
    std::string out((std::istreambuf_iterator<char>(in)), {});
    fs::remove(path);
    return out;
}

}  // namespace

http::Response GuideModule::offline_pack(http::Request& req) {
    if (const std::string lang = req.query("lang"); !lang.empty()) {
        if (!i18n::find_language(lang)) throw BadRequest("Choose one of the languages: en, fr, es or ar.");
        req.lang = lang;
    }
    const Workshop w = find_workshop(req.param("slug"));
    auto page = [&](bool participants) {
        json d = workshop_view(req, w, participants);
        d["offline"] = true;
        json frame{{"lang", req.lang}, {"dir", i18n::is_rtl(req.lang) ? "rtl" : "ltr"}, {"title", d["title"]},
                   {"css", ctx_->static_files.content("app.css")}, {"content", unlink_local(layout_->views().render(req.lang, "guide/workshop", d))}};
        return std::pair{layout_->views().render(req.lang, "guide/offline_page", frame), d};
    };
    const auto [facilitator, view] = page(false);
    const auto [handout, unused] = page(true);
    const std::string text = plain_text(view);
    const std::string name = w.slug + "-" + req.lang;
    http::Response res;
    res.body = zip_files({{"index.html", facilitator}, {"handout.html", handout}, {name + ".txt", text}});
    res.set_header("Content-Type", "application/zip");
    res.set_header("Content-Disposition", "attachment; filename=\"" + name + ".zip\"");
    res.no_compress = true;
    return res;
}

http::Response GuideModule::plan_offline_pack(http::Request& req) {
    const auto plan = plans_->by_token(req.param("token"));
    if (!plan) throw NotFound("There is no such plan.");
    json d = plan_view(req, *plan, false);
    d["offline"] = true;
    json frame{{"lang", req.lang}, {"dir", i18n::is_rtl(req.lang) ? "rtl" : "ltr"}, {"title", d["title"]},
               {"css", ctx_->static_files.content("app.css")}, {"content", unlink_local(layout_->views().render(req.lang, "guide/plan", d))}};
    std::string text = d.value("title", "") + "\n" + d.value("total", "") + "\n\n";
    for (const auto& s : d["steps"]) {
        text += s.value("number", "") + ". ";
        if (s.value("has_time", false)) text += s.value("time", "") + " ";
        text += s.value("title", "") + " (" + s.value("duration", "") + ")\n";
    }
    http::Response res;
    res.body = zip_files({{"index.html", layout_->views().render(req.lang, "guide/offline_page", frame)}, {"plan.txt", text}});
    res.set_header("Content-Type", "application/zip");
    res.set_header("Content-Disposition", "attachment; filename=\"avenir-plan.zip\"");
    res.no_compress = true;
    return res;
}

}  // namespace avenir::guide
