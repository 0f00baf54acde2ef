// The clause editor (/bargaining/clauses/{slug}/edit, reviewers): a clause's status (draft,
// reviewed, published, retired), who may read it, and its text in one language at a time. A new
// authoritative text raises the version, and the translations then read as outdated until they are
// saved again; a translation saved here is stamped with the source it was made from.
#include <algorithm>

#include "core/auth/principal.hpp"
#include "core/clock.hpp"
#include "core/errors.hpp"
#include "core/http/pipeline.hpp"
#include "core/i18n/i18n.hpp"
#include "core/view/layout.hpp"
#include "modules/bargaining/bargaining_labels.hpp"
#include "modules/bargaining/bargaining_module.hpp"

namespace avenir::bargaining {
using nlohmann::json;

namespace {

std::string_view status_label(std::string_view s) {
    if (s == "draft") return i18n::noop("Draft");
    if (s == "reviewed") return i18n::noop("Reviewed");
    if (s == "published") return i18n::noop("Published");
    return i18n::noop("Retired");
}

std::string_view access_name(std::string_view a) {
    if (a == "public") return i18n::noop("Everyone");
    if (a == "members") return i18n::noop("Members signed in");
    return i18n::noop("Its union only");
}

}  // namespace

http::Response BargainingModule::edit_clause(http::Request& req) {
    const auto c = store().by_slug(req.param("slug"));
    if (!c) throw NotFound("There is no such clause.");
    const std::string lang = one_of(kLanguages, req.query("lang")) ? req.query("lang") : c->lang;
    return clause_form(req, *c, lang, {}, 200);
}

http::Response BargainingModule::clause_form(http::Request& req, const Clause& c, const std::string& lang, const std::vector<std::string>& errors, int status) {
    http::mark_private(req);
    const ClauseText* t = c.text(lang);
    const ClauseText shown = t ? *t : ClauseText{lang, "", "", "", "", "", std::nullopt};
    json statuses = json::array(), access = json::array(), langs = json::array();
    for (auto s : kStatuses) statuses.push_back({{"value", std::string(s)}, {"label", tr(req, status_label(s))}, {"selected", c.status == s}});
    for (auto a : kAccess)
        if (a != "union" || c.union_id) access.push_back({{"value", std::string(a)}, {"label", tr(req, access_name(a))}, {"selected", c.access == a}});
    for (auto l : kLanguages) {
        const std::string code(l);
        const ClauseText* other = c.text(code);
        std::string state = code == c.lang ? tr(req, "authoritative text")
                            : !other ? tr(req, "missing")
                            : i18n::translation_state(c.source().body, other->translated_from, true) == i18n::TranslationState::Outdated ? tr(req, "outdated")
                                                                                                                                         : tr(req, "up to date");
        langs.push_back({{"href", href(req, "/bargaining/clauses/" + c.slug + "/edit?lang=" + code)},
                         {"language", tr(req, language_label(l))},
                         {"state", state},
                         {"current", code == lang}});
    }
    json err = json::array();
    for (const auto& e : errors) err.push_back(tr(req, e));
    json d{{"clause_title", c.source().title},
           {"version", c.version},
           {"statuses", statuses},
           {"access", access},
           {"langs", langs},
           {"lang", lang},
           {"dir", lang == "ar" ? "rtl" : "ltr"},
           {"language", tr(req, language_label(lang))},
           {"is_source", lang == c.lang},
           {"source_body", lang == c.lang ? "" : c.source().body},
           {"source_lang", c.lang},
           {"t_title", shown.title},
           {"t_body", shown.body},
           {"t_summary", shown.summary},
           {"t_why", shown.why},
           {"t_enforcement", shown.enforcement},
           {"errors", err},
           {"has_errors", !errors.empty()},
           {"csrf", ctx_->access.csrf(req)},
           {"action", href(req, "/bargaining/clauses/" + c.slug + "/edit")},
           {"clause_href", href(req, "/bargaining/clauses/" + c.slug)}};
    return ctx_->layout.page(req, "bargaining/clause_edit", std::move(d), tr(req, "Edit a clause"), status);
}

// POST /bargaining/clauses/{slug}/edit: status, access, lang and that language's title, text,
// summary, why, enforcement.
http::Response BargainingModule::save_clause_form(http::Request& req) {
    const auth::Principal& who = auth::require_principal(req);
    if (!may_review(&who)) throw Forbidden();
    auto found = store().by_slug(req.param("slug"));
    if (!found) throw NotFound("There is no such clause.");
    Clause c = *found;
    const auto& f = req.form();
    std::vector<std::string> errors;
    const std::string lang = f.get("lang");
    if (!one_of(kLanguages, lang)) throw Unprocessable("Choose the language of the text.");
    if (one_of(kStatuses, f.get("status"))) c.status = f.get("status");
    if (one_of(kAccess, f.get("access")) && (f.get("access") != "union" || c.union_id)) c.access = f.get("access");
    ClauseText text{lang, f.get("title"), f.get("text"), f.get("summary"), f.get("why"), f.get("enforcement"), std::nullopt};
    if (lang != c.lang) text.translated_from = i18n::source_fingerprint(c.source().body);  // made from today's source
    const bool empty = text.title.empty() && text.body.empty();
    std::erase_if(c.texts, [&](const ClauseText& t) { return t.lang == lang; });
    if (!empty || lang == c.lang) c.texts.push_back(text);
    if (c.status == "published" && !c.published_at) c.published_at = clock::unix_seconds();
    Clause checked = c;
    if (!validate(checked, store().topics()).empty())
        errors.emplace_back(i18n::noop("A title (at most 200 characters) and a text are needed, with the same blanks as the authoritative text."));
    if (!errors.empty()) return clause_form(req, c, lang, errors, 422);
    checked.id = c.id;
    ctx_->db.with_tx([&](storage::Transaction& tx) {
        BargainingStore st(tx);
        st.update(checked, clock::unix_seconds());
        index_clause(tx, *st.get(checked.id));
        ctx_->audit.record(tx, {"bargaining_clause_edited", who.user_id, std::nullopt, c.slug});
    });
    ctx_->pages_changed();
    return http::Response::redirect(href(req, "/bargaining/clauses/" + c.slug + "/edit?lang=" + lang));
}

}  // namespace avenir::bargaining
