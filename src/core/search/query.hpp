#pragma once
// What a reader types in the search box, parsed once into a small query model that both backends
// translate: words (all must match), "quoted phrases", OR between two terms, -word to exclude, and
// a prefix match on the last word while it is being typed. Anything else (stray quotes, lone
// operators, brackets, control characters) is read as plain words, so no input is an error.
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/search/analyzer.hpp"

namespace avenir::search {

struct Term {
    std::vector<std::string> words;  // as typed, split into words; more than one for a phrase
    bool phrase = false;
    bool prefix = false;  // last word of the query, typed without a trailing space
};

struct SearchQuery {
    std::vector<std::vector<Term>> all;  // every group must match; a group matches when one of its terms does
    std::vector<Term> none;              // no term may match
    bool shortened = false;              // the input was longer than kMaxLength (or had too many terms)
    bool empty() const { return all.empty(); }

    static constexpr std::size_t kMaxLength = 200;  // bytes considered
    static constexpr std::size_t kMaxTerms = 12;
};

SearchQuery parse_query(std::string_view input);
// The FTS5 MATCH expression for the query (words quoted: never an FTS5 syntax error), ANDed with
// `also` (an FTS5 expression, e.g. a facet filter) when not empty.
std::string fts5_expression(const SearchQuery& q, std::string_view also = {});
// A string as an FTS5 string literal ("..." with inner quotes doubled).
std::string fts5_quote(std::string_view text);
// A canonical text of the query ("a b" c OR d -e), for display and tests.
std::string describe(const SearchQuery& q);

// The full words ('_'-prefixed folded forms, as indexed) of a language that start with raw (a
// prefix term from analyze(..., Analysis::Prefix)): an index's own vocabulary, so that the word
// being typed is matched as a few exact terms rather than a prefix scan of the index.
using Expand = std::function<std::vector<std::string>(std::string_view lang, const std::string& raw)>;

// The FTS5 MATCH expression for one language's index (tokenizer "avenir <lang>"), or "" when
// nothing of the query is searchable in that language (only its stop words). Terms made only of
// stop words are left out rather than matching nothing; the last word, when it may be unfinished,
// becomes the word itself OR the full words that start with it. `also` (e.g. facet tokens) is
// ANDed.
std::string fts5_match(const SearchQuery& q, std::string_view lang, const Expand& expand, const std::string& also = {});
// The same query as PostgreSQL tsquery input (cast with ::tsquery), built from the same tokens,
// for a tsvector made by tsvector_text(); "" when nothing is searchable in that language.
std::string tsquery_text(const SearchQuery& q, std::string_view lang, const Expand& expand);
// The PostgreSQL condition for rows holding one language each (alias.lang, alias.tsv): each row
// matches the query analysed for its own language. `per_lang` is empty when no language has
// anything to look for; `rank` is the tsquery to rank with (all languages'). The tsqueries are appended to
// params (the caller's placeholders continue after them).
struct PgMatch {
    std::vector<std::string> per_lang;  // "alias.lang = 'xx' AND alias.tsv @@ $n::tsquery", one per language
    std::string rank;
    std::string cond() const {
        std::string out;
        for (const auto& c : per_lang) out += (out.empty() ? "(" : " OR (") + c + ")";
        return out;
    }
};
template <class Params, class Langs>
PgMatch pg_match(const SearchQuery& q, const Langs& langs, const Expand& expand, std::string_view alias, Params& params) {
    PgMatch m;
    for (std::string_view lang : langs) {
        std::string e = tsquery_text(q, lang, expand);
        if (e.empty()) continue;
        params.emplace_back(std::move(e));
        const std::string tq = "$" + std::to_string(params.size()) + "::tsquery";
        m.per_lang.push_back(std::string(alias) + ".lang = '" + std::string(lang) + "' AND " + std::string(alias) + ".tsv @@ " + tq);
        m.rank += (m.rank.empty() ? "" : " || ") + tq;
    }
    return m;
}
// The stems and prefixes to highlight in a text of lang (the words searched for, not those excluded).
Highlight highlight_terms(const SearchQuery& q, std::string_view lang);

}  // namespace avenir::search
