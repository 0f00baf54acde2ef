// Who may reach each training route (tried by tests/http/route_security_test.cpp). The shipped
// illustrative cycles are there (the personas' app is seeded): cycle 2 is the union leaders' cycle
// of Africa and MENA, open for enrolment, the region of union A; session 2 is the second session
// of cycle 1 (the Digital Rights Organisers of the same region).
#include <gtest/gtest.h>

#include "app/app.hpp"
#include "modules/accounts/accounts_module.hpp"
#include "modules/training/training_store.hpp"
#include "tests/http/route_expectations.hpp"

namespace avenir::testing {
namespace {
using enum Outcome;

// Personas: anonymous, member of union A, member of union B, coordinator elsewhere, admin.
const bool kRegistered = register_route_table({
    "training",
    {
        {"GET /training", {Allow, Allow, Allow, Allow, Allow}},
        {"GET /training/mine", {SignIn, Allow, Allow, Allow, Allow}},
        {"GET /training/indicators", {SignIn, Allow, Allow, Allow, Allow}},
        {"GET /training/indicators.csv", {SignIn, Allow, Allow, Allow, Allow}},
        {"GET /training/cycles/{id}", {Allow, Allow, Allow, Allow, Allow}},
        {"POST /training/mine/calendar", {Deny, Allow, Allow, Allow, Allow}},
        // Only one's own certificate, once complete (404 or 409 otherwise).
        {"GET /training/cycles/{id}/certificate", {SignIn, Allow, Allow, Allow, Allow}},
        {"GET /training/certificates/{token}", {Allow, Allow, Allow, Allow, Allow}},
        {"GET /training/cycles/{id}/calendar.ics", {Allow, Allow, Allow, Allow, Allow}},
        {"GET /training/sessions/{id}/session.ics", {Allow, Allow, Allow, Allow, Allow}},
        {"GET /training/calendar/{token}", {Allow, Allow, Allow, Allow, Allow}},  // an unknown token: 404
        // Refused by the cycle's rules (not of its region): 409 with the reason, not 403.
        {"POST /training/cycles/{id}/enrol", {Deny, Allow, Allow, Allow, Allow}},
        {"POST /training/cycles/{id}/withdraw", {Deny, Allow, Allow, Allow, Allow}},
        // Only people enrolled in the session's cycle (member A, in cycle 1) check in and make up;
        // for them the session's time or standing decides (409 here: not running, not missed).
        {"POST /training/sessions/{id}/check-in", {Deny, Allow, Deny, Deny, Deny}},
        {"POST /training/sessions/{id}/make-up", {Deny, Allow, Deny, Deny, Deny}},
        {"GET /training/new", {SignIn, Deny, Deny, Allow, Allow}},
        {"POST /training/new", {Deny, Deny, Deny, Allow, Allow}},
        // The coordinator works in another region than the cycle's.
        {"GET /training/cycles/{id}/edit", {SignIn, Deny, Deny, Deny, Allow}},
        {"POST /training/cycles/{id}/edit", {Deny, Deny, Deny, Deny, Allow}},
        {"POST /training/cycles/{id}/sessions", {Deny, Deny, Deny, Deny, Allow}},
        {"POST /training/cycles/{id}/invite", {Deny, Deny, Deny, Deny, Allow}},
        {"GET /training/sessions/{id}/edit", {SignIn, Deny, Deny, Deny, Allow}},
        {"POST /training/sessions/{id}/edit", {Deny, Deny, Deny, Deny, Allow}},
        {"GET /training/cycles/{id}/participants", {SignIn, Deny, Deny, Deny, Allow}},
        {"GET /training/sessions/{id}/roster", {SignIn, Deny, Deny, Deny, Allow}},
        {"POST /training/sessions/{id}/roster", {Deny, Deny, Deny, Deny, Allow}},
        {"POST /training/sessions/{id}/make-ups/{enrolment_id}", {Deny, Deny, Deny, Deny, Allow}},  // admin: 404 (none)
        {"GET /training/sessions/{id}/sheet", {SignIn, Deny, Deny, Deny, Allow}},
        {"POST /training/sessions/{id}/sheet", {Deny, Deny, Deny, Deny, Allow}},
        // The admin's filing is refused (422): member A, enrolled, has not agreed to be recorded.
        {"GET /training/sessions/{id}/recording", {SignIn, Deny, Deny, Deny, Allow}},
        {"POST /training/sessions/{id}/recording", {Deny, Deny, Deny, Deny, Allow}},
        {"GET /training/sessions/{id}/import", {SignIn, Deny, Deny, Deny, Allow}},
        {"POST /training/sessions/{id}/import", {Deny, Deny, Deny, Deny, Allow}},
    },
    {{"{id}", "2"}, {"{enrolment_id}", "1"}, {"{token}", "0123456789abcdef0123456789abcdef0123456789abcdef"}},
    // Member A enrolled in cycle 1 (so the cycle page shows a standing), with a mark on session 1;
    // member B in cycle 2 (so its lists are not empty before they grow).
    [](App& app, const Personas& p) {
        training::TrainingStore st(app.db());
        const auto place = st.enrol(1, p.user_ids[1], std::nullopt, 0);
        st.record({{1, place.enrolment.id, training::Mark::Present, 0, "roster", std::nullopt, 0}});
        st.enrol(2, p.user_ids[2], std::nullopt, 0);
    },
    // The cycle page reads the reader, the cycle, its sessions, format and staff, the reader's
    // place and standing, the recordings filed in the library (one statement when none is) and
    // the consent of those enrolled to being recorded (two).
    {{"GET /training/cycles/{id}", 12}},
    // Twenty more people in cycles 1 and 2, each with marks: no page may cost more.
    [](App& app, const Personas&) {
        training::TrainingStore st(app.db());
        auto& accounts = app.module<accounts::AccountsModule>();
        for (int i = 0; i < 20; ++i) {
            const auto id = accounts.create_user("trainee" + std::to_string(i) + "@example.org", "Trainee " + std::to_string(i), "");
            for (std::int64_t cycle : {1, 2}) {
                const auto place = st.enrol(cycle, id, std::nullopt, 0);
                for (const auto& s : st.sessions(cycle))
                    st.record({{s.id, place.enrolment.id, i % 3 ? training::Mark::Present : training::Mark::Absent, 0, "roster", std::nullopt, 0}});
            }
        }
    },
});

TEST(TrainingRouteTable, IsRegisteredOnceAndWellFormed) { EXPECT_EQ(route_table_problems("training"), std::vector<std::string>{}); }

}  // namespace
}  // namespace avenir::testing
