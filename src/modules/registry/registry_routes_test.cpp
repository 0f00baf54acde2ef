// Who may reach each register route (tried by tests/http/route_security_test.cpp). An entry the
// visitor may not read answers 404 (its existence is not told), which the matrix counts as
// "Allow": registry_http_test.cpp checks those statuses one by one.
#include <gtest/gtest.h>

#include <stdexcept>

#include "app/app.hpp"
#include "modules/registry/registry_module.hpp"
#include "tests/http/route_expectations.hpp"

namespace avenir::testing {
namespace {
using enum Outcome;

// Personas: anonymous, member of union A, member of union B, coordinator elsewhere, admin.
// Members A and B also represent their unions (the bargaining table's setup grants it).
const bool kRegistered = register_route_table({
    "registry",
    {
        {"GET /register", {Allow, Allow, Allow, Allow, Allow}},
        {"GET /register/{id}", {Allow, Allow, Allow, Allow, Allow}},  // 404 but for union A's representatives
        {"GET /register/new", {SignIn, Allow, Allow, Deny, Deny}},
        {"GET /register.csv", {Allow, Allow, Allow, Allow, Allow}},  // what each may read
        {"GET /register/questionnaires", {SignIn, Deny, Deny, Deny, Allow}},
        {"POST /register/questionnaires", {Deny, Deny, Deny, Deny, Allow}},  // an empty form: 422
        {"GET /register/pooled", {SignIn, Deny, Deny, Deny, Deny}},  // Digital Rights Organisers only (none among the personas)
        {"GET /register/import", {SignIn, Allow, Allow, Deny, Deny}},
        {"POST /register/import", {Deny, Allow, Allow, Deny, Deny}},  // an empty form: 422
        {"GET /register/{id}/eurocities.json", {SignIn, Allow, Allow, Deny, Deny}},
        {"GET /register/{id}/atrs.json", {SignIn, Allow, Allow, Deny, Deny}},
        {"POST /register", {Deny, Allow, Allow, Deny, Deny}},  // an empty form: 422
        // Entry 4 is union A's, private to its representatives: B's representative gets 404.
        {"GET /register/{id}/edit", {SignIn, Allow, Allow, Deny, Deny}},
        {"POST /register/{id}/edit", {Deny, Allow, Allow, Deny, Deny}},  // an empty form: 422
        {"POST /register/{id}/evidence", {Deny, Allow, Allow, Deny, Deny}},  // an empty form: 422
        {"POST /register/{id}/evidence/{evidence}/delete", {Deny, Allow, Allow, Deny, Deny}},  // not this entry's: 404
        {"GET /register/{id}/assess", {SignIn, Allow, Allow, Deny, Deny}},
        {"POST /register/{id}/assess", {Deny, Allow, Allow, Deny, Deny}},  // no questionnaire named: 404
        {"GET /register/{id}/request", {SignIn, Allow, Allow, Deny, Deny}},
        {"GET /register/{id}/request.docx", {SignIn, Allow, Allow, Deny, Deny}},
        {"GET /register/{id}/request.odt", {SignIn, Allow, Allow, Deny, Deny}},
        {"GET /register/{id}/request/print", {SignIn, Allow, Allow, Deny, Deny}},
        {"POST /register/{id}/requests", {Deny, Allow, Allow, Deny, Deny}},  // an empty form: 422
        {"POST /register/{id}/requests/{request}", {Deny, Allow, Allow, Deny, Deny}},  // not this entry's: 404
        {"GET /register/{id}/assessments/{assessment}", {Allow, Allow, Allow, Allow, Allow}},
        {"GET /register/{id}/compare", {Allow, Allow, Allow, Allow, Allow}},  // no assessments named: 404
    },
    {{"{id}", "4"}, {"{evidence}", "1"}, {"{assessment}", "1"}, {"{request}", "999"}},
    [](App& app, const Personas& p) {
        auto& m = app.module<registry::RegistryModule>();
        registry::RegistryStore st(app.db());
        if (st.get(4)) return;
        registry::Entry e;
        e.union_id = p.union_a;
        e.region = "africa-mena";
        e.tier = "reps";
        e.values = {{"name", "Union A's rota system"}, {"lang", "en"}, {"employer", "Hospital"}, {"lifecycle", "in-use"}, {"annex3_point", "4"}};
        const auto id = st.create(e, p.user_ids[1], 0);
        if (id != 4) throw std::logic_error("the shipped examples are no longer three: change {id} in registry_routes_test.cpp");
        st.add_evidence({.id = 0, .entry_id = id, .field = "goal", .side = "workers", .text = "Shifts are cut.", .source = "", .date = "",
                         .confidence = "high", .supplied_by = p.user_ids[1], .created_at = 0},
                        0);
        registry::Assessment a;
        a.entry_id = id;
        a.questionnaire = "worker-impact";
        a.questionnaire_version = 1;
        a.verdict = "red";
        a.flags = {"high-risk", "red"};
        a.at = 1;
        st.add_assessment(a);
        (void)m;
    },
    // An entry: the entry, its evidence, assessments, changes and requests (5), the directory's people and
    // union (2), the checklist (1) and the bargaining hub's clauses for its families (3).
    {{"GET /register/{id}", 13}},
    // Twenty more entries of union A shared with members, each with evidence: no page may cost more.
    [](App& app, const Personas& p) {
        registry::RegistryStore st(app.db());
        for (int i = 0; i < 20; ++i) {
            registry::Entry e;
            e.union_id = p.union_a;
            e.tier = i % 2 ? "members" : "public";
            e.values = {{"name", "Grown " + std::to_string(i)}, {"lang", "en"}, {"employer", "Council"}, {"lifecycle", "pilot"}};
            const auto id = st.create(e, p.user_ids[1], i);
            st.add_evidence({.id = 0, .entry_id = id, .field = "goal", .side = "employer", .text = "Saves time.", .source = "Memo", .date = "",
                             .confidence = "low", .supplied_by = p.user_ids[1], .created_at = 0},
                            i);
        }
    },
});

TEST(RegistryRouteTable, IsRegisteredOnceAndWellFormed) { EXPECT_EQ(route_table_problems("registry"), std::vector<std::string>{}); }

}  // namespace
}  // namespace avenir::testing
