#include "core/kit/reference.hpp"
#include "core/security/random.hpp"


#include "core/i18n/i18n.hpp"

namespace avenir::kit {
namespace {

constexpr const char* kGenerationKey = "reference.generation";

std::string pick(const Names& names, std::string_view lang) { return i18n::choose(names, lang).text; }

std::string new_stamp() { return security::random_hex(8); }

}  // namespace

bool ReferenceSnapshot::has_region(std::string_view slug) const {
    for (const auto& r : regions)
        if (r.slug == slug) return true;
    return false;
}

std::string ReferenceSnapshot::region_name(std::string_view slug, std::string_view lang) const {
    for (const auto& r : regions)
        if (r.slug == slug) return pick(r.names, lang);
    return std::string(slug);
}

std::vector<std::pair<std::string, std::string>> ReferenceSnapshot::region_names(std::string_view lang) const {
    std::vector<std::pair<std::string, std::string>> out;
    out.reserve(regions.size());
    for (const auto& r : regions) out.emplace_back(r.slug, pick(r.names, lang));
    return out;
}

std::vector<std::string> ReferenceSnapshot::region_slugs() const {
    std::vector<std::string> out;
    for (const auto& r : regions) out.push_back(r.slug);
    return out;
}

std::string ReferenceSnapshot::theme_title(int number, std::string_view lang) const {
    for (const auto& t : themes)
        if (t.number == number) return pick(t.titles, lang);
    return {};
}

void ReferenceData::set_loader(Loader loader) {
    {
        std::lock_guard lock(mutex_);
        loader_ = std::move(loader);
    }
    load(stored_generation());
}

std::shared_ptr<const ReferenceSnapshot> ReferenceData::get() const {
    std::lock_guard lock(mutex_);
    return current_;
}

std::string ReferenceData::stored_generation() {
    const auto r = db_.exec("SELECT value FROM app_state WHERE key = $1", {std::string(kGenerationKey)});
    return r.empty() ? std::string() : r.at(0).get_text("value");
}

void ReferenceData::load(const std::string& generation) {
    Loader loader;
    {
        std::lock_guard lock(mutex_);
        loader = loader_;
    }
    if (!loader) return;
    auto fresh = std::make_shared<ReferenceSnapshot>(loader(db_));
    fresh->generation = generation;
    std::lock_guard lock(mutex_);
    current_ = std::move(fresh);
}

void ReferenceData::reload() {
    const std::string stamp = new_stamp();
    db_.exec("INSERT INTO app_state (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
             {std::string(kGenerationKey), stamp});
    load(stamp);
}

bool ReferenceData::refresh_if_changed() {
    const std::string stored = stored_generation();
    if (stored == get()->generation) return false;
    load(stored);
    return true;
}

}  // namespace avenir::kit
