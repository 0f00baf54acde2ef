// Read this file to know who may do what in the network.
#include "modules/network/network_rules.hpp"

#include <algorithm>

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
    }
    return v;
}

bool may_moderate(const Viewer& v, const std::string& region) { return v.all_regions || contains(v.moderated_regions, region); }

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
