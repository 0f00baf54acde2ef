// A clause's page (two languages side by side, its ladder, related clauses), a governance model's
// page (its articles in order) and the Atom feed of new published clauses.
#include <algorithm>

#include "core/auth/principal.hpp"
#include "core/errors.hpp"
#include "core/feed/atom.hpp"
#include "core/html.hpp"
#include "core/http/pipeline.hpp"
#include "core/i18n/i18n.hpp"
#include "core/view/content_lang.hpp"
#include "core/view/layout.hpp"
#include "modules/bargaining/bargaining_labels.hpp"
#include "modules/bargaining/bargaining_module.hpp"
#include "storage/bind.hpp"

namespace avenir::bargaining {
using nlohmann::json;
using storage::Value;

namespace {

}  // namespace

std::string clause_html(const std::string& body) {
    const std::string escaped = html_escape(body);
    std::string out = "<p>";
    for (std::size_t i = 0; i < escaped.size();) {
        if (escaped.compare(i, 2, "{{") == 0) {
            const auto end = escaped.find("}}", i + 2);
            if (end != std::string::npos) {
                out += "<var>" + escaped.substr(i, end + 2 - i) + "</var>";
                i = end + 2;
                continue;
            }
        }
        if (escaped.compare(i, 2, "\n\n") == 0) {
            out += "</p><p>";
            i += 2;
            continue;
        }
        out += escaped[i++];
    }
    return out + "</p>";
}

// GET /bargaining/clauses/{slug}[?with=fr]
http::Response BargainingModule::clause(http::Request& req) {
    const auth::Principal* who = auth::current_principal(req);
    if (who) http::mark_private(req);
    const Reader reader = reader_of(who);
    // The clause, its ladder and its related clauses in one read (three statements).
    const auto first = store().by_slug(req.param("slug"));
    if (!first || !may_read(reader, *first)) throw NotFound("There is no such clause.");
    std::vector<Value> params;
    std::string where = readable_sql(reader, params) + " AND (";
    params.emplace_back(first->family);
    where += "(k.family <> '' AND k.family = $" + std::to_string(params.size()) + ")";
    if (!first->related.empty()) where += " OR k.slug IN (" + storage::bind_in(params, first->related) + ")";
    where += ")";
    const auto near = store().read(where, params);
    const Clause& c = *first;
    const auto topics = store().topics();
    json d = clause_summary(req, c, topics);
    // Two languages side by side: the reader's (else the authoritative), and the one asked for
    // (else the authoritative, else the first other).
    const ClauseText& source = c.source();
    const ClauseText* left = &c.text_for(req.lang);
    const ClauseText* right = nullptr;
    if (const auto with = req.query("with"); !with.empty() && with != left->lang) right = c.text(with);
    if (!right && left != &source) right = &source;
    if (!right)
        for (const auto& t : c.texts)
            if (t.lang != left->lang) {
                right = &t;
                break;
            }
    json columns = json::array();
    for (const ClauseText* t : {left, right}) {
        if (!t) continue;
        const bool is_source = t->lang == c.lang;
        const auto state = is_source ? i18n::TranslationState::Complete
                                     : i18n::translation_state(source.body, t->translated_from, true);
        columns.push_back({{"language", tr(req, language_label(t->lang))},
                           {"content", view::content_language(t->lang, req.lang)},
                           {"col_title", t->title},
                           {"body_html", clause_html(t->body)},
                           {"col_summary", t->summary},
                           {"col_why", t->why},
                           {"col_enforcement", t->enforcement},
                           {"is_source", is_source},
                           {"outdated", state == i18n::TranslationState::Outdated}});
    }
    d["columns"] = columns;
    json others = json::array();
    for (const auto& t : c.texts)
        if (t.lang != left->lang)
            others.push_back({{"href", href(req, "/bargaining/clauses/" + c.slug + "?with=" + t.lang)},
                              {"language", tr(req, language_label(t.lang))},
                              {"current", right && right->lang == t.lang}});
    d["has_others"] = !others.empty();
    d["others"] = others;
    d["version"] = c.version;
    // Its ladder, strongest first, and its related clauses.
    std::vector<const Clause*> rungs;
    json related = json::array();
    for (const auto& k : near) {
        if (!c.family.empty() && k.family == c.family) rungs.push_back(&k);
        if (k.slug != c.slug && std::find(c.related.begin(), c.related.end(), k.slug) != c.related.end())
            related.push_back(clause_summary(req, k, topics));
    }
    std::sort(rungs.begin(), rungs.end(), [](const Clause* a, const Clause* b) { return ladder_rank(a->ladder) < ladder_rank(b->ladder); });
    json ladder = json::array();
    for (const Clause* k : rungs) {
        json item = clause_summary(req, *k, topics);
        item["current"] = k->slug == c.slug;
        ladder.push_back(std::move(item));
    }
    d["ladder_rungs"] = ladder;
    d["has_ladder"] = ladder.size() > 1;
    d["related"] = related;
    d["has_related"] = !related.empty();
    // Facets and source.
    json facets = json::array();
    auto facet = [&](std::string_view label, const std::string& value) {
        if (!value.empty()) facets.push_back({{"label", tr(req, label)}, {"value", value}});
    };
    auto joined = [&](const std::vector<std::string>& values, auto name) {
        std::string out;
        for (const auto& v : values) out += (out.empty() ? "" : ", ") + name(v);
        return out;
    };
    facet(i18n::noop("Mechanism"), joined(c.mechanisms, [&](const std::string& v) { return tr(req, mechanism_label(v)); }));
    facet(i18n::noop("Stage"), joined(c.lifecycle, [&](const std::string& v) { return tr(req, lifecycle_label(v)); }));
    facet(i18n::noop("Technologies"), joined(c.technologies, [](const std::string& v) { return v; }));
    facet(i18n::noop("Sectors"), c.sectors.empty() ? tr(req, "Any sector") : joined(c.sectors, [&](const std::string& v) { return tr(req, sector_label(v)); }));
    facet(i18n::noop("Legal basis"), c.legal_basis);
    if (!c.illustrative) {
        facet(i18n::noop("Status"), c.won ? tr(req, "Won in an agreement") : tr(req, "Proposed only"));
        if (!c.hide_employer) facet(i18n::noop("Parties"), c.parties);
        facet(i18n::noop("Level"), c.level);
        facet(i18n::noop("Country"), c.country);
        if (!c.region.empty()) facet(i18n::noop("Region"), ctx_->reference.get()->region_name(c.region, req.lang));
        if (!c.sector.empty()) facet(i18n::noop("Sector"), tr(req, sector_label(c.sector)));
        facet(i18n::noop("Signed"), c.signed_on);
        facet(i18n::noop("Expires"), c.expires_on);
        if (c.workers_covered) facet(i18n::noop("Workers covered"), std::to_string(*c.workers_covered));
        if (c.binding) facet(i18n::noop("Binding"), *c.binding ? tr(req, "Yes") : tr(req, "No"));
        facet(i18n::noop("Article"), c.article_ref);
    }
    d["facets"] = facets;
    if (!c.illustrative && !c.document_url.empty() && c.document_url.starts_with("https://")) d["document_url"] = c.document_url;
    json placeholders = json::array();
    for (const auto& p : c.placeholders) placeholders.push_back({{"name", "{{" + p.name + "}}"}, {"type", p.type}, {"fallback", p.fallback}});
    d["placeholders"] = placeholders;
    d["has_placeholders"] = !placeholders.empty();
    d["topic_href"] = href(req, "/bargaining/clauses?topic=" + c.topic);
    if (!c.model.empty()) d["model_href"] = href(req, "/bargaining/models/" + c.model);
    d["report_href"] = href(req, "/bargaining");
    if (may_review(who)) d["edit_href"] = href(req, "/bargaining/clauses/" + c.slug + "/edit");
    // A contribution names its contributor unless they asked not to be (one statement).
    if (c.contributor_id && c.credit)
        for (const auto& p : ctx_->extensions.one<kit::Directory>().people({*c.contributor_id})) d["shared_by"] = p.name;
    // A union representative adds it to one of their unions' proposals.
    if (!reader.rep_unions.empty()) {
        json mine = json::array();
        for (const auto& p : store().proposals_of(reader.rep_unions)) mine.push_back({{"value", p.id}, {"label", p.title}});
        d["compose"] = {{"proposals", mine},
                        {"has_proposals", !mine.empty()},
                        {"action", href(req, "/bargaining/add-to-proposal")},
                        {"new_href", href(req, "/bargaining/proposals")},
                        {"csrf", ctx_->access.csrf(req)}};
    }
    return ctx_->layout.page(req, "bargaining/clause", std::move(d), left->title);
}

// GET /bargaining/models/{slug}: the model's articles in order.
http::Response BargainingModule::model(http::Request& req) {
    const auth::Principal* who = auth::current_principal(req);
    if (who) http::mark_private(req);
    const Reader reader = reader_of(who);
    const auto models = store().models();
    const auto m = std::find_if(models.begin(), models.end(), [&](const Model& x) { return x.slug == req.param("model"); });
    if (m == models.end()) throw NotFound("There is no such model.");
    std::vector<Value> params;
    std::string where = readable_sql(reader, params);
    params.emplace_back(m->slug);
    where += " AND k.model = $" + std::to_string(params.size());
    const auto articles = store().read(where, params, "ORDER BY k.model_position");
    const auto topics = store().topics();
    const auto& t = m->text_for(req.lang);
    json list = json::array();
    int n = 0;
    for (const auto& a : articles) {
        json item = clause_summary(req, a, topics);
        item["number"] = ++n;
        item["body_html"] = clause_html(a.text_for(req.lang).body);
        list.push_back(std::move(item));
    }
    json d{{"title", t.first},
           {"summary", t.second},
           {"content", view::content_language(m->texts.contains(req.lang) ? req.lang : "en", req.lang)},
           {"articles", list},
           {"illustrative", m->illustrative},
           {"report_href", href(req, "/bargaining")}};
    // A union representative starts a proposal from the whole model.
    if (!reader.rep_unions.empty()) {
        json unions = json::array();
        for (const auto& u : ctx_->extensions.one<kit::Directory>().unions(reader.rep_unions)) unions.push_back({{"value", u.id}, {"label", u.name}});
        d["compose"] = {{"unions", unions},
                        {"action", href(req, "/bargaining/proposals")},
                        {"model_slug", m->slug},
                        {"lang", req.lang},
                        {"csrf", ctx_->access.csrf(req)}};
    }
    return ctx_->layout.page(req, "bargaining/model", std::move(d), t.first);
}

// GET /bargaining/feed.atom: the newest published clauses everyone may read.
http::Response BargainingModule::feed(http::Request& req) {
    std::vector<Value> params;
    const std::string where = readable_sql(Reader{}, params);
    const auto clauses = store().read(where, params, "ORDER BY k.published_at DESC, k.id DESC LIMIT 30");
    const std::string prefix = req.lang == "en" ? "" : "/" + req.lang;
    feed::Feed out;
    out.id = ctx_->base_url + prefix + "/bargaining/feed.atom";
    out.title = tr(req, "Avenir: new bargaining clauses");
    out.lang = req.lang;
    out.links.push_back({out.id, "self", "application/atom+xml", "", "", 0});
    out.links.push_back({ctx_->base_url + href(req, "/bargaining/clauses"), "alternate", "text/html", "", "", 0});
    out.authors.push_back({"Avenir", ctx_->base_url + "/"});
    std::int64_t newest = 0;
    for (const auto& c : clauses) {
        const ClauseText* t = &c.text_for(req.lang);
        const auto published = c.published_at.value_or(c.created_at);
        feed::Entry e;
        e.id = ctx_->base_url + "/bargaining/clauses/" + c.slug;
        e.title = t->title;
        e.updated = feed::rfc3339(c.updated_at);
        e.published = feed::rfc3339(published);
        e.summary = t->summary;
        e.lang = t->lang;
        e.links.push_back({ctx_->base_url + prefix + "/bargaining/clauses/" + c.slug, "alternate", "text/html", t->lang, "", 0});
        e.categories.push_back({c.topic, ""});
        e.categories.push_back({c.kind, tr(req, kind_label(c.kind))});
        out.entries.push_back(std::move(e));
        newest = std::max(newest, c.updated_at);
    }
    out.updated = feed::rfc3339(newest);
    return feed::atom_response(out);
}

}  // namespace avenir::bargaining
