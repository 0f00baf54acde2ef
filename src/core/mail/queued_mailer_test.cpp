// The e-mail queue in the database: nothing lost, each message sent once by one of several
// instances, retries and permanent failures; SQLite and PostgreSQL.
#include "core/mail/queued_mailer.hpp"

#include <atomic>
#include <mutex>
#include <set>
#include <thread>

#include "storage/store_test_support.hpp"

namespace avenir::mail {
namespace {
using namespace std::chrono_literals;

// Records what it is asked to send; fails the first `fail_first` sends (transient) or always
// (permanent) as told.
struct Recorder final : Mailer {
    std::mutex mutex;
    std::vector<Message> sent;
    int fail_first = 0;
    bool permanent = false;
    std::atomic<int> tries{0};
    void send(const Message& m) override {
        ++tries;
        if (permanent) throw PermanentMailError("550 mailbox unavailable for " + m.to);
        {
            std::lock_guard lock(mutex);
            if (fail_first > 0) {
                --fail_first;
                throw std::runtime_error("connection refused");
            }
            sent.push_back(m);
        }
        std::this_thread::sleep_for(2ms);
    }
};

class QueuedMailerTest : public storage::testing::StoreConformance {
protected:
    void SetUp() override {
        StoreConformance::SetUp();
        if (IsSkipped() || HasFatalFailure()) return;
        storage::migrate(db());
    }
    static Message msg(int i) { return {"person" + std::to_string(i) + "@example.org", "Subject " + std::to_string(i), "Body\n", "fr"}; }
    static QueuedMailerOptions fast() { return {.attempts = 3, .first_backoff = 10ms, .claim_for = 60s, .poll = 20ms, .batch = 4}; }
};

TEST_P(QueuedMailerTest, QueuedMailIsKeptUntilDeliveredAndThenDeleted) {
    auto rec = std::make_unique<Recorder>();
    Recorder& r = *rec;
    {
        QueuedMailer q(db(), std::make_unique<Recorder>(), fast());  // an instance that dies before sending
        q.send(msg(1));
        q.send(msg(2));
        EXPECT_EQ(q.depth(), 2);
    }
    QueuedMailer other(db(), std::move(rec), fast());
    EXPECT_EQ(other.depth(), 2);
    ASSERT_TRUE(other.flush(5s));
    ASSERT_EQ(r.sent.size(), 2u);
    EXPECT_EQ(r.sent[0].to, "person1@example.org");
    EXPECT_EQ(r.sent[1].subject, "Subject 2");
    EXPECT_EQ(r.sent[1].lang, "fr");
    EXPECT_EQ(count("mail_queue"), 0);
}

TEST_P(QueuedMailerTest, SeveralInstancesSendEachMessageOnce) {
    Recorder shared;
    struct Forward final : Mailer {
        Recorder& r;
        explicit Forward(Recorder& r) : r(r) {}
        void send(const Message& m) override { r.send(m); }
    };
    std::vector<std::unique_ptr<QueuedMailer>> instances;
    for (int i = 0; i < 3; ++i) instances.push_back(std::make_unique<QueuedMailer>(db(), std::make_unique<Forward>(shared), fast()));
    for (int i = 0; i < 30; ++i) instances[i % 3]->send(msg(i));
    std::vector<std::thread> threads;
    for (auto& q : instances) threads.emplace_back([&q] { q->flush(10s); });
    for (auto& t : threads) t.join();
    ASSERT_EQ(shared.sent.size(), 30u);
    std::set<std::string> to;
    for (const auto& m : shared.sent) to.insert(m.to);
    EXPECT_EQ(to.size(), 30u);
    EXPECT_EQ(count("mail_queue"), 0);
}

TEST_P(QueuedMailerTest, TransientFailuresAreRetriedAndPermanentOnesAbandoned) {
    auto rec = std::make_unique<Recorder>();
    Recorder& r = *rec;
    r.fail_first = 2;
    QueuedMailer q(db(), std::move(rec), fast());
    q.send(msg(1));
    ASSERT_TRUE(q.flush(5s));
    EXPECT_EQ(r.sent.size(), 1u);
    EXPECT_EQ(r.tries.load(), 3);

    r.permanent = true;
    q.send(msg(2));
    ASSERT_TRUE(q.flush(5s));
    EXPECT_EQ(r.tries.load(), 4);  // not retried
    EXPECT_EQ(count("mail_queue"), 0);
}

TEST_P(QueuedMailerTest, GivesUpAfterItsAttempts) {
    auto rec = std::make_unique<Recorder>();
    Recorder& r = *rec;
    r.fail_first = 100;
    QueuedMailer q(db(), std::move(rec), fast());
    q.send(msg(1));
    ASSERT_TRUE(q.flush(5s));
    EXPECT_EQ(r.tries.load(), 3);
    EXPECT_TRUE(r.sent.empty());
    EXPECT_EQ(count("mail_queue"), 0);
}

TEST_P(QueuedMailerTest, MailQueuedInARolledBackTransactionIsNeverSent) {
    QueuedMailer q(db(), std::make_unique<Recorder>(), fast());
    EXPECT_THROW(db().with_tx([&](storage::Transaction& tx) {
        q.send(tx, msg(1));
        throw std::runtime_error("the request failed");
    }),
                 std::runtime_error);
    EXPECT_EQ(q.depth(), 0);
    db().with_tx([&](storage::Transaction& tx) { q.send(tx, msg(2)); });
    EXPECT_EQ(q.depth(), 1);
}

TEST_P(QueuedMailerTest, RefusesAMessageThatCouldNeverBeSentWithoutStoringIt) {
    QueuedMailer q(db(), std::make_unique<Recorder>(), fast());
    EXPECT_THROW(q.send({"a@example.org\r\nBcc: x@example.org", "s", "t", "en"}), std::invalid_argument);
    EXPECT_EQ(q.depth(), 0);
}

TEST_P(QueuedMailerTest, TheBackgroundSenderDeliversWithoutBeingAsked) {
    auto rec = std::make_unique<Recorder>();
    Recorder& r = *rec;
    QueuedMailer q(db(), std::move(rec), fast());
    q.start();
    q.send(msg(7));
    for (int i = 0; i < 250 && q.depth() > 0; ++i) std::this_thread::sleep_for(20ms);
    EXPECT_EQ(q.depth(), 0);
    std::lock_guard lock(r.mutex);
    ASSERT_EQ(r.sent.size(), 1u);
    EXPECT_EQ(r.sent[0].to, "person7@example.org");
}

INSTANTIATE_TEST_SUITE_P(Backends, QueuedMailerTest, ::testing::Values("sqlite", "postgres"), [](const auto& info) { return info.param; });

}  // namespace
}  // namespace avenir::mail
