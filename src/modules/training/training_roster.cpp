// Attendance and participants: the facilitator's roster (one form, large targets, no
// JavaScript), the participants' list with each person's standing, and invitations.
#include <algorithm>
#include <charconv>
#include <map>

#include "core/auth/principal.hpp"
#include "core/clock.hpp"
#include "core/errors.hpp"
#include "core/log.hpp"
#include "core/view/layout.hpp"
#include "modules/training/training_module.hpp"
#include "modules/training/training_rules.hpp"
#include "modules/training/training_views.hpp"

namespace avenir::training {

using nlohmann::json;

namespace {

constexpr Mark kMarks[] = {Mark::Present, Mark::Late, Mark::Partial, Mark::Excused, Mark::Absent};

std::map<std::int64_t, kit::PersonCard> by_id(const std::vector<kit::PersonCard>& people) {
    std::map<std::int64_t, kit::PersonCard> out;
    for (const auto& p : people) out.emplace(p.id, p);
    return out;
}

std::vector<std::int64_t> user_ids(const std::vector<Enrolment>& enrolments) {
    std::vector<std::int64_t> out;
    for (const auto& e : enrolments)
        if (e.user_id) out.push_back(*e.user_id);
    return out;
}

}  // namespace

// GET /training/sessions/{id}/roster
http::Response TrainingModule::roster(http::Request& req) { return roster_page(req, false); }

// The roster; after a refused POST, with what was typed and what to fix (422).
http::Response TrainingModule::roster_page(http::Request& req, bool invalid) {
    const auto [s, cycle] = facilitated_session(req);
    const Cycle* c = &cycle;
    TrainingStore st = store();
    const auth::Principal& who = auth::require_principal(req);
    const ViewEnv env{req, *ctx_, who.time_zone};
    const auto enrolments = st.enrolments(c->id);
    const auto people = by_id(directory().people(user_ids(enrolments)));
    const auto marks = st.attendance(c->id);
    const bool posted = invalid;
    json rows = json::array();
    for (const auto& e : enrolments) {
        if (e.state != "enrolled") continue;
        Mark current = Mark::None;
        int minutes = 0;
        for (const auto& m : marks)
            if (m.session_id == s.id && m.enrolment_id == e.id) {
                current = m.mark;
                minutes = m.minutes;
            }
        const std::string key = std::to_string(e.id);
        std::string chosen = std::string(to_string(current));
        std::string minutes_text = minutes ? std::to_string(minutes) : "";
        if (posted) {
            chosen = req.form().get("mark_" + key);
            minutes_text = req.form().get("minutes_" + key);
        }
        json choices = json::array();
        for (Mark m : kMarks)
            choices.push_back({{"value", std::string(to_string(m))}, {"label", mark_label(env, m)}, {"checked", chosen == to_string(m)}});
        const auto p = e.user_id ? people.find(*e.user_id) : people.end();
        rows.push_back({{"key", key},
                        {"name", p == people.end() ? env.tr("(erased account)") : p->second.name},
                        {"code", e.code},
                        {"choices", choices},
                        {"minutes", minutes_text}});
    }
    json d{{"csrf", ctx_->access.csrf(req)},
           {"action", env.href("/training/sessions/" + std::to_string(s.id) + "/roster")},
           {"cycle_href", env.href("/training/cycles/" + std::to_string(c->id))},
           {"cycle_title", c->title},
           {"session", session_view(env, *c, s)},
           {"checkin_code", s.checkin_code},
           {"import_href", env.href("/training/sessions/" + std::to_string(s.id) + "/import")},
           {"sheet_href", env.href("/training/sessions/" + std::to_string(s.id) + "/sheet")},
           {"rows", rows},
           {"has_rows", !rows.empty()},
           {"threshold", c->threshold_percent},
           {"saved", req.query("saved") == "1" && !invalid},
           {"invalid", invalid}};
    return ctx_->layout.page(req, "training/roster", std::move(d), env.tr("Attendance") + " — " + c->title, invalid ? 422 : 200);
}

// POST /training/sessions/{id}/roster: every mark chosen, in one transaction; a partial mark needs
// its minutes. Rows left without a choice keep what they had.
http::Response TrainingModule::save_roster(http::Request& req) {
    const auto [s, cycle] = facilitated_session(req);
    const Cycle* c = &cycle;
    TrainingStore st = store();
    const auth::Principal& who = auth::require_principal(req);
    const std::int64_t now = clock::unix_seconds();
    std::vector<AttendanceMark> marks;
    bool bad = false;
    for (const auto& e : st.enrolments(c->id)) {
        if (e.state != "enrolled") continue;
        const std::string key = std::to_string(e.id);
        const std::string value = req.form().get("mark_" + key);
        if (value.empty()) continue;
        const auto mark = mark_from(value);
        if (!mark) {
            bad = true;
            continue;
        }
        int minutes = 0;
        if (*mark == Mark::Partial) {
            const std::string text = req.form().get("minutes_" + key);
            if (std::from_chars(text.data(), text.data() + text.size(), minutes).ptr != text.data() + text.size() || minutes < 1 ||
                minutes > s.minutes) {
                bad = true;
                continue;
            }
        }
        marks.push_back({s.id, e.id, *mark, minutes, "roster", who.user_id, now});
    }
    if (bad) return roster_page(req, true);  // nothing saved
    ctx_->db.with_tx([&](storage::Transaction& tx) {
        TrainingStore(tx).record(marks);
        ctx_->audit.record(tx, {"training_attendance_recorded", who.user_id, std::nullopt,
                                std::to_string(s.id) + ":" + std::to_string(marks.size())});
    });
    return http::Response::redirect(view::Layout::href(req, "/training/sessions/" + std::to_string(s.id) + "/roster?saved=1"));
}

// GET /training/cycles/{id}/participants: places, waiting list, each person's standing and marks.
http::Response TrainingModule::participants(http::Request& req) {
    const Cycle c = find_cycle(req);
    TrainingStore st = store();
    const auth::Principal& who = auth::require_principal(req);
    if (!may_facilitate(&who, c, st.is_staff(c.id, who.user_id))) throw Forbidden("You may see only the participants of the cycles you facilitate.");
    const ViewEnv env{req, *ctx_, who.time_zone};
    const auto sessions = st.sessions(c.id);
    const auto enrolments = st.enrolments(c.id);
    const auto marks = st.attendance(c.id);
    const auto make_ups = st.make_ups(c.id);
    const auto people = by_id(directory().people(user_ids(enrolments)));
    const std::int64_t now = clock::unix_seconds();
    json enrolled = json::array(), waiting = json::array();
    int at_risk = 0, complete = 0;
    for (const auto& e : enrolments) {
        const auto p = e.user_id ? people.find(*e.user_id) : people.end();
        json row{{"name", p == people.end() ? env.tr("(erased account)") : p->second.name}, {"code", e.code}};
        if (e.state == "waiting") {
            waiting.push_back(row);
        } else if (e.state == "enrolled") {
            const Completion done = completion_of(c, sessions, e, marks, make_ups, now);
            row["standing"] = standing_view(env, c, sessions, done);
            at_risk += done.standing == Standing::AtRisk || done.standing == Standing::CannotComplete;
            complete += done.standing == Standing::Complete;
            enrolled.push_back(row);
        }
    }
    // Make-ups waiting for a decision, with the reflection to read.
    json pending = json::array();
    for (const auto& m : make_ups) {
        if (m.state != MakeUp::Submitted) continue;
        const auto e = std::find_if(enrolments.begin(), enrolments.end(), [&](const Enrolment& x) { return x.id == m.enrolment_id; });
        const auto s = std::find_if(sessions.begin(), sessions.end(), [&](const Session& x) { return x.id == m.session_id; });
        if (e == enrolments.end() || s == sessions.end()) continue;
        const auto p = e->user_id ? people.find(*e->user_id) : people.end();
        pending.push_back({{"name", p == people.end() ? env.tr("(erased account)") : p->second.name},
                           {"number", s->number},
                           {"reflection", m.reflection},
                           {"action", env.href("/training/sessions/" + std::to_string(s->id) + "/make-ups/" + std::to_string(e->id))}});
    }
    json numbers = json::array();
    for (const auto& s : sessions) numbers.push_back({{"number", s.number}});
    const std::string base = "/training/cycles/" + std::to_string(c.id);
    json d{{"cycle_title", c.title},
           {"cycle_href", env.href(base)},
           {"enrolled", enrolled},
           {"waiting", waiting},
           {"has_enrolled", !enrolled.empty()},
           {"has_waiting", !waiting.empty()},
           {"numbers", numbers},
           {"count", enrolled.size()},
           {"at_risk", at_risk},
           {"complete", complete},
           {"can_invite", may_manage(&who, c.region)},
           {"invite_action", env.href(base + "/invite")},
           {"csrf", ctx_->access.csrf(req)},
           {"invite_error", req.query("invite") == "unknown"},
           {"invited", req.query("invite") == "done"},
           {"make_ups", pending},
           {"has_make_ups", !pending.empty()}};
    return ctx_->layout.page(req, "training/participants", std::move(d), env.tr("Participants") + " — " + c.title);
}

// POST /training/cycles/{id}/invite: a coordinator gives a place (or a place on the waiting list)
// to a person with an account, whatever their group; the person is told by e-mail.
http::Response TrainingModule::invite(http::Request& req) {
    const auth::Principal& who = auth::require_principal(req);
    const Cycle c = manageable_cycle(req);
    const auto person = directory().by_email(req.form().get("email"));
    const std::string back = "/training/cycles/" + std::to_string(c.id) + "/participants";
    if (!person) return http::Response::redirect(view::Layout::href(req, back + "?invite=unknown"));
    const std::int64_t now = clock::unix_seconds();
    const PlaceChange change = ctx_->db.with_tx([&](storage::Transaction& tx) {
        PlaceChange ch = TrainingStore(tx).enrol(c.id, person->id, who.user_id, now);
        ctx_->audit.record(tx, {"training_invited", who.user_id, person->id, std::to_string(c.id) + ":" + ch.enrolment.state});
        return ch;
    });
    const std::string lang = i18n::find_language(person->lang) ? person->lang : "en";
    const std::string link = ctx_->base_url + i18n::localized_path(lang, "/training/cycles/" + std::to_string(c.id));
    try {
        ctx_->mailer.send({person->email, tr(lang, "You are invited to a training cycle"),
                           c.title + "\n\n" +
                               (change.enrolment.state == "enrolled" ? tr(lang, "A coordinator has given you a place in this cycle.")
                                                                      : tr(lang, "A coordinator has put you on this cycle's waiting list.")) +
                               "\n" + tr(lang, "Your registration code") + ": " + change.enrolment.code + "\n\n" + link + "\n",
                           lang});
    } catch (const std::exception& e) {
        log::warn("training_mail_failed", log::kv("cycle", static_cast<long long>(c.id)) + " " + log::kv("error", e.what()));
    }
    ctx_->pages_changed();
    return http::Response::redirect(view::Layout::href(req, back + "?invite=done"));
}

}  // namespace avenir::training
