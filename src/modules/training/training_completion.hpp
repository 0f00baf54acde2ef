#pragma once
// The all-sessions rule, as pure arithmetic over one participant's record in one cycle. A
// participant completes a cycle by attending every one of its sessions (cancelled ones excepted),
// or by an approved make-up for a session they missed, where the cycle allows make-ups. Unlike a
// percentage over the sessions held so far, the rule looks at every session of the cycle, held or
// not: a person is "at risk" from the moment a missed session ends, because completing is then
// impossible without a make-up.
//
// Decisions (the issue is silent on these):
// - present and late count as attended; partial counts when minutes * 100 >= threshold * the
//   session's minutes (exact integers, no rounding); excused does not count (it explains an
//   absence, it does not replace the session): it needs a make-up like an absence.
// - A session that ended before the person's enrolment (late enrolment, or promotion from the
//   waiting list) was missed: the person is at risk at once and needs a make-up for it.
// - A session that ended with nothing recorded for the person is "unrecorded": not attended, so
//   the cycle is not complete, but not a reason for "at risk" either (the roster may be typed in
//   late); facilitators see the count of unrecorded sessions.
// - A make-up only counts once approved; a submitted one leaves the person at risk.
// - Cycles that allow no make-up: a missed session makes completion impossible ("cannot
//   complete"), shown as such rather than as "at risk".
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace avenir::training {

enum class Mark { None, Present, Late, Partial, Excused, Absent };
enum class MakeUp { None, Submitted, Approved, Declined };

// One session as the rule sees it.
struct SessionFacts {
    std::int64_t starts_at = 0;  // Unix seconds
    int minutes = 180;
    bool cancelled = false;
    Mark mark = Mark::None;      // the person's attendance
    int minutes_attended = 0;    // for Partial
    MakeUp make_up = MakeUp::None;
    std::int64_t ends_at() const { return starts_at + static_cast<std::int64_t>(minutes) * 60; }
};

struct CycleRule {
    int threshold_percent = 80;  // of a session's minutes, for partial attendance
    bool make_ups_allowed = true;
};

enum class SessionOutcome { Upcoming, Attended, MadeUp, Missed, Unrecorded, Cancelled };
enum class Standing { OnTrack, AtRisk, CannotComplete, Complete };

struct Completion {
    Standing standing = Standing::OnTrack;
    std::vector<SessionOutcome> sessions;  // one per session, in order
    int required = 0;                      // sessions not cancelled
    int attended = 0, made_up = 0, missed = 0, unrecorded = 0;
};

// enrolled_at: when the person's place was confirmed (enrolment or promotion from the waiting list).
Completion evaluate(const std::vector<SessionFacts>& sessions, const CycleRule& rule, std::int64_t enrolled_at, std::int64_t now);

// Whether a mark counts as attending a session of `session_minutes`.
bool counts_as_attended(Mark mark, int minutes_attended, int session_minutes, int threshold_percent);

std::string_view to_string(Mark m);
std::optional<Mark> mark_from(std::string_view s);
std::string_view to_string(MakeUp m);
MakeUp make_up_from(std::string_view s);
std::string_view to_string(Standing s);

}  // namespace avenir::training
