#include "core/http/health.hpp"

#include <gtest/gtest.h>

#include <thread>

using namespace avenir::http;

TEST(Health, AnswersOkWhenTheProbeDoesAndServiceUnavailableOtherwise) {
    Request req;
    bool up = true;
    HealthProbe probe([&] { return up; }, std::chrono::milliseconds(0));
    const Handler h = health_handler(probe);
    Response res = h(req);
    EXPECT_EQ(res.status, 200);
    EXPECT_EQ(res.body, "ok\n");
    EXPECT_EQ(res.header("cache-control").value_or(""), "no-store");
    up = false;
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
    res = h(req);
    EXPECT_EQ(res.status, 503);
}

TEST(Health, AnswersFromTheLastProbeUntilItIsStale) {
    int probes = 0;
    HealthProbe probe([&] { return ++probes > 0; }, std::chrono::seconds(60));
    EXPECT_TRUE(probe.up());
    EXPECT_TRUE(probe.up());
    EXPECT_EQ(probes, 1);  // the second check did not probe again
    probe.refresh();       // the maintenance thread's refresh
    EXPECT_EQ(probes, 2);
}
