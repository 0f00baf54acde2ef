// Contributions (/bargaining/contribute): members submit real clauses from their agreements (text,
// source, consent to publish and how widely, the employer hidden if they wish, credit or not);
// they wait as drafts, seen by their contributor and the reviewers only, until a Digital Rights
// Organiser, coordinator or admin publishes them (no wider than consented) or declines them with
// a message (/bargaining/review).
#include <algorithm>
#include <map>

#include "core/text/trim.hpp"
#include "core/auth/principal.hpp"
#include "core/clock.hpp"
#include "core/errors.hpp"
#include "core/http/pipeline.hpp"
#include "core/i18n/i18n.hpp"
#include "core/text/list.hpp"
#include "core/view/content_lang.hpp"
#include "core/view/layout.hpp"
#include "modules/bargaining/bargaining_labels.hpp"
#include "modules/bargaining/bargaining_module.hpp"

namespace avenir::bargaining {
using nlohmann::json;
using storage::Value;

namespace {

using text::trim;

std::string_view access_label(std::string_view a) {
    if (a == "public") return i18n::noop("Everyone");
    if (a == "members") return i18n::noop("Members signed in");
    return i18n::noop("My union only");
}

std::string_view state_label(const Clause& c) {
    if (c.status == "published") return i18n::noop("Published");
    if (c.status == "retired") return i18n::noop("Declined");
    return i18n::noop("Waiting for review");
}

}  // namespace

Clause BargainingModule::contribution_from_form(http::Request& req, const Reader& reader, std::vector<std::string>& errors) {
    const auto& f = req.form();
    Clause c;
    c.status = "draft";
    c.kind = f.get("kind");
    c.lang = f.get("lang");
    const std::string placement = f.get("placement");  // "topic/subtopic"
    c.topic = placement.substr(0, placement.find('/'));
    if (const auto slash = placement.find('/'); slash != std::string::npos) c.subtopic = placement.substr(slash + 1);
    c.mechanisms = f.all("mechanism");
    c.lifecycle = f.all("lifecycle");
    for (const auto& t : text::split_list(f.get("technologies"))) c.technologies.push_back(t);
    c.parties = trim(f.get("parties"));
    c.hide_employer = f.has("hide_employer");
    c.level = f.get("level");
    c.country = trim(f.get("country"));
    c.region = f.get("region");
    c.sector = f.get("sector");
    c.employer_type = f.get("employer_type");
    c.signed_on = trim(f.get("signed_on"));
    c.won = f.get("won") == "won";
    c.article_ref = trim(f.get("article_ref"));
    c.document_url = trim(f.get("document_url"));
    c.consented_access = f.get("access");
    c.access = "union";  // until a reviewer publishes it
    c.credit = f.has("credit");
    c.contributor_id = reader.user_id;
    const std::int64_t union_id = form_id(f.get("union"));
    c.union_id = union_id;
    c.texts.push_back({c.lang, trim(f.get("title")), trim(f.get("text")), trim(f.get("summary")), "", "", std::nullopt});
    if (std::find(reader.unions.begin(), reader.unions.end(), union_id) == reader.unions.end())
        errors.emplace_back(i18n::noop("Choose the union whose agreement this is."));
    if (c.kind != "agreement" && c.kind != "framework" && c.kind != "law") errors.emplace_back(i18n::noop("Choose what kind of text this is."));
    if (!one_of(kLanguages, c.lang)) errors.emplace_back(i18n::noop("Choose the language of the text."));
    if (c.texts[0].title.empty() || c.texts[0].title.size() > 200) errors.emplace_back(i18n::noop("Give the clause a title of at most 200 characters."));
    if (c.texts[0].body.empty() || c.texts[0].body.size() > 8000) errors.emplace_back(i18n::noop("Paste the clause's text (at most 8,000 characters)."));
    if (c.country.empty() || c.country.size() > 80) errors.emplace_back(i18n::noop("Say in which country the agreement applies."));
    if (!c.region.empty() && !ctx_->reference.get()->has_region(c.region)) c.region.clear();
    if (!c.sector.empty() && !one_of(kSectors, c.sector)) c.sector.clear();
    if (!c.signed_on.empty() && (c.signed_on.size() != 10 || c.signed_on[4] != '-' || c.signed_on[7] != '-'))
        errors.emplace_back(i18n::noop("Write dates as year-month-day, for example 2027-03-31."));
    if (!c.document_url.empty() && !c.document_url.starts_with("https://")) errors.emplace_back(i18n::noop("A link to the agreement starts with https://."));
    if (!one_of(kAccess, c.consented_access)) errors.emplace_back(i18n::noop("Choose who may read the clause once published."));
    if (!f.has("consent")) errors.emplace_back(i18n::noop("Confirm that your union agrees to share this text."));
    if (errors.empty()) {
        c.slug = "contrib-" + std::to_string(clock::unix_seconds()) + "-" + std::to_string(reader.user_id);
        Clause checked = c;
        if (!validate(checked, store().topics()).empty()) errors.emplace_back(i18n::noop("Choose a topic and the mechanisms and stages from the lists."));
        else c = std::move(checked);
    }
    return c;
}

// GET /bargaining/contribute: the form and the reader's contributions.
http::Response BargainingModule::contribute(http::Request& req) { return contribute_page(req, Clause{}, {}, 200); }

http::Response BargainingModule::contribute_page(http::Request& req, const Clause& typed, const std::vector<std::string>& errors, int status) {
    http::mark_private(req);
    const Reader reader = reader_of(&auth::require_principal(req));
    const auto topics = store().topics();
    json mine = json::array();
    std::vector<Value> params{reader.user_id};
    for (const auto& c : store().read("k.contributor_id = $1", params, "ORDER BY k.created_at DESC")) {
        json item{{"title", c.source().title}, {"state", tr(req, state_label(c))}, {"note", c.review_note}};
        if (c.status == "published") item["href"] = href(req, "/bargaining/clauses/" + c.slug);
        mine.push_back(std::move(item));
    }
    json unions = json::array();
    for (const auto& u : ctx_->extensions.one<kit::Directory>().unions(reader.unions))
        unions.push_back({{"value", u.id}, {"label", u.name}, {"selected", typed.union_id == u.id}});
    json placements = json::array();
    const std::string chosen = typed.topic + "/" + typed.subtopic;
    for (const auto& t : topics) {
        const std::string name = t.text_for(req.lang).name;
        json options = json::array();
        for (const auto& s : t.subtopics) {
            const std::string v = t.slug + "/" + s.slug;
            options.push_back({{"value", v}, {"label", s.names.contains(req.lang) ? s.names.at(req.lang) : s.names.at("en")}, {"selected", chosen == v}});
        }
        placements.push_back({{"group", name}, {"options", options}});
    }
    auto choices = [&](const auto& set, auto label, const std::vector<std::string>& picked) {
        json out = json::array();
        for (auto v : set)
            out.push_back({{"value", std::string(v)}, {"label", tr(req, label(v))},
                           {"checked", std::find(picked.begin(), picked.end(), std::string(v)) != picked.end()}});
        return out;
    };
    json kinds = json::array();
    for (const char* k : {"agreement", "framework", "law"}) kinds.push_back({{"value", k}, {"label", tr(req, kind_label(k))}, {"selected", typed.kind == k}});
    json langs = json::array();
    for (auto l : kLanguages) langs.push_back({{"value", std::string(l)}, {"label", tr(req, language_label(l))}, {"selected", (typed.lang.empty() ? req.lang : typed.lang) == l}});
    json regions = json::array();
    regions.push_back({{"value", ""}, {"label", tr(req, "Any region")}, {"selected", typed.region.empty()}});
    for (const auto& [slug, name] : ctx_->reference.get()->region_names(req.lang)) regions.push_back({{"value", slug}, {"label", name}, {"selected", typed.region == slug}});
    json sectors = json::array();
    sectors.push_back({{"value", ""}, {"label", tr(req, "Any sector")}, {"selected", typed.sector.empty()}});
    for (auto s : kSectors) sectors.push_back({{"value", std::string(s)}, {"label", tr(req, sector_label(s))}, {"selected", typed.sector == s}});
    json access = json::array();
    for (auto a : kAccess) access.push_back({{"value", std::string(a)}, {"label", tr(req, access_label(a))}, {"checked", typed.consented_access == a}});
    const ClauseText text = typed.texts.empty() ? ClauseText{} : typed.texts.front();
    json err = json::array();
    for (const auto& e : errors) err.push_back(tr(req, e));
    json d{{"mine", mine},
           {"has_mine", !mine.empty()},
           {"unions", unions},
           {"has_unions", !unions.empty()},
           {"placements", placements},
           {"kinds", kinds},
           {"langs", langs},
           {"mechanisms", choices(kMechanisms, mechanism_label, typed.mechanisms)},
           {"lifecycles", choices(kLifecycle, lifecycle_label, typed.lifecycle)},
           {"regions", regions},
           {"sectors", sectors},
           {"access", access},
           {"typed_title", text.title},
           {"typed_text", text.body},
           {"typed_summary", text.summary},
           {"typed_parties", typed.parties},
           {"typed_country", typed.country},
           {"typed_signed_on", typed.signed_on},
           {"typed_article", typed.article_ref},
           {"typed_url", typed.document_url},
           {"typed_technologies", text::join_list(typed.technologies)},
           {"hide_employer", typed.hide_employer},
           {"won", typed.won},
           {"credit", typed.credit},
           {"errors", err},
           {"has_errors", !errors.empty()},
           {"sent", req.query("sent") == "1"},
           {"csrf", ctx_->access.csrf(req)},
           {"action", href(req, "/bargaining/contribute")},
           {"report_href", href(req, "/bargaining")}};
    return ctx_->layout.page(req, "bargaining/contribute", std::move(d), tr(req, "Share a clause"), status);
}

// POST /bargaining/contribute
http::Response BargainingModule::create_contribution(http::Request& req) {
    const auth::Principal& who = auth::require_principal(req);
    std::vector<std::string> errors;
    Clause c = contribution_from_form(req, reader_of(&who), errors);
    if (!errors.empty()) return contribute_page(req, c, errors, 422);
    ctx_->db.with_tx([&](storage::Transaction& tx) {
        c.id = BargainingStore(tx).create(c, clock::unix_seconds());
        ctx_->audit.record(tx, {"bargaining_clause_contributed", who.user_id, std::nullopt, std::to_string(c.id)});
    });
    return http::Response::redirect(href(req, "/bargaining/contribute?sent=1"));
}

// GET /bargaining/review: contributions waiting, oldest first.
http::Response BargainingModule::review_queue(http::Request& req) {
    http::mark_private(req);
    const auto topics = store().topics();
    const auto waiting = store().read("k.status = 'draft' AND k.contributor_id IS NOT NULL", {}, "ORDER BY k.created_at, k.id LIMIT 50");
    std::vector<std::int64_t> union_ids, people;
    for (const auto& c : waiting) {
        if (c.union_id) union_ids.push_back(*c.union_id);
        if (c.contributor_id) people.push_back(*c.contributor_id);
    }
    std::map<std::int64_t, std::string> unions, names;
    for (const auto& u : ctx_->extensions.one<kit::Directory>().unions(union_ids)) unions[u.id] = u.name;
    for (const auto& p : ctx_->extensions.one<kit::Directory>().people(people)) names[p.id] = p.name;
    json items = json::array();
    for (const auto& c : waiting) {
        const ClauseText& t = c.source();
        json access = json::array();
        for (auto a : kAccess)
            if (openness(a) <= openness(c.consented_access))
                access.push_back({{"value", std::string(a)}, {"label", tr(req, access_label(a))}, {"selected", a == c.consented_access}});
        items.push_back({{"id", c.id},
                         {"item_title", t.title},
                         {"body_html", clause_html(t.body)},
                         {"item_summary", t.summary},
                         {"content", view::content_language(t.lang, req.lang)},
                         {"topic", clause_summary(req, c, topics)["topic"]},
                         {"kind", tr(req, kind_label(c.kind))},
                         {"source", c.parties + (c.hide_employer ? " (" + tr(req, "hidden from readers") + ")" : "")},
                         {"country", c.country},
                         {"union_name", c.union_id ? unions[*c.union_id] : ""},
                         {"contributor", c.credit && c.contributor_id ? names[*c.contributor_id] : tr(req, "Not credited")},
                         {"access", access},
                         {"action", href(req, "/bargaining/review/" + std::to_string(c.id))}});
    }
    json d{{"items", items}, {"has_items", !items.empty()}, {"csrf", ctx_->access.csrf(req)}, {"report_href", href(req, "/bargaining")}};
    return ctx_->layout.page(req, "bargaining/review", std::move(d), tr(req, "Contributions to review"));
}

// POST /bargaining/review/{id}: decision (publish, decline), access (no wider than consented), note.
http::Response BargainingModule::decide_contribution(http::Request& req) {
    const auth::Principal& who = auth::require_principal(req);
    if (!may_review(&who)) throw Forbidden();
    auto c = store().get(req.path_int("id"));
    if (!c || !c->contributor_id) throw NotFound("There is no such clause.");
    if (c->status != "draft") throw Conflict("This contribution was already decided.");
    const auto& f = req.form();
    const std::string decision = f.get("decision"), access = f.get("access"), note = trim(f.get("note"));
    if (decision == "publish") {
        if (!one_of(kAccess, access) || openness(access) > openness(c->consented_access))
            throw Unprocessable("Choose who may read it, no wider than its contributor agreed.");
        c->status = "published";
        c->access = access;
        c->published_at = clock::unix_seconds();
    } else if (decision == "decline") {
        if (note.empty()) throw Unprocessable("Say why it is declined: the contributor reads it.");
        c->status = "retired";
        c->review_note = note.substr(0, 2000);
    } else {
        throw Unprocessable("Choose to publish or decline.");
    }
    ctx_->db.with_tx([&](storage::Transaction& tx) {
        BargainingStore(tx).update(*c, clock::unix_seconds());
        index_clause(tx, *c);
        ctx_->audit.record(tx, {decision == "publish" ? "bargaining_clause_published" : "bargaining_clause_declined", who.user_id, std::nullopt, std::to_string(c->id)});
    });
    ctx_->pages_changed();
    return http::Response::redirect(href(req, "/bargaining/review"));
}

}  // namespace avenir::bargaining
