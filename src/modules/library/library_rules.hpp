#pragma once
// Who may do what in the library. The only place where the library looks at roles: handlers ask
// these questions and never test a role themselves.
#include <vector>

#include "core/auth/roles.hpp"
#include "core/kit/module.hpp"
#include "modules/library/library_types.hpp"

namespace avenir::library {

// library_editor: DROs, coordinators and admins reach the editor (the last two with two-factor
// sign-in set up); which resources each may change is may_edit().
void declare_permissions(kit::Registration& reg);

// Admins: every resource. Coordinators and DROs: resources of a region they work in (a resource
// for several regions needs one of them). Everyone else: none.
bool may_edit(const auth::Principal* who, const Resource& r);
// The same rule for a resource about to be created or saved with these regions.
bool may_edit_regions(const auth::Principal* who, const std::vector<std::string>& regions);

}  // namespace avenir::library
