#pragma once
// The network module's records: practice cases (the practice exchange).
#include <cstdint>
#include <map>
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
    std::vector<std::string> workshops;  // guide slugs
    std::vector<std::string> links;      // library resources, bargaining clauses, coalitions (paths)
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

// A union's part in a coalition.
struct CoalitionUnion {
    std::int64_t coalition_id = 0, union_id = 0;
    std::string stance;  // kStances
    std::string why;
    std::int64_t updated_at = 0;
};

// What is wrong with a coalition (English, naming the field); empty when it may be stored.
std::vector<std::string> validate(const Coalition& c);

// An application to become a Digital Rights Organiser of a region.
struct Application {
    std::int64_t id = 0, user_id = 0;
    std::optional<std::int64_t> union_id;
    std::string union_name, region;
    std::vector<std::string> languages;  // codes ("en", "pt")
    std::string experience, motivation;
    std::string lang = "en";            // the language of the page it was sent from
    std::string state = "pending";      // pending, approved, declined
    std::string message;                // the coordinator's
    std::optional<std::int64_t> decided_by, cycle_id;
    std::int64_t created_at = 0, decided_at = 0;
};
// Trims; returns msgids of what to fix (region checked by the caller against the reference).
std::vector<std::string> validate(Application& a);

// A DRO's or coordinator's profile on the hubs of their regions.
struct Profile {
    std::int64_t user_id = 0;
    std::vector<std::string> languages, sectors;  // codes; kSectors
    std::string skills, help;
    std::string visibility = "members";  // public, members, hub
    std::int64_t updated_at = 0;
    bool digest = true;  // the daily digest of new questions in their hubs
};

// A question asked in a region's hub, and its answers.
struct Answer {
    std::int64_t id = 0, question_id = 0;
    std::optional<std::int64_t> author_id;
    std::string body;
    std::int64_t created_at = 0;
};
struct Question {
    std::int64_t id = 0;
    std::string region;
    std::optional<std::int64_t> author_id;
    std::string lang = "en", title, body;
    std::vector<std::string> links;       // "/network/practices/12", "/bargaining/clauses/notice-period"
    std::string visibility = "members";  // public, members
    std::optional<std::int64_t> helpful_answer_id;
    std::int64_t created_at = 0;
    int answer_count = 0;                 // filled by listings
    std::vector<Answer> answers;          // filled by one question's read
};
inline constexpr std::string_view kQuestionVisibilities[] = {"public", "members"};
// Trims; links reduced to their paths (an address of this platform, with or without its host and
// language: practice cases and bargaining clauses); returns msgids of what to fix.
std::vector<std::string> validate(Question& q);
// "/network/practices/12" from "https://host/fr/network/practices/12?x#y", "/fr/network/..." or the
// path itself; "" when it opens none of: a practice case, a coalition, a library resource, a
// bargaining clause.
std::string link_path(std::string link);
// Links reduced to their paths, sorted, once each; false when one opens nothing of the above.
bool normalise_links(std::vector<std::string>& links);
// The practice case a link opens (0 when it is another kind of link).
std::int64_t case_of_link(const std::string& path);
// Trims; returns msgids of what to fix.
std::vector<std::string> validate(Profile& p);

// A region's hub as shipped (content/network/hubs.toml) or edited.
struct Hub {
    std::string region, contact;
    std::map<std::string, std::string> intro;  // lang -> text
};

// Trims; returns msgids of what to fix.
std::vector<std::string> validate(Hub& h);

// A session run for colleagues by someone who completed a training cycle.
struct CascadeSession {
    std::int64_t id = 0;
    std::optional<std::int64_t> user_id;
    std::int64_t cycle_id = 0;
    std::string held_on;  // YYYY-MM-DD
    std::string workshop;
    int theme = 0;        // 1..7
    std::string lang;
    int people = 0;
    std::string union_name, region;
};
// Trims; returns msgids of what to fix (the workshop, region and cycle are checked by the caller).
std::vector<std::string> validate(CascadeSession& s);

// The multiplier: people reached by the cascade per person trained.
struct CascadeTotal {
    std::string region;
    int theme = 0;
    int sessions = 0, people = 0;
};
struct MultiplierRow {
    std::string region;
    int theme = 0;       // 0: the region's total over every theme
    int sessions = 0, people = 0, trained = 0;
    double multiplier = 0;  // people / trained, 0 when nobody was trained
};
// One row per region (theme 0, every region that trained someone or ran a session), followed by
// its themes, in the order of `regions`.
std::vector<MultiplierRow> multiplier_rows(const std::vector<CascadeTotal>& totals, const std::map<std::string, int>& trained,
                                           const std::vector<std::string>& regions);

// Interface labels (msgids) of the values above.
std::string_view practice_label(const std::string& p);
std::string_view employer_type_label(const std::string& t);
std::string_view visibility_label(const std::string& v);
std::string_view sector_label(const std::string& s);
std::string_view coalition_stance_label(const std::string& s);

// What is wrong with a case as typed (msgids, one per problem); empty when it may be stored.
// Normalises on the way: trims, folds tags to lower case, sorts and de-duplicates lists.
std::vector<std::string> validate(Case& c);

// A tag as stored: trimmed, lower case (ASCII), inner spaces as hyphens.
std::string fold_tag(std::string_view tag);

}  // namespace avenir::network
