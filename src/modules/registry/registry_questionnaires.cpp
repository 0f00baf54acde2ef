// Questionnaire definitions (/register/questionnaires, admins with two-factor sign-in): the list,
// and the import of a definition (Avenir's worker mode, or an AIA-style SurveyJS file scored in
// compatibility mode), refused with every problem's JSON path; each import is a new version.
#include "core/auth/principal.hpp"
#include "core/clock.hpp"
#include "core/errors.hpp"
#include "core/http/pipeline.hpp"
#include "core/view/layout.hpp"
#include "modules/registry/registry_module.hpp"

namespace avenir::registry {
using nlohmann::json;

http::Response RegistryModule::questionnaires_page(http::Request& req, const std::string& typed, const std::vector<DefinitionProblem>& problems,
                                                   int status) {
    http::mark_private(req);
    json list = json::array();
    for (const auto& s : store().questionnaires()) {
        const auto parsed = parse_questionnaire(json::parse(s.definition, nullptr, false));
        list.push_back({{"slug", s.slug},
                        {"version", s.version},
                        {"title", parsed.questionnaire ? text_in(parsed.questionnaire->title, req.lang) : s.slug},
                        {"mode", parsed.questionnaire && parsed.questionnaire->mode == Mode::Aia ? "AIA" : "worker"}});
    }
    json errs = json::array();
    for (const auto& p : problems) errs.push_back({{"path", p.path}, {"message", p.message}});
    json d{{"questionnaires", list},
           {"typed", typed},
           {"problems", errs},
           {"has_problems", !problems.empty()},
           {"csrf", ctx_->access.csrf(req)},
           {"action", href(req, "/register/questionnaires")},
           {"list_href", href(req, "/register")}};
    return ctx_->layout.page(req, "registry/questionnaires", std::move(d), tr(req, "Assessment questionnaires"), status);
}

// GET /register/questionnaires
http::Response RegistryModule::questionnaires(http::Request& req) { return questionnaires_page(req, "", {}, 200); }

// POST /register/questionnaires: slug, mitigation_branches (AIA files), definition.
http::Response RegistryModule::import_questionnaire(http::Request& req) {
    const auth::Principal& who = auth::require_principal(req);
    const auto& f = req.form();
    const std::string text = f.get("definition");
    std::vector<DefinitionProblem> problems;
    json d = json::parse(text, nullptr, false);
    if (text.size() > 2 * 1024 * 1024) problems.push_back({"$", "the definition is larger than 2 MB"});
    else if (d.is_discarded() || !d.is_object()) problems.push_back({"$", "this is not a JSON object: check the pasted text"});
    else {
        // An AIA file has no slug or mode: the form gives them.
        if (!f.get("slug").empty()) d["slug"] = f.get("slug");
        if (!d.contains("mode")) d["mode"] = "aia";
        if (!f.get("mitigation_branches").empty() && !d.contains("mitigation_branches"))
            d["mitigation_branches"] = std::max(1, std::atoi(f.get("mitigation_branches").c_str()));
        if (!d.contains("slug")) problems.push_back({"$.slug", "give the questionnaire a name (lower-case letters, digits and hyphens)"});
        const auto parsed = parse_questionnaire(d);
        problems.insert(problems.end(), parsed.problems.begin(), parsed.problems.end());
    }
    if (!problems.empty()) return questionnaires_page(req, text.size() <= 2 * 1024 * 1024 ? text : "", problems, 422);
    const std::string slug = d["slug"].get<std::string>();
    const auto latest = store().questionnaire(slug);
    d["version"] = latest ? latest->first + 1 : 1;
    ctx_->db.with_tx([&](storage::Transaction& tx) {
        RegistryStore(tx).put_questionnaire(slug, d["version"].get<int>(), d.dump(), who.user_id, clock::unix_seconds());
        ctx_->audit.record(tx, {"registry_questionnaire_imported", who.user_id, std::nullopt, slug});
    });
    return http::Response::redirect(href(req, "/register/questionnaires"));
}

}  // namespace avenir::registry
