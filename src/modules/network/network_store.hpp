#pragma once
// The network module's SQL. Nothing else reads or writes these tables.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "modules/network/network_rules.hpp"
#include "modules/network/network_types.hpp"
#include "storage/database.hpp"

namespace avenir::network {

// Filters of the practice exchange's list ("" = any).
struct CaseFilter {
    std::string practice, region, sector, technology;
};

struct CasePage {
    std::vector<Case> cases;  // with their texts
    std::int64_t total = 0;   // of what the reader may see
};

// A region's hub as shipped (content/network/hubs.toml) or edited.
struct Hub {
    std::string region, contact;
    std::map<std::string, std::string> intro;  // lang -> text
};

class NetworkStore {
public:
    // Over the database (each call on its own) or a transaction (calls join it; create and update
    // write several rows: run them in one).
    explicit NetworkStore(storage::Executor& db) : db_(db) {}

    // A validated case with its texts and tags; returns its id.
    std::int64_t create(const Case& c, std::int64_t now);
    // Replaces a case's fields, texts and tags (not its state nor its moderation).
    void update(const Case& c, std::int64_t now);
    std::optional<Case> get(std::int64_t id);
    std::optional<std::int64_t> id_of_slug(const std::string& slug);
    // Published cases the reader may see, newest first, with the total; three statements.
    CasePage published(const Viewer& v, const CaseFilter& f, int offset, int limit);
    // Cases waiting for a decision (submitted, sent back) in the regions the reader moderates.
    std::vector<Case> queue(const Viewer& v);
    // A person's own cases, every state.
    std::vector<Case> by_author(std::int64_t user_id);
    // Records a moderator's decision (published, changes, declined) and its message.
    void decide(std::int64_t id, const std::string& state, std::int64_t moderator, const std::string& message, std::int64_t now);
    // An author's changes after a moderator sent the case back: it waits in the queue again.
    void resubmit(std::int64_t id, std::int64_t now);
    // Published cases the reader may see that share a technology, the product or the sector with c
    // (most shared first, any region), at most limit, with their titles only; one statement.
    std::vector<Case> similar(const Case& c, const Viewer& v, int limit);
    // Products or suppliers already named (for suggestions), most used first.
    std::vector<std::string> suggestions(const std::string& column, int limit);
    // Hubs: one region's (one statement), and writing one (its texts replaced).
    std::optional<Hub> hub(const std::string& region);
    void put_hub(const Hub& h, std::int64_t now);
    // Coalitions with their texts (two statements), one by id, and a new one.
    std::vector<Coalition> coalitions();
    std::optional<Coalition> coalition(std::int64_t id);
    std::optional<std::int64_t> coalition_of_slug(const std::string& slug);
    std::int64_t create_coalition(const Coalition& c, std::int64_t now);
    // Published cases the reader may see in these regions, newest first (one statement and their texts).
    std::vector<Case> in_regions(const Viewer& v, const std::vector<std::string>& regions, int limit);
    // Every published case (for the search index).
    std::vector<Case> all_published();

private:
    std::vector<Case> read(const std::string& where, const std::vector<storage::Value>& params, const std::string& tail = "");
    void write_children(std::int64_t id, const Case& c);
    storage::Executor& db_;
};

// WHERE conditions on network_cases c: the published cases this reader may see.
std::string visible_sql(const Viewer& v, std::vector<storage::Value>& params);

}  // namespace avenir::network
