#pragma once
// Stamps of content that modules keep in memory (the guide's workshops, ...), so a page reads a
// snapshot instead of the database and every instance still sees a change within a second.
//
//   writing:  db.with_tx([&](Transaction& tx) { ...change...; ctx.generations.bump(tx, "guide"); });
//             ctx.generations.refresh();   // after the commit: this instance sees it at once
//   reading:  if (snapshot.stamp != ctx.generations.current("guide")) reload: stamp_in(db) first,
//             then the content, so a change committed in between is picked up by the next bump.
// The app's maintenance thread calls refresh() every second (one statement for every stamp).
#include <map>
#include <mutex>
#include <string>
#include <string_view>

#include "storage/database.hpp"

namespace avenir::kit {

class Generations {
public:
    explicit Generations(storage::Database& db) : db_(db) {}
    // The stamp this process last read for name ("" before any).
    std::string current(std::string_view name) const;
    // A new stamp for name, written with ex (in the caller's transaction, with the content).
    void bump(storage::Executor& ex, std::string_view name);
    // The stamp stored now (read it before loading the content it stamps).
    std::string stored(storage::Executor& ex, std::string_view name);
    // Reads every stamp (one statement); true when one changed since the last reading.
    bool refresh();

private:
    storage::Database& db_;
    mutable std::mutex mutex_;
    std::map<std::string, std::string, std::less<>> stamps_;
};

}  // namespace avenir::kit
