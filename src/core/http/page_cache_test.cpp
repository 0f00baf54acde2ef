// The page cache's expiry: fresh hits, one caller chosen to render an expired page while the others
// keep the expired one (no stampede), and the limits of that grace. Times are generous: the
// assertions are about order, not speed.
#include "core/http/page_cache.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

#include "core/http/pipeline.hpp"
#include "core/http/router.hpp"
#include "core/log.hpp"

using namespace avenir::http;
using namespace std::chrono_literals;

namespace {

Response page(const std::string& body) { return Response::html(body); }

TEST(PageCache, AFreshEntryAnswersEveryCaller) {
    PageCache cache(10s);
    EXPECT_EQ(cache.find("/"), nullptr);
    cache.store("/", page("one"));
    for (int i = 0; i < 3; ++i) {
        const auto found = cache.lookup("/");
        ASSERT_NE(found.page, nullptr);
        EXPECT_FALSE(found.refresh);
        EXPECT_EQ(found.page->response.body, "one");
    }
    EXPECT_EQ(cache.hits(), 3u);
}

TEST(PageCache, AnExpiredEntryChoosesOneCallerToRenderAndServesTheOthersTheOldPage) {
    PageCache cache(30ms, 1024, 60s, 60s);
    cache.store("/", page("old"));
    std::this_thread::sleep_for(80ms);

    const auto first = cache.lookup("/");
    EXPECT_TRUE(first.refresh);
    EXPECT_EQ(first.page, nullptr);
    for (int i = 0; i < 5; ++i) {
        const auto other = cache.lookup("/");
        EXPECT_FALSE(other.refresh) << "only one caller renders";
        ASSERT_NE(other.page, nullptr);
        EXPECT_EQ(other.page->response.body, "old");
    }
    cache.store("/", page("new"));
    const auto after = cache.lookup("/");
    EXPECT_FALSE(after.refresh);
    ASSERT_NE(after.page, nullptr);
    EXPECT_EQ(after.page->response.body, "new");
}

TEST(PageCache, AnAbandonedRefreshLetsTheNextCallerTry) {
    PageCache cache(30ms, 1024, 60s, 60s);
    cache.store("/", page("old"));
    std::this_thread::sleep_for(80ms);
    ASSERT_TRUE(cache.lookup("/").refresh);
    EXPECT_FALSE(cache.lookup("/").refresh);
    cache.abandon("/");
    EXPECT_TRUE(cache.lookup("/").refresh);
}

TEST(PageCache, ARefreshThatNeverEndsIsHandedToAnotherCallerAfterItsTimeout) {
    PageCache cache(30ms, 1024, 60s, 100ms);
    cache.store("/", page("old"));
    std::this_thread::sleep_for(80ms);
    ASSERT_TRUE(cache.lookup("/").refresh);
    EXPECT_FALSE(cache.lookup("/").refresh);
    std::this_thread::sleep_for(250ms);
    EXPECT_TRUE(cache.lookup("/").refresh);
}

TEST(PageCache, AnEntryPastItsGraceIsAPlainMiss) {
    PageCache cache(30ms, 1024, 50ms, 60s);
    cache.store("/", page("old"));
    std::this_thread::sleep_for(250ms);
    const auto found = cache.lookup("/");
    EXPECT_EQ(found.page, nullptr);
    EXPECT_FALSE(found.refresh) << "no old page to hand out: every caller renders";
    EXPECT_FALSE(cache.lookup("/").refresh);
}

TEST(PageCache, ClearForgetsExpiredPagesToo) {
    PageCache cache(30ms, 1024, 60s, 60s);
    cache.store("/", page("old"));
    std::this_thread::sleep_for(80ms);
    cache.clear();
    const auto found = cache.lookup("/");
    EXPECT_EQ(found.page, nullptr);
    EXPECT_FALSE(found.refresh);
}

// Through the pipeline: many visitors asking for an expired page at once cause one render, and
// none of them waits for it (the others get the old page on the io thread's path).
TEST(PageCachePipeline, ManyVisitorsOfAnExpiredPageCauseOneRender) {
    avenir::log::set_file("/dev/null");
    std::atomic<int> renders{0};
    Router router;
    router.get(
        "/",
        [&](Request&) {
            const int n = ++renders;
            std::this_thread::sleep_for(50ms);  // a slow render: the others must not wait for it
            return Response::html("render " + std::to_string(n));
        },
        RouteOptions{.cache_anonymous = true});
    PageCache cache(30ms, 1024, 60s, 60s);
    PipelineOptions options;
    options.page_cache = &cache;
    Pipeline pipeline(router, options);
    auto request = [&] {
        Request req;
        req.method = Method::Get;
        req.target = "/";
        pipeline.prepare(req);
        return req;
    };

    Request first = request();
    EXPECT_EQ(pipeline.handle(first).body, "render 1");
    std::this_thread::sleep_for(80ms);

    // The first visitor after expiry is chosen on the inline path and renders on a worker.
    Request chosen = request();
    EXPECT_FALSE(pipeline.try_inline(chosen).has_value());
    std::thread worker([&] { EXPECT_EQ(pipeline.handle(chosen).body, "render 2"); });
    std::this_thread::sleep_for(10ms);
    // Meanwhile everyone else is answered inline with the old page, without rendering.
    for (int i = 0; i < 20; ++i) {
        Request other = request();
        const auto answer = pipeline.try_inline(other);
        ASSERT_TRUE(answer.has_value()) << "visitor " << i << " would have queued for a render";
        EXPECT_EQ(answer->body, "render 1");
    }
    worker.join();
    EXPECT_EQ(renders.load(), 2);
    Request later = request();
    const auto answer = pipeline.try_inline(later);
    ASSERT_TRUE(answer.has_value());
    EXPECT_EQ(answer->body, "render 2");
    avenir::log::set_file("");
}

}  // namespace
