#include "core/config.hpp"

#include <toml++/toml.h>

#include <charconv>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <map>

namespace avenir {
namespace {

unsigned to_unsigned(const std::string& name, const std::string& text, unsigned max) {
    unsigned value = 0;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || ptr != text.data() + text.size() || value > max)
        throw ConfigError(name + ": '" + text + "' is not a whole number between 0 and " + std::to_string(max));
    return value;
}

bool to_bool(const std::string& name, const std::string& text) {
    if (text == "1" || text == "true" || text == "yes") return true;
    if (text == "0" || text == "false" || text == "no") return false;
    throw ConfigError(name + ": '" + text + "' is not true or false");
}

// One setting: its TOML key ("server.port"), its environment variable, and how to apply text.
struct Setting {
    const char* key;
    const char* env;
    std::function<void(Config&, const std::string& name, const std::string& text)> apply;
};

const std::vector<Setting>& settings() {
    static const std::vector<Setting> all = {
        {"database.url", "AVENIR_DATABASE_URL", [](Config& c, auto&, auto& t) { c.database_url = t; }},
        {"database.pool", "AVENIR_DB_POOL", [](Config& c, auto& n, auto& t) { c.db_pool = to_unsigned(n, t, 256); }},
        {"server.host", "AVENIR_HOST", [](Config& c, auto&, auto& t) { c.host = t; }},
        {"server.port", "AVENIR_PORT", [](Config& c, auto& n, auto& t) { c.port = static_cast<std::uint16_t>(to_unsigned(n, t, 65535)); }},
        {"server.threads", "AVENIR_THREADS", [](Config& c, auto& n, auto& t) { c.threads = to_unsigned(n, t, 256); }},
        {"server.header_timeout_ms", "AVENIR_HEADER_TIMEOUT_MS", [](Config& c, auto& n, auto& t) { c.header_timeout_ms = to_unsigned(n, t, 600'000); }},
        {"server.idle_timeout_ms", "AVENIR_IDLE_TIMEOUT_MS", [](Config& c, auto& n, auto& t) { c.idle_timeout_ms = to_unsigned(n, t, 3'600'000); }},
        {"server.max_connections", "AVENIR_MAX_CONNECTIONS", [](Config& c, auto& n, auto& t) { c.max_connections = to_unsigned(n, t, 1'000'000); }},
        {"server.max_body_bytes", "AVENIR_MAX_BODY_BYTES", [](Config& c, auto& n, auto& t) { c.max_body_bytes = to_unsigned(n, t, 1u << 31); }},
        {"server.page_cache_ttl_ms", "AVENIR_PAGE_CACHE_TTL_MS", [](Config& c, auto& n, auto& t) { c.page_cache_ttl_ms = to_unsigned(n, t, 3'600'000); }},
        {"server.trusted_proxies", "AVENIR_TRUSTED_PROXIES", [](Config& c, auto&, auto& t) { c.trusted_proxies = t; }},
        {"server.behind_tls", "AVENIR_BEHIND_TLS", [](Config& c, auto& n, auto& t) { c.behind_tls = to_bool(n, t); }},
        {"server.base_url", "AVENIR_BASE_URL", [](Config& c, auto&, auto& t) { c.base_url = t; }},
        {"mail.smtp_url", "AVENIR_SMTP_URL", [](Config& c, auto&, auto& t) { c.smtp_url = t; }},
        {"mail.from", "AVENIR_MAIL_FROM", [](Config& c, auto&, auto& t) { c.smtp_from = t; }},
        {"mail.username", "AVENIR_SMTP_USERNAME", [](Config& c, auto&, auto& t) { c.smtp_username = t; }},
        {"mail.password", "AVENIR_SMTP_PASSWORD", [](Config& c, auto&, auto& t) { c.smtp_password = t; }},
        {"mail.outbox", "AVENIR_OUTBOX_DIR", [](Config& c, auto&, auto& t) { c.outbox_dir = t; }},
        {"sessions.idle_minutes", "AVENIR_SESSION_IDLE_MINUTES", [](Config& c, auto& n, auto& t) { c.session_idle_minutes = to_unsigned(n, t, 24 * 60); }},
        {"sessions.absolute_hours", "AVENIR_SESSION_ABSOLUTE_HOURS", [](Config& c, auto& n, auto& t) { c.session_absolute_hours = to_unsigned(n, t, 24 * 30); }},
        {"paths.static", "AVENIR_STATIC_DIR", [](Config& c, auto&, auto& t) { c.static_dir = t; }},
        {"paths.content", "AVENIR_CONTENT_DIR", [](Config& c, auto&, auto& t) { c.content_dir = t; }},
        {"paths.files", "AVENIR_FILES_DIR", [](Config& c, auto&, auto& t) { c.files_dir = t; }},
        {"library.max_upload_mb", "AVENIR_MAX_UPLOAD_MB", [](Config& c, auto& n, auto& t) { c.max_upload_mb = to_unsigned(n, t, 2048); }},
        {"paths.locale", "AVENIR_LOCALE_DIR", [](Config& c, auto&, auto& t) { c.locale_dir = t; }},
        {"log.level", "AVENIR_LOG_LEVEL", [](Config& c, auto&, auto& t) { c.log_level = t; }},
        {"log.access", "AVENIR_ACCESS_LOG", [](Config& c, auto& n, auto& t) { c.access_log = to_bool(n, t); }},
    };
    return all;
}

}  // namespace

void Config::load_file(const std::string& path, bool required) {
    if (!std::filesystem::exists(path)) {
        if (required) throw ConfigError(path + ": configuration file not found");
        return;
    }
    toml::table doc;
    try {
        doc = toml::parse_file(path);
    } catch (const toml::parse_error& e) {
        throw ConfigError(path + ":" + std::to_string(e.source().begin.line) + ": " + std::string(e.description()));
    }
    for (const auto& s : settings()) {
        const toml::node_view node = doc.at_path(s.key);
        if (!node) continue;
        std::string text;
        if (auto str = node.value_exact<std::string>()) text = *str;
        else if (auto i = node.value_exact<int64_t>()) text = *i < 0 ? "-1" : std::to_string(*i);
        else if (auto b = node.value_exact<bool>()) text = *b ? "true" : "false";
        else throw ConfigError(path + ": " + s.key + " must be a string, a number or true/false");
        s.apply(*this, path + ": " + s.key, text);
    }
}

void Config::load_env() {
    for (const auto& s : settings())
        if (const char* v = std::getenv(s.env)) s.apply(*this, s.env, v);
}

}  // namespace avenir
