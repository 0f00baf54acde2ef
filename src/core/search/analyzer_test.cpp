// The analyser's promises, as pairs of spellings that must (or must not) reach the same index
// term: accents typed or not, elisions, Arabic clitics, plurals and spelling variants. The store
// suites check the same through real searches on both databases.
#include "core/search/analyzer.hpp"

#include <gtest/gtest.h>

#include "core/search/query.hpp"

namespace avenir::search {
namespace {

std::vector<std::string> stems(std::string_view lang, std::string_view text) { return analyze(lang, text, Analysis::Query); }

struct Pair {
    const char* lang;
    const char* a;
    const char* b;
    bool same;
};

const Pair kPairs[] = {
    {"es", "negociación", "negociacion", true},
    {"es", "negociacion", "negociaciones", true},
    {"es", "tecnologia", "tecnologías", true},
    {"fr", "négociée", "negociee", true},
    {"fr", "négociés", "negocies", true},
    {"fr", "sécurité", "securites", true},
    {"fr", "première", "premieres", true},
    {"en", "workers", "worker", true},
    {"ar", "وللنقابات", "النقابة", true},       // and + for the ... plural / the ... singular
    {"ar", "بالتكنولوجيا", "تكنولوجيا", true},
    {"ar", "فالحقوق", "الحقوق", true},
    {"ar", "كالعادة", "عادة", true},
    {"ar", "الموظفون", "الموظفين", true},
    {"ar", "أنظمة", "انظمه", true},             // hamza on alef, ta marbuta / ha
    {"ar", "إدارة", "ادارة", true},
    {"ar", "مستوى", "مستوي", true},             // alef maqsura / ya
    {"ar", "الرَّقْمِيَّة", "الرقمية", true},      // diacritics
    {"ar", "الرقـــمية", "الرقمية", true},       // tatweel
    {"ar", "حماية", "رقمية", false},
    {"es", "negociación", "información", false},
};

TEST(SearchAnalyzer, SpellingsMeetTheirIndexTerms) {
    for (const auto& p : kPairs) {
        const auto a = stems(p.lang, p.a), b = stems(p.lang, p.b);
        ASSERT_EQ(a.size(), 1u) << p.a;
        ASSERT_EQ(b.size(), 1u) << p.b;
        if (p.same) EXPECT_EQ(a, b) << p.lang << ": " << p.a << " / " << p.b;
        else EXPECT_NE(a, b) << p.lang << ": " << p.a << " / " << p.b;
    }
}

TEST(SearchAnalyzer, ElisionsAndStopWordsFallAway) {
    EXPECT_EQ(stems("fr", "l'atelier"), stems("fr", "atelier"));
    EXPECT_EQ(stems("fr", "l\u2019atelier"), stems("fr", "atelier"));
    EXPECT_EQ(stems("fr", "qu'aucun"), stems("fr", "aucun"));
    EXPECT_EQ(stems("fr", "d'une"), std::vector<std::string>{});
    EXPECT_EQ(stems("ar", "الى"), std::vector<std::string>{});  // "إلى" typed without hamza is still a stop word
}

TEST(SearchAnalyzer, DocumentsCarryTheFullWordBesideTheStem) {
    EXPECT_EQ(analyze("es", "Negociación", Analysis::Document), (std::vector<std::string>{"negoci", "_negociacion"}));
    EXPECT_EQ(analyze("ar", "المفاوضة", Analysis::Prefix), std::vector<std::string>{"_المفاوضه"});
}

TEST(SearchAnalyzer, PostgresTextsCarryTheSameTokens) {
    EXPECT_EQ(tsvector_text("fr", {{"Négociée", 'A'}, {"l'atelier", 'C'}}), "'_atelier':102C '_negociee':1A 'ateli':102C 'negoci':1A");
    EXPECT_EQ(pg_lexeme("it's"), "'it''s'");
    const Expand none = [](std::string_view, const std::string&) { return std::vector<std::string>{}; };
    EXPECT_EQ(tsquery_text(parse_query("\"atelier négocié\" -sanction "), "fr", none), "(('ateli' <-> 'negoc')) & !'sanction'");
    EXPECT_EQ(tsquery_text(parse_query("la les "), "fr", none), "");  // stop words only
}

TEST(SearchAnalyzer, TitlesAreMarkedWholeExcerptsAreCut) {
    const Highlight h = highlight_terms(parse_query("déconnexion "), "fr");
    const std::string title = "Télétravail, temps de travail et droit à la déconnexion en Afrique de l'Ouest";
    EXPECT_EQ(mark("fr", title, h), "Télétravail, temps de travail et droit à la \x02" "déconnexion\x03 en Afrique de l'Ouest");
    EXPECT_TRUE(highlight("fr", title, h, 4).starts_with("… "));
    // Arabic: the marked word carries its article; the query its preposition.
    const Highlight ar = highlight_terms(parse_query("للبيانات "), "ar");
    EXPECT_EQ(mark("ar", "قوانين حماية البيانات", ar), "قوانين حماية \x02البيانات\x03");
}

}  // namespace
}  // namespace avenir::search
