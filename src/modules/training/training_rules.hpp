#pragma once
// Who may do what in training. The only place where the module looks at roles: handlers ask these
// questions and never test a role themselves.
#include <map>
#include <string>

#include "core/auth/roles.hpp"
#include "core/kit/module.hpp"
#include "modules/training/training_types.hpp"

namespace avenir::training {

// training_manage: coordinators and admins (two-factor sign-in set up) reach the pages that
// create and change cycles; which cycles each may change is may_manage().
// training_facilitate: facilitators, coordinators and admins reach rosters and participant
// lists; which cycles is may_facilitate().
void declare_permissions(kit::Registration& reg);

// Admins: every cycle. Coordinators: the cycles of their regions.
bool may_manage(const auth::Principal* who, const std::string& region);
// may_manage, or named facilitator of the cycle (is_facilitator comes from the store).
bool may_facilitate(const auth::Principal* who, const Cycle& c, bool is_facilitator);

// Why a person may not take a place in a cycle now (a msgid), or "" when they may. union_regions
// maps the unions the person belongs to onto their regions (from the directory).
std::string enrolment_refusal(const auth::Principal& who, const Cycle& c, const std::map<std::int64_t, std::string>& union_regions,
                              std::int64_t now);
// The unions a person is a member or representative of.
std::vector<std::int64_t> unions_of(const auth::Principal& who);

}  // namespace avenir::training
