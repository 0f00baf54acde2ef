#include "core/log.hpp"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <ctime>
#include <mutex>
#include <thread>

#include "core/thread_priority.hpp"

namespace avenir::log {
namespace {
std::atomic<Level> g_level{Level::Info};
std::mutex g_mutex;      // guards g_buffer: held only to append a line or take the buffer
std::mutex g_out_mutex;  // guards g_out and the order in which buffers reach it
std::FILE* g_out = nullptr;
std::string g_buffer;    // lines not yet written (buffered mode)
constexpr std::size_t kWakeAt = 256 * 1024;       // ask the writer thread to write early
constexpr std::size_t kBackpressureAt = 16 << 20; // the writer cannot keep up: write here

// Writes what is buffered; file I/O happens outside g_mutex, so adding a line never waits for it.
void drain() {
    std::lock_guard out_lock(g_out_mutex);
    std::string chunk;
    {
        std::lock_guard lock(g_mutex);
        chunk.swap(g_buffer);
    }
    if (chunk.empty()) return;
    std::FILE* out = g_out ? g_out : stderr;
    std::fwrite(chunk.data(), 1, chunk.size(), out);
    std::fflush(out);
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
            // Below the io threads: a log write never holds a page back (and at 16 MB buffered a
            // writer that cannot keep up is helped by the callers, see write()).
            lower_thread_priority(10);
            std::unique_lock lock(mutex);
            while (on) {
                wake.wait_for(lock, std::chrono::milliseconds(100));
                lock.unlock();
                drain();
                lock.lock();
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
        drain();
    }
    ~Flusher() { stop(); }
};
Flusher& flusher() {
    static Flusher f;
    return f;
}
std::atomic<bool> g_buffered{false};
std::atomic<bool> g_json{false};

void json_string(std::string& out, std::string_view s) {
    out.push_back('"');
    for (unsigned char c : s) {
        if (c == '"' || c == '\\') {
            out.push_back('\\');
            out.push_back(static_cast<char>(c));
        } else if (c < 0x20) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", c);
            out.append(buf);
        } else {
            out.push_back(static_cast<char>(c));
        }
    }
    out.push_back('"');
}

// The fields as kv() wrote them (key=value, key="quoted \" value"), as JSON members.
void json_fields(std::string& out, std::string_view fields) {
    std::size_t i = 0;
    while (i < fields.size()) {
        while (i < fields.size() && fields[i] == ' ') ++i;
        const std::size_t eq = fields.find('=', i);
        if (i >= fields.size() || eq == std::string_view::npos) break;
        const std::string_view key = fields.substr(i, eq - i);
        std::string value;
        i = eq + 1;
        if (i < fields.size() && fields[i] == '"') {
            for (++i; i < fields.size() && fields[i] != '"'; ++i) {
                if (fields[i] == '\\' && i + 1 < fields.size()) ++i;
                value.push_back(fields[i]);
            }
            ++i;
        } else {
            const std::size_t end = std::min(fields.find(' ', i), fields.size());
            value = fields.substr(i, end - i);
            i = end;
        }
        out.push_back(',');
        json_string(out, key);
        out.push_back(':');
        json_string(out, value);
    }
}

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

void set_json(bool json) { g_json = json; }

void set_buffered(bool buffered) {
    g_buffered = buffered;
    if (buffered) flusher().start();
    else flusher().stop();
}

void flush() { drain(); }

void set_file(const std::string& path) {
    drain();
    std::lock_guard lock(g_out_mutex);
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
    line.reserve(64 + event.size() + fields.size() * 2);
    if (g_json.load(std::memory_order_relaxed)) {
        line.append("{\"time\":\"").append(ts).append("\",\"level\":\"").append(level_name(level)).append("\",\"event\":");
        json_string(line, event);
        json_fields(line, fields);
        line.append("}\n");
    } else {
        line.append("time=").append(ts).append(" level=").append(level_name(level)).append(" event=");
        line.append(event);
        if (!fields.empty()) line.append(" ").append(fields);
        line.push_back('\n');
    }
    std::size_t buffered = 0;
    {
        std::lock_guard lock(g_mutex);
        g_buffer += line;
        buffered = g_buffer.size();
    }
    if (!g_buffered.load(std::memory_order_relaxed) || level >= Level::Warn || buffered >= kBackpressureAt) drain();
    else if (buffered >= kWakeAt) flusher().wake.notify_one();
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
