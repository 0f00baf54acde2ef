// Calendars: a cycle's feed, one session's "add to calendar" file, and each person's private
// feed of their cycles behind a token they can replace or stop. Conference links and dial-ins go
// only to those who may join (enrolled, staff, coordinators).
#include <sodium.h>

#include <algorithm>

#include "core/auth/principal.hpp"
#include "core/clock.hpp"
#include "core/errors.hpp"
#include "core/security/random.hpp"
#include "core/view/layout.hpp"
#include "modules/training/training_calendar.hpp"
#include "modules/training/training_module.hpp"
#include "modules/training/training_rules.hpp"
#include "modules/training/training_views.hpp"

namespace avenir::training {

namespace {

std::string token_hash(const std::string& token) {
    unsigned char out[32];
    crypto_generichash(out, sizeof out, reinterpret_cast<const unsigned char*>(token.data()), token.size(), nullptr, 0);
    static constexpr char hex[] = "0123456789abcdef";
    std::string s;
    for (unsigned char b : out) {
        s += hex[b >> 4];
        s += hex[b & 15];
    }
    return s;
}

http::Response ics(std::string body, const std::string& filename) {
    http::Response res = http::Response::text(std::move(body));
    res.set_header("Content-Type", "text/calendar; charset=utf-8");
    res.set_header("Content-Disposition", "inline; filename=\"" + filename + "\"");
    res.set_header("Cache-Control", "private, no-cache");
    return res;
}

}  // namespace

bool TrainingModule::may_join(http::Request& req, const Cycle& c) {
    const auth::Principal* who = auth::current_principal(req);
    if (!who) return false;
    TrainingStore st = store();
    if (may_manage(who, c.region) || st.is_staff(c.id, who->user_id) || st.is_staff(c.id, who->user_id, "interpreter")) return true;
    const auto e = st.enrolment(c.id, who->user_id);
    return e && e->state == "enrolled";
}

std::string TrainingModule::cycle_url(const Cycle& c, const std::string& lang) const {
    return ctx_->base_url + i18n::localized_path(lang, "/training/cycles/" + std::to_string(c.id));
}

// GET /training/cycles/{id}/calendar.ics
http::Response TrainingModule::cycle_calendar(http::Request& req) {
    const Cycle c = find_cycle(req);
    const bool join = may_join(req, c);
    std::vector<CalendarEntry> entries;
    for (const auto& s : store().sessions(c.id)) entries.push_back({c, s, cycle_url(c, req.lang), join});
    return ics(build_calendar(c.title, entries, clock::unix_seconds()), "cycle-" + std::to_string(c.id) + ".ics");
}

// GET /training/sessions/{id}/session.ics: "add to calendar" for one session.
http::Response TrainingModule::session_calendar(http::Request& req) {
    const Session s = find_session(req);
    const auto c = store().cycle(s.cycle_id);
    if (!c) throw NotFound("There is no such training session.");
    return ics(build_calendar(c->title, {{*c, s, cycle_url(*c, req.lang), may_join(req, *c)}}, clock::unix_seconds()),
               "session-" + std::to_string(s.id) + ".ics");
}

// GET /training/calendar/{token}: the person's cycles (enrolled, facilitating or interpreting).
http::Response TrainingModule::personal_calendar(http::Request& req) {
    TrainingStore st = store();
    const auto owner = st.calendar_owner(token_hash(req.param("token")));
    if (!owner) throw NotFound("This calendar address is not (or no longer) valid.");
    const std::int64_t user = *owner;
    std::vector<std::int64_t> cycles = st.cycles_of_staff(user);
    for (const auto& e : st.enrolments_of(user))
        if (e.state == "enrolled") cycles.push_back(e.cycle_id);
    std::sort(cycles.begin(), cycles.end());
    cycles.erase(std::unique(cycles.begin(), cycles.end()), cycles.end());
    std::vector<CalendarEntry> entries;
    for (const auto id : cycles) {
        const auto c = st.cycle(id);
        if (!c) continue;
        for (const auto& s : st.sessions(id)) entries.push_back({*c, s, cycle_url(*c, req.lang), true});
    }
    return ics(build_calendar(ctx_->catalog.translate(req.lang, "My training"), entries, clock::unix_seconds()), "training.ics");
}

// POST /training/mine/calendar: action=new (a new address; the old one stops) or stop.
http::Response TrainingModule::calendar_token(http::Request& req) {
    const auth::Principal& who = auth::require_principal(req);
    const std::int64_t now = clock::unix_seconds();
    const bool stop = req.form().get("action") == "stop";
    std::string token;
    ctx_->db.with_tx([&](storage::Transaction& tx) {
        if (!stop) token = security::random_hex(24);
        TrainingStore(tx).set_calendar_token(who.user_id, stop ? std::optional<std::string>() : token_hash(token), now);
        ctx_->audit.record(tx, {stop ? "training_calendar_stopped" : "training_calendar_created", who.user_id, who.user_id, ""});
    });
    if (stop) return http::Response::redirect(view::Layout::href(req, "/training/mine"));
    return mine_page(req, ctx_->base_url + view::Layout::href(req, "/training/calendar/" + token));
}

}  // namespace avenir::training
