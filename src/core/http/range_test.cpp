#include "core/http/range.hpp"

#include <gtest/gtest.h>

#include "core/http/pipeline.hpp"
#include "core/http/router.hpp"
#include "core/log.hpp"

namespace avenir::http {
namespace {

using Kind = ByteRange::Kind;

::testing::AssertionResult is_partial(const ByteRange& r, std::uint64_t first, std::uint64_t last) {
    if (r.kind == Kind::Partial && r.first == first && r.last == last) return ::testing::AssertionSuccess();
    return ::testing::AssertionFailure() << "kind " << static_cast<int>(r.kind) << " [" << r.first << ", " << r.last
                                         << "], want [" << first << ", " << last << "]";
}

TEST(RangeParse, FirstAndLast) {
    EXPECT_TRUE(is_partial(parse_range("bytes=0-499", 1000), 0, 499));
    EXPECT_TRUE(is_partial(parse_range("bytes=500-999", 1000), 500, 999));
    EXPECT_TRUE(is_partial(parse_range("bytes=7-7", 1000), 7, 7));
    EXPECT_EQ(parse_range("bytes=0-499", 1000).length(), 500u);
}

TEST(RangeParse, OpenEndedAndSuffix) {
    EXPECT_TRUE(is_partial(parse_range("bytes=500-", 1000), 500, 999));
    EXPECT_TRUE(is_partial(parse_range("bytes=0-", 1000), 0, 999));
    EXPECT_TRUE(is_partial(parse_range("bytes=-300", 1000), 700, 999));
    EXPECT_TRUE(is_partial(parse_range("bytes=-1", 1000), 999, 999));
    EXPECT_TRUE(is_partial(parse_range("bytes=-5000", 1000), 0, 999)) << "suffix longer than the file: all of it";
}

TEST(RangeParse, LastBeyondSizeIsClamped) {
    EXPECT_TRUE(is_partial(parse_range("bytes=900-5000", 1000), 900, 999));
    EXPECT_TRUE(is_partial(parse_range("bytes=0-1000", 1000), 0, 999));
}

TEST(RangeParse, FirstAtOrBeyondSizeIsUnsatisfiable) {
    EXPECT_EQ(parse_range("bytes=1000-", 1000).kind, Kind::Unsatisfiable);
    EXPECT_EQ(parse_range("bytes=1000-2000", 1000).kind, Kind::Unsatisfiable);
    EXPECT_EQ(parse_range("bytes=-0", 1000).kind, Kind::Unsatisfiable);
}

TEST(RangeParse, LastBeforeFirstIsIgnored) {
    EXPECT_EQ(parse_range("bytes=500-499", 1000).kind, Kind::Whole);
    EXPECT_EQ(parse_range("bytes=2000-1500", 1000).kind, Kind::Whole);
}

TEST(RangeParse, EmptyFile) {
    EXPECT_EQ(parse_range("bytes=0-", 0).kind, Kind::Unsatisfiable);
    EXPECT_EQ(parse_range("bytes=0-0", 0).kind, Kind::Unsatisfiable);
    EXPECT_EQ(parse_range("bytes=-10", 0).kind, Kind::Whole);
    EXPECT_EQ(parse_range("bytes=-0", 0).kind, Kind::Unsatisfiable);
}

TEST(RangeParse, GarbageIsIgnored) {
    for (const char* value : {"", "bytes", "bytes=", "bytes=-", "bytes=abc", "bytes=1-x", "bytes=x-1", "bytes=+1-2",
                              "bytes=1--2", "bytes= 1 - 2", "bytes=0x10-", "bytes=1.5-2", "items=0-10", "0-10",
                              "bytes 0-10", "bytes=,", "bytes=--1", "bytes=-1-"})
        EXPECT_EQ(parse_range(value, 1000).kind, Kind::Whole) << '"' << value << '"';
}

TEST(RangeParse, UnitIsCaseInsensitiveAndOwsIsAllowed) {
    EXPECT_TRUE(is_partial(parse_range("Bytes=1-2", 10), 1, 2));
    EXPECT_TRUE(is_partial(parse_range("  BYTES=1-2  ", 10), 1, 2));
    EXPECT_TRUE(is_partial(parse_range("bytes= 1-2 ,", 10), 1, 2)) << "empty list elements are skipped";
}

TEST(RangeParse, SeveralRangesAreIgnored) {
    EXPECT_EQ(parse_range("bytes=0-1,5-6", 1000).kind, Kind::Whole);
    EXPECT_EQ(parse_range("bytes=0-1, -5", 1000).kind, Kind::Whole);
    EXPECT_EQ(parse_range("bytes=0-1,0-1", 1000).kind, Kind::Whole);
    EXPECT_EQ(parse_range("bytes=5000-,0-1", 1000).kind, Kind::Whole);
}

TEST(RangeParse, OverflowingDigitsSaturate) {
    const std::string huge = "99999999999999999999999999";
    EXPECT_TRUE(is_partial(parse_range("bytes=10-" + huge, 1000), 10, 999));
    EXPECT_EQ(parse_range("bytes=" + huge + "-", 1000).kind, Kind::Unsatisfiable);
    EXPECT_EQ(parse_range("bytes=" + huge + "-" + huge, 1000).kind, Kind::Unsatisfiable);
    EXPECT_TRUE(is_partial(parse_range("bytes=-" + huge, 1000), 0, 999));
    EXPECT_TRUE(is_partial(parse_range("bytes=18446744073709551614-18446744073709551615", UINT64_MAX),
                           UINT64_MAX - 1, UINT64_MAX - 1));
}

Request request(Method m, std::vector<std::pair<std::string, std::string>> headers = {}) {
    Request req;
    req.method = m;
    req.target = "/f";
    req.headers = std::move(headers);
    return req;
}

TEST(RangeFileResponse, WholeFileWithValidators) {
    const Response res = file_response(request(Method::Get), "/data/f", 1000, "application/pdf", "abc");
    EXPECT_EQ(res.status, 200);
    ASSERT_TRUE(res.file);
    EXPECT_EQ(res.file->path, "/data/f");
    EXPECT_EQ(res.file->offset, 0u);
    EXPECT_EQ(res.file->length, 1000u);
    EXPECT_EQ(res.header("ETag").value_or(""), "\"abc\"");
    EXPECT_EQ(res.header("Accept-Ranges").value_or(""), "bytes");
    EXPECT_EQ(res.header("Content-Type").value_or(""), "application/pdf");
    EXPECT_FALSE(res.header("Content-Range"));
    EXPECT_TRUE(res.no_compress);
}

TEST(RangeFileResponse, QuotedAndWeakEtagsBecomeStrong) {
    EXPECT_EQ(file_response(request(Method::Get), "/f", 1, "x/y", "\"q\"").header("ETag").value_or(""), "\"q\"");
    EXPECT_EQ(file_response(request(Method::Get), "/f", 1, "x/y", "W/\"q\"").header("ETag").value_or(""), "\"q\"");
    EXPECT_FALSE(file_response(request(Method::Get), "/f", 1, "x/y", "").header("ETag"));
}

TEST(RangeFileResponse, PartialContent) {
    const Response res = file_response(request(Method::Get, {{"range", "bytes=100-199"}}), "/f", 1000, "x/y", "t");
    EXPECT_EQ(res.status, 206);
    ASSERT_TRUE(res.file);
    EXPECT_EQ(res.file->offset, 100u);
    EXPECT_EQ(res.file->length, 100u);
    EXPECT_EQ(res.header("Content-Range").value_or(""), "bytes 100-199/1000");
    EXPECT_EQ(res.header("ETag").value_or(""), "\"t\"");
}

TEST(RangeFileResponse, UnsatisfiableRange) {
    const Response res = file_response(request(Method::Get, {{"range", "bytes=1000-"}}), "/f", 1000, "x/y", "t");
    EXPECT_EQ(res.status, 416);
    EXPECT_FALSE(res.file);
    EXPECT_EQ(res.header("Content-Range").value_or(""), "bytes */1000");
}

TEST(RangeFileResponse, MalformedOrMultipleRangeGivesWholeFile) {
    for (const char* value : {"bytes=abc", "bytes=0-1,3-4", "bytes=9-2"}) {
        const Response res = file_response(request(Method::Get, {{"range", value}}), "/f", 1000, "x/y", "t");
        EXPECT_EQ(res.status, 200) << value;
        ASSERT_TRUE(res.file);
        EXPECT_EQ(res.file->length, 1000u);
    }
}

TEST(RangeFileResponse, IfNoneMatchGives304) {
    for (const char* value : {"\"t\"", "W/\"t\"", "\"a\", \"t\"", "*"}) {
        const Response res = file_response(request(Method::Get, {{"if-none-match", value}}), "/f", 10, "x/y", "t");
        EXPECT_EQ(res.status, 304) << value;
        EXPECT_FALSE(res.file);
        EXPECT_EQ(res.header("ETag").value_or(""), "\"t\"");
    }
    EXPECT_EQ(file_response(request(Method::Head, {{"if-none-match", "\"t\""}}), "/f", 10, "x/y", "t").status, 304);
    EXPECT_EQ(file_response(request(Method::Get, {{"if-none-match", "\"other\""}}), "/f", 10, "x/y", "t").status, 200);
    // If-None-Match is evaluated before Range (RFC 9110 §13.2.2).
    EXPECT_EQ(file_response(request(Method::Get, {{"if-none-match", "\"t\""}, {"range", "bytes=0-1"}}), "/f", 10, "x/y", "t")
                  .status,
              304);
}

TEST(RangeFileResponse, IfRangeWithStrongMatchHonoursRange) {
    const Response res =
        file_response(request(Method::Get, {{"range", "bytes=5-"}, {"if-range", "\"t\""}}), "/f", 10, "x/y", "t");
    EXPECT_EQ(res.status, 206);
    EXPECT_EQ(res.header("Content-Range").value_or(""), "bytes 5-9/10");
}

TEST(RangeFileResponse, IfRangeMismatchWeakOrDateGivesWholeFile) {
    for (const char* value : {"\"old\"", "W/\"t\"", "Tue, 15 Nov 1994 08:12:31 GMT", ""}) {
        const Response res =
            file_response(request(Method::Get, {{"range", "bytes=5-"}, {"if-range", value}}), "/f", 10, "x/y", "t");
        EXPECT_EQ(res.status, 200) << value;
        ASSERT_TRUE(res.file);
        EXPECT_EQ(res.file->length, 10u);
        EXPECT_FALSE(res.header("Content-Range"));
    }
    // Without an ETag no If-Range can match.
    EXPECT_EQ(file_response(request(Method::Get, {{"range", "bytes=5-"}, {"if-range", "\"\""}}), "/f", 10, "x/y", "").status,
              200);
}

TEST(RangeFileResponse, RangeIsForGetOnly) {
    const Response head = file_response(request(Method::Head, {{"range", "bytes=0-1"}}), "/f", 10, "x/y", "t");
    EXPECT_EQ(head.status, 200);
    ASSERT_TRUE(head.file);
    EXPECT_EQ(head.file->length, 10u);
    const Response post =
        file_response(request(Method::Post, {{"range", "bytes=0-1"}, {"if-none-match", "*"}}), "/f", 10, "x/y", "t");
    EXPECT_EQ(post.status, 200);
}

// The pipeline leaves file bodies alone: no gzip, no Vary; HEAD gets the file's length.
class RangePipeline : public ::testing::Test {
protected:
    void SetUp() override {
        log::set_file("/dev/null");
        router_.get("/file", [](Request& req) {
            Response res = file_response(req, "/nonexistent/file.txt", 5000, "text/plain; charset=utf-8", "v1");
            res.no_compress = false;  // even then, a file body is never compressed
            return res;
        });
    }
    void TearDown() override { log::set_file(""); }

    Response run(Method m, std::vector<std::pair<std::string, std::string>> headers = {}) {
        Request req = request(m, std::move(headers));
        req.target = "/file";
        pipeline_.prepare(req);
        return pipeline_.handle(req);
    }

    Router router_;
    Pipeline pipeline_{router_, PipelineOptions{}};
};

TEST_F(RangePipeline, FileBodyIsNeverCompressed) {
    const Response res = run(Method::Get, {{"accept-encoding", "gzip"}});
    EXPECT_EQ(res.status, 200);
    ASSERT_TRUE(res.file);
    EXPECT_EQ(res.file->length, 5000u);
    EXPECT_FALSE(res.header("Content-Encoding"));
    EXPECT_FALSE(res.header("Vary"));
    EXPECT_EQ(res.header("ETag").value_or(""), "\"v1\"");
    EXPECT_EQ(res.header("Cache-Control").value_or(""), "no-cache");
    EXPECT_EQ(res.header("X-Content-Type-Options").value_or(""), "nosniff");
}

TEST_F(RangePipeline, HeadHasTheFileLengthAndNoFile) {
    const Response res = run(Method::Head, {{"accept-encoding", "gzip"}});
    EXPECT_EQ(res.status, 200);
    EXPECT_FALSE(res.file);
    EXPECT_EQ(res.header("Content-Length").value_or(""), "5000");
    EXPECT_EQ(res.header("Accept-Ranges").value_or(""), "bytes");
}

TEST_F(RangePipeline, PartialAnd304PassThrough) {
    const Response part = run(Method::Get, {{"range", "bytes=-10"}, {"accept-encoding", "gzip"}});
    EXPECT_EQ(part.status, 206);
    ASSERT_TRUE(part.file);
    EXPECT_EQ(part.file->offset, 4990u);
    EXPECT_FALSE(part.header("Content-Encoding"));
    const Response same = run(Method::Get, {{"if-none-match", "\"v1\""}});
    EXPECT_EQ(same.status, 304);
    EXPECT_FALSE(same.file);
}

}  // namespace
}  // namespace avenir::http
