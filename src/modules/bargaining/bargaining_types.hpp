#pragma once
// The bargaining hub's records: the topic taxonomy, clauses (with their translations, source,
// facets, ladder and placeholders) and joint-governance models made of clauses.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace avenir::bargaining {

inline constexpr std::string_view kStatuses[] = {"draft", "reviewed", "published", "retired"};
inline constexpr std::string_view kKinds[] = {"model", "agreement", "framework", "law", "definition"};
inline constexpr std::string_view kLadder[] = {"preferred", "fallback", "minimum"};
inline constexpr std::string_view kMechanisms[] = {"information", "consultation", "co-determination", "ban",
                                                   "safeguard",   "joint-body",   "training-right",   "compensation"};
inline constexpr std::string_view kLifecycle[] = {"procurement", "before-deployment", "in-use", "review", "retirement"};
inline constexpr std::string_view kAccess[] = {"public", "members", "union"};
inline constexpr std::string_view kPlaceholderTypes[] = {"name", "text", "number", "date"};
inline constexpr std::string_view kLanguages[] = {"en", "fr", "es", "ar"};
inline constexpr std::string_view kSectors[] = {"health",    "social-services", "local-government", "central-government", "education",
                                                "tax-revenue", "justice",       "utilities",        "transport",          "employment-services"};

template <std::size_t N>
bool one_of(const std::string_view (&set)[N], std::string_view v) {
    for (auto s : set)
        if (s == v) return true;
    return false;
}

struct Subtopic {
    std::string slug;
    std::map<std::string, std::string> names;  // lang -> name
};

struct TopicText {
    std::string name, commentary, why;
};

struct Topic {
    std::string slug;
    int position = 0;
    std::vector<std::string> workshops;  // guide slugs
    std::vector<Subtopic> subtopics;
    std::map<std::string, TopicText> texts;  // lang -> texts

    // The texts in lang, else the English ones (always there).
    const TopicText& text_for(const std::string& lang) const;
    // A sub-topic's name in lang, else English, else its slug.
    std::string subtopic_name(const std::string& slug, const std::string& lang) const;
};

struct Placeholder {
    std::string name, type = "text", fallback;  // fallback: the default value
};

struct ClauseText {
    std::string lang, title, body, summary, why, enforcement;
    std::optional<std::string> translated_from;  // fingerprint of the source it was made from; none for the source
};

struct Clause {
    std::int64_t id = 0;
    std::string slug;
    int version = 1;
    std::string status = "draft", kind = "model", lang = "en";
    std::string topic, subtopic, family, ladder;
    std::vector<std::string> mechanisms, lifecycle, technologies, sectors, related;
    bool won = false;
    std::string legal_basis;
    std::vector<Placeholder> placeholders;
    // Source.
    std::string parties, level, country, region, sector, employer_type;
    bool hide_employer = false;
    std::string signed_on, expires_on;
    std::optional<std::int64_t> workers_covered;
    std::optional<bool> binding;
    std::string article_ref, document_url;
    // Access.
    std::string access = "public";
    std::optional<std::int64_t> union_id;
    // A model's article.
    std::string model;
    int model_position = 0;
    bool illustrative = false;
    std::optional<std::int64_t> contributor_id;
    bool credit = true;
    // A contribution: the widest access its contributor agreed to, and the reviewer's message.
    std::string consented_access = "public", review_note;
    std::int64_t created_at = 0, updated_at = 0;
    std::optional<std::int64_t> published_at;
    std::vector<ClauseText> texts;  // the authoritative language first

    const ClauseText* text(std::string_view lang) const;
    const ClauseText& source() const;  // the text in `lang`
    // The text in lang when there is one, else the authoritative text.
    const ClauseText& text_for(std::string_view lang) const;
};

struct Model {
    std::string slug;
    std::map<std::string, std::pair<std::string, std::string>> texts;  // lang -> (title, summary)
    bool illustrative = true;

    // (title, summary) in lang, else English (always there).
    const std::pair<std::string, std::string>& text_for(const std::string& lang) const;
};

// A union's proposal: clauses of the library (a ladder's rung is chosen by choosing its clause) and
// the union's own articles, in order, with the values of their blanks.
struct ProposalItem {
    std::string clause;       // a clause's slug; empty for the union's own article
    std::string title, text;  // the union's own article
    bool own() const { return clause.empty(); }
};

struct Proposal {
    std::int64_t id = 0, union_id = 0;
    std::string title, lang = "en";
    int version = 1;
    std::vector<ProposalItem> items;
    std::map<std::string, std::string> fills;  // blank name -> value
    std::int64_t created_at = 0, updated_at = 0;
};

struct ProposalVersion {
    int version = 0;
    std::int64_t saved_at = 0;
};

// A union's gap check of one of its agreements: how far it covers each topic, and where.
struct Coverage {
    std::string level;    // "full", "partial", "none" ("" not yet marked)
    std::string article;  // the agreement's article, e.g. "12.3"
};
struct GapCheck {
    std::int64_t id = 0, union_id = 0;
    std::string title;
    std::map<std::string, Coverage> coverage;  // topic slug -> coverage
    std::int64_t updated_at = 0;
};

// A rung's place on its ladder: preferred 0, fallback 1, minimum 2, none 3.
int ladder_rank(std::string_view ladder);

// A form field's id (a union, a proposal): the positive number it holds, else 0.
std::int64_t form_id(std::string_view text);

// The {{names}} a text uses, in order of first use.
std::vector<std::string> placeholders_in(std::string_view text);

// What is wrong with a clause, one line per problem naming the field (English, for content files
// and the editors' form). Trims; sorts and folds the lists.
std::vector<std::string> validate(Clause& c, const std::vector<Topic>& taxonomy);

}  // namespace avenir::bargaining
