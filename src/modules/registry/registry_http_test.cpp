// The register over HTTP, on both backends: a representative records a system, bad input comes
// back with what was typed and stores nothing, evidence from both sides shows side by side, an
// assessment with the shipped questionnaire is scored with the AI Act's flags over its level
// (mitigation counted only with evidence), a stale save is refused, and each tier decides who
// sees the entry in its page, the list, the search and its assessments.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <unistd.h>

#include "core/documents/document_test_support.hpp"
#include "core/clock.hpp"
#include "core/security/totp.hpp"
#include "modules/accounts/accounts_module.hpp"
#include "modules/registry/registry_module.hpp"
#include "tests/http/http_fixture.hpp"

namespace avenir::testing {
namespace {
inline constexpr const char* kPassword = "violet-tractor-harbour-91";

class RegistryHttp : public ::testing::TestWithParam<std::string> {
protected:
    void SetUp() override {
        db_ = std::make_unique<TestDatabase>(GetParam());
        if (pg_unavailable(*db_)) GTEST_SKIP() << "AVENIR_TEST_PG_DSN not set; make test provides one";
        config_ = test_config(db_->url());
        config_.outbox_dir = (std::filesystem::temp_directory_path() / ("avenir-outbox-registry-" + std::to_string(::getpid()) + GetParam())).string();
        std::filesystem::remove_all(config_.outbox_dir);
        app_ = std::make_unique<App>(config_, true);
        app_->seed();
        auto& accounts = app_->module<accounts::AccountsModule>();
        union_a_ = accounts.store().create_union({0, "Health Workers Union", "Fiji", "asia-pacific", "health"}, 0);
        union_b_ = accounts.store().create_union({0, "Municipal Workers Union", "Peru", "latin-america", "local government"}, 0);
        person("rep.a", {"union_rep", "union", std::to_string(union_a_)});
        person("member.a", {"member", "union", std::to_string(union_a_)});
        person("rep.b", {"union_rep", "union", std::to_string(union_b_)});
        person("member.b", {"member", "union", std::to_string(union_b_)});
        person("dro", {"dro", "region", "asia-pacific"});
        person("dro.elsewhere", {"dro", "region", "latin-america"});
    }
    void TearDown() override {
        if (!config_.outbox_dir.empty()) std::filesystem::remove_all(config_.outbox_dir);
    }
    std::vector<mail::ParsedMessage> outbox() { return read_outbox(*app_, config_.outbox_dir); }
    void person(const std::string& who, const auth::Grant& g) {
        auto& accounts = app_->module<accounts::AccountsModule>();
        accounts.create_user(who + "@example.org", who, kPassword);
        accounts.grant(who + "@example.org", g);
    }
    std::unique_ptr<Browser> as(const std::string& who) { return signed_in_browser(app_->pipeline(), who + "@example.org", kPassword); }
    registry::RegistryModule& module() { return app_->module<registry::RegistryModule>(); }
    static std::vector<std::pair<std::string, std::string>> fields(const std::string& tier) {
        return {{"union", ""},       {"tier", tier},           {"name", "Quillograph rota"}, {"lang", "en"},         {"employer", "Central Hospital"},
                {"lifecycle", "pilot"}, {"annex3_point", "4"}, {"art26_notice", "not-received"}, {"art5_practice", ""}, {"sector", "health"},
                {"supplier", "Example Ltd"}, {"product", "Quillograph"}, {"workplace", "Ward 7"}, {"technique", ""}, {"decides", "recommends"},
                {"dpia", "unknown"},  {"fria", "unknown"}};
    }
    // Records an entry of union A as its representative; returns its id.
    std::int64_t record(Browser& rep, const std::string& tier) {
        rep.get("/register/new");
        auto f = fields(tier);
        f[0].second = std::to_string(union_a_);
        const auto r = rep.post("/register", f);
        EXPECT_EQ(r.res.status, 303) << r.body.substr(0, 2000);
        const std::string to(r.res.header("location").value_or(""));
        return std::stoll(to.substr(to.rfind('/') + 1));
    }
    std::unique_ptr<TestDatabase> db_;
    Config config_;
    std::unique_ptr<App> app_;
    std::int64_t union_a_ = 0, union_b_ = 0;
};

TEST_P(RegistryHttp, ARepresentativeRecordsEvidenceAndAssesses) {
    auto rep = as("rep.a");
    // Bad input: 422, what was typed comes back, nothing stored.
    ASSERT_EQ(rep->get("/register/new").res.status, 200);
    auto bad = fields("reps");
    bad[0].second = std::to_string(union_a_);
    bad[2].second = "";                  // no name
    bad.push_back({"started_on", "5 March"});  // not a date
    const auto refused = rep->post("/register", bad);
    EXPECT_EQ(refused.res.status, 422);
    EXPECT_NE(refused.body.find("Central Hospital"), std::string::npos) << "what was typed comes back";
    EXPECT_NE(refused.body.find("YYYY-MM-DD"), std::string::npos);
    std::vector<storage::Value> none;
    EXPECT_EQ(module().store().count("e.example = 0", none), 0);

    const auto id = record(*rep, "reps");
    const std::string page = "/register/" + std::to_string(id);
    auto shown = rep->get(page);
    ASSERT_EQ(shown.res.status, 200);
    EXPECT_NE(shown.body.find("Quillograph rota"), std::string::npos);
    EXPECT_NE(shown.body.find("badge-red"), std::string::npos) << "Annex III point 4 without an Art. 26(7) notice is red";
    EXPECT_NE(shown.body.find("Ward 7"), std::string::npos) << "the union's own people see the workplace";

    // Both sides' evidence, on one field.
    ASSERT_EQ(rep->post(page + "/evidence", {{"field", "goal"}, {"side", "employer"}, {"text", "It only forecasts demand."}, {"source", "Memo"},
                                             {"date", "2026-04-01"}, {"confidence", "medium"}})
                  .res.status,
              303);
    rep->get(page);
    ASSERT_EQ(rep->post(page + "/evidence", {{"field", "goal"}, {"side", "workers"}, {"text", "It ranks us by reliability."}, {"source", "Ward reps"},
                                             {"date", "2026-05-01"}, {"confidence", "high"}})
                  .res.status,
              303);
    rep->get(page);
    const auto refused_evidence = rep->post(page + "/evidence", {{"field", "goal"}, {"side", "workers"}, {"text", "Typed before the mistake."}, {"date", "May 1st"},
                                                                {"confidence", "high"}});
    EXPECT_EQ(refused_evidence.res.status, 422);
    EXPECT_NE(refused_evidence.body.find("Typed before the mistake."), std::string::npos) << "what was typed comes back";
    EXPECT_NE(refused_evidence.body.find("YYYY-MM-DD"), std::string::npos);
    const auto evidence = module().store().evidence(id);
    ASSERT_EQ(evidence.size(), 2u) << "the refused item was not stored";
    shown = rep->get(page);
    EXPECT_LT(shown.body.find("It only forecasts demand."), shown.body.find("It ranks us by reliability.")) << "employer's side first";

    // The assessment: every question shown answered at its most severe, every safeguard at its
    // strongest, but only the first backed by evidence.
    auto form = rep->get(page + "/assess");
    ASSERT_EQ(form.res.status, 200);
    const auto q = *registry::parse_questionnaire(nlohmann::json::parse(module().store().questionnaire("worker-impact")->second)).questionnaire;
    std::vector<std::pair<std::string, std::string>> answers = {{"questionnaire", "worker-impact"}, {"version", "1"}};
    registry::Answers expected;
    for (const auto& qu : q.questions) {
        const auto& top = *std::max_element(qu.choices.begin(), qu.choices.end(), [](const auto& a, const auto& b) { return a.weight < b.weight; });
        const std::string value = qu.scored == registry::Scored::None ? qu.choices.front().value : top.value;
        answers.push_back({"q-" + qu.name, value});
        expected[qu.name] = {value};
    }
    // One scored answer missing: 422, nothing stored.
    auto partial = answers;
    partial.erase(std::find_if(partial.begin(), partial.end(), [](const auto& p) { return p.first.ends_with("-RS"); }));
    EXPECT_EQ(rep->post(page + "/assess", partial).res.status, 422);
    EXPECT_TRUE(module().store().assessments(id).empty());
    rep->get(page + "/assess");
    answers.push_back({"evidence-mit1-MS", std::to_string(evidence[0].id)});
    const auto done = rep->post(page + "/assess", answers);
    ASSERT_EQ(done.res.status, 303) << done.body.substr(0, 3000);
    const auto stored = module().store().assessments(id);
    ASSERT_EQ(stored.size(), 1u);
    const auto want = registry::score(q, expected, {"mit1-MS"});
    EXPECT_EQ(stored[0].raw, want.raw);
    EXPECT_EQ(stored[0].raw, stored[0].max_raw) << "every risk question shown, at its maximum";
    EXPECT_EQ(stored[0].mitigation, 4) << "only the evidenced safeguard counts";
    EXPECT_EQ(stored[0].level, 4);
    EXPECT_EQ(stored[0].verdict, "red");
    const auto result = rep->get(std::string(done.res.header("location").value_or("")));
    ASSERT_EQ(result.res.status, 200);
    EXPECT_NE(result.body.find("no evidence: not counted"), std::string::npos);
}

TEST_P(RegistryHttp, AStaleSaveIsRefusedAndKeepsWhatWasTyped) {
    auto rep = as("rep.a");
    const auto id = record(*rep, "reps");
    const std::string edit = "/register/" + std::to_string(id) + "/edit";
    ASSERT_EQ(rep->get(edit).res.status, 200);
    auto f = fields("reps");
    f.push_back({"version", "1"});
    f[2].second = "First rename";
    ASSERT_EQ(rep->post(edit, f).res.status, 303);
    rep->get(edit);
    f[2].second = "Second rename from an old form";
    const auto stale = rep->post(edit, f);  // still version 1
    EXPECT_EQ(stale.res.status, 409);
    EXPECT_NE(stale.body.find("Second rename from an old form"), std::string::npos);
    EXPECT_EQ(module().store().get(id)->name(), "First rename");
    EXPECT_EQ(as("rep.b")->get(edit).res.status, 404) << "another union's private entry is not told";
}

TEST_P(RegistryHttp, EachTierDecidesWhoSeesTheEntryEverywhere) {
    auto rep = as("rep.a");
    const auto id = record(*rep, "reps");
    const std::string page = "/register/" + std::to_string(id);
    rep->get(page);
    rep->post(page + "/evidence", {{"field", "goal"}, {"side", "workers"}, {"text", "Shifts are cut."}, {"source", "Ward survey"}, {"confidence", "high"}});
    module().store().add_assessment({.entry_id = id, .questionnaire = "worker-impact", .verdict = "red", .at = 1});
    const auto assessment = module().store().assessments(id).at(0).id;
    const std::vector<std::string> people = {"", "member.a", "rep.b", "member.b", "dro", "dro.elsewhere"};
    const struct {
        std::string tier;
        std::set<std::string> readers;  // besides rep.a
    } cases[] = {
        {"reps", {}},
        {"members", {"member.a"}},
        {"dro", {"member.a", "dro"}},
        {"public", {"", "member.a", "rep.b", "member.b", "dro", "dro.elsewhere"}},
    };
    int version = 1;
    for (const auto& c : cases) {
        auto f = fields(c.tier);
        f.push_back({"version", std::to_string(version++)});
        rep->get(page + "/edit");
        ASSERT_EQ(rep->post(page + "/edit", f).res.status, 303) << c.tier;
        for (const auto& who : people) {
            auto browser = who.empty() ? std::make_unique<Browser>(app_->pipeline()) : as(who);
            const bool reads = c.readers.contains(who);
            const std::string label = c.tier + " / " + (who.empty() ? "anonymous" : who);
            const auto r = browser->get(page);
            EXPECT_EQ(r.res.status, reads ? 200 : 404) << label;
            EXPECT_EQ(browser->get(page + "/assessments/" + std::to_string(assessment)).res.status, reads ? 200 : 404) << label;
            EXPECT_EQ(browser->get("/register").body.find("Quillograph rota") != std::string::npos, reads) << label;
            EXPECT_EQ(browser->get("/search?q=Quillograph").body.find(page) != std::string::npos, reads) << label;
            if (!reads) continue;
            const bool whole = who == "member.a" || (who == "dro" && c.tier != "members");
            EXPECT_EQ(r.body.find("Ward 7") != std::string::npos, whole) << label << ": the workplace only to the union and its region's DROs";
            EXPECT_EQ(r.body.find("Ward survey") != std::string::npos, whole) << label << ": evidence sources likewise";
            EXPECT_EQ(r.body.find(">rep.a<") != std::string::npos || r.body.find(" · rep.a") != std::string::npos, false)
                << label << ": who supplied evidence is for the union's representatives only";
        }
    }
    // The representative sees who supplied the evidence.
    EXPECT_NE(rep->get(page).body.find("rep.a"), std::string::npos);
}

TEST_P(RegistryHttp, FindingsLeadToQuestionsClausesAndAnInformationRequest) {
    auto rep = as("rep.a");
    const auto id = record(*rep, "members");
    const std::string page = "/register/" + std::to_string(id);
    const auto shown = rep->get(page);
    ASSERT_EQ(shown.res.status, 200);
    // A flagged system: its human role and assessment before launch come first, with their clauses.
    EXPECT_NE(shown.body.find("The human role in decisions"), std::string::npos);
    EXPECT_NE(shown.body.find("/bargaining/clauses/am-human-decision-preferred"), std::string::npos) << "the family's preferred rung";
    EXPECT_NE(shown.body.find("name=\"clause\" value=\"am-human-decision-preferred\""), std::string::npos) << "one click to a proposal";
    EXPECT_EQ(as("member.a")->get(page).body.find("name=\"clause\""), std::string::npos) << "members do not start proposals";

    const auto form = rep->get(page + "/request");
    ASSERT_EQ(form.res.status, 200);
    EXPECT_NE(form.body.find("value=\"human-role-1\" checked"), std::string::npos) << "urgent areas are ticked";
    const auto docx = rep->get(page + "/request.docx?q=human-role-1&q=inventory-2&national_law=Workers+Consultation+Act&reply_days=21");
    ASSERT_EQ(docx.res.status, 200) << docx.body.substr(0, 300);
    const std::string xml = documents::testing::zip_member(docx.body, "word/document.xml");
    const std::string text = std::regex_replace(xml, std::regex("<[^>]*>"), "");
    for (const std::string want : {"Request for information about Quillograph rota", "Health Workers Union", "Central Hospital", "Article 26(7)",
                                   "Workers Consultation Act", "within 21 days", "Who takes the final decision", "Who keeps the list"})
        EXPECT_NE(text.find(want), std::string::npos) << want;
    EXPECT_LT(text.find("Who keeps the list"), text.find("Who takes the final decision")) << "questions in the checklist's order";
    EXPECT_EQ(text.find("How long is each kind of data kept"), std::string::npos) << "only the questions chosen";
    const auto odt = rep->get(page + "/request.odt?q=human-role-1");
    ASSERT_EQ(odt.res.status, 200);
    EXPECT_NE(documents::testing::zip_member(odt.body, "content.xml").find("Who takes the final decision"), std::string::npos);
    EXPECT_NE(rep->get(page + "/request/print?q=human-role-1").body.find("Who takes the final decision"), std::string::npos);
    EXPECT_EQ(as("member.a")->get(page + "/request.docx").res.status, 403) << "members read the entry but do not write to the employer";
    EXPECT_EQ(as("rep.b")->get(page + "/request.docx").res.status, 404);
}

// The reminder job, with the clock passed in: one e-mail per passed date to the union's
// representatives, never twice; a new deadline arms it again; an answered request is not chased.
TEST_P(RegistryHttp, RemindersGoOutOncePerPassedDate) {
    auto rep = as("rep.a");
    const auto id = record(*rep, "reps");
    const std::string page = "/register/" + std::to_string(id);
    rep->get(page);
    // A refused request comes back on the entry page as it was typed, with what to fix.
    const auto refused = rep->post(page + "/requests", {{"title", "Ask for the DPIA"}, {"kind", "demand"}, {"status", "sent"}, {"deadline", "1 March"}});
    EXPECT_EQ(refused.res.status, 422);
    EXPECT_NE(refused.body.find("write dates as YYYY-MM-DD"), std::string::npos);
    EXPECT_NE(refused.body.find("value=\"Ask for the DPIA\""), std::string::npos) << "the title as typed";
    EXPECT_NE(refused.body.find("value=\"1 March\""), std::string::npos) << "the date as typed";
    EXPECT_NE(refused.body.find("value=\"demand\" selected"), std::string::npos) << "the kind as chosen";
    EXPECT_TRUE(module().store().requests(id).empty()) << "nothing stored";
    rep->get(page);
    ASSERT_EQ(rep->post(page + "/requests", {{"title", "Art. 26(7) information on Quillograph"}, {"kind", "information-request"}, {"status", "sent"},
                                             {"sent_on", "2026-01-02"}, {"deadline", "2026-01-10"}, {"review_on", "2026-02-01"}})
                  .res.status,
              303);
    auto at = [](const char* day) {  // noon UTC of a day
        std::tm tm{};
        strptime(day, "%Y-%m-%d", &tm);
        return static_cast<std::int64_t>(timegm(&tm)) + 12 * 3600;
    };
    auto& m = module();
    const auto before = outbox().size();
    EXPECT_EQ(m.send_reminders(at("2026-01-10")), 0) << "on the deadline itself nothing is late yet";
    EXPECT_EQ(m.send_reminders(at("2026-01-11")), 1) << "one representative of union A";
    EXPECT_EQ(m.send_reminders(at("2026-01-11")), 0) << "never twice";
    EXPECT_EQ(m.send_reminders(at("2026-01-20")), 0);
    auto mail = outbox();
    ASSERT_EQ(mail.size(), before + 1);
    EXPECT_EQ(mail.back().header("To"), "rep.a@example.org");
    EXPECT_NE(mail.back().body.find("Art. 26(7) information on Quillograph"), std::string::npos);
    EXPECT_NE(mail.back().body.find(page + "#tracker"), std::string::npos);
    EXPECT_EQ(m.send_reminders(at("2026-02-02")), 1) << "the review date";
    EXPECT_EQ(m.send_reminders(at("2026-02-03")), 0);
    // A new deadline arms its reminder again; the review date, unchanged, does not.
    const auto request = m.store().requests(id).at(0);
    rep->get(page);
    ASSERT_EQ(rep->post(page + "/requests/" + std::to_string(request.id), {{"status", "sent"}, {"sent_on", "2026-01-02"}, {"deadline", "2026-03-01"},
                                                                         {"review_on", "2026-02-01"}, {"answer", ""}})
                  .res.status,
              303);
    EXPECT_EQ(m.send_reminders(at("2026-03-02")), 1);
    // A refused change keeps the stored request and shows the typed answer on its own form.
    rep->get(page);
    const auto bad = rep->post(page + "/requests/" + std::to_string(request.id),
                               {{"status", "answered"}, {"deadline", "2026-13-40"}, {"answer", "They promised a reply in May."}});
    EXPECT_EQ(bad.res.status, 422);
    EXPECT_NE(bad.body.find("rs-error-" + std::to_string(request.id)), std::string::npos);
    EXPECT_NE(bad.body.find("They promised a reply in May."), std::string::npos);
    EXPECT_EQ(m.store().requests(id).at(0).deadline, "2026-03-01");
    EXPECT_EQ(m.store().requests(id).at(0).status, "sent");
    // Answered: no reminder for a later deadline.
    rep->get(page);
    ASSERT_EQ(rep->post(page + "/requests/" + std::to_string(request.id), {{"status", "answered"}, {"deadline", "2026-04-01"}, {"review_on", "2026-02-01"},
                                                                         {"answer", "The notice will be given next month."}})
                  .res.status,
              303);
    EXPECT_EQ(m.send_reminders(at("2026-04-02")), 0);
    EXPECT_EQ(outbox().size(), before + 3);
    auto other = as("rep.b");
    other->get("/register/new");
    EXPECT_EQ(other->post(page + "/requests/" + std::to_string(request.id), {{"status", "closed"}}).res.status, 404) << "another union's entry is not told";
}

// The Eurocities export validates against the schema written from the standard (read by
// python3-jsonschema, as other tools would), re-imports to an equal entry, and a faulty import is
// refused with each problem's JSON path and nothing stored.
TEST_P(RegistryHttp, TheEurocitiesExportValidatesAndReimportsToAnEqualEntry) {
    auto rep = as("rep.a");
    const auto id = record(*rep, "members");
    const auto original = *module().store().get(id);
    const auto exported = rep->get("/register/" + std::to_string(id) + "/eurocities.json");
    ASSERT_EQ(exported.res.status, 200);
    EXPECT_EQ(as("member.a")->get("/register/" + std::to_string(id) + "/eurocities.json").res.status, 403);
    const auto doc = nlohmann::json::parse(exported.body);
    EXPECT_EQ(doc["standard_version"], "0.3.1");
    EXPECT_EQ(doc["status"], "pilot");
    EXPECT_EQ(doc["domain"], "health and health care");
    EXPECT_EQ(doc["risk_category"], "high risk");
    EXPECT_EQ(doc["contact_email"], "rep.a@example.org");
    const std::string dir = config_.outbox_dir + "-json";
    std::filesystem::create_directories(dir);
    auto check = [&](const nlohmann::json& j, const std::string& name) {
        const std::string path = dir + "/" + name;
        std::ofstream(path) << j.dump();
        const std::string cmd = "/usr/bin/python3 " + std::string(AVENIR_SOURCE_DIR) + "/scripts/check-eurocities.py " + std::string(AVENIR_SOURCE_DIR) +
                                "/docs/register/eurocities-0.3.1.schema.json " + path + " > " + path + ".out 2>&1";
        const int rc = std::system(cmd.c_str());
        std::ifstream out(path + ".out");
        return std::make_pair(rc, std::string(std::istreambuf_iterator<char>(out), {}));
    };
    const auto [rc, said] = check(doc, "export.json");
    EXPECT_EQ(rc, 0) << said;
    auto broken = doc;
    broken["status"] = "running";
    broken.erase("name");
    const auto [rc2, said2] = check(broken, "broken.json");
    EXPECT_NE(rc2, 0) << "the schema must refuse a wrong status and a missing name";
    EXPECT_NE(said2.find("$.status"), std::string::npos) << said2;

    // Re-imported by union A's representative: an equal entry (every field), private to the reps.
    rep->get("/register/import");
    const auto imported = rep->post("/register/import", {{"union", std::to_string(union_a_)}, {"json", exported.body}});
    ASSERT_EQ(imported.res.status, 303) << imported.body.substr(0, 2000);
    const std::string to(imported.res.header("location").value_or(""));
    const auto copy = *module().store().get(std::stoll(to.substr(to.rfind('/') + 1)));
    EXPECT_EQ(copy.values, original.values);
    EXPECT_EQ(copy.union_id, union_a_);
    EXPECT_EQ(copy.tier, "reps");

    // Problems named by their JSON path; nothing stored.
    std::vector<storage::Value> none;
    const auto before = module().store().count("1 = 1", none);
    auto bad = doc;
    bad.erase("x_avenir");
    bad["status"] = "running";
    bad["publication_date"] = "5 March";
    bad["name"] = 7;
    rep->get("/register/import");
    const auto refused = rep->post("/register/import", {{"union", std::to_string(union_a_)}, {"json", bad.dump()}});
    EXPECT_EQ(refused.res.status, 422);
    for (const std::string path : {"$.status", "$.publication_date", "$.name"}) EXPECT_NE(refused.body.find("<code>" + path + "</code>"), std::string::npos) << path;
    EXPECT_NE(refused.body.find("running"), std::string::npos) << "what was pasted comes back";
    rep->get("/register/import");
    EXPECT_EQ(rep->post("/register/import", {{"union", std::to_string(union_b_)}, {"json", exported.body}}).res.status, 422) << "not a union they represent";
    rep->get("/register/import");
    EXPECT_EQ(rep->post("/register/import", {{"union", std::to_string(union_a_)}, {"json", "{not json"}}).res.status, 422);
    EXPECT_EQ(module().store().count("1 = 1", none), before);

    // The CSV: what each reader may read.
    EXPECT_NE(as("member.a")->get("/register.csv").body.find("Quillograph rota"), std::string::npos);
    EXPECT_EQ(as("member.b")->get("/register.csv").body.find("Quillograph rota"), std::string::npos);
    EXPECT_EQ(as("member.b")->get("/register.csv").body.find("Ward 7"), std::string::npos);
    std::filesystem::remove_all(dir);
}

// An admin imports an AIA-style questionnaire (no slug or mode in the file: the form gives the
// name, the file is scored in compatibility mode); a faulty one is refused by JSON path; a
// representative assesses with it; and DROs see several unions' findings on one product pooled.
TEST_P(RegistryHttp, AnAiaStyleQuestionnaireIsImportedAndFindingsArePooled) {
    const char* kSecret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
    auto& accounts = app_->module<accounts::AccountsModule>();
    const auto admin_id = accounts.create_user("admin@example.org", "Admin", kPassword);
    accounts.grant("admin@example.org", {"admin", "global", ""});
    accounts.store().set_totp(admin_id, kSecret, clock::unix_seconds());
    auto admin = as("admin");
    admin->get("/account/sign-in/code");
    ASSERT_EQ(admin->post("/account/sign-in/code", {{"code", security::totp_code(kSecret, std::time(nullptr))}}).res.status, 303);
    const std::string aia = R"({"pages": [{"name": "p", "elements": [
        {"type": "radiogroup", "name": "r1-RS", "title": "Scale?", "choices": ["item1-0", "item2-4"]},
        {"type": "radiogroup", "name": "m1-MS", "title": "Tested?", "choices": ["item1-0", "item2-2"]}]}]})";
    ASSERT_EQ(admin->get("/register/questionnaires").res.status, 200);
    const auto refused = admin->post("/register/questionnaires", {{"slug", "aia-test"}, {"definition", R"({"pages": [{"elements": [{"type": "matrix", "name": "x"}]}]})"}});
    EXPECT_EQ(refused.res.status, 422);
    EXPECT_NE(refused.body.find("<code>$.pages[0].elements[0].type</code>"), std::string::npos);
    admin->get("/register/questionnaires");
    ASSERT_EQ(admin->post("/register/questionnaires", {{"slug", "aia-test"}, {"mitigation_branches", "1"}, {"definition", aia}}).res.status, 303);
    EXPECT_EQ(module().store().questionnaire("aia-test")->first, 1);

    auto rep = as("rep.a");
    const auto id = record(*rep, "dro");
    const std::string page = "/register/" + std::to_string(id);
    ASSERT_EQ(rep->get(page + "/assess?questionnaire=aia-test").res.status, 200);
    ASSERT_EQ(rep->post(page + "/assess", {{"questionnaire", "aia-test"}, {"version", "1"}, {"q-r1-RS", "item2-4"}, {"q-m1-MS", "item2-2"}}).res.status, 303);
    const auto a = module().store().assessments(id).at(0);
    EXPECT_EQ(a.raw, 4);
    EXPECT_EQ(a.mitigation, 2) << "the AIA counts mitigation without evidence";
    EXPECT_DOUBLE_EQ(a.current, 3.0) << "Math.round(0.85 x 4) = 3";
    EXPECT_EQ(a.level, 3);

    // Union B records the same product, shared with its region's DROs (another region): the
    // Asia-Pacific DRO sees union A's only; once union B makes its entry public, both, counted.
    auto rep_b = as("rep.b");
    rep_b->get("/register/new");
    auto f = fields("dro");
    f[0].second = std::to_string(union_b_);
    f[2].second = "Rota tool of the municipality";
    f[12].second = "Depot 3";
    ASSERT_EQ(rep_b->post("/register", f).res.status, 303);
    auto dro = as("dro");
    auto pooled = dro->get("/register/pooled");
    ASSERT_EQ(pooled.res.status, 200);
    EXPECT_NE(pooled.body.find("Quillograph"), std::string::npos);
    EXPECT_EQ(pooled.body.find("Unions that shared an entry: 2"), std::string::npos);
    const auto b_entry = module().store().list("e.union_id = " + std::to_string(union_b_), {}, 1).at(0);
    auto public_b = b_entry;
    public_b.tier = "public";
    module().store().save(public_b, b_entry.version, std::nullopt, 5);
    pooled = dro->get("/register/pooled");
    EXPECT_NE(pooled.body.find("Unions that shared an entry: 2"), std::string::npos);
    for (const std::string hidden : {"Health Workers Union", "Municipal Workers Union", "Ward 7", "Depot 3"})
        EXPECT_EQ(pooled.body.find(hidden), std::string::npos) << hidden << " is not shown when pooled";
    EXPECT_EQ(as("member.a")->get("/register/pooled").res.status, 403);

    // The practice exchange's case about the same product links to the register's entries
    // the reader may read: the DRO sees two unions' entries (and the pooled page), union B's
    // member the public one, an anonymous visitor the public one too.
    auto f2 = fields("public");
    f2[0].second = std::to_string(union_b_);
    f2[11].second = "Rostarine";
    rep_b->get("/register/new");
    ASSERT_EQ(rep_b->post("/register", f2).res.status, 303);
    f2[0].second = std::to_string(union_a_);
    f2[1].second = "dro";
    rep->get("/register/new");
    ASSERT_EQ(rep->post("/register", f2).res.status, 303);
    const auto cases = call(app_->pipeline(), http::Method::Get, "/network/practices");
    const std::regex link("/network/practices/(\\d+)\"[^>]*>[^<]*(?:rota|Rota)");
    std::smatch m;
    ASSERT_TRUE(std::regex_search(cases.body, m, link)) << "the shipped case about Rostarine";
    const std::string case_page = "/network/practices/" + m[1].str();
    const auto seen_by_dro = dro->get(case_page).body;
    EXPECT_NE(seen_by_dro.find("/register?product=Rostarine"), std::string::npos);
    EXPECT_NE(seen_by_dro.find("(2; unions: 2)"), std::string::npos) << "both unions' entries";
    EXPECT_NE(seen_by_dro.find("/register/pooled"), std::string::npos);
    EXPECT_NE(as("member.b")->get(case_page).body.find("(1; unions: 1)"), std::string::npos) << "only the public entry";
    EXPECT_NE(as("member.b")->get("/register?product=Rostarine").body.find("Quillograph rota"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Backends, RegistryHttp, ::testing::Values("sqlite", "postgres"), [](const auto& info) { return info.param; });

}  // namespace
}  // namespace avenir::testing
