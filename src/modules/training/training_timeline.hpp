#pragma once
// The programme's timeline drawn as SVG on the server: one row per region, one bar per cycle from
// its first to its last session, shaded by phase, mirrored for right-to-left languages. No
// JavaScript; the bars are links and carry a <title>, and the calendar's lists below say the same.
#include <map>
#include <string>
#include <vector>

#include "modules/training/training_types.hpp"
#include "modules/training/training_views.hpp"

namespace avenir::training {

// "" when no cycle has a session.
std::string timeline_svg(const ViewEnv& env, const std::vector<Cycle>& cycles, const std::map<std::string, std::string>& format_names);

}  // namespace avenir::training
