#include "modules/registry/registry_questionnaire.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <regex>

namespace avenir::registry {
namespace {

using nlohmann::json;

bool ends_with(const std::string& s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// -RS, -MS, -NS; nullopt when the name has none of them.
std::optional<Scored> suffix_of(const std::string& name) {
    if (ends_with(name, "-RS")) return Scored::Risk;
    if (ends_with(name, "-MS")) return Scored::Mitigation;
    if (ends_with(name, "-NS")) return Scored::None;
    return std::nullopt;
}

// The weight after the last hyphen of "item2-3"; nullopt when there is no whole number there.
std::optional<int> embedded_weight(const std::string& value) {
    const auto dash = value.rfind('-');
    if (dash == std::string::npos || dash + 1 >= value.size()) return std::nullopt;
    int w = 0;
    const char* first = value.data() + dash + 1;
    const char* last = value.data() + value.size();
    const auto [end, ec] = std::from_chars(first, last, w);
    if (ec != std::errc() || end != last || w < 0) return std::nullopt;
    return w;
}

// ---- conditions ----

struct Lexer {
    const std::string& s;
    std::size_t i = 0;
    std::string error;
    void skip() {
        while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
    }
    bool eat(std::string_view word) {
        skip();
        if (s.compare(i, word.size(), word) != 0) return false;
        const std::size_t after = i + word.size();
        if (std::isalpha(static_cast<unsigned char>(word.back())) && after < s.size() &&
            (std::isalnum(static_cast<unsigned char>(s[after])) || s[after] == '_'))
            return false;
        i = after;
        return true;
    }
    std::optional<std::string> literal() {
        skip();
        if (i >= s.size()) return std::nullopt;
        if (s[i] == '\'' || s[i] == '"') {
            const char quote = s[i];
            const auto end = s.find(quote, i + 1);
            if (end == std::string::npos) return std::nullopt;
            std::string v = s.substr(i + 1, end - i - 1);
            i = end + 1;
            return v;
        }
        const std::size_t start = i;
        while (i < s.size() && (std::isalnum(static_cast<unsigned char>(s[i])) || s[i] == '-' || s[i] == '_' || s[i] == '.')) ++i;
        if (i == start) return std::nullopt;
        return s.substr(start, i - start);
    }
};

std::optional<Condition> parse_or(Lexer& lx);

std::optional<Condition> parse_term(Lexer& lx) {
    if (lx.eat("(")) {
        auto inner = parse_or(lx);
        if (!inner) return std::nullopt;
        if (!lx.eat(")")) {
            lx.error = "a \")\" is missing";
            return std::nullopt;
        }
        return inner;
    }
    lx.skip();
    if (!lx.eat("{")) {
        lx.error = "expected {question} at character " + std::to_string(lx.i + 1);
        return std::nullopt;
    }
    const auto close = lx.s.find('}', lx.i);
    if (close == std::string::npos) {
        lx.error = "a \"}\" is missing";
        return std::nullopt;
    }
    Condition c;
    c.question = lx.s.substr(lx.i, close - lx.i);
    lx.i = close + 1;
    if (lx.eat("notempty")) {
        c.op = Condition::Op::NotEmpty;
        return c;
    }
    if (lx.eat("empty")) {
        c.op = Condition::Op::Empty;
        return c;
    }
    if (lx.eat("!=") || lx.eat("<>")) c.op = Condition::Op::NotEquals;
    else if (lx.eat("==") || lx.eat("=")) c.op = Condition::Op::Equals;
    else if (lx.eat("contains")) c.op = Condition::Op::Contains;
    else {
        lx.error = "after {" + c.question + "} expected =, !=, contains, empty or notempty";
        return std::nullopt;
    }
    if (lx.eat("[")) {
        do {
            auto v = lx.literal();
            if (!v) {
                lx.error = "a value is missing in [...]";
                return std::nullopt;
            }
            c.values.push_back(*v);
        } while (lx.eat(","));
        if (!lx.eat("]")) {
            lx.error = "a \"]\" is missing";
            return std::nullopt;
        }
    } else {
        auto v = lx.literal();
        if (!v) {
            lx.error = "a value is missing after {" + c.question + "}";
            return std::nullopt;
        }
        c.values.push_back(*v);
    }
    return c;
}

std::optional<Condition> parse_and(Lexer& lx) {
    auto first = parse_term(lx);
    if (!first) return std::nullopt;
    Condition all{.op = Condition::Op::And, .question = {}, .values = {}, .children = {*first}};
    while (lx.eat("and")) {
        auto next = parse_term(lx);
        if (!next) return std::nullopt;
        all.children.push_back(*next);
    }
    return all.children.size() == 1 ? all.children.front() : all;
}

std::optional<Condition> parse_or(Lexer& lx) {
    auto first = parse_and(lx);
    if (!first) return std::nullopt;
    Condition any{.op = Condition::Op::Or, .question = {}, .values = {}, .children = {*first}};
    while (lx.eat("or")) {
        auto next = parse_and(lx);
        if (!next) return std::nullopt;
        any.children.push_back(*next);
    }
    return any.children.size() == 1 ? any.children.front() : any;
}

bool holds(const Condition& c, const Answers& answers) {
    static const std::vector<std::string> none;
    const auto it = c.question.empty() ? answers.end() : answers.find(c.question);
    const auto& given = it == answers.end() ? none : it->second;
    const auto has = [&](const std::string& v) { return std::find(given.begin(), given.end(), v) != given.end(); };
    switch (c.op) {
        case Condition::Op::And:
            return std::all_of(c.children.begin(), c.children.end(), [&](const Condition& k) { return holds(k, answers); });
        case Condition::Op::Or:
            return std::any_of(c.children.begin(), c.children.end(), [&](const Condition& k) { return holds(k, answers); });
        case Condition::Op::NotEmpty: return !given.empty() && !(given.size() == 1 && given[0].empty());
        case Condition::Op::Empty: return given.empty() || (given.size() == 1 && given[0].empty());
        case Condition::Op::Equals: return given.size() == c.values.size() && std::all_of(c.values.begin(), c.values.end(), has);
        case Condition::Op::NotEquals: return !(given.size() == c.values.size() && std::all_of(c.values.begin(), c.values.end(), has));
        case Condition::Op::Contains: return !given.empty() && std::all_of(c.values.begin(), c.values.end(), has);
    }
    return false;
}

// ---- definitions ----

class Reader {
public:
    std::vector<DefinitionProblem> problems;

    void problem(const std::string& path, std::string message) { problems.push_back({path, std::move(message)}); }

    // A SurveyJS localisable string: "text", or {"default": "...", "fr": "..."}.
    Texts texts(const json& j, const std::string& path, bool required) {
        Texts out;
        if (j.is_string()) out["en"] = j.get<std::string>();
        else if (j.is_object()) {
            for (const auto& [lang, v] : j.items()) {
                if (!v.is_string()) {
                    problem(path + "." + lang, "must be a text");
                    continue;
                }
                out[lang == "default" ? "en" : lang] = v.get<std::string>();
            }
        } else if (!j.is_null()) problem(path, "must be a text or an object of texts by language");
        if (required && out.empty()) problem(path, "is missing");
        return out;
    }

    std::optional<Condition> condition(const json& el, const std::string& path) {
        if (!el.contains("visibleIf")) return std::nullopt;
        if (!el["visibleIf"].is_string()) {
            problem(path + ".visibleIf", "must be a text");
            return std::nullopt;
        }
        std::string error;
        auto c = parse_condition(el["visibleIf"].get<std::string>(), error);
        if (!c) problem(path + ".visibleIf", error);
        return c;
    }

    void elements(Questionnaire& q, Page& page, const json& list, const std::string& path, const std::string& panel,
                  std::optional<Scored> parent_suffix, const std::vector<Condition>& inherited) {
        if (!list.is_array()) {
            problem(path, "must be a list of questions");
            return;
        }
        for (std::size_t i = 0; i < list.size(); ++i) {
            const json& el = list[i];
            const std::string at = path + "[" + std::to_string(i) + "]";
            if (!el.is_object()) {
                problem(at, "must be an object");
                continue;
            }
            const std::string type = el.value("type", "");
            const std::string name = el.contains("name") && el["name"].is_string() ? el["name"].get<std::string>() : "";
            if (type == "html") continue;
            if (type == "panel") {
                std::vector<Condition> conds = inherited;
                if (auto c = condition(el, at)) conds.push_back(*c);
                auto own = suffix_of(name);
                elements(q, page, el.value("elements", json::array()), at + ".elements", name, own ? own : parent_suffix, conds);
                continue;
            }
            static const std::set<std::string> kTypes = {"radiogroup", "dropdown", "checkbox", "boolean", "text", "comment"};
            if (!kTypes.count(type)) {
                problem(at + ".type", "\"" + type + "\" is not a question type this import reads (radiogroup, dropdown, checkbox, boolean, text, comment, panel, html)");
                continue;
            }
            if (name.empty()) {
                problem(at + ".name", "is missing");
                continue;
            }
            if (q.find(name)) {
                problem(at + ".name", "\"" + name + "\" is used by another question");
                continue;
            }
            Question qu;
            qu.name = name;
            qu.type = type;
            qu.page = page.name;
            qu.panel = panel;
            qu.path = at;
            const auto own = suffix_of(name);
            qu.scored = own ? *own : parent_suffix.value_or(Scored::None);
            if (type != "radiogroup" && type != "dropdown" && type != "checkbox") qu.scored = Scored::None;  // as the AIA: only choices score
            qu.title = texts(el.contains("title") ? el["title"] : json(name), at + ".title", false);
            if (el.contains("description")) qu.description = texts(el["description"], at + ".description", false);
            qu.visible_if = condition(el, at);
            qu.inherited = inherited;
            if (el.contains("choices")) {
                const json& ch = el["choices"];
                if (!ch.is_array()) problem(at + ".choices", "must be a list");
                else
                    for (std::size_t k = 0; k < ch.size(); ++k) {
                        const std::string cat = at + ".choices[" + std::to_string(k) + "]";
                        Choice c;
                        if (ch[k].is_string()) c.value = ch[k].get<std::string>();
                        else if (ch[k].is_object() && ch[k].contains("value") && ch[k]["value"].is_string()) {
                            c.value = ch[k]["value"].get<std::string>();
                            c.text = texts(ch[k].value("text", json(c.value)), cat + ".text", false);
                        } else {
                            problem(cat, "must be a value, or an object with a \"value\" text");
                            continue;
                        }
                        if (c.text.empty()) c.text["en"] = c.value;
                        const auto w = embedded_weight(c.value);
                        if (qu.scored != Scored::None && !w && q.mode == Mode::Worker)
                            problem(cat + ".value", "\"" + c.value + "\" carries no weight: write it item<N>-<W>, W a whole number from 0 to 4");
                        else if (qu.scored != Scored::None && w && q.mode == Mode::Worker && *w > 4)
                            problem(cat + ".value", "\"" + c.value + "\": a weight goes from 0 to 4");
                        c.weight = w.value_or(0);  // the AIA reads a value without a number as 0
                        qu.choices.push_back(std::move(c));
                    }
            }
            if ((type == "radiogroup" || type == "dropdown" || type == "checkbox") && qu.choices.empty())
                problem(at + ".choices", "a " + type + " needs choices");
            if (q.mode == Mode::Worker && qu.scored == Scored::Risk) {
                qu.dimension = el.value("dimension", "");
                if (std::find(q.dimensions.begin(), q.dimensions.end(), qu.dimension) == q.dimensions.end())
                    problem(at + ".dimension", qu.dimension.empty() ? "a risk question needs a dimension"
                                                                   : "\"" + qu.dimension + "\" is not one of the questionnaire's dimensions");
            }
            page.questions.push_back(q.questions.size());
            q.questions.push_back(std::move(qu));
        }
    }
};

void check_references(const Condition& c, const Questionnaire& q, const std::string& path, std::vector<DefinitionProblem>& problems) {
    if (!c.question.empty() && !q.find(c.question)) problems.push_back({path, "{" + c.question + "} is not a question of this questionnaire"});
    for (const auto& k : c.children) check_references(k, q, path, problems);
}

}  // namespace

std::string text_in(const Texts& t, const std::string& lang) {
    if (const auto it = t.find(lang); it != t.end() && !it->second.empty()) return it->second;
    if (const auto it = t.find("en"); it != t.end() && !it->second.empty()) return it->second;
    return t.empty() ? std::string() : t.begin()->second;
}

std::optional<Condition> parse_condition(const std::string& source, std::string& error) {
    Lexer lx{source, 0, {}};
    auto c = parse_or(lx);
    if (!c) {
        error = "cannot read the condition \"" + source + "\": " + (lx.error.empty() ? "unexpected text" : lx.error);
        return std::nullopt;
    }
    lx.skip();
    if (lx.i != source.size()) {
        error = "cannot read the condition \"" + source + "\": unexpected text at character " + std::to_string(lx.i + 1);
        return std::nullopt;
    }
    return c;
}

int Question::max_weight() const {
    int max = 0;
    for (const auto& c : choices) max = multiple() ? max + c.weight : std::max(max, c.weight);
    return max;
}

const Question* Questionnaire::find(const std::string& name) const {
    for (const auto& q : questions)
        if (q.name == name) return &q;
    return nullptr;
}

ParsedQuestionnaire parse_questionnaire(const json& d) {
    Reader r;
    ParsedQuestionnaire out;
    if (!d.is_object()) {
        out.problems.push_back({"$", "a questionnaire is a JSON object with \"pages\""});
        return out;
    }
    Questionnaire q;
    if (d.contains("slug")) {
        const std::string slug = d["slug"].is_string() ? d["slug"].get<std::string>() : "";
        static const std::regex kSlug("^[a-z0-9]+(-[a-z0-9]+)*$");
        if (!std::regex_match(slug, kSlug)) r.problem("$.slug", "must be lower-case letters, digits and hyphens");
        q.slug = slug;
    }
    if (d.contains("version")) {
        if (!d["version"].is_number_integer() || d["version"].get<int>() < 1) r.problem("$.version", "must be a whole number from 1");
        else q.version = d["version"].get<int>();
    }
    const std::string mode = d.value("mode", "aia");
    if (mode == "worker") q.mode = Mode::Worker;
    else if (mode == "aia") q.mode = Mode::Aia;
    else r.problem("$.mode", "must be \"worker\" or \"aia\"");
    if (d.contains("mitigation_branches")) {
        if (!d["mitigation_branches"].is_number_integer() || d["mitigation_branches"].get<int>() < 1)
            r.problem("$.mitigation_branches", "must be a whole number from 1");
        else q.mitigation_branches = d["mitigation_branches"].get<int>();
    }
    q.title = r.texts(d.value("title", json()), "$.title", q.mode == Mode::Worker);
    if (d.contains("description")) q.description = r.texts(d["description"], "$.description", false);
    if (d.contains("dimensions")) {
        if (!d["dimensions"].is_array()) r.problem("$.dimensions", "must be a list of names");
        else
            for (std::size_t i = 0; i < d["dimensions"].size(); ++i) {
                if (!d["dimensions"][i].is_string()) r.problem("$.dimensions[" + std::to_string(i) + "]", "must be a name");
                else q.dimensions.push_back(d["dimensions"][i].get<std::string>());
            }
    }
    if (q.mode == Mode::Worker && q.dimensions.empty()) r.problem("$.dimensions", "a worker-impact questionnaire lists its dimensions");
    if (!d.contains("pages") || !d["pages"].is_array() || d["pages"].empty()) r.problem("$.pages", "must be a list of at least one page");
    else
        for (std::size_t i = 0; i < d["pages"].size(); ++i) {
            const json& p = d["pages"][i];
            const std::string at = "$.pages[" + std::to_string(i) + "]";
            if (!p.is_object()) {
                r.problem(at, "must be an object");
                continue;
            }
            Page page;
            page.name = p.contains("name") && p["name"].is_string() ? p["name"].get<std::string>() : "page" + std::to_string(i + 1);
            if (p.contains("title")) page.title = r.texts(p["title"], at + ".title", false);
            if (p.contains("description")) page.description = r.texts(p["description"], at + ".description", false);
            std::vector<Condition> conds;
            if (auto c = r.condition(p, at)) conds.push_back(*c);
            r.elements(q, page, p.value("elements", json::array()), at + ".elements", "", suffix_of(page.name), conds);
            q.pages.push_back(std::move(page));
        }
    if (r.problems.empty()) {
        for (const auto& qu : q.questions) {
            if (qu.visible_if) check_references(*qu.visible_if, q, qu.path + ".visibleIf", r.problems);
            for (const auto& c : qu.inherited) check_references(c, q, qu.path + " (the visibleIf of its panel or page)", r.problems);
        }
    }
    out.problems = std::move(r.problems);
    if (out.problems.empty()) out.questionnaire = std::move(q);
    return out;
}

bool shown(const Question& q, const Answers& answers) {
    for (const auto& c : q.inherited)
        if (!holds(c, answers)) return false;
    return !q.visible_if || holds(*q.visible_if, answers);
}

}  // namespace avenir::registry
