#include "modules/network/network_types.hpp"

#include <algorithm>
#include <cctype>

#include "core/i18n/i18n.hpp"

namespace avenir::network {
namespace {

std::string trim(std::string s) {
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return "";
    return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

template <class T>
void sort_unique(std::vector<T>& v) {
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
}

}  // namespace

const CaseText& Case::text_for(std::string_view reader_lang) const {
    for (const auto& t : texts)
        if (t.lang == reader_lang) return t;
    for (const auto& t : texts)
        if (t.lang == lang) return t;
    return texts.front();
}

const CoalitionText& Coalition::text_for(std::string_view reader_lang) const {
    for (const auto& t : texts)
        if (t.lang == reader_lang) return t;
    for (const auto& t : texts)
        if (t.lang == "en") return t;
    return texts.front();
}

std::vector<std::string> validate(const Coalition& c) {
    std::vector<std::string> errors;
    if (c.regions.empty()) errors.emplace_back("regions: give at least one region");
    if (!one_of(kStances, c.stance)) errors.emplace_back("stance: member, considering or founded");
    if (std::any_of(c.themes.begin(), c.themes.end(), [](int t) { return t < 1 || t > 7; })) errors.emplace_back("themes: 1 to 7");
    if (c.texts.empty()) errors.emplace_back("a coalition needs a name and a scope in at least one language");
    for (const auto& t : c.texts)
        if (t.name.empty() || t.name.size() > 200 || t.scope.empty() || t.scope.size() > 2000 || t.why.size() > 2000)
            errors.emplace_back(t.lang + ": a name (at most 200 characters) and a scope (at most 2,000)");
    return errors;
}

std::string fold_tag(std::string_view tag) {
    std::string out;
    for (char ch : trim(std::string(tag))) {
        if (ch == ' ' || ch == '_') ch = '-';
        out += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    }
    return out;
}

std::vector<std::string> validate(Case& c) {
    std::vector<std::string> errors;
    auto no_nul = [](std::string& s) { std::erase(s, '\0'); };
    for (auto* s : {&c.country, &c.employer, &c.supplier, &c.product, &c.moderation_message}) {
        no_nul(*s);
        *s = trim(*s);
    }
    if (!one_of(kPractices, c.practice)) errors.emplace_back(i18n::noop("Say whether this was good, bad or mixed practice."));
    if (!one_of(kEmployerTypes, c.employer_type)) errors.emplace_back(i18n::noop("Say whether the employer is public, private or an outsourced service."));
    if (!one_of(kVisibilities, c.visibility)) errors.emplace_back(i18n::noop("Choose who may read the case."));
    if (!one_of(kSectors, c.sector)) errors.emplace_back(i18n::noop("Choose the sector."));
    if (c.country.empty() || c.country.size() > 80) errors.emplace_back(i18n::noop("Give the country (at most 80 characters)."));
    if (c.region.empty()) errors.emplace_back(i18n::noop("Choose the region."));
    if (c.employer.size() > 200 || c.supplier.size() > 200 || c.product.size() > 200)
        errors.emplace_back(i18n::noop("Keep the employer, supplier and product under 200 characters each."));
    if (c.year < 1990 || c.year > 2100) errors.emplace_back(i18n::noop("Give the year it happened (such as 2024)."));
    std::vector<std::string> tags;
    for (const auto& t : c.technologies)
        if (auto f = fold_tag(t); !f.empty()) tags.push_back(std::move(f));
    sort_unique(tags);
    c.technologies = std::move(tags);
    if (c.technologies.empty() || c.technologies.size() > 8 ||
        std::any_of(c.technologies.begin(), c.technologies.end(), [](const std::string& t) { return t.size() > 40; }))
        errors.emplace_back(i18n::noop("Name one to eight technologies, separated by commas (such as scheduling, chatbot)."));
    sort_unique(c.themes);
    if (std::any_of(c.themes.begin(), c.themes.end(), [](int t) { return t < 1 || t > 7; })) errors.emplace_back(i18n::noop("Choose themes among the seven."));
    sort_unique(c.workshops);
    if (c.workshops.size() > 6) errors.emplace_back(i18n::noop("Link at most six workshops of the guide."));
    if (!one_of(kCaseLanguages, c.lang)) errors.emplace_back(i18n::noop("Choose the language the case is written in."));
    if (c.texts.empty()) errors.emplace_back(i18n::noop("Give the case a title and tell what happened."));
    bool own = false;
    for (auto& t : c.texts) {
        for (auto* s : {&t.title, &t.happened, &t.union_action, &t.outcome, &t.lessons}) {
            no_nul(*s);
            *s = trim(*s);
        }
        own = own || t.lang == c.lang;
        if (t.title.empty() || t.title.size() > 200) errors.emplace_back(i18n::noop("Give the case a title of at most 200 characters."));
        if (t.happened.size() < 40 || t.happened.size() > 6000)
            errors.emplace_back(i18n::noop("Tell what happened in 40 to 6,000 characters."));
        if (t.union_action.size() < 20 || t.union_action.size() > 6000)
            errors.emplace_back(i18n::noop("Tell what the union did in 20 to 6,000 characters."));
        if (t.outcome.size() > 4000 || t.lessons.size() > 4000) errors.emplace_back(i18n::noop("Keep the outcome and the lessons under 4,000 characters each."));
    }
    if (!c.texts.empty() && !own) errors.emplace_back(i18n::noop("Choose the language the case is written in."));
    sort_unique(errors);
    return errors;
}

}  // namespace avenir::network
