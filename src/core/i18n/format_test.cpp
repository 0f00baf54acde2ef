// Exact CLDR output of ICU 72 (Debian 12): a newer ICU may change these strings.
// Escapes: \u202f narrow no-break space, \u200f right-to-left mark, \u200e left-to-right mark,
// \u060c Arabic comma, \u0645 / \u0635 Arabic PM / AM.
#include "core/i18n/format.hpp"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

using namespace avenir::i18n;

namespace {

constexpr std::time_t kNoonUtc = 1764331200;    // 2025-11-28 12:00 UTC
constexpr std::time_t kLateUtc = 1764370800;    // 2025-11-28 23:00 UTC: already the 29th in Paris and Manila
constexpr std::time_t kSummerUtc = 1751112000;  // 2025-06-28 12:00 UTC: Paris on summer time

const Formatter& formatter() {
    static const Formatter f;
    return f;
}

}  // namespace

TEST(Format, MediumDatePerLanguage) {
    const Formatter& f = formatter();
    EXPECT_EQ(f.format_date("en", kNoonUtc, "UTC"), "28 Nov 2025");
    EXPECT_EQ(f.format_date("fr", kNoonUtc, "UTC"), "28 nov. 2025");
    EXPECT_EQ(f.format_date("es", kNoonUtc, "UTC"), "28 nov 2025");
    EXPECT_EQ(f.format_date("ar", kNoonUtc, "UTC"), "28\u200f/11\u200f/2025");
    EXPECT_EQ(f.format_date("fr", kSummerUtc, "Europe/Paris"), "28 juin 2025");
    EXPECT_EQ(f.format_date("es", kSummerUtc, "America/Bogota"), "28 jun 2025");
}

TEST(Format, DateIsTakenInTheTimeZone) {
    const Formatter& f = formatter();
    EXPECT_EQ(f.format_date("en", kLateUtc, "UTC"), "28 Nov 2025");
    EXPECT_EQ(f.format_date("en", kLateUtc, "Europe/Paris"), "29 Nov 2025");
    EXPECT_EQ(f.format_date("en", kLateUtc, "America/Bogota"), "28 Nov 2025");
    EXPECT_EQ(f.format_date("fr", kLateUtc, "Asia/Manila"), "29 nov. 2025");
    EXPECT_EQ(f.format_date("ar", kLateUtc, "Asia/Manila"), "29\u200f/11\u200f/2025");
}

TEST(Format, DateTimePerLanguageAndTimeZone) {
    const Formatter& f = formatter();
    EXPECT_EQ(f.format_datetime("en", kNoonUtc, "UTC"), "28 Nov 2025, 12:00");
    EXPECT_EQ(f.format_datetime("en", kNoonUtc, "Europe/Paris"), "28 Nov 2025, 13:00");
    EXPECT_EQ(f.format_datetime("en", kNoonUtc, "America/Bogota"), "28 Nov 2025, 07:00");
    EXPECT_EQ(f.format_datetime("en", kNoonUtc, "Asia/Manila"), "28 Nov 2025, 20:00");
    EXPECT_EQ(f.format_datetime("fr", kNoonUtc, "Europe/Paris"), "28 nov. 2025, 13:00");
    EXPECT_EQ(f.format_datetime("fr", kLateUtc, "Europe/Paris"), "29 nov. 2025, 00:00");
    EXPECT_EQ(f.format_datetime("fr", kSummerUtc, "Europe/Paris"), "28 juin 2025, 14:00");
    EXPECT_EQ(f.format_datetime("es", kNoonUtc, "America/Bogota"), "28 nov 2025, 7:00");
    EXPECT_EQ(f.format_datetime("es", kLateUtc, "America/Bogota"), "28 nov 2025, 18:00");
    EXPECT_EQ(f.format_datetime("es", kLateUtc, "Asia/Manila"), "29 nov 2025, 7:00");
    EXPECT_EQ(f.format_datetime("ar", kNoonUtc, "Europe/Paris"), "28\u200f/11\u200f/2025\u060c 1:00 \u0645");
    EXPECT_EQ(f.format_datetime("ar", kNoonUtc, "America/Bogota"), "28\u200f/11\u200f/2025\u060c 7:00 \u0635");
    EXPECT_EQ(f.format_datetime("ar", kLateUtc, "Asia/Manila"), "29\u200f/11\u200f/2025\u060c 7:00 \u0635");
}

TEST(Format, EmptyOrUnknownTimeZoneIsUtc) {
    const Formatter& f = formatter();
    EXPECT_EQ(f.format_datetime("en", kNoonUtc, ""), "28 Nov 2025, 12:00");
    EXPECT_EQ(f.format_datetime("en", kNoonUtc, "Mars/Olympus_Mons"), "28 Nov 2025, 12:00");
}

TEST(Format, UnknownLanguageIsEnglish) {
    EXPECT_EQ(formatter().format_date("de", kNoonUtc, "UTC"), "28 Nov 2025");
    EXPECT_EQ(formatter().format_number("", 12345), "12,345");
}

TEST(Format, NumbersAreGroupedPerLocale) {
    const Formatter& f = formatter();
    EXPECT_EQ(f.format_number("en", 12345), "12,345");
    EXPECT_EQ(f.format_number("fr", 12345), "12\u202f345");
    EXPECT_EQ(f.format_number("es", 12345), "12.345");
    EXPECT_EQ(f.format_number("ar", 12345), "12,345");  // Western digits, see format.hpp
    EXPECT_EQ(f.format_number("es", 1234), "1.234");
    EXPECT_EQ(f.format_number("en", std::int64_t{-9876543210}), "-9,876,543,210");
    EXPECT_EQ(f.format_number("fr", std::int64_t{-1234567}), "-1\u202f234\u202f567");
    EXPECT_EQ(f.format_number("ar", std::int64_t{-1234567}), "\u200e-1,234,567");
    EXPECT_EQ(f.format_number("en", 0), "0");
    EXPECT_EQ(f.format_number("en", 42u), "42");
}

TEST(Format, FractionsUseTheLocaleSeparator) {
    const Formatter& f = formatter();
    EXPECT_EQ(f.format_number("en", 1234.5), "1,234.5");
    EXPECT_EQ(f.format_number("fr", 1234.5), "1\u202f234,5");
    EXPECT_EQ(f.format_number("es", 12345.25), "12.345,25");
    EXPECT_EQ(f.format_number("ar", 1234.5), "1,234.5");
    EXPECT_EQ(f.format_number("en", 0.1 + 0.2), "0.3");
    EXPECT_EQ(f.format_number("en", 0.1234567), "0.123");
    EXPECT_EQ(f.format_number("fr", 2.0 / 3.0, 1), "0,7");
    EXPECT_EQ(f.format_number("en", 2.5, 0), "2");  // ICU rounds half to even
    EXPECT_EQ(f.format_number("en", 1e6), "1,000,000");
}

TEST(Format, SharesTheCatalogLocales) {
    const Catalog catalog(AVENIR_LOCALE_DIR);
    const Formatter f(catalog);
    EXPECT_EQ(f.format_number("fr", 12345), "12\u202f345");
    EXPECT_EQ(f.format_number("ar", 12345), "12,345");
    EXPECT_EQ(f.format_datetime("es", kNoonUtc, "America/Bogota"), "28 nov 2025, 7:00");
    EXPECT_EQ(f.format_date("ar", kNoonUtc, "UTC"), "28\u200f/11\u200f/2025");
    // The Arabic locale still finds its messages with the @numbers=latn keyword.
    EXPECT_EQ(catalog.translate("ar", "Home"), "\u0627\u0644\u0631\u0626\u064a\u0633\u064a\u0629");
}

TEST(Format, ValidTimeZones) {
    for (const char* zone : {"UTC", "Europe/Paris", "America/Bogota", "Asia/Manila", "Africa/Johannesburg",
                             "America/Argentina/Buenos_Aires", "America/Port-au-Prince", "Etc/UTC", "Etc/GMT+5",
                             "Pacific/Auckland", "US/Eastern"})
        EXPECT_TRUE(valid_time_zone(zone)) << zone;
    for (const char* zone : {"", "europe/paris", "Europe/Pariss", "Mars/Olympus_Mons", "Etc/Unknown", "GMT+5", "EST",
                             "Europe/Paris/", "/Europe/Paris", "Europe//Paris", "Europe/Paris\n", "Europe/../Paris",
                             "utc"})
        EXPECT_FALSE(valid_time_zone(zone)) << zone;
    EXPECT_FALSE(valid_time_zone(std::string(100, 'A') + "/B"));
}

TEST(Format, ConcurrentUseGivesTheSameStrings) {
    const Formatter& f = formatter();
    std::vector<std::thread> threads;
    std::vector<int> failures(4, 0);
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < 200; ++i) {
                if (f.format_datetime("fr", kNoonUtc, "Europe/Paris") != "28 nov. 2025, 13:00") ++failures[t];
                if (f.format_date("ar", kLateUtc, "Asia/Manila") != "29\u200f/11\u200f/2025") ++failures[t];
                if (f.format_number("es", 12345 + t) != "12.34" + std::to_string(5 + t)) ++failures[t];
                if (f.format_number("en", 1234.5) != "1,234.5") ++failures[t];
                if (!valid_time_zone("America/Bogota") || valid_time_zone("Nowhere/City")) ++failures[t];
            }
        });
    }
    for (auto& th : threads) th.join();
    for (int t = 0; t < 4; ++t) EXPECT_EQ(failures[t], 0) << "thread " << t;
}
