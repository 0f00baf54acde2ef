#include "modules/bargaining/bargaining_types.hpp"

#include "core/text/trim.hpp"

#include <algorithm>
#include <set>

namespace avenir::bargaining {
namespace {

using text::trim;

void sort_unique(std::vector<std::string>& v) {
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
}

bool slug_like(std::string_view s, std::size_t max = 80) {
    return !s.empty() && s.size() <= max &&
           std::all_of(s.begin(), s.end(), [](char ch) { return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-'; });
}

}  // namespace

const ClauseText* Clause::text(std::string_view l) const {
    for (const auto& t : texts)
        if (t.lang == l) return &t;
    return nullptr;
}

const ClauseText& Clause::source() const {
    if (const auto* t = text(lang)) return *t;
    return texts.front();
}

const ClauseText& Clause::text_for(std::string_view l) const {
    if (const auto* t = text(l)) return *t;
    return source();
}

const TopicText& Topic::text_for(const std::string& lang) const {
    const auto it = texts.find(lang);
    return it != texts.end() && !it->second.name.empty() ? it->second : texts.at("en");
}

std::string Topic::subtopic_name(const std::string& slug, const std::string& lang) const {
    for (const auto& s : subtopics)
        if (s.slug == slug) {
            if (const auto i = s.names.find(lang); i != s.names.end()) return i->second;
            if (const auto i = s.names.find("en"); i != s.names.end()) return i->second;
        }
    return slug;
}

const std::pair<std::string, std::string>& Model::text_for(const std::string& lang) const {
    const auto it = texts.find(lang);
    return it != texts.end() ? it->second : texts.at("en");
}

int ladder_rank(std::string_view ladder) { return ladder == "preferred" ? 0 : ladder == "fallback" ? 1 : ladder == "minimum" ? 2 : 3; }

std::int64_t form_id(std::string_view text) {
    if (text.empty() || text.size() > 18 || !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) return 0;
    return std::stoll(std::string(text));
}

std::vector<std::string> placeholders_in(std::string_view text) {
    std::vector<std::string> out;
    for (std::size_t at = text.find("{{"); at != std::string_view::npos; at = text.find("{{", at + 2)) {
        const auto end = text.find("}}", at + 2);
        if (end == std::string_view::npos) break;
        std::string name(text.substr(at + 2, end - at - 2));
        if (std::find(out.begin(), out.end(), name) == out.end()) out.push_back(std::move(name));
    }
    return out;
}

std::vector<std::string> validate(Clause& c, const std::vector<Topic>& taxonomy) {
    std::vector<std::string> e;
    for (auto* s : {&c.slug, &c.topic, &c.subtopic, &c.family, &c.legal_basis, &c.country, &c.parties, &c.article_ref, &c.document_url})
        *s = trim(*s);
    if (!slug_like(c.slug)) e.emplace_back("slug: lower-case letters, digits and hyphens, at most 80");
    if (!one_of(kStatuses, c.status)) e.emplace_back("status: draft, reviewed, published or retired");
    if (!one_of(kKinds, c.kind)) e.emplace_back("kind: model, agreement, framework, law or definition");
    if (!one_of(kAccess, c.access)) e.emplace_back("access: public, members or union");
    if (c.access == "union" && !c.union_id) e.emplace_back("access: a confidential clause needs its union");
    const auto topic = std::find_if(taxonomy.begin(), taxonomy.end(), [&](const Topic& t) { return t.slug == c.topic; });
    if (topic == taxonomy.end()) e.emplace_back("topic: \"" + c.topic + "\" is not a topic of the taxonomy");
    else if (!c.subtopic.empty() &&
             std::none_of(topic->subtopics.begin(), topic->subtopics.end(), [&](const Subtopic& s) { return s.slug == c.subtopic; }))
        e.emplace_back("subtopic: \"" + c.subtopic + "\" is not a sub-topic of " + c.topic);
    if (c.family.empty() != c.ladder.empty()) e.emplace_back("family and ladder: both or neither");
    if (!c.ladder.empty() && !one_of(kLadder, c.ladder)) e.emplace_back("ladder: preferred, fallback or minimum");
    if (!c.family.empty() && !slug_like(c.family)) e.emplace_back("family: lower-case letters, digits and hyphens");
    auto check_list = [&](std::vector<std::string>& list, const char* field, auto allowed) {
        for (auto& x : list) x = trim(x);
        std::erase(list, std::string());
        sort_unique(list);
        for (const auto& x : list)
            if (!allowed(x)) e.emplace_back(std::string(field) + ": \"" + x + "\" is not allowed");
    };
    check_list(c.mechanisms, "mechanisms", [](const std::string& x) { return one_of(kMechanisms, x); });
    check_list(c.lifecycle, "lifecycle", [](const std::string& x) { return one_of(kLifecycle, x); });
    check_list(c.technologies, "technologies", [](const std::string& x) { return slug_like(x, 40); });
    check_list(c.sectors, "sectors", [](const std::string& x) { return one_of(kSectors, x); });
    check_list(c.related, "related", [](const std::string& x) { return slug_like(x); });
    std::set<std::string> declared;
    for (const auto& p : c.placeholders) {
        if (!slug_like(p.name, 40) && !std::all_of(p.name.begin(), p.name.end(), [](char ch) { return (ch >= 'a' && ch <= 'z') || ch == '_'; }))
            e.emplace_back("placeholders: \"" + p.name + "\": lower-case letters and underscores");
        if (!one_of(kPlaceholderTypes, p.type)) e.emplace_back("placeholders: \"" + p.name + "\": type name, text, number or date");
        if (!declared.insert(p.name).second) e.emplace_back("placeholders: \"" + p.name + "\" twice");
    }
    if (!one_of(kLanguages, c.lang)) e.emplace_back("lang: en, fr, es or ar");
    if (!c.text(c.lang)) e.emplace_back("texts: none in the authoritative language " + c.lang);
    for (auto& t : c.texts) {
        for (auto* s : {&t.title, &t.body, &t.summary, &t.why, &t.enforcement}) *s = trim(*s);
        if (!one_of(kLanguages, t.lang)) e.emplace_back("texts: language \"" + t.lang + "\"");
        if (t.title.empty() || t.title.size() > 200) e.emplace_back(t.lang + ": a title of at most 200 characters");
        if (t.body.empty() || t.body.size() > 8000) e.emplace_back(t.lang + ": a text of at most 8,000 characters");
        for (const auto& name : placeholders_in(t.body))
            if (!declared.contains(name)) e.emplace_back(t.lang + ": {{" + name + "}} is used but not declared");
    }
    if (const auto* src = c.text(c.lang)) {
        const auto used = placeholders_in(src->body);
        const std::set<std::string> in_source(used.begin(), used.end());
        for (const auto& t : c.texts) {
            const auto mine = placeholders_in(t.body);
            if (std::set<std::string>(mine.begin(), mine.end()) != in_source) e.emplace_back(t.lang + ": not the same placeholders as the " + c.lang + " text");
        }
    }
    return e;
}

}  // namespace avenir::bargaining
