#include "modules/guide/guide_timing.hpp"

#include <charconv>
#include <cmath>
#include <stdexcept>

namespace avenir::guide {

int interpreted(int minutes, double factor, bool speaking) {
    if (!speaking || factor <= 1.0) return minutes;
    return static_cast<int>(std::ceil(minutes * factor - 1e-9));
}

Schedule schedule(const std::vector<TimedStep>& steps, const TimingOptions& o) {
    if (o.interpretation_factor < 1.0 || o.interpretation_factor > 4.0)
        throw std::invalid_argument("the interpretation factor must be between 1 and 4");
    Schedule s;
    int earliest = o.start.value_or(0), latest = o.start.value_or(0);
    for (const auto& step : steps) {
        StepTime t;
        t.included = o.include_optional || !step.optional;
        if (t.included) {
            t.min_minutes = interpreted(step.min_minutes, o.interpretation_factor, step.speaking);
            t.max_minutes = interpreted(step.max_minutes, o.interpretation_factor, step.speaking);
            if (o.start) t.earliest_start = earliest, t.latest_start = latest;
            earliest += t.min_minutes;
            latest += t.max_minutes;
            s.total_min += t.min_minutes;
            s.total_max += t.max_minutes;
        }
        s.steps.push_back(t);
    }
    if (o.start) s.earliest_end = earliest, s.latest_end = latest;
    return s;
}

std::string clock(int minutes) {
    minutes = ((minutes % 1440) + 1440) % 1440;
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02d:%02d", minutes / 60, minutes % 60);
    return buf;
}

std::optional<int> parse_clock(std::string_view text) {
    const auto colon = text.find(':');
    if (colon == std::string_view::npos || colon == 0 || colon > 2 || text.size() != colon + 3) return std::nullopt;
    int h = 0, m = 0;
    if (std::from_chars(text.data(), text.data() + colon, h).ptr != text.data() + colon) return std::nullopt;
    if (std::from_chars(text.data() + colon + 1, text.data() + text.size(), m).ptr != text.data() + text.size()) return std::nullopt;
    if (h < 0 || h > 23 || m < 0 || m > 59) return std::nullopt;
    return h * 60 + m;
}

std::string duration_label(int min_minutes, int max_minutes) {
    auto one = [](int m) {
        if (m < 60) return std::to_string(m) + " min";
        return std::to_string(m / 60) + " h" + (m % 60 ? " " + std::to_string(m % 60) + " min" : "");
    };
    return min_minutes == max_minutes ? one(max_minutes) : one(min_minutes) + " – " + one(max_minutes);
}

}  // namespace avenir::guide
