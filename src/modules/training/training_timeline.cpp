#include "modules/training/training_timeline.hpp"

#include <algorithm>
#include <cstdio>

#include "core/html.hpp"
#include "core/i18n/i18n.hpp"
#include "core/i18n/zoned_time.hpp"

namespace avenir::training {
namespace {

constexpr int kWidth = 640, kLabel = 150, kRow = 28, kTop = 22, kDay = 86400;
constexpr const char* kPhaseColours[] = {"#0b5e55", "#0a4f8a", "#7a4b00", "#5b2a86"};

std::string num(double v) {
    char b[32];
    std::snprintf(b, sizeof b, "%.1f", v);
    return b;
}

}  // namespace

std::string timeline_svg(const ViewEnv& env, const std::vector<Cycle>& cycles, const std::map<std::string, std::string>& format_names) {
    std::vector<const Cycle*> dated;
    for (const auto& c : cycles)
        if (c.first_start > 0) dated.push_back(&c);
    if (dated.empty()) return "";
    std::int64_t lo = dated.front()->first_start, hi = dated.front()->last_start;
    for (const Cycle* c : dated) {
        lo = std::min(lo, c->first_start);
        hi = std::max(hi, c->last_start);
    }
    lo -= 3 * kDay;
    hi += 7 * kDay;  // room for the last session's bar
    const auto ref = env.ctx.reference.get();
    std::vector<std::string> regions;
    for (const auto& slug : ref->region_slugs())
        if (std::any_of(dated.begin(), dated.end(), [&](const Cycle* c) { return c->region == slug; })) regions.push_back(slug);
    const bool rtl = i18n::is_rtl(env.req.lang);
    const int plot = kWidth - kLabel - 10;
    const int height = kTop + static_cast<int>(regions.size()) * kRow + 8;
    auto x_of = [&](std::int64_t t) { return static_cast<double>(t - lo) / static_cast<double>(hi - lo) * plot; };
    // In right-to-left pages time runs from right to left and the labels sit on the right.
    auto place = [&](double x, double w) { return rtl ? kWidth - kLabel - x - w : kLabel + x; };

    std::string s = "<svg class=\"timeline\" viewBox=\"0 0 " + std::to_string(kWidth) + " " + std::to_string(height) +
                    "\" role=\"img\" aria-labelledby=\"tl-title\"><title id=\"tl-title\">" +
                    html_escape(env.tr("Timeline of the training cycles by region")) + "</title>";
    // Month ticks: the first of each month in range.
    for (auto w = i18n::utc_to_local(lo, "UTC"); ; ) {
        w.day = 1;
        w.hour = w.minute = 0;
        if (++w.month > 12) { w.month = 1; ++w.year; }
        const auto t = i18n::local_to_utc(w, "UTC");
        if (!t || *t >= hi) break;
        const double x = place(x_of(*t), 0);
        s += "<line x1=\"" + num(x) + "\" x2=\"" + num(x) + "\" y1=\"" + std::to_string(kTop - 4) + "\" y2=\"" + std::to_string(height - 4) +
             "\" stroke=\"#d5dae0\"/><text x=\"" + num(x + (rtl ? -3 : 3)) + "\" y=\"14\" font-size=\"11\" fill=\"#4a525c\"" +
             (rtl ? " text-anchor=\"end\"" : "") + ">" + (w.month < 10 ? "0" : "") + std::to_string(w.month) + "/" + std::to_string(w.year % 100) + "</text>";
    }
    for (std::size_t row = 0; row < regions.size(); ++row) {
        const int y = kTop + static_cast<int>(row) * kRow;
        const double label_x = rtl ? kWidth - 4 : 4;
        s += "<text x=\"" + num(label_x) + "\" y=\"" + std::to_string(y + 17) + "\" font-size=\"12\" fill=\"#1b1f24\"" +
             (rtl ? " text-anchor=\"end\"" : "") + ">" + html_escape(ref->region_name(regions[row], env.req.lang)) + "</text>";
        for (const Cycle* c : dated) {
            if (c->region != regions[row]) continue;
            const double x = x_of(c->first_start), w = std::max(6.0, x_of(c->last_start + 3 * kDay) - x);
            const auto it = format_names.find(c->format_slug);
            const std::string name = it == format_names.end() ? c->format_slug : it->second;
            s += "<rect x=\"" + num(place(x, w)) +
                 "\" y=\"" + std::to_string(y + 5) + "\" width=\"" + num(w) + "\" height=\"16\" rx=\"3\" fill=\"" +
                 kPhaseColours[static_cast<std::size_t>(std::clamp(c->phase - 1, 0, 3))] + "\"" +
                 (c->status == "cancelled" ? " fill-opacity=\"0.3\"" : "") + "><title>" + html_escape(name + " — " + c->title) +
                 "</title></rect>";
        }
    }
    return s + "</svg>";
}

}  // namespace avenir::training
