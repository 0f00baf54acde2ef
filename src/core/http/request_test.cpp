#include "core/http/request.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "core/errors.hpp"

using namespace avenir::http;

TEST(Request, MethodNamesRoundTripAndAreCaseSensitive) {
    for (Method m : {Method::Get, Method::Head, Method::Post, Method::Put, Method::Patch, Method::Delete, Method::Options})
        EXPECT_EQ(parse_method(method_name(m)), m);
    EXPECT_EQ(parse_method("get"), Method::Other);
    EXPECT_EQ(parse_method("BREW"), Method::Other);
    EXPECT_TRUE(is_state_changing(Method::Post));
    EXPECT_TRUE(is_state_changing(Method::Delete));
    EXPECT_FALSE(is_state_changing(Method::Get));
    EXPECT_FALSE(is_state_changing(Method::Head));
}

TEST(Request, UrlDecodeHandlesPlusPercentAndMalformedSequences) {
    EXPECT_EQ(url_decode("a+b%20c"), "a b c");
    EXPECT_EQ(url_decode("a+b", false), "a+b");
    EXPECT_EQ(url_decode("caf%C3%A9"), "caf\xC3\xA9");
    EXPECT_EQ(url_decode("%2f%2F"), "//");
    // Malformed escapes are kept literally.
    EXPECT_EQ(url_decode("100%"), "100%");
    EXPECT_EQ(url_decode("%zz%4"), "%zz%4");
    EXPECT_EQ(url_decode("%%41"), "%A");
    EXPECT_EQ(url_decode("a%00b"), std::string("a\0b", 3));
}

TEST(Request, UrlEncodeKeepsOnlyUnreserved) {
    EXPECT_EQ(url_encode("AZaz09-._~"), "AZaz09-._~");
    EXPECT_EQ(url_encode("a b&c=d/é"), "a%20b%26c%3Dd%2F%C3%A9");
    EXPECT_EQ(url_decode(url_encode("x+y %?#")), "x+y %?#");
}

TEST(Request, ParseQuerySplitsDecodesAndKeepsOrder) {
    const auto q = parse_query("a=1&b=x+y&&c&a=2&d=%3D%26");
    ASSERT_EQ(q.size(), 5u);
    EXPECT_EQ(q[0], (std::pair<std::string, std::string>{"a", "1"}));
    EXPECT_EQ(q[1], (std::pair<std::string, std::string>{"b", "x y"}));
    EXPECT_EQ(q[2], (std::pair<std::string, std::string>{"c", ""}));
    EXPECT_EQ(q[3], (std::pair<std::string, std::string>{"a", "2"}));
    EXPECT_EQ(q[4], (std::pair<std::string, std::string>{"d", "=&"}));
    EXPECT_TRUE(parse_query("").empty());
}

TEST(Request, QueryAccessorsReturnFirstOccurrence) {
    Request req;
    req.query_string = "q=caf%C3%A9+au+lait&q=second&empty=";
    EXPECT_EQ(req.query("q"), "caf\xC3\xA9 au lait");
    EXPECT_EQ(req.query("missing"), "");
    EXPECT_FALSE(req.query_opt("missing").has_value());
    ASSERT_TRUE(req.query_opt("empty").has_value());
    EXPECT_EQ(*req.query_opt("empty"), "");
}

TEST(Request, HeaderLookupByLowerCaseName) {
    Request req;
    req.headers = {{"accept", "text/html"}, {"x-a", "1"}, {"x-a", "2"}};
    EXPECT_EQ(req.header("x-a").value_or(""), "1");
    EXPECT_FALSE(req.header("x-b").has_value());
}

TEST(Request, ParseCookiesHandlesSpacesQuotesAndJunk) {
    const auto c = parse_cookies(" sid=abc123; theme=\"dark mode\" ;flag; =x; lang=fr;empty=");
    ASSERT_EQ(c.size(), 4u);
    EXPECT_EQ(c[0], (std::pair<std::string, std::string>{"sid", "abc123"}));
    EXPECT_EQ(c[1], (std::pair<std::string, std::string>{"theme", "dark mode"}));
    EXPECT_EQ(c[2], (std::pair<std::string, std::string>{"lang", "fr"}));
    EXPECT_EQ(c[3], (std::pair<std::string, std::string>{"empty", ""}));
}

TEST(Request, CookieReadsFromCookieHeaders) {
    Request req;
    req.headers = {{"cookie", "a=1; sid=s%20x"}, {"cookie", "b=2"}};
    EXPECT_EQ(req.cookie("sid").value_or(""), "s%20x");  // not percent-decoded
    EXPECT_EQ(req.cookie("b").value_or(""), "2");
    EXPECT_FALSE(req.cookie("c").has_value());
}

TEST(Request, ParamAndPathInt) {
    Request req;
    req.params = {{"id", "42"}, {"zero", "0"}, {"neg", "-3"}, {"word", "abc"}, {"mixed", "12x"},
                  {"plus", "+5"}, {"big", "99999999999999999999"}, {"space", " 1"}, {"empty", ""}};
    EXPECT_EQ(req.param("id"), "42");
    EXPECT_THROW(req.param("nope"), avenir::NotFound);
    EXPECT_EQ(req.path_int("id"), 42);
    EXPECT_EQ(req.path_int("zero"), 0);
    for (const char* bad : {"neg", "word", "mixed", "plus", "big", "space", "empty"})
        EXPECT_THROW(req.path_int(bad), avenir::BadRequest) << bad;
    EXPECT_THROW(req.path_int("nope"), avenir::NotFound);
}

TEST(Request, UrlEncodedForm) {
    Request req;
    req.headers = {{"content-type", "Application/X-WWW-Form-Urlencoded; charset=UTF-8"}};
    req.body = "name=Jos%C3%A9+M&tags=a&tags=b&agree";
    const Form& f = req.form();
    EXPECT_EQ(f.get("name"), "Jos\xC3\xA9 M");
    EXPECT_EQ(f.all("tags"), (std::vector<std::string>{"a", "b"}));
    EXPECT_TRUE(f.has("agree"));
    EXPECT_FALSE(f.has("other"));
    EXPECT_EQ(f.get("other"), "");
    EXPECT_EQ(&req.form(), &f);  // parsed once
}

TEST(Request, OtherContentTypesGiveAnEmptyForm) {
    Request req;
    req.headers = {{"content-type", "application/json"}};
    req.body = "a=1";
    EXPECT_TRUE(req.form().fields().empty());
    Request none;
    none.body = "a=1";
    EXPECT_TRUE(none.form().fields().empty());
}

namespace {
const std::string kMultipart =
    "--XyZ\r\n"
    "Content-Disposition: form-data; name=\"title\"\r\n"
    "\r\n"
    "Hello; world\r\n"
    "--XyZ\r\n"
    "Content-Disposition: form-data; name=\"doc\"; filename=\"notes;v2.txt\"\r\n"
    "Content-Type: text/plain\r\n"
    "\r\n"
    "line1\r\nline2\r\n--XyZ-not-a-boundary\r\n"
    "--XyZ\r\n"
    "content-disposition: form-data; name=\"empty_file\"; filename=\"\"\r\n"
    "Content-Type: application/octet-stream\r\n"
    "\r\n"
    "\r\n"
    "--XyZ\r\n"
    "Content-Disposition: form-data; name=\"blank\"\r\n"
    "\r\n"
    "\r\n"
    "--XyZ--\r\n"
    "epilogue ignored";
}  // namespace

TEST(Multipart, ParsesFieldsAndFiles) {
    const Form f = parse_multipart(kMultipart, "multipart/form-data; boundary=XyZ");
    EXPECT_EQ(f.get("title"), "Hello; world");
    EXPECT_TRUE(f.has("blank"));
    EXPECT_EQ(f.get("blank"), "");
    ASSERT_EQ(f.files().size(), 1u);  // the empty file input is skipped
    const UploadedFile* doc = f.file("doc");
    ASSERT_NE(doc, nullptr);
    EXPECT_EQ(doc->filename, "notes;v2.txt");
    EXPECT_EQ(doc->content_type, "text/plain");
    EXPECT_EQ(doc->read(), "line1\r\nline2\r\n--XyZ-not-a-boundary");
    EXPECT_EQ(f.file("empty_file"), nullptr);
}

TEST(Multipart, QuotedBoundaryBinaryDataAndFormAccessor) {
    std::string data("\x00\xff\r\n\x01", 5);
    Request req;
    req.headers = {{"content-type", "multipart/form-data; charset=utf-8; boundary=\"a b:c\""}};
    req.body = "preamble\r\n--a b:c\r\nContent-Disposition: form-data; name=\"f\"; filename*=UTF-8''caf%C3%A9.bin\r\n\r\n" +
               data + "\r\n--a b:c--";
    const Form& f = req.form();
    ASSERT_NE(f.file("f"), nullptr);
    EXPECT_EQ(f.file("f")->filename, "caf\xC3\xA9.bin");
    EXPECT_EQ(f.file("f")->content_type, "application/octet-stream");
    EXPECT_EQ(f.file("f")->read(), data);
}

TEST(Multipart, ABodyFedInPiecesOfAnySizeGivesTheSameForm) {
    for (std::size_t piece : {1u, 2u, 3u, 5u, 7u, 13u, 64u, 4096u}) {
        MultipartParser parser("multipart/form-data; boundary=XyZ", std::filesystem::temp_directory_path());
        const std::string body = kMultipart;
        for (std::size_t at = 0; at < body.size(); at += piece) parser.feed(std::string_view(body).substr(at, piece));
        const Form f = parser.finish();
        EXPECT_EQ(f.get("title"), "Hello; world") << piece;
        EXPECT_EQ(f.get("blank"), "") << piece;
        ASSERT_EQ(f.files().size(), 1u) << piece;
        EXPECT_EQ(f.file("doc")->read(), "line1\r\nline2\r\n--XyZ-not-a-boundary") << piece;
    }
}

TEST(Multipart, FilesGoToDiskAndAreRemovedWithTheForm) {
    const auto dir = std::filesystem::temp_directory_path() / ("avenir-mp-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    std::filesystem::path path;
    std::string big(3 << 20, '\0');
    for (std::size_t i = 0; i < big.size(); ++i) big[i] = static_cast<char>((i * 7919) % 251);
    {
        MultipartParser parser("multipart/form-data; boundary=Q", dir);
        parser.feed("--Q\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a.bin\"\r\n\r\n");
        for (std::size_t at = 0; at < big.size(); at += 65536) parser.feed(std::string_view(big).substr(at, 65536));
        parser.feed("\r\n--Q--\r\n");
        const Form f = parser.finish();
        const UploadedFile* file = f.file("f");
        ASSERT_NE(file, nullptr);
        path = file->file->path();
        EXPECT_EQ(path.parent_path(), dir);
        EXPECT_EQ(file->size(), big.size());
        EXPECT_TRUE(file->read() == big);
    }
    EXPECT_FALSE(std::filesystem::exists(path)) << "the temporary file outlived its form";
    // A body that breaks off leaves nothing behind either.
    {
        MultipartParser parser("multipart/form-data; boundary=Q", dir);
        parser.feed("--Q\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a.bin\"\r\n\r\npartial");
        EXPECT_THROW(parser.finish(), avenir::BadRequest);
    }
    EXPECT_TRUE(std::filesystem::is_empty(dir));
    std::filesystem::remove_all(dir);
}

TEST(Multipart, TextFieldsAreBounded) {
    MultipartParser parser("multipart/form-data; boundary=Q", std::filesystem::temp_directory_path(), 10);
    EXPECT_THROW(parser.feed("--Q\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n0123456789ABCDEF\r\n--Q--"), avenir::PayloadTooLarge);
}

TEST(Multipart, MalformedBodiesAreBadRequests) {
    const std::string ct = "multipart/form-data; boundary=B";
    const std::string ok_part = "--B\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx\r\n";
    EXPECT_NO_THROW(parse_multipart(ok_part + "--B--", ct));
    EXPECT_THROW(parse_multipart(ok_part, ct), avenir::BadRequest);                      // no closing boundary
    EXPECT_THROW(parse_multipart(ok_part + "--B--", "multipart/form-data"), avenir::BadRequest);  // no boundary
    EXPECT_THROW(parse_multipart("no delimiter at all", ct), avenir::BadRequest);
    EXPECT_THROW(parse_multipart("--B\r\nContent-Disposition: form-data; name=\"a\"\r\nx", ct), avenir::BadRequest);
    EXPECT_THROW(parse_multipart("--B\r\nContent-Type: text/plain\r\n\r\nx\r\n--B--", ct), avenir::BadRequest);
    EXPECT_THROW(parse_multipart("--B\r\nContent-Disposition: form-data\r\n\r\nx\r\n--B--", ct), avenir::BadRequest);
    EXPECT_THROW(parse_multipart("--B\r\nContent-Disposition: attachment; name=\"a\"\r\n\r\nx\r\n--B--", ct),
                 avenir::BadRequest);
    EXPECT_THROW(parse_multipart("--B\r\nContent-Disposition: form-data; name=\"a\r\n\r\nx\r\n--B--", ct),
                 avenir::BadRequest);
    EXPECT_THROW(parse_multipart("--Bjunk\r\n", ct), avenir::BadRequest);
    Request req;
    req.headers = {{"content-type", ct}};
    req.body = "--B\r\nbroken";
    try {
        req.form();
        FAIL() << "expected BadRequest";
    } catch (const avenir::BadRequest& e) {
        EXPECT_EQ(e.status(), 400);
        EXPECT_EQ(e.public_message(), "The submitted form could not be read.");
        EXPECT_NE(std::string(e.what()).find("multipart"), std::string::npos);
    }
}
