// The bargaining store's proposals: one row each, and every save kept as a version.
#include <nlohmann/json.hpp>

#include "core/errors.hpp"
#include "modules/bargaining/bargaining_store.hpp"
#include "storage/bind.hpp"

namespace avenir::bargaining {
using nlohmann::json;
using storage::Value;

namespace {

std::string items_json(const std::vector<ProposalItem>& items) {
    json out = json::array();
    for (const auto& i : items) out.push_back(i.own() ? json{{"title", i.title}, {"text", i.text}} : json{{"clause", i.clause}});
    return out.dump();
}

Proposal proposal_of(const storage::Row& r) {
    Proposal p;
    p.id = r.get_int("id");
    p.union_id = r.get_int("union_id");
    p.title = r.get_text("title");
    p.lang = r.get_text("lang");
    p.version = static_cast<int>(r.get_int("version"));
    const json items = json::parse(r.get_text("items"), nullptr, false);
    if (items.is_array())
        for (const auto& i : items) p.items.push_back({i.value("clause", ""), i.value("title", ""), i.value("text", "")});
    const json fills = json::parse(r.get_text("fills"), nullptr, false);
    if (fills.is_object())
        for (const auto& [k, v] : fills.items())
            if (v.is_string()) p.fills[k] = v.get<std::string>();
    p.created_at = r.get_int("created_at");
    p.updated_at = r.get_int("updated_at");
    return p;
}

constexpr const char* kProposalColumns = "id, union_id, title, lang, version, items, fills, created_at, updated_at";

}  // namespace

std::int64_t BargainingStore::create_proposal(const Proposal& p, std::int64_t by, std::int64_t now) {
    const std::string items = items_json(p.items), fills = json(p.fills).dump();
    const auto id = db_.exec("INSERT INTO bargaining_proposals (union_id, title, lang, version, items, fills, created_by, updated_by, created_at, "
                             "updated_at) VALUES ($1, $2, $3, 1, $4, $5, $6, $6, $7, $7) RETURNING id",
                             {p.union_id, p.title, p.lang, items, fills, by, now})
                        .at(0)
                        .get_int("id");
    db_.exec("INSERT INTO bargaining_proposal_versions (proposal_id, version, title, items, fills, saved_by, saved_at) VALUES ($1, 1, $2, $3, $4, $5, $6)",
             {id, p.title, items, fills, by, now});
    return id;
}

int BargainingStore::save_proposal(const Proposal& p, int seen_version, std::int64_t by, std::int64_t now) {
    const std::string items = items_json(p.items), fills = json(p.fills).dump();
    const auto changed = db_.exec("UPDATE bargaining_proposals SET title = $1, lang = $2, items = $3, fills = $4, version = version + 1, updated_by = $5, "
                                  "updated_at = $6 WHERE id = $7 AND version = $8 RETURNING version",
                                  {p.title, p.lang, items, fills, by, now, p.id, std::int64_t{seen_version}});
    if (changed.rows.empty()) throw Conflict("Someone else saved this proposal in the meantime: reload it, then make your changes again.");
    const int version = static_cast<int>(changed.at(0).get_int("version"));
    db_.exec("INSERT INTO bargaining_proposal_versions (proposal_id, version, title, items, fills, saved_by, saved_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
             {p.id, std::int64_t{version}, p.title, items, fills, by, now});
    return version;
}

std::optional<Proposal> BargainingStore::proposal(std::int64_t id) {
    const auto rows = db_.exec(std::string("SELECT ") + kProposalColumns + " FROM bargaining_proposals WHERE id = $1", {id});
    if (rows.rows.empty()) return std::nullopt;
    return proposal_of(rows.at(0));
}

std::vector<Proposal> BargainingStore::proposals_of(const std::vector<std::int64_t>& unions) {
    std::vector<Proposal> out;
    if (unions.empty()) return out;
    std::vector<Value> params;
    const std::string in = storage::bind_in(params, unions);
    for (const auto& r : db_.exec(std::string("SELECT ") + kProposalColumns + " FROM bargaining_proposals WHERE union_id IN (" + in +
                                      ") ORDER BY updated_at DESC, id DESC",
                                  params))
        out.push_back(proposal_of(r));
    return out;
}

std::vector<ProposalVersion> BargainingStore::proposal_versions(std::int64_t id) {
    std::vector<ProposalVersion> out;
    for (const auto& r : db_.exec("SELECT version, saved_at FROM bargaining_proposal_versions WHERE proposal_id = $1 ORDER BY version DESC", {id}))
        out.push_back({static_cast<int>(r.get_int("version")), r.get_int("saved_at")});
    return out;
}

namespace {

std::string coverage_json(const GapCheck& g) {
    json out = json::object();
    for (const auto& [topic, c] : g.coverage) out[topic] = {{"level", c.level}, {"article", c.article}};
    return out.dump();
}

GapCheck gap_check_of(const storage::Row& r) {
    GapCheck g;
    g.id = r.get_int("id");
    g.union_id = r.get_int("union_id");
    g.title = r.get_text("title");
    const json coverage = json::parse(r.get_text("coverage"), nullptr, false);
    if (coverage.is_object())
        for (const auto& [topic, c] : coverage.items())
            if (c.is_object()) g.coverage[topic] = {c.value("level", ""), c.value("article", "")};
    g.updated_at = r.get_int("updated_at");
    return g;
}

}  // namespace

std::int64_t BargainingStore::create_gap_check(const GapCheck& g, std::int64_t by, std::int64_t now) {
    return db_.exec("INSERT INTO bargaining_gap_checks (union_id, title, coverage, created_by, updated_by, created_at, updated_at) "
                    "VALUES ($1, $2, $3, $4, $4, $5, $5) RETURNING id",
                    {g.union_id, g.title, coverage_json(g), by, now})
        .at(0)
        .get_int("id");
}

void BargainingStore::save_gap_check(const GapCheck& g, std::int64_t by, std::int64_t now) {
    db_.exec("UPDATE bargaining_gap_checks SET title = $1, coverage = $2, updated_by = $3, updated_at = $4 WHERE id = $5",
             {g.title, coverage_json(g), by, now, g.id});
}

std::optional<GapCheck> BargainingStore::gap_check(std::int64_t id) {
    const auto rows = db_.exec("SELECT id, union_id, title, coverage, updated_at FROM bargaining_gap_checks WHERE id = $1", {id});
    if (rows.rows.empty()) return std::nullopt;
    return gap_check_of(rows.at(0));
}

std::vector<GapCheck> BargainingStore::gap_checks_of(const std::vector<std::int64_t>& unions) {
    std::vector<GapCheck> out;
    if (unions.empty()) return out;
    std::vector<Value> params;
    const std::string in = storage::bind_in(params, unions);
    for (const auto& r : db_.exec("SELECT id, union_id, title, coverage, updated_at FROM bargaining_gap_checks WHERE union_id IN (" + in +
                                      ") ORDER BY updated_at DESC, id DESC",
                                  params))
        out.push_back(gap_check_of(r));
    return out;
}

}  // namespace avenir::bargaining
