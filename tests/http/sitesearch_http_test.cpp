// The platform search (/search) over the shipped content, on both databases: one query finds the
// guide's workshops and steps and the library's resources on one page, grouped with counts; titles
// are whole; Arabic clitics are understood; and a source's restricted documents are neither shown
// nor counted to a reader who may not see them (visibility is applied inside the query).
#include <gtest/gtest.h>

#include <regex>

#include "core/auth/principal.hpp"
#include "core/auth/roles.hpp"
#include "core/kit/module.hpp"
#include "core/search/index.hpp"
#include "persona_fixture.hpp"

namespace avenir::testing {
namespace {

// A source with one public and one restricted note, visible to coordinators and admins only.
class NotesModule final : public kit::Module {
public:
    std::string name() const override { return "notes"; }
    void start(kit::Context& ctx, kit::Registration& reg) override {
        ctx.db.with_tx([](storage::Transaction& tx) {
            search::SearchIndex(tx).replace("notes", {{"public", "en", "Zanzibar public note", "Open to everyone.", "/notes/public", ""},
                                                      {"staff", "en", "Zanzibar staff note", "Only for staff.", "/notes/staff", "staff"}});
        });
        reg.provide(kit::SearchSource{.kind = "notes", .label = "Notes", .order = 90, .audiences = [](http::Request& req) {
            const auto* who = auth::current_principal(req);
            return who && (auth::is_coordinator(*who) || auth::is_admin(*who)) ? std::vector<std::string>{"staff"} : std::vector<std::string>{};
        }});
    }
};

class SiteSearch : public ::testing::TestWithParam<std::string> {
protected:
    void SetUp() override {
        std::vector<std::unique_ptr<kit::Module>> extra;
        extra.push_back(std::make_unique<NotesModule>());
        world_ = std::make_unique<PersonaApp>(GetParam(), std::move(extra));
        if (!world_->ready()) GTEST_SKIP() << "no PostgreSQL (AVENIR_TEST_PG_DSN)";
    }
    Reply get(const std::string& target, int persona = 0) {
        return call(world_->app().pipeline(), http::Method::Get, target, world_->visitor(persona, accounts::random_token()));
    }
    static int count_of(const std::string& body, const std::string& kind) {
        std::smatch m;
        const std::regex re("<h2 id=\"g-" + kind + "\">[^<]*<span class=\"count\">\\((\\d+)\\)</span>");
        return std::regex_search(body, m, re) ? std::stoi(m[1]) : 0;
    }
    std::unique_ptr<PersonaApp> world_;
};

TEST_P(SiteSearch, OneQueryFindsWorkshopsAndResourcesGroupedWithCounts) {
    const auto r = get("/search?q=surveillance");
    ASSERT_EQ(r.res.status, 200);
    EXPECT_GT(count_of(r.body, "guide"), 0) << "workshops and steps about surveillance";
    EXPECT_GT(count_of(r.body, "library"), 0) << "library resources about surveillance";
    EXPECT_NE(r.body.find("href=\"/guide/"), std::string::npos);
    EXPECT_NE(r.body.find("href=\"/library/"), std::string::npos);
    EXPECT_NE(r.body.find("<mark>"), std::string::npos);
    // One kind, page by page, with the same counts in the kinds list.
    const auto only = get("/search?q=surveillance&kind=guide");
    ASSERT_EQ(only.res.status, 200);
    EXPECT_EQ(count_of(only.body, "guide"), count_of(r.body, "guide"));
    EXPECT_EQ(only.body.find("id=\"g-library\""), std::string::npos);
}

TEST_P(SiteSearch, TitlesAreShownWholeWithTheMatchHighlighted) {
    const auto r = get("/fr/search?q=deconnexion");
    ASSERT_EQ(r.res.status, 200);
    EXPECT_NE(r.body.find("Télétravail et droit à la <mark>déconnexion</mark> : points de négociation pour l&#39;Europe et les Caraïbes"),
              std::string::npos);
}

TEST_P(SiteSearch, AnArabicQueryWithAnAttachedPrepositionFindsArabicResources) {
    // "للبيانات" (for the data) finds the Arabic texts that say "البيانات" (the data).
    const auto r = get("/ar/search?q=" + http::url_encode("للبيانات"));
    ASSERT_EQ(r.res.status, 200);
    EXPECT_GT(count_of(r.body, "library"), 0);
    EXPECT_NE(r.body.find("<mark>البيانات</mark>"), std::string::npos);
}

TEST_P(SiteSearch, RestrictedDocumentsAreNeitherShownNorCounted) {
    for (int persona : {0, 1, 2}) {
        const auto r = get("/search?q=zanzibar", persona);
        EXPECT_EQ(count_of(r.body, "notes"), 1) << "persona " << persona;
        EXPECT_NE(r.body.find("<mark>Zanzibar</mark> public note"), std::string::npos);
        EXPECT_EQ(r.body.find("staff note"), std::string::npos) << "persona " << persona;
        EXPECT_NE(r.body.find("Everything <span class=\"count\">(1)</span>"), std::string::npos) << "persona " << persona;
    }
    for (int persona : {3, 4}) {
        const auto r = get("/search?q=zanzibar", persona);
        EXPECT_EQ(count_of(r.body, "notes"), 2) << "persona " << persona;
        EXPECT_NE(r.body.find("<mark>Zanzibar</mark> staff note"), std::string::npos);
    }
    const auto staff_only = get("/search?q=zanzibar+staff&kind=notes", 1);
    EXPECT_EQ(staff_only.body.find("staff note"), std::string::npos);
}

TEST_P(SiteSearch, EveryPageHasTheSearchFieldAndBadInputIsAnswered) {
    const auto home = get("/es/");
    EXPECT_NE(home.body.find("<form class=\"find\" role=\"search\" action=\"/es/search\""), std::string::npos);
    EXPECT_EQ(get("/search?q=surveillance&kind=nothing").res.status, 404);
    EXPECT_EQ(get("/search?q=%22%22%22+OR+-").res.status, 200);
    EXPECT_EQ(get("/search").res.status, 200);
    const auto nothing = get("/search?q=zzqxw");
    EXPECT_NE(nothing.body.find("Nothing found"), std::string::npos) << nothing.body;
}

INSTANTIATE_TEST_SUITE_P(Backends, SiteSearch, ::testing::Values("sqlite", "postgres"), [](const auto& info) { return info.param; });

}  // namespace
}  // namespace avenir::testing
