// GET /metrics on both databases: served to the addresses of server.metrics_allow only (the
// address after X-Forwarded-For from a trusted proxy), with the platform's gauges.
#include <gtest/gtest.h>

#include "tests/http/persona_fixture.hpp"

namespace avenir::testing {
namespace {

class MetricsHttp : public ::testing::TestWithParam<std::string> {
protected:
    void SetUp() override {
        world_ = std::make_unique<PersonaApp>(GetParam(), std::vector<std::unique_ptr<kit::Module>>{});
        if (!world_->ready() && pg_unavailable(world_->database())) GTEST_SKIP() << "no PostgreSQL (AVENIR_TEST_PG_DSN)";
    }
    http::Response get_from(const std::string& address) {
        http::Request req;
        req.method = http::Method::Get;
        req.target = "/metrics";
        req.remote_address = address;
        world_->app().pipeline().prepare(req);
        return world_->app().pipeline().handle(req);
    }
    std::unique_ptr<PersonaApp> world_;
};

TEST_P(MetricsHttp, LoopbackReadsThePlatformsFiguresAndOthersAreRefused) {
    world_->app().mail_queue().send({"someone@example.org", "Subject", "Text\n", "en"});
    const auto res = get_from("127.0.0.1");
    ASSERT_EQ(res.status, 200) << res.body;
    EXPECT_EQ(res.header("content-type").value_or(""), "text/plain; version=0.0.4; charset=utf-8");
    EXPECT_EQ(res.header("cache-control").value_or(""), "no-store");
    const std::string& text = res.body;
    for (const char* family : {"avenir_http_requests_total", "avenir_db_pool_open", "avenir_db_pool_in_use", "avenir_db_up",
                               "avenir_db_statements_total", "avenir_job_runs_total", "avenir_page_cache_entries",
                               "process_resident_memory_bytes", "process_start_time_seconds"})
        EXPECT_NE(text.find(std::string("# TYPE ") + family + " "), std::string::npos) << family << "\n" << text;
    EXPECT_NE(text.find("avenir_mail_queue_depth 1\n"), std::string::npos) << text;
    EXPECT_NE(text.find("avenir_job_runs_total{job=\"accounts.purge_expired\"}"), std::string::npos) << text;
    EXPECT_EQ(text.find("someone@example.org"), std::string::npos);

    EXPECT_EQ(get_from("192.0.2.1").status, 403);
    EXPECT_EQ(get_from("").status, 403);
}

TEST_P(MetricsHttp, AForwardedAddressFromAnUntrustedPeerChangesNothing) {
    // The persona app trusts no proxy: a visitor cannot claim to be loopback.
    http::Request req;
    req.method = http::Method::Get;
    req.target = "/metrics";
    req.remote_address = "192.0.2.1";
    req.headers = {{"x-forwarded-for", "127.0.0.1"}};
    world_->app().pipeline().prepare(req);
    EXPECT_EQ(world_->app().pipeline().handle(req).status, 403);
}

INSTANTIATE_TEST_SUITE_P(Backends, MetricsHttp, ::testing::Values("sqlite", "postgres"), [](const auto& info) { return info.param; });

}  // namespace
}  // namespace avenir::testing
