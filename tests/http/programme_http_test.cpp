// The programme's public pages through the real pipeline, on SQLite and on PostgreSQL.
#include <gtest/gtest.h>

#include <fstream>
#include <regex>

#include "http_fixture.hpp"
#include "modules/programme/programme_content.hpp"

namespace avenir::testing {
namespace {
using http::Method;

class ProgrammeHttp : public ::testing::TestWithParam<std::string> {
protected:
    void SetUp() override {
        db_ = std::make_unique<TestDatabase>(GetParam());
        if (pg_unavailable(*db_)) GTEST_SKIP() << "AVENIR_TEST_PG_DSN not set; make test provides one";
        app_ = std::make_unique<App>(test_config(db_->url()), true);
        ASSERT_GT(app_->seed(), 0);
    }
    Reply get(const std::string& target, std::vector<std::pair<std::string, std::string>> h = {}) {
        return call(app_->pipeline(), Method::Get, target, std::move(h));
    }
    std::unique_ptr<TestDatabase> db_;
    std::unique_ptr<App> app_;
};

TEST_P(ProgrammeHttp, HomePageInEnglishShowsThemesGroupsAndCalendar) {
    const auto r = get("/");
    ASSERT_EQ(r.res.status, 200);
    EXPECT_NE(r.body.find("<html lang=\"en\" dir=\"ltr\">"), std::string::npos);
    EXPECT_NE(r.body.find("href=\"#main\""), std::string::npos) << "skip link";
    const auto themes = r.body.substr(r.body.find("<ol class=\"themes\">"));
    EXPECT_EQ(count(themes.substr(0, themes.find("</ol>")), "<li>"), 7u);
    EXPECT_EQ(count(r.body.substr(r.body.find("<ul class=\"cards\">")), "<li><h3"), 3u);
    EXPECT_NE(r.body.find("3 sessions of 3 hours"), std::string::npos);
    EXPECT_NE(r.body.find("2 sessions of 3 hours"), std::string::npos);
    EXPECT_NE(r.body.find("<ol class=\"phases\">"), std::string::npos);
    EXPECT_NE(r.body.find("href=\"/contacts\""), std::string::npos);
    EXPECT_EQ(r.body.find("<script"), std::string::npos) << "no page needs JavaScript";
}

TEST_P(ProgrammeHttp, LanguagePrefixesGiveTranslatedPagesAndDirection) {
    const auto fr = get("/fr/");
    ASSERT_EQ(fr.res.status, 200);
    EXPECT_NE(fr.body.find("<html lang=\"fr\" dir=\"ltr\">"), std::string::npos);
    EXPECT_NE(fr.body.find("Sept thèmes"), std::string::npos);
    EXPECT_NE(fr.body.find("href=\"/fr/contacts\""), std::string::npos) << "links stay in French";
    const auto es = get("/es/");
    EXPECT_NE(es.body.find("<html lang=\"es\" dir=\"ltr\">"), std::string::npos);
    EXPECT_NE(es.body.find("Siete temas"), std::string::npos);
    const auto ar = get("/ar/");
    EXPECT_NE(ar.body.find("<html lang=\"ar\" dir=\"rtl\">"), std::string::npos);
    EXPECT_EQ(get("/en/").body, get("/").body);
}

TEST_P(ProgrammeHttp, UnprefixedPagesFollowTheBrowsersLanguage) {
    const auto fr = get("/", {{"accept-language", "fr-CA,fr;q=0.9,en;q=0.5"}});
    EXPECT_NE(fr.body.find("<html lang=\"fr\""), std::string::npos);
    EXPECT_NE(fr.res.header("vary").value_or("").find("Accept-Language"), std::string::npos);
    const auto explicit_en = get("/en/", {{"accept-language", "fr"}});
    EXPECT_NE(explicit_en.body.find("<html lang=\"en\""), std::string::npos);
    EXPECT_NE(explicit_en.body.find("href=\"/en/regions\""), std::string::npos) << "links keep the chosen English";
    EXPECT_NE(get("/").body.find("href=\"/en/\" lang=\"en\""), std::string::npos) << "the switcher names English explicitly";
    EXPECT_NE(get("/", {{"accept-language", "de, ar;q=0.5"}}).body.find("dir=\"rtl\""), std::string::npos);
}

TEST_P(ProgrammeHttp, RegionPagesListTheirContacts) {
    const auto list = get("/regions");
    ASSERT_EQ(list.res.status, 200);
    for (const char* slug : {"north-america", "europe-caribbean", "asia-pacific", "latin-america", "africa-mena"}) {
        EXPECT_NE(list.body.find(std::string("href=\"/regions/") + slug + "\""), std::string::npos) << slug;
        EXPECT_EQ(get(std::string("/regions/") + slug).res.status, 200) << slug;
    }
    const auto ap = get("/es/regions/asia-pacific");
    EXPECT_NE(ap.body.find("href=\"mailto:susana.barria@world-psi.org\""), std::string::npos);
    EXPECT_EQ(ap.body.find("daniel.oberko@world-psi.org"), std::string::npos) << "only this region's contacts";
    const auto africa = get("/regions/africa-mena");
    EXPECT_NE(africa.body.find("mailto:daniel.oberko@world-psi.org"), std::string::npos);
    EXPECT_EQ(get("/regions/atlantis").res.status, 404);
}

TEST_P(ProgrammeHttp, ContactsPageListsTheCooperationGroup) {
    const auto r = get("/fr/contacts");
    ASSERT_EQ(r.res.status, 200);
    for (const char* email : {"daniel.oberko@world-psi.org", "steve.porter@world-psi.org", "gabriel.casnati@world-psi.org",
                              "susana.barria@world-psi.org", "rpond@epsu.org", "daniel.bertossa@world-psi.org",
                              "christina@thewhynotlab.com"})
        EXPECT_NE(r.body.find(std::string("href=\"mailto:") + email + "\""), std::string::npos) << email;
    EXPECT_EQ(count(r.body, "mailto:daniel.bertossa@world-psi.org"), 2u) << "Europe and global level";
}

TEST_P(ProgrammeHttp, UnknownPathGivesTheErrorPageInTheReadersLanguage) {
    const auto r = get("/fr/no-such-page");
    EXPECT_EQ(r.res.status, 404);
    EXPECT_NE(r.body.find("<html lang=\"fr\""), std::string::npos);
    EXPECT_NE(r.body.find("Page introuvable"), std::string::npos);
    EXPECT_NE(r.body.find("<nav class=\"main\""), std::string::npos) << "inside the layout";
}

TEST_P(ProgrammeHttp, EveryResponseCarriesSecurityHeaders) {
    for (const char* target : {"/", "/nowhere", "/healthz", "/regions/asia-pacific"}) {
        const auto r = get(target);
        const auto csp = r.res.header("content-security-policy");
        ASSERT_TRUE(csp) << target;
        EXPECT_NE(csp->find("default-src 'self'"), std::string::npos);
        EXPECT_NE(csp->find("frame-ancestors 'none'"), std::string::npos);
        EXPECT_EQ(csp->find("unsafe-inline"), std::string::npos);
        EXPECT_EQ(r.res.header("x-content-type-options").value_or(""), "nosniff") << target;
        EXPECT_TRUE(r.res.header("referrer-policy")) << target;
    }
}

TEST_P(ProgrammeHttp, PostToAPageIsMethodNotAllowed) {
    const auto r = call(app_->pipeline(), Method::Post, "/", {{"content-type", "application/x-www-form-urlencoded"}}, "a=b");
    EXPECT_EQ(r.res.status, 405);
    const auto allow = r.res.header("allow");
    ASSERT_TRUE(allow);
    EXPECT_NE(allow->find("GET"), std::string::npos);
    EXPECT_NE(allow->find("HEAD"), std::string::npos);
}

TEST_P(ProgrammeHttp, HomePageFitsInFourteenKilobytesGzippedAndNeedsOneStylesheet) {
    const auto r = get("/", {{"accept-encoding", "gzip, deflate"}});
    ASSERT_EQ(r.res.status, 200);
    ASSERT_EQ(r.res.header("content-encoding").value_or(""), "gzip");
    EXPECT_LE(r.res.body.size(), 14u * 1024u);
    // Subresources a browser would fetch: one stylesheet; the icon is inline; no scripts, images or fonts.
    EXPECT_EQ(count(r.body, "rel=\"stylesheet\""), 1u);
    EXPECT_EQ(count(r.body, "<script"), 0u);
    EXPECT_EQ(count(r.body, "<img"), 0u);
    EXPECT_NE(r.body.find("<link rel=\"icon\" href=\"data:,\">"), std::string::npos);
    std::smatch m;
    ASSERT_TRUE(std::regex_search(r.body, m, std::regex("href=\"(/static/app\\.[0-9a-f]{8}\\.css)\"")));
    const auto css = get(m[1].str(), {{"accept-encoding", "gzip"}});
    EXPECT_EQ(css.res.status, 200);
    EXPECT_NE(css.res.header("cache-control").value_or("").find("immutable"), std::string::npos);
}

TEST_P(ProgrammeHttp, SeedingTwiceChangesNothing) {
    const auto before = get("/fr/").body;
    EXPECT_EQ(app_->seed(), 0);
    EXPECT_EQ(get("/fr/").body, before);
}

TEST_P(ProgrammeHttp, BadContentIsReportedAndStoredContentIsKept) {
    namespace fs = std::filesystem;
    const fs::path copy = fs::temp_directory_path() / ("avenir-bad-content-" + std::to_string(::getpid()) + GetParam());
    fs::remove_all(copy);
    fs::copy(std::string(AVENIR_SOURCE_DIR) + "/content", copy, fs::copy_options::recursive);
    std::ofstream(copy / "programme" / "themes.toml", std::ios::app) << "\n[[theme]]\nnumber = \"eight\"\n";
    Config c = test_config(db_->url());
    c.content_dir = copy.string();
    App other(c, false);
    try {
        other.seed();
        FAIL() << "expected ContentError";
    } catch (const programme::ContentError& e) {
        EXPECT_NE(std::string(e.what()).find("themes.toml"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("number"), std::string::npos) << e.what();
    }
    fs::remove_all(copy);
    EXPECT_EQ(get("/").res.status, 200);
    EXPECT_EQ(app_->seed(), 0) << "nothing stored was lost or changed";
}

TEST_P(ProgrammeHttp, ATranslationIsMarkedOutdatedWhenItsEnglishSourceChanges) {
    const std::string note = "The English text has changed since it was translated";
    EXPECT_EQ(get("/fr/").body.find("le texte anglais a changé"), std::string::npos) << "shipped translations are current";
    namespace fs = std::filesystem;
    const fs::path copy = fs::temp_directory_path() / ("avenir-outdated-" + std::to_string(::getpid()) + GetParam());
    fs::remove_all(copy);
    fs::copy(std::string(AVENIR_SOURCE_DIR) + "/content", copy, fs::copy_options::recursive);
    std::ofstream(copy / "programme" / "pages" / "why.en.md", std::ios::app) << "\nOne more English sentence.\n";
    Config c = test_config(db_->url());
    c.content_dir = copy.string();
    c.page_cache_ttl_ms = 0;
    App edited(c, false);
    EXPECT_GT(edited.seed(), 0);
    fs::remove_all(copy);
    const auto fr = call(edited.pipeline(), Method::Get, "/fr/");
    const auto why = fr.body.substr(fr.body.find("id=\"why-title\""));
    EXPECT_NE(why.find("le texte anglais a changé"), std::string::npos) << "the note shows in the changed section";
    EXPECT_EQ(fr.body.substr(0, fr.body.find("id=\"why-title\"")).find("le texte anglais a changé"), std::string::npos)
        << "and only there";
}

TEST_P(ProgrammeHttp, ServerErrorShowsOnlyARequestId) {
    app_->router().get("/boom", [](http::Request&) -> http::Response { throw std::runtime_error("SELECT secret FROM people"); });
    http::Request req;
    req.target = "/es/boom";
    app_->pipeline().prepare(req);
    const auto res = app_->pipeline().handle(req);
    EXPECT_EQ(res.status, 500);
    EXPECT_EQ(res.body.find("SELECT"), std::string::npos);
    EXPECT_NE(res.body.find(req.request_id), std::string::npos);
    EXPECT_NE(res.body.find("<html lang=\"es\""), std::string::npos);
}

TEST_P(ProgrammeHttp, HealthzAnswersWhenTheDatabaseDoes) {
    const auto r = get("/healthz");
    EXPECT_EQ(r.res.status, 200);
    EXPECT_EQ(r.body, "ok\n");
}

TEST_P(ProgrammeHttp, RefusesADatabaseWithANewerSchema) {
    app_->db().exec("INSERT INTO avenir_migrations (module, version, name, applied_at) VALUES ('core', 9999, 'future', 'x')");
    try {
        App newer(test_config(db_->url()), true);
        FAIL() << "expected SchemaError";
    } catch (const storage::SchemaError& e) {
        EXPECT_NE(std::string(e.what()).find("9999"), std::string::npos) << e.what();
    }
}

INSTANTIATE_TEST_SUITE_P(Backends, ProgrammeHttp, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace avenir::testing
