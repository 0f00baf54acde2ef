#include "core/jobs/scheduler.hpp"

#include <algorithm>
#include <stdexcept>

#include "core/clock.hpp"
#include "core/log.hpp"
#include "core/security/random.hpp"
#include "core/thread_priority.hpp"

namespace avenir::jobs {

Scheduler::Scheduler(storage::Database& db, std::string holder)
    : db_(db), holder_(holder.empty() ? security::random_hex(8) : std::move(holder)) {}

Scheduler::~Scheduler() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable()) thread_.join();
}

void Scheduler::every(std::string name, std::chrono::milliseconds interval, std::function<void()> job,
                      std::chrono::milliseconds lease) {
    if (thread_.joinable()) throw std::logic_error("jobs: every() after start()");
    if (name.empty() || interval.count() <= 0 || lease.count() <= 0) throw std::invalid_argument("jobs: a job needs a name, an interval and a lease");
    for (const auto& j : jobs_)
        if (j.name == name) throw std::logic_error("jobs: job declared twice: " + name);
    jobs_.push_back({std::move(name), interval, lease, std::move(job)});
    declared_ = false;
}

int Scheduler::run_due() {
    if (!declared_) {
        for (const auto& j : jobs_) db_.exec("INSERT INTO job_leases (name) VALUES ($1) ON CONFLICT (name) DO NOTHING", {j.name});
        declared_ = true;
    }
    int ran = 0;
    for (const auto& j : jobs_) {
        const std::int64_t now = clock::unix_millis();
        // One statement decides: due, and not held by a live lease of another instance. Two
        // instances racing both evaluate it; the row lock (PostgreSQL re-checks the WHERE on the
        // committed row) or the single writer (SQLite) lets one of them change it.
        const auto taken = db_.exec(
            "UPDATE job_leases SET holder = $1, until_ms = $2, last_run_ms = $3, runs = runs + 1 "
            "WHERE name = $4 AND last_run_ms <= $5 AND (until_ms < $3 OR holder = $1)",
            {holder_, now + j.lease.count(), now, j.name, now - j.interval.count()});
        if (taken.affected != 1) continue;
        ++ran;
        const auto started = std::chrono::steady_clock::now();
        try {
            j.fn();
            log::info("job_ran", log::kv("job", j.name) + " " +
                                     log::kv("ms", static_cast<long long>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                                                              std::chrono::steady_clock::now() - started)
                                                                              .count())));
        } catch (const std::exception& e) {
            log::error("job_failed", log::kv("job", j.name) + " " + log::kv("error", e.what()));
        }
        try {
            db_.exec("UPDATE job_leases SET until_ms = 0 WHERE name = $1 AND holder = $2", {j.name, holder_});
        } catch (const std::exception& e) {
            log::warn("job_release_failed", log::kv("job", j.name) + " " + log::kv("error", e.what()));
        }
    }
    return ran;
}

void Scheduler::start(std::chrono::milliseconds tick) {
    if (thread_.joinable() || jobs_.empty()) return;
    thread_ = std::thread([this, tick] {
        lower_thread_priority(10);
        std::unique_lock lock(mutex_);
        while (!wake_.wait_for(lock, tick, [this] { return stopping_; })) {
            lock.unlock();
            try {
                run_due();
            } catch (const std::exception& e) {  // the database is away: try again next tick
                log::warn("jobs_round_failed", log::kv("error", e.what()));
            }
            lock.lock();
        }
    });
}

std::vector<JobStatus> Scheduler::status() {
    std::vector<JobStatus> out;
    for (const auto& r : db_.exec("SELECT name, runs, last_run_ms FROM job_leases ORDER BY name"))
        out.push_back({r.get_text(0), r.get_int(1), r.get_int(2)});
    // Jobs declared here that no instance has run yet.
    for (const auto& j : jobs_)
        if (std::none_of(out.begin(), out.end(), [&](const JobStatus& s) { return s.name == j.name; })) out.push_back({j.name, 0, 0});
    return out;
}

}  // namespace avenir::jobs
