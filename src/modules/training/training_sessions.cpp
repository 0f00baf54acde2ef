// A cycle's sessions: adding one, changing or cancelling it, and telling those enrolled (each in
// their language, with the time in the cycle's zone and their own).
#include <algorithm>
#include <charconv>

#include "core/auth/principal.hpp"
#include "core/clock.hpp"
#include "core/errors.hpp"
#include "core/i18n/format.hpp"
#include "core/i18n/zoned_time.hpp"
#include "core/log.hpp"
#include "core/view/layout.hpp"
#include "modules/training/training_module.hpp"
#include "modules/training/training_rules.hpp"
#include "modules/training/training_views.hpp"

namespace avenir::training {

using nlohmann::json;

namespace {

std::vector<std::string> slugs(const std::string& text) {
    std::vector<std::string> out;
    std::string cur;
    for (char ch : text + ",") {
        if (ch == ',' || ch == ' ' || ch == '\n' || ch == '\r') {
            if (!cur.empty()) out.push_back(cur);
            cur.clear();
        } else {
            cur += ch;
        }
    }
    return out;
}

bool slug_shaped(const std::string& s) {
    return !s.empty() && s.size() <= 80 &&
           std::all_of(s.begin(), s.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

}  // namespace

http::Response TrainingModule::session_form(http::Request& req, const Cycle& c, const Session& s, const std::vector<std::string>& errors,
                                            int status) {
    const ViewEnv env{req, *ctx_, ""};
    json modes = json::array();
    for (const char* m : kModes) modes.push_back({{"value", m}, {"label", mode_label(env, m)}, {"selected", s.mode == m}});
    json err = json::array();
    for (const auto& e : errors) err.push_back(env.tr(e));
    const auto [date, time] = i18n::format_local(s.starts_at, c.time_zone);
    std::string workshops;
    for (const auto& w : s.workshops) workshops += (workshops.empty() ? "" : ", ") + w;
    json d{{"csrf", ctx_->access.csrf(req)},
           {"action", env.href("/training/sessions/" + std::to_string(s.id) + "/edit")},
           {"cancel_href", env.href("/training/cycles/" + std::to_string(c.id))},
           {"errors", err},
           {"has_errors", !errors.empty()},
           {"cycle_title", c.title},
           {"number", s.number},
           {"of", c.session_count},
           {"zone", c.time_zone},
           {"date", date},
           {"time", time},
           {"minutes", s.minutes},
           {"modes", modes},
           {"place", s.place},
           {"conference_url", s.conference_url},
           {"dial_in", s.dial_in},
           {"workshops", workshops},
           {"plan_token", s.plan_token},
           {"cancelled", s.cancelled},
           {"sequence", s.sequence},
           {"not_recorded_reason", s.not_recorded_reason}};
    return ctx_->layout.page(req, "training/session_edit", std::move(d), env.tr("Change the session"), status);
}

// POST /training/cycles/{id}/sessions: one more session, a week after the last.
http::Response TrainingModule::add_session(http::Request& req) {
    const auth::Principal& who = auth::require_principal(req);
    const Cycle c = manageable_cycle(req);
    const auto sessions = store().sessions(c.id);
    if (sessions.size() >= 12) throw Conflict("A cycle has at most 12 sessions.");
    Session s;
    s.cycle_id = c.id;
    s.minutes = c.session_minutes;
    const std::int64_t now = clock::unix_seconds();
    s.starts_at = sessions.empty() ? now + 7 * 86400 : week_later(sessions.back().starts_at, 1, c.time_zone);
    if (!sessions.empty()) {
        s.mode = sessions.back().mode;
        s.place = sessions.back().place;
        s.conference_url = sessions.back().conference_url;
        s.dial_in = sessions.back().dial_in;
    }
    const std::int64_t id = ctx_->db.with_tx([&](storage::Transaction& tx) {
        const auto sid = TrainingStore(tx).add_session(s, now);
        ctx_->audit.record(tx, {"training_session_added", who.user_id, std::nullopt, std::to_string(sid)});
        return sid;
    });
    ctx_->pages_changed();
    return http::Response::redirect(view::Layout::href(req, "/training/sessions/" + std::to_string(id) + "/edit"));
}

// GET /training/sessions/{id}/edit
http::Response TrainingModule::edit_session_form(http::Request& req) {
    const Session s = find_session(req);
    const auto c = store().cycle(s.cycle_id);
    if (!c || !may_manage(auth::current_principal(req), c->region)) throw Forbidden("You may manage only the cycles of your regions.");
    return session_form(req, *c, s, {}, 200);
}

// POST /training/sessions/{id}/edit: a change of time, place, link or a cancellation raises the
// calendar SEQUENCE and e-mails those enrolled.
http::Response TrainingModule::save_session(http::Request& req) {
    const auth::Principal& who = auth::require_principal(req);
    Session s = find_session(req);
    const auto c = store().cycle(s.cycle_id);
    if (!c || !may_manage(&who, c->region)) throw Forbidden("You may manage only the cycles of your regions.");
    const auto& form = req.form();
    std::vector<std::string> errors;
    if (const auto t = i18n::parse_local(form.get("date"), form.get("time"), c->time_zone)) s.starts_at = *t;
    else errors.emplace_back(i18n::noop("Give the session's date and time (year-month-day, hours:minutes)."));
    int minutes = -1;
    const std::string m = form.get("minutes");
    if (std::from_chars(m.data(), m.data() + m.size(), minutes).ptr != m.data() + m.size()) minutes = -1;
    s.minutes = minutes;
    s.mode = form.get("mode");
    s.place = form.get("place");
    s.conference_url = form.get("conference_url");
    s.dial_in = form.get("dial_in");
    s.workshops = slugs(form.get("workshops"));
    s.plan_token = form.get("plan_token");
    s.cancelled = form.get("cancelled") == "1";
    s.not_recorded_reason = form.get("not_recorded_reason");
    for (auto& e : validate(s)) errors.push_back(std::move(e));
    if (s.workshops.size() > 12 || !std::all_of(s.workshops.begin(), s.workshops.end(), slug_shaped))
        errors.emplace_back(i18n::noop("List the guide's workshops by their short names (such as why-data-and-ai-matter), separated by commas."));
    if (!s.plan_token.empty() && !slug_shaped(s.plan_token)) errors.emplace_back(i18n::noop("The saved plan is the code at the end of its shared link."));
    if (s.not_recorded_reason.size() > 300) errors.emplace_back(i18n::noop("Say why the session is not recorded in at most 300 characters."));
    if (!errors.empty()) return session_form(req, *c, s, errors, 422);
    const std::int64_t now = clock::unix_seconds();
    const bool notable = ctx_->db.with_tx([&](storage::Transaction& tx) {
        const bool changed = TrainingStore(tx).update_session(s, now);
        ctx_->audit.record(tx, {s.cancelled ? "training_session_cancelled" : "training_session_changed", who.user_id, std::nullopt,
                                std::to_string(s.id)});
        return changed;
    });
    if (notable) notify_session_change(*c, *store().session(s.id));
    ctx_->pages_changed();
    return http::Response::redirect(view::Layout::href(req, "/training/cycles/" + std::to_string(c->id)));
}

void TrainingModule::notify_session_change(const Cycle& c, const Session& s) {
    std::vector<std::int64_t> ids;
    for (const auto& e : store().enrolments(c.id))
        if (e.state == "enrolled" && e.user_id) ids.push_back(*e.user_id);
    for (const auto& p : directory().people(ids)) {
        const std::string lang = i18n::find_language(p.lang) ? p.lang : "en";
        const auto& f = ctx_->formatter;
        std::string when = f.format_datetime(lang, s.starts_at, c.time_zone) + " (" + c.time_zone + ")";
        if (!p.time_zone.empty() && p.time_zone != c.time_zone)
            when += "\n" + f.format_datetime(lang, s.starts_at, p.time_zone) + " (" + p.time_zone + ")";
        const std::string link = ctx_->base_url + i18n::localized_path(lang, "/training/cycles/" + std::to_string(c.id));
        const std::string subject = s.cancelled ? tr(lang, "A training session was cancelled") : tr(lang, "A training session has changed");
        std::string text = c.title + "\n" + tr(lang, "Session") + " " + std::to_string(s.number) + "/" + std::to_string(c.session_count) + "\n\n" +
                           (s.cancelled ? tr(lang, "This session is cancelled.") : tr(lang, "The session now takes place:")) + "\n" +
                           (s.cancelled ? "" : when + "\n");
        if (!s.cancelled && !s.place.empty()) text += tr(lang, "Place") + ": " + s.place + "\n";
        if (!s.cancelled && !s.conference_url.empty()) text += tr(lang, "Conference link") + ": " + s.conference_url + "\n";
        text += "\n" + link + "\n";
        try {
            ctx_->mailer.send({p.email, subject, text, lang});
        } catch (const std::exception& e) {
            log::warn("training_mail_failed", log::kv("session", static_cast<long long>(s.id)) + " " + log::kv("error", e.what()));
        }
    }
}

void TrainingModule::notify_promoted(const Cycle& c, const Enrolment& e) {
    if (!e.user_id) return;
    for (const auto& p : directory().people({*e.user_id})) {
        const std::string lang = i18n::find_language(p.lang) ? p.lang : "en";
        const std::string link = ctx_->base_url + i18n::localized_path(lang, "/training/cycles/" + std::to_string(c.id));
        try {
            ctx_->mailer.send({p.email, tr(lang, "You have a place in a training cycle"),
                               c.title + "\n\n" + tr(lang, "A place became free and it is yours: you were first on the waiting list.") +
                                   "\n\n" + link + "\n",
                               lang});
        } catch (const std::exception& ex) {
            log::warn("training_mail_failed", log::kv("cycle", static_cast<long long>(c.id)) + " " + log::kv("error", ex.what()));
        }
    }
}

}  // namespace avenir::training
