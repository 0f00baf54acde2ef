#pragma once
// Reference data every module reads: the programme's regions and themes with their names in each
// language. Held as an immutable snapshot, so a lookup is a map read and costs no query; rebuilt
// when content changes (reload(), by the module that owns it) and picked up by other processes and
// instances through a generation stamp in app_state (refresh_if_changed(), one query, run by the
// app's maintenance thread, never on a request).
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "storage/database.hpp"

namespace avenir::kit {

using Names = std::map<std::string, std::string, std::less<>>;  // lang -> text

struct Region {
    std::string slug;  // "asia-pacific"
    Names names;
};

struct Theme {
    int number = 0;  // 1..7
    Names titles;
};

class ReferenceSnapshot {
public:
    std::vector<Region> regions;  // in display order
    std::vector<Theme> themes;    // by number
    std::string generation;       // stamp of the content it was built from

    bool has_region(std::string_view slug) const;
    // The region's name in lang (fallback English, then any); the slug when unknown.
    std::string region_name(std::string_view slug, std::string_view lang) const;
    // Slugs and names in lang, in display order.
    std::vector<std::pair<std::string, std::string>> region_names(std::string_view lang) const;
    std::vector<std::string> region_slugs() const;
    // The theme's title in lang (fallback English, then any); "" when unknown.
    std::string theme_title(int number, std::string_view lang) const;
};

class ReferenceData {
public:
    // Builds a snapshot from the database (supplied by the module that owns the content).
    using Loader = std::function<ReferenceSnapshot(storage::Executor&)>;

    explicit ReferenceData(storage::Database& db) : db_(db) {}
    void set_loader(Loader loader);
    // The current snapshot (never null: empty before a loader is set). Cheap: a shared_ptr copy.
    std::shared_ptr<const ReferenceSnapshot> get() const;
    // After this process changed the content: a new generation stamp and a fresh snapshot.
    void reload();
    // Reloads when another process stamped a newer generation; true when it did.
    bool refresh_if_changed();

private:
    std::string stored_generation();
    void load(const std::string& generation);

    storage::Database& db_;
    Loader loader_;
    mutable std::mutex mutex_;
    std::shared_ptr<const ReferenceSnapshot> current_ = std::make_shared<const ReferenceSnapshot>();
};

}  // namespace avenir::kit
