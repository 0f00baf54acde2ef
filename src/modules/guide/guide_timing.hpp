#pragma once
// The arithmetic of a run sheet: durations are ranges, optional steps can be dropped, consecutive
// interpretation lengthens speaking steps, and every step gets its clock time from a start time.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace avenir::guide {

struct TimedStep {
    int min_minutes = 0;
    int max_minutes = 0;
    bool optional = false;
    bool speaking = true;  // lengthened by interpretation
};

struct TimingOptions {
    std::optional<int> start;            // minutes after midnight; none: no clock times
    double interpretation_factor = 1.0;  // e.g. 1.5 for consecutive interpretation; >= 1
    bool include_optional = true;
};

struct StepTime {
    bool included = true;
    int min_minutes = 0, max_minutes = 0;  // after interpretation
    // Clock minutes after midnight when the step starts at the earliest (all before ran short)
    // and at the latest (all before ran long); only with a start time.
    std::optional<int> earliest_start, latest_start;
};

struct Schedule {
    std::vector<StepTime> steps;
    int total_min = 0, total_max = 0;
    std::optional<int> earliest_end, latest_end;
    // True when the longest run exceeds the slot.
    bool overruns(int slot_minutes) const { return total_max > slot_minutes; }
};

Schedule schedule(const std::vector<TimedStep>& steps, const TimingOptions& options);

// A step's duration under interpretation: speaking steps are multiplied and rounded up.
int interpreted(int minutes, double factor, bool speaking);
// "09:30" from minutes after midnight; past midnight wraps ("00:15").
std::string clock(int minutes_after_midnight);
// Minutes after midnight from "9:30" or "09:30"; nullopt for anything else.
std::optional<int> parse_clock(std::string_view text);
// "2 h 45 min", "45 min"; a range "2 h 30 min – 3 h" when they differ.
std::string duration_label(int min_minutes, int max_minutes);

}  // namespace avenir::guide
