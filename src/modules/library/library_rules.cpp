// Read this file to know who may do what in the library.
#include "modules/library/library_rules.hpp"

namespace avenir::library {

void declare_permissions(kit::Registration& reg) {
    reg.permission("library_editor",
                   "DROs, coordinators and admins (the last two with two-factor sign-in) add resources; each changes only "
                   "those of the regions they work in (admins: all)",
                   [](const auth::Principal* who, const http::Request&) {
                       if (!who) return auth::Decision::SignIn;
                       if (auth::is_admin(*who) || auth::is_coordinator(*who)) return auth::strong(*who, true);
                       return who->has_role("dro") ? auth::Decision::Allow : auth::Decision::Deny;
                   });
}

bool may_edit_regions(const auth::Principal* who, const std::vector<std::string>& regions) {
    if (!who) return false;
    if (auth::is_admin(*who)) return true;
    for (const auto& region : regions)
        if (auth::holds_in_region(*who, "coordinator", region) || auth::holds_in_region(*who, "dro", region)) return true;
    return false;
}

bool may_edit(const auth::Principal* who, const Resource& r) { return may_edit_regions(who, r.regions); }

}  // namespace avenir::library
