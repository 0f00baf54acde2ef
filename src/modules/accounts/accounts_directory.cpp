// The people directory other modules see (kit::Directory): names, e-mail addresses, languages,
// time zones, role holders of a region, consents and the regions of unions. Each call is one
// statement; lists of ids are bound as parameters, never pasted into the SQL.
#include <algorithm>

#include "core/clock.hpp"
#include "storage/bind.hpp"
#include "modules/accounts/accounts_module.hpp"

namespace avenir::accounts {

namespace {

// The distinct ids, sorted.
std::vector<std::int64_t> distinct(std::vector<std::int64_t> ids) {
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    return ids;
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
        std::vector<storage::Value> params;
        const std::string in = storage::bind_in(params, distinct(ids));
        if (params.empty()) return out;
        for (const auto& r : db.exec(std::string("SELECT ") + kCardColumns + " FROM accounts_users u WHERE u.id IN (" + in + ") ORDER BY u.id",
                                     params))
            out.push_back(card(r));
        return out;
    };
    d.by_email = [&db](const std::string& email) -> std::optional<kit::PersonCard> {
        const auto r = db.exec(std::string("SELECT ") + kCardColumns + " FROM accounts_users u WHERE u.email = $1", {normalize_email(email)});
        if (r.empty()) return std::nullopt;
        return card(r.at(0));
    };
    d.union_holders = [&db](const std::string& role, std::int64_t union_id) {
        std::vector<kit::PersonCard> out;
        for (const auto& r : db.exec(std::string("SELECT ") + kCardColumns +
                                         " FROM accounts_grants g JOIN accounts_users u ON u.id = g.user_id "
                                         "WHERE g.role = $1 AND g.scope_type = 'union' AND g.scope_id = $2 ORDER BY u.display_name, u.id",
                                     {role, std::to_string(union_id)}))
            out.push_back(card(r));
        return out;
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
        std::vector<storage::Value> params;
        const std::string in = storage::bind_in(params, distinct(ids));
        if (params.empty()) return out;
        params.emplace_back(kind);
        for (const auto& r : db.exec("SELECT DISTINCT user_id FROM accounts_consents WHERE withdrawn_at IS NULL AND kind = $" +
                                         std::to_string(params.size()) + " AND user_id IN (" + in + ")",
                                     params))
            out.insert(r.get_int("user_id"));
        return out;
    };
    d.union_regions = [&db](const std::vector<std::int64_t>& ids) {
        std::map<std::int64_t, std::string> out;
        std::vector<storage::Value> params;
        const std::string in = storage::bind_in(params, distinct(ids));
        if (params.empty()) return out;
        for (const auto& r : db.exec("SELECT id, region_slug FROM accounts_unions WHERE id IN (" + in + ")", params))
            out.emplace(r.get_int("id"), r.get_text("region_slug"));
        return out;
    };
    d.unions = [&db](const std::vector<std::int64_t>& ids) {
        std::vector<kit::Directory::Union> out;
        std::vector<storage::Value> params;
        const std::string in = storage::bind_in(params, distinct(ids));
        if (params.empty()) return out;
        for (const auto& r : db.exec("SELECT id, name, country, region_slug, sector FROM accounts_unions WHERE id IN (" + in + ") ORDER BY name, id", params))
            out.push_back({r.get_int("id"), r.get_text("name"), r.get_text("country"), r.get_text("region_slug"), r.get_text("sector")});
        return out;
    };
    d.grant_region_role = [this](storage::Executor& tx, std::int64_t user_id, const std::string& role, const std::string& region,
                                 std::int64_t by) {
        if (tx.exec("SELECT id FROM accounts_users WHERE id = $1", {user_id}).empty()) return false;
        const auto held = tx.exec("SELECT 1 FROM accounts_grants WHERE user_id = $1 AND role = $2 AND scope_type = 'region' AND scope_id = $3",
                                  {user_id, role, region});
        if (!held.empty()) return true;
        AccountsStore(tx).add_grant(user_id, {role, "region", region}, by, clock::unix_seconds());
        ctx_->audit.record(tx, {"role_granted", by, user_id, role + " region " + region});
        return true;
    };
    return d;
}

}  // namespace avenir::accounts
