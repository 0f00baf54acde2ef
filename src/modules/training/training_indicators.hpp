#pragma once
// Programme indicators per region and group (and so per phase): places taken, completed,
// completion rate, at risk, sessions held and make-ups approved, computed with the all-sessions
// rule from every cycle's records (five queries, whatever the number of cycles), as a table, a CSV
// file and an SVG chart drawn on the server (mirrored for right-to-left languages).
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "modules/training/training_store.hpp"
#include "modules/training/training_views.hpp"

namespace avenir::training {

struct Indicator {
    std::string region, format;
    int phase = 1;
    int cycles = 0, enrolled = 0, completed = 0, at_risk = 0, sessions_held = 0, make_ups = 0;
    // Completed over enrolled, in whole percent (0 when nobody is enrolled).
    int completion_percent() const { return enrolled ? completed * 100 / enrolled : 0; }
};

// A place in a cycle its person completed (the all-sessions rule).
struct CompletedPlace {
    std::int64_t cycle_id = 0;
    std::string title, region;
    std::int64_t user_id = 0;
};
// Every completed place of every cycle (five queries).
std::vector<CompletedPlace> completed_places(TrainingStore& st, std::int64_t now);

// Every (region, group) that has a cycle, ordered by phase then region.
std::vector<Indicator> compute_indicators(TrainingStore& st, std::int64_t now);
// RFC 4180 text with a header row (fields quoted by libcsv when needed).
std::string indicators_csv(const std::vector<Indicator>& rows);
// A bar chart of places taken and completed per region and group; "" without rows.
std::string indicators_svg(const ViewEnv& env, const std::vector<Indicator>& rows, const std::map<std::string, std::string>& format_names);

}  // namespace avenir::training
