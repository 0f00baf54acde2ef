#include "core/http/static_files.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <random>
#include <stdexcept>

#include "core/errors.hpp"
#include "core/http/compress.hpp"
#include "core/http/pipeline.hpp"
#include "core/log.hpp"

using namespace avenir::http;
namespace fs = std::filesystem;

namespace {

class StaticFilesTest : public ::testing::Test {
protected:
    void SetUp() override {
        avenir::log::set_file("/dev/null");
        dir_ = fs::temp_directory_path() / ("avenir_static_" + std::to_string(std::random_device{}()));
        fs::create_directories(dir_ / "img");
        fs::create_directories(dir_ / ".git");
        css_ = "body { color: #222; }\n";
        for (int i = 0; i < 200; ++i) css_ += ".c" + std::to_string(i) + " { margin: 0 auto; padding: 1rem; }\n";
        write("app.css", css_);
        write("img/logo.png", std::string("\x89PNG\r\n\x1a\n", 8) + std::string(1000, '\x07'));
        write("LICENSE", "text without extension");
        write(".env", "SECRET=1");
        write(".git/config", "[core]");
        files_ = std::make_unique<StaticFiles>(dir_);
        files_->add_routes(router_);
        pipeline_ = std::make_unique<Pipeline>(router_, PipelineOptions{});
    }
    void TearDown() override {
        fs::remove_all(dir_);
        avenir::log::set_file("");
    }

    void write(const std::string& name, const std::string& data) {
        std::ofstream(dir_ / name, std::ios::binary) << data;
    }

    Response get(const std::string& target, std::vector<std::pair<std::string, std::string>> headers = {}) {
        Request req;
        req.method = Method::Get;
        req.target = target;
        req.headers = std::move(headers);
        pipeline_->prepare(req);
        return pipeline_->handle(req);
    }

    fs::path dir_;
    std::string css_;
    Router router_;
    std::unique_ptr<StaticFiles> files_;
    std::unique_ptr<Pipeline> pipeline_;
};

}  // namespace

TEST(StaticContentType, ByExtension) {
    EXPECT_EQ(content_type_for("a/app.css"), "text/css; charset=utf-8");
    EXPECT_EQ(content_type_for("app.JS"), "text/javascript; charset=utf-8");
    EXPECT_EQ(content_type_for("x.svg"), "image/svg+xml");
    EXPECT_EQ(content_type_for("x.jpeg"), "image/jpeg");
    EXPECT_EQ(content_type_for("x.woff2"), "font/woff2");
    EXPECT_EQ(content_type_for("app.js.map"), "application/json");
    EXPECT_EQ(content_type_for("dir.v2/README"), "application/octet-stream");
    EXPECT_EQ(content_type_for("x.exe"), "application/octet-stream");
}

TEST_F(StaticFilesTest, FingerprintedUrlInsertsHashBeforeExtension) {
    const std::string url = files_->url("app.css");
    ASSERT_EQ(url.size(), std::string("/static/app.12345678.css").size());
    EXPECT_TRUE(url.starts_with("/static/app."));
    EXPECT_TRUE(url.ends_with(".css"));
    const std::string hash = url.substr(12, 8);
    EXPECT_EQ(hash.find_first_not_of("0123456789abcdef"), std::string::npos);
    EXPECT_EQ(files_->url("img/logo.png").substr(0, 17), "/static/img/logo.");
    EXPECT_TRUE(files_->url("LICENSE").starts_with("/static/LICENSE."));
    EXPECT_EQ(files_->content("app.css"), css_);
    EXPECT_THROW(files_->url("missing.css"), std::out_of_range);
    EXPECT_THROW(files_->content(".env"), std::out_of_range);  // dotfiles are not loaded
    EXPECT_THROW(files_->content(".git/config"), std::out_of_range);
}

TEST_F(StaticFilesTest, ServesPlainNameWithEtagAndNoCache) {
    const Response res = get("/static/app.css");
    EXPECT_EQ(res.status, 200);
    EXPECT_EQ(res.body, css_);
    EXPECT_EQ(res.header("Content-Type").value_or(""), "text/css; charset=utf-8");
    EXPECT_EQ(res.header("Cache-Control").value_or(""), "no-cache");
    const std::string etag(res.header("ETag").value_or(""));
    ASSERT_EQ(etag.size(), 18u);
    EXPECT_EQ(etag.front(), '"');
    EXPECT_EQ(etag.substr(1, 8), files_->url("app.css").substr(12, 8));
}

TEST_F(StaticFilesTest, FingerprintedUrlIsImmutable) {
    const Response res = get(files_->url("app.css"));
    EXPECT_EQ(res.status, 200);
    EXPECT_EQ(res.body, css_);
    EXPECT_EQ(res.header("Cache-Control").value_or(""), "public, max-age=31536000, immutable");
}

TEST_F(StaticFilesTest, StaleFingerprintServesCurrentBytesWithoutLongCache) {
    const Response res = get("/static/app.00000000.css");
    EXPECT_EQ(res.status, 200);
    EXPECT_EQ(res.body, css_);
    EXPECT_EQ(res.header("Cache-Control").value_or(""), "no-cache");
    EXPECT_EQ(get("/static/other.00000000.css").status, 404);
}

TEST_F(StaticFilesTest, IfNoneMatchGives304ThroughThePipeline) {
    const std::string etag(get("/static/app.css").header("ETag").value_or(""));
    const Response res = get(files_->url("app.css"), {{"if-none-match", "\"nope\", " + etag}});
    EXPECT_EQ(res.status, 304);
    EXPECT_TRUE(res.body.empty());
    EXPECT_EQ(res.header("ETag").value_or(""), etag);
    EXPECT_EQ(res.header("Cache-Control").value_or(""), "public, max-age=31536000, immutable");
    EXPECT_EQ(res.header("X-Content-Type-Options").value_or(""), "nosniff");
    EXPECT_EQ(get("/static/app.css", {{"if-none-match", "\"other\""}}).status, 200);
}

TEST_F(StaticFilesTest, GzipCopyIsUsedForCompressibleFiles) {
    const Response res = get("/static/app.css", {{"accept-encoding", "gzip"}});
    EXPECT_EQ(res.status, 200);
    EXPECT_EQ(res.header("Content-Encoding").value_or(""), "gzip");
    EXPECT_EQ(res.header("Vary").value_or(""), "Accept-Encoding");
    EXPECT_EQ(gzip_decompress(res.body), css_);
    const Response png = get("/static/img/logo.png", {{"accept-encoding", "gzip"}});
    EXPECT_EQ(png.status, 200);
    EXPECT_FALSE(png.header("Content-Encoding").has_value());
    EXPECT_EQ(png.header("Content-Type").value_or(""), "image/png");
}

TEST_F(StaticFilesTest, TraversalDotfilesAndUnknownNamesAre404) {
    for (const char* target : {"/static/../etc/passwd", "/static/%2e%2e/etc/passwd", "/static/img/../app.css",
                               "/static//etc/passwd", "/static/.env", "/static/.git/config", "/static/img\\logo.png",
                               "/static/./app.css", "/static/", "/static/missing.css"})
        EXPECT_EQ(get(target).status, 404) << target;
}

TEST_F(StaticFilesTest, ServeThrowsNotFoundWhenCalledDirectly) {
    Request req;
    req.params = {{"path", "../app.css"}};
    EXPECT_THROW(files_->serve(req), avenir::NotFound);
    req.params = {{"path", "app.css"}};
    EXPECT_EQ(files_->serve(req).body, css_);
}

TEST(StaticFiles, MissingFolderThrows) {
    EXPECT_THROW(StaticFiles("/nonexistent/avenir/static"), std::runtime_error);
}
