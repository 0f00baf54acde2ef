#pragma once
// Structured log lines (logfmt) on stderr. Never pass personal data (names, e-mail addresses,
// IP addresses, query strings) to these functions.
#include <string>
#include <string_view>

namespace avenir::log {

enum class Level { Debug, Info, Warn, Error };

void set_level(Level level);
// Redirects log lines to a file (tests); empty path restores stderr. Flushes what is buffered.
void set_file(const std::string& path);
// Buffered mode (the server): info and debug lines (the access log) are gathered in memory and
// written at most every 100 ms by a background thread, so a request never waits for a write to
// stderr or the journal; warnings and errors, and everything buffered before them, are written at
// once. Off by default (commands and tests write each line as it comes).
void set_buffered(bool buffered);
// Writes what is buffered now.
void flush();
// JSON lines ({"time":...,"level":...,"event":...,"key":"value",...}) instead of logfmt.
void set_json(bool json);
void write(Level level, std::string_view event, std::string_view fields);
inline void info(std::string_view event, std::string_view fields = {}) { write(Level::Info, event, fields); }
inline void warn(std::string_view event, std::string_view fields = {}) { write(Level::Warn, event, fields); }
inline void error(std::string_view event, std::string_view fields = {}) { write(Level::Error, event, fields); }

// key=value with the value quoted when needed.
std::string kv(std::string_view key, std::string_view value);
std::string kv(std::string_view key, long long value);

}  // namespace avenir::log
