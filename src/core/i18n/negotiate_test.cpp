#include "core/i18n/i18n.hpp"

#include <gtest/gtest.h>

using avenir::i18n::negotiate_language;

TEST(Negotiation, PrimarySubtagOfTheBestRange) {
    EXPECT_EQ(negotiate_language("fr-CA,fr;q=0.9,en;q=0.8"), "fr");
    EXPECT_EQ(negotiate_language("ar-EG"), "ar");
    EXPECT_EQ(negotiate_language("es-419,es;q=0.9"), "es");
    EXPECT_EQ(negotiate_language("en-US,en;q=0.9"), "en");
    EXPECT_EQ(negotiate_language("FR-be"), "fr");
    EXPECT_EQ(negotiate_language("zh-Hant-TW, ar;q=0.2"), "ar");
}

TEST(Negotiation, HighestQualityWins) {
    EXPECT_EQ(negotiate_language("en;q=0.5, es;q=0.8, fr;q=0.7"), "es");
    EXPECT_EQ(negotiate_language("de, fr;q=0.3, es;q=0.301"), "es");
    EXPECT_EQ(negotiate_language("en;q=0.1,ar"), "ar");
    EXPECT_EQ(negotiate_language("fr;Q=0.4, es;q=0.2"), "fr");  // "q" is case-insensitive
}

TEST(Negotiation, TiesGoToTheFirstRange) {
    EXPECT_EQ(negotiate_language("es;q=0.8, fr;q=0.8"), "es");
    EXPECT_EQ(negotiate_language("ar, fr"), "ar");
    EXPECT_EQ(negotiate_language("fr;q=0.5, *;q=0.5"), "fr");
}

TEST(Negotiation, SeveralRangesForOneLanguageKeepTheBest) {
    EXPECT_EQ(negotiate_language("fr-CA;q=0, fr;q=0.9, en;q=0.5"), "fr");
    EXPECT_EQ(negotiate_language("es;q=0.2, fr;q=0.5, es-MX;q=0.9"), "es");
}

TEST(Negotiation, Wildcard) {
    EXPECT_EQ(negotiate_language("*"), "en");
    EXPECT_EQ(negotiate_language("de, *;q=0.5"), "en");
    EXPECT_EQ(negotiate_language("en;q=0, *"), "fr");                  // every language but English
    EXPECT_EQ(negotiate_language("en;q=0, fr;q=0, *;q=0.1"), "es");
    EXPECT_EQ(negotiate_language("fr;q=0.1, *"), "en");                // a named language keeps its own q
    EXPECT_EQ(negotiate_language("*;q=0, ar;q=0.1"), "ar");
}

TEST(Negotiation, ZeroRefuses) {
    EXPECT_EQ(negotiate_language("es;q=0"), "en");
    EXPECT_EQ(negotiate_language("fr;q=0.000, ar;q=0.001"), "ar");
    EXPECT_EQ(negotiate_language("*;q=0"), "en");
    EXPECT_EQ(negotiate_language("en;q=0, fr;q=0, es;q=0, ar;q=0"), "en");  // nothing acceptable: the default
}

TEST(Negotiation, NothingOfOursIsEnglish) {
    EXPECT_EQ(negotiate_language(""), "en");
    EXPECT_EQ(negotiate_language("de-DE,de;q=0.9"), "en");
    EXPECT_EQ(negotiate_language("  ,  , "), "en");
}

TEST(Negotiation, ToleratesWhitespaceAndEmptyElements) {
    EXPECT_EQ(negotiate_language(" fr ; q=0.4 ,\tes ;q=0.6 "), "es");
    EXPECT_EQ(negotiate_language(",,ar,"), "ar");
    EXPECT_EQ(negotiate_language("fr;"), "fr");
}

TEST(Negotiation, MalformedElementsAreSkipped) {
    EXPECT_EQ(negotiate_language("fr;q=abc, es;q=0.5"), "es");
    EXPECT_EQ(negotiate_language("fr;q=1.5, es;q=0.5"), "es");    // above 1
    EXPECT_EQ(negotiate_language("fr;q=1.001, es;q=0.5"), "es");
    EXPECT_EQ(negotiate_language("fr;q=0.1234, es;q=0.5"), "es"); // four decimals
    EXPECT_EQ(negotiate_language("fr;q=-1, es;q=0.5"), "es");
    EXPECT_EQ(negotiate_language("fr;q=.5, es;q=0.4"), "es");
    EXPECT_EQ(negotiate_language("fr;q = 0.9, es;q=0.4"), "es");  // no spaces around '='
    EXPECT_EQ(negotiate_language("fr;level=1, es;q=0.4"), "es");  // only a weight is allowed
    EXPECT_EQ(negotiate_language("fr;q=0.9;q=0.8, es;q=0.4"), "es");
    EXPECT_EQ(negotiate_language("f r, es;q=0.4"), "es");
    EXPECT_EQ(negotiate_language("fr_FR, es;q=0.4"), "es");
    EXPECT_EQ(negotiate_language("frenchlanguage, es;q=0.4"), "es");  // more than 8 letters
    EXPECT_EQ(negotiate_language("1fr, es;q=0.4"), "es");
    EXPECT_EQ(negotiate_language("fr-, es;q=0.4"), "es");
    EXPECT_EQ(negotiate_language("-fr, es;q=0.4"), "es");
    EXPECT_EQ(negotiate_language("fr--CA, es;q=0.4"), "es");
    EXPECT_EQ(negotiate_language("fr\xC3\xA9, es;q=0.4"), "es");
    EXPECT_EQ(negotiate_language("\x01\x02;;;==,,"), "en");
    EXPECT_EQ(negotiate_language(std::string(10000, ';')), "en");
}

TEST(Negotiation, QualityValuesAreExact) {
    EXPECT_EQ(negotiate_language("fr;q=1.000, es;q=1"), "fr");
    EXPECT_EQ(negotiate_language("fr;q=1., es;q=0.999"), "fr");
    EXPECT_EQ(negotiate_language("fr;q=0.99, es;q=0.991"), "es");
    EXPECT_EQ(negotiate_language("fr;q=0., es;q=0.001"), "es");
}
