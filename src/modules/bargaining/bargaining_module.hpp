#pragma once
// The digital bargaining hub (/bargaining): a library of model and real clauses on digitalisation
// with a report view per topic and a database view filtered through the platform search, clause
// pages with two languages side by side, their ladder and related clauses, joint-governance models
// made of composable articles, an Atom feed; the proposal composer with DOCX/ODT exports; the gap
// checker; contributions and their review; the clause and taxonomy editors.
//
// Files: bargaining_routes.cpp (the route table), bargaining_rules.cpp (who may read and do what),
// bargaining_browse.cpp (report and database views), bargaining_pages.cpp (clause and model pages,
// feed), bargaining_composer.cpp and bargaining_compose_page.cpp (proposals and their documents),
// bargaining_gaps.cpp, bargaining_contributions.cpp, bargaining_editor.cpp (clauses),
// bargaining_taxonomy.cpp (topics), bargaining_search.cpp (search documents with facet tokens),
// bargaining_store*.cpp (SQL), bargaining_content.cpp (content/bargaining), bargaining_types.cpp.
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/documents/document.hpp"
#include "core/http/router.hpp"
#include "core/kit/module.hpp"
#include "modules/bargaining/bargaining_rules.hpp"
#include "modules/bargaining/bargaining_store.hpp"

namespace avenir::bargaining {

// A clause text as HTML: escaped, its blanks shown as <var>{{name}}</var>, paragraphs kept.
std::string clause_html(const std::string& body);

class BargainingModule final : public kit::Module {
public:
    std::string name() const override { return "bargaining"; }
    void start(kit::Context& ctx, kit::Registration& reg) override;
    // The shipped taxonomy, models and clauses: each created once (by slug), never overwritten,
    // so edits made on the platform stay. Returns what was created.
    int seed(const std::filesystem::path& content_root);
    BargainingStore store() { return BargainingStore(ctx_->db); }
    // The search documents of one clause (one per language; removed unless published), in the
    // caller's transaction.
    static void index_clause(storage::Executor& tx, const Clause& c);
    // Creates (id 0) or changes a validated clause with its search documents, in one transaction,
    // then refreshes the pages that show it. Returns its id.
    std::int64_t save_clause(const Clause& c);
    // The strongest readable rung of each family, in the order given (kit::ClauseSuggestions).
    std::vector<kit::ClauseSuggestions::Suggestion> suggest(http::Request& req, const std::vector<std::string>& families);

private:
    void routes(kit::Registration& reg);

    http::Response report(http::Request& req);
    http::Response database(http::Request& req);
    http::Response clause(http::Request& req);
    http::Response model(http::Request& req);
    http::Response feed(http::Request& req);

    // The composer (bargaining_composer.cpp, bargaining_compose_page.cpp).
    struct Blank {
        std::string name, type, fallback;
    };
    http::Response proposals(http::Request& req);
    http::Response proposals_page(http::Request& req, const Proposal& typed, const std::string& model, const std::vector<std::string>& errors, int status);
    http::Response create_proposal(http::Request& req);
    http::Response add_to_proposal(http::Request& req);
    http::Response proposal(http::Request& req);
    http::Response composer_page(http::Request& req, const Proposal& p, int seen_version, const std::vector<std::string>& errors, int status);
    http::Response save_proposal(http::Request& req);
    http::Response export_proposal(http::Request& req);
    http::Response print_proposal(http::Request& req);
    // The proposal in the path when the reader represents its union (403 for another union's).
    Proposal own_proposal(http::Request& req);
    // Every clause the reader may read, by slug (three statements).
    std::map<std::string, Clause> readable_clauses(http::Request& req);
    // The blanks of a proposal's articles in the order they first appear, with their type and default.
    static std::vector<Blank> blanks_of(const Proposal& p, const std::map<std::string, Clause>& clauses);
    // The proposal as a document: a title page, then its articles numbered, blanks filled (else their defaults).
    documents::Document document_of(const Proposal& p, const std::map<std::string, Clause>& clauses);

    // The gap checker (bargaining_gaps.cpp).
    struct Suggestion {
        std::string clause, ladder;  // the family's strongest rung the reader may read
        int rungs = 0, score = 0;
    };
    // A topic's clause families (not models' articles), best first for a union's sector and region; at most three.
    static std::vector<Suggestion> suggestions(const std::map<std::string, Clause>& clauses, const std::string& topic, const std::string& sector,
                                               const std::string& region);
    http::Response gaps(http::Request& req);
    http::Response create_gap_check(http::Request& req);
    http::Response gap_check(http::Request& req);
    http::Response gap_page(http::Request& req, const GapCheck& g, const std::vector<std::string>& errors, int status);
    http::Response save_gap_check(http::Request& req);
    GapCheck own_gap_check(http::Request& req);

    // Contributions and their review (bargaining_contributions.cpp).
    Clause contribution_from_form(http::Request& req, const Reader& reader, std::vector<std::string>& errors);
    http::Response contribute(http::Request& req);
    http::Response contribute_page(http::Request& req, const Clause& typed, const std::vector<std::string>& errors, int status);
    http::Response create_contribution(http::Request& req);
    http::Response review_queue(http::Request& req);
    http::Response decide_contribution(http::Request& req);

    // The clause editor (bargaining_editor.cpp).
    http::Response edit_clause(http::Request& req);
    http::Response clause_form(http::Request& req, const Clause& c, const std::string& lang, const std::vector<std::string>& errors, int status);
    http::Response save_clause_form(http::Request& req);

    // The taxonomy's editor (bargaining_taxonomy.cpp).
    Topic topic_in_path(http::Request& req);
    http::Response edit_topic(http::Request& req);
    http::Response topic_form(http::Request& req, const Topic& t, const std::vector<std::string>& errors, int status);
    http::Response save_topic(http::Request& req);

    // A clause's title and summary in the reader's language (else the authoritative one).
    nlohmann::json clause_summary(http::Request& req, const Clause& c, const std::vector<Topic>& topics);
    std::string tr(http::Request& req, std::string_view msgid) const;
    static std::string href(http::Request& req, const std::string& path);

    kit::Context* ctx_ = nullptr;
};

}  // namespace avenir::bargaining
