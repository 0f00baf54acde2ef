#pragma once
// Text analysis for library search on SQLite: words are split on Unicode letters and digits,
// lower-cased, stop words dropped, stemmed with the Snowball stemmer of the text's language
// (libstemmer) and folded to remove accents ("négociations" -> "negoci"). Each word is indexed
// twice at the same position: its stem (for matching) and its folded full form prefixed with '_'
// (for prefix matching of the last word typed: "negociati*" -> "_negociati*").
#include <string>
#include <string_view>
#include <vector>

namespace avenir::library {

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
// Markdown without its markup characters, for excerpts.
std::string plain_text(std::string_view markdown);

}  // namespace avenir::library
