#pragma once
// Assessment questionnaires: versioned JSON definitions of pages and questions, in the shape of
// SurveyJS files (the shape of Canada's Algorithmic Impact Assessment), so that such a file can be
// imported as it is. Answers carry their weight in their value, `item<N>-<W>` (W, after the last
// hyphen, is the weight); a question's name ends in `-RS` (risk), `-MS` (mitigation) or `-NS`
// (not scored), or takes the suffix of the panel around it. docs/register-scoring.md gives the
// format and the arithmetic with its sources.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace avenir::registry {

enum class Scored { None, Risk, Mitigation };
enum class Mode { Worker, Aia };  // Avenir's worker-impact scoring, or the AIA's (compatibility mode)

// A text in several languages ("en", "fr", "es"...; SurveyJS's "default" is read as "en").
using Texts = std::map<std::string, std::string>;
std::string text_in(const Texts& t, const std::string& lang);  // lang, else English, else any

// A visibility condition (SurveyJS `visibleIf`, the subset the AIA uses): terms `{q} = 'v'`,
// `{q} != 'v'`, `{q} contains 'v'` or `['v', 'w']` (any of them), `{q} notempty`, `{q} empty`,
// joined by `and` / `or` (and binds tighter) and grouped by parentheses.
struct Condition {
    enum class Op { Equals, NotEquals, Contains, NotEmpty, Empty, And, Or } op = Op::And;
    std::string question;
    std::vector<std::string> values;
    std::vector<Condition> children;  // And, Or
};
// Parses a condition; nullopt and a message when it is not in the subset.
std::optional<Condition> parse_condition(const std::string& source, std::string& error);

struct Choice {
    std::string value;  // "item2-3"
    int weight = 0;     // 3
    Texts text;
};

struct Question {
    std::string name, type;  // type: radiogroup, dropdown, checkbox, boolean, text, comment
    std::string page, panel; // names of what holds it
    std::string path;        // where it is in the definition ($.pages[0].elements[2])
    Scored scored = Scored::None;
    std::string dimension;   // worker mode: one of the questionnaire's dimensions (risk questions)
    Texts title, description;
    std::vector<Choice> choices;
    std::optional<Condition> visible_if;  // its own, its panel's and its page's, all of which must hold
    std::vector<Condition> inherited;     // the panel's and the page's conditions
    bool multiple() const { return type == "checkbox"; }
    int max_weight() const;  // the highest choice's weight; a checkbox's: the sum of its choices'
};

struct Page {
    std::string name;
    Texts title, description;
    std::vector<std::size_t> questions;  // indices into Questionnaire::questions, in order
};

struct Questionnaire {
    std::string slug;
    int version = 1;
    Mode mode = Mode::Worker;
    int mitigation_branches = 1;  // AIA: 2 (its design and implementation forks); see the docs
    Texts title, description;
    std::vector<std::string> dimensions;
    std::vector<Page> pages;
    std::vector<Question> questions;
    const Question* find(const std::string& name) const;
};

// A problem in a definition, with where it is (a JSON path: "$.pages[2].elements[0].choices[1].value").
struct DefinitionProblem {
    std::string path, message;
};

// Reads a definition; every problem is reported with its path (nothing is half-read: the
// questionnaire is returned only when there is none).
struct ParsedQuestionnaire {
    std::optional<Questionnaire> questionnaire;
    std::vector<DefinitionProblem> problems;
};
ParsedQuestionnaire parse_questionnaire(const nlohmann::json& definition);

// Answers by question name: a choice value ("item2-3"), several for a checkbox, or a text.
using Answers = std::map<std::string, std::vector<std::string>>;

// Whether a question is shown, given the answers so far (its page's, panel's and own conditions).
bool shown(const Question& q, const Answers& answers);

}  // namespace avenir::registry
