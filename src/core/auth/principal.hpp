#pragma once
// Who is making a request, as every module sees it. The accounts module installs the loader that
// reads the session cookie; modules only read the principal (and never the accounts tables).
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/http/request.hpp"

namespace avenir::auth {

// A role held over a scope: ("admin", "global", ""), ("coordinator", "region", "asia-pacific"),
// ("member", "union", "42").
struct Grant {
    std::string role;
    std::string scope_type;
    std::string scope_id;
};

struct Principal {
    std::int64_t user_id = 0;
    std::string display_name;
    std::string lang;       // preferred interface language ("" = none)
    std::string time_zone;  // IANA name ("" = UTC)
    bool totp_enabled = false;
    bool second_factor_done = false;  // this session passed TOTP (or the account has none)
    std::vector<Grant> grants;

    bool has_role(std::string_view role) const;
    bool has_role_in(std::string_view role, std::string_view scope_type, std::string_view scope_id) const;
};

using PrincipalLoader = std::function<std::optional<Principal>(http::Request&)>;

// Attaches the loader to a request (the app does it before routing; the loader must outlive it).
void attach_principal_loader(http::Request& req, const PrincipalLoader* loader);
// The signed-in person, loaded once per request; nullptr for an anonymous visitor.
const Principal* current_principal(http::Request& req);
// The signed-in person; throws Forbidden for an anonymous visitor (defence in depth behind the
// route's permission).
const Principal& require_principal(http::Request& req);
// Drops the cached principal of this request (after sign-in or sign-out).
void forget_principal(http::Request& req);

}  // namespace avenir::auth
