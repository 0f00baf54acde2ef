// The register's store on both backends: an entry comes back whole (columns and details), a
// stale save is refused and nothing is lost, the change log names what changed, evidence stays
// with its entry, each reader's tier condition selects exactly what the rules allow, and
// questionnaires and assessments keep their versions.
#include <gtest/gtest.h>

#include <algorithm>

#include "core/errors.hpp"
#include "modules/registry/registry_rules.hpp"
#include "modules/registry/registry_store.hpp"
#include "storage/store_test_support.hpp"

namespace avenir::registry {
namespace {

class RegistryStoreTest : public storage::testing::StoreConformance {
protected:
    void SetUp() override {
        StoreConformance::SetUp();
        if (IsSkipped() || HasFatalFailure()) return;
        storage::migrate(db());
        st_ = std::make_unique<RegistryStore>(db());
        for (int i = 0; i < 4; ++i)
            u_.push_back(db().exec("INSERT INTO accounts_users (email, display_name, created_at) VALUES ($1, $2, 0) RETURNING id",
                                   {"p" + std::to_string(i) + "@example.org", "Person " + std::to_string(i)})
                             .at(0)
                             .get_int("id"));
    }
    static Entry sample(std::int64_t union_id, const std::string& region, const std::string& tier) {
        Entry e;
        e.union_id = union_id;
        e.region = region;
        e.tier = tier;
        e.values = {{"name", "Rota planner"},     {"lang", "en"},           {"employer", "City hospital"}, {"sector", "health"},
                    {"lifecycle", "pilot"},       {"supplier", "Acme"},     {"product", "ShiftWise"},      {"annex3_point", "4"},
                    {"art26_notice", "unknown"},  {"goal", "Plan shifts"}, {"headcount", "340"}};
        return e;
    }
    std::unique_ptr<RegistryStore> st_;
    std::vector<std::int64_t> u_;
};

TEST_P(RegistryStoreTest, AnEntryComesBackWholeAndAStaleSaveLosesNothing) {
    const auto id = st_->create(sample(5, "europe", "reps"), u_[0], 100);
    auto got = st_->get(id);
    ASSERT_TRUE(got);
    EXPECT_EQ(got->name(), "Rota planner");
    EXPECT_EQ(got->value("product"), "ShiftWise");
    EXPECT_EQ(got->value("goal"), "Plan shifts") << "a field without a column comes back from details";
    EXPECT_EQ(got->value("headcount"), "340");
    EXPECT_EQ(got->value("workplace"), "");
    EXPECT_EQ(got->region, "europe");
    EXPECT_EQ(got->version, 1);

    Entry edited = *got;
    edited.values["lifecycle"] = "in-use";
    edited.values["retention"] = "2 years";
    edited.tier = "members";
    EXPECT_EQ(st_->save(edited, 1, u_[0], 200), 2);
    Entry stale = *got;
    stale.values["name"] = "Overwritten";
    EXPECT_THROW(st_->save(stale, 1, u_[1], 300), Conflict);
    got = st_->get(id);
    EXPECT_EQ(got->name(), "Rota planner") << "the refused save changed nothing";
    EXPECT_EQ(got->value("retention"), "2 years");
    EXPECT_EQ(got->tier, "members");

    std::vector<std::string> log;
    for (const auto& c : st_->changes(id)) log.push_back(c.what);
    EXPECT_EQ(log, (std::vector<std::string>{"created:pilot", "lifecycle:pilot>in-use", "tier:reps>members", "fields:retention"}));
}

TEST_P(RegistryStoreTest, EvidenceStaysWithItsEntry) {
    const auto a = st_->create(sample(5, "europe", "reps"), u_[0], 100);
    const auto b = st_->create(sample(6, "europe", "reps"), u_[2], 100);
    Evidence ev{.id = 0, .entry_id = a, .field = "goal", .side = "workers", .text = "Shifts are cut.", .source = "Survey", .date = "2026-03-01",
                .confidence = "medium", .supplied_by = u_[3], .created_at = 0};
    const auto w = st_->add_evidence(ev, 150);
    ev.side = "employer";
    ev.text = "It saves time.";
    ev.supplied_by.reset();
    st_->add_evidence(ev, 160);
    const auto list = st_->evidence(a);
    ASSERT_EQ(list.size(), 2u);
    EXPECT_EQ(list[0].side, "employer") << "the employer's side first";
    EXPECT_EQ(list[1].supplied_by, std::optional<std::int64_t>(u_[3]));
    EXPECT_FALSE(st_->remove_evidence(b, w)) << "another entry's evidence is not removed through this one";
    EXPECT_TRUE(st_->remove_evidence(a, w));
    EXPECT_EQ(st_->evidence(a).size(), 1u);
    EXPECT_TRUE(st_->evidence(b).empty());
}

TEST_P(RegistryStoreTest, EachReaderSeesWhatTheTiersAllow) {
    // union 5 (europe): one entry per tier; union 6 (africa): members and dro; union 7 (europe): dro.
    std::map<std::string, std::int64_t> ids;
    for (const std::string tier : {"reps", "members", "dro", "public"}) ids["5-" + tier] = st_->create(sample(5, "europe", tier), u_[0], 100);
    ids["6-members"] = st_->create(sample(6, "africa", "members"), u_[0], 100);
    ids["6-dro"] = st_->create(sample(6, "africa", "dro"), u_[0], 100);
    ids["7-dro"] = st_->create(sample(7, "europe", "dro"), u_[0], 100);
    const struct {
        std::string who;
        Viewer viewer;
        std::vector<std::string> sees;
    } cases[] = {
        {"anonymous", {}, {"5-public"}},
        {"member of 5", {2, {5}, {}, {}}, {"5-members", "5-dro", "5-public"}},
        {"rep of 5", {3, {5}, {5}, {}}, {"5-reps", "5-members", "5-dro", "5-public"}},
        {"member of 6", {4, {6}, {}, {}}, {"6-members", "6-dro", "5-public"}},
        {"DRO of europe", {5, {}, {}, {"europe"}}, {"5-dro", "7-dro", "5-public"}},
        {"DRO of africa, rep of 7", {6, {7}, {7}, {"africa"}}, {"6-dro", "7-dro", "5-public"}},
    };
    for (const auto& c : cases) {
        std::vector<storage::Value> params;
        const std::string where = readable_sql(c.viewer, params);
        std::vector<std::int64_t> got;
        for (const auto& e : st_->list(where, params, 100)) {
            got.push_back(e.id);
            EXPECT_TRUE(may_read(c.viewer, e)) << c.who << " lists an entry the rule refuses";
        }
        std::vector<std::int64_t> want;
        for (const auto& k : c.sees) want.push_back(ids.at(k));
        std::sort(got.begin(), got.end());
        std::sort(want.begin(), want.end());
        EXPECT_EQ(got, want) << c.who;
        EXPECT_EQ(st_->count(where, params), static_cast<std::int64_t>(want.size())) << c.who;
    }
}

TEST_P(RegistryStoreTest, QuestionnairesAndAssessmentsKeepTheirVersions) {
    EXPECT_TRUE(st_->put_questionnaire("worker-impact", 1, R"({"v":1})", std::nullopt, 100));
    EXPECT_FALSE(st_->put_questionnaire("worker-impact", 1, R"({"v":"other"})", std::nullopt, 110)) << "a version is never replaced";
    EXPECT_TRUE(st_->put_questionnaire("worker-impact", 2, R"({"v":2})", std::nullopt, 120));
    EXPECT_EQ(st_->questionnaire("worker-impact")->first, 2);
    EXPECT_EQ(st_->questionnaire("worker-impact", 1)->second, R"({"v":1})");
    ASSERT_EQ(st_->questionnaires().size(), 1u);
    EXPECT_EQ(st_->questionnaires()[0].version, 2);

    const auto entry = st_->create(sample(5, "europe", "reps"), u_[0], 100);
    Assessment a;
    a.entry_id = entry;
    a.questionnaire = "worker-impact";
    a.questionnaire_version = 1;
    a.answers = {{"s1-RS", {"item3-2"}}, {"c-RS", {"item1-1", "item2-2"}}};
    a.evidence = {{"m1-MS", {4, 9}}};
    a.raw = 5;
    a.max_raw = 8;
    a.current = 4.25;
    a.percent = 53.125;
    a.level = 3;
    a.verdict = "red";
    a.flags = {"high-risk", "red"};
    a.dimensions = {{"surveillance", 2.0}};
    a.at = 300;
    st_->add_assessment(a);
    a.questionnaire_version = 2;
    a.at = 400;
    st_->add_assessment(a);
    const auto list = st_->assessments(entry);
    ASSERT_EQ(list.size(), 2u);
    EXPECT_EQ(list[0].questionnaire_version, 2) << "newest first";
    EXPECT_EQ(list[1].answers.at("c-RS"), (std::vector<std::string>{"item1-1", "item2-2"}));
    EXPECT_EQ(list[1].evidence.at("m1-MS"), (std::vector<std::int64_t>{4, 9}));
    EXPECT_DOUBLE_EQ(list[1].percent, 53.125);
    EXPECT_EQ(list[1].flags, (std::vector<std::string>{"high-risk", "red"}));
    EXPECT_DOUBLE_EQ(list[1].dimensions.at("surveillance"), 2.0);
    st_->remove(entry);
    EXPECT_TRUE(st_->assessments(entry).empty()) << "an entry's assessments go with it";
}

INSTANTIATE_TEST_SUITE_P(Backends, RegistryStoreTest, ::testing::Values("sqlite", "postgres"), [](const auto& info) { return info.param; });

}  // namespace
}  // namespace avenir::registry
