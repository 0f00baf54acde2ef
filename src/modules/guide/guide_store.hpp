#pragma once
// The guide module's SQL. Nothing else reads or writes these tables.
#include "modules/guide/guide_types.hpp"
#include "storage/database.hpp"

namespace avenir::guide {

class GuideStore {
public:
    explicit GuideStore(storage::Database& db) : db_(db) {}
    // Makes the tables hold exactly `content`; returns the rows changed (0 when already equal).
    int save(const GuideContent& content);
    GuideContent load();

private:
    storage::Database& db_;
};

}  // namespace avenir::guide
