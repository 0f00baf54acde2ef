// What readers type, parsed: words, phrases, OR, exclusions, the prefix of the last word, and
// input that is not a query at all.
#include <gtest/gtest.h>

#include "core/search/query.hpp"
#include "core/search/analyzer.hpp"

namespace avenir::search {
namespace {

TEST(LibraryQuery, ParsesWordsPhrasesAlternativesAndExclusions) {
    EXPECT_EQ(describe(parse_query("collective bargaining")), "collective bargaining*");
    EXPECT_EQ(describe(parse_query("collective bargaining ")), "collective bargaining");
    EXPECT_EQ(describe(parse_query("\"joint governance\" algorithms")), "\"joint governance\" algorithms*");
    EXPECT_EQ(describe(parse_query("telework OR télétravail -covid")), "telework OR télétravail -covid");
    EXPECT_EQ(describe(parse_query("\"unbalanced phrase")), "\"unbalanced phrase\"");
}

TEST(LibraryQuery, LoneOperatorsAndSymbolsAreNotTerms) {
    EXPECT_TRUE(parse_query("OR").empty());
    EXPECT_TRUE(parse_query(" - * ( ) : ^ ").empty());
    EXPECT_TRUE(parse_query("\"\"").empty());
    EXPECT_EQ(describe(parse_query("OR data")), "data*");
    EXPECT_EQ(describe(parse_query("data OR")), "data");
}

TEST(LibraryQuery, LongOrControlInputIsCleanedAndShortened) {
    const auto q = parse_query(std::string(10 * 1024, 'a'));
    EXPECT_TRUE(q.shortened);
    EXPECT_EQ(q.all.size(), 1u);
    EXPECT_EQ(describe(parse_query("data\x01\x02privacy")), "data privacy*");
    EXPECT_FALSE(parse_query("\xff\xfe ok").empty());
    std::string many;
    for (int i = 0; i < 40; ++i) many += "w" + std::to_string(i) + " ";
    const auto m = parse_query(many);
    EXPECT_TRUE(m.shortened);
    EXPECT_EQ(m.all.size(), SearchQuery::kMaxTerms);
}

TEST(LibraryQuery, Fts5ExpressionQuotesEveryWord) {
    EXPECT_EQ(fts5_expression(parse_query("a\"b")), "\"a\" AND \"b\"");  // the stray quote opens a phrase of one word
    EXPECT_EQ(fts5_expression(parse_query("a b")), "\"a\" AND (\"b\" OR \"b\" *)");
    EXPECT_EQ(fts5_expression(parse_query("x -y "), "facets : (\"zr1\")"), "((\"x\") AND facets : (\"zr1\")) NOT \"y\"");
}

TEST(LibraryText, StemsFoldsAndIndexesFullWordsForPrefixes) {
    EXPECT_EQ(analyze("fr", "Négociations", Analysis::Query), analyze("fr", "negociation", Analysis::Query));
    EXPECT_EQ(analyze("es", "trabajadores", Analysis::Query), analyze("es", "trabajador", Analysis::Query));
    EXPECT_EQ(analyze("en", "workers", Analysis::Query), analyze("en", "worker", Analysis::Query));
    EXPECT_EQ(analyze("en", "the workers", Analysis::Document), (std::vector<std::string>{"worker", "_workers"}));
    EXPECT_EQ(analyze("fr", "Numériq", Analysis::Prefix), std::vector<std::string>{"_numeriq"});
    EXPECT_EQ(fold("Œuvre ÉTÉ"), "oeuvre ete");
}

TEST(LibraryText, HighlightMarksMatchesInAWindow) {
    Highlight h{analyze("en", "workers", Analysis::Query), {}};
    std::string filler;
    for (int i = 0; i < 40; ++i) filler += "filler" + std::to_string(i) + " ";
    const std::string text = "An introduction. " + filler + " Many workers said the worker council helped.";
    const auto s = highlight("en", text, h, 12);
    EXPECT_NE(s.find("\x02workers\x03"), std::string::npos) << s;
    EXPECT_NE(s.find("\x02worker\x03"), std::string::npos) << s;
    EXPECT_TRUE(s.starts_with("… ")) << s;
    const auto none = highlight("en", "Nothing here matches.", h, 12);
    EXPECT_EQ(none.find('\x02'), std::string::npos);
}

}  // namespace
}  // namespace avenir::search
