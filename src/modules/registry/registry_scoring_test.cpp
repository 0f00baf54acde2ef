// Worked examples of the register's two scorings (docs/register-scoring.md): the level boundaries,
// the edge of the mitigation threshold, evidence for mitigation, questions shown and hidden, the
// AIA's rounding, and each hard legal flag.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>

#include "modules/registry/registry_scoring.hpp"

namespace avenir::registry {
namespace {

using nlohmann::json;

json choices(std::initializer_list<int> weights) {
    json out = json::array();
    int n = 1;
    for (int w : weights) out.push_back({{"value", "item" + std::to_string(n++) + "-" + std::to_string(w)}, {"text", "w" + std::to_string(w)}});
    return out;
}

// Two dimensions; s2 is shown only when the system decides or recommends about individuals;
// mitigation maximum 5 (80 % = 4 exactly).
Questionnaire worker() {
    const json d = {
        {"slug", "worker-test"},
        {"mode", "worker"},
        {"title", {{"en", "Test"}}},
        {"dimensions", {"surveillance", "workload"}},
        {"pages",
         {{{"name", "about"}, {"elements", {{{"type", "radiogroup"}, {"name", "about1-NS"}, {"choices", choices({0, 0, 0})}}}}},
          {{"name", "risk"},
           {"elements",
            {{{"type", "radiogroup"}, {"name", "s1-RS"}, {"dimension", "surveillance"}, {"choices", choices({0, 1, 2, 3, 4})}},
             {{"type", "radiogroup"}, {"name", "s2-RS"}, {"dimension", "surveillance"}, {"visibleIf", "{about1-NS} != 'item3-0'"},
              {"choices", choices({0, 1, 2, 3, 4})}},
             {{"type", "radiogroup"}, {"name", "w1-RS"}, {"dimension", "workload"}, {"choices", choices({0, 1, 2, 3, 4})}}}}},
          {{"name", "safeguards"},
           {"elements",
            {{{"type", "radiogroup"}, {"name", "m1-MS"}, {"choices", choices({0, 1, 2, 3, 4})}},
             {{"type", "radiogroup"}, {"name", "m2-MS"}, {"choices", choices({0, 1})}}}}}}},
    };
    auto parsed = parse_questionnaire(d);
    EXPECT_TRUE(parsed.problems.empty()) << parsed.problems.front().path << ": " << parsed.problems.front().message;
    return *parsed.questionnaire;
}

// The value of the choice of weight w in a 0..4 question (item<w+1>-<w>).
std::string w(int weight) { return "item" + std::to_string(weight + 1) + "-" + std::to_string(weight); }

TEST(RegistryScoring, WorkerLevelsAtEachBoundary) {
    const auto q = worker();
    // s2 hidden (about1 = "no"): the maximum is s1 + w1 = 8; levels at 25/50/75 % = 2/4/6.
    const struct {
        int s1, w1, level;
        double percent;
    } cases[] = {{0, 0, 1, 0}, {1, 1, 1, 25}, {2, 1, 2, 37.5}, {2, 2, 2, 50}, {3, 2, 3, 62.5}, {3, 3, 3, 75}, {4, 3, 4, 87.5}, {4, 4, 4, 100}};
    for (const auto& c : cases) {
        const Answers a = {{"about1-NS", {"item3-0"}}, {"s1-RS", {w(c.s1)}}, {"s2-RS", {w(4)}}, {"w1-RS", {w(c.w1)}}};
        const Score s = score(q, a);
        EXPECT_EQ(s.max_raw, 8) << "a hidden question leaves the maximum";
        EXPECT_EQ(s.raw, c.s1 + c.w1) << "a hidden question's answer does not count";
        EXPECT_EQ(s.level, c.level) << c.s1 << "+" << c.w1;
        EXPECT_DOUBLE_EQ(s.percent, c.percent);
        EXPECT_DOUBLE_EQ(s.dimensions.at("surveillance"), c.s1);
        EXPECT_DOUBLE_EQ(s.dimensions.at("workload"), c.w1);
    }
}

TEST(RegistryScoring, WorkerNormalisesOverTheQuestionsShown) {
    const auto q = worker();
    const Answers a = {{"about1-NS", {"item1-0"}}, {"s1-RS", {w(4)}}, {"s2-RS", {w(2)}}, {"w1-RS", {w(0)}}};
    const Score s = score(q, a);
    EXPECT_EQ(s.max_raw, 12);
    EXPECT_EQ(s.raw, 6);
    EXPECT_EQ(s.shown_risk, 3);
    EXPECT_EQ(s.level, 2);
    EXPECT_DOUBLE_EQ(s.dimensions.at("surveillance"), 3.0);  // 4 x 6 / 8
    EXPECT_DOUBLE_EQ(s.dimensions.at("workload"), 0.0);
}

TEST(RegistryScoring, WorkerMitigationAtItsThresholdAndOnlyWithEvidence) {
    const auto q = worker();
    // raw 7 of 8 (87.5 %, level IV); met mitigation gives 5.95 (74.375 %, level III).
    const Answers base = {{"about1-NS", {"item3-0"}}, {"s1-RS", {w(4)}}, {"w1-RS", {w(3)}}};
    const struct {
        int m1, m2;
        std::set<std::string> evidenced;
        bool met;
        int level;
    } cases[] = {
        {4, 0, {"m1-MS", "m2-MS"}, true, 3},   // 4 of 5: exactly 80 %
        {3, 1, {"m1-MS", "m2-MS"}, true, 3},   // 4 of 5 again
        {3, 0, {"m1-MS", "m2-MS"}, false, 4},  // 3 of 5: 60 %
        {4, 1, {}, false, 4},                  // 5 of 5, but no evidence: counts 0
        {4, 1, {"m2-MS"}, false, 4},           // only m2 evidenced: 1 of 5
        {4, 0, {"m1-MS"}, true, 3},
    };
    for (const auto& c : cases) {
        Answers a = base;
        a["m1-MS"] = {"item" + std::to_string(c.m1 + 1) + "-" + std::to_string(c.m1)};
        a["m2-MS"] = {"item" + std::to_string(c.m2 + 1) + "-" + std::to_string(c.m2)};
        const Score s = score(q, a, c.evidenced);
        EXPECT_EQ(s.max_mitigation, 5);
        EXPECT_EQ(s.mitigation_met, c.met) << c.m1 << "+" << c.m2 << " evidenced " << c.evidenced.size();
        EXPECT_EQ(s.level, c.level);
        EXPECT_DOUBLE_EQ(s.current, c.met ? 5.95 : 7.0) << "worker mode keeps 0.85 x raw exact";
    }
}

// Risk maximum 12 (r3 counts even when hidden), mitigation 10 over two forks of 5: the threshold
// is 0.8 x 10 / 2 = 4.
Questionnaire aia() {
    const json d = {
        {"mitigation_branches", 2},
        {"pages",
         {{{"name", "risk"},
           {"elements",
            {{{"type", "radiogroup"}, {"name", "r1-RS"}, {"choices", choices({0, 1, 3, 5})}},
             {{"type", "checkbox"}, {"name", "r2-RS"}, {"choices", choices({1, 2, 1})}},
             {{"type", "dropdown"}, {"name", "r3-RS"}, {"visibleIf", "{r1-RS} = \"item4-5\""}, {"choices", choices({0, 1, 3})}},
             {{"type", "comment"}, {"name", "r4-RS"}}}}},
          {{"name", "mitigation"},
           {"elements",
            {{{"type", "radiogroup"}, {"name", "phase-NS"}, {"choices", {"item1", "item2"}}},
             {{"type", "panel"},
              {"name", "design-MS"},
              {"visibleIf", "{phase-NS} = 'item1'"},
              {"elements", {{{"type", "radiogroup"}, {"name", "md1"}, {"choices", choices({0, 3, 4, 5})}}}}},
             {{"type", "panel"},
              {"name", "implementation-MS"},
              {"visibleIf", "{phase-NS} = 'item2'"},
              {"elements", {{{"type", "radiogroup"}, {"name", "mi1"}, {"choices", choices({0, 3, 4, 5})}}}}}}}}}},
    };
    auto parsed = parse_questionnaire(d);
    EXPECT_TRUE(parsed.problems.empty()) << parsed.problems.front().path << ": " << parsed.problems.front().message;
    EXPECT_EQ(parsed.questionnaire->mode, Mode::Aia) << "a file without a mode is read as the AIA's";
    return *parsed.questionnaire;
}

TEST(RegistryScoring, AiaLevelsRoundingAndMitigationThreshold) {
    const auto q = aia();
    const struct {
        std::string r1;
        std::vector<std::string> r2;
        std::string r3, md1;
        int raw, mitigation;
        bool met;
        int current, level;
    } cases[] = {
        // no mitigation: current = raw; levels at 3 / 6 / 9 of 12
        {"item3-3", {}, "", "item1-0", 3, 0, false, 3, 1},
        {"item3-3", {"item1-1"}, "", "item1-0", 4, 0, false, 4, 2},
        {"item3-3", {"item1-1", "item2-2"}, "", "item1-0", 6, 0, false, 6, 2},
        {"item3-3", {"item1-1", "item2-2", "item3-1"}, "", "item1-0", 7, 0, false, 7, 3},
        {"item4-5", {"item1-1", "item2-2", "item3-1"}, "item1-0", "item1-0", 9, 0, false, 9, 3},
        {"item4-5", {"item1-1", "item2-2", "item3-1"}, "item2-1", "item1-0", 10, 0, false, 10, 4},
        // mitigation 4 of the 5 shown (8 of 10 over both forks / 2): met; 3 is not
        {"item4-5", {"item1-1", "item2-2", "item3-1"}, "item2-1", "item3-4", 10, 4, true, 9, 3},  // 8.5 rounds up to 9: 75 %
        {"item4-5", {"item1-1", "item2-2", "item3-1"}, "item2-1", "item2-3", 10, 3, false, 10, 4},
        {"item3-3", {"item1-1", "item2-2", "item3-1"}, "", "item4-5", 7, 5, true, 6, 2},  // 5.95 -> 6: 50 %
        // a hidden question's answer does not count (r3 without r1 = item4-5); its maximum does
        {"item3-3", {"item1-1"}, "item3-3", "item1-0", 4, 0, false, 4, 2},
    };
    for (const auto& c : cases) {
        Answers a = {{"r1-RS", {c.r1}}, {"r2-RS", c.r2}, {"phase-NS", {"item1"}}, {"md1", {c.md1}}, {"mi1", {"item4-5"}}};
        if (!c.r3.empty()) a["r3-RS"] = {c.r3};
        const Score s = score(q, a, {});
        EXPECT_EQ(s.max_raw, 12);
        EXPECT_EQ(s.max_mitigation, 10) << "both forks count in the maximum";
        EXPECT_EQ(s.raw, c.raw) << c.r1;
        EXPECT_EQ(s.mitigation, c.mitigation) << "the hidden fork's answer does not count";
        EXPECT_EQ(s.mitigation_met, c.met) << c.raw << " / " << c.mitigation;
        EXPECT_DOUBLE_EQ(s.current, c.current) << c.raw << " / " << c.mitigation;
        EXPECT_EQ(s.level, c.level) << c.raw << " / " << c.mitigation;
    }
}

// The whole-number rounding equals the AIA's floating-point Math.round((1 - 0.15) * raw).
TEST(RegistryScoring, AiaRoundingEqualsTheToolsFloatingPointForEveryRawUpTo5000) {
    json risk = json::array();
    for (int k = 0; k <= 5000; ++k) risk.push_back("item" + std::to_string(k) + "-" + std::to_string(k));
    const json d = {{"pages",
                     {{{"elements",
                        {{{"type", "dropdown"}, {"name", "r-RS"}, {"choices", risk}},
                         {{"type", "radiogroup"}, {"name", "m-MS"}, {"choices", {"item1-0", "item2-1"}}}}}}}}};
    const auto q = *parse_questionnaire(d).questionnaire;
    int checked = 0;
    for (int raw = 0; raw <= 5000; ++raw) {
        const Score s = score(q, {{"r-RS", {"item" + std::to_string(raw) + "-" + std::to_string(raw)}}, {"m-MS", {"item2-1"}}});
        ASSERT_TRUE(s.mitigation_met);
        ASSERT_EQ(s.raw, raw);
        ASSERT_EQ(s.current, std::floor((1 - 0.15) * raw + 0.5)) << raw;
        ++checked;
    }
    EXPECT_EQ(checked, 5001);
}

TEST(RegistryScoring, HardFlagsOverrideTheLevel) {
    Score low;
    low.level = 1;
    const struct {
        LegalFacts facts;
        std::vector<Flag> flags;
        std::string verdict;
    } cases[] = {
        {{"", 0, "unknown"}, {}, "level-1"},
        {{"", 4, "received"}, {Flag::HighRisk}, "high-risk"},
        {{"", 4, "not-received"}, {Flag::HighRisk, Flag::Red}, "red"},
        {{"", 4, "unknown"}, {Flag::HighRisk, Flag::Red}, "red"},
        {{"", 5, "received"}, {Flag::HighRisk}, "high-risk"},
        {{"f", 0, "unknown"}, {Flag::Prohibited}, "prohibited"},
        {{"f", 4, "not-received"}, {Flag::Prohibited, Flag::HighRisk, Flag::Red}, "prohibited"},
        {{"", 9, "unknown"}, {}, "level-1"},  // no such Annex III point
    };
    for (const auto& c : cases) {
        const auto f = flags(c.facts);
        EXPECT_EQ(f, c.flags) << c.facts.art5_practice << "/" << c.facts.annex3_point << "/" << c.facts.art26_notice;
        EXPECT_EQ(verdict(low, f), c.verdict);
    }
    Score high;
    high.level = 4;
    EXPECT_EQ(verdict(high, {}), "level-4");
    EXPECT_STREQ(level_numeral(3), "III");
}

}  // namespace
}  // namespace avenir::registry

namespace avenir::registry {
namespace {

// The shipped worker-impact questionnaire: eight dimensions of at least two risk questions, five
// safeguards, every text in English, French and Spanish, and a file the strict worker mode reads.
TEST(RegistryShippedQuestionnaire, CoversEightDimensionsInThreeLanguages) {
    std::ifstream in(std::string(AVENIR_SOURCE_DIR) + "/content/registry/questionnaires/worker-impact.json");
    ASSERT_TRUE(in) << "content/registry/questionnaires/worker-impact.json";
    const auto parsed = parse_questionnaire(nlohmann::json::parse(in));
    ASSERT_TRUE(parsed.questionnaire) << parsed.problems.front().path << ": " << parsed.problems.front().message;
    const auto& q = *parsed.questionnaire;
    EXPECT_EQ(q.slug, "worker-impact");
    EXPECT_EQ(q.mode, Mode::Worker);
    EXPECT_EQ(q.dimensions, (std::vector<std::string>{"surveillance", "consequences", "reversibility", "autonomy", "workload", "job-security",
                                                      "data-sensitivity", "opacity"}));
    std::map<std::string, int> per_dimension;
    int safeguards = 0;
    auto three = [](const Texts& t) { return t.contains("en") && t.contains("fr") && t.contains("es"); };
    EXPECT_TRUE(three(q.title));
    for (const auto& qu : q.questions) {
        if (qu.scored == Scored::Risk) ++per_dimension[qu.dimension];
        if (qu.scored == Scored::Mitigation) ++safeguards;
        EXPECT_TRUE(three(qu.title)) << qu.name;
        for (const auto& c : qu.choices) EXPECT_TRUE(three(c.text)) << qu.name << " " << c.value;
        if (qu.scored != Scored::None) EXPECT_EQ(qu.max_weight(), 4) << qu.name;
    }
    for (const auto& d : q.dimensions) EXPECT_GE(per_dimension[d], 2) << d;
    EXPECT_GE(safeguards, 5);
    // Saying the system takes no decision about individuals hides the questions about them.
    const Score without = score(q, {{"about1-NS", {"item3-0"}}});
    const Score with = score(q, {{"about1-NS", {"item1-0"}}});
    EXPECT_LT(without.shown_risk, with.shown_risk);
    EXPECT_FALSE(without.dimensions.contains("consequences"));
}

}  // namespace
}  // namespace avenir::registry
