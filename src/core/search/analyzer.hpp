#pragma once
// Text analysis for the platform's search, the same on SQLite and PostgreSQL: words are split on
// Unicode letters and digits (an apostrophe splits, so French elisions "l'", "d'", "qu'" fall away
// as stop words), folded (lower case, no accents; Arabic: no diacritics or tatweel, one alef, ya
// for alef maqsura, ha for ta marbuta), stop words dropped, then stemmed: Snowball (libstemmer) for
// English, French and Spanish on the word's canonical spelling, light stemming for Arabic
// ("négociations" -> "negoci", "negociacion" -> "negoci", "وللنقابات" -> "نقاب"). Each word is
// indexed twice at the same position: its stem (for matching) and its folded full form prefixed
// with '_' (for the word being typed: "negociati" -> "_negociation", "_negociations", ...).
#include <string>
#include <string_view>
#include <vector>

namespace avenir::search {

// Registers the FTS5 tokenizer "avenir" (argument: en|fr|es|ar) on every SQLite connection
// opened afterwards in this process. Idempotent. Call before opening the database.
void install_sqlite_search();

enum class Analysis { Document, Query, Prefix };
// A query string starting with this character is one exact index term (see the store's prefix
// expansion), e.g. "\x1f_workers".
inline constexpr char kExactTerm = '\x1f';
// The tokens the tokenizer emits for text (for tests and for the PostgreSQL prefix terms).
std::vector<std::string> analyze(std::string_view lang, std::string_view text, Analysis mode);
// Lower-cased and accent-free ("Numérique" -> "numerique").
std::string fold(std::string_view word);
// The words of text as the tokenizer splits them (before stop words and stemming).
std::vector<std::string> split_words(std::string_view text);

// What a highlighter looks for: stems (in the text's language) and folded prefixes.
struct Highlight {
    std::vector<std::string> stems;
    std::vector<std::string> prefixes;
};
// Marks the words of text that match with \x02 ... \x03 and returns a window of about max_words
// words around the densest run of matches (the start of the text when nothing matches), with
// "…" where it was cut. The same on both backends.
std::string highlight(std::string_view lang, std::string_view text, const Highlight& h, std::size_t max_words = 32);
// The whole text with every matching word marked the same way (titles: short, never cut).
std::string mark(std::string_view lang, std::string_view text, const Highlight& h);
// Markdown without its markup characters, for excerpts.
std::string plain_text(std::string_view markdown);

}  // namespace avenir::search

namespace avenir::search {

// A field of a document for the PostgreSQL index, with its weight class ('A' highest .. 'D').
struct Field {
    std::string_view text;
    char weight;
};
// The document's tsvector in PostgreSQL's input syntax ("'lexeme':1A,7A '_word':1A ..."), made of
// the very tokens the SQLite tokenizer emits for the same text (stems and '_'-prefixed folded full
// words at the same position), so both backends analyse alike by construction. Cast with
// ::tsvector. Positions run on across fields with a gap, so a phrase never spans two fields.
std::string tsvector_text(std::string_view lang, const std::vector<Field>& fields);
// A lexeme quoted for tsvector/tsquery input ('...' with quotes and backslashes escaped).
std::string pg_lexeme(std::string_view lexeme);

}  // namespace avenir::search
