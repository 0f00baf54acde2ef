// Request -> rules -> store -> view: the programme's calendar, a cycle's page, "My training",
// enrolment, withdrawal and self check-in.
#include <algorithm>
#include <map>

#include "core/auth/principal.hpp"
#include "core/clock.hpp"
#include "core/errors.hpp"
#include "core/log.hpp"
#include "core/view/layout.hpp"
#include "modules/training/training_indicators.hpp"
#include "modules/training/training_module.hpp"
#include "modules/training/training_rules.hpp"
#include "modules/training/training_timeline.hpp"
#include "modules/training/training_views.hpp"

namespace avenir::training {

using nlohmann::json;

namespace {

std::string zone_of(http::Request& req) {
    const auth::Principal* who = auth::current_principal(req);
    return who ? who->time_zone : std::string();
}

json options(const std::vector<std::pair<std::string, std::string>>& values, const std::string& chosen) {
    json out = json::array();
    for (const auto& [v, label] : values) out.push_back({{"value", v}, {"label", label}, {"selected", v == chosen}});
    return out;
}

}  // namespace

const kit::Directory& TrainingModule::directory() const { return ctx_->extensions.one<kit::Directory>(); }

Cycle TrainingModule::find_cycle(http::Request& req) {
    auto c = store().cycle(req.path_int("id"));
    if (!c) throw NotFound("There is no such training cycle.");
    return std::move(*c);
}

Session TrainingModule::find_session(http::Request& req) {
    auto s = store().session(req.path_int("id"));
    if (!s) throw NotFound("There is no such training session.");
    return std::move(*s);
}

TrainingModule::Facilitated TrainingModule::facilitated_session(http::Request& req) {
    Session s = find_session(req);
    TrainingStore st = store();
    auto c = st.cycle(s.cycle_id);
    const auth::Principal& who = auth::require_principal(req);
    if (!c || !may_facilitate(&who, *c, st.is_staff(c->id, who.user_id)))
        throw Forbidden("You may take attendance only in the cycles you facilitate.");
    return {std::move(s), std::move(*c)};
}

Cycle TrainingModule::manageable_cycle(http::Request& req) {
    Cycle c = find_cycle(req);
    if (!may_manage(auth::current_principal(req), c.region)) throw Forbidden("You may manage only the cycles of your regions.");
    return c;
}

// GET /training: the phases in order, each with its cycles; a timeline by region; filters.
http::Response TrainingModule::calendar(http::Request& req) {
    const ViewEnv env{req, *ctx_, zone_of(req)};
    CycleFilter f{req.query("region"), req.query("group"), req.query("language"), req.query("status")};
    const auto ref = ctx_->reference.get();
    if (!f.region.empty() && !ref->has_region(f.region)) f.region.clear();
    const auto formats = store().formats();
    if (std::none_of(formats.begin(), formats.end(), [&](const Format& x) { return x.slug == f.format; })) f.format.clear();
    if (std::none_of(std::begin(kStatuses), std::end(kStatuses), [&](const char* s) { return f.status == s; })) f.status.clear();
    if (f.language.size() > 3) f.language.clear();
    const auto cycles = store().cycles(f);

    std::map<std::string, std::string> names;
    for (const auto& fm : formats) names[fm.slug] = fm.name(req.lang);
    json phases = json::array();
    for (const auto& fm : formats) {
        json list = json::array();
        for (const auto& c : cycles)
            if (c.format_slug == fm.slug) list.push_back(cycle_summary(env, c, fm.name(req.lang)));
        phases.push_back({{"phase", fm.phase},
                          {"name", fm.name(req.lang)},
                          {"format", std::to_string(fm.session_count)},
                          {"sessions", fm.session_count},
                          {"hours", fm.session_minutes / 60},
                          {"minutes", fm.session_minutes % 60},
                          {"cycles", list},
                          {"has_cycles", !list.empty()}});
    }
    std::vector<std::pair<std::string, std::string>> regions{{"", env.tr("All regions")}}, groups{{"", env.tr("All groups")}},
        statuses{{"", env.tr("Any status")}};
    for (const auto& r : ref->region_names(req.lang)) regions.push_back(r);
    for (const auto& fm : formats) groups.emplace_back(fm.slug, fm.name(req.lang));
    for (const char* s : kStatuses) statuses.emplace_back(s, status_label(env, s));
    json d{{"phases", phases},
           {"regions", options(regions, f.region)},
           {"groups", options(groups, f.format)},
           {"statuses", options(statuses, f.status)},
           {"language", f.language},
           {"action", env.href("/training")},
           {"timeline", timeline_svg(env, cycles, names)},
           {"count", cycles.size()},
           {"can_manage", ctx_->access.allowed(req, "training_manage")},
           {"new_href", env.href("/training/new")},
           {"mine_href", env.href("/training/mine")},
           {"indicators_href", env.href("/training/indicators")},
           {"signed_in", auth::current_principal(req) != nullptr}};
    return ctx_->layout.page(req, "training/calendar", std::move(d), env.tr("Training calendar"));
}

// GET /training/cycles/{id}: the cycle, its sessions, and the reader's own place and standing.
http::Response TrainingModule::cycle_page(http::Request& req) {
    const Cycle c = find_cycle(req);
    const ViewEnv env{req, *ctx_, zone_of(req)};
    TrainingStore st = store();
    const auto sessions = st.sessions(c.id);
    const auto fmt = st.format(c.format_slug);
    json d = cycle_summary(env, c, fmt ? fmt->name(req.lang) : c.format_slug);
    // The reader's place and role in the cycle, read once.
    const auth::Principal* who = auth::current_principal(req);
    std::optional<Enrolment> place;
    bool staff = false, facilitator = false;
    if (who) {
        place = st.enrolment(c.id, who->user_id);
        for (const auto& m : st.staff(c.id))
            if (m.user_id == who->user_id) {
                staff = true;
                facilitator = facilitator || m.role == "facilitator";
            }
    }
    const bool manage = may_manage(who, c.region);
    const bool join = manage || staff || (place && place->state == "enrolled");
    // Recordings, each shown to those who may watch it; "not recorded" while someone enrolled has
    // not agreed to be recorded (to people signed in: their pages are never cached, and consents
    // change in accounts without telling the page cache).
    std::vector<std::string> refs;
    for (const auto& s : sessions) refs.push_back(recording_ref(s));
    const auto recordings = ctx_->extensions.one<kit::Shelf>().find(refs);
    const std::string no_consent = who ? not_recorded_text(req.lang, recording_consent(c.id)) : std::string();
    json list = json::array();
    for (const auto& s : sessions) {
        json v = session_view(env, c, s);
        if (const auto it = recordings.find(recording_ref(s)); it != recordings.end()) {
            const auto& rec = it->second;
            if (rec.access == "public" || (rec.access == "members" && who) || join)
                v["recording"] = {{"href", env.href("/library/" + std::to_string(rec.id))}, {"title", rec.title}};
        } else if (!s.cancelled && !no_consent.empty() && s.not_recorded_reason.empty()) {
            v["not_recorded_reason"] = no_consent;
        }
        if (!join) {  // links to join go to those enrolled and the cycle's staff
            v.erase("conference_url");
            v.erase("dial_in");
        }
        v["ics_href"] = env.href("/training/sessions/" + std::to_string(s.id) + "/session.ics");
        list.push_back(std::move(v));
    }
    // The guide's workshops by their titles in the reader's language (the guide names them).
    std::vector<std::string> slugs;
    for (const auto& s : sessions) slugs.insert(slugs.end(), s.workshops.begin(), s.workshops.end());
    std::map<std::string, kit::LinkTitles::Title> titles;
    if (!slugs.empty()) titles = kit::link_titles(ctx_->extensions, "/guide/", slugs, req.lang);
    for (auto& v : list)
        if (v.contains("workshops"))
            for (std::size_t i = 0; i < v["workshops"].size(); ++i) {
                auto& w = v["workshops"][i];
                const auto it = titles.find(w["slug"].get<std::string>());
                w["title"] = it != titles.end() ? it->second.text : w["slug"].get<std::string>();
                if (it != titles.end() && it->second.lang != req.lang) w["title_lang"] = it->second.lang;
                w["last"] = i + 1 == v["workshops"].size();
            }
    d["ics_href"] = env.href("/training/cycles/" + std::to_string(c.id) + "/calendar.ics");
    d["sessions"] = list;
    d["has_sessions"] = !list.empty();
    if (!c.interpretation.empty()) d["interpretation"] = c.interpretation;
    d["threshold"] = c.threshold_percent;
    d["make_ups_allowed"] = c.make_ups_allowed;
    d["enrol_opens"] = ctx_->formatter.format_date(req.lang, c.enrol_opens, c.time_zone);
    d["enrol_closes"] = ctx_->formatter.format_date(req.lang, c.enrol_closes, c.time_zone);
    d["full"] = c.enrolled >= c.capacity;
    d["calendar_href"] = env.href("/training");
    d["certificate_href"] = env.href("/training/cycles/" + std::to_string(c.id) + "/certificate");
    const std::string base = "/training/cycles/" + std::to_string(c.id);
    d["signed_in"] = who != nullptr;
    d["sign_in_href"] = env.href("/account/sign-in?next=" + env.href(base));
    if (who) {
        const std::int64_t now = clock::unix_seconds();
        d["csrf"] = ctx_->access.csrf(req);
        d["enrol_action"] = env.href(base + "/enrol");
        d["withdraw_action"] = env.href(base + "/withdraw");
        if (const auto& e = place; e && e->state != "withdrawn") {
            d["place"] = {{"enrolled", e->state == "enrolled"}, {"waiting", e->state == "waiting"}, {"code", e->code}};
            if (e->state == "enrolled") {
                const auto all_ups = st.make_ups(c.id);
                const Completion done = completion_of(c, sessions, *e, st.attendance(c.id), all_ups, now);
                d["standing"] = standing_view(env, c, sessions, done);
                // A missed session can be made up (or its make-up is waiting for a decision).
                const auto& ups = all_ups;
                for (auto& row : d["standing"]["sessions"]) {
                    const std::int64_t sid = row["id"].get<std::int64_t>();
                    MakeUp state = MakeUp::None;
                    for (const auto& m : ups)
                        if (m.session_id == sid && m.enrolment_id == e->id) state = m.state;
                    if (state == MakeUp::Submitted) row["make_up_state"] = env.tr("make-up sent, waiting for the facilitator");
                    if (state == MakeUp::Declined) row["make_up_state"] = env.tr("make-up declined: you may send a new reflection");
                    if (row["missed"].get<bool>() && c.make_ups_allowed && state != MakeUp::Submitted)
                        row["make_up_action"] = env.href("/training/sessions/" + std::to_string(sid) + "/make-up");
                }
                // Self check-in while a session runs.
                for (const auto& s : sessions)
                    if (!s.cancelled && now >= s.starts_at - 15 * 60 && now < s.ends_at())
                        d["check_in"] = {{"action", env.href("/training/sessions/" + std::to_string(s.id) + "/check-in")},
                                         {"number", s.number}};
            }
        } else {
            const auto regions = directory().union_regions(unions_of(*who));
            const std::string refusal = enrolment_refusal(*who, c, regions, now);
            d["may_enrol"] = refusal.empty();
            if (!refusal.empty()) d["refusal"] = env.tr(refusal);
        }
        const bool facilitate = may_facilitate(who, c, facilitator);
        d["can_manage"] = manage;
        d["can_facilitate"] = facilitate;
        if (manage) {
            d["edit_href"] = env.href(base + "/edit");
            d["add_session_action"] = env.href(base + "/sessions");
        }
        if (facilitate) d["participants_href"] = env.href(base + "/participants");
        for (auto& s : d["sessions"]) {
            const std::string path = "/training/sessions/" + std::to_string(s["id"].get<std::int64_t>());
            if (facilitate) s["roster_href"] = env.href(path + "/roster");
            if (facilitate) s["recording_href"] = env.href(path + "/recording");
            if (manage) s["edit_href"] = env.href(path + "/edit");
        }
    }
    return ctx_->layout.page(req, "training/cycle", std::move(d), c.title);
}

// GET /training/mine: the reader's places, each with its standing, and their calendar address.
http::Response TrainingModule::mine(http::Request& req) { return mine_page(req, ""); }

http::Response TrainingModule::mine_page(http::Request& req, const std::string& new_feed_url) {
    const auth::Principal& who = auth::require_principal(req);
    const ViewEnv env{req, *ctx_, who.time_zone};
    TrainingStore st = store();
    const std::int64_t now = clock::unix_seconds();
    json places = json::array();
    for (const auto& e : st.enrolments_of(who.user_id)) {
        if (e.state == "withdrawn") continue;
        const auto c = st.cycle(e.cycle_id);
        if (!c) continue;
        json p = cycle_summary(env, *c, "");
        p["waiting"] = e.state == "waiting";
        p["code"] = e.code;
        if (e.state == "enrolled") {
            const auto sessions = st.sessions(c->id);
            const Completion done = completion_of(*c, sessions, e, st.attendance(c->id), st.make_ups(c->id), now);
            p["standing"] = standing_view(env, *c, sessions, done);
        }
        places.push_back(std::move(p));
    }
    json d{{"places", places},
           {"has_places", !places.empty()},
           {"calendar_href", env.href("/training")},
           {"csrf", ctx_->access.csrf(req)},
           {"feed_action", env.href("/training/mine/calendar")},
           {"has_feed", !new_feed_url.empty() || st.has_calendar_token(who.user_id)},
           {"new_feed_url", new_feed_url}};
    return ctx_->layout.page(req, "training/mine", std::move(d), env.tr("My training"));
}

// POST /training/cycles/{id}/enrol
http::Response TrainingModule::enrol(http::Request& req) {
    const auth::Principal& who = auth::require_principal(req);
    const Cycle c = find_cycle(req);
    const std::int64_t now = clock::unix_seconds();
    const std::string refusal = enrolment_refusal(who, c, directory().union_regions(unions_of(who)), now);
    if (!refusal.empty()) throw Conflict(refusal);
    const PlaceChange change = ctx_->db.with_tx([&](storage::Transaction& tx) {
        PlaceChange ch = TrainingStore(tx).enrol(c.id, who.user_id, std::nullopt, now);
        ctx_->audit.record(tx, {"training_enrolled", who.user_id, who.user_id, std::to_string(c.id) + ":" + ch.enrolment.state});
        return ch;
    });
    ctx_->pages_changed();
    log::info("training_enrolment", log::kv("cycle", static_cast<long long>(c.id)) + " " + log::kv("state", change.enrolment.state));
    return http::Response::redirect(view::Layout::href(req, "/training/cycles/" + std::to_string(c.id)));
}

// POST /training/cycles/{id}/withdraw
http::Response TrainingModule::withdraw(http::Request& req) {
    const auth::Principal& who = auth::require_principal(req);
    const Cycle c = find_cycle(req);
    const std::int64_t now = clock::unix_seconds();
    const auto change = ctx_->db.with_tx([&](storage::Transaction& tx) {
        auto ch = TrainingStore(tx).withdraw(c.id, who.user_id, now);
        if (ch) ctx_->audit.record(tx, {"training_withdrew", who.user_id, who.user_id, std::to_string(c.id)});
        return ch;
    });
    if (change && change->promoted) notify_promoted(c, *change->promoted);
    ctx_->pages_changed();
    return http::Response::redirect(view::Layout::href(req, "/training/cycles/" + std::to_string(c.id)));
}

// POST /training/sessions/{id}/check-in: the session's code, while it runs (from 15 minutes
// before its start to its end).
http::Response TrainingModule::check_in(http::Request& req) {
    const auth::Principal& who = auth::require_principal(req);
    const Session s = find_session(req);
    const auto c = store().cycle(s.cycle_id);
    if (!c) throw NotFound("There is no such training session.");
    const auto e = store().enrolment(c->id, who.user_id);
    if (!e || e->state != "enrolled") throw Forbidden("Only people enrolled in this cycle can check in.");
    const std::int64_t now = clock::unix_seconds();
    if (s.cancelled || now < s.starts_at - 15 * 60 || now >= s.ends_at())
        throw Conflict("Check-in is open only while the session runs.");
    std::string code = req.form().get("code");
    std::transform(code.begin(), code.end(), code.begin(), [](unsigned char ch) { return static_cast<char>(std::toupper(ch)); });
    if (code != s.checkin_code) throw Unprocessable("This is not the session's code. Check the code the facilitator shows and try again.");
    const Mark mark = now <= s.starts_at + 10 * 60 ? Mark::Present : Mark::Late;
    ctx_->db.with_tx([&](storage::Transaction& tx) {
        TrainingStore(tx).record({{s.id, e->id, mark, 0, "checkin", who.user_id, now}});
        ctx_->audit.record(tx, {"training_checked_in", who.user_id, who.user_id, std::to_string(s.id)});
    });
    return http::Response::redirect(view::Layout::href(req, "/training/cycles/" + std::to_string(c->id)));
}

// GET /training/indicators (and .csv): the programme's figures per region and group.
http::Response TrainingModule::indicators(http::Request& req) {
    const ViewEnv env{req, *ctx_, zone_of(req)};
    TrainingStore st = store();
    const auto rows = compute_indicators(st, clock::unix_seconds());
    if (req.path.ends_with(".csv")) {
        http::Response res = http::Response::text(indicators_csv(rows));
        res.set_header("Content-Type", "text/csv; charset=utf-8");
        res.set_header("Content-Disposition", "attachment; filename=\"training-indicators.csv\"");
        return res;
    }
    std::map<std::string, std::string> names;
    for (const auto& f : st.formats()) names[f.slug] = f.name(req.lang);
    const auto ref = ctx_->reference.get();
    json list = json::array();
    for (const auto& r : rows)
        list.push_back({{"region", ref->region_name(r.region, req.lang)},
                        {"group", names.contains(r.format) ? names[r.format] : r.format},
                        {"cycles", r.cycles},
                        {"enrolled", r.enrolled},
                        {"completed", r.completed},
                        {"rate", r.completion_percent()},
                        {"at_risk", r.at_risk},
                        {"held", r.sessions_held},
                        {"make_ups", r.make_ups}});
    json d{{"rows", list},
           {"has_rows", !list.empty()},
           {"chart", indicators_svg(env, rows, names)},
           {"csv_href", env.href("/training/indicators.csv")},
           {"calendar_href", env.href("/training")}};
    return ctx_->layout.page(req, "training/indicators", std::move(d), env.tr("Training indicators"));
}

}  // namespace avenir::training
