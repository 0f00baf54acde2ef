// Becoming a Digital Rights Organiser: a member applies for a region (/network/apply); the
// region's coordinators decide in their queue (/network/applications). Approval, in one
// transaction: the `dro` role over the region (kit::Directory, kept by accounts), a place in the
// region's next open DRO cycle (kit::CyclePlaces, kept by training) and the decision. The
// applicant is told by e-mail either way, in their language; the coordinators are told of a new
// application.
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

constexpr std::int64_t kRecentDecisions = 90LL * 24 * 3600;  // the queue shows what was decided in 90 days

std::string_view state_label(const std::string& s) {
    if (s == "approved") return i18n::noop("Approved");
    if (s == "declined") return i18n::noop("Declined");
    return i18n::noop("Waiting for the coordinators");
}

// The applicant's unions (member or union rep), for the form's suggestions.
std::vector<std::int64_t> union_ids(const auth::Principal& who) {
    std::vector<std::int64_t> out;
    for (const auto& g : who.grants)
        if (g.scope_type == "union" && (g.role == "member" || g.role == "union_rep"))
            if (auto id = std::strtoll(g.scope_id.c_str(), nullptr, 10); id > 0) out.push_back(id);
    return out;
}

}  // namespace

void NetworkModule::mail_person(const kit::PersonCard& p, const std::string& fallback_lang, std::string_view subject_msgid,
                                const std::function<std::string(const std::string& lang)>& body, const std::string& what) {
    const std::string lang = i18n::find_language(p.lang) ? p.lang : i18n::find_language(fallback_lang) ? fallback_lang : "en";
    try {
        ctx_->mailer.send({p.email, ctx_->catalog.translate(lang, subject_msgid), body(lang), lang});
    } catch (const std::exception& e) {
        log::warn("network_mail_failed", log::kv("what", what) + " " + log::kv("error", e.what()));
    }
}

std::string NetworkModule::link(const std::string& lang, const std::string& path) const {
    return ctx_->base_url + (lang == "en" ? "" : "/" + lang) + path;
}

// GET /network/apply
http::Response NetworkModule::apply_page(http::Request& req) { return apply_form(req, {}, {}, 200); }

http::Response NetworkModule::apply_form(http::Request& req, const Application& a, const std::vector<std::string>& errors, int status) {
    const auth::Principal& who = auth::require_principal(req);
    const Viewer v = viewer_of(&who);
    const auto ref = ctx_->reference.get();
    const auto& directory = ctx_->extensions.one<kit::Directory>();
    const auto unions = directory.unions(union_ids(who));
    std::string region = a.region;
    if (region.empty() && !unions.empty()) region = unions.front().region;
    json regions = json::array();
    for (const auto& [slug, name] : ref->region_names(req.lang)) regions.push_back({{"value", slug}, {"label", name}, {"selected", region == slug}});
    json union_names = json::array();
    for (const auto& u : unions) union_names.push_back(u.name);
    json mine = json::array();
    bool pending = false;
    for (const auto& x : store().applications_of(who.user_id)) {
        pending = pending || x.state == "pending";
        json item{{"region", ref->region_name(x.region, req.lang)},
                  {"date", ctx_->formatter.format_date(req.lang, x.created_at, "UTC")},
                  {"state", tr(req, state_label(x.state))},
                  {"approved", x.state == "approved"},
                  {"hub_href", href(req, "/network/hubs/" + x.region)}};
        if (!x.message.empty()) item["message"] = x.message;
        mine.push_back(std::move(item));
    }
    json dro_of = json::array();
    for (const auto& r : v.dro_regions) dro_of.push_back(ref->region_name(r, req.lang));
    json d{{"action", href(req, "/network/apply")},
           {"practices_href", href(req, "/network/practices")},
           {"regions", regions},
           {"union_names", union_names},
           {"union_name", a.union_name.empty() && !unions.empty() ? unions.front().name : a.union_name},
           {"languages", text::join_list(a.languages, ',')},
           {"experience", a.experience},
           {"motivation", a.motivation},
           {"mine", mine},
           {"has_mine", !mine.empty()},
           {"pending", pending},
           {"sent", req.query("sent") == "1"},
           {"dro_of", dro_of},
           {"is_dro", !dro_of.empty()}};
    return form_page(req, "network/apply", std::move(d), tr(req, "Become a Digital Rights Organiser"), errors, status);
}

// POST /network/apply
http::Response NetworkModule::apply(http::Request& req) {
    const auth::Principal& who = auth::require_principal(req);
    const auto& f = req.form();
    Application a;
    a.user_id = who.user_id;
    a.union_name = f.get("union_name");
    a.region = f.get("region");
    a.languages = text::split_list(f.get("languages"));
    a.experience = f.get("experience");
    a.motivation = f.get("motivation");
    a.lang = req.lang;
    auto errors = validate(a);
    if (!a.region.empty() && !ctx_->reference.get()->has_region(a.region)) errors.emplace_back(i18n::noop("Choose the region."));
    const Viewer v = viewer_of(&who);
    if (std::find(v.dro_regions.begin(), v.dro_regions.end(), a.region) != v.dro_regions.end())
        errors.emplace_back(i18n::noop("You are already a Digital Rights Organiser of this region."));
    for (const auto& x : store().applications_of(who.user_id))
        if (x.state == "pending") errors.emplace_back(i18n::noop("Your application is already with the coordinators: wait for their answer."));
    if (!errors.empty()) return apply_form(req, a, errors, 422);
    const auto& directory = ctx_->extensions.one<kit::Directory>();
    for (const auto& u : directory.unions(union_ids(who)))
        if (u.name == a.union_name) a.union_id = u.id;
    const std::int64_t now = clock::unix_seconds();
    const std::int64_t id = ctx_->db.with_tx([&](storage::Transaction& tx) {
        const std::int64_t made = NetworkStore(tx).create_application(a, now);
        ctx_->audit.record(tx, {"network_dro_applied", who.user_id, who.user_id, std::to_string(made) + " " + a.region});
        return made;
    });
    log::info("network_dro_application", log::kv("application", static_cast<long long>(id)) + " " + log::kv("region", a.region));
    // The region's coordinators are told; the queue has the details.
    for (const auto& p : directory.holders("coordinator", a.region))
        mail_person(p, "en", i18n::noop("An application to become a Digital Rights Organiser"), [&](const std::string& lang) {
            return ctx_->catalog.translate(lang, "A member has applied to become a Digital Rights Organiser of your region.") + "\n\n" +
                   link(lang, "/network/applications") + "\n";
        }, "application " + std::to_string(id));
    return http::Response::redirect(href(req, "/network/apply") + "?sent=1");
}

// GET /network/applications: the reviewer's regions.
http::Response NetworkModule::applications(http::Request& req) {
    const Viewer v = viewer_of(auth::current_principal(req));
    const auto ref = ctx_->reference.get();
    const auto list = store().applications_to_review(v.coordinated_regions, v.all_regions, clock::unix_seconds() - kRecentDecisions);
    std::vector<std::int64_t> ids;
    for (const auto& a : list) ids.push_back(a.user_id);
    std::map<std::int64_t, std::string> names;
    for (const auto& p : ctx_->extensions.one<kit::Directory>().people(ids)) names[p.id] = p.name;
    json pending = json::array(), decided = json::array();
    for (const auto& a : list) {
        json item{{"id", a.id},
                  {"name", names.contains(a.user_id) ? names[a.user_id] : std::string("—")},
                  {"union_name", a.union_name},
                  {"region", ref->region_name(a.region, req.lang)},
                  {"languages", text::join_list(a.languages, ',')},
                  {"date", ctx_->formatter.format_date(req.lang, a.created_at, "UTC")},
                  {"state", tr(req, state_label(a.state))}};
        if (a.state == "pending") {
            item["experience"] = a.experience;
            item["motivation"] = a.motivation;
            item["action"] = href(req, "/network/applications/" + std::to_string(a.id) + "/decide");
            pending.push_back(std::move(item));
        } else {
            if (!a.message.empty()) item["message"] = a.message;
            decided.push_back(std::move(item));
        }
    }
    json d{{"csrf", ctx_->access.csrf(req)},
           {"pending", pending},
           {"has_pending", !pending.empty()},
           {"decided", decided},
           {"has_decided", !decided.empty()}};
    return ctx_->layout.page(req, "network/applications", std::move(d), tr(req, "Applications to become a Digital Rights Organiser"));
}

// POST /network/applications/{id}/decide: decision = approve | decline, with a message (needed to decline).
http::Response NetworkModule::decide_application(http::Request& req) {
    const auth::Principal& who = auth::require_principal(req);
    const Viewer v = viewer_of(&who);
    const auto found = store().application(req.path_int("id"));
    if (!found) throw NotFound("There is no such application.");
    const Application& a = *found;
    if (!may_review(v, a.region)) throw Forbidden("You decide only the applications of the regions you coordinate.");
    const std::string decision = req.form().get("decision");
    std::string message = req.form().get("message");
    std::erase(message, '\0');
    if (decision != "approve" && decision != "decline") throw Unprocessable(tr(req, "Choose a decision: approve or decline."));
    if (decision == "decline" && message.size() < 10)
        throw Unprocessable(tr(req, "Tell the applicant, in a sentence or more, why the application is declined."));
    if (message.size() > 2000) throw Unprocessable(tr(req, "Keep the message under 2,000 characters."));
    const std::int64_t now = clock::unix_seconds();
    const std::string state = decision == "approve" ? "approved" : "declined";
    const auto place = ctx_->db.with_tx([&](storage::Transaction& tx) -> std::optional<kit::CyclePlace> {
        std::optional<kit::CyclePlace> placed;
        if (state == "approved") {
            if (!ctx_->extensions.one<kit::Directory>().grant_region_role(tx, a.user_id, "dro", a.region, who.user_id))
                throw NotFound("The applicant's account no longer exists.");
            if (const auto* places = ctx_->extensions.optional<kit::CyclePlaces>())
                placed = places->enrol_next(tx, a.user_id, "dro", a.region, who.user_id, now);
        }
        if (!NetworkStore(tx).decide_application(a.id, state, who.user_id, message, placed ? std::optional(placed->cycle_id) : std::nullopt, now))
            throw Conflict(tr(req, "This application was already decided."));
        ctx_->audit.record(tx, {"network_dro_" + state, who.user_id, a.user_id, std::to_string(a.id)});
        return placed;
    });
    ctx_->pages_changed();
    log::info("network_dro_decided", log::kv("application", static_cast<long long>(a.id)) + " " + log::kv("state", state));
    for (const auto& p : ctx_->extensions.one<kit::Directory>().people({a.user_id}))
        mail_person(p, a.lang,
                    state == "approved" ? i18n::noop("You are now a Digital Rights Organiser")
                                        : i18n::noop("Your application to become a Digital Rights Organiser"),
                    [&](const std::string& lang) {
                        const auto ref = ctx_->reference.get();
                        std::string text = ctx_->catalog.translate(lang, state == "approved" ? i18n::noop("The coordinators approved your application for this region:")
                                                                                             : i18n::noop("The coordinators declined your application for this region:")) +
                                           " " + ref->region_name(a.region, lang) + "\n\n";
                        if (!message.empty()) text += message + "\n\n";
                        if (place) {
                            text += ctx_->catalog.translate(lang, place->state == "enrolled" ? i18n::noop("You have a place in this training cycle:")
                                                                                             : i18n::noop("You are on the waiting list of this training cycle:")) +
                                    " " + place->title + "\n" + link(lang, place->path) + "\n\n";
                        }
                        if (state == "approved") text += ctx_->catalog.translate(lang, "Your regional hub:") + " " + link(lang, "/network/hubs/" + a.region) + "\n";
                        return text;
                    },
                    "application " + std::to_string(a.id));
    return http::Response::redirect(href(req, "/network/applications"));
}

}  // namespace avenir::network
