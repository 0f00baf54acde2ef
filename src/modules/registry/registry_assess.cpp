// Assessments of an entry (/register/{id}/assess): the questionnaire as one form that works
// without JavaScript (a conditional question says when it applies; the server drops the answers
// of questions the other answers hide), the result with the AI Act's flags over the level, and two
// assessments side by side.
#include <algorithm>

#include "core/auth/principal.hpp"
#include "core/clock.hpp"
#include "core/errors.hpp"
#include "core/http/pipeline.hpp"
#include "core/text/trim.hpp"
#include "core/view/layout.hpp"
#include "modules/registry/registry_labels.hpp"
#include "modules/registry/registry_module.hpp"

namespace avenir::registry {
using nlohmann::json;

namespace {

const Choice* choice_of(const Question& q, const std::string& value) {
    for (const auto& c : q.choices)
        if (c.value == value) return &c;
    return nullptr;
}

bool choosing(const Question& q) { return !q.choices.empty(); }

// When a conditional question applies, in words: its simple conditions spelled out, else a note.
std::string condition_text(const Questionnaire& qn, const Question& q, const std::string& lang, const std::string& is, const std::string& is_not,
                           const std::string& generic) {
    std::vector<const Condition*> all;
    for (const auto& c : q.inherited) all.push_back(&c);
    if (q.visible_if) all.push_back(&*q.visible_if);
    std::string out;
    for (const auto* c : all) {
        const Question* about = qn.find(c->question);
        if ((c->op != Condition::Op::Equals && c->op != Condition::Op::NotEquals) || !about || c->values.size() != 1) return generic;
        const Choice* ch = choice_of(*about, c->values[0]);
        out += (out.empty() ? "" : "; ") + ("“" + text_in(about->title, lang) + "” " + (c->op == Condition::Op::Equals ? is : is_not) + " “" +
                                              (ch ? text_in(ch->text, lang) : c->values[0]) + "”");
    }
    return out;
}

}  // namespace

// GET /register/{id}/assess?questionnaire=slug
http::Response RegistryModule::assess_form(http::Request& req) {
    const Entry e = editable_entry(req);
    const std::string slug = req.query("questionnaire").empty() ? "worker-impact" : req.query("questionnaire");
    return assess_page(req, e, questionnaire(slug), {}, {}, {}, 200);
}

http::Response RegistryModule::assess_page(http::Request& req, const Entry& e, const Questionnaire& q, const Answers& answers,
                                           const std::map<std::string, std::vector<std::int64_t>>& backing, const std::vector<std::string>& errors,
                                           int status) {
    http::mark_private(req);
    const std::string lang = req.lang;
    const auto evidence = store().evidence(e.id);
    const std::string is = tr(req, "is"), is_not = tr(req, "is not"), generic = tr(req, "This question applies only in some cases.");
    json pages = json::array();
    for (const auto& p : q.pages) {
        json list = json::array();
        for (const auto i : p.questions) {
            const Question& qu = q.questions[i];
            const auto given = answers.contains(qu.name) ? answers.at(qu.name) : std::vector<std::string>{};
            json options = json::array();
            int n = 0;
            for (const auto& c : qu.choices)
                options.push_back({{"value", c.value},
                                   {"label", text_in(c.text, lang)},
                                   {"id", "q" + std::to_string(i) + "-" + std::to_string(n++)},
                                   {"checked", std::find(given.begin(), given.end(), c.value) != given.end()}});
            json backs = json::array();
            if (q.mode == Mode::Worker && qu.scored == Scored::Mitigation) {
                const auto chosen = backing.contains(qu.name) ? backing.at(qu.name) : std::vector<std::int64_t>{};
                for (const auto& ev : evidence) {
                    const Field* fd = field(ev.field);
                    backs.push_back({{"value", ev.id},
                                     {"id", "e" + std::to_string(i) + "-" + std::to_string(ev.id)},
                                     {"label", tr(req, side_label(ev.side)) + " (" + (fd ? tr(req, fd->label) : ev.field) + "): " + ev.text.substr(0, 120)},
                                     {"checked", std::find(chosen.begin(), chosen.end(), ev.id) != chosen.end()}});
                }
            }
            const bool conditional = qu.visible_if || !qu.inherited.empty();
            list.push_back({{"name", "q-" + qu.name},
                            {"evidence_name", "evidence-" + qu.name},
                            {"id", "q" + std::to_string(i)},
                            {"title", text_in(qu.title, lang)},
                            {"description", text_in(qu.description, lang)},
                            {"radio", choosing(qu) && !qu.multiple() && qu.type != "dropdown"},
                            {"select", qu.type == "dropdown"},
                            {"checkbox", qu.multiple()},
                            {"text", !choosing(qu)},
                            {"value", given.empty() ? "" : given.front()},
                            {"options", options},
                            {"condition", conditional ? condition_text(q, qu, lang, is, is_not, generic) : ""},
                            {"mitigation", q.mode == Mode::Worker && qu.scored == Scored::Mitigation},
                            {"backs", backs},
                            {"has_backs", !backs.empty()}});
        }
        pages.push_back({{"title", text_in(p.title, lang)}, {"description", text_in(p.description, lang)}, {"questions", list}});
    }
    json others = json::array();
    for (const auto& s : store().questionnaires())
        if (s.slug != q.slug) others.push_back({{"slug", s.slug}, {"href", href(req, "/register/" + std::to_string(e.id) + "/assess?questionnaire=" + s.slug)}});
    json d{{"entry_name", e.name()},
           {"others", others},
           {"has_others", !others.empty()},
           {"title", text_in(q.title, lang)},
           {"description", text_in(q.description, lang)},
           {"pages", pages},
           {"slug", q.slug},
           {"version", q.version},
           {"worker", q.mode == Mode::Worker},
           {"errors", errors},
           {"has_errors", !errors.empty()},
           {"csrf", ctx_->access.csrf(req)},
           {"action", href(req, "/register/" + std::to_string(e.id) + "/assess")},
           {"entry_href", href(req, "/register/" + std::to_string(e.id))}};
    return ctx_->layout.page(req, "registry/assess", std::move(d), text_in(q.title, lang), status);
}

// POST /register/{id}/assess: questionnaire, version, q-<question> answers, evidence-<question> ids.
http::Response RegistryModule::run_assessment(http::Request& req) {
    const auth::Principal& who = auth::require_principal(req);
    const Entry e = editable_entry(req);
    const auto& f = req.form();
    const std::string version = f.get("version");
    const Questionnaire q = questionnaire(f.get("questionnaire"), version.size() < 6 && !version.empty() &&
                                                                          std::all_of(version.begin(), version.end(), [](char c) { return c >= '0' && c <= '9'; })
                                                                      ? std::stoi(version)
                                                                      : 0);
    std::vector<std::string> errors;
    Answers answers;
    for (const auto& qu : q.questions) {
        auto values = f.all("q-" + qu.name);
        values.erase(std::remove(values.begin(), values.end(), std::string()), values.end());
        if (values.empty()) continue;
        if (choosing(qu)) {
            if (!qu.multiple()) values.resize(1);
            if (std::any_of(values.begin(), values.end(), [&](const std::string& v) { return !choice_of(qu, v); })) {
                errors.push_back("“" + text_in(qu.title, req.lang) + "”: " + tr(req, "choose one of the answers offered."));
                continue;
            }
        } else {
            values = {text::trim(values.front()).substr(0, 4000)};
        }
        answers[qu.name] = values;
    }
    // What the answers hide is dropped; what they show and scores must be answered.
    for (const auto& qu : q.questions)
        if (!shown(qu, answers)) answers.erase(qu.name);
    std::set<std::int64_t> own;
    for (const auto& ev : store().evidence(e.id)) own.insert(ev.id);
    std::map<std::string, std::vector<std::int64_t>> backing;
    std::set<std::string> evidenced;
    for (const auto& qu : q.questions) {
        if (!shown(qu, answers)) continue;
        if (qu.scored != Scored::None && !answers.contains(qu.name))
            errors.push_back("“" + text_in(qu.title, req.lang) + "”: " + tr(req, "answer this question (it counts in the score)."));
        if (qu.scored == Scored::Mitigation)
            for (const auto& id : f.all("evidence-" + qu.name)) {
                const auto n = id.size() < 19 && !id.empty() && std::all_of(id.begin(), id.end(), [](char c) { return c >= '0' && c <= '9'; }) ? std::stoll(id) : 0;
                if (own.contains(n)) backing[qu.name].push_back(n), evidenced.insert(qu.name);
            }
    }
    if (!errors.empty()) return assess_page(req, e, q, answers, backing, errors, 422);
    const Score s = score(q, answers, evidenced);
    const auto raised = flags(legal_facts(e));
    Assessment a;
    a.entry_id = e.id;
    a.questionnaire = q.slug;
    a.questionnaire_version = q.version;
    a.answers = answers;
    a.evidence = backing;
    a.raw = s.raw;
    a.max_raw = s.max_raw;
    a.mitigation = s.mitigation;
    a.max_mitigation = s.max_mitigation;
    a.current = s.current;
    a.percent = s.percent;
    a.level = s.level;
    a.verdict = verdict(s, raised);
    for (const auto fl : raised) a.flags.push_back(flag_slug(fl));
    a.dimensions = s.dimensions;
    a.by = who.user_id;
    a.at = clock::unix_seconds();
    ctx_->db.with_tx([&](storage::Transaction& tx) {
        a.id = RegistryStore(tx).add_assessment(a);
        ctx_->audit.record(tx, {"registry_assessed", who.user_id, std::nullopt, std::to_string(e.id)});
    });
    return http::Response::redirect(href(req, "/register/" + std::to_string(e.id) + "/assessments/" + std::to_string(a.id)));
}

namespace {

// A stored answer for people: the choices' texts, or the text written.
std::string answer_text(const Question& q, const std::vector<std::string>& values, const std::string& lang) {
    std::string out;
    for (const auto& v : values) {
        const Choice* c = choice_of(q, v);
        out += (out.empty() ? "" : "; ") + (c ? text_in(c->text, lang) : v);
    }
    return out;
}

}  // namespace

// GET /register/{id}/assessments/{assessment}
http::Response RegistryModule::assessment(http::Request& req) {
    http::mark_private(req);
    const Entry e = readable_entry(req);
    const auto all = store().assessments(e.id);
    const auto it = std::find_if(all.begin(), all.end(), [&](const Assessment& a) { return a.id == req.path_int("assessment"); });
    if (it == all.end()) throw NotFound("There is no such assessment of this entry.");
    const Assessment& a = *it;
    const Questionnaire q = questionnaire(a.questionnaire, a.questionnaire_version);
    json flags_json = json::array();
    for (const auto& f : a.flags) flags_json.push_back({{"slug", f}, {"label", tr(req, verdict_label(f))}});
    json dims = json::array();
    for (const auto& d : q.dimensions) {
        const auto found = a.dimensions.find(d);
        dims.push_back({{"label", tr(req, dimension_label(d))},
                        {"assessed", found != a.dimensions.end()},
                        {"score", found == a.dimensions.end() ? "" : ctx_->formatter.format_number(req.lang, found->second, 1)},
                        {"width", found == a.dimensions.end() ? 0 : static_cast<int>(found->second * 25 + 0.5)}});
    }
    json answers = json::array();
    for (const auto& qu : q.questions) {
        const auto given = a.answers.find(qu.name);
        if (given == a.answers.end()) continue;
        answers.push_back({{"question", text_in(qu.title, req.lang)},
                           {"answer", answer_text(qu, given->second, req.lang)},
                           {"backed", a.evidence.contains(qu.name)},
                           {"unbacked", q.mode == Mode::Worker && qu.scored == Scored::Mitigation && !a.evidence.contains(qu.name)}});
    }
    const std::string base = "/register/" + std::to_string(e.id);
    json d{{"entry_name", e.name()},
           {"entry_href", href(req, base)},
           {"title", text_in(q.title, req.lang)},
           {"version", a.questionnaire_version},
           {"date", ctx_->formatter.format_date(req.lang, a.at, "UTC")},
           {"verdict", a.verdict},
           {"verdict_label", tr(req, verdict_label(a.verdict))},
           {"level", level_numeral(a.level)},
           {"level_label", tr(req, verdict_label("level-" + std::to_string(a.level)))},
           {"flags", flags_json},
           {"has_flags", !flags_json.empty()},
           {"raw", a.raw},
           {"max_raw", a.max_raw},
           {"mitigation", a.mitigation},
           {"max_mitigation", a.max_mitigation},
           {"mitigation_met", a.current < a.raw},
           {"current", ctx_->formatter.format_number(req.lang, a.current, 2)},
           {"percent", ctx_->formatter.format_number(req.lang, a.percent, 1)},
           {"worker", q.mode == Mode::Worker},
           {"dimensions", dims},
           {"answers", answers}};
    return ctx_->layout.page(req, "registry/assessment", std::move(d), text_in(q.title, req.lang) + " · " + e.name());
}

// GET /register/{id}/compare?a=&b=: two assessments of the entry side by side.
http::Response RegistryModule::compare(http::Request& req) {
    http::mark_private(req);
    const Entry e = readable_entry(req);
    const auto all = store().assessments(e.id);
    auto pick = [&](const std::string& key) -> const Assessment& {
        const std::string v = req.query(key);
        for (const auto& a : all)
            if (std::to_string(a.id) == v) return a;
        throw NotFound("Choose two assessments of this entry to compare.");
    };
    const Assessment& a = pick("a");
    const Assessment& b = pick("b");
    const Questionnaire qa = questionnaire(a.questionnaire, a.questionnaire_version);
    const Questionnaire qb = questionnaire(b.questionnaire, b.questionnaire_version);
    auto column = [&](const Assessment& x) {
        return json{{"date", ctx_->formatter.format_date(req.lang, x.at, "UTC")},
                    {"verdict_label", tr(req, verdict_label(x.verdict))},
                    {"level", level_numeral(x.level)},
                    {"percent", ctx_->formatter.format_number(req.lang, x.percent, 1)},
                    {"version", x.questionnaire_version}};
    };
    json dims = json::array();
    for (const auto& d : qa.dimensions) {
        auto show = [&](const Assessment& x) { return x.dimensions.contains(d) ? ctx_->formatter.format_number(req.lang, x.dimensions.at(d), 1) : "–"; };
        dims.push_back({{"label", tr(req, dimension_label(d))}, {"a", show(a)}, {"b", show(b)}});
    }
    json changed = json::array();
    for (const auto& qu : qa.questions) {
        const Question* other = qb.find(qu.name);
        const auto va = a.answers.contains(qu.name) ? answer_text(qu, a.answers.at(qu.name), req.lang) : "";
        const auto vb = b.answers.contains(qu.name) && other ? answer_text(*other, b.answers.at(qu.name), req.lang) : "";
        if (va != vb) changed.push_back({{"question", text_in(qu.title, req.lang)}, {"a", va}, {"b", vb}});
    }
    json d{{"entry_name", e.name()}, {"entry_href", href(req, "/register/" + std::to_string(e.id))}, {"a", column(a)}, {"b", column(b)},
           {"dimensions", dims},     {"has_dimensions", !dims.empty()},                                  {"changed", changed},
           {"has_changed", !changed.empty()}};
    return ctx_->layout.page(req, "registry/compare", std::move(d), tr(req, "Two assessments side by side") + " · " + e.name());
}

}  // namespace avenir::registry
