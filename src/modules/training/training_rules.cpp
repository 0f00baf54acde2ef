// Read this file to know who may do what in training.
#include "modules/training/training_rules.hpp"

#include <charconv>

#include "core/i18n/i18n.hpp"

namespace avenir::training {

void declare_permissions(kit::Registration& reg) {
    reg.permission("training_manage",
                   "coordinators and admins (with two-factor sign-in) create and change training cycles; each coordinator only "
                   "those of their regions",
                   [](const auth::Principal* who, const http::Request&) {
                       if (!who) return auth::Decision::SignIn;
                       return auth::strong(*who, auth::is_admin(*who) || auth::is_coordinator(*who));
                   });
    reg.permission("training_facilitate",
                   "facilitators take attendance in the cycles they facilitate; coordinators in their regions' cycles; admins in all",
                   [](const auth::Principal* who, const http::Request&) {
                       if (!who) return auth::Decision::SignIn;
                       if (auth::is_admin(*who) || auth::is_coordinator(*who)) return auth::strong(*who, true);
                       return who->has_role("facilitator") ? auth::Decision::Allow : auth::Decision::Deny;
                   });
}

bool may_manage(const auth::Principal* who, const std::string& region) {
    return who && (auth::is_admin(*who) || auth::holds_in_region(*who, "coordinator", region));
}

bool may_facilitate(const auth::Principal* who, const Cycle& c, bool is_facilitator) {
    return may_manage(who, c.region) || (who && is_facilitator && auth::holds_in_region(*who, "facilitator", c.region));
}

std::vector<std::int64_t> unions_of(const auth::Principal& who) {
    std::vector<std::int64_t> out;
    for (const auto& g : who.grants) {
        if (g.scope_type != "union" || (g.role != "member" && g.role != "union_rep")) continue;
        std::int64_t id = 0;
        if (std::from_chars(g.scope_id.data(), g.scope_id.data() + g.scope_id.size(), id).ec == std::errc()) out.push_back(id);
    }
    return out;
}

std::string enrolment_refusal(const auth::Principal& who, const Cycle& c, const std::map<std::int64_t, std::string>& union_regions,
                              std::int64_t now) {
    if (c.status != "open" && c.status != "running") return std::string(i18n::noop("This cycle is not open for enrolment."));
    if (now < c.enrol_opens) return std::string(i18n::noop("Enrolment in this cycle has not opened yet."));
    if (now > c.enrol_closes) return std::string(i18n::noop("Enrolment in this cycle has closed."));
    if (c.audience == "dro") {
        if (!auth::holds_in_region(who, "dro", c.region))
            return std::string(i18n::noop("This cycle trains the Digital Rights Organisers of its region; apply to become one first."));
        return "";
    }
    for (const auto& [id, region] : union_regions)
        if (region == c.region) return "";
    return std::string(i18n::noop("This cycle is for members of unions in its region. Ask your union or the regional coordinator to invite you."));
}

}  // namespace avenir::training
