// The page cache with signed-in readers, on both databases: readers allowed the same things share a
// rendered page (one statement: their session), readers allowed more get their own variant, and a
// page holding a CSRF token is never kept.
#include <gtest/gtest.h>

#include "storage/database.hpp"
#include "tests/http/persona_fixture.hpp"

namespace avenir::testing {
namespace {

class PageCacheHttp : public ::testing::TestWithParam<std::string> {
protected:
    void SetUp() override {
        world_ = std::make_unique<PersonaApp>(GetParam(), std::vector<std::unique_ptr<kit::Module>>{});
        if (!world_->ready() && pg_unavailable(world_->database())) GTEST_SKIP() << "no PostgreSQL (AVENIR_TEST_PG_DSN)";
        world_->app().page_cache().clear();
    }
    // GET path as persona i; the statements it ran and the page.
    std::pair<std::uint64_t, std::string> get(int persona, const std::string& path) {
        auto headers = world_->visitor(persona, accounts::random_token());
        const auto before = storage::statements_on_this_thread();
        const auto r = call(world_->app().pipeline(), http::Method::Get, path, headers);
        EXPECT_EQ(r.res.status, 200) << path;
        return {storage::statements_on_this_thread() - before, r.body};
    }
    std::unique_ptr<PersonaApp> world_;
};

constexpr int kMemberA = 1, kMemberB = 2, kCoordinator = 3, kAdmin = 4;

TEST_P(PageCacheHttp, ReadersAllowedTheSameThingsShareAPage) {
    const std::string path = "/guide/why-data-and-ai-matter";
    auto& cache = world_->app().page_cache();
    const auto hits = cache.hits();
    const auto first = get(kMemberA, path);
    EXPECT_EQ(cache.hits(), hits) << "the first reader's page is rendered";
    const auto second = get(kMemberB, path);
    EXPECT_EQ(cache.hits(), hits + 1) << "the second reader's comes from the cache";
    EXPECT_EQ(second.first, 1u) << "and costs only their session";
    EXPECT_EQ(first.second, second.second);
}

TEST_P(PageCacheHttp, AReaderAllowedMoreGetsTheirOwnVariant) {
    const std::string path = "/guide/why-data-and-ai-matter";
    const auto editor = get(kCoordinator, path);  // coordinators edit the guide
    const auto member = get(kMemberA, path);
    EXPECT_NE(editor.second.find("/edit"), std::string::npos) << "the editor sees the edit link";
    EXPECT_EQ(member.second.find("/edit"), std::string::npos) << "a member never gets the editor's page";
    EXPECT_EQ(world_->app().page_cache().stores(), 2u) << "one page per variant";
}

TEST_P(PageCacheHttp, APageWithAFormTokenIsNeverKept) {
    // A resource page is cached for readers, but an editor's copy holds the upload and delete forms
    // with this visitor's CSRF token: rendered every time, never shared.
    auto& cache = world_->app().page_cache();
    const auto stores = cache.stores();
    const auto first = get(kAdmin, "/library/1");
    const auto second = get(kAdmin, "/library/1");
    EXPECT_NE(first.second.find("name=\"_csrf\""), std::string::npos);
    EXPECT_EQ(cache.stores(), stores) << "the editor's page was kept";
    EXPECT_NE(first.second, second.second) << "each load carries its own token";
    const auto reader = get(kMemberA, "/library/1");
    EXPECT_EQ(reader.second.find("name=\"_csrf\""), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Backends, PageCacheHttp, ::testing::Values("sqlite", "postgres"), [](const auto& info) { return info.param; });

}  // namespace
}  // namespace avenir::testing
