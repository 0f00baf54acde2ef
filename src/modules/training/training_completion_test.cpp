// The all-sessions rule: one case table of participants' records and what the rule says of them.
#include <gtest/gtest.h>

#include "modules/training/training_completion.hpp"

namespace avenir::training {
namespace {

constexpr std::int64_t kHour = 3600, kDay = 24 * kHour;
constexpr std::int64_t kStart = 1'800'000'000;  // session 1 starts; sessions are a week apart, 3 hours long

struct Attended {
    Mark mark = Mark::None;
    int minutes = 0;
    MakeUp make_up = MakeUp::None;
    bool cancelled = false;
};

std::vector<SessionFacts> cycle(const std::vector<Attended>& marks) {
    std::vector<SessionFacts> out;
    for (std::size_t i = 0; i < marks.size(); ++i)
        out.push_back({kStart + static_cast<std::int64_t>(i) * 7 * kDay, 180, marks[i].cancelled, marks[i].mark, marks[i].minutes,
                       marks[i].make_up});
    return out;
}

struct Case {
    const char* name;
    std::vector<Attended> sessions;
    CycleRule rule;
    std::int64_t enrolled_at;
    std::int64_t now;
    Standing standing;
    int attended, made_up, missed, unrecorded;
};

const Attended P{Mark::Present}, L{Mark::Late}, A{Mark::Absent}, E{Mark::Excused}, N{};
const std::int64_t kBefore = kStart - 10 * kDay;            // enrolled well before session 1
const std::int64_t kAfterAll = kStart + 30 * kDay;          // every session of a 3-session cycle over
const std::int64_t kEnd1 = kStart + 3 * kHour;              // the moment session 1 ends

const std::vector<Case> kCases = {
    {"attended 1 of 3 (after all sessions): not complete", {P, A, A}, {}, kBefore, kAfterAll, Standing::AtRisk, 1, 0, 2, 0},
    {"attended 2 of 3 (after all sessions): not complete", {P, P, A}, {}, kBefore, kAfterAll, Standing::AtRisk, 2, 0, 1, 0},
    {"attended 2 of 3 so far, session 3 to come: on track", {P, L, N}, {}, kBefore, kStart + 8 * kDay, Standing::OnTrack, 2, 0, 0, 0},
    {"attended all 3 (one late): complete", {P, L, P}, {}, kBefore, kAfterAll, Standing::Complete, 3, 0, 0, 0},
    {"attended all 3 before the cycle is over: complete at once", {P, P, P}, {}, kBefore, kStart + 14 * kDay + 4 * kHour,
     Standing::Complete, 3, 0, 0, 0},
    {"missed session 1, one second before it ends: not yet at risk", {A, N, N}, {}, kBefore, kEnd1 - 1, Standing::OnTrack, 0, 0, 0, 0},
    {"missed session 1, the moment it ends: at risk", {A, N, N}, {}, kBefore, kEnd1, Standing::AtRisk, 0, 0, 1, 0},
    {"excused from session 1: at risk all the same", {E, N, N}, {}, kBefore, kEnd1 + kHour, Standing::AtRisk, 0, 0, 1, 0},
    {"missed session 1, make-up submitted: still at risk", {{Mark::Absent, 0, MakeUp::Submitted}, P, P}, {}, kBefore, kAfterAll,
     Standing::AtRisk, 2, 0, 1, 0},
    {"missed session 1, make-up approved: complete", {{Mark::Absent, 0, MakeUp::Approved}, P, P}, {}, kBefore, kAfterAll,
     Standing::Complete, 2, 1, 0, 0},
    {"missed session 1, make-up declined: at risk", {{Mark::Absent, 0, MakeUp::Declined}, P, P}, {}, kBefore, kAfterAll,
     Standing::AtRisk, 2, 0, 1, 0},
    {"make-ups not allowed: a missed session cannot be made good", {{Mark::Absent, 0, MakeUp::Approved}, P, P}, {80, false}, kBefore,
     kAfterAll, Standing::CannotComplete, 2, 0, 1, 0},
    {"partial 143 of 180 minutes (79 %): below the threshold", {{Mark::Partial, 143}, P, P}, {}, kBefore, kAfterAll, Standing::AtRisk,
     2, 0, 1, 0},
    {"partial 144 of 180 minutes (exactly 80 %): counts", {{Mark::Partial, 144}, P, P}, {}, kBefore, kAfterAll, Standing::Complete, 3,
     0, 0, 0},
    {"partial 150 minutes with a 90 % threshold: below", {{Mark::Partial, 150}, P, P}, {90, true}, kBefore, kAfterAll,
     Standing::AtRisk, 2, 0, 1, 0},
    {"late enrolment after session 1 ended: at risk at once", {N, N, N}, {}, kEnd1 + kDay, kEnd1 + kDay, Standing::AtRisk, 0, 0, 1, 0},
    {"late enrolment, make-up approved for session 1, then the rest: complete", {{Mark::None, 0, MakeUp::Approved}, P, P}, {},
     kEnd1 + kDay, kAfterAll, Standing::Complete, 2, 1, 0, 0},
    {"promoted from the waiting list between sessions 2 and 3: sessions 1 and 2 missed", {N, N, P}, {},
     kStart + 7 * kDay + 4 * kHour, kAfterAll, Standing::AtRisk, 1, 0, 2, 0},
    {"promoted before session 1 started: nothing missed", {P, P, P}, {}, kStart - 1, kAfterAll, Standing::Complete, 3, 0, 0, 0},
    {"session 2 ended with nothing recorded: not at risk, not complete", {P, N, P}, {}, kBefore, kAfterAll, Standing::OnTrack, 2, 0, 0,
     1},
    {"session 2 cancelled: the other two are all that is required", {P, {Mark::None, 0, MakeUp::None, true}, P}, {}, kBefore, kAfterAll,
     Standing::Complete, 2, 0, 0, 0},
    {"a two-session cycle attended in full", {P, P}, {}, kBefore, kAfterAll, Standing::Complete, 2, 0, 0, 0},
};

TEST(TrainingCompletion, CaseTable) {
    for (const auto& c : kCases) {
        const Completion got = evaluate(cycle(c.sessions), c.rule, c.enrolled_at, c.now);
        EXPECT_EQ(to_string(got.standing), to_string(c.standing)) << c.name;
        EXPECT_EQ(got.attended, c.attended) << c.name;
        EXPECT_EQ(got.made_up, c.made_up) << c.name;
        EXPECT_EQ(got.missed, c.missed) << c.name;
        EXPECT_EQ(got.unrecorded, c.unrecorded) << c.name;
        EXPECT_EQ(got.sessions.size(), c.sessions.size()) << c.name;
    }
}

TEST(TrainingCompletion, PartialAttendanceNeedsMinutesAndTheThreshold) {
    EXPECT_TRUE(counts_as_attended(Mark::Partial, 144, 180, 80));
    EXPECT_FALSE(counts_as_attended(Mark::Partial, 143, 180, 80));
    EXPECT_FALSE(counts_as_attended(Mark::Partial, 0, 180, 0));  // a partial mark with no minutes is not attendance
    EXPECT_TRUE(counts_as_attended(Mark::Partial, 180, 180, 100));
    EXPECT_FALSE(counts_as_attended(Mark::Excused, 180, 180, 80));
    EXPECT_FALSE(counts_as_attended(Mark::Absent, 180, 180, 80));
    EXPECT_TRUE(counts_as_attended(Mark::Late, 0, 180, 80));
}

TEST(TrainingCompletion, MarksRoundTripAndRejectUnknownWords) {
    for (Mark m : {Mark::Present, Mark::Late, Mark::Partial, Mark::Excused, Mark::Absent}) EXPECT_EQ(mark_from(to_string(m)), m);
    EXPECT_FALSE(mark_from("Present"));
    EXPECT_FALSE(mark_from(""));
    EXPECT_EQ(make_up_from("approved"), MakeUp::Approved);
    EXPECT_EQ(make_up_from("yes"), MakeUp::None);
}

}  // namespace
}  // namespace avenir::training
