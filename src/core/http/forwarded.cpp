#include "core/http/forwarded.hpp"

#include <algorithm>

namespace avenir::http {
namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

}  // namespace

std::vector<std::string> parse_address_list(std::string_view text) {
    std::vector<std::string> out;
    while (!text.empty()) {
        const auto comma = text.find(',');
        const auto item = trim(text.substr(0, comma));
        if (!item.empty()) out.emplace_back(item);
        if (comma == std::string_view::npos) break;
        text.remove_prefix(comma + 1);
    }
    return out;
}

void apply_forwarded_for(Request& req, const std::vector<std::string>& trusted) {
    auto is_trusted = [&](const std::string& a) { return std::find(trusted.begin(), trusted.end(), a) != trusted.end(); };
    if (trusted.empty() || !is_trusted(req.remote_address)) return;
    const auto header = req.header("x-forwarded-for");
    if (!header) return;
    const auto hops = parse_address_list(*header);
    for (auto it = hops.rbegin(); it != hops.rend(); ++it)
        if (!is_trusted(*it)) {
            req.remote_address = *it;
            return;
        }
}

}  // namespace avenir::http
