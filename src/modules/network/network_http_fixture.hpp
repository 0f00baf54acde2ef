#pragma once
// The network module's HTTP fixture, on both backends: the shipped content, a union of
// Asia-Pacific with two members (author, reader), a DRO of Asia-Pacific and one of Latin America;
// mail goes to an outbox folder read by outbox(). Shared by network_*_http tests.
#include <gtest/gtest.h>

#include <filesystem>
#include <regex>
#include <unistd.h>

#include "core/clock.hpp"
#include "core/mail/message.hpp"
#include "modules/accounts/accounts_module.hpp"
#include "modules/network/network_module.hpp"
#include "tests/http/http_fixture.hpp"

namespace avenir::testing {
inline constexpr const char* kPassword = "violet-tractor-harbour-91";
inline constexpr const char* kEmployer = "Zephyrine Municipal Clinics";

class NetworkHttp : public ::testing::TestWithParam<std::string> {
protected:
    void SetUp() override {
        db_ = std::make_unique<TestDatabase>(GetParam());
        if (pg_unavailable(*db_)) GTEST_SKIP() << "AVENIR_TEST_PG_DSN not set; make test provides one";
        config_ = test_config(db_->url());
        namespace fs = std::filesystem;
        config_.outbox_dir = (fs::temp_directory_path() / ("avenir-outbox-network-" + std::to_string(::getpid()) + GetParam())).string();
        fs::remove_all(config_.outbox_dir);
        app_ = std::make_unique<App>(config_, true);
        app_->seed();
        auto& accounts = app_->module<accounts::AccountsModule>();
        const auto union_id = accounts.store().create_union({0, "Health Workers Union", "Fiji", "asia-pacific", "health"}, 0);
        for (const char* who : {"author", "reader"}) {
            accounts.create_user(std::string(who) + "@example.org", who, kPassword);
            accounts.grant(std::string(who) + "@example.org", {"member", "union", std::to_string(union_id)});
        }
        accounts.create_user("dro@example.org", "DRO", kPassword);
        accounts.grant("dro@example.org", {"dro", "region", "asia-pacific"});
        accounts.create_user("dro.latam@example.org", "Other DRO", kPassword);
        accounts.grant("dro.latam@example.org", {"dro", "region", "latin-america"});
    }
    void TearDown() override {
        if (!config_.outbox_dir.empty()) std::filesystem::remove_all(config_.outbox_dir);
    }
    std::unique_ptr<Browser> as(const std::string& who) { return signed_in_browser(app_->pipeline(), who + "@example.org", kPassword); }
    std::vector<mail::ParsedMessage> outbox() { return read_outbox(*app_, config_.outbox_dir); }
    Reply anon(const std::string& target) { return call(app_->pipeline(), http::Method::Get, target); }
    std::vector<std::pair<std::string, std::string>> form(const std::string& title, const std::string& visibility, bool hide) {
        return {{"lang", "en"},
                {"title", title},
                {"practice", "bad"},
                {"country", "Fiji"},
                {"region", "asia-pacific"},
                {"sector", "health"},
                {"employer_type", "public"},
                {"employer", kEmployer},
                {"hide_employer", hide ? "1" : ""},
                {"product", "QuillRota"},
                {"technologies", "scheduling, algorithmic-management"},
                {"year", "2025"},
                {"happened", "Night shifts were set by the QuillRota scheduler, which ignored rest rules for nurses."},
                {"union_action", "The union logged every breach and took them to the joint committee."},
                {"visibility", visibility}};
    }
    std::int64_t submitted_id(const Reply& r) {
        std::smatch m;
        const std::string location(r.res.header("location").value_or(""));
        EXPECT_TRUE(std::regex_search(location, m, std::regex("/network/practices/([0-9]+)$"))) << location;
        return m.size() > 1 ? std::stoll(m[1]) : 0;
    }
    Config config_;
    std::unique_ptr<TestDatabase> db_;
    std::unique_ptr<App> app_;
};

}  // namespace avenir::testing
