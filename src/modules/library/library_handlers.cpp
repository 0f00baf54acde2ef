// Request -> library store -> view model -> template: listing and search with facets, a resource
// with its language versions, downloads, feeds, and the editor.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <tuple>
#include <sstream>

#include "core/auth/principal.hpp"
#include "core/errors.hpp"
#include "core/feed/atom.hpp"
#include "core/files/blob_store.hpp"
#include "core/files/filename.hpp"
#include "core/files/sniff.hpp"
#include "core/http/range.hpp"
#include "core/i18n/i18n.hpp"
#include "core/log.hpp"
#include "core/view/markdown.hpp"
#include "modules/library/library_demo.hpp"
#include "modules/library/library_import.hpp"
#include "modules/library/library_module.hpp"
#include "modules/library/library_text.hpp"

namespace avenir::library {
namespace {
using nlohmann::json;

constexpr int kPageSize = 20;

int to_int(std::string_view s, int fallback) {
    int v = 0;
    if (s.empty() || std::from_chars(s.data(), s.data() + s.size(), v).ptr != s.data() + s.size()) return fallback;
    return v;
}

// The filters of a listing from the query string; unknown values are dropped.
Filters filters_from(const http::Request& req) {
    Filters f;
    for (const auto& [k, v] : http::parse_query(req.query_string)) {
        if (k == "region" && is_region(v)) f.regions.push_back(v);
        else if (k == "theme" && theme_number(v)) f.themes.push_back(*theme_number(v));
        else if (k == "type" && is_type(v)) f.types.push_back(v);
        else if (k == "lang" && is_language(v)) f.langs.push_back(v);
        else if (k == "year") {
            const int y = to_int(v, 0);
            if (y >= 1900 && y <= 2100) f.years.push_back(y);
        }
    }
    auto uniq = [](auto& v) {
        std::sort(v.begin(), v.end());
        v.erase(std::unique(v.begin(), v.end()), v.end());
    };
    uniq(f.regions), uniq(f.themes), uniq(f.types), uniq(f.langs), uniq(f.years);
    return f;
}

std::string query_of(const Filters& f, const std::string& q) {
    std::string out;
    auto add = [&](std::string_view k, const std::string& v) { out += (out.empty() ? "" : "&") + std::string(k) + "=" + http::url_encode(v); };
    if (!q.empty()) add("q", q);
    for (const auto& v : f.regions) add("region", v);
    for (int v : f.themes) add("theme", std::string(theme_key(v)));
    for (const auto& v : f.types) add("type", v);
    for (const auto& v : f.langs) add("lang", v);
    for (int v : f.years) add("year", std::to_string(v));
    return out;
}

// Snippet text with \x02/\x03 markers -> escaped HTML with <mark>.
std::string snippet_html(const std::string& s) {
    std::string out;
    std::string run;
    auto flush = [&] {
        out += html_escape(run);
        run.clear();
    };
    for (char c : s) {
        if (c == '\x02') flush(), out += "<mark>";
        else if (c == '\x03') flush(), out += "</mark>";
        else run.push_back(c);
    }
    flush();
    // Unbalanced markers (a cut snippet) must not leave an open element.
    std::size_t open = 0, close = 0;
    for (std::size_t p = out.find("<mark>"); p != std::string::npos; p = out.find("<mark>", p + 1)) ++open;
    for (std::size_t p = out.find("</mark>"); p != std::string::npos; p = out.find("</mark>", p + 1)) ++close;
    while (close < open) out += "</mark>", ++close;
    return out;
}

// A plain-text excerpt of Markdown, cut on a word boundary.
std::string excerpt(const std::string& md, std::size_t max) {
    std::string out = plain_text(md);
    if (out.size() > max) {
        std::size_t cut = out.rfind(' ', max);
        if (cut == std::string::npos || cut < max / 2) cut = max;
        while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
        out = out.substr(0, cut) + " …";
    }
    return out;
}

std::string dir_of(std::string_view lang) { return lang == "ar" ? "rtl" : "ltr"; }

std::string human_size(std::int64_t bytes) {
    char buf[32];
    if (bytes >= (1 << 20)) std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(bytes) / (1 << 20));
    else if (bytes >= 1024) std::snprintf(buf, sizeof buf, "%lld KB", static_cast<long long>(bytes / 1024));
    else std::snprintf(buf, sizeof buf, "%lld B", static_cast<long long>(bytes));
    return buf;
}

std::string duration_text(std::int64_t seconds) {
    const auto h = seconds / 3600, m = (seconds % 3600) / 60;
    char buf[32];
    if (h > 0) std::snprintf(buf, sizeof buf, "%lld h %02lld min", static_cast<long long>(h), static_cast<long long>(m));
    else std::snprintf(buf, sizeof buf, "%lld min", static_cast<long long>(m));
    return buf;
}

std::string region_label(const std::vector<std::pair<std::string, std::string>>& names, const std::string& slug, const view::Layout& layout,
                         const http::Request& req) {
    if (slug == "global") return layout.tr(req, "Global");
    for (const auto& [s, n] : names)
        if (s == slug) return n;
    return slug;
}

}  // namespace

std::int64_t unix_seconds() {
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

std::string_view type_label(std::string_view t) {
    if (t == "publication") return i18n::noop("Publication");
    if (t == "guide") return i18n::noop("Guide");
    if (t == "slides") return i18n::noop("Slides");
    if (t == "recording") return i18n::noop("Recording");
    if (t == "audio") return i18n::noop("Audio");
    if (t == "article") return i18n::noop("Article");
    if (t == "law-policy") return i18n::noop("Law or policy");
    if (t == "collective-agreement") return i18n::noop("Collective agreement");
    return t;
}

std::string_view audience_label(std::string_view a) {
    if (a == "union-leaders") return i18n::noop("Union leaders");
    if (a == "organisers") return i18n::noop("Digital Rights Organisers");
    if (a == "stewards") return i18n::noop("Shop stewards");
    if (a == "union-staff") return i18n::noop("Union staff");
    if (a == "negotiators") return i18n::noop("Negotiators");
    if (a == "trainers") return i18n::noop("Trainers");
    if (a == "members") return i18n::noop("Members");
    if (a == "public") return i18n::noop("General public");
    return a;
}

std::string_view language_name(std::string_view lang) {
    if (lang == "en") return "English";
    if (lang == "fr") return "Français";
    if (lang == "es") return "Español";
    if (lang == "ar") return "العربية";
    return lang;
}

LibraryModule::LibraryModule(storage::Database& db, const view::Layout& layout, LibraryOptions options)
    : store_(db), layout_(layout), options_(std::move(options)), cache_(options_.cache_ttl),
      blobs_(std::make_unique<files::BlobStore>(options_.files_dir)) {}

LibraryModule::~LibraryModule() = default;

http::Response LibraryModule::cached(http::Request& req, http::Response (LibraryModule::*render)(http::Request&)) {
    if (auth::current_principal(req)) return (this->*render)(req);
    return cache_.get_or_make(req.lang + req.path + "?" + req.query_string, [&] { return (this->*render)(req); });
}

Resource LibraryModule::find(http::Request& req) {
    auto r = store_.get(req.path_int("id"));
    if (!r) throw NotFound("There is no such resource in the library.");
    return std::move(*r);
}

bool LibraryModule::may_edit(http::Request& req, const Resource& r) {
    const auth::Principal* p = auth::current_principal(req);
    if (!p) return false;
    if (p->has_role("admin")) return true;
    for (const auto& region : r.regions)
        if (p->has_role_in("coordinator", "region", region) || p->has_role_in("dro", "region", region)) return true;
    return false;
}

json LibraryModule::card(http::Request& req, const Hit& h, const std::vector<std::pair<std::string, std::string>>& regions) {
    const Resource& r = h.resource;
    const Version& v = h.matched_lang.empty() ? r.best_version(req.lang) : *r.version(h.matched_lang);
    json regions_json = json::array();
    for (const auto& region : r.regions) regions_json.push_back(region_label(regions, region, layout_, req));
    json langs = json::array();
    for (const auto& other : r.versions) langs.push_back({{"code", other.lang}, {"name", std::string(language_name(other.lang))}});
    std::string snippet = h.snippet.empty() ? html_escape(excerpt(v.summary.empty() ? v.body_md : v.summary, 220)) : snippet_html(h.snippet);
    return {{"href", layout_.href(req, "/library/" + std::to_string(r.id)) + (v.lang != req.lang ? "?lang=" + v.lang : "")},
            {"title", v.title},
            {"title_html", h.title_marked.empty() ? html_escape(v.title) : snippet_html(h.title_marked)},
            {"lang", v.lang},
            {"dir", dir_of(v.lang)},
            {"other_lang", v.lang != req.lang},
            {"snippet_html", snippet},
            {"type", layout_.tr(req, type_label(r.type))},
            {"date", r.date},
            {"year", std::to_string(r.year())},
            {"key", r.key_publication},
            {"regions", regions_json},
            {"languages", langs},
            {"publisher", r.publisher}};
}

http::Response LibraryModule::listing(http::Request& req) { return cached(req, &LibraryModule::render_listing); }

http::Response LibraryModule::render_listing(http::Request& req) {
    const Filters f = filters_from(req);
    const std::string raw_q = req.query("q");
    const SearchQuery q = parse_query(raw_q);
    const int page_no = std::clamp(to_int(req.query("page"), 1), 1, 500);
    const int offset = (page_no - 1) * kPageSize;
    const bool searching = !q.empty();
    const Page page = searching ? store_.search(q, f, offset, kPageSize) : store_.browse(f, offset, kPageSize);
    const auto regions = options_.region_names(req.lang);

    json d;
    d["q"] = raw_q.size() > 300 ? raw_q.substr(0, 300) : raw_q;
    d["searching"] = searching;
    d["search_action"] = layout_.href(req, "/library/search");
    d["shortened"] = q.shortened;
    d["ignored"] = !raw_q.empty() && !searching;
    d["total"] = std::to_string(page.total) + (page.truncated ? "+" : "");
    d["truncated"] = page.truncated;
    d["has_results"] = !page.hits.empty();
    d["results"] = json::array();
    for (const auto& h : page.hits) d["results"].push_back(card(req, h, regions));

    // Facets: every known value, with its count in the current results; chosen ones checked.
    auto facet = [&](const char* name, std::string_view legend, const std::vector<FacetCount>& counts, auto&& values) {
        json opts = json::array();
        for (const auto& [value, label, chosen] : values) {
            std::int64_t n = 0;
            for (const auto& c : counts)
                if (c.key == value) n = c.count;
            if (n == 0 && !chosen) continue;
            opts.push_back({{"name", name}, {"value", value}, {"label", label}, {"count", std::to_string(n)}, {"checked", chosen},
                            {"id", std::string("f-") + name + "-" + value}});
        }
        return json{{"legend", layout_.tr(req, legend)}, {"options", opts}, {"has_options", !opts.empty()}};
    };
    using Opt = std::tuple<std::string, std::string, bool>;
    auto chosen = [](const auto& v, const auto& x) { return std::find(v.begin(), v.end(), x) != v.end(); };
    std::vector<Opt> region_opts{{"global", layout_.tr(req, "Global"), chosen(f.regions, std::string("global"))}};
    for (const auto& [slug, name] : regions) region_opts.emplace_back(slug, name, chosen(f.regions, slug));
    std::vector<Opt> theme_opts;
    for (int t = 1; t <= static_cast<int>(std::size(kThemes)); ++t)
        theme_opts.emplace_back(std::to_string(t), std::to_string(t) + ". " + options_.theme_title(t, req.lang), chosen(f.themes, t));
    std::vector<Opt> type_opts;
    for (auto t : kTypes) type_opts.emplace_back(std::string(t), layout_.tr(req, type_label(t)), chosen(f.types, std::string(t)));
    std::vector<Opt> lang_opts;
    for (auto l : kLanguages) lang_opts.emplace_back(std::string(l), std::string(language_name(l)), chosen(f.langs, std::string(l)));
    std::vector<Opt> year_opts;
    for (const auto& c : page.facets.year) year_opts.emplace_back(c.key, c.key, chosen(f.years, to_int(c.key, 0)));
    for (int y : f.years)
        if (std::none_of(year_opts.begin(), year_opts.end(), [&](const Opt& o) { return std::get<0>(o) == std::to_string(y); }))
            year_opts.emplace_back(std::to_string(y), std::to_string(y), true);
    std::sort(year_opts.begin(), year_opts.end(), [](const Opt& a, const Opt& b) { return std::get<0>(a) > std::get<0>(b); });
    // Theme counts are keyed by number.
    d["facets"] = json::array({facet("region", i18n::noop("Region"), page.facets.region, region_opts), facet("theme", i18n::noop("Theme"), page.facets.theme, theme_opts),
                               facet("type", i18n::noop("Type"), page.facets.type, type_opts), facet("lang", i18n::noop("Language"), page.facets.lang, lang_opts),
                               facet("year", i18n::noop("Year"), page.facets.year, year_opts)});
    // Chosen filters, each with a link that removes it.
    json active = json::array();
    auto remove_link = [&](Filters g, const std::string& label) {
        active.push_back({{"label", label}, {"href", layout_.href(req, searching ? "/library/search" : "/library") + "?" + query_of(g, raw_q)}});
    };
    for (const auto& v : f.regions) {
        Filters g = f;
        std::erase(g.regions, v);
        remove_link(g, region_label(regions, v, layout_, req));
    }
    for (int v : f.themes) {
        Filters g = f;
        std::erase(g.themes, v);
        remove_link(g, options_.theme_title(v, req.lang));
    }
    for (const auto& v : f.types) {
        Filters g = f;
        std::erase(g.types, v);
        remove_link(g, layout_.tr(req, type_label(v)));
    }
    for (const auto& v : f.langs) {
        Filters g = f;
        std::erase(g.langs, v);
        remove_link(g, std::string(language_name(v)));
    }
    for (int v : f.years) {
        Filters g = f;
        std::erase(g.years, v);
        remove_link(g, std::to_string(v));
    }
    d["active"] = active;
    d["has_active"] = !active.empty();
    // Pages.
    const std::int64_t pages = std::min<std::int64_t>((page.total + kPageSize - 1) / kPageSize, 500);
    const std::string base = layout_.href(req, searching ? "/library/search" : "/library") + "?" + query_of(f, raw_q);
    auto page_href = [&](int n) { return base + (base.back() == '?' ? "" : "&") + "page=" + std::to_string(n); };
    d["has_pages"] = pages > 1;
    d["prev_href"] = page_no > 1 ? page_href(page_no - 1) : "";
    d["next_href"] = page_no < pages ? page_href(page_no + 1) : "";
    d["page_text"] = std::to_string(page_no) + " / " + std::to_string(std::max<std::int64_t>(pages, 1));
    d["feed_href"] = layout_.href(req, "/library/feed.atom") + (f.empty() ? "" : "?" + query_of(f, ""));
    d["can_edit"] = options_.allowed(req, "library_editor");
    d["new_href"] = layout_.href(req, "/library/new");
    const std::string title = searching ? layout_.tr(req, "Search the library") : layout_.tr(req, "Library");
    d["title"] = title;
    return layout_.page(req, "library/index", std::move(d), title);
}

http::Response LibraryModule::resource_page(http::Request& req) {
    if (auth::current_principal(req)) return render_resource(req);
    return cache_.get_or_make(req.lang + req.path + "?" + req.query_string, [&] { return render_resource(req); });
}

http::Response LibraryModule::render_resource(http::Request& req) {
    const Resource r = find(req);
    const std::string want = req.query("lang");
    const Version& v = is_language(want) && r.version(want) ? *r.version(want) : r.best_version(req.lang);
    const auto regions = options_.region_names(req.lang);
    const std::string self = "/library/" + std::to_string(r.id);
    json d;
    d["title"] = v.title;
    d["lang"] = v.lang;
    d["dir"] = dir_of(v.lang);
    d["other_lang"] = v.lang != req.lang;
    d["summary"] = v.summary;
    d["body_html"] = view::localize_links(view::markdown_to_html(v.body_md), req.lang);
    d["has_transcript"] = !v.transcript.empty();
    d["transcript"] = v.transcript;
    d["type"] = layout_.tr(req, type_label(r.type));
    d["date"] = r.date;
    d["publisher"] = r.publisher;
    d["licence"] = r.licence;
    d["key"] = r.key_publication;
    d["duration"] = r.duration_seconds > 0 ? duration_text(r.duration_seconds) : "";
    d["url"] = !v.url.empty() ? v.url : r.url;
    json regs = json::array();
    for (const auto& s : r.regions)
        regs.push_back({{"name", region_label(regions, s, layout_, req)}, {"href", s == "global" ? layout_.href(req, "/library?region=global") : layout_.href(req, "/regions/" + s)}});
    d["regions"] = regs;
    json themes = json::array();
    for (int t : r.themes)
        themes.push_back({{"name", std::to_string(t) + ". " + options_.theme_title(t, req.lang)},
                          {"href", layout_.href(req, "/library") + "?theme=" + std::string(theme_key(t))}});
    d["themes"] = themes;
    json auds = json::array();
    for (const auto& a : r.audiences) auds.push_back(layout_.tr(req, audience_label(a)));
    d["audiences"] = auds;
    d["has_audiences"] = !auds.empty();
    json versions = json::array();
    for (const auto& other : r.versions)
        versions.push_back({{"name", std::string(language_name(other.lang))}, {"code", other.lang}, {"current", other.lang == v.lang},
                            {"href", layout_.href(req, self) + "?lang=" + other.lang}});
    d["versions"] = versions;
    d["has_versions"] = r.versions.size() > 1;
    json files = json::array();
    for (const auto& f : v.files)
        files.push_back({{"name", f.name}, {"size", human_size(f.size)}, {"type", f.content_type},
                         {"role", f.role == "audio" ? layout_.tr(req, "Audio only") : f.role == "transcript" ? layout_.tr(req, "Transcript") : ""},
                         {"href", layout_.href(req, self + "/files/" + std::to_string(f.id))},
                         {"delete_action", layout_.href(req, self + "/files/" + std::to_string(f.id) + "/delete")}});
    d["files"] = files;
    d["has_files"] = !files.empty();
    const bool can_edit = options_.allowed(req, "library_editor") && may_edit(req, r);
    d["can_edit"] = can_edit;
    if (can_edit) {
        d["csrf"] = options_.csrf(req);
        d["edit_href"] = layout_.href(req, self + "/edit");
        d["upload_action"] = layout_.href(req, self + "/files");
        d["delete_action"] = layout_.href(req, self + "/delete");
        d["upload_limit"] = human_size(static_cast<std::int64_t>(options_.max_upload_bytes));
        d["kinds"] = files::allowed_kinds_label();
        json langs = json::array();
        for (const auto& other : r.versions)
            langs.push_back({{"code", other.lang}, {"name", std::string(language_name(other.lang))}, {"selected", other.lang == v.lang}});
        d["upload_langs"] = langs;
    }
    d["library_href"] = layout_.href(req, "/library");
    return layout_.page(req, "library/resource", std::move(d), v.title);
}

http::Response LibraryModule::download(http::Request& req) {
    const auto file = store_.file(req.path_int("id"), req.path_int("file_id"));
    if (!file) throw NotFound("There is no such file.");
    const auto path = blobs_->path_of(file->hash);
    if (!path) throw NotFound("There is no such file.");
    http::Response res = http::file_response(req, path->string(), static_cast<std::uint64_t>(file->size), file->content_type, file->hash);
    // Media and PDF open in the browser (players seek with Range); office files download.
    const bool show = file->content_type == "application/pdf" || file->content_type.starts_with("image/") ||
                      file->content_type.starts_with("audio/") || file->content_type.starts_with("video/");
    res.set_header("Content-Disposition", files::content_disposition(show ? "inline" : "attachment", file->name));
    res.set_header("Cache-Control", "public, max-age=86400");
    // Uploaded content never runs as a page of this site.
    res.set_header("Content-Security-Policy", "default-src 'none'; sandbox");
    return res;
}

http::Response LibraryModule::feed(http::Request& req) {
    Filters f = filters_from(req);
    std::string title = layout_.tr(req, "Avenir library: new resources");
    std::string self = "/library/feed.atom";
    if (req.params.contains("slug")) {
        const std::string& slug = req.param("slug");
        if (!is_region(slug)) throw NotFound("There is no such region.");
        f = Filters{};
        f.regions = {slug};
        title += " — " + region_label(options_.region_names(req.lang), slug, layout_, req);
        self = "/library/feeds/regions/" + slug;
    } else if (req.params.contains("theme")) {
        const auto t = theme_number(req.param("theme"));
        if (!t) throw NotFound("There is no such theme.");
        f = Filters{};
        f.themes = {*t};
        title += " — " + options_.theme_title(*t, req.lang);
        self = "/library/feeds/themes/" + std::string(theme_key(*t));
    }
    const std::string base = options_.base_url;
    const std::string lang_prefix = req.lang == "en" ? "" : "/" + req.lang;
    feed::Feed out;
    out.id = base + lang_prefix + self;
    out.title = title;
    out.lang = req.lang;
    out.links.push_back({base + lang_prefix + self + (req.query_string.empty() || req.params.size() ? "" : "?" + req.query_string), "self",
                         "application/atom+xml", "", "", 0});
    out.links.push_back({base + layout_.href(req, "/library"), "alternate", "text/html", "", "", 0});
    out.authors.push_back({"Avenir", base + "/"});
    const auto resources = store_.recent(f, 50);
    std::vector<std::string> theme_titles(std::size(kThemes) + 1);  // once per feed, not per entry
    for (int t = 1; t <= static_cast<int>(std::size(kThemes)); ++t) theme_titles[static_cast<std::size_t>(t)] = options_.theme_title(t, req.lang);
    std::int64_t newest = 0;
    for (const auto& r : resources) {
        const Version& v = r.best_version(req.lang);
        feed::Entry e;
        e.id = base + "/library/" + std::to_string(r.id);
        e.title = v.title;
        e.updated = feed::rfc3339(r.updated_at);
        e.published = feed::rfc3339(r.created_at);
        e.summary = v.summary.empty() ? excerpt(v.body_md, 400) : v.summary;
        e.lang = v.lang;
        e.rights = r.licence;
        e.links.push_back({base + lang_prefix + "/library/" + std::to_string(r.id) + "?lang=" + v.lang, "alternate", "text/html", v.lang, "", 0});
        if (!r.publisher.empty()) e.authors.push_back({r.publisher, ""});
        e.categories.push_back({std::string(r.type), layout_.tr(req, type_label(r.type))});
        for (int t : r.themes) e.categories.push_back({std::string(theme_key(t)), theme_titles.at(static_cast<std::size_t>(t))});
        for (const auto& region : r.regions) e.categories.push_back({region, ""});
        newest = std::max(newest, r.updated_at);
        out.entries.push_back(std::move(e));
    }
    out.updated = feed::rfc3339(newest > 0 ? newest : 0);
    http::Response res;
    res.body = feed::write_atom(out);
    res.set_header("Content-Type", "application/atom+xml; charset=utf-8");
    res.set_header("Cache-Control", "public, max-age=300");
    return res;
}

std::string LibraryModule::region_section(http::Request& req, const std::string& slug) {
    Filters f;
    f.regions = {slug};
    const Page page = store_.browse(f, 0, 12, true);
    const auto regions = options_.region_names(req.lang);
    json d;
    d["results"] = json::array();
    d["keys"] = json::array();
    for (const auto& h : page.hits) (h.resource.key_publication ? d["keys"] : d["results"]).push_back(card(req, h, regions));
    d["has_keys"] = !d["keys"].empty();
    d["has_results"] = !d["results"].empty();
    d["empty"] = page.hits.empty();
    d["total"] = std::to_string(page.total);
    d["more_href"] = layout_.href(req, "/library") + "?region=" + slug;
    d["feed_href"] = layout_.href(req, "/library/feeds/regions/" + slug);
    return layout_.views().render(req.lang, "library/region_section", d);
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
    const std::int64_t now = unix_seconds();
    for (std::size_t i = 0; i < plain.size(); i += 1000) {
        std::vector<Resource> chunk(plain.begin() + static_cast<std::ptrdiff_t>(i),
                                    plain.begin() + static_cast<std::ptrdiff_t>(std::min(plain.size(), i + 1000)));
        s.imported += store_.create_many(chunk, now).size();
    }
    // Resources with a ref are created once, then updated when the file changes.
    for (const auto& ref : order) {
        Resource r = by_ref.at(ref);
        if (const auto id = store_.id_of_ref(ref)) {
            const Resource old = *store_.get(*id);
            r.id = *id;
            for (const auto& v : old.versions)  // languages the file does not carry are kept
                if (!r.version(v.lang)) r.versions.push_back(v);
            validate(r);
            if (same_content(r, old)) {
                ++s.unchanged;
                continue;
            }
            store_.update(r, now);
        } else {
            store_.create(r, std::nullopt, now);
        }
        ++s.imported;
    }
    cache_.clear();
    return s;
}

int LibraryModule::seed(const std::filesystem::path& dir) {
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
            throw std::invalid_argument(f.string() + ":" + std::to_string(summary.errors.front().first) + ": " + summary.errors.front().second);
        changed += static_cast<int>(summary.imported);
    }
    return changed;
}

std::size_t LibraryModule::add_demo(std::size_t count, std::uint64_t seed, const std::function<void(std::size_t)>& progress) {
    const std::size_t batch = 5000;
    const std::size_t first = static_cast<std::size_t>(store_.count());
    std::size_t done = 0;
    const std::int64_t now = unix_seconds();
    while (done < count) {
        const std::size_t n = std::min(batch, count - done);
        auto rs = demo_resources(n, seed, first + done);
        store_.create_many(rs, now);
        done += n;
        if (progress) progress(done);
    }
    cache_.clear();
    return done;
}

}  // namespace avenir::library
