#pragma once
// Who may read and do what in the bargaining hub. The only place where the module looks at roles:
// handlers and the store's queries ask these questions and never test a role themselves.
#include <cstdint>
#include <string>
#include <vector>

#include "core/auth/principal.hpp"
#include "core/kit/module.hpp"
#include "modules/bargaining/bargaining_types.hpp"
#include "storage/database.hpp"

namespace avenir::bargaining {

// bargaining_compose: union representatives (and nobody else) build proposals and gap checks for
// their unions; which union each may act for is may_act_for().
void declare_permissions(kit::Registration& reg);

// bargaining_review: Digital Rights Organisers, coordinators and admins review contributed clauses
// (may_review); a contribution is published no wider than its contributor agreed (openness).
void declare_review_permission(kit::Registration& reg);
bool may_review(const auth::Principal* who);
// 2 public, 1 members, 0 one union: a reviewer may publish at most as open as consented.
int openness(std::string_view access);

// bargaining_taxonomy: admins change topics and sub-topics.
bool may_edit_taxonomy(const auth::Principal* who);

// What a reader may see of the clause library, worked out once per request from their roles.
struct Reader {
    std::int64_t user_id = 0;                 // 0: anonymous
    std::vector<std::int64_t> unions;         // unions they belong to (member or representative)
    std::vector<std::int64_t> rep_unions;     // unions they represent (union_rep)
    bool signed_in() const { return user_id != 0; }
};
Reader reader_of(const auth::Principal* who);

// A published clause meant for this reader: public ones to everyone, members' ones to people
// signed in, a confidential one to its union's members only (not even to admins).
bool may_read(const Reader& r, const Clause& c);
// The same as a condition on bargaining_clauses k, its parameters appended to params.
std::string readable_sql(const Reader& r, std::vector<storage::Value>& params);
// Proposals and gap checks of a union: its representatives only.
bool may_act_for(const Reader& r, std::int64_t union_id);

// The search index's audience of a published clause ("" everyone, "members", "union:<id>"), and
// those a reader may see besides "".
std::string audience_of(const Clause& c);
std::vector<std::string> audiences_of(const Reader& r);

}  // namespace avenir::bargaining
