#pragma once
// Who may do what in the network. The only place where the module looks at roles: handlers and the
// store's queries ask these questions and never test a role themselves.
#include <string>
#include <vector>

#include "core/auth/roles.hpp"
#include "core/kit/module.hpp"
#include "modules/network/network_types.hpp"

namespace avenir::network {

// network_moderate: Digital Rights Organisers and coordinators (their regions) and admins reach the
// moderation queue; which cases each may decide is may_moderate().
void declare_permissions(kit::Registration& reg);

// What a reader may see of the practice exchange, worked out once per request from their roles.
struct Viewer {
    std::int64_t user_id = 0;  // 0: anonymous
    bool all_regions = false;  // admins: every hub and every queue
    // Regions whose hub-only cases the reader sees: where they are a DRO, coordinator or facilitator.
    std::vector<std::string> hub_regions;
    // Regions whose cases the reader moderates: where they are a DRO or coordinator.
    std::vector<std::string> moderated_regions;
    bool signed_in() const { return user_id != 0; }
};
Viewer viewer_of(const auth::Principal* who);

bool may_moderate(const Viewer& v, const std::string& region);
// Published and meant for this reader, or the reader's own, or one they moderate.
bool may_see(const Viewer& v, const Case& c);
// The employer's name when the author asked to hide it: only the author and the moderators.
bool sees_employer(const Viewer& v, const Case& c);
// The author while the case waits or was sent back; moderators of its region at any time.
bool may_edit(const Viewer& v, const Case& c);

// The search index's audience of a published case ("" everyone, "members", "hub:<region>"), and
// those a reader may see besides "".
std::string audience_of(const Case& c);
std::vector<std::string> audiences_of(const Viewer& v, const std::vector<std::string>& all_regions);

}  // namespace avenir::network
