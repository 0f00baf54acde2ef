// Calendars read back as their users' tools read them: libical's parser and Debian's
// python3-icalendar, with local times right across the end of summer time in Paris (25 October
// 2026), a cancelled session, a raised SEQUENCE, and joining details only when allowed.
#include <gtest/gtest.h>

#include <libical/ical.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>

#include "core/i18n/zoned_time.hpp"
#include "modules/training/training_calendar.hpp"

namespace avenir::training {
namespace {

std::vector<CalendarEntry> paris_cycle(bool join) {
    Cycle c;
    c.id = 7;
    c.title = "Digital Rights Organisers, Europe";
    c.session_count = 3;
    c.time_zone = "Europe/Paris";
    std::vector<CalendarEntry> out;
    const char* dates[] = {"2026-10-20", "2026-10-27", "2026-11-03"};
    for (int n = 0; n < 3; ++n) {
        Session s;
        s.id = 100 + n;
        s.number = n + 1;
        s.starts_at = *i18n::parse_local(dates[n], "10:00", "Europe/Paris");
        s.minutes = 180;
        s.uid = "session-" + std::to_string(n + 1) + "@avenir.test";
        s.conference_url = "https://meet.example.org/dro-europe";
        s.dial_in = "+33 1 23 45 67 89";
        s.workshops = {"why-data-and-ai-matter"};
        s.updated_at = 1'790'000'000;
        if (n == 1) s.sequence = 2;
        if (n == 2) {
            s.cancelled = true;
            s.sequence = 1;
        }
        out.push_back({c, s, "https://avenir.test/training/cycles/7", join});
    }
    return out;
}

TEST(TrainingCalendar, LibicalReadsItBackWithZonedTimesSequencesAndCancellation) {
    const std::string text = build_calendar("DRO Europe", paris_cycle(true), 1'790'000'000);
    EXPECT_NE(text.find("\r\n"), std::string::npos);
    EXPECT_NE(text.find("BEGIN:VTIMEZONE"), std::string::npos);
    EXPECT_NE(text.find("TZID:Europe/Paris"), std::string::npos) << text;
    EXPECT_NE(text.find("CONFERENCE;VALUE=URI;FEATURE=VIDEO:https://meet.example.org/dro-europe"), std::string::npos) << text;
    icalcomponent* cal = icalparser_parse_string(text.c_str());
    ASSERT_NE(cal, nullptr);
    EXPECT_EQ(icalcomponent_count_errors(cal), 0);
    // The calendar's own zone, as a client would load it from the VTIMEZONE.
    icalcomponent* vtz = icalcomponent_get_first_component(cal, ICAL_VTIMEZONE_COMPONENT);
    ASSERT_NE(vtz, nullptr);
    icaltimezone* zone = icaltimezone_new();
    ASSERT_TRUE(icaltimezone_set_component(zone, icalcomponent_new_clone(vtz)));
    int n = 0;
    const std::array<std::int64_t, 3> utc = {1792483200, 1793091600, 1793696400};  // 08:00Z, then 09:00Z twice
    for (icalcomponent* ev = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT); ev;
         ev = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT), ++n) {
        icalproperty* start = icalcomponent_get_first_property(ev, ICAL_DTSTART_PROPERTY);
        ASSERT_NE(start, nullptr);
        icalparameter* tzid = icalproperty_get_first_parameter(start, ICAL_TZID_PARAMETER);
        ASSERT_NE(tzid, nullptr);
        EXPECT_STREQ(icalparameter_get_tzid(tzid), "Europe/Paris");
        icaltimetype t = icalproperty_get_dtstart(start);
        EXPECT_EQ(t.hour, 10) << "session " << n + 1;  // 10:00 local on both sides of the change
        EXPECT_EQ(static_cast<std::int64_t>(icaltime_as_timet_with_zone(t, zone)), utc[static_cast<std::size_t>(n)]) << "session " << n + 1;
        EXPECT_EQ(icalcomponent_get_sequence(ev), n == 1 ? 2 : n == 2 ? 1 : 0);
        EXPECT_EQ(icalcomponent_get_status(ev), n == 2 ? ICAL_STATUS_CANCELLED : ICAL_STATUS_CONFIRMED);
        EXPECT_STREQ(icalcomponent_get_uid(ev), ("session-" + std::to_string(n + 1) + "@avenir.test").c_str());
    }
    EXPECT_EQ(n, 3);
    icaltimezone_free(zone, 1);
    icalcomponent_free(cal);
}

TEST(TrainingCalendar, WithoutTheRightToJoinThereIsNoLinkNorDialIn) {
    const std::string text = build_calendar("DRO Europe", paris_cycle(false), 1'790'000'000);
    EXPECT_EQ(text.find("meet.example.org"), std::string::npos);
    EXPECT_EQ(text.find("+33 1 23"), std::string::npos);
    EXPECT_NE(text.find("URL:https://avenir.test/training/cycles/7"), std::string::npos);
}

TEST(TrainingCalendar, PythonIcalendarReadsTheSameLocalTimes) {
    const auto dir = std::filesystem::temp_directory_path();
    const auto file = dir / ("avenir-cal-" + std::to_string(::getpid()) + ".ics");
    std::ofstream(file, std::ios::binary) << build_calendar("DRO Europe", paris_cycle(true), 1'790'000'000);
    const std::string script =
        "import sys, icalendar\n"
        "cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())\n"
        "for ev in cal.walk('VEVENT'):\n"
        "    s = ev.decoded('DTSTART')\n"
        "    print(s.isoformat(), int(s.timestamp()), ev.get('SEQUENCE'), ev.get('STATUS'))\n";
    const auto py = dir / ("avenir-cal-" + std::to_string(::getpid()) + ".py");
    std::ofstream(py) << script;
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(("/usr/bin/python3 " + py.string() + " " + file.string() + " 2>&1").c_str(), "r"), pclose);
    ASSERT_TRUE(pipe);
    std::string out;
    std::array<char, 512> buf{};
    while (fgets(buf.data(), buf.size(), pipe.get())) out += buf.data();
    std::filesystem::remove(file);
    std::filesystem::remove(py);
    EXPECT_NE(out.find("2026-10-20T10:00:00+02:00 1792483200 0 CONFIRMED"), std::string::npos) << out;
    EXPECT_NE(out.find("2026-10-27T10:00:00+01:00 1793091600 2 CONFIRMED"), std::string::npos) << out;
    EXPECT_NE(out.find("2026-11-03T10:00:00+01:00 1793696400 1 CANCELLED"), std::string::npos) << out;
}

}  // namespace
}  // namespace avenir::training
