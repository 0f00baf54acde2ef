#pragma once
// The programme module's SQL. Nothing else reads or writes these tables.
#include "modules/programme/programme_types.hpp"
#include "storage/database.hpp"

namespace avenir::programme {

class ProgrammeStore {
public:
    explicit ProgrammeStore(storage::Database& db) : db_(db) {}
    // Makes the tables hold exactly `content` in one transaction; returns the rows changed
    // (0 when the database already held this content).
    int save(const Content& content);
    // Everything, ordered by position.
    Content load();

private:
    storage::Database& db_;
};

}  // namespace avenir::programme
