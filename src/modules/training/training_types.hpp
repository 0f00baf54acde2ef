#pragma once
// The training module's records, as its store reads and writes them.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "modules/training/training_completion.hpp"

namespace avenir::training {

// A group of the programme and its format: "Digital Rights Organisers, 3 sessions of 3 hours".
struct Format {
    std::string slug;        // "dro", "leaders", "stewards"
    int phase = 1;           // order in the programme's calendar
    std::string audience;    // "dro": people holding the dro role in the region; "members": union members
    int session_count = 2, session_minutes = 180;
    std::map<std::string, std::string> names;  // lang -> name ("en" required)
    std::int64_t updated_at = 0;
    // The name in lang, else English.
    std::string name(const std::string& lang) const;
};

inline constexpr const char* kStatuses[] = {"planned", "open", "running", "completed", "cancelled"};
inline constexpr const char* kModes[] = {"in_person", "online", "hybrid"};

struct Cycle {
    std::int64_t id = 0;
    std::string format_slug, region, title;
    int phase = 1;
    std::string audience = "members";
    int session_count = 2, session_minutes = 180;
    std::vector<std::string> languages;  // spoken ("en", "fr")
    std::string interpretation;          // free text: "en>fr, fr>en"; "" none
    std::string time_zone = "UTC";
    int capacity = 25;
    std::int64_t enrol_opens = 0, enrol_closes = 0;
    std::string status = "planned";
    int threshold_percent = 80;
    bool make_ups_allowed = true;
    bool illustrative = false;
    std::int64_t created_at = 0, updated_at = 0;
    // Filled by listings: places taken and the waiting list's length.
    int enrolled = 0, waiting = 0;
    // Filled by listings: the first and last session's start (0 without sessions).
    std::int64_t first_start = 0, last_start = 0;
};

struct Staff {
    std::int64_t user_id = 0;
    std::string role;  // "facilitator" or "interpreter"
};

struct Session {
    std::int64_t id = 0, cycle_id = 0;
    int number = 1;
    std::int64_t starts_at = 0;
    int minutes = 180;
    std::string mode = "online", place, conference_url, dial_in;
    std::vector<std::string> workshops;  // guide workshop slugs
    std::string plan_token;              // a saved plan shared from the guide
    bool cancelled = false;
    int sequence = 0;
    std::string uid, checkin_code, not_recorded_reason;
    std::int64_t updated_at = 0;
    std::int64_t ends_at() const { return starts_at + static_cast<std::int64_t>(minutes) * 60; }
};

struct Enrolment {
    std::int64_t id = 0, cycle_id = 0;
    std::optional<std::int64_t> user_id;  // empty once the person was erased
    std::string state;                    // enrolled, waiting, withdrawn
    std::string code;
    std::optional<std::int64_t> invited_by;
    std::int64_t requested_at = 0;
    std::optional<std::int64_t> confirmed_at, withdrawn_at;
};

struct AttendanceMark {
    std::int64_t session_id = 0, enrolment_id = 0;
    Mark mark = Mark::None;
    int minutes = 0;
    std::string source;  // roster, checkin, sheet, import
    std::optional<std::int64_t> recorded_by;
    std::int64_t recorded_at = 0;
};

struct MakeUpRecord {
    std::int64_t session_id = 0, enrolment_id = 0;
    MakeUp state = MakeUp::None;
    std::int64_t submitted_at = 0;
    std::string reflection;  // "" once its author was erased
};

// What is wrong with a cycle as typed (msgids); empty when it may be stored.
std::vector<std::string> validate(const Cycle& c);
std::vector<std::string> validate(const Session& s);

// The all-sessions rule's input for one place: the cycle's sessions in order with this place's marks.
std::vector<SessionFacts> facts_for(const std::vector<Session>& sessions, std::int64_t enrolment_id,
                                    const std::vector<AttendanceMark>& marks, const std::vector<MakeUpRecord>& make_ups);
CycleRule rule_of(const Cycle& c);
// The all-sessions rule for one place: its marks and make-ups over the cycle's sessions, from the
// moment the place was confirmed (or asked for, while waiting).
Completion completion_of(const Cycle& c, const std::vector<Session>& sessions, const Enrolment& e,
                         const std::vector<AttendanceMark>& marks, const std::vector<MakeUpRecord>& make_ups, std::int64_t now);
// The same wall time `weeks` weeks after `first` in `zone` (across changes of clocks).
std::int64_t week_later(std::int64_t first, int weeks, const std::string& zone);

}  // namespace avenir::training
