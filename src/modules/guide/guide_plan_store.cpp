#include "modules/guide/guide_plan_store.hpp"

namespace avenir::guide {
namespace {
constexpr const char* kColumns = "id, owner_id, share_token, title, slot_minutes, start_minutes, interpretation_percent";

Plan to_plan(const storage::Row& r) {
    Plan p;
    p.id = r.get_int("id");
    p.owner_id = r.get_int("owner_id");
    p.share_token = r.get_text("share_token");
    p.title = r.get_text("title");
    p.slot_minutes = static_cast<int>(r.get_int("slot_minutes"));
    if (const auto s = r.get_opt_int("start_minutes")) p.start_minutes = static_cast<int>(*s);
    p.interpretation_percent = static_cast<int>(r.get_int("interpretation_percent"));
    return p;
}
}  // namespace

std::int64_t PlanStore::create(std::int64_t owner, const std::string& title, int slot, const std::string& token, std::int64_t now) {
    return db_.exec("INSERT INTO guide_plans (share_token, owner_id, title, slot_minutes, created_at, updated_at) "
                    "VALUES ($1, $2, $3, $4, $5, $5) RETURNING id",
                    {token, owner, title, std::int64_t{slot}, now})
        .at(0)
        .get_int("id");
}

std::optional<Plan> PlanStore::one(const std::string& where, const storage::Value& v) {
    const auto r = db_.exec(std::string("SELECT ") + kColumns + " FROM guide_plans WHERE " + where, {v});
    if (r.empty()) return std::nullopt;
    Plan p = to_plan(r.at(0));
    for (const auto& row : db_.exec("SELECT workshop_slug, step_id FROM guide_plan_items WHERE plan_id = $1 ORDER BY position", {p.id}))
        p.items.push_back({row.get_text("workshop_slug"), row.get_text("step_id")});
    return p;
}

std::optional<Plan> PlanStore::by_id(std::int64_t id) { return one("id = $1", id); }
std::optional<Plan> PlanStore::by_token(const std::string& token) { return one("share_token = $1", token); }

std::vector<Plan> PlanStore::by_owner(std::int64_t owner) {
    std::vector<Plan> out;
    for (const auto& r : db_.exec(std::string("SELECT ") + kColumns + " FROM guide_plans WHERE owner_id = $1 ORDER BY updated_at DESC", {owner}))
        out.push_back(to_plan(r));
    return out;
}

void PlanStore::update_settings(const Plan& p, std::int64_t now) {
    db_.exec("UPDATE guide_plans SET title = $1, slot_minutes = $2, start_minutes = $3, interpretation_percent = $4, updated_at = $5 "
             "WHERE id = $6",
             {p.title, std::int64_t{p.slot_minutes}, p.start_minutes ? storage::Value(std::int64_t{*p.start_minutes}) : storage::Value(nullptr),
              std::int64_t{p.interpretation_percent}, now, p.id});
}

void PlanStore::set_items(std::int64_t plan_id, const std::vector<PlanItem>& items, std::int64_t now) {
    db_.with_tx([&](storage::Transaction& tx) {
        tx.exec("DELETE FROM guide_plan_items WHERE plan_id = $1", {plan_id});
        for (std::size_t i = 0; i < items.size(); ++i)
            tx.exec("INSERT INTO guide_plan_items (plan_id, position, workshop_slug, step_id) VALUES ($1, $2, $3, $4)",
                    {plan_id, static_cast<std::int64_t>(i), items[i].workshop_slug, items[i].step_id});
        tx.exec("UPDATE guide_plans SET updated_at = $1 WHERE id = $2", {now, plan_id});
    });
}

}  // namespace avenir::guide
