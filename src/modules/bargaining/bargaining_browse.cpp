// Browsing the clause library: the report view per topic (/bargaining), the database view with its
// filters (/bargaining/clauses, through the platform search), a clause's page with two languages
// side by side, its ladder and related clauses, a governance model's page, and the Atom feed.
#include <algorithm>
#include <map>
#include <set>

#include "core/auth/principal.hpp"
#include "core/errors.hpp"
#include "core/feed/atom.hpp"
#include "core/html.hpp"
#include "core/http/pipeline.hpp"
#include "core/i18n/i18n.hpp"
#include "core/search/index.hpp"
#include "core/search/query.hpp"
#include "core/view/content_lang.hpp"
#include "core/view/layout.hpp"
#include "modules/bargaining/bargaining_labels.hpp"
#include "modules/bargaining/bargaining_module.hpp"
#include "modules/bargaining/bargaining_search.hpp"
#include "storage/bind.hpp"

namespace avenir::bargaining {
using nlohmann::json;
using storage::Value;

namespace {

constexpr std::size_t kPageSize = 20;
constexpr std::size_t kExamplesPerTopic = 3;

const Topic* topic_of(const std::vector<Topic>& topics, const std::string& slug) {
    for (const auto& t : topics)
        if (t.slug == slug) return &t;
    return nullptr;
}

std::string topic_name(const std::vector<Topic>& topics, const std::string& slug, const std::string& lang) {
    const Topic* t = topic_of(topics, slug);
    return t ? t->text_for(lang).name : slug;
}

std::string subtopic_name(const std::vector<Topic>& topics, const std::string& topic, const std::string& slug, const std::string& lang) {
    const Topic* t = topic_of(topics, topic);
    return t ? t->subtopic_name(slug, lang) : slug;
}

// The filters of the database view, as typed (unknown values are ignored, not errors).
struct Filters {
    std::string q, topic, subtopic, kind, mechanism, lifecycle, technology, region, country, sector, lang, won;
    std::size_t page = 1;
};

Filters filters_of(http::Request& req) {
    Filters f{req.query("q"), req.query("topic"), req.query("subtopic"), req.query("kind"), req.query("mechanism"),
              req.query("lifecycle"), req.query("technology"), req.query("region"), req.query("country"), req.query("sector"),
              req.query("lang"), req.query("won")};
    const std::string page = req.query("page");
    if (!page.empty() && page.size() < 5 && std::all_of(page.begin(), page.end(), ::isdigit)) f.page = std::max<std::size_t>(1, std::stoul(page));
    return f;
}

json options(const std::vector<std::pair<std::string, std::string>>& values, const std::string& chosen) {
    json out = json::array();
    for (const auto& [value, label] : values) out.push_back({{"value", value}, {"label", label}, {"selected", value == chosen}});
    return out;
}

}  // namespace

std::string BargainingModule::tr(http::Request& req, std::string_view msgid) const { return ctx_->catalog.translate(req.lang, msgid); }
std::string BargainingModule::href(http::Request& req, const std::string& path) { return view::Layout::href(req, path); }

json BargainingModule::clause_summary(http::Request& req, const Clause& c, const std::vector<Topic>& topics) {
    const ClauseText& t = c.text_for(req.lang);
    json d{{"href", href(req, "/bargaining/clauses/" + c.slug)},
           {"slug", c.slug},
           {"title", t.title},
           {"summary", t.summary},
           {"content", view::content_language(t.lang, req.lang)},
           {"kind", tr(req, kind_label(c.kind))},
           {"topic", topic_name(topics, c.topic, req.lang)},
           {"illustrative", c.illustrative}};
    if (!c.ladder.empty()) d["ladder"] = tr(req, ladder_label(c.ladder));
    if (!c.subtopic.empty()) d["subtopic"] = subtopic_name(topics, c.topic, c.subtopic, req.lang);
    json mech = json::array();
    for (const auto& m : c.mechanisms) mech.push_back(tr(req, mechanism_label(m)));
    d["mechanisms"] = mech;
    return d;
}

// GET /bargaining: each topic with its commentary, why it matters, example clauses and the guide's
// related workshops; then the governance models.
http::Response BargainingModule::report(http::Request& req) {
    const auth::Principal* who = auth::current_principal(req);
    if (who) http::mark_private(req);
    const Reader reader = reader_of(who);
    const auto topics = store().topics();
    std::vector<Value> params;
    const std::string where = readable_sql(reader, params);
    const auto clauses = store().read(where, params, "ORDER BY k.topic, k.slug");
    const auto workshops = kit::link_titles(ctx_->extensions, "/guide/", {}, req.lang);
    json list = json::array();
    for (const auto& t : topics) {
        std::vector<const Clause*> mine;
        for (const auto& c : clauses)
            if (c.topic == t.slug) mine.push_back(&c);
        // Examples: what a union asks for first (preferred rungs and single clauses), then the rest.
        std::stable_sort(mine.begin(), mine.end(), [](const Clause* a, const Clause* b) { return ladder_rank(a->ladder) % 3 < ladder_rank(b->ladder) % 3; });
        const TopicText& text = t.text_for(req.lang);
        json examples = json::array();
        for (std::size_t i = 0; i < mine.size() && i < kExamplesPerTopic; ++i) examples.push_back(clause_summary(req, *mine[i], topics));
        json related = json::array();
        for (const auto& w : t.workshops)
            if (const auto i = workshops.find(w); i != workshops.end())
                related.push_back({{"href", href(req, "/guide/" + w)}, {"title", i->second.text}, {"title_lang", i->second.lang}});
        list.push_back({{"slug", t.slug},
                        {"name", text.name},
                        {"commentary", text.commentary},
                        {"why", text.why},
                        {"content", view::content_language(t.texts.contains(req.lang) ? req.lang : "en", req.lang)},
                        {"examples", examples},
                        {"count", mine.size()},
                        {"all_href", href(req, "/bargaining/clauses?topic=" + t.slug)},
                        {"workshops", related},
                        {"edit_href", may_edit_taxonomy(who) ? href(req, "/bargaining/topics/" + t.slug + "/edit") : ""},
                        {"has_workshops", !related.empty()}});
    }
    json models = json::array();
    for (const auto& m : store().models()) {
        const auto& t = m.text_for(req.lang);
        models.push_back({{"href", href(req, "/bargaining/models/" + m.slug)}, {"title", t.first}, {"summary", t.second}});
    }
    json d{{"topics", list},
           {"models", models},
           {"has_models", !models.empty()},
           {"total", clauses.size()},
           {"database_href", href(req, "/bargaining/clauses")},
           {"feed_href", href(req, "/bargaining/feed.atom")},
           {"proposals_href", reader.rep_unions.empty() ? "" : href(req, "/bargaining/proposals")},
           {"gaps_href", reader.rep_unions.empty() ? "" : href(req, "/bargaining/gaps")},
           {"contribute_href", who ? href(req, "/bargaining/contribute") : ""},
           {"review_href", may_review(who) ? href(req, "/bargaining/review") : ""}};
    return ctx_->layout.page(req, "bargaining/index", std::move(d), tr(req, "Digital bargaining hub"));
}

// GET /bargaining/clauses?q=&topic=&subtopic=&kind=&mechanism=&lifecycle=&technology=&region=&country=&sector=&lang=&won=&page=
http::Response BargainingModule::database(http::Request& req) {
    const auth::Principal* who = auth::current_principal(req);
    if (who) http::mark_private(req);
    const Reader reader = reader_of(who);
    const Filters f = filters_of(req);
    const auto topics = store().topics();
    search::SearchQuery q = search::parse_query(f.q);
    auto facet = [&](char letter, const std::string& value) {
        if (!value.empty()) q.all.push_back({search::Term{{facet_token(letter, value)}, false, false}});
    };
    facet('t', f.topic);
    if (!f.subtopic.empty()) facet('s', f.topic + "/" + f.subtopic);
    facet('k', f.kind);
    facet('m', f.mechanism);
    facet('c', f.lifecycle);
    facet('g', f.technology);
    facet('r', f.region);
    facet('n', f.country);
    facet('e', f.sector);
    facet('l', f.lang);
    if (f.won == "won" || f.won == "proposed") facet('w', f.won == "won" ? "1" : "0");
    if (q.all.empty()) facet('a', "all");
    const auto found = search::SearchIndex(ctx_->db).search(q, {{"clauses", audiences_of(reader)}}, "clauses", req.lang,
                                                           0, search::SearchIndex::kWindow);
    // One result per clause, in the reader's language when it has one (hits come that way first).
    std::vector<const search::IndexHit*> hits;
    std::set<std::string> seen;
    for (const auto& h : found.hits)
        if (seen.insert(h.key).second) hits.push_back(&h);
    const std::size_t pages = std::max<std::size_t>(1, (hits.size() + kPageSize - 1) / kPageSize);
    const std::size_t page = std::min(f.page, pages);
    std::vector<std::string> slugs;
    for (std::size_t i = (page - 1) * kPageSize; i < hits.size() && slugs.size() < kPageSize; ++i) slugs.push_back(hits[i]->key);
    std::map<std::string, Clause> by_slug;
    if (!slugs.empty()) {
        std::vector<Value> params;
        std::string where = readable_sql(reader, params);
        where += " AND k.slug IN (" + storage::bind_in(params, slugs) + ")";
        for (auto& c : store().read(where, params)) by_slug.emplace(c.slug, std::move(c));
    }
    json results = json::array();
    for (const auto& slug : slugs) {
        const auto c = by_slug.find(slug);
        if (c == by_slug.end()) continue;
        const auto* h = *std::find_if(hits.begin(), hits.end(), [&](const search::IndexHit* x) { return x->key == slug; });
        json item = clause_summary(req, c->second, topics);
        if (!f.q.empty()) {
            item["title_html"] = marked_html(h->title_marked);
            item["snippet_html"] = marked_html(h->snippet);
            item["content"] = view::content_language(h->lang, req.lang);
        }
        results.push_back(std::move(item));
    }
    // The form: every filter, with what was chosen.
    std::vector<std::pair<std::string, std::string>> v_topics{{"", tr(req, "Any topic")}}, v_subtopics{{"", tr(req, "Any sub-topic")}};
    for (const auto& t : topics) {
        v_topics.emplace_back(t.slug, topic_name(topics, t.slug, req.lang));
        if (t.slug == f.topic)
            for (const auto& s : t.subtopics) v_subtopics.emplace_back(s.slug, subtopic_name(topics, t.slug, s.slug, req.lang));
    }
    auto vocabulary = [&](const auto& set, auto label, const char* any) {
        std::vector<std::pair<std::string, std::string>> out{{"", tr(req, any)}};
        for (auto v : set) out.emplace_back(std::string(v), tr(req, label(v)));
        return out;
    };
    std::vector<std::pair<std::string, std::string>> v_regions{{"", tr(req, "Any region")}};
    for (const auto& [slug, name] : ctx_->reference.get()->region_names(req.lang)) v_regions.emplace_back(slug, name);
    std::vector<std::pair<std::string, std::string>> v_tech{{"", tr(req, "Any technology")}};
    for (const auto& t : store().technologies()) v_tech.emplace_back(t, t);
    std::string base = "/bargaining/clauses?";
    for (const auto& [k, v] : std::vector<std::pair<const char*, std::string>>{
             {"q", f.q}, {"topic", f.topic}, {"subtopic", f.subtopic}, {"kind", f.kind}, {"mechanism", f.mechanism},
             {"lifecycle", f.lifecycle}, {"technology", f.technology}, {"region", f.region}, {"country", f.country},
             {"sector", f.sector}, {"lang", f.lang}, {"won", f.won}})
        if (!v.empty()) base += std::string(k) + "=" + http::url_encode(v) + "&";
    json d{{"q", f.q},
           {"country", f.country},
           {"topics", options(v_topics, f.topic)},
           {"subtopics", options(v_subtopics, f.subtopic)},
           {"has_subtopics", v_subtopics.size() > 1},
           {"kinds", options(vocabulary(kKinds, kind_label, "Any kind"), f.kind)},
           {"mechanisms", options(vocabulary(kMechanisms, mechanism_label, "Any mechanism"), f.mechanism)},
           {"lifecycles", options(vocabulary(kLifecycle, lifecycle_label, "Any stage"), f.lifecycle)},
           {"technologies", options(v_tech, f.technology)},
           {"regions", options(v_regions, f.region)},
           {"sectors", options(vocabulary(kSectors, sector_label, "Any sector"), f.sector)},
           {"langs", options(vocabulary(kLanguages, language_label, "Any language"), f.lang)},
           {"wons", options({{"", tr(req, "Won or proposed")}, {"won", tr(req, "Won in an agreement")}, {"proposed", tr(req, "Proposed only")}}, f.won)},
           {"results", results},
           {"count", hits.size()},
           {"has_results", !results.empty()},
           {"truncated", found.truncated},
           {"report_href", href(req, "/bargaining")}};
    if (page > 1) d["prev_href"] = href(req, base + "page=" + std::to_string(page - 1));
    if (page < pages) d["next_href"] = href(req, base + "page=" + std::to_string(page + 1));
    if (pages > 1) d["page_of"] = std::to_string(page) + " / " + std::to_string(pages);
    return ctx_->layout.page(req, "bargaining/clauses", std::move(d), tr(req, "Clause database"));
}

}  // namespace avenir::bargaining
