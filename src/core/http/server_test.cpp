// Socket-level tests of the HTTP server, with plain POSIX sockets (no Beast here).
#include "core/http/server.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <csignal>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "core/http/pipeline.hpp"
#include "core/http/range.hpp"
#include "core/http/router.hpp"
#include "core/http/socket_test_support.hpp"
#include "core/log.hpp"

namespace avenir::http {
namespace {

using namespace std::chrono_literals;
using namespace avenir::http::testing;

class ServerTest : public ::testing::Test {
protected:
    ServerTest() {
        router_.get("/", [](Request&) { return Response::text("hello"); });
        router_.post("/upload", [](Request& r) { return Response::text("got " + std::to_string(r.body.size())); },
                     {.max_body = 1024});
        router_.get("/slow", [](Request&) {
            std::this_thread::sleep_for(300ms);
            return Response::text("slow done");
        });
    }

    // Test defaults: ephemeral port, one io thread, no signals, no access log.
    static ServerConfig config() {
        ServerConfig cfg;
        cfg.port = 0;
        cfg.threads = 1;
        cfg.handle_signals = false;
        cfg.access_log = false;
        return cfg;
    }

    void start(const ServerConfig& cfg = config()) {
        server_ = std::make_unique<Server>(cfg, pipeline_);
        server_->listen();
        thread_ = std::thread([this] {
            server_->run();
            returned_ = true;
        });
    }

    // Stops the server and waits (bounded) for run() to return.
    bool stop_and_wait(std::chrono::milliseconds limit = 3s) {
        server_->stop();
        const auto t0 = Clock::now();
        while (!returned_ && Clock::now() - t0 < limit) std::this_thread::sleep_for(10ms);
        return returned_;
    }

    void TearDown() override {
        if (!server_) return;
        if (!stop_and_wait()) std::abort();  // a hung server must not hang the test run
        thread_.join();
    }

    int connect() { return connect_to(server_->port()); }

    Router router_;
    Pipeline pipeline_{router_, PipelineOptions{}};
    std::unique_ptr<Server> server_;
    std::thread thread_;
    std::atomic<bool> returned_{false};
};

TEST_F(ServerTest, KeepAliveServesTwoRequestsOnOneConnection) {
    start();
    const int fd = connect();
    ASSERT_GE(fd, 0);
    ASSERT_TRUE(send_all(fd, "GET / HTTP/1.1\r\nHost: x\r\n\r\n"));
    const std::string first = read_response(fd);
    EXPECT_TRUE(first.starts_with("HTTP/1.1 200")) << first;
    EXPECT_EQ(body_of(first), "hello");
    EXPECT_NE(first.find("\r\nDate: "), std::string::npos) << first;
    EXPECT_NE(first.find(" GMT\r\n"), std::string::npos) << first;
    ASSERT_TRUE(send_all(fd, "GET /?a=1 HTTP/1.1\r\nHost: x\r\n\r\n"));
    const std::string second = read_response(fd);
    EXPECT_TRUE(second.starts_with("HTTP/1.1 200")) << second;
    EXPECT_EQ(body_of(second), "hello");
    ::close(fd);
}

TEST_F(ServerTest, TooLargeContentLengthGets413WithoutReadingBody) {
    start();
    const int fd = connect();
    ASSERT_GE(fd, 0);
    ASSERT_TRUE(send_all(fd, "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 20971520\r\n\r\n"));
    const Received r = read_until_close(fd);  // the body is never sent: the server must not wait for it
    EXPECT_TRUE(r.data.starts_with("HTTP/1.1 413")) << r.data;
    EXPECT_NE(r.data.find("Connection: close"), std::string::npos) << r.data;
    EXPECT_TRUE(r.closed);
    ::close(fd);
}

TEST_F(ServerTest, RouteBodyLimitAppliesToContentLengthAndChunkedBodies) {
    start();
    int fd = connect();
    ASSERT_TRUE(send_all(fd, "POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n" + std::string(100, 'a')));
    const std::string ok = read_response(fd);
    EXPECT_TRUE(ok.starts_with("HTTP/1.1 200")) << ok;
    EXPECT_EQ(body_of(ok), "got 100");
    ASSERT_TRUE(send_all(fd, "POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: 2000\r\n\r\n"));
    EXPECT_TRUE(read_until_close(fd).data.starts_with("HTTP/1.1 413"));
    ::close(fd);

    fd = connect();
    ASSERT_TRUE(send_all(fd, "POST /upload HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n7d0\r\n" +
                                 std::string(2000, 'b') + "\r\n0\r\n\r\n"));
    const Received r = read_until_close(fd);
    EXPECT_TRUE(r.data.starts_with("HTTP/1.1 413")) << r.data;
    EXPECT_TRUE(r.closed);
    ::close(fd);
}

TEST_F(ServerTest, OversizedHeadIsRefused) {
    ServerConfig cfg = config();
    cfg.max_header_bytes = 1024;
    start(cfg);
    const int fd = connect();
    ASSERT_TRUE(send_all(fd, "GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(4000, 'x') + "\r\n\r\n"));
    const Received r = read_until_close(fd);
    EXPECT_TRUE(r.data.starts_with("HTTP/1.1 431")) << r.data;
    EXPECT_TRUE(r.closed);
    ::close(fd);
}

TEST_F(ServerTest, SilentClientIsDisconnectedAfterHeaderTimeout) {
    ServerConfig cfg = config();
    cfg.header_timeout = 300ms;
    start(cfg);
    const int fd = connect();
    ASSERT_GE(fd, 0);
    const auto t0 = Clock::now();
    const Received r = read_until_close(fd);
    EXPECT_TRUE(r.closed);
    EXPECT_TRUE(r.data.empty()) << r.data;
    EXPECT_LT(elapsed_ms(t0), 1000);
    ::close(fd);
}

TEST_F(ServerTest, SlowHeadIsDisconnectedAfterHeaderTimeoutNotResetPerByte) {
    ServerConfig cfg = config();
    cfg.header_timeout = 300ms;
    start(cfg);
    const int fd = connect();
    ASSERT_GE(fd, 0);
    const std::string head = "GET / HTTP/1.1\r\nHost: x\r\nX-Slow: " + std::string(100, 's');  // never finished
    const auto t0 = Clock::now();
    bool closed = false;
    for (std::size_t i = 0; i < head.size() && !closed && elapsed_ms(t0) < 3000; ++i) {
        if (!send_all(fd, head.substr(i, 1))) { closed = true; break; }
        pollfd p{fd, POLLIN, 0};
        if (::poll(&p, 1, 100) > 0) {
            char c;
            closed = ::recv(fd, &c, 1, 0) <= 0;
        }
    }
    EXPECT_TRUE(closed);
    EXPECT_LT(elapsed_ms(t0), 1500);
    ::close(fd);
}

TEST_F(ServerTest, GracefulStopFinishesRequestInFlightAndClosesIdleConnections) {
    start();
    const int idle = connect();
    ASSERT_GE(idle, 0);
    ASSERT_TRUE(send_all(idle, "GET / HTTP/1.1\r\nHost: x\r\n\r\n"));
    ASSERT_TRUE(read_response(idle).starts_with("HTTP/1.1 200"));  // now idle in keep-alive

    const int busy = connect();
    ASSERT_GE(busy, 0);
    ASSERT_TRUE(send_all(busy, "GET /slow HTTP/1.1\r\nHost: x\r\n\r\n"));
    std::this_thread::sleep_for(100ms);  // the handler is sleeping now
    std::thread stopper([this] { server_->stop(); });

    const std::string res = read_response(busy);
    EXPECT_TRUE(res.starts_with("HTTP/1.1 200")) << res;
    EXPECT_EQ(body_of(res), "slow done");
    EXPECT_NE(res.find("Connection: close"), std::string::npos) << res;
    EXPECT_TRUE(read_until_close(busy).closed);
    EXPECT_TRUE(read_until_close(idle).closed);
    stopper.join();

    const auto t0 = Clock::now();
    while (!returned_ && elapsed_ms(t0) < 2000) std::this_thread::sleep_for(10ms);
    EXPECT_TRUE(returned_) << "run() did not return after stop()";
    EXPECT_LT(connect(), 0) << "still accepting after stop()";
    ::close(idle);
    ::close(busy);
}

TEST_F(ServerTest, StopClosesUnfinishedRequestsAfterTheGracePeriod) {
    ServerConfig cfg = config();
    cfg.shutdown_grace = 200ms;
    start(cfg);
    const int fd = connect();
    ASSERT_TRUE(send_all(fd, "GET / HTTP/1.1\r\nHost: x\r\n"));  // head never finished
    std::this_thread::sleep_for(50ms);
    const auto t0 = Clock::now();
    server_->stop();
    EXPECT_TRUE(read_until_close(fd).closed);
    while (!returned_ && elapsed_ms(t0) < 2000) std::this_thread::sleep_for(10ms);
    EXPECT_TRUE(returned_);
    EXPECT_GE(elapsed_ms(t0), 150);
    EXPECT_LT(elapsed_ms(t0), 1000);
    ::close(fd);
}

TEST_F(ServerTest, IdleKeepAliveConnectionIsClosedAfterIdleTimeout) {
    ServerConfig cfg = config();
    cfg.idle_timeout = 200ms;
    start(cfg);
    const int fd = connect();
    ASSERT_TRUE(send_all(fd, "GET / HTTP/1.1\r\nHost: x\r\n\r\n"));
    ASSERT_TRUE(read_response(fd).starts_with("HTTP/1.1 200"));
    const auto t0 = Clock::now();
    EXPECT_TRUE(read_until_close(fd).closed);
    EXPECT_LT(elapsed_ms(t0), 1000);
    ::close(fd);
}

TEST_F(ServerTest, ExpectContinueGetsInterimResponseThenTheAnswer) {
    start();
    const int fd = connect();
    ASSERT_TRUE(send_all(fd, "POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\nExpect: 100-continue\r\n\r\n"));
    EXPECT_EQ(read_response(fd, true), "HTTP/1.1 100 Continue\r\n\r\n");
    ASSERT_TRUE(send_all(fd, "0123456789"));
    const std::string res = read_response(fd);
    EXPECT_TRUE(res.starts_with("HTTP/1.1 200")) << res;
    EXPECT_EQ(body_of(res), "got 10");
    ::close(fd);
}

TEST_F(ServerTest, ConnectionCloseIsHonoured) {
    start();
    const int fd = connect();
    ASSERT_TRUE(send_all(fd, "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
    const Received r = read_until_close(fd);
    EXPECT_TRUE(r.data.starts_with("HTTP/1.1 200")) << r.data;
    EXPECT_NE(r.data.find("Connection: close"), std::string::npos);
    EXPECT_EQ(body_of(r.data), "hello");
    EXPECT_TRUE(r.closed);
    ::close(fd);
}

TEST_F(ServerTest, HeadSendsContentLengthButNoBody) {
    start();
    const int fd = connect();
    ASSERT_TRUE(send_all(fd, "HEAD / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
    const Received r = read_until_close(fd);
    EXPECT_TRUE(r.data.starts_with("HTTP/1.1 200")) << r.data;
    EXPECT_NE(r.data.find("Content-Length: 5\r\n"), std::string::npos) << r.data;
    EXPECT_EQ(body_of(r.data), "");
    EXPECT_TRUE(r.closed);
    ::close(fd);
}

TEST_F(ServerTest, ConnectionsBeyondTheCapGet503) {
    ServerConfig cfg = config();
    cfg.max_connections = 1;
    start(cfg);
    const int first = connect();
    ASSERT_TRUE(send_all(first, "GET / HTTP/1.1\r\nHost: x\r\n\r\n"));
    ASSERT_TRUE(read_response(first).starts_with("HTTP/1.1 200"));
    const int second = connect();
    ASSERT_TRUE(send_all(second, "GET / HTTP/1.1\r\nHost: x\r\n\r\n"));
    const Received r = read_until_close(second);
    EXPECT_TRUE(r.data.starts_with("HTTP/1.1 503")) << r.data;
    EXPECT_TRUE(r.closed);
    ::close(first);
    ::close(second);
}

TEST_F(ServerTest, SigtermStopsTheServer) {
    ServerConfig cfg = config();
    cfg.handle_signals = true;
    start(cfg);
    const int fd = connect();  // a served request proves run() has installed the signal handler
    ASSERT_TRUE(send_all(fd, "GET / HTTP/1.1\r\nHost: x\r\n\r\n"));
    ASSERT_TRUE(read_response(fd).starts_with("HTTP/1.1 200"));
    ::kill(::getpid(), SIGTERM);
    EXPECT_TRUE(read_until_close(fd).closed);  // idle connection closed by the graceful stop
    const auto t0 = Clock::now();
    while (!returned_ && elapsed_ms(t0) < 2000) std::this_thread::sleep_for(10ms);
    EXPECT_TRUE(returned_);
    ::close(fd);
}

TEST_F(ServerTest, ManyClientsOnTwoThreads) {
    ServerConfig cfg = config();
    cfg.threads = 2;
    start(cfg);
    std::atomic<int> ok{0};
    std::vector<std::thread> clients;
    for (int i = 0; i < 16; ++i)
        clients.emplace_back([&] {
            const int fd = connect();
            for (int k = 0; k < 10 && fd >= 0; ++k) {
                send_all(fd, "GET / HTTP/1.1\r\nHost: x\r\n\r\n");
                if (body_of(read_response(fd)) == "hello") ++ok;
            }
            ::close(fd);
        });
    for (auto& t : clients) t.join();
    EXPECT_EQ(ok.load(), 160);
}

TEST_F(ServerTest, AccessLogHasNoQueryString) {
    const std::string path = ::testing::TempDir() + "server_access.log";
    std::remove(path.c_str());
    log::set_file(path);
    ServerConfig cfg = config();
    cfg.access_log = true;
    start(cfg);
    const int fd = connect();
    ASSERT_TRUE(send_all(fd, "GET /?token=secret HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
    EXPECT_TRUE(read_until_close(fd).data.starts_with("HTTP/1.1 200"));
    ::close(fd);
    ASSERT_TRUE(stop_and_wait());
    log::set_file("");
    std::ifstream in(path);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_NE(text.find("event=http method=GET path=/ status=200 bytes=5 ms="), std::string::npos) << text;
    EXPECT_NE(text.find(" id="), std::string::npos) << text;
    EXPECT_EQ(text.find("secret"), std::string::npos) << text;
    EXPECT_EQ(text.find("127.0.0.1"), std::string::npos) << text;
}

// --- File bodies and Range requests (core/http/range.hpp) ---

// A header's value in a response head, or "" (case-sensitive name, as the server writes it).
std::string header_value(const std::string& response, const std::string& name) {
    const std::string head = response.substr(0, response.find("\r\n\r\n"));
    const std::string key = "\r\n" + name + ": ";
    const auto at = head.find(key);
    if (at == std::string::npos) return {};
    const auto start = at + key.size();
    return head.substr(start, head.find("\r\n", start) - start);
}

// A temporary folder with one file of pseudo-random bytes, removed at the end.
class TempFile {
public:
    explicit TempFile(std::size_t size) {
        dir_ = std::filesystem::path(::testing::TempDir()) / ("avenir_range_" + std::to_string(::getpid()));
        std::filesystem::create_directories(dir_);
        path_ = (dir_ / "upload.bin").string();
        std::mt19937_64 gen(20240601);
        bytes_.resize(size);
        for (std::size_t i = 0; i < size; i += 8) {
            const std::uint64_t v = gen();
            std::memcpy(bytes_.data() + i, &v, std::min<std::size_t>(8, size - i));
        }
        std::ofstream(path_, std::ios::binary).write(bytes_.data(), static_cast<std::streamsize>(size));
    }
    ~TempFile() {
        std::error_code ec;
        std::filesystem::remove_all(dir_, ec);
    }
    const std::string& path() const { return path_; }
    const std::string& bytes() const { return bytes_; }

private:
    std::filesystem::path dir_;
    std::string path_;
    std::string bytes_;
};

TEST_F(ServerTest, RangeDownloadOf30MBInTwoHalvesJoinsToTheOriginal) {
    const TempFile file(30 * 1024 * 1024 + 7);  // odd size: the halves differ by one byte
    const std::uint64_t size = file.bytes().size();
    router_.get("/download", [&](Request& req) {
        Response res = file_response(req, file.path(), size, "application/octet-stream", "v1");
        res.set_header("Content-Disposition", "attachment; filename=\"upload.bin\"");
        return res;
    });
    start();
    const int fd = connect();
    ASSERT_GE(fd, 0);
    const std::uint64_t half = size / 2;

    ASSERT_TRUE(send_all(fd, "GET /download HTTP/1.1\r\nHost: x\r\nAccept-Encoding: gzip\r\nRange: bytes=0-" +
                                 std::to_string(half - 1) + "\r\n\r\n"));
    const std::string first = read_response(fd);
    EXPECT_TRUE(first.starts_with("HTTP/1.1 206 Partial Content\r\n")) << first.substr(0, 500);
    EXPECT_EQ(header_value(first, "Content-Range"), "bytes 0-" + std::to_string(half - 1) + "/" + std::to_string(size));
    EXPECT_EQ(header_value(first, "Content-Length"), std::to_string(half));
    EXPECT_EQ(header_value(first, "ETag"), "\"v1\"");
    EXPECT_EQ(header_value(first, "Accept-Ranges"), "bytes");
    EXPECT_EQ(header_value(first, "Content-Encoding"), "");
    EXPECT_EQ(header_value(first, "Content-Disposition"), "attachment; filename=\"upload.bin\"");

    // Same connection: a file body leaves it reusable. If-Range with the current ETag (as a
    // resuming client sends) keeps the Range.
    ASSERT_TRUE(send_all(fd, "GET /download HTTP/1.1\r\nHost: x\r\nIf-Range: \"v1\"\r\nRange: bytes=" +
                                 std::to_string(half) + "-\r\n\r\n"));
    const std::string second = read_response(fd);
    EXPECT_TRUE(second.starts_with("HTTP/1.1 206 Partial Content\r\n")) << second.substr(0, 500);
    EXPECT_EQ(header_value(second, "Content-Range"),
              "bytes " + std::to_string(half) + "-" + std::to_string(size - 1) + "/" + std::to_string(size));
    EXPECT_EQ(header_value(second, "Content-Length"), std::to_string(size - half));

    const std::string joined = body_of(first) + body_of(second);
    EXPECT_EQ(joined.size(), size);
    EXPECT_TRUE(joined == file.bytes()) << "the halves do not join to the original bytes";

    // And the whole file at once.
    ASSERT_TRUE(send_all(fd, "GET /download HTTP/1.1\r\nHost: x\r\n\r\n"));
    const std::string whole = read_response(fd);
    EXPECT_TRUE(whole.starts_with("HTTP/1.1 200 OK\r\n")) << whole.substr(0, 500);
    EXPECT_EQ(header_value(whole, "Content-Length"), std::to_string(size));
    EXPECT_TRUE(body_of(whole) == file.bytes()) << "the whole download differs from the original bytes";
    ::close(fd);
}

TEST_F(ServerTest, RangeUnsatisfiableHeadAndNotModified) {
    const TempFile file(1000);
    router_.get("/download", [&](Request& req) { return file_response(req, file.path(), 1000, "application/pdf", "v1"); });
    start();
    const int fd = connect();
    ASSERT_GE(fd, 0);

    ASSERT_TRUE(send_all(fd, "GET /download HTTP/1.1\r\nHost: x\r\nRange: bytes=1000-\r\n\r\n"));
    const std::string unsatisfiable = read_response(fd);
    EXPECT_TRUE(unsatisfiable.starts_with("HTTP/1.1 416 Range Not Satisfiable\r\n")) << unsatisfiable;
    EXPECT_EQ(header_value(unsatisfiable, "Content-Range"), "bytes */1000");
    EXPECT_EQ(header_value(unsatisfiable, "Content-Length"), "0");

    ASSERT_TRUE(send_all(fd, "GET /download HTTP/1.1\r\nHost: x\r\nIf-None-Match: \"v1\"\r\n\r\n"));
    const std::string not_modified = read_response(fd, true);
    EXPECT_TRUE(not_modified.starts_with("HTTP/1.1 304 Not Modified\r\n")) << not_modified;
    EXPECT_EQ(header_value(not_modified, "ETag"), "\"v1\"");

    ASSERT_TRUE(send_all(fd, "GET /download HTTP/1.1\r\nHost: x\r\nRange: bytes=0-1,5-6\r\n\r\n"));
    const std::string several = read_response(fd);
    EXPECT_TRUE(several.starts_with("HTTP/1.1 200 OK\r\n")) << several.substr(0, 500);
    EXPECT_TRUE(body_of(several) == file.bytes());

    ASSERT_TRUE(send_all(fd, "HEAD /download HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
    const Received head = read_until_close(fd);  // nothing may follow the head
    EXPECT_TRUE(head.data.starts_with("HTTP/1.1 200 OK\r\n")) << head.data;
    EXPECT_EQ(header_value(head.data, "Content-Length"), "1000");
    EXPECT_EQ(header_value(head.data, "Accept-Ranges"), "bytes");
    EXPECT_EQ(header_value(head.data, "Content-Type"), "application/pdf");
    EXPECT_EQ(body_of(head.data), "");
    EXPECT_TRUE(head.closed);
    ::close(fd);
}

TEST_F(ServerTest, RangeFileThatVanishedOrShrankGivesAnErrorPageAndKeepsServing) {
    const TempFile file(100);
    log::set_file("/dev/null");  // the warnings are expected
    router_.get("/gone", [&](Request& req) { return file_response(req, file.path() + ".gone", 100, "text/plain", "g"); });
    router_.get("/short", [&](Request& req) { return file_response(req, file.path(), 5000, "text/plain", "s"); });
    start();
    const int fd = connect();
    ASSERT_GE(fd, 0);
    ASSERT_TRUE(send_all(fd, "GET /gone HTTP/1.1\r\nHost: x\r\n\r\n"));
    const std::string gone = read_response(fd);
    EXPECT_TRUE(gone.starts_with("HTTP/1.1 404")) << gone;
    ASSERT_TRUE(send_all(fd, "GET /short HTTP/1.1\r\nHost: x\r\n\r\n"));
    const std::string shrunk = read_response(fd);
    EXPECT_TRUE(shrunk.starts_with("HTTP/1.1 500")) << shrunk;
    ASSERT_TRUE(send_all(fd, "GET / HTTP/1.1\r\nHost: x\r\n\r\n"));
    EXPECT_EQ(body_of(read_response(fd)), "hello");
    ::close(fd);
    ASSERT_TRUE(stop_and_wait());
    log::set_file("");
}

TEST_F(ServerTest, RangeClientLeavingMidDownloadDoesNotHurtTheServer) {
    const TempFile file(8 * 1024 * 1024);
    router_.get("/download", [&](Request& req) {
        return file_response(req, file.path(), file.bytes().size(), "application/octet-stream", "v1");
    });
    start();
    int fd = connect();
    ASSERT_TRUE(send_all(fd, "GET /download HTTP/1.1\r\nHost: x\r\n\r\n"));
    EXPECT_TRUE(read_response(fd, true).starts_with("HTTP/1.1 200"));
    ::close(fd);  // with most of the body unread: the server's writes fail
    fd = connect();
    ASSERT_TRUE(send_all(fd, "GET /download HTTP/1.1\r\nHost: x\r\nRange: bytes=-3\r\n\r\n"));
    const std::string tail = read_response(fd);
    EXPECT_TRUE(tail.starts_with("HTTP/1.1 206")) << tail.substr(0, 500);
    EXPECT_EQ(body_of(tail), file.bytes().substr(file.bytes().size() - 3));
    ::close(fd);
}

TEST_F(ServerTest, RangeAccessLogCountsTheFileBytesSent) {
    const TempFile file(1000);
    router_.get("/download", [&](Request& req) { return file_response(req, file.path(), 1000, "text/plain", "v1"); });
    const std::string path = ::testing::TempDir() + "server_range_access.log";
    std::remove(path.c_str());
    log::set_file(path);
    ServerConfig cfg = config();
    cfg.access_log = true;
    start(cfg);
    const int fd = connect();
    ASSERT_TRUE(send_all(fd, "GET /download HTTP/1.1\r\nHost: x\r\nRange: bytes=100-199\r\n\r\n"));
    EXPECT_TRUE(read_response(fd).starts_with("HTTP/1.1 206"));
    ASSERT_TRUE(send_all(fd, "HEAD /download HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
    EXPECT_TRUE(read_until_close(fd).data.starts_with("HTTP/1.1 200"));
    ::close(fd);
    ASSERT_TRUE(stop_and_wait());
    log::set_file("");
    std::ifstream in(path);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_NE(text.find("event=http method=GET path=/download status=206 bytes=100 ms="), std::string::npos) << text;
    EXPECT_NE(text.find("event=http method=HEAD path=/download status=200 bytes=0 ms="), std::string::npos) << text;
}

TEST(ServerListen, ReportsAddressInUse) {
    Router router;
    Pipeline pipeline(router, PipelineOptions{});
    Server a(ServerConfig{.port = 0, .handle_signals = false}, pipeline);
    a.listen();
    Server b(ServerConfig{.port = a.port(), .handle_signals = false}, pipeline);
    try {
        b.listen();
        FAIL() << "second listen on the same port succeeded";
    } catch (const std::runtime_error& e) {
        EXPECT_EQ(std::string(e.what()), "cannot listen on 127.0.0.1:" + std::to_string(a.port()) +
                                             ": Address already in use");
    }
}

}  // namespace
}  // namespace avenir::http
