#pragma once
// Scoring an assessment, and the AI Act's hard flags that override its level.
// The arithmetic, its rounding and its sources are in docs/register-scoring.md.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "modules/registry/registry_questionnaire.hpp"

namespace avenir::registry {

struct Score {
    Mode mode = Mode::Worker;
    int raw = 0, max_raw = 0;                // sum of the risk answers, and its maximum
    int mitigation = 0, max_mitigation = 0;  // the same for mitigation (worker mode: evidenced answers only)
    bool mitigation_met = false;             // mitigation reached 80 % of its maximum (AIA: of max / branches)
    double current = 0;                      // raw, less 15 % when mitigation_met (AIA: rounded to a whole number)
    double percent = 0;                      // current as a share of max_raw, 0-100
    int level = 1;                           // 1-4 (I-IV)
    int shown_risk = 0;                      // risk questions shown (worker mode) or defined (AIA)
    // Worker mode: each dimension's score on 0-4 over its questions shown; absent: none was shown.
    std::map<std::string, double> dimensions;
};

// Scores answers. `evidenced`: the mitigation questions whose answer is backed by evidence (worker
// mode counts only those; the AIA counts every mitigation answer).
Score score(const Questionnaire& q, const Answers& answers, const std::set<std::string>& evidenced = {});

// The roman numeral of a level ("I".."IV").
const char* level_numeral(int level);

// What the register records about the AI Act for an entry.
struct LegalFacts {
    std::string art5_practice;  // "" or the Art. 5(1) point the practice falls under ("f": emotion recognition at work)
    int annex3_point = 0;       // 0: not listed; 1-8: the Annex III point (4: employment and workers management)
    std::string art26_notice;   // "received", "not-received" or "unknown": Art. 26(7) notice to workers' representatives
};

enum class Flag { Prohibited, HighRisk, Red };
const char* flag_slug(Flag f);  // "prohibited", "high-risk", "red"

// The flags the facts raise: an Art. 5 practice is prohibited; a system under Annex III is
// high-risk; a high-risk system whose Art. 26(7) notice was not received (or is not known to have
// been) is red.
std::vector<Flag> flags(const LegalFacts& facts);

// The verdict an entry shows: the strongest flag when there is one ("prohibited" over "red" over
// "high-risk"), else the level ("level-1".."level-4").
std::string verdict(const Score& s, const std::vector<Flag>& f);

}  // namespace avenir::registry
