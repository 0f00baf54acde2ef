#pragma once
// The bargaining module's SQL. Nothing else reads or writes these tables.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "modules/bargaining/bargaining_types.hpp"
#include "storage/database.hpp"

namespace avenir::bargaining {

class BargainingStore {
public:
    // Over the database (each call on its own) or a transaction (calls join it; writes of several
    // rows should run in one).
    explicit BargainingStore(storage::Executor& db) : db_(db) {}

    // The taxonomy: a topic written whole (texts and sub-topics replaced); all, in order (three statements).
    void put_topic(const Topic& t);
    std::vector<Topic> topics();

    // A validated clause with its texts and tags; returns its id.
    std::int64_t create(const Clause& c, std::int64_t now);
    // Replaces a clause's fields, texts and tags. When the authoritative text changes, the version
    // goes up; the translations keep the fingerprint they were made from, so they read as outdated
    // until they are made again from the new text.
    void update(const Clause& c, std::int64_t now);
    std::optional<Clause> get(std::int64_t id);
    std::optional<Clause> by_slug(const std::string& slug);
    // Clauses with their texts and tags (three statements), by a WHERE on bargaining_clauses k.
    std::vector<Clause> read(const std::string& where, const std::vector<storage::Value>& params, const std::string& tail = "");
    std::int64_t count_published();
    // The technology tags of published public clauses, sorted (the database view's filter).
    std::vector<std::string> technologies();

    void put_model(const Model& m, std::int64_t now);
    std::vector<Model> models();

    // Proposals (bargaining_store_proposals.cpp). A save is refused (Conflict) when someone saved
    // since seen_version was read; it returns the new version, kept with the others.
    std::int64_t create_proposal(const Proposal& p, std::int64_t by, std::int64_t now);
    int save_proposal(const Proposal& p, int seen_version, std::int64_t by, std::int64_t now);
    std::optional<Proposal> proposal(std::int64_t id);
    std::vector<Proposal> proposals_of(const std::vector<std::int64_t>& unions);
    std::vector<ProposalVersion> proposal_versions(std::int64_t id);
    // Gap checks (bargaining_store_proposals.cpp).
    std::int64_t create_gap_check(const GapCheck& g, std::int64_t by, std::int64_t now);
    void save_gap_check(const GapCheck& g, std::int64_t by, std::int64_t now);
    std::optional<GapCheck> gap_check(std::int64_t id);
    std::vector<GapCheck> gap_checks_of(const std::vector<std::int64_t>& unions);

private:
    void write_children(std::int64_t id, const Clause& c);
    storage::Executor& db_;
};

}  // namespace avenir::bargaining
