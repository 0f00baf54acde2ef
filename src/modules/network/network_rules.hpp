#pragma once
// Who may do what in the network. The only place where the module looks at roles: handlers and the
// store's queries ask these questions and never test a role themselves.
#include <optional>
#include <string>
#include <vector>

#include "core/auth/roles.hpp"
#include "core/kit/module.hpp"
#include "modules/network/network_types.hpp"

namespace avenir::network {

// network_moderate: Digital Rights Organisers and coordinators (their regions) and admins reach the
// moderation queue; which cases each may decide is may_moderate().
// network_review: coordinators (their regions) and admins, with two-factor sign-in, reach the
// applications to become a DRO; which each may decide is may_review().
void declare_permissions(kit::Registration& reg);

// What a reader may see of the practice exchange, worked out once per request from their roles.
struct Viewer {
    std::int64_t user_id = 0;  // 0: anonymous
    bool all_regions = false;  // admins: every hub and every queue
    // Regions whose hub-only cases the reader sees: where they are a DRO, coordinator or facilitator.
    std::vector<std::string> hub_regions;
    // Regions whose cases the reader moderates: where they are a DRO or coordinator.
    std::vector<std::string> moderated_regions;
    // Regions whose applications to become a DRO the reader decides: where they are coordinator.
    std::vector<std::string> coordinated_regions;
    // Regions where the reader is a Digital Rights Organiser.
    std::vector<std::string> dro_regions;
    // Unions the reader represents (union_rep).
    std::vector<std::int64_t> rep_unions;
    bool signed_in() const { return user_id != 0; }
};
Viewer viewer_of(const auth::Principal* who);

bool may_moderate(const Viewer& v, const std::string& region);
// Applications to become a DRO of a region: its coordinators and admins decide them.
bool may_review(const Viewer& v, const std::string& region);
// Published and meant for this reader, or the reader's own, or one they moderate.
bool may_see(const Viewer& v, const Case& c);
// The employer's name when the author asked to hide it: only the author and the moderators.
bool sees_employer(const Viewer& v, const Case& c);
// The author while the case waits or was sent back; moderators of its region at any time.
bool may_edit(const Viewer& v, const Case& c);

// Whether a reader sees a person on a region's hub (name and profile). `visibility` is the
// profile's; a "public" one needs the person's "listed publicly" consent, else it counts as
// "members". Without a profile: public with the consent, else the hub's people only.
bool sees_person(const Viewer& v, const std::optional<std::string>& visibility, bool listed, const std::string& region);
// The DROs' and coordinators' own profiles.
bool may_keep_profile(const Viewer& v);
// Questions in the hubs: public ones to everyone, members' ones to people signed in; DROs of any
// region, coordinators and admins answer; the asker marks the answer that helped.
bool may_see(const Viewer& v, const Question& q);
bool may_answer(const Viewer& v);
bool may_mark_helpful(const Viewer& v, const Question& q);
// Coalitions: coordinators create them (in regions they coordinate) and change those of their
// regions; admins all.
bool may_edit_coalition(const Viewer& v, const std::vector<std::string>& regions);
// A union's stance in a coalition: its representatives.
bool may_speak_for(const Viewer& v, std::int64_t union_id);
// A hub's presentation and contact: its coordinators and admins.
bool may_edit_hub(const Viewer& v, const std::string& region);

// The search index's audience of a published case ("" everyone, "members", "hub:<region>"), and
// those a reader may see besides "".
std::string audience_of(const Case& c);
std::vector<std::string> audiences_of(const Viewer& v, const std::vector<std::string>& all_regions);

}  // namespace avenir::network
