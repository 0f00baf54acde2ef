// The platform search page: every source the reader may see, grouped by kind, or one kind paged.
#include <algorithm>
#include <charconv>

#include <nlohmann/json.hpp>

#include "core/errors.hpp"
#include "core/html.hpp"
#include "core/http/request.hpp"
#include "core/search/index.hpp"
#include "core/view/content_lang.hpp"
#include "core/view/layout.hpp"
#include "modules/sitesearch/sitesearch_module.hpp"

namespace avenir::sitesearch {
namespace {
using nlohmann::json;

int page_number(const std::string& text) {
    int v = 1;
    if (text.empty() || std::from_chars(text.data(), text.data() + text.size(), v).ptr != text.data() + text.size()) return 1;
    return std::clamp(v, 1, 500);
}

std::string search_href(http::Request& req, const std::string& raw_q, const std::string& kind, int page = 1) {
    std::string path = "/search?q=" + http::url_encode(raw_q);
    if (!kind.empty()) path += "&kind=" + http::url_encode(kind);
    if (page > 1) path += "&page=" + std::to_string(page);
    return view::Layout::href(req, path);
}

}  // namespace

std::unique_ptr<kit::Module> make_module() { return std::make_unique<SearchModule>(); }

void SearchModule::start(kit::Context& ctx, kit::Registration& reg) {
    ctx_ = &ctx;
    routes(reg);
    reg.provide(kit::HeaderSearch{"/search"});
}

http::Response SearchModule::results(http::Request& req) {
    const auto& layout = ctx_->layout;
    const std::string raw_q = req.query("q");
    const std::string kind = req.query("kind");
    const int page_no = page_number(req.query("page"));
    const search::SearchQuery q = search::parse_query(raw_q);
    const auto sources = ctx_->extensions.all<kit::SearchSource>();
    if (!kind.empty() && std::none_of(sources.begin(), sources.end(), [&](const auto* s) { return s->kind == kind; }))
        throw NotFound("There is no such kind of result. Search everything instead.");

    json d{{"q", raw_q}, {"action", view::Layout::href(req, "/search")}, {"shortened", q.shortened},
           {"searched", !q.empty()}, {"all_href", search_href(req, raw_q, "")}};
    if (!kind.empty()) d["kind"] = kind;  // absent, not "", so that the template's sections read it as false
    if (q.empty()) return layout.page(req, "sitesearch/results", std::move(d), layout.tr(req, "Search"));

    const bool one = !kind.empty();
    const int limit = one ? kPerPage : kPerGroup;
    const int offset = one ? (page_no - 1) * kPerPage : 0;
    // The shared index: every source without a search of its own, with what this reader may see.
    std::map<std::string, std::vector<std::string>> visible;
    for (const auto* s : sources)
        if (!s->search) visible[s->kind] = s->audiences ? s->audiences(req) : std::vector<std::string>{};
    search::IndexResult shared;
    if (!visible.empty()) shared = search::SearchIndex(ctx_->db).search(q, visible, kind, req.lang, offset, limit);

    json groups = json::array(), kinds = json::array();
    std::int64_t total = 0, shown_total = 0;
    for (const auto* s : sources) {
        std::int64_t count = 0;
        std::vector<search::IndexHit> hits;
        if (s->search) {
            const bool wanted = !one || kind == s->kind;
            auto own = s->search(req, q, wanted ? offset : 0, wanted ? limit : 0);
            count = own.total;
            hits = std::move(own.hits);
        } else {
            count = shared.counts.contains(s->kind) ? shared.counts.at(s->kind) : 0;
            for (auto& h : shared.hits)
                if (h.source == s->kind) hits.push_back(std::move(h));
        }
        total += count;
        const std::string label = layout.tr(req, s->label);
        kinds.push_back({{"label", label}, {"count", count}, {"href", search_href(req, raw_q, s->kind)}, {"current", kind == s->kind}});
        if (count == 0 || (one && kind != s->kind)) continue;
        json items = json::array();
        for (const auto& h : hits)
            items.push_back({{"href", view::Layout::href(req, h.url)}, {"title_html", marked_html(h.title_marked)},
                             {"snippet_html", marked_html(h.snippet)}, {"content", view::content_language(h.lang, req.lang)}});
        shown_total = one ? count : shown_total;
        json g{{"kind", s->kind}, {"label", label}, {"count", count}, {"hits", items}};
        if (!one && count > static_cast<std::int64_t>(hits.size())) {
            g["more_href"] = search_href(req, raw_q, s->kind);
            g["more_label"] = layout.tr(req, "All results of this kind");
        }
        groups.push_back(std::move(g));
    }
    d["groups"] = std::move(groups);
    d["kinds"] = std::move(kinds);
    d["total"] = total;
    d["found"] = total > 0;
    if (one && (page_no > 1 || shown_total > static_cast<std::int64_t>(page_no) * kPerPage)) {
        json pages{{"prev_href", page_no > 1 ? search_href(req, raw_q, kind, page_no - 1) : ""},
                   {"next_href", shown_total > static_cast<std::int64_t>(page_no) * kPerPage ? search_href(req, raw_q, kind, page_no + 1) : ""}};
        d["pages"] = std::move(pages);
    }
    return layout.page(req, "sitesearch/results", std::move(d), layout.tr(req, "Search"));
}

}  // namespace avenir::sitesearch
