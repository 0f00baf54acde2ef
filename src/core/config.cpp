#include "core/config.hpp"

#include <toml++/toml.h>

#include <charconv>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <algorithm>
#include <map>
#include <thread>

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
        {"database.pool", "AVENIR_DB_POOL", [](Config& c, auto& n, auto& t) { c.db_pool = to_unsigned(n, t, 1026); }},
        {"server.host", "AVENIR_HOST", [](Config& c, auto&, auto& t) { c.host = t; }},
        {"server.port", "AVENIR_PORT", [](Config& c, auto& n, auto& t) { c.port = static_cast<std::uint16_t>(to_unsigned(n, t, 65535)); }},
        {"server.threads", "AVENIR_THREADS", [](Config& c, auto& n, auto& t) { c.threads = to_unsigned(n, t, 256); }},
        {"server.workers", "AVENIR_WORKERS", [](Config& c, auto& n, auto& t) { c.workers = to_unsigned(n, t, 1024); }},
        {"server.queue", "AVENIR_QUEUE", [](Config& c, auto& n, auto& t) { c.queue = to_unsigned(n, t, 1'000'000); }},
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
        {"paths.static", "AVENIR_STATIC_DIR", [](Config& c, auto&, auto& t) { c.static_dir = t; }},
        {"paths.content", "AVENIR_CONTENT_DIR", [](Config& c, auto&, auto& t) { c.content_dir = t; }},
        {"paths.files", "AVENIR_FILES_DIR", [](Config& c, auto&, auto& t) { c.files_dir = t; }},
        {"paths.locale", "AVENIR_LOCALE_DIR", [](Config& c, auto&, auto& t) { c.locale_dir = t; }},
        {"log.level", "AVENIR_LOG_LEVEL", [](Config& c, auto&, auto& t) { c.log_level = t; }},
        {"log.access", "AVENIR_ACCESS_LOG", [](Config& c, auto& n, auto& t) { c.access_log = to_bool(n, t); }},
        {"log.format", "AVENIR_LOG_FORMAT", [](Config& c, auto&, auto& t) { c.log_format = t; }},
        {"server.metrics_allow", "AVENIR_METRICS_ALLOW", [](Config& c, auto&, auto& t) { c.metrics_allow = t; }},
    };
    return all;
}

// Checks text against a declared setting; returns it normalised ("1" -> "true" for flags).
std::string checked(const SettingSpec& spec, const std::string& name, const std::string& text) {
    switch (spec.type) {
        case SettingSpec::Type::Number: return std::to_string(to_unsigned(name, text, spec.max));
        case SettingSpec::Type::Flag: return to_bool(name, text) ? "true" : "false";
        case SettingSpec::Type::Text: return text;
    }
    return text;
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
    auto read = [&](const char* key, const std::function<void(const std::string&, const std::string&)>& apply) {
        const toml::node_view node = doc.at_path(key);
        if (!node) return;
        std::string text;
        if (auto str = node.value_exact<std::string>()) text = *str;
        else if (auto i = node.value_exact<int64_t>()) text = *i < 0 ? "-1" : std::to_string(*i);
        else if (auto b = node.value_exact<bool>()) text = *b ? "true" : "false";
        else throw ConfigError(path + ": " + key + " must be a string, a number or true/false");
        apply(path + ": " + key, text);
    };
    for (const auto& s : settings()) read(s.key, [&](const std::string& n, const std::string& t) { s.apply(*this, n, t); });
    for (const auto& spec : declared_)
        read(spec.key.c_str(), [&](const std::string& n, const std::string& t) { values_[spec.key] = checked(spec, n, t); });
}

void Config::load_env() {
    for (const auto& s : settings())
        if (const char* v = std::getenv(s.env)) s.apply(*this, s.env, v);
    for (const auto& spec : declared_)
        if (const char* v = std::getenv(spec.env.c_str())) values_[spec.key] = checked(spec, spec.env, v);
}

unsigned Config::effective_workers() const {
    if (workers > 0) return workers;
    return std::max(4u, 4 * std::max(1u, std::thread::hardware_concurrency()));
}

unsigned Config::effective_queue() const { return queue > 0 ? queue : 32 * effective_workers(); }

unsigned Config::effective_db_pool() const { return db_pool > 0 ? db_pool : effective_workers() + 2; }

void Config::check() const {
    if (log_format != "text" && log_format != "json")
        throw ConfigError("log.format must be \"text\" or \"json\" (it is \"" + log_format + "\")");
    // Each handler holds at most one connection at a time: with fewer connections than handler
    // threads, a handler could wait for one it cannot get while the queue grows.
    if (db_pool > 0 && db_pool < effective_workers() + 1)
        throw ConfigError("database.pool (" + std::to_string(db_pool) + ") must be at least server.workers + 1 (" +
                          std::to_string(effective_workers() + 1) + "): every handler thread needs a connection, and one more "
                          "serves health checks; raise database.pool or lower server.workers (or leave database.pool at 0 for workers + 2)");
}

void Config::declare(const SettingSpec& spec) {
    for (const auto& d : declared_)
        if (d.key == spec.key || d.env == spec.env) throw std::logic_error("setting " + spec.key + " is declared twice");
    for (const auto& s : settings())
        if (spec.key == s.key || spec.env == s.env) throw std::logic_error("setting " + spec.key + " is the platform's own");
    declared_.push_back(spec);
    const auto it = values_.find(spec.key);
    values_[spec.key] = checked(spec, spec.key, it == values_.end() ? spec.default_value : it->second);
}

void Config::set(const std::string& key, const std::string& text) {
    for (const auto& spec : declared_)
        if (spec.key == key) {
            values_[key] = checked(spec, key, text);
            return;
        }
    values_[key] = text;
}

const std::string& Config::text(std::string_view key) const {
    const auto it = values_.find(key);
    if (it == values_.end()) throw std::logic_error("setting " + std::string(key) + " was not declared");
    return it->second;
}

unsigned Config::number(std::string_view key) const { return to_unsigned(std::string(key), text(key), ~0u); }

bool Config::flag(std::string_view key) const { return text(key) == "true"; }

}  // namespace avenir
