#include "modules/library/library_types.hpp"

#include <algorithm>
#include <charconv>
#include <set>

namespace avenir::library {
namespace {

template <class Range>
bool contains(const Range& r, std::string_view v) {
    return std::find(std::begin(r), std::end(r), v) != std::end(r);
}

bool valid_date(std::string_view d) {
    if (d.size() != 10 || d[4] != '-' || d[7] != '-') return false;
    int y = 0, m = 0, day = 0;
    if (std::from_chars(d.data(), d.data() + 4, y).ec != std::errc{} || std::from_chars(d.data() + 5, d.data() + 7, m).ec != std::errc{} ||
        std::from_chars(d.data() + 8, d.data() + 10, day).ec != std::errc{})
        return false;
    static constexpr int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return y >= 1900 && y <= 2100 && m >= 1 && m <= 12 && day >= 1 && day <= days[m - 1] &&
           !(m == 2 && day == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0));
}

bool valid_url(std::string_view u) {
    if (!(u.starts_with("https://") || u.starts_with("http://"))) return false;
    if (u.size() > 2000) return false;
    return std::none_of(u.begin(), u.end(), [](char c) { return static_cast<unsigned char>(c) <= 0x20 || c == '"' || c == '<' || c == '>'; });
}

template <class T>
void sort_unique(std::vector<T>& v) {
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
}

std::string trim(std::string s) {
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return {};
    return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

}  // namespace

bool is_language(std::string_view lang) { return contains(kLanguages, lang); }
bool is_type(std::string_view type) { return contains(kTypes, type); }
bool is_region(std::string_view region) { return contains(kRegions, region); }
bool is_audience(std::string_view audience) { return contains(kAudiences, audience); }

std::optional<int> theme_number(std::string_view s) {
    for (std::size_t i = 0; i < std::size(kThemes); ++i)
        if (kThemes[i] == s) return static_cast<int>(i) + 1;
    int n = 0;
    if (!s.empty() && std::from_chars(s.data(), s.data() + s.size(), n).ptr == s.data() + s.size() && n >= 1 &&
        n <= static_cast<int>(std::size(kThemes)))
        return n;
    return std::nullopt;
}

std::string_view theme_key(int number) {
    return number >= 1 && number <= static_cast<int>(std::size(kThemes)) ? kThemes[number - 1] : std::string_view{};
}

const Version* Resource::version(std::string_view lang) const {
    for (const auto& v : versions)
        if (v.lang == lang) return &v;
    return nullptr;
}

const Version& Resource::best_version(std::string_view lang) const {
    if (const Version* v = version(lang)) return *v;
    if (const Version* v = version("en")) return *v;
    return versions.at(0);
}

int Resource::year() const {
    int y = 0;
    if (date.size() >= 4) std::from_chars(date.data(), date.data() + 4, y);
    return y;
}

std::vector<std::string> validate(Resource& r) {
    std::vector<std::string> problems;
    // NUL never belongs in text (and PostgreSQL refuses it): drop it from everything typed.
    auto no_nul = [](std::string& s) { std::erase(s, '\0'); };
    for (auto* s : {&r.type, &r.date, &r.publisher, &r.licence, &r.url}) no_nul(*s);
    for (auto& s : r.regions) no_nul(s);
    for (auto& s : r.audiences) no_nul(s);
    for (auto& v : r.versions)
        for (auto* s : {&v.lang, &v.title, &v.summary, &v.body_md, &v.transcript, &v.url}) no_nul(*s);
    if (!is_type(r.type)) problems.push_back("type: \"" + r.type + "\" is not a resource type (publication, guide, slides, recording, audio, article, law-policy, collective-agreement)");
    for (const auto& region : r.regions)
        if (!is_region(region)) problems.push_back("regions: \"" + region.substr(0, 40) + "\" is not a region (global, north-america, europe-caribbean, asia-pacific, latin-america, africa-mena)");
    if (r.regions.empty()) problems.push_back("regions: give at least one region, or \"global\"");
    for (int t : r.themes)
        if (t < 1 || t > static_cast<int>(std::size(kThemes))) problems.push_back("themes: " + std::to_string(t) + " is not a theme (1 to 7)");
    for (const auto& a : r.audiences)
        if (!is_audience(a))
            problems.push_back("audiences: \"" + a.substr(0, 40) + "\" is not an audience (union-leaders, organisers, stewards, union-staff, negotiators, trainers, members, public)");
    if (!valid_date(r.date)) problems.push_back("date: \"" + r.date + "\" is not a date written YYYY-MM-DD");
    r.publisher = trim(r.publisher);
    r.licence = trim(r.licence);
    r.url = trim(r.url);
    if (r.publisher.size() > 300) problems.push_back("publisher: at most 300 characters");
    if (r.licence.size() > 200) problems.push_back("licence: at most 200 characters");
    if (!r.url.empty() && !valid_url(r.url)) problems.push_back("url: \"" + r.url.substr(0, 80) + "\" is not an http(s) address");
    if (r.duration_seconds < 0 || r.duration_seconds > 100 * 3600) problems.push_back("duration: between 0 and 100 hours");
    if (r.access != "public" && r.access != "members" && r.access != "gated")
        problems.push_back("access: \"" + r.access.substr(0, 40) + "\" is not an access (public, members, gated)");
    if ((r.access == "gated") != !r.gate.empty()) problems.push_back("gate: a gated resource names its gate, and only a gated one");
    if (r.gate.size() > 100) problems.push_back("gate: at most 100 characters");
    if (r.versions.empty()) problems.push_back("versions: a resource needs at least one language version with a title");
    std::set<std::string> langs;
    for (auto& v : r.versions) {
        v.title = trim(v.title);
        v.summary = trim(v.summary);
        v.url = trim(v.url);
        const std::string where = "[" + v.lang + "] ";
        if (!is_language(v.lang)) problems.push_back("lang: \"" + v.lang + "\" is not a library language (en, fr, es, ar)");
        else if (!langs.insert(v.lang).second) problems.push_back(where + "lang: two versions in the same language");
        if (v.title.empty()) problems.push_back(where + "title: required");
        if (v.title.size() > 500) problems.push_back(where + "title: at most 500 characters");
        if (v.summary.size() > 4000) problems.push_back(where + "summary: at most 4,000 characters");
        if (v.body_md.size() > 200000) problems.push_back(where + "body: at most 200,000 characters");
        if (v.transcript.size() > 500000) problems.push_back(where + "transcript: at most 500,000 characters");
        if (!v.url.empty() && !valid_url(v.url)) problems.push_back(where + "url: \"" + v.url.substr(0, 80) + "\" is not an http(s) address");
    }
    sort_unique(r.regions);
    sort_unique(r.themes);
    sort_unique(r.audiences);
    return problems;
}

}  // namespace avenir::library
