// Read this file to know who may do what in the network.
#include "modules/network/network_rules.hpp"

#include <algorithm>
#include <cstdlib>

namespace avenir::network {
namespace {

bool contains(const std::vector<std::string>& v, const std::string& x) { return std::find(v.begin(), v.end(), x) != v.end(); }

}  // namespace

void declare_permissions(kit::Registration& reg) {
    reg.permission("network_moderate",
                   "Digital Rights Organisers and coordinators moderate the practice cases of their regions; admins all (coordinators "
                   "and admins with two-factor sign-in)",
                   [](const auth::Principal* who, const http::Request&) {
                       if (!who) return auth::Decision::SignIn;
                       if (auth::is_admin(*who) || auth::is_coordinator(*who)) return auth::strong(*who, true);
                       return who->has_role("dro") ? auth::Decision::Allow : auth::Decision::Deny;
                   });
    reg.permission("network_review",
                   "Coordinators decide the applications to become a Digital Rights Organiser of their regions; admins all (with "
                   "two-factor sign-in)",
                   [](const auth::Principal* who, const http::Request&) {
                       if (!who) return auth::Decision::SignIn;
                       if (auth::is_admin(*who) || auth::is_coordinator(*who)) return auth::strong(*who, true);
                       return auth::Decision::Deny;
                   });
}

Viewer viewer_of(const auth::Principal* who) {
    Viewer v;
    if (!who) return v;
    v.user_id = who->user_id;
    v.all_regions = auth::is_admin(*who);
    for (const auto& g : who->grants) {
        if (g.scope_type != "region") continue;
        if (g.role == "dro" || g.role == "coordinator" || g.role == "facilitator")
            if (!contains(v.hub_regions, g.scope_id)) v.hub_regions.push_back(g.scope_id);
        if (g.role == "dro" || g.role == "coordinator")
            if (!contains(v.moderated_regions, g.scope_id)) v.moderated_regions.push_back(g.scope_id);
        if (g.role == "coordinator" && !contains(v.coordinated_regions, g.scope_id)) v.coordinated_regions.push_back(g.scope_id);
        if (g.role == "dro" && !contains(v.dro_regions, g.scope_id)) v.dro_regions.push_back(g.scope_id);
    }
    for (const auto& g : who->grants) {
        if (g.scope_type != "union" || g.role != "union_rep") continue;
        if (const auto id = std::strtoll(g.scope_id.c_str(), nullptr, 10); id > 0) v.rep_unions.push_back(id);
    }
    return v;
}

bool may_moderate(const Viewer& v, const std::string& region) { return v.all_regions || contains(v.moderated_regions, region); }

bool may_review(const Viewer& v, const std::string& region) { return v.all_regions || contains(v.coordinated_regions, region); }

bool sees_person(const Viewer& v, const std::optional<std::string>& visibility, bool listed, const std::string& region) {
    std::string vis = visibility.value_or(listed ? "public" : "hub");
    if (vis == "public" && !listed) vis = "members";
    if (vis == "public") return true;
    if (vis == "members") return v.signed_in();
    return v.all_regions || contains(v.hub_regions, region);
}

bool may_see(const Viewer& v, const Question& q) { return q.visibility == "public" || v.signed_in(); }

bool may_answer(const Viewer& v) { return v.all_regions || !v.dro_regions.empty() || !v.coordinated_regions.empty(); }

bool may_mark_helpful(const Viewer& v, const Question& q) { return v.signed_in() && q.author_id && *q.author_id == v.user_id; }

bool may_edit_coalition(const Viewer& v, const std::vector<std::string>& regions) {
    if (v.all_regions) return true;
    return std::any_of(regions.begin(), regions.end(), [&](const std::string& r) { return contains(v.coordinated_regions, r); });
}

bool may_speak_for(const Viewer& v, std::int64_t union_id) {
    return std::find(v.rep_unions.begin(), v.rep_unions.end(), union_id) != v.rep_unions.end();
}

bool may_keep_profile(const Viewer& v) { return !v.dro_regions.empty() || !v.coordinated_regions.empty(); }

bool may_edit_hub(const Viewer& v, const std::string& region) { return may_review(v, region); }

bool may_see(const Viewer& v, const Case& c) {
    if (v.signed_in() && c.author_id && *c.author_id == v.user_id) return true;
    if (may_moderate(v, c.region)) return true;
    if (c.state != "published") return false;
    if (c.visibility == "public") return true;
    if (c.visibility == "members") return v.signed_in();
    return v.all_regions || contains(v.hub_regions, c.region);
}

bool sees_employer(const Viewer& v, const Case& c) {
    if (!c.hide_employer) return true;
    return (v.signed_in() && c.author_id && *c.author_id == v.user_id) || may_moderate(v, c.region);
}

bool may_edit(const Viewer& v, const Case& c) {
    if (may_moderate(v, c.region)) return true;
    return v.signed_in() && c.author_id && *c.author_id == v.user_id && (c.state == "submitted" || c.state == "changes");
}

std::string audience_of(const Case& c) {
    if (c.visibility == "public") return "";
    if (c.visibility == "members") return "members";
    return "hub:" + c.region;
}

std::vector<std::string> audiences_of(const Viewer& v, const std::vector<std::string>& all_regions) {
    std::vector<std::string> out;
    if (!v.signed_in()) return out;
    out.push_back("members");
    for (const auto& r : v.all_regions ? all_regions : v.hub_regions) out.push_back("hub:" + r);
    return out;
}

}  // namespace avenir::network
