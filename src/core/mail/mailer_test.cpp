// OutboxMailer on a temporary folder; SmtpMailer against a real SMTP server (scripts/smtp-sink.py).
#include <sys/stat.h>

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <stdexcept>

#include "core/mail/outbox_mailer.hpp"
#include "core/mail/smtp_mailer.hpp"
#include "core/mail/smtp_sink_test_support.hpp"

namespace avenir::mail {
namespace {

using namespace std::chrono_literals;
namespace fs = std::filesystem;

struct TempDir {
    fs::path path;
    TempDir() {
        char tmpl[] = "/tmp/avenir-mail-test-XXXXXX";
        path = ::mkdtemp(tmpl);
    }
    ~TempDir() { fs::remove_all(path); }
};

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

const Message kFrench{"lea.martin@example.org", "Vérifiez votre adresse électronique",
                      "Bonjour Léa,\n\nVoici votre lien : https://avenir.example.org/fr/verify?t=abc\n", "fr"};

TEST(OutboxMailer, WritesOneParseableFilePerMessage) {
    TempDir tmp;
    OutboxMailer outbox(tmp.path / "outbox", "Avenir <noreply@avenir.test>");
    outbox.send(kFrench);
    outbox.send({"ana@example.org", "Second", "two\n"});

    std::set<fs::path> files;
    for (const auto& entry : fs::directory_iterator(tmp.path / "outbox")) files.insert(entry.path());
    ASSERT_EQ(files.size(), 2u) << "no temporary file left behind";
    for (const auto& f : files) {
        EXPECT_EQ(f.extension(), ".eml");
        EXPECT_NE(f.filename().string().front(), '.');
        EXPECT_EQ(fs::status(f).permissions() & (fs::perms::group_all | fs::perms::others_all), fs::perms::none);
    }
    ParsedMessage first = parse_message(slurp(*files.begin()));
    ParsedMessage second = parse_message(slurp(*files.rbegin()));
    if (first.header("Subject") == "Second") std::swap(first, second);  // same microsecond: random order
    EXPECT_EQ(first.header("To"), kFrench.to);
    EXPECT_EQ(first.header("Subject"), kFrench.subject);
    EXPECT_EQ(first.header("From"), "Avenir <noreply@avenir.test>");
    EXPECT_EQ(first.header("Content-Language"), "fr");
    EXPECT_NE(first.header("Message-ID").find("@avenir.test>"), std::string::npos);
    EXPECT_EQ(first.body, kFrench.text);
    EXPECT_EQ(second.header("Subject"), "Second");
}

TEST(OutboxMailer, RejectsABadMessageAndWritesNothing) {
    TempDir tmp;
    OutboxMailer outbox(tmp.path);
    EXPECT_THROW(outbox.send({"a@example.org", "x\r\nBcc: b@example.org", "t"}), std::invalid_argument);
    EXPECT_TRUE(fs::is_empty(tmp.path));
}

TEST(SmtpMailer, DeliversToARealServer) {
    testing::SmtpSink sink;
    SmtpMailer mailer({.url = sink.url(), .from = "Notre avenir numérique <noreply@avenir.test>", .timeout = 10s});
    mailer.send(kFrench);
    ASSERT_TRUE(sink.wait_for(1, 10s));
    const auto raw = sink.messages();
    ASSERT_EQ(raw.size(), 1u);
    const ParsedMessage got = parse_message(raw[0]);
    EXPECT_EQ(got.header("To"), kFrench.to);
    EXPECT_EQ(got.header("Subject"), kFrench.subject);
    EXPECT_EQ(got.header("From"), "Notre avenir numérique <noreply@avenir.test>");
    EXPECT_EQ(got.body, kFrench.text);
    EXPECT_EQ(sink.recipients(0), std::vector<std::string>{kFrench.to});
}

TEST(SmtpMailer, ServerNotListeningThrowsWithoutTheAddress) {
    const auto port = testing::unused_loopback_port();
    SmtpMailer mailer({.url = "smtp://127.0.0.1:" + std::to_string(port), .from = "noreply@avenir.test", .timeout = 5s});
    try {
        mailer.send(kFrench);
        FAIL() << "sent to a closed port";
    } catch (const PermanentMailError& e) {
        FAIL() << "a closed port is worth retrying: " << e.what();
    } catch (const std::runtime_error& e) {
        const std::string what = e.what();
        EXPECT_NE(what.find("SMTP delivery failed"), std::string::npos) << what;
        EXPECT_EQ(what.find("lea.martin"), std::string::npos) << what;
        EXPECT_EQ(what.find("example.org"), std::string::npos) << what;
        EXPECT_EQ(what.find("Vérifiez"), std::string::npos) << what;
    }
}

TEST(SmtpMailer, RefusesBadConfiguration) {
    EXPECT_THROW(SmtpMailer({.url = "http://127.0.0.1:25", .from = "noreply@avenir.test"}), std::invalid_argument);
    EXPECT_THROW(SmtpMailer({.url = "smtp://127.0.0.1:25", .from = "not an address"}), std::invalid_argument);
    // A password would cross the network in clear.
    EXPECT_THROW(SmtpMailer({.url = "smtp://mail.example.org:587", .from = "noreply@avenir.test", .username = "u",
                             .password = "p"}),
                 std::invalid_argument);
    EXPECT_NO_THROW(SmtpMailer({.url = "smtp://mail.example.org:587", .from = "noreply@avenir.test", .username = "u",
                                .password = "p", .require_tls = true}));
    EXPECT_NO_THROW(SmtpMailer({.url = "smtps://mail.example.org", .from = "a@avenir.test", .username = "u"}));
    EXPECT_NO_THROW(SmtpMailer({.url = "smtp://localhost:25", .from = "a@avenir.test", .username = "u"}));
}

TEST(SmtpMailer, RequireTlsFailsAgainstAServerWithoutStartTls) {
    testing::SmtpSink sink;  // offers no STARTTLS
    SmtpMailer mailer({.url = sink.url(), .from = "noreply@avenir.test", .require_tls = true, .timeout = 10s});
    EXPECT_THROW(mailer.send(kFrench), std::runtime_error);
    EXPECT_EQ(sink.messages().size(), 0u);
}

}  // namespace
}  // namespace avenir::mail
