// Sign-up, e-mail verification, sign-in, two-factor and throttling through the real pipeline,
// with mail written to a real outbox folder, on SQLite and on PostgreSQL.
#include <gtest/gtest.h>

#include <fstream>
#include <latch>
#include <thread>
#include <regex>

#include "core/mail/message.hpp"
#include "core/security/totp.hpp"
#include "http_fixture.hpp"
#include "modules/accounts/accounts_store.hpp"

namespace avenir::testing {
namespace {
using http::Method;
namespace fs = std::filesystem;

class AccountsHttp : public ::testing::TestWithParam<std::string> {
protected:
    void SetUp() override {
        db_ = std::make_unique<TestDatabase>(GetParam());
        if (pg_unavailable(*db_)) GTEST_SKIP() << "AVENIR_TEST_PG_DSN not set; make test provides one";
        config_ = test_config(db_->url());
        config_.outbox_dir = (fs::temp_directory_path() / ("avenir-outbox-" + std::to_string(::getpid()) + GetParam())).string();
        fs::remove_all(config_.outbox_dir);
        app_ = std::make_unique<App>(config_, true);
    }
    void TearDown() override {
        if (!config_.outbox_dir.empty()) fs::remove_all(config_.outbox_dir);
    }
    // Bodies of the messages in the outbox, oldest first.
    std::vector<mail::ParsedMessage> outbox() { return read_outbox(*app_, config_.outbox_dir); }
    static std::string link_in(const std::string& text) {
        std::smatch m;
        EXPECT_TRUE(std::regex_search(text, m, std::regex("https?://[^/\\s]+(/\\S*)")));
        return m[1];
    }
    Config config_;
    std::unique_ptr<TestDatabase> db_;
    std::unique_ptr<App> app_;
};

constexpr const char* kPassword = "violet-tractor-harbour-91";

TEST_P(AccountsHttp, RegisterVerifySignInAndOut) {
    Browser b(app_->pipeline());
    b.get("/fr/account/register");
    auto r = b.post("/fr/account/register", {{"name", "Amina Diallo"}, {"email", "Amina@Example.org"}, {"password", kPassword}});
    ASSERT_EQ(r.res.status, 200) << r.body;
    const auto mails = outbox();
    ASSERT_EQ(mails.size(), 1u);
    EXPECT_EQ(mails[0].header("To").find("amina@example.org") != std::string::npos, true);
    EXPECT_EQ(mails[0].header("Content-Language"), "fr");
    const std::string link = link_in(mails[0].body);
    ASSERT_NE(link.find("/fr/account/verify?token="), std::string::npos) << link;

    r = b.post("/account/sign-in", {{"email", "amina@example.org"}, {"password", kPassword}});
    EXPECT_EQ(r.res.status, 422) << "not confirmed yet";
    r = b.get(link);
    ASSERT_EQ(r.res.status, 200);
    r = b.post("/fr/account/verify", {{"token", link.substr(link.find("token=") + 6)}});
    ASSERT_EQ(r.res.status, 200);
    r = b.post("/account/sign-in", {{"email", "amina@example.org"}, {"password", kPassword}, {"next", "/account"}});
    ASSERT_EQ(r.res.status, 303);
    EXPECT_EQ(r.res.header("location").value_or(""), "/account");
    b.post("/account/sign-out", {});
    b.get("/fr/account/sign-in");
    r = b.post("/fr/account/sign-in", {{"email", "amina@example.org"}, {"password", kPassword}});
    EXPECT_EQ(r.res.header("location").value_or(""), "/fr/account") << "signing in keeps the language";
    const auto cookie = std::find_if(r.res.headers.begin(), r.res.headers.end(), [](const auto& h) {
        return h.first == "Set-Cookie" && h.second.starts_with("avenir_session=");
    });
    ASSERT_NE(cookie, r.res.headers.end());
    EXPECT_NE(cookie->second.find("HttpOnly"), std::string::npos);
    EXPECT_NE(cookie->second.find("SameSite=Lax"), std::string::npos);
    r = b.get("/account");
    ASSERT_EQ(r.res.status, 200);
    EXPECT_NE(r.body.find("Amina Diallo"), std::string::npos);
    r = b.post("/account/sign-out", {});
    EXPECT_EQ(r.res.status, 303);
    EXPECT_EQ(b.get("/account").res.status, 303) << "signed out: asked to sign in";
    // The verification link works once.
    b.get(link);
    r = b.post("/account/verify", {{"token", link.substr(link.find("token=") + 6)}});
    EXPECT_EQ(r.res.status, 422);
}

TEST_P(AccountsHttp, RegistrationDoesNotRevealExistingAccounts) {
    app_->module<accounts::AccountsModule>().create_user("taken@example.org", "Taken", kPassword);
    Browser b(app_->pipeline());
    b.get("/account/register");
    const auto existing = b.post("/account/register", {{"name", "X"}, {"email", "taken@example.org"}, {"password", kPassword}});
    b.get("/account/register");
    const auto fresh = b.post("/account/register", {{"name", "Y"}, {"email", "fresh@example.org"}, {"password", kPassword}});
    EXPECT_EQ(existing.res.status, fresh.res.status);
    EXPECT_EQ(existing.body.substr(existing.body.find("<main")), fresh.body.substr(fresh.body.find("<main")));
    EXPECT_EQ(outbox().size(), 2u) << "the owner of the taken address is told by e-mail";
}

TEST_P(AccountsHttp, WeakPasswordsAreRefusedWithReasonsAndInputKept) {
    Browser b(app_->pipeline());
    b.get("/account/register");
    const auto r = b.post("/account/register", {{"name", "Sam"}, {"email", "sam@example.org"}, {"password", "password1234"}});
    EXPECT_EQ(r.res.status, 422);
    EXPECT_NE(r.body.find("value=\"sam@example.org\""), std::string::npos);
    EXPECT_NE(r.body.find("aria-invalid=\"true\""), std::string::npos);
    EXPECT_TRUE(outbox().empty());
}

TEST_P(AccountsHttp, HundredWrongPasswordsLockTheAccountUntilTheLockPasses) {
    app_->module<accounts::AccountsModule>().create_user("ana@example.org", "Ana", kPassword);
    Browser b(app_->pipeline());
    b.get("/account/sign-in");
    int locked = 0;
    for (int i = 0; i < 100; ++i)
        locked += b.post("/account/sign-in", {{"email", "ana@example.org"}, {"password", "wrong-password-" + std::to_string(i)}}).res.status == 429;
    EXPECT_GE(locked, 90);
    auto r = b.post("/account/sign-in", {{"email", "ana@example.org"}, {"password", kPassword}});
    EXPECT_EQ(r.res.status, 429) << "the right password does not sign in while locked";
    EXPECT_FALSE(b.has_cookie("avenir_session"));
    // The same message for an address that has no account.
    const auto unknown = b.post("/account/sign-in", {{"email", "nobody@example.org"}, {"password", kPassword}});
    EXPECT_EQ(unknown.res.status, 429) << "the connection is locked too";
    // When the lock has passed, the right password works.
    app_->db().exec("UPDATE accounts_throttle SET locked_until = 0, failures = 0");
    r = b.post("/account/sign-in", {{"email", "ana@example.org"}, {"password", kPassword}});
    EXPECT_EQ(r.res.status, 303);
}

TEST_P(AccountsHttp, ABurstOfSignInsBeyondTheHashersLineGetsTheFormBackWithA503NotAFailure) {
    // Twelve people press "Sign in" at the same moment: two passwords are checked at a time and
    // four wait, so some are told to try again in a few seconds. Nobody gets an error page, a
    // lost form or a failed attempt on their account.
    app_->module<accounts::AccountsModule>().create_user("ines@example.org", "Ines", kPassword);
    constexpr int kPeople = 12;
    std::vector<std::unique_ptr<Browser>> people;
    for (int i = 0; i < kPeople; ++i) {
        people.push_back(std::make_unique<Browser>(app_->pipeline()));
        people.back()->get("/account/sign-in");
    }
    std::vector<Reply> replies(kPeople);
    std::latch start(kPeople);
    std::vector<std::thread> threads;
    for (int i = 0; i < kPeople; ++i)
        threads.emplace_back([&, i] {
            start.arrive_and_wait();
            replies[static_cast<std::size_t>(i)] =
                people[static_cast<std::size_t>(i)]->post("/account/sign-in", {{"email", "ines@example.org"}, {"password", kPassword}});
        });
    for (auto& t : threads) t.join();
    int signed_in = 0, busy = 0;
    for (const auto& r : replies) {
        if (r.res.status == 303) {
            ++signed_in;
        } else {
            ASSERT_EQ(r.res.status, 503) << r.body;
            ++busy;
            EXPECT_TRUE(r.res.header("Retry-After").has_value());
            EXPECT_NE(r.body.find("Please try again in a few seconds"), std::string::npos) << r.body;
            EXPECT_NE(r.body.find("value=\"ines@example.org\""), std::string::npos) << "the address typed is kept";
        }
    }
    EXPECT_GE(signed_in, 1);
    EXPECT_GE(busy, 1) << "twelve argon2id checks at once cannot all be admitted (2 running + 4 waiting)";
    // Not counted as failures: the account and the connection are not locked.
    EXPECT_TRUE(app_->db().exec("SELECT key FROM accounts_throttle WHERE failures > 0").empty());
    Browser later(app_->pipeline());
    later.get("/account/sign-in");
    EXPECT_EQ(later.post("/account/sign-in", {{"email", "ines@example.org"}, {"password", kPassword}}).res.status, 303);
}

TEST_P(AccountsHttp, BehindATrustedProxyOneClientsFailuresDoNotLockTheOthers) {
    Config c = config_;
    c.trusted_proxies = "192.0.2.1";  // the test connection's address plays the proxy
    App proxied(c, false);
    proxied.module<accounts::AccountsModule>().create_user("nadia@example.org", "Nadia", kPassword);
    Browser attacker(proxied.pipeline()), colleague(proxied.pipeline());
    attacker.extra_headers = {{"x-forwarded-for", "198.51.100.66"}};
    colleague.extra_headers = {{"x-forwarded-for", "203.0.113.20"}};
    attacker.get("/account/sign-in");
    for (int i = 0; i < 10; ++i)
        attacker.post("/account/sign-in", {{"email", "someone-" + std::to_string(i) + "@example.org"}, {"password", "wrong-password-x"}});
    EXPECT_EQ(attacker.post("/account/sign-in", {{"email", "nadia@example.org"}, {"password", kPassword}}).res.status, 429)
        << "the attacking client is locked";
    colleague.get("/account/sign-in");
    EXPECT_EQ(colleague.post("/account/sign-in", {{"email", "nadia@example.org"}, {"password", kPassword}}).res.status, 303)
        << "another client behind the same proxy is not";
}

TEST_P(AccountsHttp, AdminMustSetUpTwoFactorThenSignsInWithACode) {
    app_->module<accounts::AccountsModule>().create_user("admin@example.org", "Admin", kPassword);
    app_->module<accounts::AccountsModule>().grant("admin@example.org", {"admin", "global", ""});
    Browser b(app_->pipeline());
    b.get("/account/sign-in");
    ASSERT_EQ(b.post("/account/sign-in", {{"email", "admin@example.org"}, {"password", kPassword}}).res.status, 303);
    auto r = b.get("/admin");
    ASSERT_EQ(r.res.status, 303);
    EXPECT_EQ(r.res.header("location").value_or(""), "/account/two-factor");
    r = b.get("/account/two-factor");
    ASSERT_EQ(r.res.status, 200);
    EXPECT_NE(r.body.find("<svg"), std::string::npos);
    std::smatch m;
    ASSERT_TRUE(std::regex_search(r.body, m, std::regex("class=\"secret\">([A-Z2-7]+)<")));
    const std::string secret = m[1];
    const std::time_t now = std::time(nullptr);
    EXPECT_EQ(b.post("/account/two-factor", {{"code", "000000"}}).res.status, 422);
    r = b.post("/account/two-factor", {{"code", security::totp_code(secret, now)}});
    ASSERT_EQ(r.res.status, 200);
    std::smatch code_match;
    ASSERT_TRUE(std::regex_search(r.body, code_match, std::regex("<li><code>([a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4})</code></li>")));
    const std::string recovery = code_match[1];
    EXPECT_EQ(b.get("/admin").res.status, 200);

    b.post("/account/sign-out", {});
    b.get("/account/sign-in");
    r = b.post("/account/sign-in", {{"email", "admin@example.org"}, {"password", kPassword}, {"next", "/admin"}});
    ASSERT_EQ(r.res.status, 303);
    EXPECT_EQ(r.res.header("location").value_or("").find("/account/sign-in/code"), 0u);
    EXPECT_EQ(b.get("/admin").res.status, 303) << "not in before the code";
    b.get(std::string(r.res.header("location").value_or("")));
    // The code already used at set-up cannot be replayed; the next step's code works.
    r = b.post("/account/sign-in/code", {{"code", security::totp_code(secret, now + 30)}, {"next", "/admin"}});
    ASSERT_EQ(r.res.status, 303) << r.body;
    EXPECT_EQ(b.get("/admin").res.status, 200);
    // A recovery code signs in once (typed in upper case with spaces), and only once.
    std::string typed = recovery;
    for (char& ch : typed) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    for (int round = 0; round < 2; ++round) {
        b.post("/account/sign-out", {});
        b.get("/account/sign-in");
        b.post("/account/sign-in", {{"email", "admin@example.org"}, {"password", kPassword}});
        b.get("/account/sign-in/code");
        r = b.post("/account/sign-in/code", {{"code", typed}, {"next", "/admin"}});
        EXPECT_EQ(r.res.status, round == 0 ? 303 : 422) << "round " << round;
    }
}

TEST_P(AccountsHttp, PasswordResetIsSingleUseAndEndsOtherSessions) {
    app_->module<accounts::AccountsModule>().create_user("rosa@example.org", "Rosa", kPassword);
    Browser laptop(app_->pipeline()), phone(app_->pipeline());
    laptop.get("/account/sign-in");
    ASSERT_EQ(laptop.post("/account/sign-in", {{"email", "rosa@example.org"}, {"password", kPassword}}).res.status, 303);
    phone.get("/account/forgot");
    phone.post("/account/forgot", {{"email", "rosa@example.org"}});
    phone.get("/account/forgot");
    phone.post("/account/forgot", {{"email", "nobody@example.org"}});
    const auto mails = outbox();
    ASSERT_EQ(mails.size(), 1u) << "only an existing account gets a message";
    const std::string link = link_in(mails[0].body);
    const std::string token = link.substr(link.find("token=") + 6);
    phone.get(link);
    EXPECT_EQ(phone.post("/account/reset", {{"token", token}, {"password", "short"}}).res.status, 422);
    ASSERT_EQ(phone.post("/account/reset", {{"token", token}, {"password", "amber-lantern-orchard-47"}}).res.status, 200);
    EXPECT_EQ(laptop.get("/account").res.status, 303) << "the other session ended";
    phone.get(link);
    EXPECT_EQ(phone.post("/account/reset", {{"token", token}, {"password", "amber-lantern-orchard-48"}}).res.status, 422)
        << "single use";
    phone.get("/account/sign-in");
    EXPECT_EQ(phone.post("/account/sign-in", {{"email", "rosa@example.org"}, {"password", "amber-lantern-orchard-47"}}).res.status, 303);
    // Changing the password keeps this session and ends the others.
    laptop.get("/account/sign-in");
    ASSERT_EQ(laptop.post("/account/sign-in", {{"email", "rosa@example.org"}, {"password", "amber-lantern-orchard-47"}}).res.status, 303);
    phone.get("/account/password");
    EXPECT_EQ(phone.post("/account/password", {{"current", "wrong"}, {"password", "cobalt-meadow-violin-12"}}).res.status, 422);
    ASSERT_EQ(phone.post("/account/password", {{"current", "amber-lantern-orchard-47"}, {"password", "cobalt-meadow-violin-12"}}).res.status, 303);
    EXPECT_EQ(phone.get("/account").res.status, 200);
    EXPECT_EQ(laptop.get("/account").res.status, 303);
}

TEST_P(AccountsHttp, WhoMayGrantWhichRoles) {
    app_->seed();
    auto make = [&](const std::string& email) { app_->module<accounts::AccountsModule>().create_user(email, email.substr(0, email.find('@')), kPassword); };
    for (const char* e : {"coord@example.org", "rep@example.org", "member@example.org", "new@example.org"}) make(e);
    app_->module<accounts::AccountsModule>().grant("coord@example.org", {"coordinator", "region", "asia-pacific"});
    accounts::AccountsStore store(app_->db());
    store.set_totp(store.user_by_email("coord@example.org")->id, std::string("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"), 1);
    const auto union_id = std::to_string(store.create_union({0, "Union A", "Fiji", "asia-pacific", "health"}, 1));
    app_->module<accounts::AccountsModule>().grant("rep@example.org", {"union_rep", "union", union_id});
    auto session = [&](const std::string& email) {
        auto b = std::make_unique<Browser>(app_->pipeline());
        b->get("/account/sign-in");
        EXPECT_EQ(b->post("/account/sign-in", {{"email", email}, {"password", kPassword}}).res.status, 303);
        if (email == "coord@example.org") {
            b->get("/account/sign-in/code");
            b->post("/account/sign-in/code", {{"code", security::totp_code("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", std::time(nullptr))}});
        }
        b->get("/account");
        return b;
    };
    auto coord = session("coord@example.org");
    EXPECT_EQ(coord->post("/admin/grants", {{"email", "new@example.org"}, {"role", "dro"}, {"scope", "asia-pacific"}}).res.status, 303);
    EXPECT_EQ(coord->post("/admin/grants", {{"email", "new@example.org"}, {"role", "dro"}, {"scope", "latin-america"}}).res.status, 403);
    EXPECT_EQ(coord->post("/admin/grants", {{"email", "new@example.org"}, {"role", "admin"}, {"scope", ""}}).res.status, 403);
    const auto page = coord->get("/coordination");
    EXPECT_EQ(page.res.status, 200);
    EXPECT_NE(page.body.find("new@example.org"), std::string::npos) << "the new DRO is listed";
    auto rep = session("rep@example.org");
    EXPECT_EQ(rep->post("/admin/grants", {{"email", "member@example.org"}, {"role", "member"}, {"scope", union_id}}).res.status, 303);
    EXPECT_EQ(rep->post("/admin/grants", {{"email", "member@example.org"}, {"role", "union_rep"}, {"scope", union_id}}).res.status, 403);
    EXPECT_EQ(rep->get("/unions/" + union_id + "/members").res.status, 200);
    EXPECT_NE(rep->get("/unions/" + union_id + "/members").body.find("member@example.org"), std::string::npos);
    auto member = session("member@example.org");
    EXPECT_EQ(member->get("/unions/" + union_id + "/members").res.status, 403);
    EXPECT_EQ(member->post("/admin/grants", {{"email", "new@example.org"}, {"role", "member"}, {"scope", union_id}}).res.status, 403);
    const auto grants = store.grants(store.user_by_email("new@example.org")->id);
    ASSERT_EQ(grants.size(), 1u);
    EXPECT_EQ(grants[0].role, "dro");
    EXPECT_EQ(store.grants(store.user_by_email("member@example.org")->id).size(), 1u);
}

TEST_P(AccountsHttp, AdminAddsAUnionAndBadInputIsKept) {
    app_->seed();
    app_->module<accounts::AccountsModule>().create_user("admin@example.org", "Admin", kPassword);
    app_->module<accounts::AccountsModule>().grant("admin@example.org", {"admin", "global", ""});
    accounts::AccountsStore store(app_->db());
    store.set_totp(store.user_by_email("admin@example.org")->id, std::string("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"), 1);
    Browser b(app_->pipeline());
    b.get("/account/sign-in");
    b.post("/account/sign-in", {{"email", "admin@example.org"}, {"password", kPassword}});
    b.get("/account/sign-in/code");
    ASSERT_EQ(b.post("/account/sign-in/code", {{"code", security::totp_code("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", std::time(nullptr))}}).res.status, 303);
    b.get("/admin/unions");
    auto r = b.post("/admin/unions", {{"name", "Syndicat des agents publics"}, {"country", "Sénégal"}, {"region", "atlantis"}, {"sector", "health"}});
    EXPECT_EQ(r.res.status, 422);
    EXPECT_NE(r.body.find("value=\"Syndicat des agents publics\""), std::string::npos);
    r = b.post("/admin/unions", {{"name", "Syndicat des agents publics"}, {"country", "Sénégal"}, {"region", "africa-mena"}, {"sector", "health"}});
    EXPECT_EQ(r.res.status, 303);
    r = b.get("/admin/unions");
    EXPECT_NE(r.body.find("Syndicat des agents publics"), std::string::npos);
    b.get("/admin/unions");
    r = b.post("/admin/unions", {{"name", "Syndicat des agents publics"}, {"country", "Sénégal"}, {"region", "africa-mena"}, {"sector", "health"}});
    EXPECT_EQ(r.res.status, 422) << "duplicate";
    EXPECT_EQ(b.get("/admin/people").res.status, 200);
}

INSTANTIATE_TEST_SUITE_P(Backends, AccountsHttp, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace avenir::testing
