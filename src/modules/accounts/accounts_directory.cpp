// The people directory other modules see (kit::Directory): names, e-mail addresses, languages,
// time zones, role holders of a region, consents and the regions of unions. Each call is one
// statement; lists of ids are bound as parameters, never pasted into the SQL.
#include <algorithm>

#include "modules/accounts/accounts_module.hpp"

namespace avenir::accounts {

namespace {

// "$1, $2, ..." for n parameters starting at `first`.
std::string placeholders(std::size_t n, std::size_t first = 1) {
    std::string out;
    for (std::size_t i = 0; i < n; ++i) out += (i ? ", $" : "$") + std::to_string(first + i);
    return out;
}

std::vector<storage::Value> values(const std::vector<std::int64_t>& ids) {
    std::vector<std::int64_t> sorted = ids;
    std::sort(sorted.begin(), sorted.end());
    sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
    return {sorted.begin(), sorted.end()};
}

kit::PersonCard card(const storage::Row& r) {
    return {r.get_int("id"), r.get_text("display_name"), r.get_text("email"), r.get_text("lang"), r.get_text("time_zone")};
}

constexpr const char* kCardColumns = "u.id, u.display_name, u.email, u.lang, u.time_zone";

}  // namespace

kit::Directory AccountsModule::directory() {
    kit::Directory d;
    storage::Database& db = ctx_->db;
    d.people = [&db](const std::vector<std::int64_t>& ids) {
        std::vector<kit::PersonCard> out;
        const auto params = values(ids);
        if (params.empty()) return out;
        for (const auto& r : db.exec(std::string("SELECT ") + kCardColumns + " FROM accounts_users u WHERE u.id IN (" +
                                         placeholders(params.size()) + ") ORDER BY u.id",
                                     params))
            out.push_back(card(r));
        return out;
    };
    d.by_email = [&db](const std::string& email) -> std::optional<kit::PersonCard> {
        const auto r = db.exec(std::string("SELECT ") + kCardColumns + " FROM accounts_users u WHERE u.email = $1", {normalize_email(email)});
        if (r.empty()) return std::nullopt;
        return card(r.at(0));
    };
    d.holders = [&db](const std::string& role, const std::string& region) {
        std::vector<kit::PersonCard> out;
        for (const auto& r : db.exec(std::string("SELECT ") + kCardColumns +
                                         " FROM accounts_grants g JOIN accounts_users u ON u.id = g.user_id "
                                         "WHERE g.role = $1 AND g.scope_type = 'region' AND g.scope_id = $2 ORDER BY u.display_name, u.id",
                                     {role, region}))
            out.push_back(card(r));
        return out;
    };
    d.consenting = [&db](const std::vector<std::int64_t>& ids, const std::string& kind) {
        std::set<std::int64_t> out;
        auto params = values(ids);
        if (params.empty()) return out;
        const std::size_t n = params.size();
        params.emplace_back(kind);
        for (const auto& r : db.exec("SELECT DISTINCT user_id FROM accounts_consents WHERE withdrawn_at IS NULL AND kind = $" +
                                         std::to_string(n + 1) + " AND user_id IN (" + placeholders(n) + ")",
                                     params))
            out.insert(r.get_int("user_id"));
        return out;
    };
    d.union_regions = [&db](const std::vector<std::int64_t>& ids) {
        std::map<std::int64_t, std::string> out;
        const auto params = values(ids);
        if (params.empty()) return out;
        for (const auto& r : db.exec("SELECT id, region_slug FROM accounts_unions WHERE id IN (" + placeholders(params.size()) + ")", params))
            out.emplace(r.get_int("id"), r.get_text("region_slug"));
        return out;
    };
    return d;
}

}  // namespace avenir::accounts
