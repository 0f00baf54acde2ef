// The proposal composer (/bargaining/proposals): a union's representatives build a proposal from
// clauses of the library (choosing each one's rung of its ladder) or a whole governance model, add
// their own articles, reorder them, fill the blanks through one typed form, save versions, and
// export the proposal as DOCX or ODT (core/documents, made by pandoc) or print it.
#include <algorithm>
#include <map>
#include <set>

#include "core/auth/principal.hpp"
#include "core/clock.hpp"
#include "core/documents/document.hpp"
#include "core/errors.hpp"
#include "core/i18n/i18n.hpp"
#include "core/http/pipeline.hpp"
#include "core/log.hpp"
#include "core/view/content_lang.hpp"
#include "core/view/layout.hpp"
#include "modules/bargaining/bargaining_labels.hpp"
#include "modules/bargaining/bargaining_module.hpp"

namespace avenir::bargaining {
using nlohmann::json;
using storage::Value;

namespace {

constexpr std::size_t kMaxItems = 80;

}  // namespace

std::map<std::string, Clause> BargainingModule::readable_clauses(http::Request& req) {
    std::vector<Value> params;
    const std::string where = readable_sql(reader_of(auth::current_principal(req)), params);
    std::map<std::string, Clause> out;
    for (auto& c : store().read(where, params, "ORDER BY k.topic, k.model, k.model_position, k.slug")) out.emplace(c.slug, std::move(c));
    return out;
}

std::vector<BargainingModule::Blank> BargainingModule::blanks_of(const Proposal& p, const std::map<std::string, Clause>& clauses) {
    std::vector<Blank> out;
    auto add = [&](const std::string& name, const std::string& type, const std::string& fallback) {
        if (std::none_of(out.begin(), out.end(), [&](const Blank& b) { return b.name == name; })) out.push_back({name, type, fallback});
    };
    for (const auto& item : p.items) {
        if (item.own()) {
            for (const auto& name : placeholders_in(item.text)) add(name, "text", "");
            continue;
        }
        const auto c = clauses.find(item.clause);
        if (c == clauses.end()) continue;
        const ClauseText* t = &c->second.text_for(p.lang);
        for (const auto& name : placeholders_in(t->body)) {
            const auto decl = std::find_if(c->second.placeholders.begin(), c->second.placeholders.end(), [&](const Placeholder& x) { return x.name == name; });
            if (decl != c->second.placeholders.end()) add(name, decl->type, decl->fallback);
            else add(name, "text", "");
        }
    }
    return out;
}

Proposal BargainingModule::own_proposal(http::Request& req) {
    const Reader reader = reader_of(&auth::require_principal(req));
    auto p = store().proposal(req.path_int("id"));
    if (!p) throw NotFound("There is no such proposal.");
    if (!may_act_for(reader, p->union_id)) throw Forbidden();  // another union's
    return std::move(*p);
}

// GET /bargaining/proposals: the reader's unions' proposals, and a form to start one.
http::Response BargainingModule::proposals(http::Request& req) {
    return proposals_page(req, Proposal{}, "", {}, 200);
}

http::Response BargainingModule::proposals_page(http::Request& req, const Proposal& typed, const std::string& model, const std::vector<std::string>& errors,
                                                int status) {
    http::mark_private(req);
    const Reader reader = reader_of(&auth::require_principal(req));
    std::map<std::int64_t, std::string> union_names;
    for (const auto& u : ctx_->extensions.one<kit::Directory>().unions(reader.rep_unions)) union_names[u.id] = u.name;
    json list = json::array();
    for (const auto& p : store().proposals_of(reader.rep_unions))
        list.push_back({{"href", href(req, "/bargaining/proposals/" + std::to_string(p.id))},
                        {"title", p.title},
                        {"union_name", union_names[p.union_id]},
                        {"version", p.version},
                        {"articles", p.items.size()},
                        {"updated", ctx_->formatter.format_date(req.lang, p.updated_at, "")}});
    json unions = json::array();
    for (const auto id : reader.rep_unions) unions.push_back({{"value", id}, {"label", union_names[id]}, {"selected", typed.union_id == id}});
    json langs = json::array();
    for (auto l : kLanguages) langs.push_back({{"value", std::string(l)}, {"label", tr(req, language_label(l))}, {"selected", typed.lang == l}});
    json models = json::array();
    models.push_back({{"value", ""}, {"label", tr(req, "No model: start empty")}, {"selected", model.empty()}});
    for (const auto& m : store().models()) {
        const auto& t = m.text_for(req.lang);
        models.push_back({{"value", m.slug}, {"label", t.first}, {"selected", model == m.slug}});
    }
    json err = json::array();
    for (const auto& e : errors) err.push_back(tr(req, e));
    json d{{"proposals", list},
           {"has_proposals", !list.empty()},
           {"unions", unions},
           {"langs", langs},
           {"models", models},
           {"typed_title", typed.title},
           {"errors", err},
           {"has_errors", !errors.empty()},
           {"csrf", ctx_->access.csrf(req)},
           {"action", href(req, "/bargaining/proposals")},
           {"report_href", href(req, "/bargaining")}};
    return ctx_->layout.page(req, "bargaining/proposals", std::move(d), tr(req, "Proposals"), status);
}

// POST /bargaining/proposals: title, union, lang, model (optional), clause (optional, repeated).
http::Response BargainingModule::create_proposal(http::Request& req) {
    const auth::Principal& who = auth::require_principal(req);
    const Reader reader = reader_of(&who);
    const auto& f = req.form();
    Proposal p;
    p.title = f.get("title");
    p.lang = f.get("lang");
    const std::string model = f.get("model");
    p.union_id = form_id(f.get("union"));
    std::vector<std::string> errors;
    if (p.title.empty() || p.title.size() > 200) errors.emplace_back(i18n::noop("Give the proposal a title of at most 200 characters."));
    if (!one_of(kLanguages, p.lang)) errors.emplace_back(i18n::noop("Choose the language of the document."));
    if (!may_act_for(reader, p.union_id)) errors.emplace_back(i18n::noop("Choose a union you represent."));
    const auto clauses = readable_clauses(req);
    if (!model.empty()) {
        for (const auto& [slug, c] : clauses)
            if (c.model == model) p.items.push_back({slug, "", ""});
        std::stable_sort(p.items.begin(), p.items.end(), [&](const ProposalItem& a, const ProposalItem& b) {
            return clauses.at(a.clause).model_position < clauses.at(b.clause).model_position;
        });
        if (p.items.empty()) errors.emplace_back(i18n::noop("There is no such model."));
    }
    for (const auto& slug : f.all("clause"))
        if (clauses.contains(slug) && p.items.size() < kMaxItems) p.items.push_back({slug, "", ""});
    if (!errors.empty()) return proposals_page(req, p, model, errors, 422);
    ctx_->db.with_tx([&](storage::Transaction& tx) {
        p.id = BargainingStore(tx).create_proposal(p, who.user_id, clock::unix_seconds());
        ctx_->audit.record(tx, {"bargaining_proposal_created", who.user_id, std::nullopt, std::to_string(p.id)});
    });
    return http::Response::redirect(href(req, "/bargaining/proposals/" + std::to_string(p.id)));
}

// POST /bargaining/add-to-proposal: proposal, clause (from a clause's page).
http::Response BargainingModule::add_to_proposal(http::Request& req) {
    const auth::Principal& who = auth::require_principal(req);
    const auto& f = req.form();
    auto p = store().proposal(form_id(f.get("proposal")));
    if (!p) throw NotFound("There is no such proposal.");
    if (!may_act_for(reader_of(&who), p->union_id)) throw Forbidden();
    const auto clauses = readable_clauses(req);
    const std::string slug = f.get("clause");
    if (!clauses.contains(slug)) throw NotFound("There is no such clause.");
    if (p->items.size() >= kMaxItems) throw Unprocessable("A proposal holds at most 80 articles.");
    p->items.push_back({slug, "", ""});
    ctx_->db.with_tx([&](storage::Transaction& tx) { BargainingStore(tx).save_proposal(*p, p->version, who.user_id, clock::unix_seconds()); });
    return http::Response::redirect(href(req, "/bargaining/proposals/" + std::to_string(p->id)));
}

}  // namespace avenir::bargaining
