#pragma once
// SQL of session plans (guide module).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "storage/database.hpp"

namespace avenir::guide {

struct PlanItem {
    std::string workshop_slug;
    std::string step_id;  // empty: the whole workshop
};

struct Plan {
    std::int64_t id = 0, owner_id = 0;
    std::string share_token, title;
    int slot_minutes = 180;
    std::optional<int> start_minutes;
    int interpretation_percent = 100;
    std::vector<PlanItem> items;
};

class PlanStore {
public:
    // Over the database (each call on its own) or a transaction (calls join it).
    explicit PlanStore(storage::Executor& db) : db_(db) {}
    std::int64_t create(std::int64_t owner, const std::string& title, int slot_minutes, const std::string& share_token, std::int64_t now);
    std::optional<Plan> by_id(std::int64_t id);
    std::optional<Plan> by_token(const std::string& token);
    std::vector<Plan> by_owner(std::int64_t owner);
    void update_settings(const Plan& p, std::int64_t now);
    // Replaces the plan's items (positions renumbered).
    void set_items(std::int64_t plan_id, const std::vector<PlanItem>& items, std::int64_t now);

private:
    std::optional<Plan> one(const std::string& where, const storage::Value& v);
    storage::Executor& db_;
};

}  // namespace avenir::guide
