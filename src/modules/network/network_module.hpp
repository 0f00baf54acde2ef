#pragma once
// The Digital Rights Organisers' network. Today: the practice exchange (/network/practices):
// cases of good, bad and mixed practice that members submit and the region's DROs and
// coordinators moderate, each readable by the public, members or the region's hub, with "similar
// cases" across regions, an Atom feed of the public ones, and the platform search.
//
// Files: network_routes.cpp (the route table), network_rules.cpp (who may do what and see what),
// network_practices.cpp (request -> rules -> store -> view), network_moderation.cpp (the queue and
// decisions), network_store.cpp (SQL), network_seed.cpp (content/network/cases.toml).
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/feed/atom.hpp"
#include "core/http/router.hpp"
#include "core/kit/module.hpp"
#include "modules/network/network_store.hpp"

namespace avenir::network {

class NetworkModule final : public kit::Module {
public:
    std::string name() const override { return "network"; }
    void start(kit::Context& ctx, kit::Registration& reg) override;
    // The illustrative practice cases of content/network/cases.toml (created once each, by slug).
    int seed(const std::filesystem::path& content_root);
    // E-mails each region's DROs (those who did not turn it off) the questions asked since the
    // last digest; returns the number of e-mails. The daily job "network.question_digest".
    int send_question_digest();
    NetworkStore store() { return NetworkStore(ctx_->db); }

private:
    void routes(kit::Registration& reg);
    int seed_hubs(const std::filesystem::path& file);
    // The search documents of one case (removed unless published), in the caller's transaction.
    void index_case(storage::Executor& tx, const Case& c);

    http::Response practices(http::Request& req);
    http::Response practices_feed(http::Request& req);
    http::Response practice(http::Request& req);
    http::Response new_practice(http::Request& req);
    http::Response create_practice(http::Request& req);
    http::Response edit_practice(http::Request& req);
    http::Response save_practice(http::Request& req);
    http::Response moderation(http::Request& req);
    http::Response hub(http::Request& req);
    http::Response coalitions(http::Request& req);
    http::Response coalition(http::Request& req);
    http::Response coalitions_feed(http::Request& req);
    http::Response set_union_stance(http::Request& req);
    // Adding and changing coalitions (network_coalition_edit.cpp).
    http::Response edit_coalition(http::Request& req);
    http::Response coalition_form(http::Request& req, const Coalition& c, const std::string& lang, const std::vector<std::string>& errors, int status);
    http::Response save_coalition(http::Request& req);
    nlohmann::json coalition_summary(http::Request& req, const Coalition& c);
    void index_coalition(storage::Executor& tx, const Coalition& c);
    int seed_coalitions(const std::filesystem::path& file);
    http::Response moderate(http::Request& req);
    // Becoming a DRO (network_applications.cpp).
    http::Response apply_page(http::Request& req);
    http::Response apply(http::Request& req);
    http::Response apply_form(http::Request& req, const Application& a, const std::vector<std::string>& errors, int status);
    http::Response applications(http::Request& req);
    http::Response decide_application(http::Request& req);
    // Profiles and hub presentations (network_profiles.cpp).
    http::Response profile_page(http::Request& req);
    http::Response profile_form(http::Request& req, const Profile& p, const std::vector<std::string>& errors, int status);
    http::Response save_profile(http::Request& req);
    http::Response edit_hub(http::Request& req);
    http::Response hub_form(http::Request& req, const std::optional<Hub>& typed, const std::vector<std::string>& errors, int status);
    http::Response save_hub(http::Request& req);
    // Questions and answers (network_questions.cpp).
    void index_question(storage::Executor& tx, const Question& q);
    nlohmann::json question_summary(http::Request& req, const Question& q);
    // Links to cases, coalitions, library resources and clauses, named for the reader (cases the
    // reader may not see are left out).
    nlohmann::json link_list(http::Request& req, const Viewer& v, const std::vector<std::string>& paths);
    http::Response questions(http::Request& req);
    http::Response questions_feed(http::Request& req);
    http::Response new_question(http::Request& req);
    http::Response question_form(http::Request& req, const Question& q, const std::vector<std::string>& errors, int status);
    http::Response create_question(http::Request& req);
    http::Response question(http::Request& req);
    http::Response answer_question(http::Request& req);
    http::Response mark_helpful(http::Request& req);
    // The cascade (network_cascade.cpp).
    http::Response cascade(http::Request& req);
    http::Response cascade_form(http::Request& req, const CascadeSession& typed, const std::vector<std::string>& errors, int status);
    http::Response log_cascade(http::Request& req);
    http::Response cascade_indicators(http::Request& req);
    std::vector<MultiplierRow> multipliers();
    std::string multiplier_svg(http::Request& req, const std::vector<MultiplierRow>& rows);
    // An e-mail to p in their language (else fallback_lang, else English); a failure is logged
    // (with `what`: ids only), never thrown.
    void mail_person(const kit::PersonCard& p, const std::string& fallback_lang, std::string_view subject_msgid,
                     const std::function<std::string(const std::string& lang)>& body, const std::string& what);
    // An absolute link for an e-mail in lang.
    std::string link(const std::string& lang, const std::string& path) const;

    // The case in the path when the reader may see it (404 otherwise: its existence is not told).
    Case visible_case(http::Request& req);
    http::Response practice_form(http::Request& req, const Case& c, const std::vector<std::string>& errors, int status);
    // The case as the form describes it, over base.
    Case from_form(http::Request& req, Case base);
    nlohmann::json case_summary(http::Request& req, const Viewer& v, const Case& c);
    std::string tr(http::Request& req, std::string_view msgid) const;
    // The head of the Atom feed of the list at `list` (its address + "/feed.atom").
    feed::Feed feed_head(http::Request& req, const std::string& list, const std::string& title) const;
    std::string href(http::Request& req, const std::string& path) const;
    // A form's page: its errors (msgids, translated here), its CSRF token, and the status (422 after a refusal).
    http::Response form_page(http::Request& req, const std::string& view, nlohmann::json d, const std::string& title,
                             const std::vector<std::string>& errors, int status);

    kit::Context* ctx_ = nullptr;
};

}  // namespace avenir::network
