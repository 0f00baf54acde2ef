#pragma once
// The training module's SQL. Nothing else reads or writes these tables.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "modules/training/training_types.hpp"
#include "storage/database.hpp"

namespace avenir::training {

struct CycleFilter {
    std::string region, format, language, status;  // "" = any
};

// What enrolling or withdrawing did.
struct PlaceChange {
    Enrolment enrolment;                          // the person's place after the change
    std::optional<Enrolment> promoted;            // someone moved up from the waiting list
};

class TrainingStore {
public:
    // Over the database (each call on its own) or a transaction (calls join it).
    explicit TrainingStore(storage::Executor& db) : db_(db) {}

    // Formats, by phase.
    std::vector<Format> formats();
    std::optional<Format> format(const std::string& slug);
    // Inserts or updates; true when a row changed.
    bool put_format(const Format& f, std::int64_t now);

    // A cycle copying its format (phase, audience, session count and length) and, when asked, its
    // sessions (count from the format, a week apart from first_start). Returns the id.
    std::int64_t create_cycle(Cycle c, const Format& f, std::optional<std::int64_t> created_by, std::int64_t now);
    void update_cycle(const Cycle& c, std::int64_t now);
    std::optional<Cycle> cycle(std::int64_t id);
    // Cycles with their places taken, waiting list and first/last session, one query; ordered by
    // phase, region, first session.
    std::vector<Cycle> cycles(const CycleFilter& f);
    // The cycles a person works in as facilitator or interpreter, or is enrolled/waiting in.
    std::vector<std::int64_t> cycles_of_staff(std::int64_t user_id);

    std::vector<Staff> staff(std::int64_t cycle_id);
    void set_staff(std::int64_t cycle_id, const std::vector<Staff>& staff);
    bool is_staff(std::int64_t cycle_id, std::int64_t user_id, const std::string& role = "facilitator");

    std::vector<Session> sessions(std::int64_t cycle_id);
    std::optional<Session> session(std::int64_t id);
    // Appends a session numbered after the last; returns its id.
    std::int64_t add_session(Session s, std::int64_t now);
    // Saves a changed session and raises its SEQUENCE when its time, length, place, link or
    // cancellation changed (returns true then: those enrolled are told).
    bool update_session(const Session& s, std::int64_t now);

    // Places and the waiting list (by requested_at).
    std::vector<Enrolment> enrolments(std::int64_t cycle_id);
    std::optional<Enrolment> enrolment(std::int64_t cycle_id, std::int64_t user_id);
    std::optional<Enrolment> enrolment_by_code(std::int64_t cycle_id, const std::string& code);
    // The person's places in every cycle (for "My training").
    std::vector<Enrolment> enrolments_of(std::int64_t user_id);
    // Takes a place (or a place on the waiting list when the cycle is full); a withdrawn person
    // asks again at the end of the list. Run it in a transaction: it locks the cycle first.
    PlaceChange enrol(std::int64_t cycle_id, std::int64_t user_id, std::optional<std::int64_t> invited_by, std::int64_t now);
    // Gives the place up; the first on the waiting list moves up. Nothing when not enrolled.
    std::optional<PlaceChange> withdraw(std::int64_t cycle_id, std::int64_t user_id, std::int64_t now);
    // Moves people up from the waiting list while places are free (after a capacity change).
    std::vector<Enrolment> promote_waiting(std::int64_t cycle_id, std::int64_t now);

    // Every mark of a cycle, one query.
    std::vector<AttendanceMark> attendance(std::int64_t cycle_id);
    // Writes marks (one statement each; call in a transaction). A mark of Mark::None removes one.
    void record(const std::vector<AttendanceMark>& marks);

    std::vector<MakeUpRecord> make_ups(std::int64_t cycle_id);
    void submit_make_up(std::int64_t session_id, const Enrolment& e, const std::string& reflection, std::int64_t now);
    void decide_make_up(std::int64_t session_id, std::int64_t enrolment_id, MakeUp decision, std::int64_t by, std::int64_t now);

    // Every cycle's sessions, places, marks and make-ups (one query each), for the indicators.
    std::vector<Session> all_sessions();
    std::vector<Enrolment> all_enrolments();
    std::vector<AttendanceMark> all_attendance();
    std::vector<MakeUpRecord> all_make_ups();

    // The certificate's verification token of a place: the stored one, else `candidate`, stored.
    std::string certificate_token(std::int64_t enrolment_id, const std::string& candidate);
    std::optional<Enrolment> enrolment_by_certificate(const std::string& token);

    // The person's private calendar address (its token's hash): replaced, or removed with nullopt.
    void set_calendar_token(std::int64_t user_id, const std::optional<std::string>& token_hash, std::int64_t now);
    std::optional<std::int64_t> calendar_owner(const std::string& token_hash);
    bool has_calendar_token(std::int64_t user_id);

private:
    std::string new_code(std::size_t length, const char* table, const char* column);
    storage::Executor& db_;
};

}  // namespace avenir::training
