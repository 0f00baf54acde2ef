#pragma once
// Outgoing e-mail kept in the database (table mail_queue) until it is delivered, so that
//  - a request's e-mail survives a crash of the instance that accepted the request (the row is
//    written before the request is answered, in the request's own transaction with send(tx, m));
//  - with several instances, each message is claimed by one of them (claimed_until_ms) and sent
//    once; an instance that dies holding a claim loses it after `claim_for`, and another sends the
//    message (so a message can, rarely, go twice: at least once, never zero times).
// Delivery goes through the inner Mailer (SMTP or the outbox folder) on a background thread
// started by start() (serve), or on the caller's thread in flush() (tests, commands). Each message
// is tried `attempts` times with doubling backoff; a permanent refusal (5xx) is not retried. A
// delivered or abandoned message is deleted: the queue keeps no copy of anyone's mail.
// Logs carry the queue id, never the address, subject or body.
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

#include "core/mail/mailer.hpp"
#include "storage/database.hpp"

namespace avenir::mail {

struct QueuedMailerOptions {
    int attempts = 5;
    std::chrono::milliseconds first_backoff{2000};  // then doubled at each retry
    std::chrono::milliseconds claim_for{60000};     // longer than one delivery can take
    std::chrono::milliseconds poll{1000};           // how often an instance looks for others' mail
    int batch = 20;
};

class QueuedMailer final : public Mailer {
public:
    QueuedMailer(storage::Database& db, std::unique_ptr<Mailer> inner, QueuedMailerOptions options = {});
    ~QueuedMailer() override;
    QueuedMailer(const QueuedMailer&) = delete;
    QueuedMailer& operator=(const QueuedMailer&) = delete;

    // Queues m (its own statement) and wakes this instance's sender. Throws std::invalid_argument
    // for a message that could never be sent (validate_message), storage errors when the database
    // cannot take it (the caller's request then fails: nothing is promised that is not stored).
    void send(const Message& m) override;
    // Queues m in the caller's transaction: sent only if that transaction commits.
    void send(storage::Executor& tx, const Message& m);
    // Claims what is due and delivers it on this thread; returns the messages delivered.
    int deliver_due();
    // Delivers until nothing is left to send or the timeout passes (a message waiting for a retry
    // is waited for). False on timeout.
    bool flush(std::chrono::milliseconds timeout = std::chrono::seconds(60));
    // Messages waiting (every instance's), for /metrics.
    std::int64_t depth();
    // The background sender: wakes on this instance's send() or every `poll`.
    void start();

private:
    storage::Database& db_;
    std::unique_ptr<Mailer> inner_;
    QueuedMailerOptions options_;
    std::mutex mutex_;
    std::condition_variable wake_;
    bool pending_ = false;
    bool stopping_ = false;
    std::thread thread_;
};

}  // namespace avenir::mail
