#pragma once
// Sends through another Mailer on one background thread, so a request never waits on SMTP.
// Bounded queue; each message is tried `attempts` times with doubling backoff; failures are logged
// as event=mail_failed with a random mail_id and the error text, never the address, subject or body.
// The destructor drains the queue for up to `drain_timeout` (plus one send in flight), then drops
// what is left (event=mail_dropped with a count).
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <thread>

#include "core/mail/mailer.hpp"

namespace avenir::mail {

struct MailQueueFull : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct AsyncMailerOptions {
    std::size_t capacity = 1000;
    int attempts = 3;
    std::chrono::milliseconds first_backoff{2000};  // then doubled at each retry
    std::chrono::milliseconds drain_timeout{10000};
};

class AsyncMailer final : public Mailer {
public:
    explicit AsyncMailer(std::unique_ptr<Mailer> inner, AsyncMailerOptions options = {});
    ~AsyncMailer() override;
    AsyncMailer(const AsyncMailer&) = delete;
    AsyncMailer& operator=(const AsyncMailer&) = delete;

    // Queues and returns at once. Throws std::invalid_argument for a message that could never be
    // sent (validate_message), MailQueueFull when `capacity` messages are waiting.
    void send(const Message& m) override;
    // Waits until the queue is empty and nothing is in flight (tests). False on timeout.
    bool flush(std::chrono::milliseconds timeout = std::chrono::minutes(5));

private:
    struct Job {
        Message message;
        std::string id;  // for logs only
    };
    void run();
    void deliver(const Job& job);

    std::unique_ptr<Mailer> inner_;
    AsyncMailerOptions options_;
    std::mutex mutex_;
    std::condition_variable wake_;  // worker: a job arrived, or stop
    std::condition_variable idle_;  // flush and destructor: queue empty, nothing in flight
    std::deque<Job> queue_;
    bool busy_ = false;
    bool stopping_ = false;
    bool abort_ = false;
    std::thread worker_;  // last: starts once everything above exists
};

}  // namespace avenir::mail
