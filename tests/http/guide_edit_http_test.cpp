// Editing the guide in the web interface, without JavaScript: every save is a version, history
// shows a diff, bad input is refused with the input kept; on both backends.
#include <gtest/gtest.h>

#include <regex>

#include "http_fixture.hpp"

namespace avenir::testing {
namespace {
constexpr const char* kPassword = "violet-tractor-harbour-91";
constexpr const char* kSlug = "why-data-and-ai-matter";

// Every field of the edit form as the page rendered it (a browser would post them back).
std::vector<std::pair<std::string, std::string>> form_fields(const std::string& html) {
    std::vector<std::pair<std::string, std::string>> out;
    static const std::regex input(R"re(<input(?![^>]*type="checkbox")[^>]*name="([^"]+)"[^>]*value="([^"]*)")re");
    static const std::regex checkbox(R"re(<input type="checkbox"[^>]*name="([^"]+)" value="([^"]*)" checked)re");
    static const std::regex area(R"re(<textarea[^>]*name="([^"]+)"[^>]*>([^<]*)</textarea>)re");
    static const std::regex select(R"re(<select[^>]*name="([^"]+)">(?:(?!</select>)[\s\S])*?<option value="([^"]+)" selected)re");
    auto unescape = [](std::string s) {
        for (const auto& [from, to] : std::vector<std::pair<std::string, std::string>>{{"&quot;", "\""}, {"&#39;", "'"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&amp;", "&"}})
            for (auto p = s.find(from); p != std::string::npos; p = s.find(from, p + to.size())) s.replace(p, from.size(), to);
        return s;
    };
    for (const auto* re : {&input, &area, &select})
        for (auto it = std::sregex_iterator(html.begin(), html.end(), *re); it != std::sregex_iterator(); ++it)
            if ((*it)[1] != "_csrf") out.emplace_back((*it)[1], unescape((*it)[2]));
    for (auto it = std::sregex_iterator(html.begin(), html.end(), checkbox); it != std::sregex_iterator(); ++it) out.emplace_back((*it)[1], (*it)[2]);
    return out;
}

void set(std::vector<std::pair<std::string, std::string>>& f, const std::string& k, const std::string& v) {
    for (auto& [name, value] : f)
        if (name == k) { value = v; return; }
    f.emplace_back(k, v);
}

class GuideEdit : public ::testing::TestWithParam<std::string> {
protected:
    void SetUp() override {
        db_ = std::make_unique<TestDatabase>(GetParam());
        if (pg_unavailable(*db_)) GTEST_SKIP() << "AVENIR_TEST_PG_DSN not set; make test provides one";
        app_ = std::make_unique<App>(test_config(db_->url()), true);
        app_->seed();
        app_->module<accounts::AccountsModule>().create_user("dro@example.org", "DRO", kPassword);
        app_->module<accounts::AccountsModule>().grant("dro@example.org", {"dro", "region", "asia-pacific"});
        app_->module<accounts::AccountsModule>().create_user("member@example.org", "Member", kPassword);
    }
    std::unique_ptr<Browser> signed_in(const std::string& email) { return signed_in_browser(app_->pipeline(), email, kPassword); }
    std::unique_ptr<TestDatabase> db_;
    std::unique_ptr<App> app_;
};

TEST_P(GuideEdit, ADroEditsAddsAndReordersStepsAndEachSaveIsAVersionWithADiff) {
    auto b = signed_in("dro@example.org");
    const std::string edit = std::string("/fr/guide/") + kSlug + "/edit";
    auto page = b->get(edit + "?lang=en");  // new steps need their English text first
    ASSERT_EQ(page.res.status, 200);
    auto fields = form_fields(page.body);
    const int steps = std::stoi(std::find_if(fields.begin(), fields.end(), [](auto& f) { return f.first == "steps"; })->second);
    // Add a step without JavaScript: the page comes back with one more step, nothing saved.
    set(fields, "op", "add");
    page = b->post(edit, fields);
    ASSERT_EQ(page.res.status, 200);
    fields = form_fields(page.body);
    EXPECT_EQ(std::find_if(fields.begin(), fields.end(), [](auto& f) { return f.first == "steps"; })->second, std::to_string(steps + 1));
    // Move the new (last) step up, give it texts, preview, then save.
    set(fields, "op", "up-" + std::to_string(steps));
    page = b->post(edit, fields);
    fields = form_fields(page.body);
    const std::string n = std::to_string(steps - 1);
    set(fields, "st_title_" + n, "Closing round");
    for (const char* t : {"facilitator", "participants", "online", "low_bandwidth"})
        set(fields, std::string("st_") + t + "_" + n, "Each person says one thing they will do next.");
    set(fields, "title", "Why data and AI concern us");
    set(fields, "op", "preview");
    page = b->post(edit, fields);
    EXPECT_NE(page.body.find("class=\"preview\""), std::string::npos);
    fields = form_fields(page.body);
    // Too long: the new step breaks the 3-hour limit when made 60 minutes.
    set(fields, "max_" + std::to_string(steps - 1), "60");
    set(fields, "min_" + std::to_string(steps - 1), "50");
    set(fields, "op", "save");
    page = b->post(edit, fields);
    EXPECT_EQ(page.res.status, 422) << page.body.substr(page.body.find("role=\"alert\""), 300);
    EXPECT_NE(page.body.find("180"), std::string::npos) << "says what to fix";
    EXPECT_NE(page.body.find("Closing round"), std::string::npos) << "input kept";
    fields = form_fields(page.body);
    set(fields, "max_" + std::to_string(steps - 1), "5");
    set(fields, "min_" + std::to_string(steps - 1), "5");
    set(fields, "note", "Closing round");
    set(fields, "level", "advanced");
    fields.emplace_back("themes", "2");  // now also under theme 2
    set(fields, "op", "save");
    page = b->post(edit, fields);
    ASSERT_EQ(page.res.status, 303) << page.body.substr(page.body.find("role=\"alert\""), 400);
    // The live guide shows the change; history has the shipped and the new version; the diff shows it.
    const auto live = b->get(std::string("/guide/") + kSlug);
    EXPECT_NE(live.body.find("Why data and AI concern us"), std::string::npos);
    EXPECT_NE(b->get(std::string("/fr/guide/") + kSlug).body.find("le texte anglais a changé"), std::string::npos)
        << "the French translation is now outdated";
    EXPECT_NE(live.body.find("Closing round"), std::string::npos);
    const auto theme2 = b->get("/guide?theme=2");
    EXPECT_NE(theme2.body.find(std::string("/guide/") + kSlug), std::string::npos) << "listed under its new theme";
    const auto history = b->get(std::string("/fr/guide/") + kSlug + "/history");
    EXPECT_NE(history.body.find("shipped content"), std::string::npos);
    std::smatch m;
    ASSERT_TRUE(std::regex_search(history.body, m, std::regex("href=\"([^\"]+/diff\\?from=1&amp;to=2)\"")));
    std::string diff_href = m[1];
    diff_href.replace(diff_href.find("&amp;"), 5, "&");
    const auto diff = b->get(diff_href + "&lang=en");
    ASSERT_EQ(diff.res.status, 200);
    EXPECT_NE(diff.body.find("<span class=\"add\">+ == Closing round"), std::string::npos);
    EXPECT_NE(diff.body.find("<span class=\"del\">- Why data and AI matter"), std::string::npos);
    // Saving again from the stale page is refused: someone saved meanwhile.
    set(fields, "op", "save");
    EXPECT_EQ(b->post(edit, fields).res.status, 409);
}

TEST_P(GuideEdit, MembersCannotEdit) {
    auto b = signed_in("member@example.org");
    EXPECT_EQ(b->get(std::string("/guide/") + kSlug + "/edit").res.status, 403);
    EXPECT_EQ(b->get(std::string("/guide/") + kSlug + "/history").res.status, 403);
}

INSTANTIATE_TEST_SUITE_P(Backends, GuideEdit, ::testing::Values("sqlite", "postgres"), [](const auto& info) { return info.param; });

}  // namespace
}  // namespace avenir::testing
