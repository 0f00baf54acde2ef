// AsyncMailer: delivery on a background thread, retries, bounded queue, drain, logs without personal data.
#include "core/mail/async_mailer.hpp"

#include <unistd.h>

#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>

#include "core/log.hpp"
#include "core/mail/smtp_mailer.hpp"
#include "core/mail/smtp_sink_test_support.hpp"

namespace avenir::mail {
namespace {

using namespace std::chrono_literals;

constexpr AsyncMailerOptions kFast{.capacity = 1000, .attempts = 3, .first_backoff = 10ms, .drain_timeout = 10s};

// What a FakeMailer saw; shared so it outlives the AsyncMailer that owns the fake.
struct FakeState {
    std::mutex mutex;
    std::atomic<int> calls{0};
    std::vector<std::string> sent;  // subjects
};

// Fails the first `failures` sends (quoting the address, as a careless mailer might), then records.
class FakeMailer final : public Mailer {
public:
    FakeMailer(std::shared_ptr<FakeState> state, int failures, std::chrono::milliseconds delay = 0ms)
        : state_(std::move(state)), failures_(failures), delay_(delay) {}
    void send(const Message& m) override {
        std::this_thread::sleep_for(delay_);
        ++state_->calls;
        if (failures_-- > 0) throw std::runtime_error("relay said no to " + m.to);
        std::lock_guard lock(state_->mutex);
        state_->sent.push_back(m.subject);
    }

private:
    std::shared_ptr<FakeState> state_;
    int failures_;
    std::chrono::milliseconds delay_;
};

// Redirects the log to a temporary file for the test's lifetime.
struct LogCapture {
    std::string path = "/tmp/avenir-mail-log-" + std::to_string(::getpid()) + ".log";
    LogCapture() {
        std::filesystem::remove(path);
        log::set_file(path);
    }
    ~LogCapture() {
        log::set_file("");
        std::filesystem::remove(path);
    }
    std::string text() const {
        std::ifstream in(path);
        return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    }
};

Message numbered(int i) { return {"member" + std::to_string(i) + "@example.org", "Message " + std::to_string(i), "Body\n"}; }

TEST(MailAsync, DeliversTwentyMessagesToARealServer) {
    testing::SmtpSink sink;
    AsyncMailer mailer(std::make_unique<SmtpMailer>(SmtpConfig{.url = sink.url(), .from = "noreply@avenir.test"}), kFast);
    for (int i = 0; i < 20; ++i) mailer.send(numbered(i));
    ASSERT_TRUE(mailer.flush(60s));
    ASSERT_TRUE(sink.wait_for(20, 5s));
    std::set<std::string> subjects;
    for (const auto& raw : sink.messages()) subjects.insert(parse_message(raw).header("Subject"));
    EXPECT_EQ(subjects.size(), 20u);
    EXPECT_TRUE(subjects.count("Message 0") && subjects.count("Message 19"));
}

TEST(MailAsync, SendReturnsAtOnceAndRetriesUntilDelivered) {
    auto seen = std::make_shared<FakeState>();
    AsyncMailer mailer(std::make_unique<FakeMailer>(seen, 2, 50ms), kFast);
    const auto start = std::chrono::steady_clock::now();
    mailer.send(numbered(1));
    EXPECT_LT(std::chrono::steady_clock::now() - start, 40ms);
    ASSERT_TRUE(mailer.flush(10s));
    EXPECT_EQ(seen->calls, 3);
    EXPECT_EQ(seen->sent, std::vector<std::string>{"Message 1"});
}

TEST(MailAsync, LogsFailureWithoutAddressSubjectOrBody) {
    LogCapture capture;
    const std::string url = "smtp://127.0.0.1:" + std::to_string(testing::unused_loopback_port());
    {
        AsyncMailer mailer(std::make_unique<SmtpMailer>(SmtpConfig{.url = url, .from = "noreply@avenir.test"}), kFast);
        mailer.send({"secret.person@example.org", "Confidential subject", "Private body text\n"});
        ASSERT_TRUE(mailer.flush(30s));
    }
    const std::string log = capture.text();
    EXPECT_NE(log.find("event=mail_failed mail_id="), std::string::npos) << log;
    EXPECT_NE(log.find("attempts=3"), std::string::npos) << log;
    EXPECT_NE(log.find("event=mail_retry"), std::string::npos) << log;
    for (const char* secret : {"secret.person", "example.org", "Confidential", "Private body"})
        EXPECT_EQ(log.find(secret), std::string::npos) << secret << " in " << log;
}

TEST(MailAsync, RedactsTheAddressAnInnerMailerPutInItsError) {
    LogCapture capture;
    {
        AsyncMailer mailer(std::make_unique<FakeMailer>(std::make_shared<FakeState>(), 100), kFast);
        mailer.send(numbered(7));
        ASSERT_TRUE(mailer.flush(10s));
    }
    const std::string log = capture.text();
    EXPECT_NE(log.find("relay said no to [recipient]"), std::string::npos) << log;
    EXPECT_EQ(log.find("member7"), std::string::npos) << log;
}

TEST(MailAsync, DoesNotRetryPermanentFailures) {
    class Refusing final : public Mailer {
    public:
        std::atomic<int>* calls;
        void send(const Message&) override {
            ++*calls;
            throw PermanentMailError("mail: SMTP delivery failed [server reply 550]");
        }
    };
    std::atomic<int> calls{0};
    auto refusing = std::make_unique<Refusing>();
    refusing->calls = &calls;
    AsyncMailer mailer(std::move(refusing), kFast);
    mailer.send(numbered(1));
    ASSERT_TRUE(mailer.flush(10s));
    EXPECT_EQ(calls, 1);
}

TEST(MailAsync, RejectsBadMessagesAtOnceAndBoundsTheQueue) {
    AsyncMailer mailer(std::make_unique<FakeMailer>(std::make_shared<FakeState>(), 0, 200ms),
                       {.capacity = 2, .attempts = 1, .first_backoff = 10ms, .drain_timeout = 10s});
    EXPECT_THROW(mailer.send({"a@example.org\r\nBcc: b@example.org", "s", "t"}), std::invalid_argument);
    mailer.send(numbered(1));  // taken by the worker
    std::this_thread::sleep_for(50ms);
    mailer.send(numbered(2));
    mailer.send(numbered(3));
    EXPECT_THROW(mailer.send(numbered(4)), MailQueueFull);
    EXPECT_TRUE(mailer.flush(10s));
}

TEST(MailAsync, DrainsTheQueueOnDestruction) {
    auto seen = std::make_shared<FakeState>();
    {
        AsyncMailer mailer(std::make_unique<FakeMailer>(seen, 0, 20ms), kFast);
        for (int i = 0; i < 5; ++i) mailer.send(numbered(i));
    }  // the destructor waits for the five
    EXPECT_EQ(seen->sent.size(), 5u);
}

TEST(MailAsync, DropsWhatIsLeftWhenTheDrainTimesOut) {
    LogCapture capture;
    const auto start = std::chrono::steady_clock::now();
    {
        AsyncMailer mailer(std::make_unique<FakeMailer>(std::make_shared<FakeState>(), 0, 100ms),
                           {.capacity = 100, .attempts = 1, .first_backoff = 10ms, .drain_timeout = 150ms});
        for (int i = 0; i < 50; ++i) mailer.send(numbered(i));
    }
    EXPECT_LT(std::chrono::steady_clock::now() - start, 2s);
    EXPECT_NE(capture.text().find("event=mail_dropped"), std::string::npos) << capture.text();
}

}  // namespace
}  // namespace avenir::mail
