// The people of the hubs: a DRO's or coordinator's own profile (/network/profile), shown on the
// hubs of their regions to whom they chose (network_rules.cpp: sees_person), and a hub's
// presentation and contact, kept by the region's coordinators (/network/hubs/{region}/edit).
#include <algorithm>

#include "core/auth/principal.hpp"
#include "core/clock.hpp"
#include "core/errors.hpp"
#include "core/i18n/i18n.hpp"
#include "core/log.hpp"
#include "core/text/list.hpp"
#include "core/view/layout.hpp"
#include "modules/network/network_module.hpp"
#include "modules/network/network_rules.hpp"

namespace avenir::network {
using nlohmann::json;

namespace {

constexpr const char* kHubLanguages[] = {"en", "fr", "es", "ar"};

}  // namespace

// GET /network/profile
http::Response NetworkModule::profile_page(http::Request& req) {
    const auth::Principal& who = auth::require_principal(req);
    const Viewer v = viewer_of(&who);
    if (!may_keep_profile(v) && !v.all_regions) throw Forbidden("Profiles are for the Digital Rights Organisers and coordinators of a region.");
    return profile_form(req, store().profile(who.user_id).value_or(Profile{who.user_id}), {}, 200);
}

http::Response NetworkModule::profile_form(http::Request& req, const Profile& p, const std::vector<std::string>& errors, int status) {
    const auth::Principal& who = auth::require_principal(req);
    const Viewer v = viewer_of(&who);
    const auto ref = ctx_->reference.get();
    json sectors = json::array();
    for (auto s : kSectors)
        sectors.push_back({{"value", std::string(s)},
                           {"label", tr(req, sector_label(std::string(s)))},
                           {"checked", std::find(p.sectors.begin(), p.sectors.end(), s) != p.sectors.end()}});
    json visibilities = json::array();
    for (auto x : kVisibilities)
        visibilities.push_back({{"value", std::string(x)}, {"label", tr(req, visibility_label(std::string(x)))}, {"selected", p.visibility == x}});
    json hubs = json::array();
    std::vector<std::string> regions = v.dro_regions;
    for (const auto& r : v.coordinated_regions)
        if (std::find(regions.begin(), regions.end(), r) == regions.end()) regions.push_back(r);
    for (const auto& r : regions) hubs.push_back({{"name", ref->region_name(r, req.lang)}, {"href", href(req, "/network/hubs/" + r)}});
    const bool listed = !ctx_->extensions.one<kit::Directory>().consenting({who.user_id}, "listed_publicly").empty();
    json d{{"action", href(req, "/network/profile")},
           {"consents_href", href(req, "/account")},
           {"languages", text::join_list(p.languages, ',')},
           {"sectors", sectors},
           {"skills", p.skills},
           {"help", p.help},
           {"visibilities", visibilities},
           {"digest", p.digest},
           {"not_listed", !listed},
           {"hubs", hubs},
           {"saved", req.query("saved") == "1"}};
    return form_page(req, "network/profile", std::move(d), tr(req, "Your profile on the hubs"), errors, status);
}

// POST /network/profile
http::Response NetworkModule::save_profile(http::Request& req) {
    const auth::Principal& who = auth::require_principal(req);
    const Viewer v = viewer_of(&who);
    if (!may_keep_profile(v) && !v.all_regions) throw Forbidden("Profiles are for the Digital Rights Organisers and coordinators of a region.");
    const auto& f = req.form();
    Profile p{who.user_id, text::split_list(f.get("languages")), f.all("sectors"), f.get("skills"), f.get("help"), f.get("visibility"), 0, f.get("digest") == "1"};
    const auto errors = validate(p);
    if (!errors.empty()) return profile_form(req, p, errors, 422);
    ctx_->db.with_tx([&](storage::Transaction& tx) {
        NetworkStore(tx).put_profile(p, clock::unix_seconds());
        ctx_->audit.record(tx, {"network_profile_saved", who.user_id, who.user_id, p.visibility});
    });
    ctx_->pages_changed();
    return http::Response::redirect(href(req, "/network/profile") + "?saved=1");
}

// GET /network/hubs/{region}/edit
http::Response NetworkModule::edit_hub(http::Request& req) { return hub_form(req, std::nullopt, {}, 200); }

http::Response NetworkModule::hub_form(http::Request& req, const std::optional<Hub>& typed, const std::vector<std::string>& errors, int status) {
    const std::string& region = req.param("region");
    const auto ref = ctx_->reference.get();
    if (!ref->has_region(region)) throw NotFound("There is no such region.");
    if (!may_edit_hub(viewer_of(auth::current_principal(req)), region)) throw Forbidden("Only the region's coordinators change its hub.");
    const Hub h = typed ? *typed : store().hub(region).value_or(Hub{region, "", {}});
    json texts = json::array();
    for (const char* lang : kHubLanguages) {
        const auto it = h.intro.find(lang);
        texts.push_back({{"lang", lang},
                         {"label", i18n::find_language(lang)->native_name},
                         {"intro", it == h.intro.end() ? std::string() : it->second},
                         {"dir", std::string(lang) == "ar" ? "rtl" : "ltr"}});
    }
    json d{{"action", href(req, "/network/hubs/" + region + "/edit")},
           {"hub_href", href(req, "/network/hubs/" + region)},
           {"name", ref->region_name(region, req.lang)},
           {"contact", h.contact},
           {"texts", texts}};
    return form_page(req, "network/hub_edit", std::move(d), tr(req, "Change the hub's presentation"), errors, status);
}

// POST /network/hubs/{region}/edit
http::Response NetworkModule::save_hub(http::Request& req) {
    const auth::Principal& who = auth::require_principal(req);
    const std::string& region = req.param("region");
    if (!ctx_->reference.get()->has_region(region)) throw NotFound("There is no such region.");
    if (!may_edit_hub(viewer_of(&who), region)) throw Forbidden("Only the region's coordinators change its hub.");
    const auto& f = req.form();
    Hub h{region, f.get("contact"), {}};
    for (const char* lang : kHubLanguages)
        if (std::string intro = f.get(std::string("intro_") + lang); !intro.empty()) h.intro[lang] = std::move(intro);
    const auto errors = validate(h);
    if (!errors.empty()) return hub_form(req, h, errors, 422);
    ctx_->db.with_tx([&](storage::Transaction& tx) {
        NetworkStore(tx).put_hub(h, clock::unix_seconds());
        ctx_->audit.record(tx, {"network_hub_changed", who.user_id, std::nullopt, region});
    });
    ctx_->pages_changed();
    return http::Response::redirect(href(req, "/network/hubs/" + region));
}

}  // namespace avenir::network
