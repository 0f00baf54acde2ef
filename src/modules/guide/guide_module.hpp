#pragma once
// The interactive facilitator's guide ("Teach Forward!"): workshops by theme and group, and each
// workshop's run sheet with clock times, a facilitator view and a participant handout view.
#include <chrono>
#include <filesystem>
#include <functional>

#include "core/http/router.hpp"
#include "core/view/layout.hpp"
#include "core/view/page_cache.hpp"
#include "modules/guide/guide_plan_store.hpp"
#include "modules/guide/guide_store.hpp"

namespace avenir::guide {

struct GuideOptions {
    std::chrono::milliseconds cache_ttl{5000};
    // The title of one of the seven themes in a language (from the programme, through main).
    std::function<std::string(int theme, const std::string& lang)> theme_title;
    std::string stylesheet;      // the site's CSS, inlined in offline packs
    std::string planner_script;  // URL of the optional drag-and-drop script
    // The CSRF token for forms on a page (from the accounts module, through main).
    std::function<std::string(http::Request&)> csrf;
    // Whether the request's person holds a route permission (from the accounts module).
    std::function<bool(http::Request&, std::string_view permission)> allowed;
};

class GuideModule {
public:
    GuideModule(storage::Database& db, const view::Layout& layout, GuideOptions options);

    void register_routes(http::Router& router);
    // Loads content/guide; returns the rows changed.
    int seed(const std::filesystem::path& guide_dir);
    // Writes the guide as stored to dir in the content/guide format.
    void export_to(const std::filesystem::path& dir);

private:
    http::Response index(http::Request& req);
    http::Response introduction(http::Request& req);
    http::Response translations(http::Request& req);
    http::Response workshop(http::Request& req);
    http::Response render_index(http::Request& req);
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
    http::Response render_workshop(http::Request& req);
    http::Response cached(http::Request& req, http::Response (GuideModule::*render)(http::Request&));

    GuideStore store_;
    PlanStore plans_;
    const view::Layout& layout_;
    GuideOptions options_;
    view::PageCache cache_;
};

}  // namespace avenir::guide
