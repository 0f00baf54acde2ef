#pragma once
// Structured log lines (logfmt) on stderr. Never pass personal data (names, e-mail addresses,
// IP addresses, query strings) to these functions.
#include <string>
#include <string_view>

namespace avenir::log {

enum class Level { Debug, Info, Warn, Error };

void set_level(Level level);
// Redirects log lines to a file (tests); empty path restores stderr.
void set_file(const std::string& path);
void write(Level level, std::string_view event, std::string_view fields);
inline void info(std::string_view event, std::string_view fields = {}) { write(Level::Info, event, fields); }
inline void warn(std::string_view event, std::string_view fields = {}) { write(Level::Warn, event, fields); }
inline void error(std::string_view event, std::string_view fields = {}) { write(Level::Error, event, fields); }

// key=value with the value quoted when needed.
std::string kv(std::string_view key, std::string_view value);
std::string kv(std::string_view key, long long value);

}  // namespace avenir::log
