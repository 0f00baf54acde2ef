#pragma once
// The programme module's SQL. Nothing else reads or writes these tables.
#include "modules/programme/programme_types.hpp"
#include "storage/database.hpp"

namespace avenir::programme {

class ProgrammeStore {
public:
    // Over the database (each call on its own) or a transaction (calls join it).
    explicit ProgrammeStore(storage::Executor& db) : db_(db) {}
    // Makes the tables hold exactly `content` in one transaction; returns the rows changed
    // (0 when the database already held this content).
    int save(const Content& content);
    // Everything, ordered by position (a fixed number of queries, whatever the content).
    Content load();
    // Only the regions and themes with their names (the platform's reference data).
    Content load_reference();

private:
    void load_regions_and_themes(Content& c);
    storage::Executor& db_;
};

}  // namespace avenir::programme
