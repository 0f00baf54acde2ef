// Request smuggling: a body whose end the server could read differently from a proxy in front of
// it is refused with 400 and the connection closed, so a request hidden in the body never runs
// (RFC 9112 6.1, 6.3). The probes of proof/attack_smuggle.py that once got through are cases here.
#include <unistd.h>

#include <atomic>
#include <memory>
#include <string>
#include <thread>

#include <gtest/gtest.h>

#include "core/http/pipeline.hpp"
#include "core/http/router.hpp"
#include "core/http/server.hpp"
#include "core/http/socket_test_support.hpp"

namespace avenir::http {
namespace {
using namespace avenir::http::testing;

class ServerFraming : public ::testing::Test {
protected:
    ServerFraming() {
        router_.post("/form", [](Request& r) { return Response::text("got " + std::to_string(r.body.size())); });
        router_.get("/hidden", [this](Request&) {
            ++hidden_runs_;
            return Response::text("hidden ran");
        });
        ServerConfig cfg;
        cfg.port = 0;
        cfg.threads = 1;
        cfg.handle_signals = false;
        cfg.access_log = false;
        server_ = std::make_unique<Server>(cfg, pipeline_);
        server_->listen();
        thread_ = std::thread([this] { server_->run(); });
    }
    ~ServerFraming() override {
        server_->stop();
        thread_.join();
    }
    // Sends the request with a hidden GET /hidden after it; what came back before the close.
    Received exchange(const std::string& head_and_body) {
        const int fd = connect_to(server_->port());
        EXPECT_GE(fd, 0);
        EXPECT_TRUE(send_all(fd, head_and_body + "GET /hidden HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
        Received r = read_until_close(fd);
        ::close(fd);
        return r;
    }
    Router router_;
    Pipeline pipeline_{router_, PipelineOptions{}};
    std::unique_ptr<Server> server_;
    std::thread thread_;
    std::atomic<int> hidden_runs_{0};
};

TEST_F(ServerFraming, ATransferEncodingOtherThanChunkedIsRefused) {
    for (const std::string te : {"xchunked", "identity", "gzip", "\"chunked\"", "chunked, identity", "gzip, chunked"}) {
        const Received r = exchange("POST /form HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: " + te + "\r\n\r\n");
        EXPECT_TRUE(r.data.starts_with("HTTP/1.1 400")) << te << ": " << r.data;
        EXPECT_EQ(r.data.find("hidden ran"), std::string::npos) << te;
        EXPECT_TRUE(r.closed) << te;
    }
    EXPECT_EQ(hidden_runs_.load(), 0);
}

TEST_F(ServerFraming, AnUnknownCodingBeforeAContentLengthIsRefusedToo) {
    const Received r = exchange("POST /form HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: xchunked\r\nContent-Length: 4\r\n\r\na=12");
    EXPECT_TRUE(r.data.starts_with("HTTP/1.1 400")) << r.data;
    EXPECT_EQ(hidden_runs_.load(), 0);
}

TEST_F(ServerFraming, TransferEncodingOnHttp10IsRefused) {
    const Received r = exchange("POST /form HTTP/1.0\r\nHost: x\r\nConnection: keep-alive\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n");
    EXPECT_TRUE(r.data.starts_with("HTTP/1.0 400") || r.data.starts_with("HTTP/1.1 400")) << r.data;
    EXPECT_TRUE(r.closed);
    EXPECT_EQ(hidden_runs_.load(), 0);
}

TEST_F(ServerFraming, TwoTransferEncodingFieldsAreRefused) {
    const Received r = exchange("POST /form HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: identity\r\n\r\n0\r\n\r\n");
    EXPECT_TRUE(r.data.starts_with("HTTP/1.1 400")) << r.data;
    EXPECT_EQ(hidden_runs_.load(), 0);
}

TEST_F(ServerFraming, PlainChunkedStillWorksAndThePipelinedRequestRunsAfterIt) {
    const Received r = exchange("POST /form HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: Chunked\r\n\r\n4\r\na=12\r\n0\r\n\r\n");
    EXPECT_TRUE(r.data.starts_with("HTTP/1.1 200")) << r.data;
    EXPECT_NE(r.data.find("got 4"), std::string::npos) << r.data;
    // A request sent after a well-framed one is an ordinary pipelined request.
    EXPECT_EQ(hidden_runs_.load(), 1);
}

}  // namespace
}  // namespace avenir::http
