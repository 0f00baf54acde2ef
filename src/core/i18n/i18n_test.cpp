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

TEST(I18n, SourceFingerprintIsShortStableHex) {
    const std::string f = source_fingerprint("Workers and digitalisation");
    EXPECT_EQ(f.size(), 16u);
    EXPECT_EQ(f.find_first_not_of("0123456789abcdef"), std::string::npos);
    EXPECT_EQ(f, source_fingerprint("Workers and digitalisation"));
    EXPECT_NE(f, source_fingerprint("Workers and digitalization"));
    // First 8 bytes of BLAKE2b-256 (pinned: fingerprints are stored in databases).
    EXPECT_EQ(source_fingerprint(""), "0e5751c026e543b2");
    EXPECT_EQ(source_fingerprint("abc"), "bddd813c63423972");
}

TEST(I18n, SourceFingerprintIgnoresLineEndingsAndOuterWhitespace) {
    const std::string f = source_fingerprint("# Title\n\nBody text.");
    EXPECT_EQ(source_fingerprint("# Title\r\n\r\nBody text.\r\n"), f);
    EXPECT_EQ(source_fingerprint("# Title\r\rBody text."), f);
    EXPECT_EQ(source_fingerprint("  \n# Title\n\nBody text.\n\n"), f);
    EXPECT_NE(source_fingerprint("# Title\nBody text."), f);
    EXPECT_NE(source_fingerprint("# Title\n\nBody  text."), f);
    EXPECT_EQ(source_fingerprint(" \t\r\n"), source_fingerprint(""));
}

TEST(I18n, TranslationState) {
    const std::string source = "Seven themes, three groups.";
    const std::string made_from = source_fingerprint(source);
    EXPECT_EQ(translation_state(source, made_from, true), TranslationState::Complete);
    EXPECT_EQ(translation_state(source + "\n", made_from, true), TranslationState::Complete);
    EXPECT_EQ(translation_state("Eight themes, three groups.", made_from, true), TranslationState::Outdated);
    EXPECT_EQ(translation_state(source, std::nullopt, true), TranslationState::Outdated);
    EXPECT_EQ(translation_state(source, std::string_view(), true), TranslationState::Outdated);
    EXPECT_EQ(translation_state(source, made_from, false), TranslationState::Missing);
    EXPECT_EQ(translation_state(source, std::nullopt, false), TranslationState::Missing);
}

TEST(I18n, ArabicLocaleAsksForWesternDigits) {
    EXPECT_EQ(find_language("ar")->locale, "ar_EG.UTF-8@numbers=latn");
}

#include <boost/locale/generator.hpp>

#include "core/i18n/message.hpp"

TEST(Message, FillsNumberedPlaceholdersInOnePass) {
    const std::locale loc = boost::locale::generator()("fr_FR.UTF-8");
    EXPECT_EQ(avenir::i18n::fill(loc, "{1} sessions of {2} hours", 3, 2), "3 sessions of 2 hours");
    // A translator may reorder placeholders.
    EXPECT_EQ(avenir::i18n::fill(loc, "{2} heures, {1} séances", 3, 2), "2 heures, 3 séances");
    // A value is never read as a pattern.
    EXPECT_EQ(avenir::i18n::fill(loc, "Only {1} here", std::string("x{2}y"), std::string("z")), "Only x{2}y here");
}

TEST(Message, ATranslationWithoutAPlaceholderKeepsItsText) {
    const std::locale loc = boost::locale::generator()("fr_FR.UTF-8");
    // The value is left out; nothing of the sentence is lost or doubled.
    EXPECT_EQ(avenir::i18n::fill(loc, "Ce fichier dépasse la taille maximale autorisée.", std::string("50 MB")),
              "Ce fichier dépasse la taille maximale autorisée.");
    // A placeholder no value fills is left empty rather than printed raw.
    EXPECT_EQ(avenir::i18n::fill(loc, "Limite : {1} ({2})", std::string("50 MB")), "Limite : 50 MB ()");
}
