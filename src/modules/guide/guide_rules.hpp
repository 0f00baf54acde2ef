#pragma once
// Who may do what with the guide's permissions.
#include "core/kit/module.hpp"

namespace avenir::guide {

// guide_editor: DROs, coordinators and admins edit workshops (the last two with two-factor
// sign-in set up).
void declare_permissions(kit::Registration& reg);

}  // namespace avenir::guide
