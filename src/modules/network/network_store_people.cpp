// The network store's people: applications to become a Digital Rights Organiser, and profiles.
#include "core/text/list.hpp"
#include "modules/network/network_store.hpp"
#include "storage/bind.hpp"

namespace avenir::network {
using storage::Value;

namespace {

constexpr const char* kApplicationColumns =
    "id, user_id, union_id, union_name, region, languages, experience, motivation, lang, state, message, decided_by, decided_at, "
    "cycle_id, created_at";

Application to_application(const storage::Row& r) {
    Application a;
    a.id = r.get_int("id");
    a.user_id = r.get_int("user_id");
    a.union_id = r.get_opt_int("union_id");
    a.union_name = r.get_text("union_name");
    a.region = r.get_text("region");
    a.languages = text::split_list(r.get_text("languages"));
    a.experience = r.get_text("experience");
    a.motivation = r.get_text("motivation");
    a.lang = r.get_text("lang");
    a.state = r.get_text("state");
    a.message = r.get_text("message");
    a.decided_by = r.get_opt_int("decided_by");
    a.decided_at = r.get_opt_int("decided_at").value_or(0);
    a.cycle_id = r.get_opt_int("cycle_id");
    a.created_at = r.get_int("created_at");
    return a;
}

std::vector<Application> to_applications(const storage::Result& rows) {
    std::vector<Application> out;
    for (const auto& r : rows) out.push_back(to_application(r));
    return out;
}

constexpr const char* kProfileColumns = "user_id, languages, sectors, skills, help, visibility, updated_at, digest";

Profile to_profile(const storage::Row& r) {
    return {r.get_int("user_id"), text::split_list(r.get_text("languages")), text::split_list(r.get_text("sectors")),
            r.get_text("skills"),  r.get_text("help"),                         r.get_text("visibility"),
            r.get_int("updated_at"), r.get_int("digest") != 0};
}

}  // namespace

std::optional<Profile> NetworkStore::profile(std::int64_t user_id) {
    const auto rows = db_.exec(std::string("SELECT ") + kProfileColumns + " FROM network_profiles WHERE user_id = $1", {user_id});
    if (rows.empty()) return std::nullopt;
    return to_profile(rows.at(0));
}

std::map<std::int64_t, Profile> NetworkStore::profiles(const std::vector<std::int64_t>& user_ids) {
    std::map<std::int64_t, Profile> out;
    std::vector<Value> params;
    const std::string in = storage::bind_in(params, user_ids);
    if (params.empty()) return out;
    for (const auto& r : db_.exec(std::string("SELECT ") + kProfileColumns + " FROM network_profiles WHERE user_id IN (" + in + ")", params))
        out.emplace(r.get_int("user_id"), to_profile(r));
    return out;
}

void NetworkStore::put_profile(const Profile& p, std::int64_t now) {
    db_.exec("INSERT INTO network_profiles (user_id, languages, sectors, skills, help, visibility, updated_at, digest) "
             "VALUES ($1, $2, $3, $4, $5, $6, $7, $8) "
             "ON CONFLICT (user_id) DO UPDATE SET languages = excluded.languages, sectors = excluded.sectors, skills = excluded.skills, "
             "help = excluded.help, visibility = excluded.visibility, updated_at = excluded.updated_at, digest = excluded.digest",
             {p.user_id, text::join_list(p.languages), text::join_list(p.sectors), p.skills, p.help, p.visibility, now,
              std::int64_t{p.digest ? 1 : 0}});
}

std::int64_t NetworkStore::create_application(const Application& a, std::int64_t now) {
    return db_
        .exec("INSERT INTO network_applications (user_id, union_id, union_name, region, languages, experience, motivation, lang, state, "
              "created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'pending', $9) RETURNING id",
              {a.user_id, storage::nullable(a.union_id), a.union_name, a.region, text::join_list(a.languages), a.experience, a.motivation,
               a.lang, now})
        .at(0)
        .get_int("id");
}

std::optional<Application> NetworkStore::application(std::int64_t id) {
    const auto rows = db_.exec(std::string("SELECT ") + kApplicationColumns + " FROM network_applications WHERE id = $1", {id});
    if (rows.empty()) return std::nullopt;
    return to_application(rows.at(0));
}

std::vector<Application> NetworkStore::applications_of(std::int64_t user_id) {
    return to_applications(db_.exec(std::string("SELECT ") + kApplicationColumns +
                                        " FROM network_applications WHERE user_id = $1 ORDER BY created_at DESC, id DESC LIMIT 50",
                                    {user_id}));
}

std::vector<Application> NetworkStore::applications_to_review(const std::vector<std::string>& regions, bool all, std::int64_t decided_since) {
    if (!all && regions.empty()) return {};
    std::vector<Value> params{decided_since};
    std::string where = "(state = 'pending' OR decided_at >= $1)";
    if (!all) where += " AND region IN (" + storage::bind_in(params, regions) + ")";
    return to_applications(db_.exec(std::string("SELECT ") + kApplicationColumns + " FROM network_applications WHERE " + where +
                                        " ORDER BY CASE WHEN state = 'pending' THEN 0 ELSE 1 END, "
                                        "CASE WHEN state = 'pending' THEN created_at ELSE -decided_at END, id LIMIT 200",
                                    params));
}

bool NetworkStore::decide_application(std::int64_t id, const std::string& state, std::int64_t by, const std::string& message,
                                      std::optional<std::int64_t> cycle_id, std::int64_t now) {
    const auto rows = db_.exec("UPDATE network_applications SET state = $2, decided_by = $3, message = $4, cycle_id = $5, decided_at = $6 "
                               "WHERE id = $1 AND state = 'pending' RETURNING id",
                               {id, state, by, message, storage::nullable(cycle_id), now});
    return !rows.empty();
}

std::int64_t NetworkStore::add_cascade(const CascadeSession& s, std::int64_t now) {
    return db_
        .exec("INSERT INTO network_cascade_sessions (user_id, cycle_id, held_on, workshop, theme, lang, people, union_name, region, created_at) "
              "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
              {storage::nullable(s.user_id), s.cycle_id, s.held_on, s.workshop, std::int64_t{s.theme}, s.lang, std::int64_t{s.people}, s.union_name,
               s.region, now})
        .at(0)
        .get_int("id");
}

std::vector<CascadeSession> NetworkStore::cascade_of(std::int64_t user_id) {
    std::vector<CascadeSession> out;
    for (const auto& r : db_.exec("SELECT id, user_id, cycle_id, held_on, workshop, theme, lang, people, union_name, region "
                                  "FROM network_cascade_sessions WHERE user_id = $1 ORDER BY held_on DESC, id DESC LIMIT 200",
                                  {user_id}))
        out.push_back({r.get_int("id"), r.get_opt_int("user_id"), r.get_int("cycle_id"), r.get_text("held_on"), r.get_text("workshop"),
                       static_cast<int>(r.get_int("theme")), r.get_text("lang"), static_cast<int>(r.get_int("people")), r.get_text("union_name"),
                       r.get_text("region")});
    return out;
}

std::vector<CascadeTotal> NetworkStore::cascade_totals() {
    std::vector<CascadeTotal> out;
    for (const auto& r : db_.exec("SELECT region, theme, count(*) AS sessions, sum(people) AS people FROM network_cascade_sessions "
                                  "GROUP BY region, theme ORDER BY region, theme"))
        out.push_back({r.get_text("region"), static_cast<int>(r.get_int("theme")), static_cast<int>(r.get_int("sessions")),
                       static_cast<int>(r.get_int("people"))});
    return out;
}

std::vector<CoalitionUnion> NetworkStore::coalition_unions(std::int64_t coalition_id) {
    std::vector<CoalitionUnion> out;
    for (const auto& r : db_.exec("SELECT coalition_id, union_id, stance, why, updated_at FROM network_coalition_unions WHERE coalition_id = $1 "
                                  "ORDER BY CASE stance WHEN 'founded' THEN 0 WHEN 'member' THEN 1 ELSE 2 END, updated_at, union_id",
                                  {coalition_id}))
        out.push_back({r.get_int("coalition_id"), r.get_int("union_id"), r.get_text("stance"), r.get_text("why"), r.get_int("updated_at")});
    return out;
}

void NetworkStore::put_coalition_union(const CoalitionUnion& u, std::int64_t by, std::int64_t now) {
    if (u.stance.empty()) {
        db_.exec("DELETE FROM network_coalition_unions WHERE coalition_id = $1 AND union_id = $2", {u.coalition_id, u.union_id});
        return;
    }
    db_.exec("INSERT INTO network_coalition_unions (coalition_id, union_id, stance, why, updated_by, updated_at) VALUES ($1, $2, $3, $4, $5, $6) "
             "ON CONFLICT (coalition_id, union_id) DO UPDATE SET stance = excluded.stance, why = excluded.why, updated_by = excluded.updated_by, "
             "updated_at = excluded.updated_at",
             {u.coalition_id, u.union_id, u.stance, u.why, by, now});
}

}  // namespace avenir::network
