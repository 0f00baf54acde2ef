#include "modules/guide/guide_timing.hpp"

#include <gtest/gtest.h>

using namespace avenir::guide;

namespace {
const std::vector<TimedStep> kSteps = {
    {10, 15, false, true},   // welcome
    {30, 40, false, true},   // input
    {15, 15, false, false},  // break: nobody speaks
    {20, 30, true, true},    // optional deepening
    {25, 30, false, true},   // synthesis
};
}

TEST(GuideTiming, StartTimesFollowFromTheStepsBefore) {
    const auto s = schedule(kSteps, {.start = 9 * 60 + 30});
    ASSERT_EQ(s.steps.size(), 5u);
    EXPECT_EQ(clock(*s.steps[0].earliest_start), "09:30");
    EXPECT_EQ(clock(*s.steps[1].earliest_start), "09:40");
    EXPECT_EQ(clock(*s.steps[1].latest_start), "09:45");
    EXPECT_EQ(clock(*s.steps[4].earliest_start), "10:45");
    EXPECT_EQ(clock(*s.steps[4].latest_start), "11:10");
    EXPECT_EQ(s.total_min, 100);
    EXPECT_EQ(s.total_max, 130);
    EXPECT_EQ(clock(*s.latest_end), "11:40");
}

TEST(GuideTiming, OptionalStepsCanBeDropped) {
    const auto s = schedule(kSteps, {.start = 9 * 60, .include_optional = false});
    EXPECT_FALSE(s.steps[3].included);
    EXPECT_FALSE(s.steps[3].earliest_start.has_value());
    EXPECT_EQ(s.total_min, 80);
    EXPECT_EQ(s.total_max, 100);
    EXPECT_EQ(clock(*s.steps[4].earliest_start), "09:55");
}

TEST(GuideTiming, InterpretationLengthensSpeakingStepsOnly) {
    const auto s = schedule(kSteps, {.interpretation_factor = 1.5});
    EXPECT_EQ(s.steps[0].min_minutes, 15);
    EXPECT_EQ(s.steps[0].max_minutes, 23);  // 22.5 rounds up
    EXPECT_EQ(s.steps[2].max_minutes, 15);  // the break is not interpreted
    EXPECT_EQ(s.total_max, 23 + 60 + 15 + 45 + 45);
    EXPECT_TRUE(s.overruns(180));
    EXPECT_FALSE(schedule(kSteps, {}).overruns(180));
    EXPECT_THROW(schedule(kSteps, {.interpretation_factor = 0.5}), std::invalid_argument);
}

TEST(GuideTiming, MinMaxRangesAndLabels) {
    EXPECT_EQ(duration_label(45, 45), "45 min");
    EXPECT_EQ(duration_label(150, 180), "2 h 30 min – 3 h");
    EXPECT_EQ(duration_label(60, 75), "1 h – 1 h 15 min");
}

TEST(GuideTiming, ClockParsingAndWrapping) {
    EXPECT_EQ(parse_clock("09:30"), 570);
    EXPECT_EQ(parse_clock("9:05"), 545);
    EXPECT_FALSE(parse_clock("24:00"));
    EXPECT_FALSE(parse_clock("9h30"));
    EXPECT_FALSE(parse_clock("09:3"));
    EXPECT_FALSE(parse_clock(""));
    EXPECT_EQ(clock(23 * 60 + 50 + 25), "00:15");
    const auto s = schedule(kSteps, {.start = 23 * 60});
    EXPECT_EQ(clock(*s.latest_end), "01:10");
}
