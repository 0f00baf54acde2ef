#include "core/mail/async_mailer.hpp"

#include <algorithm>
#include <exception>

#include "core/log.hpp"

namespace avenir::mail {
namespace {

constexpr std::size_t kMaxErrorLog = 300;

// The error text goes to the log: redacted and shortened, whatever the inner mailer put in it.
std::string loggable(const std::exception& e, const Message& m) {
    std::string text = redact(e.what(), m.to);
    if (text.size() > kMaxErrorLog) text.resize(kMaxErrorLog);
    return text;
}

}  // namespace

AsyncMailer::AsyncMailer(std::unique_ptr<Mailer> inner, AsyncMailerOptions options)
    : inner_(std::move(inner)), options_(options) {
    if (!inner_) throw std::invalid_argument("mail: AsyncMailer needs a mailer");
    options_.capacity = std::max<std::size_t>(options_.capacity, 1);
    options_.attempts = std::max(options_.attempts, 1);
    worker_ = std::thread([this] { run(); });
}

AsyncMailer::~AsyncMailer() {
    std::unique_lock lock(mutex_);
    stopping_ = true;
    wake_.notify_all();
    if (!idle_.wait_for(lock, options_.drain_timeout, [this] { return queue_.empty() && !busy_; })) {
        abort_ = true;  // stops backoff waits; the send in flight, if any, finishes within its timeout
        wake_.notify_all();
    }
    lock.unlock();
    worker_.join();
}

void AsyncMailer::send(const Message& m) {
    validate_message(m);  // the caller hears about a message that could never be sent
    Job job{m, random_hex16()};
    {
        std::lock_guard lock(mutex_);
        if (stopping_) throw std::runtime_error("mail: mailer is shutting down");
        if (queue_.size() >= options_.capacity) {
            log::warn("mail_queue_full", log::kv("capacity", static_cast<long long>(options_.capacity)));
            throw MailQueueFull("mail: outgoing queue is full");
        }
        queue_.push_back(std::move(job));
    }
    wake_.notify_one();
}

bool AsyncMailer::flush(std::chrono::milliseconds timeout) {
    std::unique_lock lock(mutex_);
    return idle_.wait_for(lock, timeout, [this] { return queue_.empty() && !busy_; });
}

void AsyncMailer::run() {
    std::unique_lock lock(mutex_);
    for (;;) {
        wake_.wait(lock, [this] { return !queue_.empty() || stopping_; });
        if (queue_.empty() || abort_) break;
        Job job = std::move(queue_.front());
        queue_.pop_front();
        busy_ = true;
        lock.unlock();
        deliver(job);
        lock.lock();
        busy_ = false;
        if (queue_.empty()) idle_.notify_all();
    }
    if (!queue_.empty()) {
        log::error("mail_dropped", log::kv("count", static_cast<long long>(queue_.size())) + " reason=shutdown");
        queue_.clear();
    }
    idle_.notify_all();
}

void AsyncMailer::deliver(const Job& job) {
    const std::string id = log::kv("mail_id", job.id);
    auto backoff = options_.first_backoff;
    std::string error;
    int attempt = 1;
    for (;; ++attempt) {
        try {
            inner_->send(job.message);
            log::info("mail_sent", id + " " + log::kv("attempts", static_cast<long long>(attempt)));
            return;
        } catch (const PermanentMailError& e) {
            error = loggable(e, job.message);
            break;
        } catch (const std::invalid_argument& e) {
            error = loggable(e, job.message);
            break;
        } catch (const std::exception& e) {
            error = loggable(e, job.message);
        } catch (...) {
            error = "unknown error";
        }
        if (attempt >= options_.attempts) break;
        log::warn("mail_retry", id + " " + log::kv("attempt", static_cast<long long>(attempt)) + " " +
                                    log::kv("error", error));
        std::unique_lock lock(mutex_);
        if (wake_.wait_for(lock, backoff, [this] { return abort_; })) {
            error = "shutdown before retry";
            break;
        }
        backoff *= 2;
    }
    log::error("mail_failed", id + " " + log::kv("attempts", static_cast<long long>(attempt)) + " " +
                                  log::kv("error", error));
}

}  // namespace avenir::mail
