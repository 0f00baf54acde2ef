#pragma once
// The network module's records: practice cases (the practice exchange).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace avenir::network {

inline constexpr std::string_view kPractices[] = {"good", "bad", "mixed"};
inline constexpr std::string_view kEmployerTypes[] = {"public", "private", "outsourced"};
inline constexpr std::string_view kVisibilities[] = {"public", "members", "hub"};
inline constexpr std::string_view kStates[] = {"submitted", "changes", "published", "declined"};
inline constexpr std::string_view kSectors[] = {"health",    "social-services", "local-government", "central-government", "education",
                                                "tax-revenue", "justice",       "utilities",        "transport",          "employment-services"};
inline constexpr std::string_view kCaseLanguages[] = {"en", "fr", "es", "ar"};

template <std::size_t N>
bool one_of(const std::string_view (&set)[N], std::string_view v) {
    for (auto s : set)
        if (s == v) return true;
    return false;
}

// One language's texts of a case.
struct CaseText {
    std::string lang, title, happened, union_action, outcome, lessons;
};

struct Case {
    std::int64_t id = 0;
    std::string slug;  // shipped cases only
    std::string state = "submitted";
    std::string practice = "good";
    std::string country, region, sector;
    std::string employer_type = "public";
    std::string employer;
    bool hide_employer = false;
    std::string supplier, product;
    std::vector<std::string> technologies;  // lower-case tags
    std::vector<int> themes;                // 1..7
    std::vector<std::string> workshops;     // guide slugs
    int year = 2026;
    std::string visibility = "public";
    std::string lang = "en";  // written in
    bool illustrative = false;
    std::optional<std::int64_t> author_id, moderator_id;
    std::string moderation_message;
    std::int64_t submitted_at = 0, updated_at = 0;
    std::optional<std::int64_t> decided_at;
    std::vector<CaseText> texts;  // at least the one in `lang`

    // The texts for a reader of lang: that language, else the case's own, else the first.
    const CaseText& text_for(std::string_view reader_lang) const;
};

inline constexpr std::string_view kStances[] = {"member", "considering", "founded"};

struct CoalitionText {
    std::string lang, name, scope, why;
};

struct Coalition {
    std::int64_t id = 0;
    std::string slug;
    std::vector<std::string> regions;
    std::vector<int> themes;
    std::vector<std::string> partners;
    std::string contact, stance = "member";
    bool illustrative = false;
    std::int64_t updated_at = 0;
    std::vector<CoalitionText> texts;
    const CoalitionText& text_for(std::string_view lang) const;
};

// What is wrong with a coalition (English, naming the field); empty when it may be stored.
std::vector<std::string> validate(const Coalition& c);

// What is wrong with a case as typed (msgids, one per problem); empty when it may be stored.
// Normalises on the way: trims, folds tags to lower case, sorts and de-duplicates lists.
std::vector<std::string> validate(Case& c);

// A tag as stored: trimmed, lower case (ASCII), inner spaces as hyphens.
std::string fold_tag(std::string_view tag);

}  // namespace avenir::network
