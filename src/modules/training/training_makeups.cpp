// Make-ups for missed sessions: the participant watches the recording and writes a short
// reflection; a facilitator of the cycle (or its coordinator) approves or declines it. Only an
// approved make-up counts (training_completion.hpp).
#include <algorithm>

#include "core/auth/principal.hpp"
#include "core/clock.hpp"
#include "core/errors.hpp"
#include "core/text/utf8.hpp"
#include "core/view/layout.hpp"
#include "modules/training/training_module.hpp"
#include "modules/training/training_rules.hpp"

namespace avenir::training {

// POST /training/sessions/{id}/make-up: the reflection for a missed session.
http::Response TrainingModule::submit_make_up(http::Request& req) {
    const auth::Principal& who = auth::require_principal(req);
    const Session s = find_session(req);
    TrainingStore st = store();
    const auto c = st.cycle(s.cycle_id);
    if (!c) throw NotFound("There is no such training session.");
    const auto e = st.enrolment(c->id, who.user_id);
    if (!e || e->state != "enrolled") throw Forbidden("Only people enrolled in this cycle can make up a session.");
    if (!c->make_ups_allowed) throw Conflict("This cycle allows no make-up.");
    const std::int64_t now = clock::unix_seconds();
    // Only a session this person missed (by the all-sessions rule) can be made up.
    const auto sessions = st.sessions(c->id);
    const Completion done = completion_of(*c, sessions, *e, st.attendance(c->id), st.make_ups(c->id), now);
    bool missed = false;
    for (std::size_t i = 0; i < sessions.size(); ++i)
        if (sessions[i].id == s.id) missed = done.sessions[i] == SessionOutcome::Missed;
    if (!missed) throw Conflict("Only a session you missed can be made up.");
    const std::string reflection = req.form().get("reflection");
    const std::size_t length = utf8::count(reflection);
    if (length < 200 || length > 8000)
        throw Unprocessable("Write your reflection in 200 to 8,000 characters: what the session covered and what you take from it.");
    ctx_->db.with_tx([&](storage::Transaction& tx) {
        TrainingStore(tx).submit_make_up(s.id, *e, reflection, now);
        ctx_->audit.record(tx, {"training_make_up_submitted", who.user_id, who.user_id, std::to_string(s.id)});
    });
    return http::Response::redirect(view::Layout::href(req, "/training/cycles/" + std::to_string(c->id)));
}

// POST /training/sessions/{id}/make-ups/{enrolment_id}: decision=approved|declined.
http::Response TrainingModule::decide_make_up(http::Request& req) {
    const auth::Principal& who = auth::require_principal(req);
    const auto [s, cycle] = facilitated_session(req);
    const Cycle* c = &cycle;
    TrainingStore st = store();
    const MakeUp decision = make_up_from(req.form().get("decision"));
    if (decision != MakeUp::Approved && decision != MakeUp::Declined) throw Unprocessable("Choose to approve or to decline the make-up.");
    const std::int64_t enrolment_id = req.path_int("enrolment_id");
    const auto ups = st.make_ups(c->id);
    if (std::none_of(ups.begin(), ups.end(), [&](const MakeUpRecord& m) { return m.session_id == s.id && m.enrolment_id == enrolment_id; }))
        throw NotFound("There is no such make-up.");
    ctx_->db.with_tx([&](storage::Transaction& tx) {
        TrainingStore(tx).decide_make_up(s.id, enrolment_id, decision, who.user_id, clock::unix_seconds());
        ctx_->audit.record(tx, {"training_make_up_decided", who.user_id, std::nullopt,
                                std::to_string(s.id) + ":" + std::to_string(enrolment_id) + ":" + std::string(to_string(decision))});
    });
    return http::Response::redirect(view::Layout::href(req, "/training/cycles/" + std::to_string(c->id) + "/participants"));
}

}  // namespace avenir::training
