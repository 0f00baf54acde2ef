#pragma once
// HTTP tests drive the real pipeline, router, templates and a real database (SQLite in a temp
// folder, or a fresh schema in the PostgreSQL named by AVENIR_TEST_PG_DSN), without a socket.
#include <gtest/gtest.h>
#include <sodium.h>

#include <unistd.h>

#include <cstdlib>
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <map>
#include <regex>
#include <string>

#include "app/app.hpp"
#include "core/mail/message.hpp"
#include "core/http/compress.hpp"
#include "modules/accounts/accounts_module.hpp"
#include "modules/guide/guide_module.hpp"
#include "modules/library/library_module.hpp"

namespace avenir::testing {

// A database for one test: a temp SQLite file or a throwaway PostgreSQL schema.
class TestDatabase {
public:
    explicit TestDatabase(const std::string& backend) {
        char name[17];
        unsigned char raw[8];
        randombytes_buf(raw, sizeof raw);
        sodium_bin2hex(name, sizeof name, raw, sizeof raw);
        if (backend == "sqlite") {
            dir_ = std::filesystem::temp_directory_path() / ("avenir-test-" + std::string(name));
            std::filesystem::create_directories(dir_);
            url_ = "sqlite:" + (dir_ / "avenir.db").string();
            return;
        }
        const char* dsn = std::getenv("AVENIR_TEST_PG_DSN");
        if (!dsn || !*dsn) return;  // caller skips or fails
        pg_dsn_ = dsn;
        schema_ = "t_" + std::string(name);
        storage::open_database(pg_dsn_, 1)->exec("CREATE SCHEMA " + schema_);
        url_ = pg_dsn_ + (pg_dsn_.find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3D" + schema_;
    }
    ~TestDatabase() {
        try {
            if (!schema_.empty()) storage::open_database(pg_dsn_, 1)->exec("DROP SCHEMA " + schema_ + " CASCADE");
            if (!dir_.empty()) std::filesystem::remove_all(dir_);
        } catch (...) {
        }
    }
    // Empty when PostgreSQL was asked for but no DSN is set.
    const std::string& url() const { return url_; }

private:
    std::filesystem::path dir_;
    std::string url_, pg_dsn_, schema_;
};

// Skips a PostgreSQL test without a DSN, or fails it when AVENIR_REQUIRE_PG=1 (make test).
inline bool pg_unavailable(const TestDatabase& db) {
    if (!db.url().empty()) return false;
    const char* require = std::getenv("AVENIR_REQUIRE_PG");
    if (require && std::string(require) == "1") {
        ADD_FAILURE() << "AVENIR_TEST_PG_DSN is not set but AVENIR_REQUIRE_PG=1";
        return true;
    }
    return true;
}

inline Config test_config(const std::string& url) {
    Config c;
    c.database_url = url;
    c.static_dir = std::string(AVENIR_SOURCE_DIR) + "/static";
    c.content_dir = std::string(AVENIR_SOURCE_DIR) + "/content";
    c.db_pool = 2;
    c.outbox_dir = (std::filesystem::temp_directory_path() / ("avenir-outbox-" + std::to_string(::getpid()))).string();
    c.files_dir = (std::filesystem::temp_directory_path() / ("avenir-files-" + std::to_string(::getpid()))).string();
    return c;
}

struct Reply {
    http::Response res;
    std::string body;  // decompressed when gzip was used
};

inline Reply call(const http::Pipeline& pipeline, http::Method method, const std::string& target,
                  std::vector<std::pair<std::string, std::string>> headers = {}, std::string body = {}) {
    http::Request req;
    req.method = method;
    req.target = target;
    req.headers = std::move(headers);
    req.body = std::move(body);
    req.remote_address = "192.0.2.1";  // TEST-NET-1: one visitor's connection
    pipeline.prepare(req);
    Reply r{pipeline.handle(req), {}};
    const auto enc = r.res.header("content-encoding");
    r.body = enc && *enc == "gzip" ? http::gzip_decompress(r.res.body) : r.res.body;
    return r;
}

inline std::size_t count(const std::string& haystack, const std::string& needle) {
    std::size_t n = 0;
    for (auto pos = haystack.find(needle); pos != std::string::npos; pos = haystack.find(needle, pos + 1)) ++n;
    return n;
}

// A browser without a screen: keeps cookies, reads the CSRF field of the last page.
class Browser {
public:
    explicit Browser(const http::Pipeline& p) : pipeline_(p) {}
    Reply get(const std::string& target) { return send(http::Method::Get, target, ""); }
    Reply get(const std::string& target, std::vector<std::pair<std::string, std::string>> headers) {
        auto saved = extra_headers;
        extra_headers.insert(extra_headers.end(), headers.begin(), headers.end());
        auto r = send(http::Method::Get, target, "");
        extra_headers = saved;
        return r;
    }
    // Posts fields with the CSRF token of the last page.
    Reply post(const std::string& target, const std::vector<std::pair<std::string, std::string>>& fields) {
        std::string body = "_csrf=" + http::url_encode(csrf_);
        for (const auto& [k, v] : fields) body += "&" + http::url_encode(k) + "=" + http::url_encode(v);
        return send(http::Method::Post, target, body);
    }
    // Posts a multipart/form-data body (fields + one file) with the CSRF token of the last page.
    Reply post_file(const std::string& target, const std::vector<std::pair<std::string, std::string>>& fields, const std::string& field,
                    const std::string& filename, const std::string& data) {
        const std::string boundary = "----avenir-test-boundary-7d3a";
        std::string body;
        auto part = [&](const std::string& name, const std::string& value, const std::string& file) {
            body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"" +
                    (file.empty() ? "" : "; filename=\"" + file + "\"\r\nContent-Type: application/octet-stream") + "\r\n\r\n" + value + "\r\n";
        };
        part("_csrf", csrf_, "");
        for (const auto& [k, v] : fields) part(k, v, "");
        part(field, data, filename);
        body += "--" + boundary + "--\r\n";
        return send(http::Method::Post, target, body, "multipart/form-data; boundary=" + boundary);
    }
    bool has_cookie(const std::string& name) const { return cookies_.contains(name); }
    // Sent with every request (e.g. X-Forwarded-For from a proxy).
    std::vector<std::pair<std::string, std::string>> extra_headers;

private:
    Reply send(http::Method m, const std::string& target, const std::string& body,
               const std::string& content_type = "application/x-www-form-urlencoded") {
        std::string cookie;
        for (const auto& [k, v] : cookies_) cookie += (cookie.empty() ? "" : "; ") + k + "=" + v;
        std::vector<std::pair<std::string, std::string>> headers{{"cookie", cookie}, {"host", "avenir.test"},
                                                                 {"origin", "http://avenir.test"},
                                                                 {"content-type", content_type}};
        headers.insert(headers.end(), extra_headers.begin(), extra_headers.end());
        auto r = call(pipeline_, m, target, std::move(headers), body);
        for (const auto& [name, value] : r.res.headers) {
            if (name != "Set-Cookie") continue;
            const auto eq = value.find('='), semi = value.find(';');
            const std::string k = value.substr(0, eq), v = value.substr(eq + 1, semi - eq - 1);
            if (v.empty()) cookies_.erase(k);
            else cookies_[k] = v;
        }
        std::smatch m2;
        if (std::regex_search(r.body, m2, std::regex("name=\"_csrf\" value=\"([^\"]+)\""))) csrf_ = m2[1];
        return r;
    }
    const http::Pipeline& pipeline_;
    std::map<std::string, std::string> cookies_;
    std::string csrf_;
};

// The messages in an outbox folder once the app's queue is flushed, oldest first.
inline std::vector<mail::ParsedMessage> read_outbox(App& app, const std::string& dir) {
    app.flush_mail();
    std::vector<std::filesystem::path> files;
    if (std::filesystem::exists(dir))
        for (const auto& e : std::filesystem::directory_iterator(dir)) files.push_back(e.path());
    std::sort(files.begin(), files.end());
    std::vector<mail::ParsedMessage> out;
    for (const auto& f : files) {
        std::ifstream in(f, std::ios::binary);
        out.push_back(mail::parse_message(std::string(std::istreambuf_iterator<char>(in), {})));
    }
    return out;
}

// A browser signed in with e-mail and password (accounts without two-factor).
inline std::unique_ptr<Browser> signed_in_browser(const http::Pipeline& pipeline, const std::string& email, const std::string& password) {
    auto b = std::make_unique<Browser>(pipeline);
    b->get("/account/sign-in");
    EXPECT_EQ(b->post("/account/sign-in", {{"email", email}, {"password", password}}).res.status, 303) << email;
    return b;
}

}  // namespace avenir::testing
