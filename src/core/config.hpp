#pragma once
// Configuration: defaults < avenir.toml < AVENIR_* environment variables < command-line flags.
#include <cstdint>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace avenir {

struct ConfigError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// A configuration key a module declares (kit::Declarations::setting): read from avenir.toml and
// the environment like the platform's own keys, checked the same way.
struct SettingSpec {
    enum class Type { Text, Number, Flag };
    std::string key;            // "library.max_upload_mb"
    std::string env;            // "AVENIR_MAX_UPLOAD_MB"
    std::string default_value;  // as text: "50", "true", "var/files"
    std::string help;           // one line for avenir.example.toml and --help
    Type type = Type::Text;
    unsigned max = 0;           // numbers: the largest accepted
};

struct Config {
    std::string database_url = "sqlite:var/avenir.db";
    std::string host = "127.0.0.1";
    std::uint16_t port = 8080;
    unsigned threads = 0;                      // io threads; 0 = one per core
    unsigned workers = 0;                      // handler threads; 0 = four per core
    unsigned queue = 0;                        // requests waiting for a handler thread; 0 = 32 per worker
    unsigned db_pool = 0;                      // database connections; 0 = workers + 2
    std::string static_dir = "static";
    std::string content_dir = "content";
    std::string locale_dir = AVENIR_LOCALE_DIR;  // compiled catalogs
    std::string log_level = "info";
    bool access_log = true;
    std::string log_format = "text";            // text (logfmt) or json (one object a line)
    std::string metrics_allow = "127.0.0.1, ::1";  // who may read /metrics (client addresses); "" turns it off
    unsigned header_timeout_ms = 10'000;
    unsigned idle_timeout_ms = 30'000;
    unsigned max_connections = 4096;
    std::size_t max_body_bytes = 1024 * 1024;
    unsigned page_cache_ttl_ms = 5'000;
    bool behind_tls = false;                   // set when a TLS-terminating proxy is in front
    std::string trusted_proxies;               // comma-separated proxy addresses whose X-Forwarded-For is believed
    std::string base_url;                      // public address for links in e-mails; default http://host:port
    std::string smtp_url;                      // smtp://relay:25 or smtps://...; empty = write mail to outbox_dir
    std::string smtp_from = "avenir@localhost";
    std::string smtp_username, smtp_password;
    std::string outbox_dir = "var/outbox";
    std::string files_dir = "var/files";       // uploaded files, stored by content hash (shared by all instances)

    // Reads a TOML file (missing file is fine when `required` is false). Throws ConfigError.
    void load_file(const std::string& path, bool required);
    // Applies AVENIR_DATABASE_URL, AVENIR_HOST, AVENIR_PORT, ... Throws ConfigError.
    void load_env();

    // What 0 ("automatic") means for these, on this machine.
    unsigned effective_workers() const;
    unsigned effective_queue() const;
    unsigned effective_db_pool() const;
    // Where uploads are written while they arrive: beside the blob store (same filesystem, so
    // keeping one is a rename).
    std::string upload_dir() const { return files_dir + "/incoming"; }
    // Cross-checks values; throws ConfigError naming the keys to fix.
    void check() const;

    // Module settings. declare() before load_file()/load_env() so they are read; a value set()
    // before its declaration is checked when declared. Throws ConfigError for a bad value,
    // std::logic_error for a key declared twice.
    void declare(const SettingSpec& spec);
    void set(const std::string& key, const std::string& text);
    const std::string& text(std::string_view key) const;  // std::logic_error when undeclared
    unsigned number(std::string_view key) const;
    bool flag(std::string_view key) const;
    const std::vector<SettingSpec>& declared() const { return declared_; }

private:
    std::vector<SettingSpec> declared_;
    std::map<std::string, std::string, std::less<>> values_;
};

}  // namespace avenir
