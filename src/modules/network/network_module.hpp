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
    nlohmann::json coalition_summary(http::Request& req, const Coalition& c);
    void index_coalition(storage::Executor& tx, const Coalition& c);
    int seed_coalitions(const std::filesystem::path& file);
    http::Response moderate(http::Request& req);

    // The case in the path when the reader may see it (404 otherwise: its existence is not told).
    Case visible_case(http::Request& req);
    http::Response practice_form(http::Request& req, const Case& c, const std::vector<std::string>& errors, int status);
    // The case as the form describes it, over base.
    Case from_form(http::Request& req, Case base);
    nlohmann::json case_summary(http::Request& req, const Viewer& v, const Case& c);
    std::string tr(http::Request& req, std::string_view msgid) const;
    // An Atom feed of the list at `list` (its address + "/feed.atom"), and its response.
    feed::Feed feed_head(http::Request& req, const std::string& list, const std::string& title) const;
    static http::Response atom_response(const feed::Feed& f);
    std::string href(http::Request& req, const std::string& path) const;

    kit::Context* ctx_ = nullptr;
};

}  // namespace avenir::network
