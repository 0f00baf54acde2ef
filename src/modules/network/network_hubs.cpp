// /network/hubs/{region}: a region's centre. Its presentation and contact, its Digital Rights
// Organisers and coordinators (named only with their "listed publicly" consent, counted
// otherwise), its newest practice cases the reader may see, and what the other modules show for
// the region (training cycles, library materials: kit::RegionSection).
#include <set>

#include "core/auth/principal.hpp"
#include "core/errors.hpp"
#include "core/http/pipeline.hpp"
#include "core/i18n/i18n.hpp"
#include "core/view/layout.hpp"
#include "modules/network/network_module.hpp"
#include "core/text/list.hpp"
#include "modules/network/network_rules.hpp"

namespace avenir::network {
using nlohmann::json;

http::Response NetworkModule::hub(http::Request& req) {
    const std::string& region = req.param("region");
    const auto ref = ctx_->reference.get();
    if (!ref->has_region(region)) throw NotFound("There is no such region.");
    const auth::Principal* who = auth::current_principal(req);
    const Viewer v = viewer_of(who);
    if (who) http::mark_private(req);  // hub-only cases for those of the hub
    const auto h = store().hub(region);
    json d{{"name", ref->region_name(region, req.lang)},
           {"region_href", href(req, "/regions/" + region)},
           {"practices_href", href(req, "/network/practices") + "?region=" + region},
           {"new_href", href(req, "/network/practices/new")},
           {"apply_href", href(req, "/network/apply")}};
    if (may_review(v, region)) d["review_href"] = href(req, "/network/applications");
    if (may_edit_hub(v, region)) d["edit_href"] = href(req, "/network/hubs/" + region + "/edit");
    if (may_keep_profile(v)) d["profile_href"] = href(req, "/network/profile");
    if (h) {
        const auto it = h->intro.contains(req.lang) ? h->intro.find(req.lang) : h->intro.find("en");
        if (it != h->intro.end()) {
            d["intro"] = it->second;
            d["intro_lang"] = it->first;
        }
        if (!h->contact.empty()) d["contact"] = h->contact;
    }
    // The hub's people: one query per role, one for the consents, one for their profiles.
    const auto& directory = ctx_->extensions.one<kit::Directory>();
    auto dros = directory.holders("dro", region), coordinators = directory.holders("coordinator", region);
    std::vector<std::int64_t> ids;
    for (const auto* list : {&dros, &coordinators})
        for (const auto& p : *list) ids.push_back(p.id);
    const auto listed = ids.empty() ? std::set<std::int64_t>{} : directory.consenting(ids, "listed_publicly");
    const auto profiles = store().profiles(ids);
    auto people = [&](const std::vector<kit::PersonCard>& list, const char* key, const char* unlisted_key) {
        json shown = json::array();
        int unlisted = 0;
        for (const auto& p : list) {
            const auto profile = profiles.find(p.id);
            const bool has_profile = profile != profiles.end();
            if (!sees_person(v, has_profile ? std::optional(profile->second.visibility) : std::nullopt, listed.contains(p.id), region)) {
                ++unlisted;
                continue;
            }
            json person{{"name", p.name}};
            if (has_profile) {
                const Profile& pr = profile->second;
                if (!pr.languages.empty()) person["languages"] = text::join_list(pr.languages, ',');
                std::string sectors;
                for (const auto& sector : pr.sectors) sectors += (sectors.empty() ? "" : ", ") + tr(req, sector_label(sector));
                if (!sectors.empty()) person["sectors"] = sectors;
                if (!pr.skills.empty()) person["skills"] = pr.skills;
                if (!pr.help.empty()) person["help"] = pr.help;
            }
            shown.push_back(std::move(person));
        }
        d[key] = shown;
        if (unlisted > 0) d[unlisted_key] = unlisted;
    };
    people(dros, "dros", "dros_unlisted");
    people(coordinators, "coordinators", "coordinators_unlisted");
    d["has_dros"] = !dros.empty();
    d["has_coordinators"] = !coordinators.empty();
    json cases = json::array();
    const CasePage page = store().published(v, {"", region, "", ""}, 0, 5);
    for (const auto& c : page.cases) cases.push_back(case_summary(req, v, c));
    d["cases"] = cases;
    d["has_cases"] = !cases.empty();
    d["cases_total"] = page.total;
    // Its open questions the reader may see (two statements).
    json questions = json::array();
    const auto open = store().questions(v, region, true, 0, 5);
    for (const auto& q : open.questions) questions.push_back(question_summary(req, q));
    d["questions"] = questions;
    d["has_questions"] = !questions.empty();
    d["questions_total"] = open.total;
    d["questions_href"] = href(req, "/network/questions") + "?region=" + region + "&open=1";
    d["ask_href"] = href(req, "/network/questions/new") + "?region=" + region;
    std::string sections;
    for (const auto* section : ctx_->extensions.all<kit::RegionSection>()) sections += section->render(req, region);
    d["sections_html"] = sections;
    const std::string title = tr(req, "Regional hub:") + " " + d["name"].get<std::string>();
    return ctx_->layout.page(req, "network/hub", std::move(d), title);
}

}  // namespace avenir::network
