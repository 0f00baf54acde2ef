#pragma once
// The client's address behind trusted reverse proxies (X-Forwarded-For), for throttling only.
#include <string>
#include <string_view>
#include <vector>

#include "core/http/request.hpp"

namespace avenir::http {

// Splits "127.0.0.1, ::1" into addresses.
std::vector<std::string> parse_address_list(std::string_view text);
// When the peer is a trusted proxy, replaces req.remote_address with the rightmost address of
// X-Forwarded-For that is not itself a trusted proxy. Untrusted peers cannot spoof the header.
void apply_forwarded_for(Request& req, const std::vector<std::string>& trusted_proxies);

}  // namespace avenir::http
