#include "core/mail/queued_mailer.hpp"

#include <algorithm>
#include <stdexcept>

#include "core/clock.hpp"
#include "core/log.hpp"
#include "core/thread_priority.hpp"

namespace avenir::mail {
namespace {
constexpr std::size_t kMaxErrorLog = 300;
}  // namespace

QueuedMailer::QueuedMailer(storage::Database& db, std::unique_ptr<Mailer> inner, QueuedMailerOptions options)
    : db_(db), inner_(std::move(inner)), options_(options) {
    if (!inner_) throw std::invalid_argument("mail: QueuedMailer needs a mailer");
    options_.attempts = std::max(options_.attempts, 1);
    options_.batch = std::max(options_.batch, 1);
}

QueuedMailer::~QueuedMailer() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable()) thread_.join();
}

void QueuedMailer::send(storage::Executor& tx, const Message& m) {
    validate_message(m);
    tx.exec("INSERT INTO mail_queue (recipient, subject, body, lang, queued_ms) VALUES ($1, $2, $3, $4, $5)",
            {m.to, m.subject, m.text, m.lang, clock::unix_millis()});
}

void QueuedMailer::send(const Message& m) {
    send(db_, m);
    {
        std::lock_guard lock(mutex_);
        pending_ = true;
    }
    wake_.notify_one();
}

int QueuedMailer::deliver_due() {
    const std::int64_t now = clock::unix_millis();
    const std::string claim = random_hex16();
    // The outer conditions are checked again on the row that is locked (PostgreSQL) so that two
    // instances choosing the same rows cannot both claim one.
    db_.exec("UPDATE mail_queue SET claimed_until_ms = $1, claim = $2 "
             "WHERE claimed_until_ms < $3 AND next_try_ms <= $3 AND id IN "
             "(SELECT id FROM mail_queue WHERE claimed_until_ms < $3 AND next_try_ms <= $3 ORDER BY id LIMIT $4)",
             {now + options_.claim_for.count(), claim, now, static_cast<std::int64_t>(options_.batch)});
    const auto rows = db_.exec("SELECT id, recipient, subject, body, lang, attempts FROM mail_queue WHERE claim = $1 ORDER BY id", {claim});
    int delivered = 0;
    for (const auto& r : rows) {
        const std::int64_t id = r.get_int(0);
        const Message m{r.get_text(1), r.get_text(2), r.get_text(3), r.get_text(4)};
        const std::int64_t attempts = r.get_int(5) + 1;
        std::string error;
        bool permanent = false;
        try {
            inner_->send(m);
        } catch (const PermanentMailError& e) {
            error = e.what();
            permanent = true;
        } catch (const std::exception& e) {
            error = e.what();
        }
        if (error.empty()) {
            db_.exec("DELETE FROM mail_queue WHERE id = $1", {id});
            log::info("mail_sent", log::kv("mail_id", id) + " " + log::kv("attempts", attempts));
            ++delivered;
            continue;
        }
        error = redact(error, m.to);
        if (error.size() > kMaxErrorLog) error.resize(kMaxErrorLog);
        if (permanent || attempts >= options_.attempts) {
            db_.exec("DELETE FROM mail_queue WHERE id = $1", {id});
            log::error("mail_failed", log::kv("mail_id", id) + " " + log::kv("attempts", attempts) + " " + log::kv("error", error));
        } else {
            const std::int64_t backoff = options_.first_backoff.count() << std::min<std::int64_t>(attempts - 1, 16);
            db_.exec("UPDATE mail_queue SET attempts = $1, next_try_ms = $2, claimed_until_ms = 0, claim = '' WHERE id = $3",
                     {attempts, clock::unix_millis() + backoff, id});
            log::warn("mail_retry", log::kv("mail_id", id) + " " + log::kv("attempts", attempts) + " " + log::kv("error", error));
        }
    }
    return delivered;
}

bool QueuedMailer::flush(std::chrono::milliseconds timeout) {
    const auto until = std::chrono::steady_clock::now() + timeout;
    for (;;) {
        deliver_due();
        if (depth() == 0) return true;
        if (std::chrono::steady_clock::now() >= until) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
}

std::int64_t QueuedMailer::depth() { return db_.exec("SELECT count(*) FROM mail_queue").at(0).get_int(0); }

void QueuedMailer::start() {
    if (thread_.joinable()) return;
    thread_ = std::thread([this] {
        lower_thread_priority(10);
        std::unique_lock lock(mutex_);
        while (!stopping_) {
            wake_.wait_for(lock, options_.poll, [this] { return stopping_ || pending_; });
            if (stopping_) break;
            pending_ = false;
            lock.unlock();
            try {
                while (deliver_due() > 0) {
                }
            } catch (const std::exception& e) {  // the database is away: the next round tries again
                log::warn("mail_round_failed", log::kv("error", e.what()));
            }
            lock.lock();
        }
    });
}

}  // namespace avenir::mail
