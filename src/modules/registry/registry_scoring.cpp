#include "modules/registry/registry_scoring.hpp"

#include <algorithm>

namespace avenir::registry {
namespace {

// The weight of what was answered to q: the chosen choice's, or the sum of a checkbox's chosen ones.
int answered_weight(const Question& q, const Answers& answers) {
    const auto it = answers.find(q.name);
    if (it == answers.end()) return 0;
    int total = 0;
    for (const auto& value : it->second)
        for (const auto& c : q.choices)
            if (c.value == value) {
                total += c.weight;
                break;
            }
    return q.multiple() ? total : std::min(total, q.max_weight());
}

// Level I-IV of a score `hundredths` (100 x the current score) out of max_raw: at most 25 %, 50 %,
// 75 % of the maximum, else IV. Whole numbers, so no rounding enters the comparison.
int level_of(long long hundredths, long long max_raw) {
    if (4 * hundredths <= 100 * max_raw) return 1;
    if (2 * hundredths <= 100 * max_raw) return 2;
    if (4 * hundredths <= 300 * max_raw) return 3;
    return 4;
}

}  // namespace

Score score(const Questionnaire& q, const Answers& answers, const std::set<std::string>& evidenced) {
    Score s;
    s.mode = q.mode;
    std::map<std::string, std::pair<int, int>> dims;  // dimension -> (sum, max) over shown questions
    for (const auto& qu : q.questions) {
        if (qu.scored == Scored::None) continue;
        const bool visible = shown(qu, answers);
        // Worker mode normalises over the questions shown; the AIA's maximum counts every scored
        // question of the file, shown or not (its store.ts), and only shown answers count (SurveyJS
        // clears hidden questions' values when a survey is completed).
        if (q.mode == Mode::Worker && !visible) continue;
        const int weight = visible ? answered_weight(qu, answers) : 0;
        if (qu.scored == Scored::Risk) {
            s.max_raw += qu.max_weight();
            s.raw += weight;
            ++s.shown_risk;
            if (q.mode == Mode::Worker) {
                auto& d = dims[qu.dimension];
                d.first += weight;
                d.second += qu.max_weight();
            }
        } else {
            s.max_mitigation += qu.max_weight();
            if (q.mode == Mode::Aia || evidenced.count(qu.name)) s.mitigation += weight;
        }
    }
    const long long branches = q.mode == Mode::Aia ? q.mitigation_branches : 1;
    // mitigation >= 80 % of (max / branches), as 5 x mitigation x branches >= 4 x max.
    s.mitigation_met = s.max_mitigation > 0 && 5LL * s.mitigation * branches >= 4LL * s.max_mitigation;
    long long hundredths = 100LL * s.raw;
    if (s.mitigation_met) {
        if (q.mode == Mode::Aia) {
            // Math.round((1 - 0.15) * raw): half rounds up; equal to this for raw >= 0.
            const long long rounded = (85LL * s.raw + 50) / 100;
            hundredths = 100 * rounded;
        } else {
            hundredths = 85LL * s.raw;  // kept exact: 0.85 x raw
        }
    }
    s.current = static_cast<double>(hundredths) / 100.0;
    s.percent = s.max_raw > 0 ? 100.0 * s.current / s.max_raw : 0.0;
    s.level = level_of(hundredths, s.max_raw);
    for (const auto& [name, d] : dims)
        if (d.second > 0) s.dimensions[name] = 4.0 * d.first / d.second;
    return s;
}

const char* level_numeral(int level) {
    static const char* kNumerals[] = {"I", "II", "III", "IV"};
    return kNumerals[std::clamp(level, 1, 4) - 1];
}

const char* flag_slug(Flag f) {
    switch (f) {
        case Flag::Prohibited: return "prohibited";
        case Flag::HighRisk: return "high-risk";
        case Flag::Red: return "red";
    }
    return "";
}

std::vector<Flag> flags(const LegalFacts& facts) {
    std::vector<Flag> out;
    if (!facts.art5_practice.empty()) out.push_back(Flag::Prohibited);
    if (facts.annex3_point >= 1 && facts.annex3_point <= 8) {
        out.push_back(Flag::HighRisk);
        if (facts.art26_notice != "received") out.push_back(Flag::Red);
    }
    return out;
}

std::string verdict(const Score& s, const std::vector<Flag>& f) {
    for (const Flag strongest : {Flag::Prohibited, Flag::Red, Flag::HighRisk})
        if (std::find(f.begin(), f.end(), strongest) != f.end()) return flag_slug(strongest);
    return "level-" + std::to_string(s.level);
}

}  // namespace avenir::registry
