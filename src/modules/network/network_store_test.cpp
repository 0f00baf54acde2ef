// The practice exchange's store and rules on both backends, as a case table: who sees which case
// (by list, count and "similar cases"), according to its state, visibility and region, and whose
// eyes the hidden employer reaches.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <tuple>

#include "modules/network/network_rules.hpp"
#include "modules/network/network_store.hpp"
#include "storage/store_test_support.hpp"

namespace avenir::network {
namespace {

class NetworkStoreTest : public storage::testing::StoreConformance {
protected:
    void SetUp() override {
        StoreConformance::SetUp();
        if (IsSkipped() || HasFatalFailure()) return;
        storage::migrate(db());
        st_ = std::make_unique<NetworkStore>(db());
        for (int i = 1; i <= 2; ++i)
            users_.push_back(db().exec("INSERT INTO accounts_users (email, display_name, created_at) VALUES ($1, $2, 0) RETURNING id",
                                       {"p" + std::to_string(i) + "@example.org", "Person " + std::to_string(i)})
                                 .at(0)
                                 .get_int("id"));
    }
    std::int64_t add(const std::string& key, const std::string& state, const std::string& visibility, const std::string& region,
                     std::vector<std::string> tech, const std::string& product = "", bool hide = false) {
        Case c;
        c.state = state;
        c.visibility = visibility;
        c.region = region;
        c.country = "Somewhere";
        c.sector = "health";
        c.employer = "Employer of " + key;
        c.hide_employer = hide;
        c.product = product;
        c.technologies = std::move(tech);
        c.year = 2025;
        c.author_id = users_[0];
        c.texts.push_back({"en", "Case " + key, "What happened at the hospital when the system came, at length enough.",
                           "The union asked for the data.", "", ""});
        EXPECT_EQ(validate(c), std::vector<std::string>{}) << key;
        const auto id = st_->create(c, 100);
        ids_[key] = id;
        return id;
    }
    std::vector<std::string> listed(const Viewer& v, const CaseFilter& f = {}) {
        std::vector<std::string> out;
        const auto page = st_->published(v, f, 0, 50);
        for (const auto& c : page.cases)
            for (const auto& [k, id] : ids_)
                if (id == c.id) out.push_back(k);
        std::sort(out.begin(), out.end());
        EXPECT_EQ(page.total, static_cast<std::int64_t>(out.size()));  // the count agrees with the list
        return out;
    }
    std::unique_ptr<NetworkStore> st_;
    std::vector<std::int64_t> users_;
    std::map<std::string, std::int64_t> ids_;
};

Viewer anonymous() { return {}; }
Viewer member(std::int64_t id) { return Viewer{id, false, {}, {}}; }
Viewer dro(std::int64_t id, const std::string& region) { return Viewer{id, false, {region}, {region}}; }
Viewer admin(std::int64_t id) { return Viewer{id, true, {}, {}}; }

TEST_P(NetworkStoreTest, EachReaderSeesWhatIsMeantForThemInListsCountsAndSimilarCases) {
    add("public", "published", "public", "asia-pacific", {"scheduling"}, "RotaWise");
    add("members", "published", "members", "asia-pacific", {"scheduling"});
    add("hub-asia", "published", "hub", "asia-pacific", {"scheduling"});
    add("hub-latam", "published", "hub", "latin-america", {"scheduling"});
    add("waiting", "submitted", "public", "asia-pacific", {"scheduling"});
    add("declined", "declined", "public", "asia-pacific", {"scheduling"});
    add("other-tech", "published", "public", "africa-mena", {"chatbot"});
    const std::int64_t stranger = users_[1];
    struct Row {
        const char* who;
        Viewer v;
        std::vector<std::string> sees;
    };
    const Row rows[] = {
        {"anonymous", anonymous(), {"other-tech", "public"}},
        {"member", member(stranger), {"members", "other-tech", "public"}},
        {"DRO of Asia-Pacific", dro(stranger, "asia-pacific"), {"hub-asia", "members", "other-tech", "public"}},
        {"DRO of Latin America", dro(stranger, "latin-america"), {"hub-latam", "members", "other-tech", "public"}},
        {"admin", admin(stranger), {"hub-asia", "hub-latam", "members", "other-tech", "public"}},
    };
    const Case probe = *st_->get(ids_["public"]);
    for (const auto& row : rows) {
        EXPECT_EQ(listed(row.v), row.sees) << row.who;
        // "Similar cases" of the public case: the same technology, across regions, what the reader may see.
        std::vector<std::string> similar;
        for (const auto& c : st_->similar(probe, row.v, 10))
            for (const auto& [k, id] : ids_)
                if (id == c.id) similar.push_back(k);
        std::sort(similar.begin(), similar.end());
        std::vector<std::string> expected;
        for (const auto& k : row.sees)
            if (k != "public" && k != "other-tech") expected.push_back(k);
        EXPECT_EQ(similar, expected) << row.who;
        // The rule the pages apply agrees with the query.
        for (const auto& [k, id] : ids_) {
            const Case c = *st_->get(id);
            EXPECT_EQ(may_see(row.v, c), std::find(row.sees.begin(), row.sees.end(), k) != row.sees.end() || may_moderate(row.v, c.region))
                << row.who << " " << k;
        }
    }
    // The author sees their own waiting case; filters narrow the list.
    EXPECT_TRUE(may_see(member(users_[0]), *st_->get(ids_["waiting"])));
    EXPECT_EQ(listed(anonymous(), {"", "africa-mena", "", ""}), std::vector<std::string>{"other-tech"});
    EXPECT_EQ(listed(anonymous(), {"", "", "", "Scheduling"}), std::vector<std::string>{"public"});
    EXPECT_TRUE(listed(anonymous(), {"bad", "", "", ""}).empty());
}

TEST_P(NetworkStoreTest, ModerationMovesACaseAndTheQueueIsTheModeratorsRegions) {
    const auto id = add("waiting", "submitted", "public", "asia-pacific", {"chatbot"});
    add("elsewhere", "submitted", "public", "latin-america", {"chatbot"});
    EXPECT_EQ(st_->queue(dro(users_[1], "asia-pacific")).size(), 1u);
    EXPECT_EQ(st_->queue(admin(users_[1])).size(), 2u);
    EXPECT_TRUE(st_->queue(member(users_[1])).empty());
    st_->decide(id, "changes", users_[1], "Please add the outcome.", 200);
    auto c = *st_->get(id);
    EXPECT_EQ(c.state, "changes");
    EXPECT_EQ(c.moderation_message, "Please add the outcome.");
    st_->resubmit(id, 300);
    EXPECT_EQ(st_->get(id)->state, "submitted");
    st_->decide(id, "published", users_[1], "", 400);
    EXPECT_EQ(listed(anonymous()), std::vector<std::string>{"waiting"});
}

TEST_P(NetworkStoreTest, AHiddenEmployerReachesOnlyItsAuthorAndModeratorsAndNoSuggestion) {
    const auto id = add("hidden", "published", "public", "europe-caribbean", {"cctv"}, "EyeCount", true);
    const Case c = *st_->get(id);
    EXPECT_FALSE(sees_employer(anonymous(), c));
    EXPECT_FALSE(sees_employer(member(users_[1]), c));
    EXPECT_FALSE(sees_employer(dro(users_[1], "asia-pacific"), c));
    EXPECT_TRUE(sees_employer(member(users_[0]), c));  // its author
    EXPECT_TRUE(sees_employer(dro(users_[1], "europe-caribbean"), c));
    EXPECT_TRUE(sees_employer(admin(users_[1]), c));
    EXPECT_TRUE(st_->suggestions("product", 10).empty());  // its product could point at the employer
    add("open", "published", "public", "asia-pacific", {"cctv"}, "EyeCount");
    EXPECT_EQ(st_->suggestions("product", 10), std::vector<std::string>{"EyeCount"});
    EXPECT_TRUE(st_->suggestions("employer", 10).empty());  // never a column other than product and supplier
}

TEST_P(NetworkStoreTest, UpdatesReplaceTextsAndTags) {
    const auto id = add("x", "published", "public", "asia-pacific", {"cctv", "chatbot"});
    Case c = *st_->get(id);
    c.technologies = {"e-recruitment"};
    c.texts[0].title = "Changed title";
    ASSERT_TRUE(validate(c).empty());
    st_->update(c, 500);
    const Case back = *st_->get(id);
    EXPECT_EQ(back.technologies, std::vector<std::string>{"e-recruitment"});
    EXPECT_EQ(back.texts.size(), 1u);
    EXPECT_EQ(back.texts[0].title, "Changed title");
    EXPECT_EQ(listed(anonymous(), {"", "", "", "cctv"}), std::vector<std::string>{});
    EXPECT_EQ(listed(anonymous(), {"", "", "", "e-recruitment"}), std::vector<std::string>{"x"});
}

TEST(NetworkValidate, SaysWhatToFix) {
    Case c;
    c.practice = "great";
    c.sector = "space";
    c.year = 10;
    c.texts.push_back({"en", "", "short", "", "", ""});
    const auto errors = validate(c);
    EXPECT_GE(errors.size(), 6u);
    Case ok;
    ok.country = "Kenya";
    ok.region = "africa-mena";
    ok.sector = "health";
    ok.technologies = {" Scheduling App ", "scheduling-app"};
    ok.texts.push_back({"en", "A title", std::string(50, 'h'), std::string(30, 'u'), "", ""});
    EXPECT_TRUE(validate(ok).empty());
    EXPECT_EQ(ok.technologies, std::vector<std::string>{"scheduling-app"});  // folded, de-duplicated
}

// Applications to become a DRO: the queue of a coordinator's regions (every region for admins),
// pending ones first and oldest first, then those decided within the window, newest first; a
// decision is recorded once.
TEST_P(NetworkStoreTest, TheApplicationQueueIsTheCoordinatorsRegionsPendingFirst) {
    auto apply = [&](std::int64_t user, const std::string& region, std::int64_t at) {
        Application a;
        a.user_id = user;
        a.union_name = "Union";
        a.region = region;
        a.languages = {"fr", "en"};
        a.experience = a.motivation = "More than twenty characters.";
        EXPECT_TRUE(validate(a).empty());
        return st_->create_application(a, at);
    };
    const auto old_pending = apply(users_[0], "asia-pacific", 10), new_pending = apply(users_[1], "asia-pacific", 20);
    const auto decided_long_ago = apply(users_[0], "asia-pacific", 1), decided_lately = apply(users_[1], "asia-pacific", 2);
    const auto elsewhere = apply(users_[0], "latin-america", 5);
    EXPECT_TRUE(st_->decide_application(decided_long_ago, "declined", users_[1], "Not this year.", std::nullopt, 100));
    EXPECT_TRUE(st_->decide_application(decided_lately, "approved", users_[0], "", 7, 1000));
    EXPECT_FALSE(st_->decide_application(decided_lately, "declined", users_[0], "Twice?", std::nullopt, 1001)) << "decided once";
    auto ids = [](const std::vector<Application>& v) {
        std::vector<std::int64_t> out;
        for (const auto& a : v) out.push_back(a.id);
        return out;
    };
    const struct {
        std::vector<std::string> regions;
        bool all;
        std::int64_t since;
        std::vector<std::int64_t> expected;
    } cases[] = {
        {{"asia-pacific"}, false, 500, {old_pending, new_pending, decided_lately}},
        {{"asia-pacific"}, false, 50, {old_pending, new_pending, decided_lately, decided_long_ago}},
        {{"latin-america", "asia-pacific"}, false, 5000, {elsewhere, old_pending, new_pending}},
        {{}, false, 0, {}},
        {{}, true, 5000, {elsewhere, old_pending, new_pending}},
    };
    for (const auto& c : cases) EXPECT_EQ(ids(st_->applications_to_review(c.regions, c.all, c.since)), c.expected) << c.since;
    const auto got = st_->application(decided_lately);
    ASSERT_TRUE(got);
    EXPECT_EQ(got->state, "approved");
    EXPECT_EQ(got->cycle_id, std::optional<std::int64_t>(7));
    EXPECT_EQ(got->languages, (std::vector<std::string>{"en", "fr"}));
    EXPECT_EQ(ids(st_->applications_of(users_[1])), (std::vector<std::int64_t>{new_pending, decided_lately}));  // newest first
}

// The multiplier per region and theme, as a case table: people reached over people trained in the
// region; regions without training or sessions left out; themes under their region's total.
TEST(NetworkMultiplier, DividesPeopleReachedByPeopleTrainedPerRegionAndTheme) {
    const std::vector<std::string> regions{"north-america", "europe-caribbean", "asia-pacific"};
    const struct {
        std::vector<CascadeTotal> totals;
        std::map<std::string, int> trained;
        std::vector<std::tuple<std::string, int, int, double>> expected;  // region, theme, people, multiplier
    } cases[] = {
        {{}, {}, {}},
        {{}, {{"asia-pacific", 4}}, {{"asia-pacific", 0, 0, 0.0}}},
        {{{"asia-pacific", 5, 2, 30}, {"asia-pacific", 1, 1, 10}},
         {{"asia-pacific", 4}},
         {{"asia-pacific", 0, 40, 10.0}, {"asia-pacific", 1, 10, 2.5}, {"asia-pacific", 5, 30, 7.5}}},
        // Sessions logged in a region that trained nobody yet: shown, multiplier 0 (not infinite).
        {{{"europe-caribbean", 2, 1, 9}}, {{"asia-pacific", 2}}, {{"europe-caribbean", 0, 9, 0.0}, {"europe-caribbean", 2, 9, 0.0}, {"asia-pacific", 0, 0, 0.0}}},
    };
    for (const auto& c : cases) {
        const auto rows = multiplier_rows(c.totals, c.trained, regions);
        std::vector<std::tuple<std::string, int, int, double>> got;
        for (const auto& r : rows) got.emplace_back(r.region, r.theme, r.people, r.multiplier);
        EXPECT_EQ(got, c.expected);
    }
}

INSTANTIATE_TEST_SUITE_P(Backends, NetworkStoreTest, ::testing::Values("sqlite", "postgres"), [](const auto& info) { return info.param; });

}  // namespace
}  // namespace avenir::network
