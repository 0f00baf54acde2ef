#pragma once
// The interactive facilitator's guide ("Teach Forward!"): workshops by theme and group, each
// workshop's run sheet with clock times, a facilitator view and a participant handout view, the
// session planner, offline packs, and editing with history.
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>

#include "core/http/router.hpp"
#include "core/kit/module.hpp"
#include "core/view/layout.hpp"
#include "modules/guide/guide_plan_store.hpp"
#include "modules/guide/guide_store.hpp"

namespace avenir::guide {

class GuideModule final : public kit::Module {
public:
    std::string name() const override { return "guide"; }
    // `avenir guide export DIR`.
    void declare(kit::Declarations& d) override;
    void start(kit::Context& ctx, kit::Registration& reg) override;

    // Loads content/guide; returns the rows changed.
    int seed(const std::filesystem::path& guide_dir);
    // Writes the guide as stored to dir in the content/guide format.
    void export_to(const std::filesystem::path& dir);

private:
    void routes(kit::Registration& reg);
    http::Response index(http::Request& req);
    http::Response introduction(http::Request& req);
    http::Response translations(http::Request& req);
    http::Response workshop(http::Request& req);
    http::Response offline_pack(http::Request& req);
    http::Response plans_page(http::Request& req);
    http::Response create_plan(http::Request& req);
    http::Response plan_page(http::Request& req);
    http::Response update_plan(http::Request& req);
    http::Response change_plan_items(http::Request& req);
    http::Response shared_plan(http::Request& req);
    http::Response plan_offline_pack(http::Request& req);
    Plan owned_plan(http::Request& req);
    http::Response edit_form(http::Request& req);
    http::Response save_edit(http::Request& req);
    http::Response editor_page(http::Request& req, const Workshop& w, const std::string& lang, const std::string& error,
                               bool preview, int status);
    http::Response history(http::Request& req);
    http::Response diff(http::Request& req);
    nlohmann::json plan_view(http::Request& req, const Plan& plan, bool editable);
    Workshop find_workshop(const std::string& slug);
    // The run sheet's view model (start time and optional steps from the query).
    nlohmann::json workshop_view(http::Request& req, const Workshop& w, bool participant_view);
    // The guide as of its current generation stamp (loaded once per change, shared by requests).
    std::shared_ptr<const GuideContent> content();

    kit::Context* ctx_ = nullptr;
    const view::Layout* layout_ = nullptr;
    std::optional<GuideStore> store_;
    std::optional<PlanStore> plans_;
    std::string export_dir_;  // `avenir guide export DIR`
    std::mutex content_mutex_;
    std::shared_ptr<const GuideContent> content_;
    std::string content_stamp_;
};

}  // namespace avenir::guide
