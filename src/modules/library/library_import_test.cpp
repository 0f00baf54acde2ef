#include "modules/library/library_import.hpp"

#include <gtest/gtest.h>

#include <sstream>

using namespace avenir::library;

namespace {

const std::string kGood =
    R"({"title": "Algorithmic management in local government", "summary": "What stewards can ask for.", )"
    R"("body": "## Context\nShift apps decide who works when.", "lang": "en", "regions": ["europe-caribbean", "africa-mena"], )"
    R"("themes": ["data-ai", 4], "type": "guide", "date": "2023-05-17", "publisher": "Union of Municipal Workers", )"
    R"("url": "https://example.org/guide.pdf", "licence": "CC BY 4.0", "audiences": ["stewards", "negotiators"], "key": true})";

std::string error_of(std::string_view line) {
    auto r = parse_import_line(line);
    if (auto* e = std::get_if<std::string>(&r)) return *e;
    return "(no error)";
}

Resource resource_of(std::string_view line) {
    auto r = parse_import_line(line);
    if (auto* e = std::get_if<std::string>(&r)) ADD_FAILURE() << "unexpected error: " << *e;
    return std::get_if<Resource>(&r) ? std::get<Resource>(r) : Resource{};
}

ImportBatch parse(const std::string& text) {
    std::istringstream in(text);
    return parse_jsonl(in);
}

// A minimal valid line with one field replaced (or added).
std::string line_with(std::string_view field_json) {
    return R"({"title": "T", "lang": "fr", "regions": "global", "date": "2020", )" + std::string(field_json) + "}";
}

// The same without regions, for tests of that field.
std::string line_with_regions(std::string_view regions_json) {
    return R"({"title": "T", "lang": "fr", "date": "2020", "regions": )" + std::string(regions_json) + "}";
}

}  // namespace

TEST(LibraryImport, GoodLineFillsEveryField) {
    const Resource r = resource_of(kGood);
    EXPECT_EQ(r.type, "guide");
    EXPECT_EQ(r.regions, (std::vector<std::string>{"africa-mena", "europe-caribbean"}));  // sorted by validate()
    EXPECT_EQ(r.themes, (std::vector<int>{1, 4}));
    EXPECT_EQ(r.audiences, (std::vector<std::string>{"negotiators", "stewards"}));
    EXPECT_EQ(r.date, "2023-05-17");
    EXPECT_EQ(r.publisher, "Union of Municipal Workers");
    EXPECT_EQ(r.licence, "CC BY 4.0");
    EXPECT_EQ(r.url, "https://example.org/guide.pdf");
    EXPECT_TRUE(r.key_publication);
    ASSERT_EQ(r.versions.size(), 1u);
    const Version& v = r.versions[0];
    EXPECT_EQ(v.lang, "en");
    EXPECT_EQ(v.title, "Algorithmic management in local government");
    EXPECT_EQ(v.summary, "What stewards can ask for.");
    EXPECT_EQ(v.body_md, "## Context\nShift apps decide who works when.");
    EXPECT_TRUE(v.url.empty());
}

TEST(LibraryImport, MinimalLineTakesDefaults) {
    const Resource r = resource_of(R"({"title": "Nota", "lang": "es", "regions": "latin-america", "date": "2021-03"})");
    EXPECT_EQ(r.type, "publication");
    EXPECT_EQ(r.regions, std::vector<std::string>{"latin-america"});
    EXPECT_EQ(r.date, "2021-03-01");
    EXPECT_TRUE(r.themes.empty());
    EXPECT_FALSE(r.key_publication);
    EXPECT_EQ(r.duration_seconds, 0);
    EXPECT_TRUE(r.versions.at(0).summary.empty());
}

TEST(LibraryImport, ShortDatesCompleteToTheFirstDay) {
    EXPECT_EQ(resource_of(line_with(R"("type": "article")")).date, "2020-01-01");
    auto r = resource_of(R"({"title": "T", "lang": "ar", "regions": ["africa-mena"], "date": "2019-11"})");
    EXPECT_EQ(r.date, "2019-11-01");
    r = resource_of(R"({"title": "T", "lang": "ar", "regions": ["africa-mena"], "date": "2024-02-29"})");
    EXPECT_EQ(r.date, "2024-02-29");
}

TEST(LibraryImport, ThemesAsKeysNumbersOrASingleValue) {
    EXPECT_EQ(resource_of(line_with(R"("themes": ["bargaining", 2, "7"])")).themes, (std::vector<int>{2, 5, 7}));
    EXPECT_EQ(resource_of(line_with(R"("themes": "coalitions")")).themes, std::vector<int>{7});
    EXPECT_EQ(resource_of(line_with(R"("themes": 3)")).themes, std::vector<int>{3});
}

TEST(LibraryImport, RecordingWithDurationAndTranscript) {
    const Resource r = resource_of(
        line_with(R"("type": "recording", "duration": 5400, "transcript": "Facilitator: welcome.", "audiences": "trainers")"));
    EXPECT_EQ(r.type, "recording");
    EXPECT_EQ(r.duration_seconds, 5400);
    EXPECT_EQ(r.versions.at(0).transcript, "Facilitator: welcome.");
    EXPECT_EQ(r.audiences, std::vector<std::string>{"trainers"});
}

TEST(LibraryImport, NullCountsAsAbsent) {
    const Resource r = resource_of(line_with(R"("summary": null, "url": null, "themes": null)"));
    EXPECT_TRUE(r.url.empty());
    EXPECT_TRUE(r.themes.empty());
    EXPECT_EQ(error_of(R"({"title": null, "lang": "fr", "regions": "global", "date": "2020"})"), "title: required");
}

TEST(LibraryImport, BadJsonSaysWhereAndWhat) {
    const std::string e = error_of(R"({"title": "Unfinished", "lang": "en")");
    EXPECT_TRUE(e.starts_with("not valid JSON: unexpected end of input at column ")) << e;
    EXPECT_NE(e.find("column 37"), std::string::npos) << e;
    EXPECT_TRUE(error_of(R"({"title": "T" "lang": "en"})").starts_with("not valid JSON: "))
        << error_of(R"({"title": "T" "lang": "en"})");
    EXPECT_EQ(error_of(R"(["title", "T"])"), R"(expected a JSON object ({"title": ...}) on each line, found an array)");
}

TEST(LibraryImport, MissingRequiredFieldsAreNamed) {
    EXPECT_EQ(error_of(R"({"lang": "en", "regions": "global", "date": "2020"})"), "title: required");
    EXPECT_EQ(error_of(R"({"title": "   ", "lang": "en", "regions": "global", "date": "2020"})"), "title: required");
    EXPECT_EQ(error_of(R"({"title": "T", "regions": "global", "date": "2020"})"), "lang: required (en, fr, es, ar)");
    EXPECT_TRUE(error_of(R"({"title": "T", "lang": "en", "date": "2020"})").starts_with("regions: required"));
    EXPECT_EQ(error_of(R"({"title": "T", "lang": "en", "regions": []})"),
              R"(regions: required (global, north-america, europe-caribbean, asia-pacific, latin-america, africa-mena); )"
              "date: required (YYYY-MM-DD, YYYY-MM or YYYY)");
    // Several problems on one line are all reported, once each.
    EXPECT_EQ(error_of(R"({"regions": "global", "date": "2020"})"), "title: required; lang: required (en, fr, es, ar)");
}

TEST(LibraryImport, UnknownValuesAreQuotedWithTheChoices) {
    EXPECT_EQ(
        error_of(line_with_regions(R"(["asia"])")),
        R"(regions: "asia" is not a region (global, north-america, europe-caribbean, asia-pacific, latin-america, africa-mena))");
    EXPECT_TRUE(
        error_of(line_with(R"("type": "book")")).starts_with(R"(type: "book" is not a resource type (publication, guide)"));
    EXPECT_TRUE(error_of(line_with(R"("audiences": ["everyone"])"))
                    .starts_with(R"(audiences: "everyone" is not an audience (union-leaders)"));
    EXPECT_TRUE(error_of(R"({"title": "T", "lang": "de", "regions": "global", "date": "2020"})")
                    .starts_with(R"(lang: "de" is not a library language)"));
    EXPECT_TRUE(error_of(line_with(R"("themes": [8])")).starts_with("themes: 8 is not a theme (data-ai, "));
    EXPECT_TRUE(error_of(line_with(R"("themes": ["ai"])")).starts_with(R"(themes: "ai" is not a theme)"));
    EXPECT_TRUE(error_of(line_with(R"("themes": [0])")).starts_with("themes: 0 is not a theme"));
    EXPECT_TRUE(error_of(line_with(R"("themes": [-2])")).starts_with("themes: -2 is not a theme"));
}

TEST(LibraryImport, LongValuesAreCutInMessages) {
    const std::string region(5000, 'x');
    const std::string e = error_of(line_with_regions(R"([")" + region + R"("])"));
    EXPECT_TRUE(e.starts_with("regions: \"xxxx")) << e;
    EXPECT_LT(e.size(), 300u);
    EXPECT_NE(e.find("(5,000 bytes)"), std::string::npos) << e;
}

TEST(LibraryImport, BadDates) {
    for (const char* d : {"2023-13", "2023-02-30", "05/03/2023", "2023-5-1", "1850", "20231", ""}) {
        const std::string e =
            error_of(R"({"title": "T", "lang": "en", "regions": "global", "date": ")" + std::string(d) + R"("})");
        EXPECT_EQ(e, "date: \"" + std::string(d) + "\" is not a date (YYYY-MM-DD, YYYY-MM or YYYY)") << d;
    }
    EXPECT_EQ(error_of(R"({"title": "T", "lang": "en", "regions": "global", "date": 2023})"),
              "date: expected a string, got 2023");
}

TEST(LibraryImport, UnknownFieldsAreNamedWithASuggestion) {
    EXPECT_EQ(error_of(R"({"titel": "T", "lang": "en", "regions": "global", "date": "2020"})"),
              R"(titel: unknown field (did you mean "title"?); title: required)");
    EXPECT_EQ(error_of(line_with(R"("region": "global")")), R"(region: unknown field (did you mean "regions"?))");
    EXPECT_EQ(error_of(line_with(R"("language": "en")")), R"(language: unknown field (did you mean "lang"?))");
    EXPECT_EQ(error_of(line_with(R"("license": "CC BY 4.0")")), R"(license: unknown field (did you mean "licence"?))");
    EXPECT_TRUE(error_of(line_with(R"("colour": "red")")).starts_with("colour: unknown field (fields: title, summary, "));
    // Odd keys are quoted and escaped, never printed raw.
    EXPECT_EQ(
        error_of(line_with(R"("a\u001bb": 1)")),
        R"("a\u001bb": unknown field (fields: title, summary, body, lang, regions, themes, type, date, publisher, url, licence, audiences, key, transcript, duration, ref))");
}

TEST(LibraryImport, DuplicateKeysAreErrors) {
    EXPECT_EQ(error_of(R"({"title": "A", "title": "B", "lang": "en", "regions": "global", "date": "2020"})"),
              "title: given twice");
}

TEST(LibraryImport, WrongJsonTypesNameFieldAndExpectedType) {
    EXPECT_EQ(error_of(line_with(R"("summary": 42)")), "summary: expected a string, got 42");
    EXPECT_EQ(error_of(R"({"title": ["T"], "lang": "en", "regions": "global", "date": "2020"})"),
              "title: expected a string, got an array");
    EXPECT_EQ(error_of(line_with(R"("key": "yes")")), R"(key: expected true or false, got "yes")");
    EXPECT_EQ(error_of(line_with(R"("duration": -5)")), "duration: expected a whole number of seconds, 0 or more, got -5");
    EXPECT_EQ(error_of(line_with(R"("duration": 12.5)")), "duration: expected a whole number of seconds, 0 or more, got 12.5");
    EXPECT_EQ(error_of(line_with(R"("duration": "60")")), R"(duration: expected a whole number of seconds, 0 or more, got "60")");
    EXPECT_EQ(error_of(R"({"title": "T", "lang": "en", "regions": {"a": 1}, "date": "2020"})"),
              "regions: expected a string or an array of strings, got an object");
    EXPECT_EQ(error_of(line_with(R"("audiences": ["stewards", 3])")), "audiences: item 2 is not a string (got 3)");
    EXPECT_EQ(error_of(line_with(R"("themes": [true])")), "themes: expected a theme key or number, got true");
    EXPECT_EQ(error_of(line_with(R"("body": "a\u0000b")")), R"(body: contains a NUL character (\u0000))");
}

TEST(LibraryImport, ValidateProblemsBecomeTheLinesError) {
    // Shape rules that only validate() knows: URL scheme, lengths, duration bound.
    EXPECT_EQ(error_of(line_with(R"("url": "ftp://example.org/x")")), R"(url: "ftp://example.org/x" is not an http(s) address)");
    EXPECT_EQ(error_of(line_with(R"("duration": 400000)")), "duration: between 0 and 100 hours");
    const std::string long_title(600, 'a');
    EXPECT_EQ(error_of(R"({"title": ")" + long_title + R"(", "lang": "en", "regions": "global", "date": "2020"})"),
              "title: at most 500 characters");
}

TEST(LibraryImport, InvalidUtf8IsAnErrorForItsLine) {
    EXPECT_EQ(error_of("{\"title\": \"caf\xE9\", \"lang\": \"fr\"}"), "not valid UTF-8 at column 15 (save the file as UTF-8)");
    EXPECT_TRUE(error_of("{\"title\": \"\xED\xA0\x80\"}").starts_with("not valid UTF-8"));  // surrogate
    EXPECT_TRUE(error_of("{\"title\": \"\xC0\xAF\"}").starts_with("not valid UTF-8"));      // overlong
    EXPECT_TRUE(error_of("{\"title\": \"\xE2\x82\"}").starts_with("not valid UTF-8"));      // truncated
    // Well-formed multilingual text passes.
    const Resource r =
        resource_of(R"({"title": "الإدارة الخوارزمية — négociation 🌍", "lang": "ar", "regions": "africa-mena", "date": "2022"})");
    EXPECT_EQ(r.versions.at(0).title, "الإدارة الخوارزمية — négociation 🌍");
}

TEST(LibraryImport, StreamSkipsBlankLinesAndCountsLines) {
    const auto b = parse(line_with(R"("type": "slides")") + "\n\n   \n\r\n" + line_with(R"("type": "audio")") + "\n");
    EXPECT_EQ(b.lines_read, 5u);
    EXPECT_TRUE(b.errors.empty()) << to_string(b.errors.at(0));
    ASSERT_EQ(b.resources.size(), 2u);
    EXPECT_EQ(b.lines, (std::vector<std::size_t>{1, 5}));
    EXPECT_EQ(b.resources[1].type, "audio");
}

TEST(LibraryImport, ByteOrderMarkOnLineOneAndCrlf) {
    const auto b = parse("\xEF\xBB\xBF" + line_with(R"("type": "slides")") + "\r\n" + line_with(R"("type": "audio")"));
    EXPECT_TRUE(b.errors.empty()) << to_string(b.errors.at(0));
    ASSERT_EQ(b.resources.size(), 2u);
    EXPECT_EQ(b.resources[0].type, "slides");
    EXPECT_EQ(b.lines_read, 2u);
    // Columns still count from the start of the line as the editor shows it.
    const auto bad = parse("\xEF\xBB\xBF{\"title\": 1");
    ASSERT_EQ(bad.errors.size(), 1u);
    EXPECT_NE(bad.errors[0].message.find("column 15"), std::string::npos) << bad.errors[0].message;
}

TEST(LibraryImport, MixOfGoodAndBadLines) {
    const auto b =
        parse(line_with(R"("type": "guide")") + "\n" + R"({"title": "T", "lang": "en", "regions": ["asia"], "date": "2020"})" +
              "\n" + line_with(R"("type": "article")") + "\n");
    EXPECT_EQ(b.lines_read, 3u);
    ASSERT_EQ(b.resources.size(), 2u);
    EXPECT_EQ(b.lines, (std::vector<std::size_t>{1, 3}));
    EXPECT_EQ(b.resources[0].type, "guide");
    EXPECT_EQ(b.resources[1].type, "article");
    ASSERT_EQ(b.errors.size(), 1u);
    EXPECT_EQ(b.errors[0].line, 2u);
    EXPECT_TRUE(to_string(b.errors[0]).starts_with(R"(line 2: regions: "asia" is not a region)")) << to_string(b.errors[0]);
}

TEST(LibraryImport, VeryLongLineIsRefusedAndTheNextLineStillRead) {
    std::string huge = R"({"title": "T", "lang": "en", "regions": "global", "date": "2020", "body": ")";
    huge.append(kMaxImportLineBytes + 10, 'a');
    huge += "\"}";
    const auto b = parse(line_with(R"("type": "guide")") + "\n" + huge + "\n" + line_with(R"("type": "audio")") + "\n");
    EXPECT_EQ(b.lines_read, 3u);
    ASSERT_EQ(b.errors.size(), 1u);
    EXPECT_EQ(b.errors[0].line, 2u);
    EXPECT_TRUE(b.errors[0].message.starts_with("line too long (")) << b.errors[0].message;
    EXPECT_NE(b.errors[0].message.find(std::to_string(huge.size() / 1000000)), std::string::npos);
    ASSERT_EQ(b.resources.size(), 2u);
    EXPECT_EQ(b.lines, (std::vector<std::size_t>{1, 3}));
    EXPECT_TRUE(std::holds_alternative<std::string>(parse_import_line(huge)));

    // Just under the limit is accepted (title, fields and a big body).
    std::string big = R"({"title": "T", "lang": "en", "regions": "global", "date": "2020", "body": ")";
    big.append(150000, 'b');
    big += "\"}";
    EXPECT_EQ(parse(big).resources.size(), 1u);
}

TEST(LibraryImport, DeepNestingIsAnErrorNotACrash) {
    std::string deep = R"({"title": "T", "lang": "en", "regions": "global", "date": "2020", "body": )";
    deep += std::string(200000, '[') + std::string(200000, ']') + "}";
    EXPECT_EQ(error_of(deep), "body: expected a string, got an array");
}

TEST(LibraryImport, EveryMessageNamesItsField) {
    // Each bad line's message starts with the field it is about, so the importer knows what to edit.
    const std::pair<std::string, std::string> cases[] = {
        {line_with(R"("type": 3)"), "type: "},
        {line_with(R"("publisher": false)"), "publisher: "},
        {line_with(R"("licence": [])"), "licence: "},
        {line_with(R"("transcript": {})"), "transcript: "},
        {line_with(R"("url": "example.org")"), "url: "},
        {line_with(R"("audiences": "nobody")"), "audiences: "},
        {line_with(R"("key": 1)"), "key: "},
        {R"({"title": "T", "lang": 1, "regions": "global", "date": "2020"})", "lang: "},
        {R"({"title": "T", "lang": "en", "regions": "global", "date": "yesterday"})", "date: "},
    };
    for (const auto& [line, prefix] : cases) EXPECT_TRUE(error_of(line).starts_with(prefix)) << line << " -> " << error_of(line);
}

namespace avenir::library {
namespace {

TEST(LibraryImport, RefsAreCheckedAndKept) {
    const auto ok = parse_import_line(R"({"ref":"model-clause-7","title":"T","lang":"en","regions":["global"],"date":"2024"})");
    ASSERT_TRUE(std::holds_alternative<Resource>(ok));
    EXPECT_EQ(std::get<Resource>(ok).ref, "model-clause-7");
    const auto bad = parse_import_line(R"({"ref":"Bad Ref!","title":"T","lang":"en","regions":["global"],"date":"2024"})");
    ASSERT_TRUE(std::holds_alternative<std::string>(bad));
    EXPECT_TRUE(std::get<std::string>(bad).starts_with("ref: ")) << std::get<std::string>(bad);
}

}  // namespace
}  // namespace avenir::library
