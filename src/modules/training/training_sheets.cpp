// Paper: the printable sign-in sheet of a session (one short code per person, ticked on paper and
// typed back by a coordinator or facilitator), and completed participants' certificates with a
// verification address that shows only what the person consented to.
#include <algorithm>
#include <set>

#include "core/auth/principal.hpp"
#include "core/clock.hpp"
#include "core/errors.hpp"
#include "core/i18n/message.hpp"
#include "core/security/random.hpp"
#include "core/view/layout.hpp"
#include "modules/training/training_module.hpp"
#include "modules/training/training_rules.hpp"
#include "modules/training/training_views.hpp"

namespace avenir::training {

using nlohmann::json;

namespace {

// "AB3CDE, FG4HJK\nMN6PQR" -> codes in upper case, in order, without repeats.
std::vector<std::string> codes_of(const std::string& text) {
    std::vector<std::string> out;
    std::string cur;
    for (char ch : text + " ") {
        if ((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) {
            cur += static_cast<char>(ch >= 'a' && ch <= 'z' ? ch - 'a' + 'A' : ch);
        } else if (!cur.empty()) {
            if (std::find(out.begin(), out.end(), cur) == out.end()) out.push_back(cur);
            cur.clear();
        }
    }
    return out;
}

}  // namespace

// GET /training/sessions/{id}/sheet (and the same page after a refused POST).
http::Response TrainingModule::sheet(http::Request& req) { return sheet_page(req, {}, ""); }

http::Response TrainingModule::sheet_page(http::Request& req, const std::vector<std::string>& unknown, const std::string& typed) {
    const auto [s, cycle] = facilitated_session(req);
    const auth::Principal& who = auth::require_principal(req);
    const ViewEnv env{req, *ctx_, who.time_zone};
    TrainingStore st = store();
    const auto enrolments = st.enrolments(cycle.id);
    std::vector<std::int64_t> ids;
    for (const auto& e : enrolments)
        if (e.state == "enrolled" && e.user_id) ids.push_back(*e.user_id);
    const auto people = directory().people(ids);
    json rows = json::array();
    for (const auto& e : enrolments) {
        if (e.state != "enrolled") continue;
        const auto p = e.user_id ? std::find_if(people.begin(), people.end(), [&](const kit::PersonCard& x) { return x.id == *e.user_id; })
                                 : people.end();
        rows.push_back({{"name", p == people.end() ? env.tr("(erased account)") : p->name}, {"code", e.code}});
    }
    std::sort(rows.begin(), rows.end(), [](const json& a, const json& b) { return a["name"].get<std::string>() < b["name"].get<std::string>(); });
    std::string unknown_text;
    for (const auto& u : unknown) unknown_text += (unknown_text.empty() ? "" : ", ") + u;
    json d{{"csrf", ctx_->access.csrf(req)},
           {"action", env.href("/training/sessions/" + std::to_string(s.id) + "/sheet")},
           {"roster_href", env.href("/training/sessions/" + std::to_string(s.id) + "/roster")},
           {"cycle_title", cycle.title},
           {"session", session_view(env, cycle, s)},
           {"rows", rows},
           {"has_rows", !rows.empty()},
           {"typed", typed},
           {"unknown", unknown_text},
           {"illustrative", cycle.illustrative}};
    return ctx_->layout.page(req, "training/sheet", std::move(d), env.tr("Sign-in sheet") + " — " + cycle.title, unknown.empty() ? 200 : 422);
}

// POST /training/sessions/{id}/sheet: the codes ticked on paper; all known or nothing saved.
http::Response TrainingModule::save_sheet(http::Request& req) {
    const auto [s, cycle] = facilitated_session(req);
    const auth::Principal& who = auth::require_principal(req);
    const std::string typed = req.form().get("codes");
    const auto codes = codes_of(typed);
    std::map<std::string, std::int64_t> place_of;
    for (const auto& e : store().enrolments(cycle.id))
        if (e.state == "enrolled") place_of.emplace(e.code, e.id);
    std::vector<std::string> unknown;
    std::vector<AttendanceMark> marks;
    const std::int64_t now = clock::unix_seconds();
    for (const auto& c : codes) {
        const auto it = place_of.find(c);
        if (it == place_of.end()) unknown.push_back(c);
        else marks.push_back({s.id, it->second, Mark::Present, 0, "sheet", who.user_id, now});
    }
    if (codes.empty()) unknown.push_back("—");
    if (!unknown.empty()) return sheet_page(req, unknown, typed);
    ctx_->db.with_tx([&](storage::Transaction& tx) {
        TrainingStore(tx).record(marks);
        ctx_->audit.record(tx, {"training_sheet_recorded", who.user_id, std::nullopt, std::to_string(s.id) + ":" + std::to_string(marks.size())});
    });
    return http::Response::redirect(view::Layout::href(req, "/training/sessions/" + std::to_string(s.id) + "/roster?saved=1"));
}

// GET /training/cycles/{id}/certificate: the signed-in person's certificate, once they completed.
http::Response TrainingModule::certificate(http::Request& req) {
    const auth::Principal& who = auth::require_principal(req);
    const Cycle c = find_cycle(req);
    TrainingStore st = store();
    const auto e = st.enrolment(c.id, who.user_id);
    if (!e || e->state != "enrolled") throw NotFound("You have no certificate for this cycle.");
    const auto sessions = st.sessions(c.id);
    const std::int64_t now = clock::unix_seconds();
    const Completion done = completion_of(c, sessions, *e, st.attendance(c.id), st.make_ups(c.id), now);
    if (done.standing != Standing::Complete) throw Conflict("A certificate is given once every session is attended or made up.");
    const std::string token = st.certificate_token(e->id, security::random_hex(16));
    const ViewEnv env{req, *ctx_, who.time_zone};
    json d = certificate_view(env, c, sessions, who.display_name);
    d["verify_url"] = ctx_->base_url + env.href("/training/certificates/" + token);
    return ctx_->layout.page(req, "training/certificate", std::move(d), env.tr("Certificate") + " — " + c.title);
}

// GET /training/certificates/{token}: what a certificate says, for anyone holding its address;
// the name only when its holder agreed to be listed publicly.
http::Response TrainingModule::verify_certificate(http::Request& req) {
    TrainingStore st = store();
    const auto e = st.enrolment_by_certificate(req.param("token"));
    if (!e) throw NotFound("No certificate has this address.");
    const auto c = st.cycle(e->cycle_id);
    if (!c) throw NotFound("No certificate has this address.");
    const auto sessions = st.sessions(c->id);
    const Completion done = completion_of(*c, sessions, *e, st.attendance(c->id), st.make_ups(c->id), clock::unix_seconds());
    const ViewEnv env{req, *ctx_, ""};
    std::string name;
    if (e->user_id && directory().consenting({*e->user_id}, "listed_publicly").contains(*e->user_id))
        for (const auto& p : directory().people({*e->user_id})) name = p.name;
    json d = certificate_view(env, *c, sessions, name);
    d["verification"] = true;
    d["valid"] = done.standing == Standing::Complete;
    return ctx_->layout.page(req, "training/certificate", std::move(d), env.tr("Certificate check"));
}

json TrainingModule::certificate_view(const ViewEnv& env, const Cycle& c, const std::vector<Session>& sessions, const std::string& name) {
    std::int64_t first = 0, last = 0;
    int held = 0;
    for (const auto& s : sessions) {
        if (s.cancelled) continue;
        if (!first || s.starts_at < first) first = s.starts_at;
        last = std::max(last, s.starts_at);
        ++held;
    }
    const auto fmt = store().format(c.format_slug);
    json d{{"cycle_title", c.title},
           {"group", fmt ? fmt->name(env.req.lang) : c.format_slug},
           {"region", env.ctx.reference.get()->region_name(c.region, env.req.lang)},
           {"sessions", held},
           {"illustrative", c.illustrative}};
    if (!name.empty()) d["name"] = name;
    if (first) {
        d["first"] = env.ctx.formatter.format_date(env.req.lang, first, c.time_zone);
        d["last"] = env.ctx.formatter.format_date(env.req.lang, last, c.time_zone);
    }
    return d;
}

}  // namespace avenir::training
