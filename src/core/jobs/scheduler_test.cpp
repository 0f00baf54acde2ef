// Periodic jobs run once per deployment: several schedulers (as several instances) over one
// database, on SQLite and PostgreSQL.
#include "core/jobs/scheduler.hpp"

#include <atomic>
#include <thread>

#include "storage/store_test_support.hpp"

namespace avenir::jobs {
namespace {
using namespace std::chrono_literals;

class SchedulerTest : public storage::testing::StoreConformance {
protected:
    void SetUp() override {
        StoreConformance::SetUp();
        if (IsSkipped() || HasFatalFailure()) return;
        storage::migrate(db());
    }
};

TEST_P(SchedulerTest, TwoInstancesRunADueJobOnce) {
    std::atomic<int> ran{0};
    Scheduler a(db(), "a"), b(db(), "b");
    a.every("test.job", 1h, [&] { ++ran; });
    b.every("test.job", 1h, [&] { ++ran; });
    EXPECT_EQ(a.run_due() + b.run_due(), 1);
    EXPECT_EQ(a.run_due() + b.run_due(), 0);  // not due again for an hour
    EXPECT_EQ(ran.load(), 1);
    const auto st = a.status();
    ASSERT_EQ(st.size(), 1u);
    EXPECT_EQ(st[0].name, "test.job");
    EXPECT_EQ(st[0].runs, 1);
    EXPECT_GT(st[0].last_run_ms, 0);
}

TEST_P(SchedulerTest, RacingInstancesNeverRunTheSameRoundTwice) {
    std::atomic<int> ran{0};
    std::vector<std::unique_ptr<Scheduler>> instances;
    for (int i = 0; i < 4; ++i) {
        instances.push_back(std::make_unique<Scheduler>(db(), "i" + std::to_string(i)));
        instances.back()->every("test.race", 1h, [&] { ++ran; std::this_thread::sleep_for(20ms); });
        instances.back()->run_due();  // declares the row; only the first of them runs it
    }
    EXPECT_EQ(ran.load(), 1);
    db().exec("UPDATE job_leases SET last_run_ms = 0 WHERE name = 'test.race'");  // due again
    std::vector<std::thread> threads;
    for (auto& s : instances)
        threads.emplace_back([&s] {
            for (int k = 0; k < 5; ++k) s->run_due();
        });
    for (auto& t : threads) t.join();
    EXPECT_EQ(ran.load(), 2);
}

TEST_P(SchedulerTest, ALiveLeaseOfAnotherInstanceHoldsTheJobAndAnExpiredOneDoesNot) {
    std::atomic<int> ran{0};
    Scheduler s(db(), "me");
    s.every("test.lease", 1ms, [&] { ++ran; });
    s.run_due();
    ASSERT_EQ(ran.load(), 1);
    // Another instance took it and is still running it (lease until far ahead).
    db().exec("UPDATE job_leases SET holder = 'other', until_ms = 9000000000000, last_run_ms = 0 WHERE name = 'test.lease'");
    std::this_thread::sleep_for(5ms);
    EXPECT_EQ(s.run_due(), 0);
    // That instance died: its lease ran out.
    db().exec("UPDATE job_leases SET until_ms = 1 WHERE name = 'test.lease'");
    EXPECT_EQ(s.run_due(), 1);
    EXPECT_EQ(ran.load(), 2);
}

TEST_P(SchedulerTest, AFailingJobReleasesItsLeaseAndIsTriedAfterItsInterval) {
    int calls = 0;
    Scheduler s(db(), "me");
    s.every("test.fail", 30ms, [&] {
        ++calls;
        throw std::runtime_error("boom");
    });
    EXPECT_EQ(s.run_due(), 1);
    EXPECT_EQ(db().exec("SELECT until_ms FROM job_leases WHERE name = 'test.fail'").at(0).get_int(0), 0);
    EXPECT_EQ(s.run_due(), 0);
    std::this_thread::sleep_for(40ms);
    EXPECT_EQ(s.run_due(), 1);
    EXPECT_EQ(calls, 2);
}

TEST_P(SchedulerTest, BadDeclarationsAreRefused) {
    Scheduler s(db(), "me");
    EXPECT_THROW(s.every("", 1s, [] {}), std::invalid_argument);
    EXPECT_THROW(s.every("x", 0ms, [] {}), std::invalid_argument);
    s.every("x", 1s, [] {});
    EXPECT_THROW(s.every("x", 1s, [] {}), std::logic_error);
}

INSTANTIATE_TEST_SUITE_P(Backends, SchedulerTest, ::testing::Values("sqlite", "postgres"), [](const auto& info) { return info.param; });

}  // namespace
}  // namespace avenir::jobs
