#include "modules/bargaining/bargaining_module.hpp"

#include "core/auth/principal.hpp"
#include "core/clock.hpp"
#include "core/log.hpp"
#include "storage/bind.hpp"
#include "modules/bargaining/bargaining_content.hpp"

namespace avenir::bargaining {
namespace fs = std::filesystem;

std::unique_ptr<kit::Module> make_module() { return std::make_unique<BargainingModule>(); }

void BargainingModule::start(kit::Context& ctx, kit::Registration& reg) {
    ctx_ = &ctx;
    declare_permissions(reg);
    routes(reg);
    reg.nav({.path = "/bargaining", .label = "Bargaining", .order = 35});
    reg.seeder([this](const fs::path& root) { return seed(root); });
    // The platform search: published clauses, each with its audience (everyone, members, one
    // union), applied inside the query.
    reg.provide(kit::SearchSource{.kind = "clauses",
                                  .label = "Bargaining clauses",
                                  .order = 40,
                                  .audiences = [](http::Request& req) { return audiences_of(reader_of(auth::current_principal(req))); },
                                  .search = {}});
    // Clauses for the families another module names (the register's suggestions).
    reg.provide(kit::ClauseSuggestions{.suggest = [this](http::Request& req, const std::vector<std::string>& families) { return suggest(req, families); },
                                       .propose_path = "/bargaining/proposals"});
    // A contributed clause stays when its contributor is erased, without them (SET NULL).
    reg.personal_data({"bargaining_clauses", {"contributor_id"}, {}});
    // A union's proposal stays with the union when the representative who made or saved it is erased.
    reg.personal_data({"bargaining_proposals", {"created_by", "updated_by"}, {}});
    reg.personal_data({"bargaining_proposal_versions", {"saved_by"}, {}});
    reg.personal_data({"bargaining_gap_checks", {"created_by", "updated_by"}, {}});
}

std::int64_t BargainingModule::save_clause(const Clause& c) {
    std::int64_t id = c.id;
    ctx_->db.with_tx([&](storage::Transaction& tx) {
        BargainingStore st(tx);
        if (id == 0) id = st.create(c, clock::unix_seconds());
        else st.update(c, clock::unix_seconds());
        index_clause(tx, *st.get(id));
    });
    ctx_->pages_changed();
    return id;
}

std::vector<kit::ClauseSuggestions::Suggestion> BargainingModule::suggest(http::Request& req, const std::vector<std::string>& families) {
    std::vector<kit::ClauseSuggestions::Suggestion> out;
    if (families.empty()) return out;
    std::vector<storage::Value> params;
    std::string where = readable_sql(reader_of(auth::current_principal(req)), params);
    where += " AND k.family IN (" + storage::bind_in(params, families) + ")";
    std::map<std::string, Clause> best;
    for (auto& c : store().read(where, params)) {
        auto it = best.find(c.family);
        if (it == best.end() || ladder_rank(c.ladder) < ladder_rank(it->second.ladder)) best.insert_or_assign(c.family, std::move(c));
    }
    for (const auto& f : families) {
        const auto it = best.find(f);
        if (it == best.end()) continue;
        const ClauseText& t = it->second.text_for(req.lang);
        out.push_back({f, it->second.slug, it->second.ladder, t.title, t.lang, "/bargaining/clauses/" + it->second.slug});
    }
    return out;
}

int BargainingModule::seed(const fs::path& content_root) {
    const Content content = read_content(content_root / "bargaining");
    const std::int64_t now = clock::unix_seconds();
    int created = 0;
    ctx_->db.with_tx([&](storage::Transaction& tx) {
        BargainingStore st(tx);
        const auto existing = st.topics();
        for (const auto& t : content.topics)
            if (std::none_of(existing.begin(), existing.end(), [&](const Topic& e) { return e.slug == t.slug; })) {
                st.put_topic(t);
                ++created;
            }
        const auto models = st.models();
        for (const auto& m : content.models)
            if (std::none_of(models.begin(), models.end(), [&](const Model& e) { return e.slug == m.slug; })) {
                st.put_model(m, now);
                ++created;
            }
        for (const auto& c : content.clauses)
            if (!st.by_slug(c.slug)) {
                Clause made = c;
                made.id = st.create(c, now);
                index_clause(tx, made);
                ++created;
            }
    });
    if (created) log::info("bargaining_seeded", log::kv("created", static_cast<long long>(created)));
    return created;
}

}  // namespace avenir::bargaining
