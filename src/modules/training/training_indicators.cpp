#include "modules/training/training_indicators.hpp"

#include <algorithm>
#include <cstdio>

#include "core/html.hpp"
#include "core/text/csv.hpp"
#include "core/i18n/i18n.hpp"

namespace avenir::training {

namespace {

// Every cycle's records, read in five queries.
struct Records {
    std::vector<Cycle> cycles;
    std::map<std::int64_t, std::vector<Session>> sessions;
    std::map<std::int64_t, std::vector<AttendanceMark>> marks;
    std::map<std::int64_t, std::vector<MakeUpRecord>> ups;
    std::map<std::int64_t, std::vector<Enrolment>> places;
};

Records load(TrainingStore& st) {
    Records r;
    r.cycles = st.cycles({});
    for (auto& s : st.all_sessions()) r.sessions[s.cycle_id].push_back(std::move(s));
    for (auto& m : st.all_attendance()) r.marks[m.enrolment_id].push_back(std::move(m));
    for (auto& m : st.all_make_ups()) r.ups[m.enrolment_id].push_back(std::move(m));
    for (auto& e : st.all_enrolments()) r.places[e.cycle_id].push_back(std::move(e));
    return r;
}

}  // namespace

std::vector<CompletedPlace> completed_places(TrainingStore& st, std::int64_t now) {
    Records r = load(st);
    std::vector<CompletedPlace> out;
    for (const auto& c : r.cycles)
        for (const auto& e : r.places[c.id]) {
            if (!e.user_id || e.state != "enrolled") continue;
            if (completion_of(c, r.sessions[c.id], e, r.marks[e.id], r.ups[e.id], now).standing == Standing::Complete)
                out.push_back({c.id, c.title, c.region, *e.user_id});
        }
    return out;
}

std::vector<Indicator> compute_indicators(TrainingStore& st, std::int64_t now) {
    Records r = load(st);
    const auto& cycles = r.cycles;
    auto& sessions = r.sessions;
    auto& marks = r.marks;
    auto& ups = r.ups;
    auto& places = r.places;

    std::map<std::pair<std::string, std::string>, Indicator> by_key;
    for (const auto& c : cycles) {
        Indicator& row = by_key[{c.region, c.format_slug}];
        row.region = c.region;
        row.format = c.format_slug;
        row.phase = c.phase;
        ++row.cycles;
        const auto& ss = sessions[c.id];
        for (const auto& s : ss) row.sessions_held += !s.cancelled && s.ends_at() <= now;
        for (const auto& e : places[c.id]) {
            ++row.enrolled;
            const auto& my_ups = ups[e.id];
            const Completion done = completion_of(c, ss, e, marks[e.id], my_ups, now);
            row.completed += done.standing == Standing::Complete;
            row.at_risk += done.standing == Standing::AtRisk || done.standing == Standing::CannotComplete;
            row.make_ups += static_cast<int>(std::count_if(my_ups.begin(), my_ups.end(), [](const MakeUpRecord& m) { return m.state == MakeUp::Approved; }));
        }
    }
    std::vector<Indicator> out;
    for (auto& [key, row] : by_key) out.push_back(std::move(row));
    std::stable_sort(out.begin(), out.end(), [](const Indicator& a, const Indicator& b) {
        return std::tie(a.phase, a.region, a.format) < std::tie(b.phase, b.region, b.format);
    });
    return out;
}

using text::csv_field;

std::string indicators_csv(const std::vector<Indicator>& rows) {
    std::string out = "region,group,phase,cycles,enrolled,completed,completion_percent,at_risk,sessions_held,make_ups_approved\r\n";
    for (const auto& r : rows)
        out += csv_field(r.region) + "," + csv_field(r.format) + "," + std::to_string(r.phase) + "," + std::to_string(r.cycles) + "," +
               std::to_string(r.enrolled) + "," + std::to_string(r.completed) + "," + std::to_string(r.completion_percent()) + "," +
               std::to_string(r.at_risk) + "," + std::to_string(r.sessions_held) + "," + std::to_string(r.make_ups) + "\r\n";
    return out;
}

std::string indicators_svg(const ViewEnv& env, const std::vector<Indicator>& rows, const std::map<std::string, std::string>& format_names) {
    if (rows.empty()) return "";
    constexpr int kWidth = 640, kLabel = 250, kRow = 34, kTop = 30;
    int most = 1;
    for (const auto& r : rows) most = std::max(most, r.enrolled);
    const bool rtl = i18n::is_rtl(env.req.lang);
    const int plot = kWidth - kLabel - 60;
    const int height = kTop + static_cast<int>(rows.size()) * kRow + 10;
    auto x = [&](double from, double w) { return rtl ? kWidth - kLabel - from - w : kLabel + from; };
    auto num = [](double v) {
        char b[32];
        std::snprintf(b, sizeof b, "%.1f", v);
        return std::string(b);
    };
    const auto ref = env.ctx.reference.get();
    const std::string anchor = rtl ? " text-anchor=\"end\"" : "";
    std::string s = "<svg class=\"chart\" viewBox=\"0 0 " + std::to_string(kWidth) + " " + std::to_string(height) +
                    "\" role=\"img\" aria-labelledby=\"ind-title\"><title id=\"ind-title\">" +
                    html_escape(env.tr("Places taken and completed, by region and group")) + "</title>";
    // Legend.
    s += "<rect x=\"" + num(x(0, 12)) + "\" y=\"6\" width=\"12\" height=\"12\" fill=\"#b9d7d3\"/><text x=\"" + num(rtl ? x(0, 12) - 6 : x(0, 12) + 18) +
         "\" y=\"16\" font-size=\"12\"" + anchor + ">" + html_escape(env.tr("Places taken")) + "</text>";
    s += "<rect x=\"" + num(x(170, 12)) + "\" y=\"6\" width=\"12\" height=\"12\" fill=\"#0b5e55\"/><text x=\"" +
         num(rtl ? x(170, 12) - 6 : x(170, 12) + 18) + "\" y=\"16\" font-size=\"12\"" + anchor + ">" + html_escape(env.tr("Completed")) + "</text>";
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const auto& r = rows[i];
        const int y = kTop + static_cast<int>(i) * kRow;
        const auto name = format_names.find(r.format);
        const std::string label = ref->region_name(r.region, env.req.lang) + " · " + (name == format_names.end() ? r.format : name->second);
        s += "<text x=\"" + num(rtl ? kWidth - 4.0 : 4.0) + "\" y=\"" + std::to_string(y + 18) + "\" font-size=\"11\"" + anchor + ">" +
             html_escape(label) + "</text>";
        const double w_all = static_cast<double>(r.enrolled) / most * plot, w_done = static_cast<double>(r.completed) / most * plot;
        s += "<rect x=\"" + num(x(0, w_all)) + "\" y=\"" + std::to_string(y + 4) + "\" width=\"" + num(w_all) +
             "\" height=\"20\" fill=\"#b9d7d3\"/>";
        s += "<rect x=\"" + num(x(0, w_done)) + "\" y=\"" + std::to_string(y + 4) + "\" width=\"" + num(w_done) +
             "\" height=\"20\" fill=\"#0b5e55\"/>";
        const std::string figures = std::to_string(r.completed) + "/" + std::to_string(r.enrolled);
        s += "<text x=\"" + num(rtl ? x(0, w_all) - 4 : x(w_all, 0) + 4) + "\" y=\"" + std::to_string(y + 18) + "\" font-size=\"11\"" + anchor +
             " direction=\"ltr\">" + figures + "</text>";
    }
    return s + "</svg>";
}

}  // namespace avenir::training
