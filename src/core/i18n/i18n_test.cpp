#include "core/i18n/i18n.hpp"

#include <gtest/gtest.h>

using namespace avenir::i18n;

TEST(I18n, SplitsLanguagePrefix) {
    auto s = split_lang_prefix("/fr/regions/asia-pacific");
    EXPECT_EQ(s.lang, "fr");
    EXPECT_EQ(s.rest, "/regions/asia-pacific");
    EXPECT_TRUE(s.had_prefix);
    s = split_lang_prefix("/ar");
    EXPECT_EQ(s.lang, "ar");
    EXPECT_EQ(s.rest, "/");
    s = split_lang_prefix("/regions");
    EXPECT_EQ(s.lang, "en");
    EXPECT_EQ(s.rest, "/regions");
    EXPECT_FALSE(s.had_prefix);
    s = split_lang_prefix("/frx/a");  // not a prefix
    EXPECT_EQ(s.lang, "en");
    EXPECT_EQ(s.rest, "/frx/a");
    s = split_lang_prefix("/de/");  // unknown language
    EXPECT_FALSE(s.had_prefix);
}

TEST(I18n, LocalizedPaths) {
    EXPECT_EQ(localized_path("fr", "/"), "/fr/");
    EXPECT_EQ(localized_path("es", "/contacts"), "/es/contacts");
    EXPECT_EQ(localized_path("en", "/contacts"), "/contacts");
}

TEST(I18n, ArabicIsRightToLeft) {
    EXPECT_TRUE(is_rtl("ar"));
    EXPECT_FALSE(is_rtl("fr"));
    EXPECT_FALSE(is_rtl("zz"));
}

TEST(I18n, ContentFallbackChain) {
    std::map<std::string, std::string, std::less<>> texts{{"en", "Hello"}, {"fr", "Bonjour"}};
    auto c = choose(texts, "fr");
    EXPECT_EQ(c.text, "Bonjour");
    EXPECT_FALSE(c.fallback);
    c = choose(texts, "ar");
    EXPECT_EQ(c.text, "Hello");
    EXPECT_EQ(c.lang, "en");
    EXPECT_TRUE(c.fallback);
    c = choose({{"es", "Hola"}}, "fr");
    EXPECT_EQ(c.lang, "es");
    EXPECT_TRUE(c.fallback);
}

TEST(I18n, CatalogTranslatesFromCompiledPoFiles) {
    Catalog catalog(AVENIR_LOCALE_DIR);
    EXPECT_EQ(catalog.translate("fr", "Skip to main content"), "Aller au contenu principal");
    EXPECT_EQ(catalog.translate("en", "Skip to main content"), "Skip to main content");
    EXPECT_NE(catalog.translate("ar", "Skip to main content"), "Skip to main content");
    EXPECT_EQ(catalog.translate("fr", "no such message id"), "no such message id");
}
