// Training over HTTP, on both backends: enrolment with a waiting list and promotion by e-mail,
// the facilitator's roster without JavaScript, "at risk" after a missed session, a
// video-conference report imported by line, make-ups, calendars, indicators and the rules that
// keep people to their own cycles.
#include <gtest/gtest.h>

#include <libical/ical.h>

#include <filesystem>
#include <fstream>
#include <regex>

#include "core/clock.hpp"
#include "core/i18n/zoned_time.hpp"
#include "core/mail/message.hpp"
#include "core/security/totp.hpp"
#include "modules/accounts/accounts_module.hpp"
#include "modules/training/training_module.hpp"
#include "tests/http/http_fixture.hpp"

namespace avenir::testing {
namespace {
namespace fs = std::filesystem;
constexpr const char* kPassword = "violet-tractor-harbour-91";

class TrainingHttp : public ::testing::TestWithParam<std::string> {
protected:
    void SetUp() override {
        db_ = std::make_unique<TestDatabase>(GetParam());
        if (pg_unavailable(*db_)) GTEST_SKIP() << "AVENIR_TEST_PG_DSN not set; make test provides one";
        config_ = test_config(db_->url());
        config_.outbox_dir = (fs::temp_directory_path() / ("avenir-outbox-training-" + std::to_string(::getpid()) + GetParam())).string();
        fs::remove_all(config_.outbox_dir);
        app_ = std::make_unique<App>(config_, true);
        app_->seed();
        auto& accounts = app_->module<accounts::AccountsModule>();
        const auto union_id = accounts.store().create_union({0, "Health Workers Union", "Kenya", "africa-mena", "health"}, 0);
        for (const char* who : {"amina", "kofi", "leila"}) {
            accounts.create_user(std::string(who) + "@example.org", who, kPassword);
            accounts.grant(std::string(who) + "@example.org", {"member", "union", std::to_string(union_id)});
        }
        facilitator_ = accounts.create_user("facil@example.org", "Facilitator", kPassword);
        accounts.grant("facil@example.org", {"facilitator", "region", "africa-mena"});
        accounts.create_user("other@example.org", "Other facilitator", kPassword);
        accounts.grant("other@example.org", {"facilitator", "region", "latin-america"});
        training().store().set_staff(1, {{facilitator_, "facilitator"}});
        training().store().set_staff(2, {{facilitator_, "facilitator"}});
    }
    void TearDown() override {
        if (!config_.outbox_dir.empty()) fs::remove_all(config_.outbox_dir);
    }
    training::TrainingModule& training() { return app_->module<training::TrainingModule>(); }
    std::unique_ptr<Browser> as(const std::string& who) { return signed_in_browser(app_->pipeline(), who + "@example.org", kPassword); }
    std::vector<mail::ParsedMessage> outbox() { return read_outbox(*app_, config_.outbox_dir); }
    Config config_;
    std::unique_ptr<TestDatabase> db_;
    std::unique_ptr<App> app_;
    std::int64_t facilitator_ = 0;
};

// Cycle 2 (seeded): union leaders of Africa and MENA, open, two sessions to come.
TEST_P(TrainingHttp, EnrolmentWaitingListAndPromotionByEmail) {
    training::Cycle c = *training().store().cycle(2);
    c.capacity = 1;
    training().store().update_cycle(c, 1);
    auto amina = as("amina"), kofi = as("kofi");
    amina->get("/training/cycles/2");
    EXPECT_EQ(amina->post("/training/cycles/2/enrol", {}).res.status, 303);
    auto page = amina->get("/training/cycles/2");
    EXPECT_NE(page.body.find("You are enrolled."), std::string::npos);
    EXPECT_NE(page.body.find("Your registration code:"), std::string::npos);
    kofi->get("/training/cycles/2");
    EXPECT_NE(kofi->get("/training/cycles/2").body.find("Join the waiting list"), std::string::npos);
    EXPECT_EQ(kofi->post("/training/cycles/2/enrol", {}).res.status, 303);
    EXPECT_NE(kofi->get("/training/cycles/2").body.find("You are on the waiting list."), std::string::npos);
    // Amina gives up her place: Kofi moves up and is told.
    amina->get("/training/cycles/2");
    EXPECT_EQ(amina->post("/training/cycles/2/withdraw", {}).res.status, 303);
    EXPECT_NE(kofi->get("/training/cycles/2").body.find("You are enrolled."), std::string::npos);
    const auto mail = outbox();
    ASSERT_EQ(mail.size(), 1u);
    EXPECT_EQ(mail[0].header("To"), "kofi@example.org");
    EXPECT_NE(mail[0].body.find("you were first on the waiting list"), std::string::npos);
    // A member of another region's union is refused with the reason (the cycle of Latin America).
    EXPECT_EQ(amina->post("/training/cycles/5/enrol", {}).res.status, 409);
    // And the DRO cycle needs the DRO role.
    EXPECT_EQ(amina->post("/training/cycles/1/enrol", {}).res.status, 409);
}

TEST_P(TrainingHttp, RosterMarksAMissedSessionAndTheParticipantIsAtRisk) {
    // Leila has a place in cycle 1 (running: session 1 was nine days ago, session 2 two days ago).
    auto& st_module = training();
    const auto leila = app_->module<accounts::AccountsModule>().store().user_by_email("leila@example.org")->id;
    const auto place = st_module.store().enrol(1, leila, std::nullopt, 0);
    auto facil = as("facil");
    auto roster = facil->get("/training/sessions/1/roster");
    ASSERT_EQ(roster.res.status, 200);
    EXPECT_NE(roster.body.find("name=\"mark_" + std::to_string(place.enrolment.id) + "\""), std::string::npos);
    EXPECT_EQ(roster.body.find("<script"), std::string::npos);
    const std::string key = std::to_string(place.enrolment.id);
    // A partial mark without minutes: refused, nothing saved, the choice kept.
    auto bad = facil->post("/training/sessions/1/roster", {{"mark_" + key, "partial"}, {"minutes_" + key, ""}});
    EXPECT_EQ(bad.res.status, 422);
    EXPECT_NE(bad.body.find("Nothing was saved"), std::string::npos);
    EXPECT_TRUE(st_module.store().attendance(1).empty());
    facil->get("/training/sessions/1/roster");
    EXPECT_EQ(facil->post("/training/sessions/1/roster", {{"mark_" + key, "present"}}).res.status, 303);
    facil->get("/training/sessions/2/roster");
    EXPECT_EQ(facil->post("/training/sessions/2/roster", {{"mark_" + key, "absent"}}).res.status, 303);
    auto me = as("leila");
    auto page = me->get("/training/cycles/1");
    EXPECT_NE(page.body.find("At risk: a missed session needs a make-up"), std::string::npos);
    EXPECT_NE(page.body.find("Make up this session"), std::string::npos);
    // The indicators count her.
    auto ind = me->get("/training/indicators.csv");
    ASSERT_EQ(ind.res.status, 200);
    EXPECT_NE(ind.body.find("africa-mena,dro,1,1,1,0,0,1,"), std::string::npos) << ind.body;
    // Her make-up, approved by the facilitator, makes good the missed session.
    const std::string reflection(220, 'r');
    EXPECT_EQ(me->post("/training/sessions/2/make-up", {{"reflection", "too short"}}).res.status, 422);
    me->get("/training/cycles/1");
    EXPECT_EQ(me->post("/training/sessions/2/make-up", {{"reflection", reflection}}).res.status, 303);
    facil->get("/training/cycles/1/participants");
    EXPECT_EQ(facil->post("/training/sessions/2/make-ups/" + key, {{"decision", "approved"}}).res.status, 303);
    page = me->get("/training/cycles/1");
    EXPECT_EQ(page.body.find("At risk"), std::string::npos);
    EXPECT_NE(page.body.find("Made up"), std::string::npos);
}

TEST_P(TrainingHttp, AFacilitatorWorksOnlyInTheirCycles) {
    auto other = as("other");
    EXPECT_EQ(other->get("/training/sessions/1/roster").res.status, 403);
    EXPECT_EQ(other->get("/training/cycles/1/participants").res.status, 403);
    auto member = as("amina");
    EXPECT_EQ(member->get("/training/sessions/1/roster").res.status, 403);
    EXPECT_EQ(as("facil")->get("/training/sessions/1/roster").res.status, 200);
}

TEST_P(TrainingHttp, AVideoConferenceReportIsReadByLineThenImportedWhole) {
    auto& accounts = app_->module<accounts::AccountsModule>();
    for (const char* who : {"amina", "kofi"})
        training().store().enrol(1, accounts.store().user_by_email(std::string(who) + "@example.org")->id, std::nullopt, 0);
    const std::string report = "Name (Original Name),User Email,Total Duration (Minutes),Guest\n"
                               "amina,amina@example.org,175,No\n"
                               "Kofi,,100,Yes\n"
                               "Stranger,stranger@example.org,180,Yes\n"
                               "Kofi,,20,Yes\n"
                               "Broken,x@example.org,lots,No\n";
    auto facil = as("facil");
    facil->get("/training/sessions/1/import");
    auto preview = facil->post_file("/training/sessions/1/import", {}, "report", "zoom.csv", report);
    ASSERT_EQ(preview.res.status, 200) << preview.body;
    EXPECT_NE(preview.body.find("<td>4</td><td>Stranger</td>"), std::string::npos);
    EXPECT_NE(preview.body.find("no participant of this cycle has this name or address"), std::string::npos);
    EXPECT_NE(preview.body.find("<td>5</td><td>Kofi</td><td>appears again"), std::string::npos);
    EXPECT_NE(preview.body.find("<td>6</td><td>Broken</td><td><strong>The duration is not a number of minutes."), std::string::npos);
    EXPECT_TRUE(training().store().attendance(1).empty());  // nothing saved yet
    auto done = facil->post("/training/sessions/1/import",
                            {{"report_text", report}, {"email_column", "1"}, {"name_column", "0"}, {"minutes_column", "2"}, {"step", "confirm"}});
    EXPECT_EQ(done.res.status, 303);
    const auto marks = training().store().attendance(1);
    ASSERT_EQ(marks.size(), 2u);
    for (const auto& m : marks) {
        EXPECT_EQ(m.source, "import");
        EXPECT_EQ(m.mark, m.minutes == 120 ? training::Mark::Partial : training::Mark::Present);
    }
    // Not CSV at all: a clear 422, nothing stored.
    facil->get("/training/sessions/1/import");
    auto bad = facil->post("/training/sessions/1/import", {{"report_text", "Name,Email\n\"open quote,x\n"}});
    EXPECT_EQ(bad.res.status, 422);
    EXPECT_NE(bad.body.find("near line 2"), std::string::npos);
}

TEST_P(TrainingHttp, CalendarsParseAndShowLinksOnlyToThoseWhoMayJoin) {
    auto anonymous = call(app_->pipeline(), http::Method::Get, "/training/cycles/1/calendar.ics");
    ASSERT_EQ(anonymous.res.status, 200);
    EXPECT_EQ(anonymous.res.header("content-type").value_or(""), "text/calendar; charset=utf-8");
    icalcomponent* cal = icalparser_parse_string(anonymous.body.c_str());
    ASSERT_NE(cal, nullptr);
    EXPECT_EQ(icalcomponent_count_components(cal, ICAL_VEVENT_COMPONENT), 3);
    icalcomponent_free(cal);
    EXPECT_EQ(anonymous.body.find("CONFERENCE"), std::string::npos);
    auto leila = as("leila");
    training().store().enrol(1, app_->module<accounts::AccountsModule>().store().user_by_email("leila@example.org")->id, std::nullopt, 0);
    EXPECT_NE(leila->get("/training/cycles/1/calendar.ics").body.find("CONFERENCE;VALUE=URI"), std::string::npos);
    // The private feed: made, read without a session, replaced, stopped.
    leila->get("/training/mine");
    auto made = leila->post("/training/mine/calendar", {{"action", "new"}});
    ASSERT_EQ(made.res.status, 200);
    std::smatch m;
    ASSERT_TRUE(std::regex_search(made.body, m, std::regex("/training/calendar/([0-9a-f]{48})")));
    const std::string path = m[0];
    auto feed = call(app_->pipeline(), http::Method::Get, path);
    ASSERT_EQ(feed.res.status, 200);
    EXPECT_NE(feed.body.find("BEGIN:VEVENT"), std::string::npos);
    leila->get("/training/mine");
    EXPECT_EQ(leila->post("/training/mine/calendar", {{"action", "stop"}}).res.status, 303);
    EXPECT_EQ(call(app_->pipeline(), http::Method::Get, path).res.status, 404);
}

TEST_P(TrainingHttp, ASignInSheetTypedBackAndACertificateWithItsCheck) {
    auto& accounts = app_->module<accounts::AccountsModule>();
    const auto leila = accounts.store().user_by_email("leila@example.org")->id;
    const auto kofi = accounts.store().user_by_email("kofi@example.org")->id;
    const auto place = training().store().enrol(1, leila, std::nullopt, 0).enrolment;
    training().store().enrol(1, kofi, std::nullopt, 0);
    auto facil = as("facil");
    auto sheet = facil->get("/training/sessions/1/sheet");
    ASSERT_EQ(sheet.res.status, 200);
    EXPECT_NE(sheet.body.find(place.code), std::string::npos);
    // A code that is nobody's: refused whole, what was typed kept.
    auto bad = facil->post("/training/sessions/1/sheet", {{"codes", place.code + ", ZZZZZZ"}});
    EXPECT_EQ(bad.res.status, 422);
    EXPECT_NE(bad.body.find("ZZZZZZ"), std::string::npos);
    EXPECT_TRUE(training().store().attendance(1).empty());
    facil->get("/training/sessions/1/sheet");
    std::string lower = place.code;
    for (char& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    EXPECT_EQ(facil->post("/training/sessions/1/sheet", {{"codes", "\n" + lower + "\n"}}).res.status, 303);
    const auto marks = training().store().attendance(1);
    ASSERT_EQ(marks.size(), 1u);
    EXPECT_EQ(marks[0].source, "sheet");
    EXPECT_EQ(marks[0].enrolment_id, place.id);

    // Not complete yet: no certificate.
    auto me = as("leila");
    EXPECT_EQ(me->get("/training/cycles/1/certificate").res.status, 409);
    for (std::int64_t session : {2, 3}) training().store().record({{session, place.id, training::Mark::Present, 0, "roster", std::nullopt, 0}});
    auto cert = me->get("/training/cycles/1/certificate");
    ASSERT_EQ(cert.res.status, 200);
    EXPECT_NE(cert.body.find("leila"), std::string::npos);
    std::smatch m;
    ASSERT_TRUE(std::regex_search(cert.body, m, std::regex("/training/certificates/([0-9a-f]{32})")));
    const std::string check = m[0];
    EXPECT_NE(me->get("/training/cycles/1/certificate").body.find(check), std::string::npos);  // the same address each time
    // The check shows the name only with the "listed publicly" consent.
    auto anonymous = call(app_->pipeline(), http::Method::Get, check);
    ASSERT_EQ(anonymous.res.status, 200);
    EXPECT_NE(anonymous.body.find("This certificate is valid"), std::string::npos);
    EXPECT_EQ(anonymous.body.find("leila"), std::string::npos);
    accounts.store().give_consent(leila, "listed_publicly", 1);
    EXPECT_NE(call(app_->pipeline(), http::Method::Get, check).body.find("leila"), std::string::npos);
    EXPECT_EQ(call(app_->pipeline(), http::Method::Get, "/training/certificates/00000000000000000000000000000000").res.status, 404);
}

INSTANTIATE_TEST_SUITE_P(Backends, TrainingHttp, ::testing::Values("sqlite", "postgres"), [](const auto& info) { return info.param; });

}  // namespace
}  // namespace avenir::testing

namespace avenir::testing {
namespace {

// Recordings: filed only once everyone enrolled agrees to be recorded; for the participants it is
// a library resource only they (and the staff) open; made public, the library lists and finds it.
TEST_P(TrainingHttp, ARecordingNeedsEveryonesConsentAndOpensOnlyToThoseItIsFor) {
    auto& people = app_->module<accounts::AccountsModule>().store();
    const auto leila = people.user_by_email("leila@example.org")->id, kofi = people.user_by_email("kofi@example.org")->id;
    training().store().enrol(1, leila, std::nullopt, 0);
    training().store().enrol(1, kofi, std::nullopt, 0);
    people.give_consent(leila, "recorded", clock::unix_seconds());
    auto facil = as("facil");
    auto form = facil->get("/training/sessions/1/recording");
    ASSERT_EQ(form.res.status, 200);
    EXPECT_NE(form.body.find("1 of the 2 people enrolled have not agreed to be recorded."), std::string::npos) << form.body;
    EXPECT_NE(as("leila")->get("/training/cycles/1").body.find("1 of the 2 people enrolled have not agreed to be recorded."), std::string::npos);
    const std::vector<std::pair<std::string, std::string>> fields{
        {"title", "Organisers, first session"},  {"lang", "en"}, {"access", "participants"}, {"minutes", "170"},
        {"url", "https://video.example.org/w/1"}, {"summary", "Why data matters."},
        {"transcript", "We discussed algorithmic scheduling in hospitals."}};
    auto refused = facil->post("/training/sessions/1/recording", fields);
    EXPECT_EQ(refused.res.status, 422);
    EXPECT_NE(refused.body.find("every person enrolled must first agree to be recorded"), std::string::npos);
    EXPECT_NE(refused.body.find("algorithmic scheduling in hospitals"), std::string::npos);  // what was typed stays
    const std::string ref = training::TrainingModule::recording_ref(*training().store().session(1));
    const auto& shelf = app_->extensions().one<kit::Shelf>();
    EXPECT_TRUE(shelf.find({ref}).empty());

    people.give_consent(kofi, "recorded", clock::unix_seconds());
    facil->get("/training/sessions/1/recording");
    EXPECT_EQ(facil->post("/training/sessions/1/recording", fields).res.status, 303);
    const auto filed = shelf.find({ref});
    ASSERT_EQ(filed.size(), 1u);
    EXPECT_EQ(filed.at(ref).access, "gated");
    const std::string page = "/library/" + std::to_string(filed.at(ref).id);
    // Only the participants and staff open it; nobody finds it in the library.
    EXPECT_EQ(call(app_->pipeline(), http::Method::Get, page).res.status, 303);  // to sign in
    EXPECT_EQ(as("amina")->get(page).res.status, 403);
    auto seen = as("leila")->get(page);
    EXPECT_EQ(seen.res.status, 200);
    EXPECT_NE(seen.body.find("algorithmic scheduling in hospitals"), std::string::npos);
    EXPECT_EQ(facil->get(page).res.status, 200);
    EXPECT_NE(seen.body.find("Only for the people it was filed for"), std::string::npos);
    EXPECT_NE(as("leila")->get("/training/cycles/1").body.find("Organisers, first session"), std::string::npos);
    EXPECT_EQ(call(app_->pipeline(), http::Method::Get, "/training/cycles/1").body.find("Organisers, first session"), std::string::npos);
    EXPECT_EQ(as("leila")->get("/library/search?q=scheduling").body.find("Organisers, first session"), std::string::npos);
    EXPECT_EQ(as("leila")->get("/search?q=scheduling").body.find("Organisers, first session"), std::string::npos);
    EXPECT_EQ(call(app_->pipeline(), http::Method::Get, "/regions/africa-mena").body.find("Organisers, first session"), std::string::npos);
    // A session still to come is not recorded yet.
    facil->get("/training/sessions/3/recording");
    EXPECT_EQ(facil->post("/training/sessions/3/recording", fields).res.status, 422);

    // Made public: listed and found by the library, shown to anyone on the cycle's page.
    auto open = fields;
    open[2].second = "public";
    facil->get("/training/sessions/1/recording");
    EXPECT_EQ(facil->post("/training/sessions/1/recording", open).res.status, 303);
    EXPECT_EQ(shelf.find({ref}).at(ref).id, filed.at(ref).id);  // the same resource, changed
    EXPECT_EQ(call(app_->pipeline(), http::Method::Get, page).res.status, 200);
    EXPECT_NE(call(app_->pipeline(), http::Method::Get, "/library/search?q=scheduling").body.find("Organisers, first session"), std::string::npos);
    EXPECT_NE(call(app_->pipeline(), http::Method::Get, "/library?type=recording&region=africa-mena").body.find("Organisers, first session"),
              std::string::npos);
    EXPECT_NE(call(app_->pipeline(), http::Method::Get, "/training/cycles/1").body.find("Organisers, first session"), std::string::npos);
    EXPECT_NE(call(app_->pipeline(), http::Method::Get, "/search?q=scheduling").body.find("Organisers, first session"), std::string::npos);
    EXPECT_NE(call(app_->pipeline(), http::Method::Get, "/regions/africa-mena").body.find("Organisers, first session"), std::string::npos);
    // The guide's workshops a session runs are named by their titles, not their short names.
    const auto cycle_page = call(app_->pipeline(), http::Method::Get, "/training/cycles/1").body;
    std::smatch m;
    ASSERT_TRUE(std::regex_search(cycle_page, m, std::regex(R"(href="/guide/([a-z0-9-]+)\?start=[^"]*"[^>]*>([^<]+)</a>)")));
    EXPECT_NE(m[1].str(), m[2].str());
    // Another region's facilitator may not file it.
    auto other = as("other");
    EXPECT_EQ(other->get("/training/sessions/1/recording").res.status, 403);
}

// A session moved by its coordinator: everyone enrolled is told by e-mail in their language, and
// the calendar's SEQUENCE goes up.
TEST_P(TrainingHttp, MovingASessionTellsThoseEnrolledAndRaisesTheSequence) {
    auto& accounts = app_->module<accounts::AccountsModule>();
    const auto coord = accounts.create_user("coord@example.org", "Coordinator", kPassword);
    accounts.grant("coord@example.org", {"coordinator", "region", "africa-mena"});
    const std::string secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
    accounts.store().set_totp(coord, secret, clock::unix_seconds());
    const auto leila = accounts.store().user_by_email("leila@example.org")->id;
    accounts.store().set_preferences(leila, "fr", "Africa/Nairobi");
    training().store().enrol(2, leila, std::nullopt, 0);
    Browser b(app_->pipeline());
    b.get("/account/sign-in");
    EXPECT_EQ(b.post("/account/sign-in", {{"email", "coord@example.org"}, {"password", kPassword}}).res.status, 303);
    b.get("/account/sign-in/code");
    EXPECT_EQ(b.post("/account/sign-in/code", {{"code", security::totp_code(secret, std::time(nullptr))}}).res.status, 303);
    const auto before = *training().store().session(training().store().sessions(2).front().id);
    const std::string edit = "/training/sessions/" + std::to_string(before.id) + "/edit";
    ASSERT_EQ(b.get(edit).res.status, 200);
    const auto [date, time] = i18n::format_local(before.starts_at + 86400, training().store().cycle(2)->time_zone);
    std::string workshops;
    for (const auto& w : before.workshops) workshops += (workshops.empty() ? "" : ",") + w;
    auto moved = b.post(edit, {{"date", date}, {"time", time}, {"minutes", std::to_string(before.minutes)}, {"mode", before.mode},
                               {"place", before.place}, {"conference_url", before.conference_url}, {"dial_in", before.dial_in},
                               {"workshops", workshops}, {"plan_token", before.plan_token}});
    EXPECT_EQ(moved.res.status, 303) << moved.body;
    const auto after = *training().store().session(before.id);
    EXPECT_EQ(after.starts_at, before.starts_at + 86400);
    EXPECT_GT(after.sequence, before.sequence);
    const auto mail = outbox();
    ASSERT_EQ(mail.size(), 1u);
    EXPECT_EQ(mail[0].header("To"), "leila@example.org");
    EXPECT_NE(mail[0].header("Subject").find("séance"), std::string::npos) << mail[0].header("Subject");
}

}  // namespace
}  // namespace avenir::testing
