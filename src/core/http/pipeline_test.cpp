#include "core/http/pipeline.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

#include "core/errors.hpp"
#include "core/http/compress.hpp"
#include "core/log.hpp"

using namespace avenir::http;

namespace {

class PipelineTest : public ::testing::Test {
protected:
    void SetUp() override {
        avenir::log::set_file("/dev/null");
        router_.get("/", [](Request&) { return Response::html("<h1>Home</h1>"); });
        router_.get("/regions", [](Request& req) { return Response::html("regions lang=" + req.lang); });
        router_.get("/regions/{slug}", [](Request& req) { return Response::html("region " + req.param("slug")); });
        router_.post("/regions/{slug}", [](Request&) { return Response::redirect("/regions"); });
        router_.get("/missing", [](Request&) -> Response { throw avenir::NotFound(); });
        router_.get("/conflict", [](Request&) -> Response { throw avenir::Conflict("Already taken.", "dup key"); });
        router_.get("/boom", [](Request&) -> Response { throw std::runtime_error("SELECT secret FROM users"); });
        router_.get("/weird", [](Request&) -> Response { throw 42; });
        router_.get("/big", [](Request&) { return Response::html(std::string(5000, 'x')); });
        router_.get("/tagged", [](Request&) {
            Response r = Response::text("tagged body");
            r.set_header("ETag", "\"v1\"");
            return r;
        });
        router_.post("/upload", [](Request&) { return Response::text("ok"); }, RouteOptions{.max_body = 123});
        options_.before_route = [](Request& req) {
            if (req.path == "/fr" || req.path.starts_with("/fr/")) {
                req.lang = "fr";
                req.path = req.path.size() == 3 ? "/" : req.path.substr(3);
            } else if (req.path.starts_with("/xx/")) {
                throw avenir::NotFound();
            }
        };
    }
    void TearDown() override { avenir::log::set_file(""); }

    Response run(Method m, const std::string& target, std::vector<std::pair<std::string, std::string>> headers = {}) {
        Pipeline pipeline(router_, options_);
        last_ = Request{};
        last_.method = m;
        last_.target = target;
        last_.headers = std::move(headers);
        pipeline.prepare(last_);
        return pipeline.handle(last_);
    }

    static void expect_security_headers(const Response& res) {
        EXPECT_TRUE(res.header("Content-Security-Policy").has_value()) << res.status;
        EXPECT_EQ(res.header("X-Content-Type-Options").value_or(""), "nosniff") << res.status;
        EXPECT_EQ(res.header("Referrer-Policy").value_or(""), "same-origin") << res.status;
        EXPECT_EQ(res.header("X-Frame-Options").value_or(""), "DENY") << res.status;
        EXPECT_EQ(res.header("Permissions-Policy").value_or(""), "camera=(), microphone=(), geolocation=()");
        EXPECT_EQ(res.header("Cross-Origin-Opener-Policy").value_or(""), "same-origin") << res.status;
    }

    Router router_;
    PipelineOptions options_;
    Request last_;
};

}  // namespace

TEST(PipelineIds, RequestIdsAreRandomHex) {
    const std::string a = new_request_id(), b = new_request_id();
    EXPECT_EQ(a.size(), 16u);
    EXPECT_EQ(a.find_first_not_of("0123456789abcdef"), std::string::npos);
    EXPECT_NE(a, b);
}

TEST_F(PipelineTest, PrepareSplitsTargetAndDecodesPath) {
    Pipeline pipeline(router_, options_);
    Request req;
    req.target = "/fr/regions/%C3%AEle+x?q=a%20b&x=1";
    pipeline.prepare(req);
    EXPECT_EQ(req.raw_path, "/fr/regions/\xC3\xAEle+x");
    EXPECT_EQ(req.path, "/regions/\xC3\xAEle+x");
    EXPECT_EQ(req.lang, "fr");
    EXPECT_EQ(req.query_string, "q=a%20b&x=1");
    EXPECT_EQ(req.query("q"), "a b");
    EXPECT_EQ(req.request_id.size(), 16u);
    Request preset;
    preset.request_id = "fromproxy";
    preset.target = "http://example.org/regions?y=2";
    pipeline.prepare(preset);
    EXPECT_EQ(preset.request_id, "fromproxy");
    EXPECT_EQ(preset.path, "/regions");
    EXPECT_EQ(preset.query_string, "y=2");
}

TEST_F(PipelineTest, RoutesAndSetsDefaults) {
    const Response res = run(Method::Get, "/regions/north");
    EXPECT_EQ(res.status, 200);
    EXPECT_EQ(res.body, "region north");
    EXPECT_EQ(res.header("Cache-Control").value_or(""), "no-cache");
    expect_security_headers(res);
    EXPECT_FALSE(res.header("Strict-Transport-Security").has_value());
    EXPECT_EQ(std::any_cast<std::string>(last_.context.at(std::string(kRouteContextKey))), "/regions/{slug}");
}

TEST_F(PipelineTest, UnknownPathIs404WithSecurityHeaders) {
    const Response res = run(Method::Get, "/nowhere");
    EXPECT_EQ(res.status, 404);
    EXPECT_NE(res.body.find("404 Not Found"), std::string::npos);
    EXPECT_EQ(res.header("Content-Type").value_or(""), "text/html; charset=utf-8");
    expect_security_headers(res);
}

TEST_F(PipelineTest, WrongMethodIs405WithAllow) {
    const Response res = run(Method::Delete, "/regions/north");
    EXPECT_EQ(res.status, 405);
    EXPECT_EQ(res.header("Allow").value_or(""), "GET, HEAD, POST");
    expect_security_headers(res);
}

TEST_F(PipelineTest, HttpErrorsMapToTheirStatusAndPublicMessage) {
    const Response missing = run(Method::Get, "/missing");
    EXPECT_EQ(missing.status, 404);
    EXPECT_NE(missing.body.find("This page does not exist."), std::string::npos);
    const Response conflict = run(Method::Get, "/conflict");
    EXPECT_EQ(conflict.status, 409);
    EXPECT_NE(conflict.body.find("Already taken."), std::string::npos);
    EXPECT_EQ(conflict.body.find("dup key"), std::string::npos);
}

TEST_F(PipelineTest, UnexpectedExceptionsAre500WithOnlyTheRequestId) {
    const Response res = run(Method::Get, "/boom");
    EXPECT_EQ(res.status, 500);
    EXPECT_EQ(res.body.find("SELECT"), std::string::npos);
    EXPECT_EQ(res.body.find("secret"), std::string::npos);
    ASSERT_EQ(last_.request_id.size(), 16u);
    EXPECT_NE(res.body.find(last_.request_id), std::string::npos);
    expect_security_headers(res);
    const Response weird = run(Method::Get, "/weird");
    EXPECT_EQ(weird.status, 500);
    EXPECT_NE(weird.body.find(last_.request_id), std::string::npos);
}

TEST_F(PipelineTest, ErrorPageCallbackGetsStatusAndPublicMessage) {
    int seen_status = 0;
    std::string seen_message;
    options_.error_page = [&](Request& req, int status, std::string_view message) {
        seen_status = status;
        seen_message = std::string(message);
        return Response::html("custom:" + req.lang, 200);  // status is forced by the pipeline
    };
    const Response res = run(Method::Get, "/fr/boom");
    EXPECT_EQ(res.status, 500);
    EXPECT_EQ(res.body, "custom:fr");
    EXPECT_EQ(seen_status, 500);
    EXPECT_EQ(seen_message, "Something went wrong on our side. Reference: " + last_.request_id);
    options_.error_page = [](Request&, int, std::string_view) -> Response { throw std::runtime_error("template"); };
    const Response fallback = run(Method::Get, "/nowhere");
    EXPECT_EQ(fallback.status, 404);
    EXPECT_NE(fallback.body.find("404 Not Found"), std::string::npos);
}

TEST_F(PipelineTest, HeadKeepsHeadersAndLengthButNoBody) {
    const Response get = run(Method::Get, "/regions/north");
    const Response head = run(Method::Head, "/regions/north");
    EXPECT_EQ(head.status, 200);
    EXPECT_TRUE(head.body.empty());
    EXPECT_EQ(head.header("Content-Length").value_or(""), std::to_string(get.body.size()));
    EXPECT_EQ(head.header("Content-Type"), get.header("Content-Type"));
    const Response gz_head = run(Method::Head, "/big", {{"accept-encoding", "gzip"}});
    EXPECT_TRUE(gz_head.body.empty());
    EXPECT_EQ(gz_head.header("Content-Encoding").value_or(""), "gzip");
    const Response gz_get = run(Method::Get, "/big", {{"accept-encoding", "gzip"}});
    EXPECT_EQ(gz_head.header("Content-Length").value_or(""), std::to_string(gz_get.body.size()));
}

TEST_F(PipelineTest, GzipWhenAcceptedAndLargeEnough) {
    const Response gz = run(Method::Get, "/big", {{"accept-encoding", "br, gzip"}});
    EXPECT_EQ(gz.header("Content-Encoding").value_or(""), "gzip");
    EXPECT_EQ(gz.header("Vary").value_or(""), "Accept-Encoding");
    EXPECT_EQ(gzip_decompress(gz.body), std::string(5000, 'x'));
    const Response plain = run(Method::Get, "/big", {{"accept-encoding", "gzip;q=0"}});
    EXPECT_FALSE(plain.header("Content-Encoding").has_value());
    EXPECT_EQ(plain.header("Vary").value_or(""), "Accept-Encoding");
    EXPECT_EQ(plain.body, std::string(5000, 'x'));
    const Response small = run(Method::Get, "/regions", {{"accept-encoding", "gzip"}});
    EXPECT_FALSE(small.header("Content-Encoding").has_value());
    EXPECT_EQ(small.header("Vary").value_or(""), "Accept-Encoding");
}

TEST_F(PipelineTest, ConditionalGetGives304) {
    for (const char* inm : {"\"v1\"", "W/\"v1\"", "\"a\", \"v1\"", "*"}) {
        const Response res = run(Method::Get, "/tagged", {{"if-none-match", inm}});
        EXPECT_EQ(res.status, 304) << inm;
        EXPECT_TRUE(res.body.empty());
        EXPECT_EQ(res.header("ETag").value_or(""), "\"v1\"");
        EXPECT_FALSE(res.header("Content-Type").has_value());
        expect_security_headers(res);
    }
    EXPECT_EQ(run(Method::Get, "/tagged", {{"if-none-match", "\"v2\""}}).status, 200);
    EXPECT_EQ(run(Method::Get, "/tagged").status, 200);
}

TEST_F(PipelineTest, TrailingSlashRedirectsKeepingPrefixAndQuery) {
    const Response res = run(Method::Get, "/fr/regions/?page=2");
    EXPECT_EQ(res.status, 301);
    EXPECT_EQ(res.header("Location").value_or(""), "/fr/regions?page=2");
    expect_security_headers(res);
    EXPECT_EQ(run(Method::Get, "/regions/north/").header("Location").value_or(""), "/regions/north");
    EXPECT_EQ(run(Method::Post, "/regions/north/").status, 308);
    EXPECT_EQ(run(Method::Get, "/nowhere/").status, 404);
}

TEST_F(PipelineTest, TrailingSlashNeverRedirectsOffSite) {
    router_.get("//{host}", [](Request&) { return Response::text("odd route"); });
    const Response res = run(Method::Get, "//evil.example/");
    EXPECT_EQ(res.status, 404);
    EXPECT_FALSE(res.header("Location").has_value());
}

TEST_F(PipelineTest, BeforeRouteHookStripsLanguagePrefix) {
    const Response res = run(Method::Get, "/fr/regions");
    EXPECT_EQ(res.status, 200);
    EXPECT_EQ(res.body, "regions lang=fr");
    EXPECT_EQ(last_.raw_path, "/fr/regions");
    EXPECT_EQ(run(Method::Get, "/fr").body, "<h1>Home</h1>");
    EXPECT_EQ(run(Method::Get, "/xx/regions").status, 404);  // the hook's NotFound is mapped
}

TEST_F(PipelineTest, MalformedTargetsAre400) {
    for (const char* target : {"/a%00b", "/caf%C3", "/%0D%0ALocation:x", "*", "regions", ""})
        EXPECT_EQ(run(Method::Get, target).status, 400) << target;
}

TEST_F(PipelineTest, HstsOnlyOverTls) {
    options_.hsts = true;
    Pipeline pipeline(router_, options_);
    Request req;
    req.target = "/";
    req.secure = true;
    pipeline.prepare(req);
    EXPECT_EQ(pipeline.handle(req).header("Strict-Transport-Security").value_or(""), "max-age=31536000");
    EXPECT_FALSE(run(Method::Get, "/").header("Strict-Transport-Security").has_value());
}

TEST_F(PipelineTest, BodyLimitPerRoute) {
    Pipeline pipeline(router_, options_);
    Request req;
    req.method = Method::Post;
    req.target = "/upload";
    pipeline.prepare(req);
    EXPECT_EQ(pipeline.body_limit(req), 123u);
    req.target = "/regions/x";
    pipeline.prepare(req);
    EXPECT_EQ(pipeline.body_limit(req), options_.default_max_body);
}

TEST_F(PipelineTest, ErrorForServerUseIsFinalised) {
    Pipeline pipeline(router_, options_);
    Request req;
    const Response res = pipeline.error(req, 413);
    EXPECT_EQ(res.status, 413);
    EXPECT_NE(res.body.find("The request is too large."), std::string::npos);
    expect_security_headers(res);
}
