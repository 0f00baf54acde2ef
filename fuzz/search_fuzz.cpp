// libFuzzer target for the search service's handling of outside input: the query parser, the
// analysers of the four languages (document, query and prefix analysis), the FTS5 and tsquery
// texts built from a query, the highlighter and the PostgreSQL tsvector text. Built by `make fuzz`.
// The first input byte picks the language and splits the rest into a query and a document.
// Beyond sanitizer findings it checks what the databases rely on: an FTS5 MATCH text has balanced
// double quotes, and a tsvector or tsquery text has balanced single quotes.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/search/analyzer.hpp"
#include "core/search/query.hpp"

using namespace avenir::search;

namespace {

// Quotes are doubled inside FTS5 strings ("") and PostgreSQL lexemes (''), so a well-formed text
// has an even number of them.
void require_even(const std::string& text, char quote) {
    std::size_t n = 0;
    for (char c : text) n += c == quote;
    if (n % 2 != 0) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    static constexpr std::string_view kLangs[] = {"en", "fr", "es", "ar"};
    const std::string_view lang = kLangs[data[0] % 4];
    const std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);
    const std::size_t cut = std::min(rest.size(), static_cast<std::size_t>(data[0] >> 2) * 4);
    const std::string_view query_text = rest.substr(0, cut), document = rest.substr(cut);

    const SearchQuery q = parse_query(query_text);
    const Expand expand = [](std::string_view, const std::string& raw) { return std::vector<std::string>{raw + "x"}; };
    require_even(fts5_match(q, lang, expand, "facets : (\"zr1\")"), '"');
    require_even(tsquery_text(q, lang, expand), '\'');
    const Highlight h = highlight_terms(q, lang);
    for (auto mode : {Analysis::Document, Analysis::Query, Analysis::Prefix}) analyze(lang, document, mode);
    highlight(lang, document, h);
    mark(lang, document, h);
    plain_text(document);
    require_even(tsvector_text(lang, {{document, 'A'}, {query_text, 'C'}}), '\'');
    return 0;
}
