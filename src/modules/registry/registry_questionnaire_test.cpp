// A questionnaire definition's problems are each reported with their JSON path, and nothing of a
// faulty definition is kept; conditions read the subset of SurveyJS expressions the AIA uses.
#include <gtest/gtest.h>

#include "modules/registry/registry_questionnaire.hpp"

namespace avenir::registry {
namespace {

using nlohmann::json;

json good() {
    return json::parse(R"({
      "slug": "t", "mode": "worker", "title": {"en": "T", "fr": "T"}, "dimensions": ["surveillance"],
      "pages": [{"name": "p", "elements": [
        {"type": "radiogroup", "name": "a-NS", "choices": [{"value": "item1-0", "text": {"default": "Yes", "fr": "Oui"}}, "item2-0"]},
        {"type": "panel", "name": "risks-RS", "elements": [
          {"type": "radiogroup", "name": "s1", "dimension": "surveillance", "visibleIf": "{a-NS} = 'item1-0'",
           "choices": [{"value": "item1-0", "text": "none"}, {"value": "item2-4", "text": "all"}]}]}]}]})");
}

TEST(RegistryQuestionnaire, ReadsPanelsSuffixesTextsAndConditions) {
    const auto parsed = parse_questionnaire(good());
    ASSERT_TRUE(parsed.problems.empty()) << parsed.problems.front().path << ": " << parsed.problems.front().message;
    const auto& q = *parsed.questionnaire;
    ASSERT_EQ(q.questions.size(), 2u);
    const auto* s1 = q.find("s1");
    ASSERT_NE(s1, nullptr);
    EXPECT_EQ(s1->scored, Scored::Risk) << "a question takes the suffix of its panel";
    EXPECT_EQ(s1->panel, "risks-RS");
    EXPECT_EQ(s1->max_weight(), 4);
    EXPECT_EQ(q.find("a-NS")->scored, Scored::None);
    EXPECT_EQ(text_in(q.find("a-NS")->choices[0].text, "fr"), "Oui");
    EXPECT_EQ(text_in(q.find("a-NS")->choices[0].text, "es"), "Yes") << "SurveyJS's default is English";
    EXPECT_FALSE(shown(*s1, {{"a-NS", {"item2-0"}}}));
    EXPECT_TRUE(shown(*s1, {{"a-NS", {"item1-0"}}}));
    EXPECT_FALSE(shown(*s1, {})) << "unanswered: an equality does not hold";
}

TEST(RegistryQuestionnaire, EveryProblemIsNamedByItsPath) {
    const struct {
        std::string pointer;  // JSON pointer of the value to replace
        json value;
        std::string path, says;
    } cases[] = {
        {"/pages/0/elements/1/elements/0/choices/1/value", "item2", "$.pages[0].elements[1].elements[0].choices[1].value", "carries no weight"},
        {"/pages/0/elements/1/elements/0/choices/1/value", "item2-7", "$.pages[0].elements[1].elements[0].choices[1].value", "from 0 to 4"},
        {"/pages/0/elements/1/elements/0/dimension", "weather", "$.pages[0].elements[1].elements[0].dimension", "not one of the questionnaire's dimensions"},
        {"/pages/0/elements/1/elements/0/visibleIf", "{nowhere} = 'x'", "$.pages[0].elements[1].elements[0].visibleIf", "{nowhere} is not a question"},
        {"/pages/0/elements/1/elements/0/visibleIf", "{a-NS} ~ 'x'", "$.pages[0].elements[1].elements[0].visibleIf", "expected =, !=, contains"},
        {"/pages/0/elements/0/type", "matrix", "$.pages[0].elements[0].type", "not a question type"},
        {"/pages/0/elements/1/elements/0/name", "a-NS", "$.pages[0].elements[1].elements[0].name", "used by another question"},
        {"/mode", "magic", "$.mode", "\"worker\" or \"aia\""},
        {"/slug", "Not A Slug", "$.slug", "lower-case"},
        {"/pages", json::array(), "$.pages", "at least one page"},
        {"/title", json::object(), "$.title", "is missing"},
    };
    for (const auto& c : cases) {
        json d = good();
        d[json::json_pointer(c.pointer)] = c.value;
        const auto parsed = parse_questionnaire(d);
        EXPECT_FALSE(parsed.questionnaire) << c.pointer << " accepted";
        const bool found = std::any_of(parsed.problems.begin(), parsed.problems.end(), [&](const DefinitionProblem& p) {
            return p.path == c.path && p.message.find(c.says) != std::string::npos;
        });
        EXPECT_TRUE(found) << c.pointer << ": " << (parsed.problems.empty() ? "no problem" : parsed.problems.front().path + ": " + parsed.problems.front().message);
    }
}

TEST(RegistryQuestionnaire, ConditionsAndOrParenthesesAndLists) {
    std::string error;
    const auto c = parse_condition("({a} = 'x' or {b} contains ['y', \"z\"]) and {c} notempty", error);
    ASSERT_TRUE(c) << error;
    Question q;
    q.visible_if = *c;
    const struct {
        Answers answers;
        bool shown;
    } cases[] = {
        {{{"a", {"x"}}, {"c", {"t"}}}, true},
        {{{"a", {"x"}}}, false},                              // c empty
        {{{"b", {"y", "z", "w"}}, {"c", {"t"}}}, true},       // contains both
        {{{"b", {"y"}}, {"c", {"t"}}}, false},                // not both
        {{{"a", {"q"}}, {"b", {"z"}}, {"c", {"t"}}}, false},
    };
    for (const auto& k : cases) EXPECT_EQ(shown(q, k.answers), k.shown);
    for (const std::string bad : {"{a} =", "{a = 'x'", "({a} = 'x'", "{a} = 'x' and", "{a} contains ['x'", "{a} = 'x' trailing"})
        EXPECT_FALSE(parse_condition(bad, error)) << bad;
    EXPECT_NE(error.find("trailing"), std::string::npos) << error;
}

}  // namespace
}  // namespace avenir::registry
