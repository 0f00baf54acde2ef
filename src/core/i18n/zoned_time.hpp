#pragma once
// Wall-clock times in IANA time zones, through ICU (Boost.Locale's date_time): a session typed as
// "2026-10-27 10:00" in Europe/Paris is stored as Unix seconds, and shown back in the cycle's zone
// and in each reader's own. The zone's rules (daylight saving) come from ICU's time zone data.
//
// Decisions:
// - A wall time that does not exist (the hour skipped when clocks go forward) is read as ICU's
//   lenient calendar reads it: moved forward by the gap (02:30 on the spring-forward night in
//   Paris becomes 03:30 CEST). A wall time that happens twice (the hour repeated in autumn) is the
//   first occurrence (summer time). Both are rare for training sessions; the form shows the time
//   it stored, so a surprise is visible.
// - An empty zone is UTC, as in format.hpp; callers check zones with valid_time_zone().
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace avenir::i18n {

struct WallTime {
    int year = 1970, month = 1, day = 1, hour = 0, minute = 0;  // month 1-12
    int offset_minutes = 0;                                      // from UTC at that instant (+60 for CET)
};

// Unix seconds of a wall time in `zone`; nullopt for a date that does not exist (31 April) or
// fields out of range (hour 24, minute 60, year outside 1900-2200).
std::optional<std::int64_t> local_to_utc(const WallTime& local, std::string_view zone);
// The wall time of an instant in `zone`.
WallTime utc_to_local(std::int64_t unix_seconds, std::string_view zone);
// "2026-10-27" and "10:00" (form fields) to Unix seconds in `zone`; nullopt when either does not
// parse or the date does not exist.
std::optional<std::int64_t> parse_local(std::string_view date, std::string_view time, std::string_view zone);
// The form fields back: {"2026-10-27", "10:00"}.
std::pair<std::string, std::string> format_local(std::int64_t unix_seconds, std::string_view zone);

}  // namespace avenir::i18n
