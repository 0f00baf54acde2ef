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
    if (!normalise_links(c.links))
        errors.emplace_back(i18n::noop("Link only practice cases, coalitions, library resources and bargaining clauses of this platform (paste their addresses)."));
    if (c.links.size() > 10) errors.emplace_back(i18n::noop("Link at most ten cases and clauses."));
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

namespace {

// Language codes folded, sorted and unique; false when one is not two or three letters.
bool language_codes(std::vector<std::string>& languages) {
    std::vector<std::string> codes;
    bool ok = true;
    for (const auto& l : languages) {
        std::string code = fold_tag(l);
        if (code.empty()) continue;
        ok = ok && code.size() >= 2 && code.size() <= 3 && std::all_of(code.begin(), code.end(), [](char ch) { return ch >= 'a' && ch <= 'z'; });
        codes.push_back(std::move(code));
    }
    sort_unique(codes);
    languages = std::move(codes);
    return ok;
}

}  // namespace

std::vector<std::string> validate(Profile& p) {
    std::vector<std::string> errors;
    for (auto* s : {&p.skills, &p.help}) {
        std::erase(*s, '\0');
        *s = trim(*s);
    }
    if (!language_codes(p.languages) || p.languages.size() > 10)
        errors.emplace_back(i18n::noop("Give the languages you work in as two- or three-letter codes, separated by commas (such as en, fr, sw)."));
    sort_unique(p.sectors);
    if (std::any_of(p.sectors.begin(), p.sectors.end(), [](const std::string& s) { return !one_of(kSectors, s); }))
        errors.emplace_back(i18n::noop("Choose the sector."));
    if (p.skills.size() > 1000 || p.help.size() > 1000) errors.emplace_back(i18n::noop("Keep your skills and what you can help with under 1,000 characters each."));
    if (!one_of(kVisibilities, p.visibility)) errors.emplace_back(i18n::noop("Choose who may read your profile."));
    return errors;
}


std::string link_path(std::string link) {
    if (auto scheme = link.find("://"); scheme != std::string::npos) {
        const auto path = link.find('/', scheme + 3);
        link = path == std::string::npos ? "" : link.substr(path);
    }
    if (auto cut = link.find_first_of("?#"); cut != std::string::npos) link.resize(cut);
    for (const char* lang : {"/fr/", "/es/", "/ar/", "/en/"})
        if (link.rfind(lang, 0) == 0) link = link.substr(3);
    const auto valid_tail = [&](std::size_t from, bool digits) {
        if (link.size() <= from || link.size() > 200) return false;
        return std::all_of(link.begin() + static_cast<std::ptrdiff_t>(from), link.end(), [&](char ch) {
            return digits ? (ch >= '0' && ch <= '9') : ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-');
        });
    };
    if (link.rfind("/network/practices/", 0) == 0 && valid_tail(19, true)) return link;
    if (link.rfind("/network/coalitions/", 0) == 0 && valid_tail(20, true)) return link;
    if (link.rfind("/library/", 0) == 0 && valid_tail(9, true)) return link;
    if (link.rfind("/bargaining/clauses/", 0) == 0 && valid_tail(20, false)) return link;
    return "";
}


bool normalise_links(std::vector<std::string>& links) {
    std::vector<std::string> paths;
    bool ok = true;
    for (const auto& l : links) {
        const std::string t = trim(l);
        if (t.empty()) continue;
        std::string p = link_path(t);
        ok = ok && !p.empty();
        if (!p.empty()) paths.push_back(std::move(p));
    }
    sort_unique(paths);
    links = std::move(paths);
    return ok;
}

std::int64_t case_of_link(const std::string& path) {
    if (path.rfind("/network/practices/", 0) != 0) return 0;
    return std::strtoll(path.c_str() + 19, nullptr, 10);
}

std::vector<std::string> validate(Question& q) {
    std::vector<std::string> errors;
    for (auto* s : {&q.title, &q.body}) {
        std::erase(*s, '\0');
        *s = trim(*s);
    }
    if (q.title.size() < 10 || q.title.size() > 200) errors.emplace_back(i18n::noop("Ask your question in 10 to 200 characters."));
    if (q.body.size() > 4000) errors.emplace_back(i18n::noop("Keep the details under 4,000 characters."));
    if (q.region.empty()) errors.emplace_back(i18n::noop("Choose the region."));
    if (!one_of(kQuestionVisibilities, q.visibility)) errors.emplace_back(i18n::noop("Choose who may read the question."));
    if (!one_of(kCaseLanguages, q.lang)) errors.emplace_back(i18n::noop("Choose the language of the question."));
    if (!normalise_links(q.links)) errors.emplace_back(i18n::noop("Link only practice cases, coalitions, library resources and bargaining clauses of this platform (paste their addresses)."));
    if (q.links.size() > 10) errors.emplace_back(i18n::noop("Link at most ten cases and clauses."));
    return errors;
}

std::vector<std::string> validate(CascadeSession& s) {
    std::vector<std::string> errors;
    for (auto* t : {&s.union_name, &s.held_on, &s.workshop}) {
        std::erase(*t, '\0');
        *t = trim(*t);
    }
    const bool date = s.held_on.size() == 10 && s.held_on[4] == '-' && s.held_on[7] == '-' &&
                      std::all_of(s.held_on.begin(), s.held_on.end(), [](char ch) { return (ch >= '0' && ch <= '9') || ch == '-'; }) &&
                      s.held_on.substr(5, 2) >= "01" && s.held_on.substr(5, 2) <= "12" && s.held_on.substr(8, 2) >= "01" &&
                      s.held_on.substr(8, 2) <= "31" && s.held_on >= "2020-01-01";
    if (!date) errors.emplace_back(i18n::noop("Give the date as year-month-day (such as 2026-03-14)."));
    if (s.workshop.empty()) errors.emplace_back(i18n::noop("Choose the workshop you ran."));
    if (s.theme < 1 || s.theme > 7) errors.emplace_back(i18n::noop("Choose themes among the seven."));
    if (!one_of(kCaseLanguages, s.lang) && !(s.lang.size() >= 2 && s.lang.size() <= 3 &&
                                             std::all_of(s.lang.begin(), s.lang.end(), [](char ch) { return ch >= 'a' && ch <= 'z'; })))
        errors.emplace_back(i18n::noop("Give the language as a two- or three-letter code (such as en, sw)."));
    if (s.people < 1 || s.people > 10000) errors.emplace_back(i18n::noop("Give the number of people, from 1 to 10,000."));
    if (s.union_name.size() < 2 || s.union_name.size() > 200) errors.emplace_back(i18n::noop("Name the union the colleagues belong to (at most 200 characters)."));
    if (s.region.empty()) errors.emplace_back(i18n::noop("Choose the region."));
    return errors;
}

std::vector<MultiplierRow> multiplier_rows(const std::vector<CascadeTotal>& totals, const std::map<std::string, int>& trained,
                                           const std::vector<std::string>& regions) {
    std::vector<MultiplierRow> out;
    for (const auto& region : regions) {
        const auto t = trained.find(region);
        const int people_trained = t == trained.end() ? 0 : t->second;
        MultiplierRow total{region, 0, 0, 0, people_trained, 0};
        std::vector<MultiplierRow> themes;
        for (const auto& c : totals) {
            if (c.region != region) continue;
            total.sessions += c.sessions;
            total.people += c.people;
            themes.push_back({region, c.theme, c.sessions, c.people, people_trained, 0});
        }
        if (total.sessions == 0 && people_trained == 0) continue;
        std::sort(themes.begin(), themes.end(), [](const MultiplierRow& a, const MultiplierRow& b) { return a.theme < b.theme; });
        out.push_back(total);
        out.insert(out.end(), themes.begin(), themes.end());
    }
    for (auto& r : out) r.multiplier = r.trained ? static_cast<double>(r.people) / r.trained : 0;
    return out;
}

std::vector<std::string> validate(Hub& h) {
    std::vector<std::string> errors;
    std::erase(h.contact, '\0');
    h.contact = trim(h.contact);
    const auto at = h.contact.find('@');
    if (!h.contact.empty() && (h.contact.size() > 200 || at == std::string::npos || at == 0 || at + 1 == h.contact.size() ||
                               h.contact.find_first_of(" \t\r\n<>\"") != std::string::npos))
        errors.emplace_back(i18n::noop("Give the hub's contact as an e-mail address, or leave it empty."));
    for (auto it = h.intro.begin(); it != h.intro.end();) {
        std::erase(it->second, '\0');
        it->second = trim(it->second);
        if (it->second.empty()) it = h.intro.erase(it);
        else ++it;
    }
    if (!h.intro.contains("en")) errors.emplace_back(i18n::noop("Write the presentation in English at least: it is shown where no translation exists."));
    for (const auto& [lang, intro] : h.intro)
        if (intro.size() > 2000) errors.emplace_back(i18n::noop("Keep each presentation under 2,000 characters."));
    sort_unique(errors);
    return errors;
}

std::vector<std::string> validate(Application& a) {
    std::vector<std::string> errors;
    for (auto* s : {&a.union_name, &a.experience, &a.motivation}) {
        std::erase(*s, '\0');
        *s = trim(*s);
    }
    if (a.union_name.size() < 2 || a.union_name.size() > 200) errors.emplace_back(i18n::noop("Name your union (at most 200 characters)."));
    if (a.region.empty()) errors.emplace_back(i18n::noop("Choose the region."));
    if (!language_codes(a.languages) || a.languages.empty() || a.languages.size() > 10)
        errors.emplace_back(i18n::noop("Give the languages you work in as two- or three-letter codes, separated by commas (such as en, fr, sw)."));
    if (a.experience.size() < 20 || a.experience.size() > 4000)
        errors.emplace_back(i18n::noop("Tell your experience in 20 to 4,000 characters."));
    if (a.motivation.size() < 20 || a.motivation.size() > 4000)
        errors.emplace_back(i18n::noop("Tell why you apply in 20 to 4,000 characters."));
    return errors;
}

std::string_view practice_label(const std::string& p) {
    if (p == "good") return i18n::noop("Good practice");
    if (p == "bad") return i18n::noop("Bad practice");
    return i18n::noop("Mixed practice");
}

std::string_view employer_type_label(const std::string& t) {
    if (t == "public") return i18n::noop("Public employer");
    if (t == "private") return i18n::noop("Private employer");
    return i18n::noop("Outsourced service");
}

std::string_view visibility_label(const std::string& v) {
    if (v == "public") return i18n::noop("Everyone");
    if (v == "members") return i18n::noop("Members signed in");
    return i18n::noop("The region's network (its DROs, coordinators and facilitators)");
}

std::string_view sector_label(const std::string& s) {
    static constexpr std::pair<std::string_view, std::string_view> labels[] = {
        {"health", i18n::noop("Health")},
        {"social-services", i18n::noop("Social services")},
        {"local-government", i18n::noop("Local government")},
        {"central-government", i18n::noop("Central government")},
        {"education", i18n::noop("Education")},
        {"tax-revenue", i18n::noop("Tax and revenue")},
        {"justice", i18n::noop("Justice")},
        {"utilities", i18n::noop("Utilities")},
        {"transport", i18n::noop("Transport")},
        {"employment-services", i18n::noop("Employment services")}};
    for (const auto& [k, v] : labels)
        if (s == k) return v;
    return "";
}

std::string_view coalition_stance_label(const std::string& s) {
    if (s == "founded") return i18n::noop("Unions founded it");
    if (s == "considering") return i18n::noop("Unions are considering joining");
    return i18n::noop("Unions are members");
}

}  // namespace avenir::network
