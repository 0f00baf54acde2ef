#pragma once
// Plain structs of the accounts module.
#include <cstdint>
#include <optional>
#include <string>

namespace avenir::accounts {

struct User {
    std::int64_t id = 0;
    std::string email;  // lower-cased
    std::string display_name;
    std::optional<std::string> password_hash;
    std::optional<std::int64_t> email_verified_at;
    std::string lang, time_zone;
    std::optional<std::string> totp_secret;
    std::optional<std::int64_t> totp_enabled_at;
    std::int64_t totp_last_step = 0;
    std::int64_t created_at = 0;
};

struct SessionRow {
    std::int64_t user_id = 0;
    std::int64_t created_at = 0, last_seen_at = 0;
    bool second_factor_done = false;
};

struct Union {
    std::int64_t id = 0;
    std::string name, country, region_slug, sector;
};

struct ThrottleRow {
    std::int64_t failures = 0, window_start = 0, locked_until = 0;
};

struct AuditEntry {
    std::int64_t id = 0, at = 0;
    std::string event;
    std::optional<std::int64_t> actor_id, subject_id;
    std::string detail;
};

}  // namespace avenir::accounts
