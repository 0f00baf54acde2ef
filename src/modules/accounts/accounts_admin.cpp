// Administration: unions (affiliates), people and role grants. Admins manage everything;
// coordinators grant dro and facilitator in their region; union reps grant member in their union
// (see may_grant in permissions.cpp).
#include <nlohmann/json.hpp>

#include <charconv>

#include "core/errors.hpp"
#include "modules/accounts/accounts_module.hpp"
#include "modules/accounts/accounts_rules.hpp"

namespace avenir::accounts {
namespace {
using nlohmann::json;
const std::vector<std::string> kRoles{"admin", "coordinator", "dro", "facilitator", "interpreter", "member", "union_rep"};

std::string scope_type_of(const std::string& role) {
    if (role == "admin") return "global";
    if (role == "member" || role == "union_rep") return "union";
    return "region";
}

}  // namespace

http::Response AccountsModule::unions_page(http::Request& req) { return unions_form(req, json::object(), 200); }

http::Response AccountsModule::unions_form(http::Request& req, json d, int status) {
    json list = json::array();
    for (const auto& u : store_->unions())
        list.push_back({{"id", std::to_string(u.id)}, {"name", u.name}, {"country", u.country}, {"region", u.region_slug}, {"sector", u.sector}});
    json regions = json::array();
    for (const auto& slug : ctx_->reference.get()->region_slugs())
        regions.push_back({{"slug", slug}, {"selected", d.value("region", "") == slug}});
    d["unions"] = list;
    d["regions"] = regions;
    d["action"] = view::Layout::href(req, "/admin/unions");
    return form_page(req, "accounts/admin_unions", std::move(d), layout_->tr(req, "Unions"), status);
}

http::Response AccountsModule::create_union(http::Request& req) {
    const auto& f = req.form();
    Union u{0, f.get("name"), f.get("country"), f.get("region"), f.get("sector")};
    json d{{"name", u.name}, {"country", u.country}, {"region", u.region_slug}, {"sector", u.sector}};
    const auto regions = ctx_->reference.get()->region_slugs();
    bool bad = false;
    if (u.name.empty() || u.name.size() > 200) d["name_error"] = layout_->tr(req, "Enter the union's name."), bad = true;
    if (u.country.empty() || u.country.size() > 100) d["country_error"] = layout_->tr(req, "Enter the country."), bad = true;
    if (std::find(regions.begin(), regions.end(), u.region_slug) == regions.end())
        d["region_error"] = layout_->tr(req, "Choose one of the regions."), bad = true;
    if (u.sector.empty() || u.sector.size() > 100) d["sector_error"] = layout_->tr(req, "Enter the sector (for example health, local government)."), bad = true;
    if (bad) return unions_form(req, std::move(d), 422);
    try {
        const auto id = store_->create_union(u, clock::unix_seconds());
        store_->audit("union_created", auth::require_principal(req).user_id, std::nullopt, std::to_string(id), clock::unix_seconds());
    } catch (const storage::UniqueViolation&) {
        d["name_error"] = layout_->tr(req, "A union with this name already exists in this country.");
        return unions_form(req, std::move(d), 422);
    }
    return http::Response::redirect(view::Layout::href(req, "/admin/unions"));
}

http::Response AccountsModule::people_page(http::Request& req) {
    const std::string prefix = normalize_email(req.query("email"));
    json people = json::array();
    for (const auto& [u, grants] : store_->people(prefix, 100)) {
        json roles = json::array();
        for (const auto& g : grants)
            roles.push_back({{"role", g.role}, {"scope_type", g.scope_type}, {"scope_id", g.scope_id}, {"label", g.role + (g.scope_id.empty() ? "" : " · " + g.scope_id)}});
        people.push_back({{"email", u.email}, {"name", u.display_name}, {"verified", u.email_verified_at.has_value()}, {"roles", roles}});
    }
    json roles = json::array();
    for (const auto& r : kRoles) roles.push_back({{"role", r}});
    json d{{"people", people}, {"roles", roles}, {"query", prefix}, {"action", view::Layout::href(req, "/admin/grants")},
           {"revoke_action", view::Layout::href(req, "/admin/grants/revoke")}, {"search_action", view::Layout::href(req, "/admin/people")}};
    return form_page(req, "accounts/admin_people", std::move(d), layout_->tr(req, "People and roles"));
}

// GET /unions/{union_id}/members: the union's people, for its representatives.
http::Response AccountsModule::union_members(http::Request& req) {
    const auto id = req.path_int("union_id");
    const auto u = store_->union_by_id(id);
    if (!u) throw NotFound("There is no such union.");
    json people = json::array();
    for (const auto& [user, role] : store_->union_people(id))
        people.push_back({{"name", user.display_name}, {"email", user.email}, {"role", role}, {"is_member", role == "member"}});
    json d{{"union", u->name}, {"union_id", std::to_string(id)}, {"people", people},
           {"action", view::Layout::href(req, "/admin/grants")}, {"revoke_action", view::Layout::href(req, "/admin/grants/revoke")}};
    return form_page(req, "accounts/union_members", std::move(d), u->name);
}

// GET /coordination: a coordinator's regions, their DROs and facilitators, and the grant form.
http::Response AccountsModule::coordination(http::Request& req) {
    const auth::Principal& who = auth::require_principal(req);
    json regions = json::array();
    for (const auto& g : who.grants) {
        if (g.role != "coordinator" || g.scope_type != "region") continue;
        json people = json::array();
        for (const auto& [user, role] : store_->scope_people("region", g.scope_id))
            if (role == "dro" || role == "facilitator" || role == "interpreter")
                people.push_back({{"name", user.display_name}, {"email", user.email}, {"role", role}, {"region", g.scope_id}});
        regions.push_back({{"slug", g.scope_id}, {"people", people}});
    }
    json d{{"regions", regions}, {"has_regions", !regions.empty()}, {"action", view::Layout::href(req, "/admin/grants")},
           {"revoke_action", view::Layout::href(req, "/admin/grants/revoke")}};
    return form_page(req, "accounts/coordination", std::move(d), layout_->tr(req, "Coordination"));
}

// POST /admin/grants and /admin/grants/revoke: who may grant what is decided by may_grant().
http::Response AccountsModule::change_grant(http::Request& req, bool add) {
    const auth::Principal& who = auth::require_principal(req);
    const auto& f = req.form();
    const std::string role = f.get("role");
    const auth::Grant g{role, scope_type_of(role), role == "admin" ? "" : f.get("scope")};
    if (!may_grant(who, g.role, g.scope_type, g.scope_id)) throw Forbidden();
    if (std::find(kRoles.begin(), kRoles.end(), role) == kRoles.end()) throw Unprocessable("Choose one of the roles.");
    if (g.scope_type == "union") {
        std::int64_t id = 0;
        const auto [p, ec] = std::from_chars(g.scope_id.data(), g.scope_id.data() + g.scope_id.size(), id);
        if (ec != std::errc() || !store_->union_by_id(id)) throw Unprocessable("There is no such union.");
    }
    if (g.scope_type == "region") {
        const auto regions = ctx_->reference.get()->region_slugs();
        if (std::find(regions.begin(), regions.end(), g.scope_id) == regions.end()) throw Unprocessable("Choose one of the regions.");
    }
    const auto user = store_->user_by_email(normalize_email(f.get("email")));
    if (!user) throw Unprocessable("No account has that e-mail address.");
    if (add) store_->add_grant(user->id, g, who.user_id, clock::unix_seconds());
    else store_->remove_grant(user->id, g);
    store_->audit(add ? "role_granted" : "role_revoked", who.user_id, user->id, g.role + " " + g.scope_type + " " + g.scope_id, clock::unix_seconds());
    // Back to the page the grant was made from.
    const bool admin = ctx_->access.allowed(req, "admin");
    if (g.scope_type == "region" && !admin) return http::Response::redirect(view::Layout::href(req, "/coordination"));
    if (g.scope_type == "union" && !admin) return http::Response::redirect(view::Layout::href(req, "/unions/" + g.scope_id + "/members"));
    return http::Response::redirect(view::Layout::href(req, admin ? "/admin/people" : "/account"));
}

}  // namespace avenir::accounts
