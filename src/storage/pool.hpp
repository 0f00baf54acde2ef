#pragma once
// A small blocking connection pool: up to `size` connections created on demand, a mutex-protected
// free list, and a lease that returns its connection when it goes out of scope. One connection is
// used by one thread at a time.
#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "storage/database.hpp"

namespace avenir::storage {

template <class Conn>
class Pool {
public:
    using Factory = std::function<std::unique_ptr<Conn>()>;

    class Lease {
    public:
        Lease(Pool* pool, std::unique_ptr<Conn> conn) : pool_(pool), conn_(std::move(conn)) {}
        Lease(Lease&& o) noexcept : pool_(o.pool_), conn_(std::move(o.conn_)) {}
        Lease& operator=(Lease&&) = delete;
        ~Lease() {
            if (conn_) pool_->give_back(std::move(conn_));
        }
        Conn& operator*() const { return *conn_; }
        Conn* operator->() const { return conn_.get(); }
        // Closes the connection instead of returning it (it is broken or in an unknown state).
        void discard() {
            conn_.reset();
            pool_->forget_one();
        }

    private:
        Pool* pool_;
        std::unique_ptr<Conn> conn_;
    };

    Pool(unsigned size, Factory make, std::chrono::milliseconds wait = std::chrono::seconds(5))
        : size_(size == 0 ? 1 : size), make_(std::move(make)), wait_(wait) {}

    // Waits up to `wait` for a free connection, then throws BusyError.
    Lease borrow() {
        std::unique_lock lock(mutex_);
        if (!cv_.wait_for(lock, wait_, [&] { return !free_.empty() || created_ < size_; })) {
            ++timeouts_;
            throw BusyError("all " + std::to_string(size_) + " database connections stayed busy for " +
                            std::to_string(wait_.count()) + " ms");
        }
        if (!free_.empty()) {
            auto conn = std::move(free_.back());
            free_.pop_back();
            return Lease(this, std::move(conn));
        }
        ++created_;
        lock.unlock();
        try {
            return Lease(this, make_());
        } catch (...) {
            forget_one();
            throw;
        }
    }

    unsigned size() const { return size_; }
    struct Stats {
        unsigned size = 0, open = 0, in_use = 0;
        std::uint64_t timeouts = 0;
    };
    Stats stats() const {
        std::lock_guard lock(mutex_);
        return {size_, created_, created_ - static_cast<unsigned>(free_.size()), timeouts_};
    }

private:
    void give_back(std::unique_ptr<Conn> conn) {
        {
            std::lock_guard lock(mutex_);
            free_.push_back(std::move(conn));
        }
        cv_.notify_one();
    }
    void forget_one() {
        {
            std::lock_guard lock(mutex_);
            --created_;
        }
        cv_.notify_one();
    }

    const unsigned size_;
    Factory make_;
    std::chrono::milliseconds wait_;
    mutable std::mutex mutex_;
    std::condition_variable cv_;
    std::vector<std::unique_ptr<Conn>> free_;
    unsigned created_ = 0;
    std::uint64_t timeouts_ = 0;
};

}  // namespace avenir::storage
