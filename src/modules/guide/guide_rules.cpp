// Read this file to know who may do what with the guide.
#include "modules/guide/guide_rules.hpp"

namespace avenir::guide {

void declare_permissions(kit::Registration& reg) {
    reg.permission("guide_editor", "DROs, coordinators and admins (the last two with two-factor sign-in) edit workshops",
                   [](const auth::Principal* who, const http::Request&) {
                       if (!who) return auth::Decision::SignIn;
                       if (auth::is_admin(*who) || auth::is_coordinator(*who)) return auth::strong(*who, true);
                       return who->has_role("dro") ? auth::Decision::Allow : auth::Decision::Deny;
                   });
}

}  // namespace avenir::guide
