// Privacy: "My data" covers every table that refers to a person (derived from the schema),
// deletion erases personal data, and logs carry no personal data.
#include <gtest/gtest.h>

#include <fstream>
#include <regex>

#include "core/log.hpp"
#include "http_fixture.hpp"

namespace avenir::testing {
namespace {
using http::Method;
namespace fs = std::filesystem;
constexpr const char* kPassword = "violet-tractor-harbour-91";

class Privacy : public ::testing::Test {
protected:
    void SetUp() override {
        db_ = std::make_unique<TestDatabase>("sqlite");
        app_ = std::make_unique<App>(test_config(db_->url()), true);
        app_->seed();
    }
    // Signs in and returns the headers of that session, with a CSRF token for forms.
    std::pair<std::vector<std::pair<std::string, std::string>>, std::string> sign_in(const std::string& email) {
        std::vector<std::pair<std::string, std::string>> h{{"host", "t"}, {"origin", "http://t"},
                                                          {"content-type", "application/x-www-form-urlencoded"},
                                                          {"cookie", "avenir_csrf=" + std::string(40, 'c')}};
        auto page = call(app_->pipeline(), Method::Get, "/account/sign-in", h);
        const std::string token = csrf_of(page.body);
        auto r = call(app_->pipeline(), Method::Post, "/account/sign-in", h,
                      "_csrf=" + http::url_encode(token) + "&email=" + http::url_encode(email) + "&password=" + kPassword);
        EXPECT_EQ(r.res.status, 303);
        for (const auto& [k, v] : r.res.headers)
            if (k == "Set-Cookie" && v.starts_with("avenir_session=")) h[3].second += "; " + v.substr(0, v.find(';'));
        page = call(app_->pipeline(), Method::Get, "/account", h);
        return {h, csrf_of(page.body)};
    }
    static std::string csrf_of(const std::string& html) {
        std::smatch m;
        return std::regex_search(html, m, std::regex("name=\"_csrf\" value=\"([^\"]+)\"")) ? m[1].str() : "";
    }
    std::unique_ptr<TestDatabase> db_;
    std::unique_ptr<App> app_;
};

TEST_F(Privacy, ExportCoversEveryTableThatRefersToAPerson) {
    std::vector<std::string> missing;
    for (const auto& t : app_->db().exec("SELECT name FROM sqlite_master WHERE type = 'table'")) {
        const std::string table = t.get_text(0);
        for (const auto& fk : app_->db().exec("SELECT \"table\", \"from\" FROM pragma_foreign_key_list('" + table + "')")) {
            if (fk.get_text(0) != "accounts_users") continue;
            const auto& reg = app_->personal_data().tables();
            const auto it = std::find_if(reg.begin(), reg.end(), [&](const auto& p) { return p.table == table; });
            if (it == reg.end() || std::find(it->person_columns.begin(), it->person_columns.end(), fk.get_text(1)) == it->person_columns.end())
                missing.push_back(table + "." + fk.get_text(1));
        }
    }
    EXPECT_TRUE(missing.empty()) << "not covered by My data: " << ::testing::PrintToString(missing);
    EXPECT_GE(app_->personal_data().tables().size(), 7u);
}

TEST_F(Privacy, MyDataHoldsThePersonsRowsAndNoSecrets) {
    app_->module<accounts::AccountsModule>().create_user("lena@example.org", "Lena Okafor", kPassword);
    auto [h, token] = sign_in("lena@example.org");
    call(app_->pipeline(), Method::Post, "/account/consents", h, "_csrf=" + http::url_encode(token) + "&consent=recorded");
    const auto r = call(app_->pipeline(), Method::Get, "/account/data", h);
    ASSERT_EQ(r.res.status, 200);
    EXPECT_NE(r.res.header("content-disposition").value_or("").find("attachment"), std::string::npos);
    const auto doc = nlohmann::json::parse(r.body);
    EXPECT_EQ(doc["tables"]["accounts_users"][0]["email"], "lena@example.org");
    EXPECT_EQ(doc["tables"]["accounts_users"][0]["password_hash"], "(set)");
    EXPECT_EQ(doc["tables"]["accounts_consents"][0]["kind"], "recorded");
    EXPECT_FALSE(doc["tables"]["accounts_sessions"].empty());
    EXPECT_EQ(r.body.find("$argon2id$"), std::string::npos);
}

TEST_F(Privacy, DeletingTheAccountErasesPersonalData) {
    app_->module<accounts::AccountsModule>().create_user("omar@example.org", "Omar Haddad", kPassword);
    auto [h, token] = sign_in("omar@example.org");
    auto r = call(app_->pipeline(), Method::Post, "/account/delete", h, "_csrf=" + http::url_encode(token) + "&password=wrong-one-here");
    EXPECT_EQ(r.res.status, 422);
    r = call(app_->pipeline(), Method::Post, "/account/delete", h, "_csrf=" + http::url_encode(token) + "&password=" + kPassword);
    ASSERT_EQ(r.res.status, 200);
    // No text column anywhere still holds the address or the name.
    for (const auto& t : app_->db().exec("SELECT name FROM sqlite_master WHERE type = 'table'")) {
        const auto rows = app_->db().exec("SELECT * FROM " + t.get_text(0));
        for (const auto& row : rows.rows)
            for (std::size_t i = 0; i < row.size(); ++i)
                if (const auto* s = std::get_if<std::string>(&row.value(i))) {
                    EXPECT_EQ(s->find("omar@example.org"), std::string::npos) << t.get_text(0);
                    EXPECT_EQ(s->find("Omar Haddad"), std::string::npos) << t.get_text(0);
                }
    }
    EXPECT_EQ(app_->db().exec("SELECT COUNT(*) FROM accounts_audit WHERE event = 'account_erased' AND subject_id IS NULL").at(0).get_int(0), 1);
    EXPECT_EQ(call(app_->pipeline(), Method::Get, "/account", h).res.status, 303) << "the session ended";
}

TEST_F(Privacy, LogsHoldNoPersonalData) {
    const fs::path log_file = fs::temp_directory_path() / ("avenir-privacy-log-" + std::to_string(::getpid()));
    log::set_file(log_file.string());
    std::vector<std::pair<std::string, std::string>> h{{"host", "t"}, {"origin", "http://t"},
                                                      {"content-type", "application/x-www-form-urlencoded"},
                                                      {"cookie", "avenir_csrf=" + std::string(40, 'c')}};
    const std::string token = csrf_of(call(app_->pipeline(), Method::Get, "/account/register", h).body);
    call(app_->pipeline(), Method::Post, "/account/register", h,
         "_csrf=" + http::url_encode(token) + "&name=Grace+Mbeki&email=grace%40example.org&password=" + kPassword);
    call(app_->pipeline(), Method::Post, "/account/sign-in", h, "_csrf=" + http::url_encode(token) + "&email=grace%40example.org&password=nope");
    call(app_->pipeline(), Method::Post, "/account/sign-in", h, "_csrf=bad&email=grace%40example.org&password=nope");
    call(app_->pipeline(), Method::Get, "/regions/nowhere?email=grace@example.org", h);
    app_->flush_mail();
    log::set_file("");
    std::ifstream in(log_file);
    const std::string log_text((std::istreambuf_iterator<char>(in)), {});
    fs::remove(log_file);
    EXPECT_FALSE(log_text.empty()) << "the session wrote log lines";
    EXPECT_EQ(log_text.find("grace"), std::string::npos) << log_text;
    EXPECT_EQ(log_text.find("Mbeki"), std::string::npos) << log_text;
    EXPECT_EQ(log_text.find("192.0.2.1"), std::string::npos) << "no IP addresses";
}

}  // namespace
}  // namespace avenir::testing
