#include "core/kit/generations.hpp"
#include "core/security/random.hpp"


namespace avenir::kit {
namespace {
constexpr std::string_view kPrefix = "generation.";

std::string new_stamp() { return security::random_hex(8); }
}  // namespace

std::string Generations::current(std::string_view name) const {
    std::lock_guard lock(mutex_);
    const auto it = stamps_.find(name);
    return it == stamps_.end() ? std::string() : it->second;
}

void Generations::bump(storage::Executor& ex, std::string_view name) {
    ex.exec("INSERT INTO app_state (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            {std::string(kPrefix) + std::string(name), new_stamp()});
}

std::string Generations::stored(storage::Executor& ex, std::string_view name) {
    const auto r = ex.exec("SELECT value FROM app_state WHERE key = $1", {std::string(kPrefix) + std::string(name)});
    return r.empty() ? std::string() : r.at(0).get_text("value");
}

bool Generations::refresh() {
    std::map<std::string, std::string, std::less<>> fresh;
    for (const auto& row : db_.exec("SELECT key, value FROM app_state WHERE key LIKE 'generation.%'"))
        fresh[row.get_text("key").substr(kPrefix.size())] = row.get_text("value");
    std::lock_guard lock(mutex_);
    const bool changed = fresh != stamps_;
    stamps_ = std::move(fresh);
    return changed;
}

}  // namespace avenir::kit
