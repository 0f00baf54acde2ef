// The Prometheus text of /metrics: counters by route pattern and status, cumulative histogram
// buckets, escaping, and collectors added and removed.
#include "core/http/metrics.hpp"

#include <gtest/gtest.h>

namespace avenir::http {
namespace {

Router two_routes() {
    Router r;
    r.get("/guide/{slug}", [](Request&) { return Response{}; });
    r.post("/library/new", [](Request&) { return Response{}; });
    return r;
}

TEST(Metrics, CountsByRoutePatternAndStatusWithCumulativeBuckets) {
    const Router router = two_routes();
    Metrics m(router);
    m.observe(0, 200, 0.0004);
    m.observe(0, 200, 0.03);
    m.observe(0, 404, 0.002);
    m.observe(1, 303, 7.0);
    m.observe(-1, 418, 0.001);  // no route, a status outside the list
    const std::string text = m.render();
    EXPECT_NE(text.find("# TYPE avenir_http_requests_total counter\n"), std::string::npos) << text;
    EXPECT_NE(text.find("avenir_http_requests_total{method=\"GET\",route=\"/guide/{slug}\",status=\"200\"} 2\n"), std::string::npos) << text;
    EXPECT_NE(text.find("avenir_http_requests_total{method=\"GET\",route=\"/guide/{slug}\",status=\"404\"} 1\n"), std::string::npos);
    EXPECT_NE(text.find("avenir_http_requests_total{method=\"POST\",route=\"/library/new\",status=\"303\"} 1\n"), std::string::npos);
    EXPECT_NE(text.find("avenir_http_requests_total{method=\"\",route=\"(unmatched)\",status=\"other\"} 1\n"), std::string::npos);
    // 0.0004 and 0.002 are at or under 0.0025; 0.03 only from 0.05 on.
    EXPECT_NE(text.find("avenir_http_request_duration_seconds_bucket{method=\"GET\",route=\"/guide/{slug}\",le=\"0.001\"} 1\n"), std::string::npos) << text;
    EXPECT_NE(text.find("avenir_http_request_duration_seconds_bucket{method=\"GET\",route=\"/guide/{slug}\",le=\"0.0025\"} 2\n"), std::string::npos);
    EXPECT_NE(text.find("avenir_http_request_duration_seconds_bucket{method=\"GET\",route=\"/guide/{slug}\",le=\"0.025\"} 2\n"), std::string::npos);
    EXPECT_NE(text.find("avenir_http_request_duration_seconds_bucket{method=\"GET\",route=\"/guide/{slug}\",le=\"0.05\"} 3\n"), std::string::npos);
    EXPECT_NE(text.find("avenir_http_request_duration_seconds_bucket{method=\"POST\",route=\"/library/new\",le=\"5\"} 0\n"), std::string::npos);
    EXPECT_NE(text.find("avenir_http_request_duration_seconds_bucket{method=\"POST\",route=\"/library/new\",le=\"+Inf\"} 1\n"), std::string::npos);
    EXPECT_NE(text.find("avenir_http_request_duration_seconds_count{method=\"GET\",route=\"/guide/{slug}\"} 3\n"), std::string::npos);
    EXPECT_EQ(text.find("status=\"500\""), std::string::npos) << "series never seen are left out";
}

TEST(Metrics, CollectorsAreAppendedUntilRemovedAndLabelsEscaped) {
    const Router router = two_routes();
    Metrics m(router);
    const int id = m.add_collector([](std::string& out) {
        Metrics::family(out, "avenir_test_gauge", "gauge", "A test.");
        Metrics::sample(out, "avenir_test_gauge", "job=\"" + Metrics::label_value("a\"b\\c") + "\"", 2.5);
    });
    std::string text = m.render();
    EXPECT_NE(text.find("# TYPE avenir_test_gauge gauge\navenir_test_gauge{job=\"a\\\"b\\\\c\"} 2.5\n"), std::string::npos) << text;
    m.remove_collector(id);
    text = m.render();
    EXPECT_EQ(text.find("avenir_test_gauge"), std::string::npos);
}

}  // namespace
}  // namespace avenir::http
