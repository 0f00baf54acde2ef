#pragma once
// Calendars of training sessions (RFC 5545, with RFC 7986's NAME, REFRESH-INTERVAL, URL and
// CONFERENCE), built with libical: one VEVENT per session with a stable UID, SEQUENCE raised on
// every change (the store counts), STATUS:CANCELLED for a cancelled session, DTSTART/DTEND in the
// cycle's zone with its VTIMEZONE (from the system's time zone data, cut to the sessions' years),
// and the conference link as CONFERENCE (and URL) only for those allowed to join.
#include <cstdint>
#include <string>
#include <vector>

#include "modules/training/training_types.hpp"

namespace avenir::training {

struct CalendarEntry {
    Cycle cycle;
    Session session;
    std::string page_url;     // absolute link to the cycle's page
    bool with_joining = false;  // conference link and dial-in included
};

// A VCALENDAR (METHOD:PUBLISH) named `name` with the entries' sessions; "\r\n" line ends.
// Throws std::runtime_error when libical cannot build it (an unknown time zone).
std::string build_calendar(const std::string& name, const std::vector<CalendarEntry>& entries, std::int64_t now);

}  // namespace avenir::training
