#include "core/log.hpp"

#include <atomic>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <mutex>

namespace avenir::log {
namespace {
std::atomic<Level> g_level{Level::Info};
std::mutex g_mutex;
std::FILE* g_out = nullptr;

std::string_view level_name(Level l) {
    switch (l) {
        case Level::Debug: return "debug";
        case Level::Info: return "info";
        case Level::Warn: return "warn";
        case Level::Error: return "error";
    }
    return "info";
}
}  // namespace

void set_level(Level level) { g_level = level; }

void set_file(const std::string& path) {
    std::lock_guard lock(g_mutex);
    if (g_out && g_out != stderr) std::fclose(g_out);
    g_out = path.empty() ? nullptr : std::fopen(path.c_str(), "a");
}

void write(Level level, std::string_view event, std::string_view fields) {
    if (level < g_level.load(std::memory_order_relaxed)) return;
    using namespace std::chrono;
    const auto now = system_clock::now();
    const std::time_t t = system_clock::to_time_t(now);
    const auto ms = duration_cast<milliseconds>(now.time_since_epoch()).count() % 1000;
    std::tm tm{};
    gmtime_r(&t, &tm);
    char ts[32];
    std::snprintf(ts, sizeof ts, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900, tm.tm_mon + 1,
                  tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<int>(ms));
    std::string line;
    line.reserve(64 + event.size() + fields.size());
    line.append("time=").append(ts).append(" level=").append(level_name(level)).append(" event=");
    line.append(event);
    if (!fields.empty()) line.append(" ").append(fields);
    line.push_back('\n');
    std::lock_guard lock(g_mutex);
    std::FILE* out = g_out ? g_out : stderr;
    std::fwrite(line.data(), 1, line.size(), out);
    std::fflush(out);
}

std::string kv(std::string_view key, std::string_view value) {
    bool quote = value.empty();
    for (char c : value)
        if (c == ' ' || c == '"' || c == '=' || static_cast<unsigned char>(c) < 0x20) quote = true;
    std::string out(key);
    out.push_back('=');
    if (!quote) return out.append(value);
    out.push_back('"');
    for (char c : value) {
        if (c == '"' || c == '\\') out.push_back('\\');
        if (static_cast<unsigned char>(c) < 0x20) { out.push_back(' '); continue; }
        out.push_back(c);
    }
    out.push_back('"');
    return out;
}

std::string kv(std::string_view key, long long value) { return std::string(key) + "=" + std::to_string(value); }

}  // namespace avenir::log
