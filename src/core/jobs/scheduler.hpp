#pragma once
// Periodic jobs that a deployment runs once, whichever instances are up (purging expired rows,
// reminders). Every instance runs a Scheduler over the same database; each round, a job whose
// interval has passed is taken by exactly one instance with one compare-and-set statement on
// job_leases (its last run and a lease), run there, and its lease released. An instance killed
// while it runs a job holds the lease until `lease` expires; then another takes it.
//
//   scheduler.every("accounts.purge_expired", 10min, [&] { store.purge_expired(now); });
//   scheduler.start();            // serve only; tests call run_due() themselves
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "storage/database.hpp"

namespace avenir::jobs {

struct JobStatus {
    std::string name;
    std::int64_t runs = 0;         // on every instance together
    std::int64_t last_run_ms = 0;  // Unix ms, 0 before the first
};

class Scheduler {
public:
    // holder: this instance's name in the lease table (random when empty).
    Scheduler(storage::Database& db, std::string holder = {});
    ~Scheduler();
    Scheduler(const Scheduler&) = delete;
    Scheduler& operator=(const Scheduler&) = delete;

    // Declares a job (before start()). name: "<module>.<what>"; lease: how long another instance
    // waits before it assumes the holder died (longer than the job ever takes).
    void every(std::string name, std::chrono::milliseconds interval, std::function<void()> job,
               std::chrono::milliseconds lease = std::chrono::minutes(5));
    // Runs every job that is due and that this instance wins; returns how many ran here. A job that
    // throws is logged (job_failed) and counted as run: it is tried again after its interval.
    int run_due();
    // A background thread calling run_due() every `tick` (at low priority) until destruction.
    void start(std::chrono::milliseconds tick = std::chrono::seconds(1));
    std::vector<JobStatus> status();
    const std::string& holder() const { return holder_; }

private:
    struct Job {
        std::string name;
        std::chrono::milliseconds interval, lease;
        std::function<void()> fn;
    };
    storage::Database& db_;
    std::string holder_;
    std::vector<Job> jobs_;
    bool declared_ = false;
    std::mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ = false;
    std::thread thread_;
};

}  // namespace avenir::jobs
