#pragma once
// The guide module's SQL. Nothing else reads or writes these tables.
#include <optional>

#include "modules/guide/guide_types.hpp"
#include "storage/database.hpp"

namespace avenir::guide {

class GuideStore {
public:
    // Over the database (each call on its own) or a transaction (calls join it).
    explicit GuideStore(storage::Executor& db) : db_(db) {}
    // Makes the tables hold exactly `content`; returns the rows changed (0 when already equal).
    int save(const GuideContent& content);
    GuideContent load();

    struct VersionInfo {
        int version = 0;
        std::int64_t saved_at = 0;
        std::optional<std::int64_t> saved_by;
        std::string note;
    };
    // Stores an edited workshop as its next version (w.version must be the new number) and
    // keeps the snapshot for history.
    void save_version(const Workshop& w, std::optional<std::int64_t> by, const std::string& note, std::int64_t now);
    std::vector<VersionInfo> versions(const std::string& slug);
    std::optional<Workshop> version(const std::string& slug, int number);

private:
    storage::Executor& db_;
};

}  // namespace avenir::guide
