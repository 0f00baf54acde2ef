#include "core/http/health.hpp"

#include <gtest/gtest.h>

using namespace avenir::http;

TEST(Health, AnswersOkWhenTheProbeDoesAndServiceUnavailableOtherwise) {
    Request req;
    bool up = true;
    const Handler h = health_handler([&] { return up; });
    Response res = h(req);
    EXPECT_EQ(res.status, 200);
    EXPECT_EQ(res.body, "ok\n");
    EXPECT_EQ(res.header("cache-control").value_or(""), "no-store");
    up = false;
    res = h(req);
    EXPECT_EQ(res.status, 503);
}
