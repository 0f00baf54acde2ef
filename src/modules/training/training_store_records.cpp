// The training store: marks, make-ups, every cycle's records (indicators) and calendar tokens.
#include "modules/training/training_store.hpp"
#include "modules/training/training_store_sql.hpp"

namespace avenir::training {

using namespace sql;

// ---- attendance and make-ups -------------------------------------------------------------------

std::vector<AttendanceMark> TrainingStore::attendance(std::int64_t cycle_id) {
    std::vector<AttendanceMark> out;
    for (const auto& r : db_.exec("SELECT a.session_id, a.enrolment_id, a.mark, a.minutes, a.source, a.recorded_by, a.recorded_at "
                                  "FROM training_attendance a JOIN training_sessions s ON s.id = a.session_id WHERE s.cycle_id = $1 "
                                  "ORDER BY a.session_id, a.enrolment_id",
                                  {cycle_id}))
        out.push_back({r.get_int("session_id"), r.get_int("enrolment_id"), mark_from(r.get_text("mark")).value_or(Mark::None),
                       static_cast<int>(r.get_int("minutes")), r.get_text("source"), r.get_opt_int("recorded_by"), r.get_int("recorded_at")});
    return out;
}

void TrainingStore::record(const std::vector<AttendanceMark>& marks) {
    db_.with_tx([&](storage::Transaction& tx) {
        for (const auto& m : marks) {
            if (m.mark == Mark::None) {
                tx.exec("DELETE FROM training_attendance WHERE session_id = $1 AND enrolment_id = $2", {m.session_id, m.enrolment_id});
                continue;
            }
            tx.exec("INSERT INTO training_attendance (session_id, enrolment_id, user_id, mark, minutes, source, recorded_by, recorded_at) "
                    "SELECT $1, $2, e.user_id, $3, $4, $5, $6, $7 FROM training_enrolments e WHERE e.id = $2 "
                    "ON CONFLICT (session_id, enrolment_id) DO UPDATE SET mark = excluded.mark, minutes = excluded.minutes, "
                    "source = excluded.source, recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at",
                    {m.session_id, m.enrolment_id, std::string(to_string(m.mark)), m.mark == Mark::Partial ? m.minutes : 0, m.source,
                     opt(m.recorded_by), m.recorded_at});
        }
    });
}

std::vector<MakeUpRecord> TrainingStore::make_ups(std::int64_t cycle_id) {
    std::vector<MakeUpRecord> out;
    for (const auto& r : db_.exec("SELECT m.session_id, m.enrolment_id, m.state, m.submitted_at, coalesce(f.body, '') AS reflection "
                                  "FROM training_make_ups m JOIN training_sessions s ON s.id = m.session_id "
                                  "LEFT JOIN training_reflections f ON f.session_id = m.session_id AND f.enrolment_id = m.enrolment_id "
                                  "WHERE s.cycle_id = $1 ORDER BY m.submitted_at",
                                  {cycle_id}))
        out.push_back({r.get_int("session_id"), r.get_int("enrolment_id"), make_up_from(r.get_text("state")), r.get_int("submitted_at"),
                       r.get_text("reflection")});
    return out;
}

void TrainingStore::submit_make_up(std::int64_t session_id, const Enrolment& e, const std::string& reflection, std::int64_t now) {
    db_.with_tx([&](storage::Transaction& tx) {
        tx.exec("INSERT INTO training_make_ups (session_id, enrolment_id, user_id, state, submitted_at) VALUES ($1, $2, $3, 'submitted', $4) "
                "ON CONFLICT (session_id, enrolment_id) DO UPDATE SET state = 'submitted', submitted_at = excluded.submitted_at, "
                "decided_by = NULL, decided_at = NULL",
                {session_id, e.id, opt(e.user_id), now});
        tx.exec("INSERT INTO training_reflections (session_id, enrolment_id, user_id, body, written_at) VALUES ($1, $2, $3, $4, $5) "
                "ON CONFLICT (session_id, enrolment_id) DO UPDATE SET body = excluded.body, written_at = excluded.written_at",
                {session_id, e.id, opt(e.user_id), reflection, now});
    });
}

void TrainingStore::decide_make_up(std::int64_t session_id, std::int64_t enrolment_id, MakeUp decision, std::int64_t by, std::int64_t now) {
    db_.exec("UPDATE training_make_ups SET state = $3, decided_by = $4, decided_at = $5 WHERE session_id = $1 AND enrolment_id = $2",
             {session_id, enrolment_id, std::string(to_string(decision)), by, now});
}

// ---- everything, for the indicators ------------------------------------------------------------

std::vector<Session> TrainingStore::all_sessions() {
    std::vector<Session> out;
    for (const auto& r : db_.exec(std::string("SELECT ") + kSessionColumns + " FROM training_sessions ORDER BY cycle_id, number"))
        out.push_back(to_session(r));
    return out;
}

std::vector<Enrolment> TrainingStore::all_enrolments() {
    std::vector<Enrolment> out;
    for (const auto& r : db_.exec(std::string("SELECT ") + kEnrolmentColumns + " FROM training_enrolments WHERE state = 'enrolled' ORDER BY cycle_id, id"))
        out.push_back(to_enrolment(r));
    return out;
}

std::vector<AttendanceMark> TrainingStore::all_attendance() {
    std::vector<AttendanceMark> out;
    for (const auto& r : db_.exec("SELECT session_id, enrolment_id, mark, minutes, source, recorded_by, recorded_at FROM training_attendance "
                                  "ORDER BY enrolment_id, session_id"))
        out.push_back({r.get_int("session_id"), r.get_int("enrolment_id"), mark_from(r.get_text("mark")).value_or(Mark::None),
                       static_cast<int>(r.get_int("minutes")), r.get_text("source"), r.get_opt_int("recorded_by"), r.get_int("recorded_at")});
    return out;
}

std::vector<MakeUpRecord> TrainingStore::all_make_ups() {
    std::vector<MakeUpRecord> out;
    for (const auto& r : db_.exec("SELECT session_id, enrolment_id, state, submitted_at FROM training_make_ups ORDER BY enrolment_id"))
        out.push_back({r.get_int("session_id"), r.get_int("enrolment_id"), make_up_from(r.get_text("state")), r.get_int("submitted_at"), ""});
    return out;
}

// ---- certificates ------------------------------------------------------------------------------

std::string TrainingStore::certificate_token(std::int64_t enrolment_id, const std::string& candidate) {
    return db_.with_tx([&](storage::Transaction& tx) {
        tx.exec("UPDATE training_enrolments SET certificate_token = $2 WHERE id = $1 AND certificate_token IS NULL", {enrolment_id, candidate});
        return tx.exec("SELECT certificate_token FROM training_enrolments WHERE id = $1", {enrolment_id}).at(0).get_text("certificate_token");
    });
}

std::optional<Enrolment> TrainingStore::enrolment_by_certificate(const std::string& token) {
    const auto r = db_.exec(std::string("SELECT ") + kEnrolmentColumns + " FROM training_enrolments WHERE certificate_token = $1", {token});
    if (r.empty()) return std::nullopt;
    return to_enrolment(r.at(0));
}

// ---- calendars ----------------------------------------------------------------------------------

void TrainingStore::set_calendar_token(std::int64_t user_id, const std::optional<std::string>& token_hash, std::int64_t now) {
    db_.with_tx([&](storage::Transaction& tx) {
        tx.exec("DELETE FROM training_calendar_tokens WHERE user_id = $1", {user_id});
        if (token_hash)
            tx.exec("INSERT INTO training_calendar_tokens (user_id, token_hash, created_at) VALUES ($1, $2, $3)", {user_id, *token_hash, now});
    });
}

std::optional<std::int64_t> TrainingStore::calendar_owner(const std::string& token_hash) {
    const auto r = db_.exec("SELECT user_id FROM training_calendar_tokens WHERE token_hash = $1", {token_hash});
    if (r.empty()) return std::nullopt;
    return r.at(0).get_int("user_id");
}

bool TrainingStore::has_calendar_token(std::int64_t user_id) {
    return !db_.exec("SELECT 1 FROM training_calendar_tokens WHERE user_id = $1", {user_id}).empty();
}

}  // namespace avenir::training
