#include "core/log.hpp"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <ctime>
#include <mutex>
#include <thread>

namespace avenir::log {
namespace {
std::atomic<Level> g_level{Level::Info};
std::mutex g_mutex;
std::FILE* g_out = nullptr;
std::string g_buffer;  // lines not yet written (buffered mode)
constexpr std::size_t kFlushAt = 64 * 1024;

// Writes the buffer; the caller holds g_mutex.
void write_buffer() {
    if (g_buffer.empty()) return;
    std::FILE* out = g_out ? g_out : stderr;
    std::fwrite(g_buffer.data(), 1, g_buffer.size(), out);
    std::fflush(out);
    g_buffer.clear();
}

// The background writer of buffered mode.
struct Flusher {
    std::mutex mutex;
    std::condition_variable wake;
    bool on = false;
    std::thread thread;
    void start() {
        std::lock_guard lock(mutex);
        if (on) return;
        on = true;
        thread = std::thread([this] {
            std::unique_lock lock(mutex);
            while (on) {
                wake.wait_for(lock, std::chrono::milliseconds(100));
                std::lock_guard out(g_mutex);
                write_buffer();
            }
        });
    }
    void stop() {
        {
            std::lock_guard lock(mutex);
            if (!on) return;
            on = false;
        }
        wake.notify_all();
        thread.join();
        std::lock_guard out(g_mutex);
        write_buffer();
    }
    ~Flusher() { stop(); }
};
Flusher& flusher() {
    static Flusher f;
    return f;
}
std::atomic<bool> g_buffered{false};

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

void set_buffered(bool buffered) {
    g_buffered = buffered;
    if (buffered) flusher().start();
    else flusher().stop();
}

void flush() {
    std::lock_guard lock(g_mutex);
    write_buffer();
}

void set_file(const std::string& path) {
    std::lock_guard lock(g_mutex);
    write_buffer();
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
    g_buffer += line;
    if (!g_buffered.load(std::memory_order_relaxed) || level >= Level::Warn || g_buffer.size() >= kFlushAt) write_buffer();
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
