// Wall times in IANA zones across daylight-saving changes (ICU 72's zone data, Debian 12).
#include <gtest/gtest.h>

#include "core/i18n/zoned_time.hpp"

namespace avenir::i18n {
namespace {

struct Case {
    const char* zone;
    const char* date;
    const char* time;
    std::int64_t utc;  // expected Unix seconds
};

// 2026-10-25 is the last Sunday of October: Paris goes from +2 to +1 at 03:00 local.
const Case kCases[] = {
    {"Europe/Paris", "2026-10-20", "10:00", 1792483200},     // 08:00Z (CEST)
    {"Europe/Paris", "2026-10-27", "10:00", 1793091600},     // 09:00Z (CET)
    {"Europe/Paris", "2026-03-29", "02:30", 1774747800},     // skipped hour: read as 03:30 CEST = 01:30Z
    {"UTC", "2026-01-01", "00:00", 1767225600},
    {"", "2026-01-01", "00:00", 1767225600},                  // empty zone: UTC
    {"Asia/Kolkata", "2026-06-01", "09:30", 1780286400},     // +05:30: 04:00Z
    {"America/Sao_Paulo", "2026-06-01", "09:00", 1780315200},  // -03:00: 12:00Z
    {"Africa/Nairobi", "2024-02-29", "18:00", 1709218800},   // leap day, +03:00
};

TEST(ZonedTime, WallTimesBecomeTheRightInstants) {
    for (const auto& c : kCases) {
        const auto t = parse_local(c.date, c.time, c.zone);
        ASSERT_TRUE(t.has_value()) << c.zone << " " << c.date << " " << c.time;
        EXPECT_EQ(*t, c.utc) << c.zone << " " << c.date << " " << c.time;
    }
}

TEST(ZonedTime, InstantsComeBackAsTheirWallTimeAndOffset) {
    EXPECT_EQ(format_local(1792483200, "Europe/Paris"), std::make_pair(std::string("2026-10-20"), std::string("10:00")));
    EXPECT_EQ(format_local(1793091600, "Europe/Paris"), std::make_pair(std::string("2026-10-27"), std::string("10:00")));
    EXPECT_EQ(utc_to_local(1792483200, "Europe/Paris").offset_minutes, 120);
    EXPECT_EQ(utc_to_local(1793091600, "Europe/Paris").offset_minutes, 60);
    EXPECT_EQ(utc_to_local(1780286400, "Asia/Kolkata").offset_minutes, 330);
    EXPECT_EQ(utc_to_local(1780315200, "America/Sao_Paulo").offset_minutes, -180);
    // The same instant seen from two zones: the session at 10:00 in Paris is 14:30 in Kolkata.
    EXPECT_EQ(format_local(1793091600, "Asia/Kolkata").second, "14:30");
}

TEST(ZonedTime, DatesAndTimesThatDoNotExistAreRefused) {
    EXPECT_FALSE(parse_local("2026-04-31", "10:00", "Europe/Paris"));
    EXPECT_FALSE(parse_local("2026-02-29", "10:00", "Europe/Paris"));  // not a leap year
    EXPECT_FALSE(parse_local("2026-10-20", "24:00", "Europe/Paris"));
    EXPECT_FALSE(parse_local("2026-10-20", "10:60", "Europe/Paris"));
    EXPECT_FALSE(parse_local("2026-1-20", "10:00", "Europe/Paris"));
    EXPECT_FALSE(parse_local("2026-10-20", "1000", "Europe/Paris"));
    EXPECT_FALSE(parse_local("20x6-10-20", "10:00", "Europe/Paris"));
    EXPECT_FALSE(parse_local("2026-10-20", "+1:00", "Europe/Paris"));
}

}  // namespace
}  // namespace avenir::i18n
