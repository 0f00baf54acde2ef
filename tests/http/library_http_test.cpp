// The library over HTTP, on both backends: browsing with facets, search (cases, bad input never a
// 500), a resource with its language versions, region pages, editing with regional rights,
// uploads checked by content, downloads with Range, Atom feeds read by a real feed parser.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include "http_fixture.hpp"

namespace avenir::testing {
namespace {
constexpr const char* kPassword = "violet-tractor-harbour-91";

std::string minimal_pdf() {
    return "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n"
           "trailer << /Root 1 0 R >>\n%%EOF\n";
}

class LibraryHttp : public ::testing::TestWithParam<std::string> {
protected:
    void SetUp() override {
        db_ = std::make_unique<TestDatabase>(GetParam());
        if (pg_unavailable(*db_)) GTEST_SKIP() << "AVENIR_TEST_PG_DSN not set; make test provides one";
        auto config = test_config(db_->url());
        config.set("library.max_upload_mb", "1");
        app_ = std::make_unique<App>(config, true);
        app_->seed();
        app_->module<accounts::AccountsModule>().create_user("dro@example.org", "DRO", kPassword);
        app_->module<accounts::AccountsModule>().grant("dro@example.org", {"dro", "region", "asia-pacific"});
        app_->module<accounts::AccountsModule>().create_user("member@example.org", "Member", kPassword);
        std::istringstream lines(
            R"({"title":"Négociation collective et algorithmes","summary":"Préparer la table de négociation.","body":"Le **numérique** change le travail.","lang":"fr","regions":["asia-pacific"],"themes":["bargaining"],"type":"guide","date":"2024-05-01","publisher":"PSI","key":true})"
            "\n"
            R"({"title":"Trabajador y datos","summary":"Derechos del trabajador.","body":"Guía breve.","lang":"es","regions":"latin-america","themes":[3],"type":"publication","date":"2023"})"
            "\n"
            R"({"title":"Workers and scheduling software","summary":"What workers report.","body":"Notes from tax offices.","lang":"en","regions":["asia-pacific"],"themes":["data-ai"],"type":"article","date":"2022-02-03"})"
            "\n");
        const auto summary = app_->module<library::LibraryModule>().import_jsonl(lines);
        ASSERT_TRUE(summary.errors.empty()) << summary.errors.front().second;
        ASSERT_EQ(summary.imported, 3u);
    }
    Reply get(const std::string& target) { return call(app_->pipeline(), http::Method::Get, target); }
    std::unique_ptr<Browser> signed_in(const std::string& email) { return signed_in_browser(app_->pipeline(), email, kPassword); }
    std::int64_t id_of(const std::string& title) {
        for (const auto& h : app_->module<library::LibraryModule>().store().browse({}, 0, 100).hits)
            if (h.resource.versions.front().title == title) return h.resource.id;
        return 0;
    }
    std::unique_ptr<TestDatabase> db_;
    std::unique_ptr<App> app_;
};

TEST_P(LibraryHttp, BrowsingShowsFacetsWithCountsThatCombine) {
    auto r = get("/library");
    ASSERT_EQ(r.res.status, 200);
    EXPECT_NE(r.body.find("Négociation collective et algorithmes"), std::string::npos);
    EXPECT_NE(r.body.find("(3)"), std::string::npos);  // total
    r = get("/library?region=asia-pacific&type=article");
    ASSERT_EQ(r.res.status, 200);
    EXPECT_NE(r.body.find("Workers and scheduling software"), std::string::npos);
    EXPECT_EQ(r.body.find("Négociation collective"), std::string::npos);
    r = get("/library?region=asia-pacific&type=article&year=2023");
    EXPECT_NE(r.body.find("No resource matches"), std::string::npos);
}

TEST_P(LibraryHttp, SearchFindsStemsAndAccentsAndHighlights) {
    auto r = get("/fr/library/search?q=n%C3%A9gociations");
    ASSERT_EQ(r.res.status, 200);
    EXPECT_NE(r.body.find("<mark>Négociation</mark> collective et algorithmes"), std::string::npos);  // title highlighted
    r = get("/library/search?q=numerique");
    EXPECT_NE(r.body.find("<mark>"), std::string::npos);
    r = get("/library/search?q=trabajadores");
    EXPECT_NE(r.body.find("<mark>Trabajador</mark> y datos"), std::string::npos);
    r = get("/library/search?q=worker&region=latin-america");
    EXPECT_EQ(r.body.find("Workers and scheduling"), std::string::npos);
}

TEST_P(LibraryHttp, BadSearchInputIsNeverAServerError) {
    const std::string big(10 * 1024, 'x');
    for (const std::string q : {std::string("%22unbalanced"), std::string("OR"), std::string("-"), std::string("AND%20NOT%20*"),
                                big, std::string("%01%02%1F"), std::string("%FF%FE"), std::string("(((%22"), std::string("NEAR(a%20b)")}) {
        const auto r = get("/library/search?q=" + q);
        EXPECT_EQ(r.res.status, 200) << q.substr(0, 30);
    }
    EXPECT_NE(get("/library/search?q=" + big).body.find("only its beginning"), std::string::npos);
}

TEST_P(LibraryHttp, AResourceShowsItsVersionsAndTheRegionPageListsKeyPublicationsFirst) {
    const auto id = id_of("Négociation collective et algorithmes");
    ASSERT_GT(id, 0);
    auto r = get("/library/" + std::to_string(id));
    ASSERT_EQ(r.res.status, 200);
    EXPECT_NE(r.body.find("lang=\"fr\""), std::string::npos);
    EXPECT_NE(r.body.find("<strong>numérique</strong>"), std::string::npos);
    EXPECT_EQ(get("/library/999999").res.status, 404);
    r = get("/regions/asia-pacific");
    ASSERT_EQ(r.res.status, 200);
    const auto key = r.body.find("Key publications"), latest = r.body.find("Latest resources");
    ASSERT_NE(key, std::string::npos);
    ASSERT_NE(latest, std::string::npos);
    EXPECT_LT(key, latest);
    EXPECT_LT(r.body.find("Négociation collective"), r.body.find("Workers and scheduling"));
}

TEST_P(LibraryHttp, EditorsCreateInTheirRegionsAndBadInputKeepsWhatWasTyped) {
    auto member = signed_in("member@example.org");
    EXPECT_EQ(member->get("/library/new").res.status, 403);
    auto dro = signed_in("dro@example.org");
    ASSERT_EQ(dro->get("/library/new").res.status, 200);
    const std::size_t before = static_cast<std::size_t>(app_->module<library::LibraryModule>().store().count());
    auto bad = dro->post("/library/new", {{"type", "publication"}, {"date", "2024-13-40"}, {"regions", "asia-pacific"}, {"title_en", "Kept title"}});
    EXPECT_EQ(bad.res.status, 422);
    EXPECT_NE(bad.body.find("date"), std::string::npos);
    EXPECT_NE(bad.body.find("Kept title"), std::string::npos);
    auto elsewhere = dro->post("/library/new", {{"type", "publication"}, {"date", "2024-01-01"}, {"regions", "africa-mena"}, {"title_en", "Not mine"}});
    EXPECT_EQ(elsewhere.res.status, 422);
    EXPECT_EQ(static_cast<std::size_t>(app_->module<library::LibraryModule>().store().count()), before);
    auto ok = dro->post("/library/new", {{"type", "slides"}, {"date", "2024-01-01"}, {"regions", "asia-pacific"}, {"themes", "joint-governance"},
                                         {"title_en", "Slides on joint governance"}, {"title_ar", "الحوكمة المشتركة"}});
    ASSERT_EQ(ok.res.status, 303);
    EXPECT_EQ(static_cast<std::size_t>(app_->module<library::LibraryModule>().store().count()), before + 1);
    const std::string where(*ok.res.header("location"));
    auto page = dro->get(where + "?lang=ar");
    EXPECT_NE(page.body.find("الحوكمة المشتركة"), std::string::npos);
    EXPECT_NE(page.body.find("dir=\"rtl\""), std::string::npos);
    // Another region's resource is not theirs to edit.
    const auto other = id_of("Trabajador y datos");
    EXPECT_EQ(dro->get("/library/" + std::to_string(other) + "/edit").res.status, 403);
}

TEST_P(LibraryHttp, UploadsAreCheckedByContentStoredByHashAndServedWithRanges) {
    const auto id = id_of("Négociation collective et algorithmes");
    auto dro = signed_in("dro@example.org");
    dro->get("/library/" + std::to_string(id));
    auto html = dro->post_file("/library/" + std::to_string(id) + "/files", {{"lang", "fr"}}, "file", "report.pdf", "<html><body>not a pdf</body></html>");
    EXPECT_EQ(html.res.status, 422);
    EXPECT_NE(html.body.find("PDF, ODT"), std::string::npos);
    dro->get("/library/" + std::to_string(id));
    auto big = dro->post_file("/library/" + std::to_string(id) + "/files", {{"lang", "fr"}}, "file", "big.pdf", minimal_pdf() + std::string(1200000, ' '));
    EXPECT_EQ(big.res.status, 422);
    EXPECT_NE(big.body.find("1 MB"), std::string::npos);
    dro->get("/library/" + std::to_string(id));
    const std::string pdf = minimal_pdf();
    auto ok = dro->post_file("/library/" + std::to_string(id) + "/files", {{"lang", "fr"}}, "file", "../../etc/Rapport \"final\".exe", pdf);
    ASSERT_EQ(ok.res.status, 303) << ok.body.substr(0, 400);
    const auto r = app_->module<library::LibraryModule>().store().get(id);
    ASSERT_EQ(r->versions.front().files.size(), 1u);
    const auto f = r->versions.front().files.front();
    EXPECT_EQ(f.content_type, "application/pdf");
    EXPECT_EQ(f.name.find('/'), std::string::npos);
    EXPECT_TRUE(f.name.ends_with(".pdf"));
    const std::string url = "/library/" + std::to_string(id) + "/files/" + std::to_string(f.id);
    auto whole = get(url);
    ASSERT_EQ(whole.res.status, 200);
    ASSERT_TRUE(whole.res.file.has_value());
    EXPECT_EQ(whole.res.file->length, pdf.size());
    EXPECT_EQ(*whole.res.header("content-type"), "application/pdf");
    EXPECT_NE(std::string(*whole.res.header("content-disposition")).find("filename*=UTF-8''"), std::string::npos);
    std::ifstream in(whole.res.file->path, std::ios::binary);
    std::string stored((std::istreambuf_iterator<char>(in)), {});
    EXPECT_EQ(stored, pdf);
    EXPECT_NE(whole.res.file->path.find(std::string(*whole.res.header("etag")).substr(1, 64)), std::string::npos);  // by content hash
    auto part = call(app_->pipeline(), http::Method::Get, url, {{"range", "bytes=10-19"}});
    EXPECT_EQ(part.res.status, 206);
    EXPECT_EQ(part.res.file->offset, 10u);
    EXPECT_EQ(part.res.file->length, 10u);
}

TEST_P(LibraryHttp, AtomFeedsParseInARealFeedParser) {
    for (const std::string target : {"/library/feed.atom", "/library/feeds/regions/asia-pacific", "/library/feeds/themes/bargaining", "/fr/library/feed.atom"}) {
        const auto r = get(target);
        ASSERT_EQ(r.res.status, 200) << target;
        EXPECT_TRUE(std::string(*r.res.header("content-type")).starts_with("application/atom+xml"));
        const auto path = std::filesystem::temp_directory_path() / ("avenir-feed-" + std::to_string(::getpid()) + ".xml");
        std::ofstream(path) << r.body;
        std::string python = "/usr/bin/python3";
        if (const char* p = std::getenv("AVENIR_FEED_PYTHON")) python = p;
        const std::string cmd = python + " " + std::string(AVENIR_SOURCE_DIR) + "/tests/feeds/check_atom.py " + path.string() + " --min-entries 1";
        EXPECT_EQ(std::system(cmd.c_str()), 0) << target << "\n" << r.body.substr(0, 600);
        std::filesystem::remove(path);
    }
    EXPECT_EQ(get("/library/feeds/regions/atlantis").res.status, 404);
}

INSTANTIATE_TEST_SUITE_P(Backends, LibraryHttp, ::testing::Values("sqlite", "postgres"), [](const auto& info) { return info.param; });

}  // namespace
}  // namespace avenir::testing
