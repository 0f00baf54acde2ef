#pragma once
// The register of workplace algorithmic systems (/register): each union's entries about the
// systems its members work with, every field with what the employer says and what workers report
// side by side, a tier that says who else may read it, and assessments: Avenir's worker-impact
// questionnaire or an imported AIA-style one, with the AI Act's hard flags over the level.
//
// Files: registry_routes.cpp (the route table), registry_rules.cpp (who may read and do what),
// registry_entries.cpp (list, form, entry page, evidence), registry_assess.cpp (questionnaires,
// assessments, comparison), registry_questionnaire.cpp and registry_scoring.cpp (definitions and
// arithmetic: docs/register-scoring.md), registry_store.cpp (SQL), registry_types.cpp (the field
// table).
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/documents/document.hpp"
#include "core/http/router.hpp"
#include "core/kit/module.hpp"
#include "modules/registry/registry_exchange.hpp"
#include "modules/registry/registry_questionnaire.hpp"
#include "modules/registry/registry_rules.hpp"
#include "modules/registry/registry_scoring.hpp"
#include "modules/registry/registry_store.hpp"

namespace avenir::registry {

// The facts of an entry that raise the AI Act's flags.
LegalFacts legal_facts(const Entry& e);

class RegistryModule final : public kit::Module {
public:
    std::string name() const override { return "registry"; }
    void start(kit::Context& ctx, kit::Registration& reg) override;
    RegistryStore store() { return RegistryStore(ctx_->db); }
    // The shipped questionnaires (content/registry/questionnaires/*.json, each version once) and
    // the illustrative entries. Returns what was created.
    int seed(const std::filesystem::path& content_root);
    int seed_examples(const std::filesystem::path& dir, std::int64_t now);
    // E-mails the union's representatives about each request whose deadline (sent, unanswered)
    // or review date passed before the day of `now`, once per date; returns the e-mails sent.
    // Run every 10 minutes by the job "registry.reminders".
    int send_reminders(std::int64_t now);

private:
    void routes(kit::Registration& reg);

    // Entries (registry_entries.cpp).
    http::Response index(http::Request& req);
    http::Response new_entry(http::Request& req);
    http::Response create_entry(http::Request& req);
    http::Response entry(http::Request& req);
    // The entry page; with a refused item of evidence or request to the employer, its form filled
    // as typed and what to fix (422). A refused request has id 0 when it was a new one.
    struct Refused {
        const Evidence* evidence = nullptr;
        const Request* request = nullptr;
    };
    http::Response entry_page(http::Request& req, const Entry& e, Refused refused, int status);
    http::Response edit_entry(http::Request& req);
    http::Response save_entry(http::Request& req);
    http::Response add_evidence(http::Request& req);
    http::Response remove_evidence(http::Request& req);
    http::Response entry_form(http::Request& req, const Entry& e, int seen_version, const std::vector<std::string>& errors, int status);
    // The entry as the form describes it, over base; the problems (msgids) in errors.
    Entry from_form(http::Request& req, Entry base, std::vector<std::string>& errors);
    // The entry in the path when the reader may read it (404 otherwise: its existence is not told).
    Entry readable_entry(http::Request& req);
    // The same, when the reader may also edit it (403 for a reader who may not).
    Entry editable_entry(http::Request& req);

    // Assessments (registry_assess.cpp).
    http::Response assess_form(http::Request& req);
    http::Response run_assessment(http::Request& req);
    http::Response assessment(http::Request& req);
    http::Response compare(http::Request& req);
    http::Response assess_page(http::Request& req, const Entry& e, const Questionnaire& q, const Answers& answers,
                               const std::map<std::string, std::vector<std::int64_t>>& backing, const std::vector<std::string>& errors, int status);
    // A stored questionnaire, parsed: that version or the latest (404 when there is none).
    Questionnaire questionnaire(const std::string& slug, int version = 0);

    // From findings to action (registry_actions.cpp).
    static constexpr std::size_t kUrgentAreas = 3;  // areas shown on the entry and ticked in the request
    struct Area {
        std::string slug, name, why;
        double urgency = 0;  // the highest score (0-4) of its dimensions in the latest assessment; 4.5 (first) for two areas of a flagged system
        std::vector<std::string> families;
        struct Question {
            std::string slug, text;
        };
        std::vector<Question> questions;
    };
    void seed_texts(const std::filesystem::path& dir, std::int64_t now);
    // The checklist's areas, most urgent first (checklist order between equals).
    std::vector<Area> checklist(http::Request& req, const Entry& e, const std::vector<Assessment>& assessments);
    // The entry page's "what to do": the urgent areas' questions, clauses for them, the proposal form.
    nlohmann::json actions_json(http::Request& req, const Entry& e, const std::vector<Assessment>& assessments);
    http::Response request_form(http::Request& req);
    // The tracker (registry_tracker.cpp).
    http::Response add_request(http::Request& req);
    http::Response save_request(http::Request& req);
    http::Response request_file(http::Request& req);
    http::Response request_print(http::Request& req);
    documents::Document request_document(http::Request& req, const Entry& e);

    // Questionnaire definitions (registry_questionnaires.cpp).
    http::Response questionnaires(http::Request& req);
    http::Response import_questionnaire(http::Request& req);
    http::Response questionnaires_page(http::Request& req, const std::string& typed, const std::vector<DefinitionProblem>& problems, int status);
    // Pooling (registry_pool.cpp).
    http::Response pooled(http::Request& req);
    // Exchanges (registry_exchange_pages.cpp).
    ExportContext export_context(http::Request& req, const Entry& e);
    http::Response export_eurocities(http::Request& req);
    http::Response export_atrs(http::Request& req);
    http::Response export_csv(http::Request& req);
    http::Response import_form(http::Request& req);
    http::Response import_entry(http::Request& req);
    http::Response import_page(http::Request& req, const std::string& typed, const std::vector<ImportProblem>& problems, int status);

    std::string tr(http::Request& req, std::string_view msgid) const;
    static std::string href(http::Request& req, const std::string& path);

    kit::Context* ctx_ = nullptr;
};

}  // namespace avenir::registry
