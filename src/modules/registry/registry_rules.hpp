#pragma once
// Who may read and do what in the register. The only place where the module looks at roles:
// handlers and the store's queries ask these questions and never test a role themselves.
#include <cstdint>
#include <string>
#include <vector>

#include "core/auth/principal.hpp"
#include "core/kit/module.hpp"
#include "modules/registry/registry_types.hpp"
#include "storage/database.hpp"

namespace avenir::registry {

// (Reading is the "public" permission: who reads which entry is may_read, inside the queries.)
// register_record: union representatives record entries for their unions;
// register_pool: Digital Rights Organisers see findings pooled by product;
// register_questionnaires: admins import questionnaire definitions (two-factor sign-in).
void declare_permissions(kit::Registration& reg);

// What a reader may see, worked out once per request from their roles.
struct Viewer {
    std::int64_t user_id = 0;              // 0: anonymous
    std::vector<std::int64_t> unions;      // unions they belong to (member or representative)
    std::vector<std::int64_t> rep_unions;  // unions they represent
    std::vector<std::string> dro_regions;  // regions they are a Digital Rights Organiser of
    bool signed_in() const { return user_id != 0; }
};
Viewer viewer_of(const auth::Principal* who);

// An entry by its tier: its union's representatives always; members from "members"; the region's
// DROs from "dro"; everyone at "public" (anonymised). Admins and coordinators get nothing more.
bool may_read(const Viewer& v, const Entry& e);
// The same as a condition on registry_entries e, its parameters appended to params.
std::string readable_sql(const Viewer& v, std::vector<storage::Value>& params);
// Editing an entry, its tier and its assessments, removing evidence: the union's representatives.
bool may_edit(const Viewer& v, const Entry& e);
bool may_record_for(const Viewer& v, std::int64_t union_id);
// Adding evidence: the union's representatives, and its members once the entry is shared with them.
bool may_add_evidence(const Viewer& v, const Entry& e);
// Whether the reader sees the entry whole (the union's own people) or anonymised: without the
// workplace, the people named, the union, and the sources and suppliers of evidence.
bool sees_whole(const Viewer& v, const Entry& e);
// Who supplied an item of evidence: the union's representatives only.
bool sees_suppliers(const Viewer& v, const Entry& e);

}  // namespace avenir::registry
