// The facilitator's guide with the shipped content, through the real pipeline, on both backends.
#include <gtest/gtest.h>

#include <regex>

#include "http_fixture.hpp"
#include "modules/guide/guide_content.hpp"
#include "modules/guide/guide_types.hpp"

namespace avenir::testing {
namespace {
using http::Method;

TEST(GuideContent, SevenPublishedWorkshopsInEnglishFrenchAndSpanishFitThreeHours) {
    const auto g = guide::load_guide(std::string(AVENIR_SOURCE_DIR) + "/content/guide");
    std::set<int> themes;
    int published = 0;
    for (const auto& w : g.workshops) {
        if (w.status != "published") continue;
        ++published;
        themes.insert(w.themes.begin(), w.themes.end());
        EXPECT_GE(w.steps.size(), 5u) << w.slug;
        EXPECT_LE(w.total_max(), 180) << w.slug;
        for (const char* lang : {"en", "fr", "es"}) EXPECT_TRUE(w.texts.contains(lang)) << w.slug << " " << lang;
    }
    EXPECT_GE(published, 7);
    EXPECT_EQ(themes.size(), 7u) << "one workshop per theme at least";
    for (const char* lang : {"en", "fr", "es"}) EXPECT_TRUE(g.introduction.title.contains(lang)) << lang;
}

class GuideHttp : public ::testing::TestWithParam<std::string> {
protected:
    void SetUp() override {
        db_ = std::make_unique<TestDatabase>(GetParam());
        if (pg_unavailable(*db_)) GTEST_SKIP() << "AVENIR_TEST_PG_DSN not set; make test provides one";
        app_ = std::make_unique<App>(test_config(db_->url()), true);
        ASSERT_GT(app_->seed(), 0);
        ASSERT_EQ(app_->seed(), 0) << "seeding twice changes nothing";
    }
    Reply get(const std::string& target, std::vector<std::pair<std::string, std::string>> h = {}) {
        return call(app_->pipeline(), Method::Get, target, std::move(h));
    }
    std::unique_ptr<TestDatabase> db_;
    std::unique_ptr<App> app_;
};

TEST_P(GuideHttp, ListsWorkshopsByThemeAndFiltersByGroup) {
    const auto all = get("/fr/guide");
    ASSERT_EQ(all.res.status, 200);
    EXPECT_EQ(count(all.body, "<h2 id=\"theme-"), 7u);
    const auto theme4 = get("/fr/guide?theme=4");
    EXPECT_NE(theme4.body.find("href=\"/fr/guide/joint-governance-algorithms\""), std::string::npos);
    EXPECT_EQ(theme4.body.find("href=\"/fr/guide/why-data-and-ai-matter\""), std::string::npos);
}

TEST_P(GuideHttp, RunSheetShowsClockTimesFromTheStartTime) {
    const auto r = get("/fr/guide/joint-governance-algorithms?start=09:30");
    ASSERT_EQ(r.res.status, 200);
    EXPECT_NE(r.body.find("<html lang=\"fr\""), std::string::npos);
    EXPECT_NE(r.body.find("<span class=\"clock\" dir=\"ltr\">09:30</span>"), std::string::npos) << "the first step starts at 09:30";
    EXPECT_GE(count(r.body, "class=\"clock\""), 5u);
    EXPECT_NE(r.body.find("class=\"script\""), std::string::npos) << "the facilitator view shows scripts";
    const auto handout = get("/fr/guide/joint-governance-algorithms?view=participants");
    EXPECT_EQ(handout.body.find("class=\"script\""), std::string::npos) << "the handout hides them";
    EXPECT_EQ(get("/fr/guide/joint-governance-algorithms?start=9h30").res.status, 400);
    EXPECT_EQ(get("/guide/no-such-workshop").res.status, 404);
}

TEST_P(GuideHttp, AWorkshopPageFitsInFourteenKilobytesGzipped) {
    std::vector<std::string> paths{"/fr/guide"};
    for (const auto& w : guide::load_guide(std::string(AVENIR_SOURCE_DIR) + "/content/guide").workshops)
        for (const char* prefix : {"", "/fr", "/es", "/ar"}) paths.push_back(std::string(prefix) + "/guide/" + w.slug + "?start=09:30");
    for (const auto& path : paths) {
        const auto r = get(path, {{"accept-encoding", "gzip"}});
        ASSERT_EQ(r.res.status, 200) << path;
        EXPECT_LE(r.res.body.size(), 14u * 1024u) << path;
    }
}

TEST_P(GuideHttp, SeedThenExportGivesBackTheSameContent) {
    namespace fs = std::filesystem;
    const fs::path out = fs::temp_directory_path() / ("avenir-guide-export-" + std::to_string(::getpid()) + GetParam());
    fs::remove_all(out);
    app_->module<guide::GuideModule>().export_to(out);
    const auto shipped = guide::load_guide(std::string(AVENIR_SOURCE_DIR) + "/content/guide");
    const auto exported = guide::load_guide(out);
    fs::remove_all(out);
    ASSERT_EQ(exported.workshops.size(), shipped.workshops.size());
    for (std::size_t i = 0; i < shipped.workshops.size(); ++i) {
        EXPECT_EQ(guide::structure_json(exported.workshops[i]), guide::structure_json(shipped.workshops[i])) << shipped.workshops[i].slug;
        EXPECT_EQ(exported.workshops[i].texts, shipped.workshops[i].texts) << shipped.workshops[i].slug;
    }
    EXPECT_EQ(exported.introduction.title, shipped.introduction.title);
    EXPECT_EQ(exported.introduction.body_md, shipped.introduction.body_md);
}

INSTANTIATE_TEST_SUITE_P(Backends, GuideHttp, ::testing::Values("sqlite", "postgres"), [](const auto& info) { return info.param; });

}  // namespace
}  // namespace avenir::testing
