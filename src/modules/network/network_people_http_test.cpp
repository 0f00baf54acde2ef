// The hubs' people over HTTP, on both backends.
// Becoming a Digital Rights Organiser: a member applies (a bad form is refused with what to fix, and
// what was typed is kept), the region's coordinators are told, a coordinator of another region may
// not decide, the region's coordinator approves; the member then holds the `dro` role (moderates
// the region's cases), has a place in the region's open DRO cycle, and is told by e-mail in their
// language. A decline needs a message; a decided application is not decided twice.
// Profiles: each visibility reaches exactly its readers on the hub ("public" only with the
// consent). Hub presentations: the region's coordinators change them, in each language.
#include "core/security/totp.hpp"
#include "modules/network/network_http_fixture.hpp"
#include "modules/training/training_module.hpp"

namespace avenir::testing {
namespace {

constexpr const char* kSecret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

class NetworkApplications : public NetworkHttp {
protected:
    // A coordinator of `region`, signed in with two-factor sign-in.
    std::unique_ptr<Browser> coordinator(const std::string& email, const std::string& region) {
        auto& accounts = app_->module<accounts::AccountsModule>();
        const auto id = accounts.create_user(email, "Coordinator " + region, kPassword);
        accounts.grant(email, {"coordinator", "region", region});
        accounts.store().set_totp(id, kSecret, clock::unix_seconds());
        auto b = std::make_unique<Browser>(app_->pipeline());
        b->get("/account/sign-in");
        EXPECT_EQ(b->post("/account/sign-in", {{"email", email}, {"password", kPassword}}).res.status, 303);
        b->get("/account/sign-in/code");
        EXPECT_EQ(b->post("/account/sign-in/code", {{"code", security::totp_code(kSecret, std::time(nullptr))}}).res.status, 303);
        return b;
    }
    std::vector<std::pair<std::string, std::string>> application(const std::string& experience) {
        return {{"union_name", "Health Workers Union"},
                {"region", "europe-caribbean"},
                {"languages", "fr, EN, en"},
                {"experience", experience},
                {"motivation", "Our hospital is about to buy a rostering system and nobody in the branch has seen one before."}};
    }
    bool holds_dro(const std::string& email, const std::string& region) {
        auto& accounts = app_->module<accounts::AccountsModule>();
        for (const auto& g : accounts.store().grants(accounts.store().user_by_email(email)->id))
            if (g.role == "dro" && g.scope_type == "region" && g.scope_id == region) return true;
        return false;
    }
};

TEST_P(NetworkApplications, AMemberAppliesTheCoordinatorApprovesAndTheNewDroIsPlacedAndTold) {
    auto& accounts = app_->module<accounts::AccountsModule>();
    auto coord = coordinator("coord.europe@example.org", "europe-caribbean");
    auto other = coordinator("coord.latam@example.org", "latin-america");
    auto author = as("author");

    EXPECT_EQ(anon("/network/apply").res.status, 303) << "sign in first";
    ASSERT_EQ(author->get("/network/apply").res.status, 200);
    // Too short an experience: refused with what to fix, the rest kept.
    auto bad = author->post("/network/apply", application("Short."));
    EXPECT_EQ(bad.res.status, 422);
    EXPECT_NE(bad.body.find("Tell your experience in 20 to 4,000 characters."), std::string::npos);
    EXPECT_NE(bad.body.find("nobody in the branch has seen one before"), std::string::npos);
    EXPECT_TRUE(outbox().empty());

    author->get("/network/apply");
    const std::string experience = "Branch secretary for six years; I ran two workshops on data rights for ward staff.";
    EXPECT_EQ(author->post("/network/apply", application(experience)).res.status, 303);
    auto mail = outbox();
    ASSERT_EQ(mail.size(), 1u) << "the region's coordinator is told (not the other region's)";
    EXPECT_EQ(mail[0].header("To"), "coord.europe@example.org");
    // One application at a time.
    author->get("/network/apply");
    EXPECT_EQ(author->post("/network/apply", application(experience)).res.status, 422);

    // Members don't see the queue; another region's coordinator sees it empty and may not decide.
    EXPECT_EQ(author->get("/network/applications").res.status, 403);
    auto queue = other->get("/network/applications");
    ASSERT_EQ(queue.res.status, 200);
    EXPECT_EQ(queue.body.find(experience), std::string::npos);
    const auto apps = app_->module<network::NetworkModule>().store().applications_of(accounts.store().user_by_email("author@example.org")->id);
    ASSERT_EQ(apps.size(), 1u);
    EXPECT_EQ(apps[0].languages, (std::vector<std::string>{"en", "fr"}));
    const std::string decide = "/network/applications/" + std::to_string(apps[0].id) + "/decide";
    EXPECT_EQ(other->post(decide, {{"decision", "approve"}}).res.status, 403);

    // The region's coordinator: a decline needs a reason; then approves. (The applicant reads French.)
    accounts.store().set_preferences(accounts.store().user_by_email("author@example.org")->id, "fr", "Europe/Paris");
    queue = coord->get("/network/applications");
    EXPECT_NE(queue.body.find(experience), std::string::npos);
    EXPECT_EQ(coord->post(decide, {{"decision", "decline"}, {"message", "no"}}).res.status, 422);
    EXPECT_FALSE(holds_dro("author@example.org", "europe-caribbean"));
    coord->get("/network/applications");
    EXPECT_EQ(coord->post(decide, {{"decision", "approve"}, {"message", "Welcome to the hub."}}).res.status, 303);
    coord->get("/network/applications");
    EXPECT_EQ(coord->post(decide, {{"decision", "decline"}, {"message", "Changed my mind, sorry."}}).res.status, 409);

    // The role, the place in the open DRO cycle of the region, the e-mail in French.
    EXPECT_TRUE(holds_dro("author@example.org", "europe-caribbean"));
    const auto decided = app_->module<network::NetworkModule>().store().application(apps[0].id);
    ASSERT_TRUE(decided && decided->cycle_id);
    auto& training = app_->module<training::TrainingModule>();
    const auto cycle = training.store().cycle(*decided->cycle_id);
    ASSERT_TRUE(cycle);
    EXPECT_EQ(cycle->region, "europe-caribbean");
    EXPECT_EQ(cycle->audience, "dro");
    const auto place = training.store().enrolment(cycle->id, accounts.store().user_by_email("author@example.org")->id);
    ASSERT_TRUE(place);
    EXPECT_EQ(place->state, "enrolled");
    mail = outbox();
    const auto told = std::find_if(mail.begin(), mail.end(), [](const auto& m) { return m.header("To") == "author@example.org"; });
    ASSERT_NE(told, mail.end());
    EXPECT_NE(told->header("Subject").find("organisateur"), std::string::npos) << told->header("Subject");
    EXPECT_NE(told->body.find("/fr/training/cycles/" + std::to_string(cycle->id)), std::string::npos) << told->body;
    EXPECT_NE(told->body.find("Welcome to the hub."), std::string::npos);

    // The new DRO moderates the region's cases now (the role counts at the next request).
    EXPECT_EQ(author->get("/network/moderation").res.status, 200);
    auto page = author->get("/network/apply");
    EXPECT_NE(page.body.find("/network/hubs/europe-caribbean"), std::string::npos);
}

TEST_P(NetworkApplications, ADeclinedApplicantIsToldWhyAndHoldsNoRole) {
    auto coord = coordinator("coord.asia@example.org", "asia-pacific");
    auto reader = as("reader");
    reader->get("/network/apply");
    auto form = application("I have represented clinic staff in two restructurings since 2021.");
    form[1].second = "asia-pacific";
    EXPECT_EQ(reader->post("/network/apply", form).res.status, 303);
    auto& accounts = app_->module<accounts::AccountsModule>();
    const auto apps = app_->module<network::NetworkModule>().store().applications_of(accounts.store().user_by_email("reader@example.org")->id);
    ASSERT_EQ(apps.size(), 1u);
    coord->get("/network/applications");
    const std::string reason = "Please first take the cycle for union leaders in March.";
    EXPECT_EQ(coord->post("/network/applications/" + std::to_string(apps[0].id) + "/decide", {{"decision", "decline"}, {"message", reason}})
                  .res.status,
              303);
    EXPECT_FALSE(holds_dro("reader@example.org", "asia-pacific"));
    const auto mail = outbox();
    const auto told = std::find_if(mail.begin(), mail.end(), [](const auto& m) { return m.header("To") == "reader@example.org"; });
    ASSERT_NE(told, mail.end());
    EXPECT_NE(told->body.find(reason), std::string::npos);
    EXPECT_EQ(told->body.find("/training/cycles/"), std::string::npos) << "no place when declined";
    // The applicant sees the answer, and may apply again.
    const auto page = reader->get("/network/apply");
    EXPECT_NE(page.body.find(reason), std::string::npos);
    EXPECT_NE(page.body.find("name=\"experience\""), std::string::npos);
}

TEST_P(NetworkApplications, AProfileReachesExactlyTheReadersItsOwnerChose) {
    auto& accounts = app_->module<accounts::AccountsModule>();
    auto asia = coordinator("coord.asia@example.org", "asia-pacific");
    auto dro = as("dro");
    EXPECT_EQ(as("reader")->get("/network/profile").res.status, 403);
    ASSERT_EQ(dro->get("/network/profile").res.status, 200);
    const std::string skills = "Audits of rostering systems";
    auto save = [&](const std::string& visibility, const std::string& languages = "en, tl") {
        dro->get("/network/profile");
        return dro->post("/network/profile", {{"languages", languages},
                                              {"sectors", "health"},
                                              {"sectors", "education"},
                                              {"skills", skills},
                                              {"help", "Reading a supplier contract with you"},
                                              {"visibility", visibility}});
    };
    auto bad = save("hub", "english");
    EXPECT_EQ(bad.res.status, 422);
    EXPECT_NE(bad.body.find(skills), std::string::npos) << "what was typed is kept";
    EXPECT_FALSE(app_->module<network::NetworkModule>().store().profile(accounts.store().user_by_email("dro@example.org")->id));

    const std::string hub = "/network/hubs/asia-pacific";
    auto shown = [&](Reply r) { return r.body.find(skills) != std::string::npos; };
    // Each visibility and who sees the profile: anonymous, a member, a DRO of another region, the region's coordinator.
    const struct {
        std::string visibility;
        bool consent;
        bool anonymous, member, other_region, hub_people;
    } cases[] = {
        {"hub", false, false, false, false, true},
        {"members", false, false, true, true, true},
        {"public", false, false, true, true, true},  // no consent: as members
        {"public", true, true, true, true, true},
    };
    const auto dro_id = accounts.store().user_by_email("dro@example.org")->id;
    for (const auto& c : cases) {
        if (c.consent) accounts.store().give_consent(dro_id, "listed_publicly", clock::unix_seconds());
        EXPECT_EQ(save(c.visibility).res.status, 303);
        EXPECT_EQ(shown(anon(hub)), c.anonymous) << c.visibility << c.consent;
        EXPECT_EQ(shown(as("reader")->get(hub)), c.member) << c.visibility << c.consent;
        EXPECT_EQ(shown(as("dro.latam")->get(hub)), c.other_region) << c.visibility << c.consent;
        EXPECT_EQ(shown(asia->get(hub)), c.hub_people) << c.visibility << c.consent;
    }
    EXPECT_NE(anon(hub).body.find("Education"), std::string::npos) << "sectors by their labels";
}

TEST_P(NetworkApplications, TheRegionsCoordinatorsKeepItsHubsPresentation) {
    auto asia = coordinator("coord.asia@example.org", "asia-pacific");
    auto latam = coordinator("coord.latam@example.org", "latin-america");
    const std::string edit = "/network/hubs/asia-pacific/edit";
    EXPECT_EQ(latam->get(edit).res.status, 403);
    EXPECT_EQ(as("dro")->get(edit).res.status, 403);
    ASSERT_EQ(asia->get(edit).res.status, 200);
    auto bad = asia->post(edit, {{"contact", "not an address"}, {"intro_fr", "Le centre régional se réunit chaque mois."}});
    EXPECT_EQ(bad.res.status, 422);
    EXPECT_NE(bad.body.find("Le centre régional se réunit chaque mois."), std::string::npos);
    EXPECT_NE(bad.body.find("contact as an e-mail address, or leave it empty"), std::string::npos) << bad.body.substr(0, 400);
    const auto before = app_->module<network::NetworkModule>().store().hub("asia-pacific");
    asia->get(edit);
    EXPECT_EQ(asia->post(edit, {{"contact", "hub.asia@example.org"},
                                {"intro_en", "The regional centre meets every month."},
                                {"intro_fr", "Le centre régional se réunit chaque mois."}})
                  .res.status,
              303);
    EXPECT_NE(anon("/network/hubs/asia-pacific").body.find("The regional centre meets every month."), std::string::npos);
    EXPECT_NE(anon("/fr/network/hubs/asia-pacific").body.find("Le centre régional se réunit chaque mois."), std::string::npos);
    EXPECT_NE(anon("/es/network/hubs/asia-pacific").body.find("lang=\"en\""), std::string::npos) << "no Spanish: English, marked";
    EXPECT_NE(anon("/network/hubs/asia-pacific").body.find("hub.asia@example.org"), std::string::npos);
    ASSERT_TRUE(before);
    EXPECT_NE(before->intro.at("en"), "The regional centre meets every month.");
}

// Questions: a members' question is hidden from anonymous readers by page, list, count, feed, hub
// and search; DROs of any region answer (members may not), the asker is told and marks the answer
// that helped; the region's DROs get one daily digest, unless they turned it off.
TEST_P(NetworkApplications, QuestionsAreAskedAnsweredMarkedAndDigested) {
    auto& network = app_->module<network::NetworkModule>();
    const auto shipped = network.store().published(network::Viewer{}, {"", "asia-pacific", "", ""}, 0, 1);
    ASSERT_FALSE(shipped.cases.empty());
    const std::string case_path = "/network/practices/" + std::to_string(shipped.cases[0].id);
    const std::string case_title = shipped.cases[0].text_for("en").title;
    auto reader = as("reader");
    auto ask = [&](const std::string& title, const std::string& visibility, const std::string& links) {
        reader->get("/network/questions/new");
        return reader->post("/network/questions/new", {{"region", "asia-pacific"},
                                                       {"lang", "en"},
                                                       {"title", title},
                                                       {"details", "The hospital trust wants to roll out QuillRota to every ward next spring."},
                                                       {"links", links},
                                                       {"visibility", visibility}});
    };
    const std::string title = "Has anyone bargained over QuillRota night shifts?";
    auto bad = ask(title, "members", "https://elsewhere.example.org/page");
    EXPECT_EQ(bad.res.status, 422);
    EXPECT_NE(bad.body.find("QuillRota to every ward"), std::string::npos) << "what was typed is kept";
    auto made = ask(title, "members", "http://localhost/fr" + case_path + "\n/bargaining/clauses/rostering-notice");
    ASSERT_EQ(made.res.status, 303);
    const std::string page(made.res.header("location").value_or(""));
    ASSERT_NE(page.find("/network/questions/"), std::string::npos);

    // Hidden from anonymous readers everywhere; shown to members.
    EXPECT_EQ(anon(page).res.status, 404);
    EXPECT_EQ(anon("/network/questions").body.find(page), std::string::npos);
    EXPECT_NE(anon("/network/questions").body.find("Questions: 0"), std::string::npos);
    EXPECT_EQ(anon("/network/questions/feed.atom").body.find(page), std::string::npos);
    EXPECT_EQ(anon("/network/hubs/asia-pacific").body.find(page), std::string::npos);
    EXPECT_EQ(anon("/search?q=QuillRota").body.find(page), std::string::npos);
    auto shown = reader->get(page);
    ASSERT_EQ(shown.res.status, 200);
    EXPECT_NE(shown.body.find(case_title), std::string::npos) << "the linked case by its title";
    EXPECT_NE(shown.body.find("rostering-notice"), std::string::npos);
    EXPECT_NE(as("author")->get("/search?q=QuillRota").body.find(page), std::string::npos);
    EXPECT_NE(as("author")->get("/network/hubs/asia-pacific").body.find(page), std::string::npos) << "an open question of the hub";

    // Members don't answer; a DRO of another region does, and the asker is told.
    auto author = as("author");
    author->get(page);
    EXPECT_EQ(author->post(page + "/answers", {{"answer", "Not me."}}).res.status, 403);
    auto latam = as("dro.latam");
    latam->get(page);
    EXPECT_EQ(latam->post(page + "/answers", {{"answer", "   "}}).res.status, 422);
    latam->get(page);
    EXPECT_EQ(latam->post(page + "/answers", {{"answer", "We won a 12-hour rest rule in Lima; see the clause on notice."}}).res.status, 303);
    auto mail = outbox();
    EXPECT_TRUE(std::any_of(mail.begin(), mail.end(), [&](const auto& m) {
        return m.header("To") == "reader@example.org" && m.body.find(page) != std::string::npos;
    }));
    const auto q = network.store().question(std::stoll(page.substr(page.rfind('/') + 1)));
    ASSERT_TRUE(q && q->answers.size() == 1);
    // Only the asker marks the answer that helped; then the question is no longer open.
    auto dro = as("dro");
    dro->get(page);
    EXPECT_EQ(dro->post(page + "/helpful", {{"answer", std::to_string(q->answers[0].id)}}).res.status, 403);
    reader->get(page);
    EXPECT_EQ(reader->post(page + "/helpful", {{"answer", "999999"}}).res.status, 422);
    reader->get(page);
    EXPECT_EQ(reader->post(page + "/helpful", {{"answer", std::to_string(q->answers[0].id)}}).res.status, 303);
    EXPECT_NE(reader->get(page).body.find("The answer that helped"), std::string::npos);
    EXPECT_EQ(reader->get("/network/hubs/asia-pacific").body.find(page), std::string::npos);
    EXPECT_NE(as("author")->get("/search?q=Lima").body.find(page), std::string::npos) << "answers are searched too";

    // The digest: the region's DRO once; not the other region's; not twice.
    const auto before = outbox().size();
    EXPECT_EQ(network.send_question_digest(), 1);
    mail = outbox();
    ASSERT_EQ(mail.size(), before + 1);
    const auto digest = std::find_if(mail.begin(), mail.end(), [&](const auto& m) { return m.body.find("QuillRota night shifts") != std::string::npos &&
                                                                                           m.header("To") == "dro@example.org"; });
    EXPECT_NE(digest, mail.end());
    EXPECT_EQ(network.send_question_digest(), 0);
    // Turned off on the profile: no digest.
    dro->get("/network/profile");
    EXPECT_EQ(dro->post("/network/profile", {{"languages", "en"}, {"visibility", "hub"}}).res.status, 303);
    EXPECT_EQ(ask("Who has seen QuillRota used for annual leave?", "public", "").res.status, 303);
    EXPECT_EQ(network.send_question_digest(), 0);
    // A public question: in the public list, feed and search.
    EXPECT_NE(anon("/network/questions/feed.atom").body.find("Who has seen QuillRota used for annual leave?"), std::string::npos);
    EXPECT_NE(anon("/network/questions").body.find("Questions: 1"), std::string::npos);
}

// The cascade: only someone who completed a cycle logs sessions (a bad one is refused, what was
// typed kept); the indicators count people reached per person trained, per region and theme, in
// the page, its CSV and its chart.
TEST_P(NetworkApplications, TheCascadeCountsPeopleReachedPerPersonTrained) {
    auto reader = as("reader");
    const auto none = reader->get("/network/cascade");
    ASSERT_EQ(none.res.status, 200);
    EXPECT_EQ(none.body.find("name=\"held_on\""), std::string::npos) << "no form before a completed cycle";
    reader->get("/network/apply");  // a page with a form, for its CSRF token
    EXPECT_EQ(reader->post("/network/cascade", {{"cycle", "1"}, {"held_on", "2026-01-10"}, {"workshop", "workers-data-rights"}, {"theme", "3"},
                                                {"lang", "en"}, {"people", "12"}, {"union_name", "Teachers"}, {"region", "africa-mena"}})
                  .res.status,
              422);
    // The author completes cycle 1 (Africa and MENA): present at every session.
    auto& accounts = app_->module<accounts::AccountsModule>();
    auto& training = app_->module<training::TrainingModule>();
    const auto author_id = accounts.store().user_by_email("author@example.org")->id;
    const auto place = training.store().enrol(1, author_id, std::nullopt, 0).enrolment;
    for (const auto& s : training.store().sessions(1))
        training.store().record({{s.id, place.id, training::Mark::Present, 0, "roster", std::nullopt, 0}});
    auto author = as("author");
    auto form = author->get("/network/cascade");
    ASSERT_EQ(form.res.status, 200);
    EXPECT_NE(form.body.find("name=\"held_on\""), std::string::npos) << "the form, now that the cycle is completed";
    auto log = [&](const std::string& date, const std::string& theme, const std::string& people) {
        author->get("/network/cascade");
        return author->post("/network/cascade", {{"cycle", "1"}, {"held_on", date}, {"workshop", "workers-data-rights"}, {"theme", theme},
                                                 {"lang", "sw"}, {"people", people}, {"union_name", "Kenya Health Staff (example)"},
                                                 {"region", "africa-mena"}});
    };
    auto bad = log("2999-01-01", "3", "12");
    EXPECT_EQ(bad.res.status, 422);
    EXPECT_NE(bad.body.find("Kenya Health Staff (example)"), std::string::npos);
    EXPECT_EQ(log("2026-01-10", "3", "zero").res.status, 422);
    EXPECT_EQ(log("2026-01-10", "3", "12").res.status, 303);
    EXPECT_EQ(log("2026-02-10", "5", "8").res.status, 303);
    EXPECT_NE(author->get("/network/cascade").body.find("Kenya Health Staff (example)"), std::string::npos);

    const auto csv = anon("/network/cascade/indicators.csv");
    ASSERT_EQ(csv.res.status, 200);
    EXPECT_NE(csv.body.find("africa-mena,all,2,20,1,20.0\r\n"), std::string::npos) << csv.body;
    EXPECT_NE(csv.body.find("africa-mena,3,1,12,1,12.0\r\n"), std::string::npos) << csv.body;
    EXPECT_NE(csv.body.find("africa-mena,5,1,8,1,8.0\r\n"), std::string::npos) << csv.body;
    EXPECT_EQ(csv.body.find("asia-pacific"), std::string::npos) << "no region without training nor sessions";
    const auto page = anon("/network/cascade/indicators");
    EXPECT_NE(page.body.find("<svg class=\"chart\""), std::string::npos);
    EXPECT_EQ(page.body.find("Kenya Health Staff"), std::string::npos) << "aggregates only";
}

// A coalition lists its unions: a union's representative says where it stands and why (or that it
// left); members and other unions' representatives may not.
TEST_P(NetworkApplications, AUnionsRepresentativeSaysWhereItStandsInACoalition) {
    auto& accounts = app_->module<accounts::AccountsModule>();
    const auto teachers = accounts.store().create_union({0, "Lakeside Teachers (example)", "Kenya", "africa-mena", "education"}, 0);
    const auto nurses = accounts.store().create_union({0, "Harbour Nurses (example)", "Fiji", "asia-pacific", "health"}, 0);
    accounts.create_user("rep@example.org", "Rep", kPassword);
    accounts.grant("rep@example.org", {"union_rep", "union", std::to_string(teachers)});
    const std::string page = "/network/coalitions/1";
    auto rep = as("rep");
    const auto before = rep->get(page);
    ASSERT_EQ(before.res.status, 200);
    EXPECT_NE(before.body.find("Where your union stands:"), std::string::npos);
    EXPECT_EQ(before.body.find("Harbour Nurses"), std::string::npos) << "only the unions they represent";
    EXPECT_EQ(rep->post(page + "/unions", {{"union_id", std::to_string(nurses)}, {"stance", "member"}}).res.status, 403);
    rep->get(page);
    EXPECT_EQ(rep->post(page + "/unions", {{"union_id", std::to_string(teachers)}, {"stance", "leader"}}).res.status, 422);
    rep->get(page);
    EXPECT_EQ(rep->post(page + "/unions", {{"union_id", std::to_string(teachers)}, {"stance", "founded"}, {"why", "Schools share one data platform."}})
                  .res.status,
              303);
    auto shown = anon(page);
    EXPECT_NE(shown.body.find("Lakeside Teachers (example)"), std::string::npos);
    EXPECT_NE(shown.body.find("Schools share one data platform."), std::string::npos);
    EXPECT_NE(shown.body.find("A founder"), std::string::npos);
    auto reader = as("reader");
    EXPECT_EQ(reader->get(page).body.find("Where your union stands:"), std::string::npos);
    reader->get("/network/apply");  // a page with a form, for its CSRF token: the refusal is the rule's
    EXPECT_EQ(reader->post(page + "/unions", {{"union_id", std::to_string(teachers)}, {"stance", ""}}).res.status, 403);
    rep->get(page);
    EXPECT_EQ(rep->post(page + "/unions", {{"union_id", std::to_string(teachers)}, {"stance", ""}}).res.status, 303);
    EXPECT_EQ(anon(page).body.find("Lakeside Teachers (example)"), std::string::npos) << "left";
}

// Coalitions are added and changed by the coordinators of one of their regions, one language at a
// time (the others kept), and found by the platform search at once.
TEST_P(NetworkApplications, CoordinatorsAddAndChangeTheCoalitionsOfTheirRegions) {
    auto asia = coordinator("coord.asia@example.org", "asia-pacific");
    auto latam = coordinator("coord.latam@example.org", "latin-america");
    EXPECT_EQ(as("dro")->get("/network/coalitions/new").res.status, 403);
    ASSERT_EQ(asia->get("/network/coalitions/new").res.status, 200);
    std::vector<std::pair<std::string, std::string>> f{{"lang", "en"},
                                                       {"name", "Pacific Health Data Trust (example)"},
                                                       {"scope", "Keeps patient and staff data of island hospitals under public control."},
                                                       {"why", "Rostering data was being sold on."},
                                                       {"regions", "latin-america"},
                                                       {"themes", "2"},
                                                       {"stance", "founded"},
                                                       {"partners", "Island Patients Forum\n  University of the South Seas  \n"},
                                                       {"contact", "trust@example.org"}};
    auto refused = asia->post("/network/coalitions/new", f);
    EXPECT_EQ(refused.res.status, 422) << "not a region they coordinate";
    EXPECT_NE(refused.body.find("Pacific Health Data Trust (example)"), std::string::npos);
    f[4].second = "asia-pacific";
    asia->get("/network/coalitions/new");
    const auto made = asia->post("/network/coalitions/new", f);
    ASSERT_EQ(made.res.status, 303);
    const std::string page(made.res.header("location").value_or(""));
    auto shown = anon(page);
    EXPECT_NE(shown.body.find("University of the South Seas</li>"), std::string::npos) << "partners trimmed, one per line";
    EXPECT_NE(anon("/search?q=island+hospitals").body.find(page), std::string::npos);
    EXPECT_EQ(latam->get(page + "/edit").res.status, 403);
    // The French text, the English kept.
    asia->get(page + "/edit?lang=fr");
    auto fr = f;
    fr[0].second = "fr";
    fr[1].second = "Fiducie des données de santé du Pacifique (exemple)";
    EXPECT_EQ(asia->post(page + "/edit", fr).res.status, 303);
    EXPECT_NE(anon("/fr" + page).body.find("Fiducie des données de santé du Pacifique (exemple)"), std::string::npos);
    EXPECT_NE(anon(page).body.find("Pacific Health Data Trust (example)"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Backends, NetworkApplications, ::testing::Values("sqlite", "postgres"), [](const auto& info) { return info.param; });

}  // namespace
}  // namespace avenir::testing
