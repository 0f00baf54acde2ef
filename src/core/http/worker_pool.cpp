#include "core/http/worker_pool.hpp"

#include "core/log.hpp"
#include "core/thread_priority.hpp"

namespace avenir::http {

WorkerPool::WorkerPool(unsigned threads, std::size_t queue, int nice) : capacity_(queue) {
    if (threads == 0) threads = 1;
    for (unsigned i = 0; i < threads; ++i)
        threads_.emplace_back([this, nice] {
            // Below the io threads, in short slices: a render never holds a cached page back for long.
            if (nice != 0) lower_thread_priority(nice);
            run();
        });
}

WorkerPool::~WorkerPool() { stop(); }

bool WorkerPool::try_submit(std::function<void()> task) {
    {
        std::lock_guard lock(mutex_);
        if (stopping_) return false;
        // Free threads take tasks at once; beyond them, at most capacity_ wait.
        const std::size_t idle = threads_.size() - busy_;
        if (tasks_.size() >= idle + capacity_) return false;
        tasks_.push_back(std::move(task));
    }
    wake_.notify_one();
    return true;
}

void WorkerPool::stop() {
    {
        std::lock_guard lock(mutex_);
        if (stopping_ && threads_.empty()) return;
        stopping_ = true;
    }
    wake_.notify_all();
    for (auto& t : threads_)
        if (t.joinable()) t.join();
    threads_.clear();
}

void WorkerPool::run() {
    for (;;) {
        std::function<void()> task;
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [this] { return stopping_ || !tasks_.empty(); });
            if (tasks_.empty()) return;  // stopping, and nothing left to do
            task = std::move(tasks_.front());
            tasks_.pop_front();
            ++busy_;
        }
        try {
            task();
        } catch (const std::exception& e) {
            log::error("worker_task_failed", log::kv("error", e.what()));
        } catch (...) {
            log::error("worker_task_failed");
        }
        std::lock_guard lock(mutex_);
        --busy_;
    }
}

WorkerPool::Load WorkerPool::load() {
    std::lock_guard lock(mutex_);
    return {busy_, tasks_.size()};
}

}  // namespace avenir::http
