#include "modules/training/training_views.hpp"

#include "core/i18n/zoned_time.hpp"
#include "core/view/layout.hpp"

namespace avenir::training {

using nlohmann::json;

std::string ViewEnv::href(std::string_view path) const { return view::Layout::href(req, path); }

void drop_empty(nlohmann::json& d) {
    for (auto it = d.begin(); it != d.end();) {
        if (it->is_string() && it->get_ref<const std::string&>().empty()) it = d.erase(it);
        else ++it;
    }
}

std::string status_label(const ViewEnv& env, const std::string& status) {
    if (status == "planned") return env.tr("Planned");
    if (status == "open") return env.tr("Open for enrolment");
    if (status == "running") return env.tr("Running");
    if (status == "completed") return env.tr("Completed");
    if (status == "cancelled") return env.tr("Cancelled");
    return status;
}

std::string mode_label(const ViewEnv& env, const std::string& mode) {
    if (mode == "in_person") return env.tr("In person");
    if (mode == "online") return env.tr("Online");
    if (mode == "hybrid") return env.tr("Hybrid (in person and online)");
    return mode;
}

std::string mark_label(const ViewEnv& env, Mark m) {
    switch (m) {
        case Mark::Present: return env.tr("Present");
        case Mark::Late: return env.tr("Late");
        case Mark::Partial: return env.tr("Partly present");
        case Mark::Excused: return env.tr("Excused");
        case Mark::Absent: return env.tr("Absent");
        case Mark::None: break;
    }
    return env.tr("Not recorded");
}

std::string standing_label(const ViewEnv& env, Standing s) {
    switch (s) {
        case Standing::OnTrack: return env.tr("On track");
        case Standing::AtRisk: return env.tr("At risk: a missed session needs a make-up");
        case Standing::CannotComplete: return env.tr("Cannot complete: a session was missed and this cycle allows no make-up");
        case Standing::Complete: return env.tr("Completed");
    }
    return "";
}

std::string outcome_label(const ViewEnv& env, SessionOutcome o) {
    switch (o) {
        case SessionOutcome::Upcoming: return env.tr("To come");
        case SessionOutcome::Attended: return env.tr("Attended");
        case SessionOutcome::MadeUp: return env.tr("Made up");
        case SessionOutcome::Missed: return env.tr("Missed");
        case SessionOutcome::Unrecorded: return env.tr("Attendance not recorded yet");
        case SessionOutcome::Cancelled: return env.tr("Cancelled");
    }
    return "";
}

json session_view(const ViewEnv& env, const Cycle& c, const Session& s) {
    const auto& f = env.ctx.formatter;
    const std::string lang = env.req.lang;
    const auto [date, time] = i18n::format_local(s.starts_at, c.time_zone);
    json d{{"id", s.id},
           {"number", s.number},
           {"of", c.session_count},
           {"when", f.format_datetime(lang, s.starts_at, c.time_zone)},
           {"zone", c.time_zone},
           {"ends", i18n::format_local(s.ends_at(), c.time_zone).second},
           {"minutes", s.minutes},
           {"mode", mode_label(env, s.mode)},
           {"venue", s.place},
           {"conference_url", s.conference_url},
           {"dial_in", s.dial_in},
           {"cancelled", s.cancelled},
           {"not_recorded_reason", s.not_recorded_reason},
           {"datetime", date + "T" + time}};
    if (!env.viewer_zone.empty() && env.viewer_zone != c.time_zone) {
        d["own_when"] = f.format_datetime(lang, s.starts_at, env.viewer_zone);
        d["own_zone"] = env.viewer_zone;
    }
    json workshops = json::array();
    for (const auto& slug : s.workshops) workshops.push_back({{"slug", slug}, {"href", env.href("/guide/" + slug + "?start=" + time)}});
    d["workshops"] = workshops;
    d["has_workshops"] = !workshops.empty();
    if (!s.plan_token.empty()) d["plan_href"] = env.href("/guide/shared/" + s.plan_token);
    drop_empty(d);
    return d;
}

json cycle_summary(const ViewEnv& env, const Cycle& c, const std::string& format_name) {
    const auto ref = env.ctx.reference.get();
    json d{{"id", c.id},
           {"href", env.href("/training/cycles/" + std::to_string(c.id))},
           {"title", c.title},
           {"format", format_name},
           {"region", ref->region_name(c.region, env.req.lang)},
           {"status", c.status},
           {"status_label", status_label(env, c.status)},
           {"capacity", c.capacity},
           {"enrolled", c.enrolled},
           {"waiting", c.waiting},
           {"illustrative", c.illustrative},
           {"zone", c.time_zone}};
    std::string langs;
    for (const auto& l : c.languages) langs += (langs.empty() ? "" : ", ") + l;
    d["languages"] = langs;
    d["has_waiting"] = c.waiting > 0;
    if (c.first_start > 0) {
        d["first"] = env.ctx.formatter.format_date(env.req.lang, c.first_start, c.time_zone);
        d["last"] = env.ctx.formatter.format_date(env.req.lang, c.last_start, c.time_zone);
        d["first_iso"] = i18n::format_local(c.first_start, c.time_zone).first;
        d["last_iso"] = i18n::format_local(c.last_start, c.time_zone).first;
    }
    return d;
}

json standing_view(const ViewEnv& env, const Cycle& c, const std::vector<Session>& sessions, const Completion& done) {
    json rows = json::array();
    for (std::size_t i = 0; i < sessions.size() && i < done.sessions.size(); ++i) {
        const SessionOutcome o = done.sessions[i];
        rows.push_back({{"number", sessions[i].number},
                        {"id", sessions[i].id},
                        {"outcome", outcome_label(env, o)},
                        {"missed", o == SessionOutcome::Missed},
                        {"ok", o == SessionOutcome::Attended || o == SessionOutcome::MadeUp}});
    }
    return {{"label", standing_label(env, done.standing)},
            {"state", std::string(to_string(done.standing))},
            {"at_risk", done.standing == Standing::AtRisk || done.standing == Standing::CannotComplete},
            {"complete", done.standing == Standing::Complete},
            {"required", done.required},
            {"done", done.attended + done.made_up},
            {"sessions", rows},
            {"make_ups_allowed", c.make_ups_allowed}};
}

}  // namespace avenir::training
