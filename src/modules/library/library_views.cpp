#include "modules/library/library_views.hpp"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <tuple>

#include "core/files/sniff.hpp"
#include "core/html.hpp"
#include "core/i18n/i18n.hpp"
#include "core/view/content_lang.hpp"
#include "core/view/markdown.hpp"
#include "core/search/analyzer.hpp"
#include "core/text/utf8.hpp"

namespace avenir::library {
namespace {
using nlohmann::json;

int to_int(std::string_view s, int fallback) {
    int v = 0;
    if (s.empty() || std::from_chars(s.data(), s.data() + s.size(), v).ptr != s.data() + s.size()) return fallback;
    return v;
}

}  // namespace

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
    if (const i18n::Language* l = i18n::find_language(lang)) return l->native_name;
    return lang;
}

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

std::string excerpt(const std::string& md, std::size_t max) {
    std::string out = plain_text(md);
    if (out.size() > max) {
        std::size_t cut = out.rfind(' ', max);
        if (cut == std::string::npos || cut < max / 2) cut = utf8::boundary_before(out, max);
        out = out.substr(0, cut) + " …";
    }
    return out;
}

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

std::string region_label(const ViewEnv& env, const std::string& slug) {
    if (slug == "global") return env.tr("Global");
    return env.ref.region_name(slug, env.req.lang);
}

json card_view(const ViewEnv& env, const Hit& h) {
    const Resource& r = h.resource;
    const Version& v = h.matched_lang.empty() ? r.best_version(env.req.lang) : *r.version(h.matched_lang);
    json regions = json::array();
    for (const auto& region : r.regions) regions.push_back(region_label(env, region));
    json langs = json::array();
    for (const auto& other : r.versions) langs.push_back({{"code", other.lang}, {"name", std::string(language_name(other.lang))}});
    const std::string snippet =
        h.snippet.empty() ? html_escape(excerpt(v.summary.empty() ? v.body_md : v.summary, 220)) : marked_html(h.snippet);
    return {{"href", env.href("/library/" + std::to_string(r.id)) + (v.lang != env.req.lang ? "?lang=" + v.lang : "")},
            {"title", v.title},
            {"title_html", h.title_marked.empty() ? html_escape(v.title) : marked_html(h.title_marked)},
            {"content", view::content_language(v.lang, env.req.lang)},
            {"snippet_html", snippet},
            {"type", env.tr(type_label(r.type))},
            {"date", r.date},
            {"year", std::to_string(r.year())},
            {"key", r.key_publication},
            {"regions", regions},
            {"languages", langs},
            {"publisher", r.publisher}};
}

json listing_view(const ViewEnv& env, const Page& page, const Filters& f, const std::string& raw_q, const SearchQuery& q,
                  int page_no, int page_size) {
    const bool searching = !q.empty();
    json d;
    d["q"] = raw_q.size() > 300 ? raw_q.substr(0, 300) : raw_q;
    d["searching"] = searching;
    d["search_action"] = env.href("/library/search");
    d["shortened"] = q.shortened;
    d["ignored"] = !raw_q.empty() && !searching;
    d["total"] = std::to_string(page.total) + (page.truncated ? "+" : "");
    d["truncated"] = page.truncated;
    d["has_results"] = !page.hits.empty();
    d["results"] = json::array();
    for (const auto& h : page.hits) d["results"].push_back(card_view(env, h));

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
        return json{{"legend", env.tr(legend)}, {"options", opts}, {"has_options", !opts.empty()}};
    };
    using Opt = std::tuple<std::string, std::string, bool>;
    auto chosen = [](const auto& v, const auto& x) { return std::find(v.begin(), v.end(), x) != v.end(); };
    std::vector<Opt> region_opts{{"global", env.tr("Global"), chosen(f.regions, std::string("global"))}};
    for (const auto& [slug, name] : env.ref.region_names(env.req.lang)) region_opts.emplace_back(slug, name, chosen(f.regions, slug));
    std::vector<Opt> theme_opts;
    for (int t = 1; t <= static_cast<int>(std::size(kThemes)); ++t)
        theme_opts.emplace_back(std::to_string(t), std::to_string(t) + ". " + env.ref.theme_title(t, env.req.lang), chosen(f.themes, t));
    std::vector<Opt> type_opts;
    for (auto t : kTypes) type_opts.emplace_back(std::string(t), env.tr(type_label(t)), chosen(f.types, std::string(t)));
    std::vector<Opt> lang_opts;
    for (auto l : kLanguages) lang_opts.emplace_back(std::string(l), std::string(language_name(l)), chosen(f.langs, std::string(l)));
    std::vector<Opt> year_opts;
    for (const auto& c : page.facets.year) year_opts.emplace_back(c.key, c.key, chosen(f.years, to_int(c.key, 0)));
    for (int y : f.years)
        if (std::none_of(year_opts.begin(), year_opts.end(), [&](const Opt& o) { return std::get<0>(o) == std::to_string(y); }))
            year_opts.emplace_back(std::to_string(y), std::to_string(y), true);
    std::sort(year_opts.begin(), year_opts.end(), [](const Opt& a, const Opt& b) { return std::get<0>(a) > std::get<0>(b); });
    d["facets"] = json::array({facet("region", i18n::noop("Region"), page.facets.region, region_opts),
                               facet("theme", i18n::noop("Theme"), page.facets.theme, theme_opts),
                               facet("type", i18n::noop("Type"), page.facets.type, type_opts),
                               facet("lang", i18n::noop("Language"), page.facets.lang, lang_opts),
                               facet("year", i18n::noop("Year"), page.facets.year, year_opts)});
    // Chosen filters, each with a link that removes it.
    json active = json::array();
    const std::string listing = searching ? "/library/search" : "/library";
    auto remove_link = [&](Filters g, const std::string& label) {
        active.push_back({{"label", label}, {"href", env.href(listing) + "?" + query_of(g, raw_q)}});
    };
    for (const auto& v : f.regions) {
        Filters g = f;
        std::erase(g.regions, v);
        remove_link(g, region_label(env, v));
    }
    for (int v : f.themes) {
        Filters g = f;
        std::erase(g.themes, v);
        remove_link(g, env.ref.theme_title(v, env.req.lang));
    }
    for (const auto& v : f.types) {
        Filters g = f;
        std::erase(g.types, v);
        remove_link(g, env.tr(type_label(v)));
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
    const std::int64_t pages = std::min<std::int64_t>((page.total + page_size - 1) / page_size, 500);
    const std::string base = env.href(listing) + "?" + query_of(f, raw_q);
    auto page_href = [&](int n) { return base + (base.back() == '?' ? "" : "&") + "page=" + std::to_string(n); };
    d["has_pages"] = pages > 1;
    d["prev_href"] = page_no > 1 ? page_href(page_no - 1) : "";
    d["next_href"] = page_no < pages ? page_href(page_no + 1) : "";
    d["page_text"] = std::to_string(page_no) + " / " + std::to_string(std::max<std::int64_t>(pages, 1));
    d["feed_href"] = env.href("/library/feed.atom") + (f.empty() ? "" : "?" + query_of(f, ""));
    d["new_href"] = env.href("/library/new");
    d["title"] = searching ? env.tr("Search the library") : env.tr("Library");
    return d;
}

json resource_view(const ViewEnv& env, const Resource& r, const Version& v) {
    const std::string self = "/library/" + std::to_string(r.id);
    json d;
    d["title"] = v.title;
    d["content"] = view::content_language(v.lang, env.req.lang);
    d["summary"] = v.summary;
    d["body_html"] = view::localize_links(view::markdown_to_html(v.body_md), env.req.lang);
    d["has_transcript"] = !v.transcript.empty();
    d["transcript"] = v.transcript;
    d["type"] = env.tr(type_label(r.type));
    d["date"] = r.date;
    d["publisher"] = r.publisher;
    d["licence"] = r.licence;
    d["key"] = r.key_publication;
    d["duration"] = r.duration_seconds > 0 ? duration_text(r.duration_seconds) : "";
    if (r.access == "members") d["access_note"] = env.tr("Only for members signed in: not listed in the library nor found by its search.");
    if (r.access == "gated")
        d["access_note"] = env.tr("Only for the people it was filed for (such as a training cycle's participants): not listed in the library "
                                  "nor found by its search.");
    d["url"] = !v.url.empty() ? v.url : r.url;
    json regs = json::array();
    for (const auto& s : r.regions)
        regs.push_back({{"name", region_label(env, s)}, {"href", s == "global" ? env.href("/library?region=global") : env.href("/regions/" + s)}});
    d["regions"] = regs;
    json themes = json::array();
    for (int t : r.themes)
        themes.push_back({{"name", std::to_string(t) + ". " + env.ref.theme_title(t, env.req.lang)},
                          {"href", env.href("/library") + "?theme=" + std::string(theme_key(t))}});
    d["themes"] = themes;
    json auds = json::array();
    for (const auto& a : r.audiences) auds.push_back(env.tr(audience_label(a)));
    d["audiences"] = auds;
    d["has_audiences"] = !auds.empty();
    json versions = json::array();
    for (const auto& other : r.versions)
        versions.push_back({{"name", std::string(language_name(other.lang))}, {"code", other.lang}, {"current", other.lang == v.lang},
                            {"href", env.href(self) + "?lang=" + other.lang}});
    d["versions"] = versions;
    d["has_versions"] = r.versions.size() > 1;
    json files = json::array();
    for (const auto& f : v.files)
        files.push_back({{"name", f.name}, {"size", human_size(f.size)}, {"type", f.content_type},
                         {"role", f.role == "audio" ? env.tr("Audio only") : f.role == "transcript" ? env.tr("Transcript") : ""},
                         {"href", env.href(self + "/files/" + std::to_string(f.id))},
                         {"delete_action", env.href(self + "/files/" + std::to_string(f.id) + "/delete")}});
    d["files"] = files;
    d["has_files"] = !files.empty();
    d["can_edit"] = false;
    d["library_href"] = env.href("/library");
    return d;
}

void add_editor_tools(const ViewEnv& env, const Resource& r, const Version& v, const std::string& csrf, std::uint64_t max_upload_bytes,
                      json& d) {
    const std::string self = "/library/" + std::to_string(r.id);
    d["can_edit"] = true;
    d["csrf"] = csrf;
    d["edit_href"] = env.href(self + "/edit");
    d["upload_action"] = env.href(self + "/files");
    d["delete_action"] = env.href(self + "/delete");
    d["upload_limit"] = human_size(static_cast<std::int64_t>(max_upload_bytes));
    d["kinds"] = files::allowed_kinds_label();
    json langs = json::array();
    for (const auto& other : r.versions)
        langs.push_back({{"code", other.lang}, {"name", std::string(language_name(other.lang))}, {"selected", other.lang == v.lang}});
    d["upload_langs"] = langs;
}

json editor_view(const ViewEnv& env, const Resource& r, const std::vector<std::string>& errors, const std::string& csrf) {
    json d;
    d["is_new"] = r.id == 0;
    d["action"] = env.href(r.id == 0 ? "/library/new" : "/library/" + std::to_string(r.id) + "/edit");
    d["csrf"] = csrf;
    d["errors"] = errors;
    d["has_errors"] = !errors.empty();
    json types = json::array();
    for (auto t : kTypes) types.push_back({{"value", std::string(t)}, {"label", env.tr(type_label(t))}, {"selected", r.type == t}});
    d["types"] = types;
    json regions = json::array();
    auto has = [](const auto& v, const auto& x) { return std::find(v.begin(), v.end(), x) != v.end(); };
    regions.push_back({{"value", "global"}, {"label", env.tr("Global")}, {"checked", has(r.regions, std::string("global"))}});
    for (const auto& [slug, name] : env.ref.region_names(env.req.lang)) regions.push_back({{"value", slug}, {"label", name}, {"checked", has(r.regions, slug)}});
    d["regions"] = regions;
    json themes = json::array();
    for (int t = 1; t <= static_cast<int>(std::size(kThemes)); ++t)
        themes.push_back({{"value", std::string(theme_key(t))}, {"label", std::to_string(t) + ". " + env.ref.theme_title(t, env.req.lang)},
                          {"checked", has(r.themes, t)}});
    d["themes"] = themes;
    json auds = json::array();
    for (auto a : kAudiences) auds.push_back({{"value", std::string(a)}, {"label", env.tr(audience_label(a))}, {"checked", has(r.audiences, std::string(a))}});
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
        versions.push_back({{"code", std::string(lang)}, {"name", std::string(language_name(lang))}, {"dir", i18n::is_rtl(lang) ? "rtl" : "ltr"},
                            {"title", v ? v->title : ""}, {"summary", v ? v->summary : ""}, {"body", v ? v->body_md : ""},
                            {"transcript", v ? v->transcript : ""}, {"url", v ? v->url : ""}});
    }
    d["versions"] = versions;
    d["cancel_href"] = env.href(r.id == 0 ? "/library" : "/library/" + std::to_string(r.id));
    d["title"] = r.id == 0 ? env.tr("Add a resource") : env.tr("Edit the resource");
    return d;
}

json region_section_view(const ViewEnv& env, const Page& page, const std::string& slug) {
    json d;
    d["results"] = json::array();
    d["keys"] = json::array();
    for (const auto& h : page.hits) (h.resource.key_publication ? d["keys"] : d["results"]).push_back(card_view(env, h));
    d["has_keys"] = !d["keys"].empty();
    d["has_results"] = !d["results"].empty();
    d["empty"] = page.hits.empty();
    d["total"] = std::to_string(page.total);
    d["more_href"] = env.href("/library") + "?region=" + slug;
    d["feed_href"] = env.href("/library/feeds/regions/" + slug);
    return d;
}

feed::Feed feed_view(const ViewEnv& env, const std::vector<Resource>& resources, const std::string& base, const std::string& title,
                     const std::string& self) {
    const http::Request& req = env.req;
    const std::string lang_prefix = req.lang == "en" ? "" : "/" + req.lang;
    feed::Feed out;
    out.id = base + lang_prefix + self;
    out.title = title;
    out.lang = req.lang;
    out.links.push_back({base + lang_prefix + self + (req.query_string.empty() || req.params.size() ? "" : "?" + req.query_string), "self",
                         "application/atom+xml", "", "", 0});
    out.links.push_back({base + env.href("/library"), "alternate", "text/html", "", "", 0});
    out.authors.push_back({"Avenir", base + "/"});
    std::vector<std::string> theme_titles(std::size(kThemes) + 1);  // once per feed, not per entry
    for (int t = 1; t <= static_cast<int>(std::size(kThemes)); ++t)
        theme_titles[static_cast<std::size_t>(t)] = env.ref.theme_title(t, req.lang);
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
        e.categories.push_back({std::string(r.type), env.tr(type_label(r.type))});
        for (int t : r.themes) e.categories.push_back({std::string(theme_key(t)), theme_titles.at(static_cast<std::size_t>(t))});
        for (const auto& region : r.regions) e.categories.push_back({region, ""});
        newest = std::max(newest, r.updated_at);
        out.entries.push_back(std::move(e));
    }
    out.updated = feed::rfc3339(newest > 0 ? newest : 0);
    return out;
}

}  // namespace avenir::library
