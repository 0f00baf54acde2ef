// The gap checker (/bargaining/gaps): a union's representatives mark how far one of their
// agreements covers each topic (fully, partly, not at all, with the article) and get, for each
// missing or partial topic, clause families ranked by the union's sector and region, with one
// button to start a proposal from them.
#include <algorithm>
#include <map>

#include "core/auth/principal.hpp"
#include "core/clock.hpp"
#include "core/errors.hpp"
#include "core/i18n/i18n.hpp"
#include "core/http/pipeline.hpp"
#include "core/view/content_lang.hpp"
#include "core/view/layout.hpp"
#include "modules/bargaining/bargaining_labels.hpp"
#include "modules/bargaining/bargaining_module.hpp"

namespace avenir::bargaining {
using nlohmann::json;

namespace {

constexpr std::size_t kSuggestionsPerTopic = 3;

std::string_view level_label(std::string_view l) {
    if (l == "full") return i18n::noop("Covered fully");
    if (l == "partial") return i18n::noop("Covered in part");
    if (l == "none") return i18n::noop("Not covered");
    return i18n::noop("Not marked yet");
}

// "local government" -> "local-government": a union's free-text sector as the clauses' slug.
std::string sector_slug(std::string s) {
    for (auto& c : s) c = c == ' ' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

}  // namespace

std::vector<BargainingModule::Suggestion> BargainingModule::suggestions(const std::map<std::string, Clause>& clauses, const std::string& topic,
                                                                        const std::string& sector, const std::string& region) {
    // One entry per family (a clause without a family is its own), shown by its strongest rung.
    std::map<std::string, Suggestion> families;
    for (const auto& [slug, c] : clauses) {
        if (c.topic != topic || !c.model.empty()) continue;
        const std::string key = c.family.empty() ? "=" + slug : c.family;
        Suggestion& s = families[key];
        ++s.rungs;
        const bool stronger = s.clause.empty() || (c.ladder == "preferred") || (s.ladder != "preferred" && c.ladder == "fallback" && s.ladder != "fallback");
        if (stronger) s.clause = slug, s.ladder = c.ladder;
        const bool sector_match = !sector.empty() && (c.sector == sector || std::find(c.sectors.begin(), c.sectors.end(), sector) != c.sectors.end());
        s.score = std::max(s.score, (sector_match ? 4 : c.sectors.empty() ? 1 : 0) + (!region.empty() && c.region == region ? 2 : 0));
    }
    std::vector<Suggestion> out;
    for (auto& [key, s] : families) {
        s.score += s.rungs >= 3 ? 1 : 0;  // a whole ladder gives room to negotiate
        out.push_back(std::move(s));
    }
    std::stable_sort(out.begin(), out.end(), [](const Suggestion& a, const Suggestion& b) { return a.score > b.score; });
    if (out.size() > kSuggestionsPerTopic) out.resize(kSuggestionsPerTopic);
    return out;
}

GapCheck BargainingModule::own_gap_check(http::Request& req) {
    const Reader reader = reader_of(&auth::require_principal(req));
    auto g = store().gap_check(req.path_int("id"));
    if (!g) throw NotFound("There is no such gap check.");
    if (!may_act_for(reader, g->union_id)) throw Forbidden();  // another union's
    return std::move(*g);
}

// GET /bargaining/gaps: the reader's unions' gap checks, and a form to start one.
http::Response BargainingModule::gaps(http::Request& req) {
    http::mark_private(req);
    const Reader reader = reader_of(&auth::require_principal(req));
    std::map<std::int64_t, std::string> names;
    for (const auto& u : ctx_->extensions.one<kit::Directory>().unions(reader.rep_unions)) names[u.id] = u.name;
    json list = json::array(), unions = json::array();
    for (const auto& g : store().gap_checks_of(reader.rep_unions))
        list.push_back({{"href", href(req, "/bargaining/gaps/" + std::to_string(g.id))}, {"title", g.title}, {"union_name", names[g.union_id]}});
    for (const auto id : reader.rep_unions) unions.push_back({{"value", id}, {"label", names[id]}});
    const bool bad = req.method == http::Method::Post;
    json d{{"checks", list},
           {"has_checks", !list.empty()},
           {"unions", unions},
           {"has_errors", bad},
           {"csrf", ctx_->access.csrf(req)},
           {"action", href(req, "/bargaining/gaps")},
           {"report_href", href(req, "/bargaining")}};
    return ctx_->layout.page(req, "bargaining/gaps", std::move(d), tr(req, "Gap checker"), bad ? 422 : 200);
}

// POST /bargaining/gaps: title, union.
http::Response BargainingModule::create_gap_check(http::Request& req) {
    const auth::Principal& who = auth::require_principal(req);
    const auto& f = req.form();
    GapCheck g;
    g.title = f.get("title");
    g.union_id = form_id(f.get("union"));
    if (g.title.empty() || g.title.size() > 200 || !may_act_for(reader_of(&who), g.union_id)) return gaps(req);
    ctx_->db.with_tx([&](storage::Transaction& tx) {
        g.id = BargainingStore(tx).create_gap_check(g, who.user_id, clock::unix_seconds());
        ctx_->audit.record(tx, {"bargaining_gap_check_created", who.user_id, std::nullopt, std::to_string(g.id)});
    });
    return http::Response::redirect(href(req, "/bargaining/gaps/" + std::to_string(g.id)));
}

// GET /bargaining/gaps/{id}: each topic's coverage, then what is missing with suggestions.
http::Response BargainingModule::gap_check(http::Request& req) { return gap_page(req, own_gap_check(req), {}, 200); }

http::Response BargainingModule::gap_page(http::Request& req, const GapCheck& g, const std::vector<std::string>& errors, int status) {
    http::mark_private(req);
    const auto topics = store().topics();
    const auto clauses = readable_clauses(req);
    kit::Directory::Union u;
    for (auto& x : ctx_->extensions.one<kit::Directory>().unions({g.union_id})) u = std::move(x);
    const std::string sector = sector_slug(u.sector);
    json rows = json::array(), missing = json::array(), start = json::array();
    for (const auto& t : topics) {
        const auto c = g.coverage.find(t.slug);
        const Coverage cov = c == g.coverage.end() ? Coverage{} : c->second;
        const std::string name = t.text_for(req.lang).name;
        json levels = json::array();
        for (const char* l : {"full", "partial", "none", ""})
            levels.push_back({{"value", l}, {"label", tr(req, level_label(l))}, {"checked", cov.level == l}, {"id", t.slug + "-" + (*l ? l : "unmarked")}});
        rows.push_back({{"topic", t.slug}, {"name", name}, {"levels", levels}, {"article", cov.article}});
        if (cov.level != "none" && cov.level != "partial") continue;
        json items = json::array();
        for (const auto& s : suggestions(clauses, t.slug, sector, u.region)) {
            const Clause& k = clauses.at(s.clause);
            const ClauseText* text = &k.text_for(req.lang);
            items.push_back({{"href", href(req, "/bargaining/clauses/" + k.slug)},
                             {"title", text->title},
                             {"content", view::content_language(text->lang, req.lang)},
                             {"ladder_note", s.rungs >= 3 ? tr(req, "A whole ladder: preferred, fallback and minimum") : ""}});
            if (items.size() == 1) start.push_back(k.slug);
        }
        missing.push_back({{"name", name}, {"level", tr(req, level_label(cov.level))}, {"article", cov.article}, {"suggestions", items}});
    }
    json err = json::array();
    for (const auto& e : errors) err.push_back(tr(req, e));
    json d{{"check_title", g.title},
           {"union_name", u.name},
           {"rows", rows},
           {"missing", missing},
           {"has_missing", !missing.empty()},
           {"start", start},
           {"start_title", g.title + ": " + tr(req, "missing topics")},
           {"union_id", g.union_id},
           {"lang", req.lang},
           {"errors", err},
           {"has_errors", !errors.empty()},
           {"csrf", ctx_->access.csrf(req)},
           {"action", href(req, "/bargaining/gaps/" + std::to_string(g.id))},
           {"propose_action", href(req, "/bargaining/proposals")},
           {"list_href", href(req, "/bargaining/gaps")}};
    return ctx_->layout.page(req, "bargaining/gap", std::move(d), g.title, status);
}

// POST /bargaining/gaps/{id}: level-<topic> (full, partial, none or empty), article-<topic>.
http::Response BargainingModule::save_gap_check(http::Request& req) {
    const auth::Principal& who = auth::require_principal(req);
    GapCheck g = own_gap_check(req);
    const auto& f = req.form();
    std::vector<std::string> errors;
    for (const auto& t : store().topics()) {
        const std::string level = f.get("level-" + t.slug), article = f.get("article-" + t.slug);
        if (level != "" && level != "full" && level != "partial" && level != "none") errors.emplace_back(i18n::noop("Mark each topic as covered fully, in part or not at all."));
        if (article.size() > 40) errors.emplace_back(i18n::noop("An article reference holds at most 40 characters."));
        if (level.empty() && article.empty()) g.coverage.erase(t.slug);
        else g.coverage[t.slug] = {level, article};
    }
    errors.erase(std::unique(errors.begin(), errors.end()), errors.end());
    if (!errors.empty()) return gap_page(req, g, errors, 422);
    ctx_->db.with_tx([&](storage::Transaction& tx) {
        BargainingStore(tx).save_gap_check(g, who.user_id, clock::unix_seconds());
        ctx_->audit.record(tx, {"bargaining_gap_check_saved", who.user_id, std::nullopt, std::to_string(g.id)});
    });
    return http::Response::redirect(href(req, "/bargaining/gaps/" + std::to_string(g.id)) + "#missing");
}

}  // namespace avenir::bargaining
