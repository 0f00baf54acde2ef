// The taxonomy's editor (/bargaining/topics/{slug}/edit, admins): a topic's name, commentary and
// "why it matters" in each language, its sub-topics' names, and new sub-topics. A sub-topic that
// clauses use is not removed.
#include <algorithm>
#include <set>

#include "core/text/trim.hpp"
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
using storage::Value;

namespace {

using text::trim;

bool slug_like(const std::string& s) {
    return !s.empty() && s.size() <= 60 && std::all_of(s.begin(), s.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

}  // namespace

Topic BargainingModule::topic_in_path(http::Request& req) {
    for (auto& t : store().topics())
        if (t.slug == req.param("topic")) return t;
    throw NotFound("There is no such topic.");
}

http::Response BargainingModule::edit_topic(http::Request& req) { return topic_form(req, topic_in_path(req), {}, 200); }

http::Response BargainingModule::topic_form(http::Request& req, const Topic& t, const std::vector<std::string>& errors, int status) {
    http::mark_private(req);
    json langs = json::array();
    for (auto l : kLanguages) {
        const std::string lang(l);
        const auto it = t.texts.find(lang);
        const TopicText text = it == t.texts.end() ? TopicText{} : it->second;
        langs.push_back({{"code", lang},
                         {"language", tr(req, language_label(l))},
                         {"dir", lang == "ar" ? "rtl" : "ltr"},
                         {"name", text.name},
                         {"commentary", text.commentary},
                         {"why", text.why},
                         {"required", lang == "en"}});
    }
    json subs = json::array();
    for (const auto& s : t.subtopics) {
        json names = json::array();
        for (auto l : kLanguages) {
            const std::string lang(l);
            names.push_back({{"field", "sub-" + s.slug + "-" + lang},
                             {"language", tr(req, language_label(l))},
                             {"lang", lang},
                             {"value", s.names.contains(lang) ? s.names.at(lang) : ""}});
        }
        subs.push_back({{"sub_slug", s.slug}, {"names", names}});
    }
    json err = json::array();
    for (const auto& e : errors) err.push_back(tr(req, e));
    json d{{"topic_name", t.texts.contains("en") ? t.texts.at("en").name : t.slug},
           {"langs", langs},
           {"subtopics", subs},
           {"errors", err},
           {"has_errors", !errors.empty()},
           {"csrf", ctx_->access.csrf(req)},
           {"action", href(req, "/bargaining/topics/" + t.slug + "/edit")},
           {"report_href", href(req, "/bargaining#topic-" + t.slug)}};
    return ctx_->layout.page(req, "bargaining/topic_edit", std::move(d), tr(req, "Edit a topic"), status);
}

// POST /bargaining/topics/{slug}/edit: name-<lang>, commentary-<lang>, why-<lang>, sub-<slug>-<lang>,
// remove-<slug>, new_slug and new_name (English).
http::Response BargainingModule::save_topic(http::Request& req) {
    const auth::Principal& who = auth::require_principal(req);
    Topic t = topic_in_path(req);
    const auto& f = req.form();
    std::vector<std::string> errors;
    for (auto l : kLanguages) {
        const std::string lang(l);
        TopicText text{trim(f.get("name-" + lang)), trim(f.get("commentary-" + lang)), trim(f.get("why-" + lang))};
        if (text.name.size() > 200 || text.commentary.size() > 4000 || text.why.size() > 4000)
            errors.emplace_back(i18n::noop("A name holds at most 200 characters, a commentary or a reason 4,000."));
        if (text.name.empty()) t.texts.erase(lang);
        else t.texts[lang] = text;
    }
    if (!t.texts.contains("en")) errors.emplace_back(i18n::noop("The English name is needed: it is shown when a language has none."));
    // Sub-topics in use by clauses stay.
    std::set<std::string> used;
    std::vector<Value> params{t.slug};
    for (const auto& r : ctx_->db.exec("SELECT DISTINCT subtopic FROM bargaining_clauses WHERE topic = $1", params)) used.insert(r.get_text("subtopic"));
    std::vector<Subtopic> kept;
    for (auto s : t.subtopics) {
        if (f.has("remove-" + s.slug)) {
            if (used.contains(s.slug)) errors.emplace_back(i18n::noop("A sub-topic that clauses use cannot be removed."));
            else continue;
        }
        for (auto l : kLanguages) {
            const std::string lang(l), name = trim(f.get("sub-" + s.slug + "-" + lang));
            if (name.empty()) s.names.erase(lang);
            else s.names[lang] = name.substr(0, 200);
        }
        if (!s.names.contains("en")) errors.emplace_back(i18n::noop("Each sub-topic needs an English name."));
        kept.push_back(std::move(s));
    }
    const std::string new_slug = trim(f.get("new_slug")), new_name = trim(f.get("new_name"));
    if (!new_slug.empty() || !new_name.empty()) {
        if (!slug_like(new_slug) || new_name.empty() || new_name.size() > 200)
            errors.emplace_back(i18n::noop("A new sub-topic needs a short address (lower-case letters, digits, hyphens) and an English name."));
        else if (std::any_of(kept.begin(), kept.end(), [&](const Subtopic& s) { return s.slug == new_slug; }))
            errors.emplace_back(i18n::noop("That sub-topic exists already."));
        else kept.push_back({new_slug, {{"en", new_name}}});
    }
    t.subtopics = std::move(kept);
    if (!errors.empty()) return topic_form(req, t, errors, 422);
    ctx_->db.with_tx([&](storage::Transaction& tx) {
        BargainingStore(tx).put_topic(t);
        ctx_->audit.record(tx, {"bargaining_topic_changed", who.user_id, std::nullopt, t.slug});
    });
    ctx_->pages_changed();
    return http::Response::redirect(href(req, "/bargaining#topic-" + t.slug));
}

}  // namespace avenir::bargaining
