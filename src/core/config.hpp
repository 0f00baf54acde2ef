#pragma once
// Configuration: defaults < avenir.toml < AVENIR_* environment variables < command-line flags.
#include <cstdint>
#include <stdexcept>
#include <string>

namespace avenir {

struct ConfigError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct Config {
    std::string database_url = "sqlite:var/avenir.db";
    std::string host = "127.0.0.1";
    std::uint16_t port = 8080;
    unsigned threads = 0;                      // 0 = one per core
    unsigned db_pool = 8;
    std::string static_dir = "static";
    std::string content_dir = "content";
    std::string locale_dir = AVENIR_LOCALE_DIR;  // compiled catalogs
    std::string log_level = "info";
    bool access_log = true;
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
    std::size_t max_upload_mb = 50;            // largest uploaded file
    unsigned session_idle_minutes = 30;        // ASVS L2
    unsigned session_absolute_hours = 12;

    // Reads a TOML file (missing file is fine when `required` is false). Throws ConfigError.
    void load_file(const std::string& path, bool required);
    // Applies AVENIR_DATABASE_URL, AVENIR_HOST, AVENIR_PORT, ... Throws ConfigError.
    void load_env();
};

}  // namespace avenir
