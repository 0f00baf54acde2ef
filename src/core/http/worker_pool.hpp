#pragma once
// A bounded pool of threads for request handlers. The io threads never run a handler: they hand
// it here and go back to their sockets, so a slow handler (an argon2id hash, a PostgreSQL round
// trip, a large search) never delays a cached page, a static file or a health check. The queue is
// bounded: when it is full, try_submit() refuses and the server answers 503 with Retry-After
// instead of letting waiting requests pile up without limit.
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace avenir::http {

class WorkerPool {
public:
    // threads: how many handlers run at once; queue: how many may wait beyond those.
    // nice: added to each worker thread's scheduling niceness (Linux: per thread), so that under CPU
    // pressure the io threads, which serve cached pages, keep their share.
    WorkerPool(unsigned threads, std::size_t queue, int nice = 0);
    // Runs the queued tasks to the end, then joins.
    ~WorkerPool();
    WorkerPool(const WorkerPool&) = delete;
    WorkerPool& operator=(const WorkerPool&) = delete;

    // Queues a task; false (and the task is dropped) when threads + queue are all taken.
    bool try_submit(std::function<void()> task);
    // Stops taking tasks, finishes those queued and running, joins. Idempotent.
    void stop();

    std::size_t threads() const { return threads_.size(); }
    struct Load {
        std::size_t busy = 0, queued = 0;
    };
    // Handlers running and tasks waiting now (for /metrics).
    Load load();
    std::size_t capacity() const { return capacity_; }

private:
    void run();

    std::size_t capacity_;
    std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<std::function<void()>> tasks_;
    std::size_t busy_ = 0;
    bool stopping_ = false;
    std::vector<std::thread> threads_;
};

}  // namespace avenir::http
