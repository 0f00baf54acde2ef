#pragma once
// The one clock helper: wall-clock seconds since the epoch (what the database stores) and UTC
// timestamps as text. Everything that stores or compares a time of day goes through these, so a
// test can reason about one source.
#include <cstdint>
#include <ctime>
#include <string>

namespace avenir::clock {

// Seconds since 1970-01-01T00:00:00Z (system clock).
std::int64_t unix_seconds();
// Milliseconds since the epoch (system clock).
std::int64_t unix_millis();
// "2026-12-04T03:53:22Z" for a time (default: now).
std::string utc_iso8601(std::time_t when);
std::string utc_iso8601();

}  // namespace avenir::clock
