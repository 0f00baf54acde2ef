// Handlers on the worker pool, through real sockets: a sleeping handler delays neither cached
// pages nor static files nor health checks; a full queue answers 503 with Retry-After; a 40 MB
// upload streams to disk with the server's memory flat.
#include <gtest/gtest.h>

#include <atomic>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "core/http/page_cache.hpp"
#include "core/http/pipeline.hpp"
#include "core/http/router.hpp"
#include "core/http/server.hpp"
#include "core/http/socket_test_support.hpp"

namespace avenir::http {
namespace {

using namespace std::chrono_literals;
using namespace avenir::http::testing;

// Resident memory of this process (kB) from /proc/self/status: "VmRSS" or "VmHWM" (the peak).
long status_kb(const std::string& key) {
    std::ifstream in("/proc/self/status");
    for (std::string line; std::getline(in, line);)
        if (line.starts_with(key + ":")) return std::stol(line.substr(key.size() + 1));
    return -1;
}

// Starts the peak (VmHWM) again from the current resident size (Linux: clear_refs "5").
bool reset_peak() {
    std::ofstream out("/proc/self/clear_refs");
    out << "5";
    return static_cast<bool>(out.flush());
}

class Workers : public ::testing::Test {
protected:
    Workers() {
        router_.get("/sleep", [](Request&) {
            std::this_thread::sleep_for(1500ms);
            return Response::text("slept");
        });
        router_.get("/cached", [this](Request&) {
            ++renders_;
            return Response::html("<p>cached page</p>");
        }, {.cache_anonymous = true});
        router_.get("/static/app.css", [](Request&) { return Response::text("body{}"); }, {.inline_handler = true});
        router_.get("/healthz", [](Request&) { return Response::text("ok\n"); }, {.inline_handler = true});
        router_.post("/upload", [](Request& r) {
            const UploadedFile* f = r.form().file("f");
            return Response::text(f ? std::to_string(f->size()) : "none");
        }, {.max_body = 64u << 20});
        PipelineOptions options;
        options.page_cache = &cache_;
        pipeline_ = std::make_unique<Pipeline>(router_, std::move(options));
    }
    void start(unsigned workers, unsigned queue) {
        ServerConfig cfg;
        cfg.port = 0;
        cfg.threads = 1;  // one io thread: anything run on it would block everything else
        cfg.workers = workers;
        cfg.queue = queue;
        cfg.handle_signals = false;
        cfg.access_log = false;
        cfg.upload_dir = (std::filesystem::temp_directory_path() / ("avenir-workers-" + std::to_string(::getpid()))).string();
        server_ = std::make_unique<Server>(cfg, *pipeline_);
        server_->listen();
        thread_ = std::thread([this] { server_->run(); });
    }
    void TearDown() override {
        if (!server_) return;
        server_->stop();
        thread_.join();
    }
    // Sends a GET on a fresh connection; returns the connection (the answer is read later).
    int send_get(const std::string& path) {
        const int fd = connect_to(server_->port());
        EXPECT_GE(fd, 0);
        EXPECT_TRUE(send_all(fd, "GET " + path + " HTTP/1.1\r\nHost: x\r\n\r\n"));
        return fd;
    }
    // Milliseconds for a whole GET on its own connection.
    long timed_get(const std::string& path, std::string* out = nullptr) {
        const auto t0 = Clock::now();
        const int fd = send_get(path);
        const std::string res = read_response(fd);
        ::close(fd);
        if (out) *out = res;
        return elapsed_ms(t0);
    }

    Router router_;
    PageCache cache_{std::chrono::minutes(10)};
    std::unique_ptr<Pipeline> pipeline_;
    std::unique_ptr<Server> server_;
    std::thread thread_;
    std::atomic<int> renders_{0};
};

TEST_F(Workers, ASleepingHandlerDelaysNeitherCachedPagesNorStaticFilesNorHealthChecks) {
    start(/*workers*/ 2, /*queue*/ 8);
    std::string res;
    timed_get("/cached", &res);  // rendered once, on a worker, and kept
    ASSERT_TRUE(res.starts_with("HTTP/1.1 200")) << res;
    // Every worker busy for 1.5 s, and more waiting behind them.
    std::vector<int> sleepers;
    for (int i = 0; i < 4; ++i) sleepers.push_back(send_get("/sleep"));
    std::this_thread::sleep_for(100ms);
    for (const char* path : {"/cached", "/static/app.css", "/healthz", "/cached", "/healthz"}) {
        const long ms = timed_get(path, &res);
        EXPECT_TRUE(res.starts_with("HTTP/1.1 200")) << path << ": " << res;
        EXPECT_LT(ms, 300) << path << " waited behind the sleeping handlers";
    }
    EXPECT_EQ(renders_.load(), 1) << "the cached page was rendered again instead of served from the cache";
    for (int fd : sleepers) {
        EXPECT_EQ(body_of(read_response(fd)), "slept");
        ::close(fd);
    }
}

TEST_F(Workers, AFullQueueAnswers503WithRetryAfterAndTheOthersStillComplete) {
    start(/*workers*/ 1, /*queue*/ 1);
    const int running = send_get("/sleep");
    std::this_thread::sleep_for(100ms);
    const int waiting = send_get("/sleep");
    std::this_thread::sleep_for(100ms);
    std::string res;
    const long ms = timed_get("/sleep", &res);
    EXPECT_TRUE(res.starts_with("HTTP/1.1 503")) << res;
    EXPECT_NE(res.find("Retry-After: 1\r\n"), std::string::npos) << res;
    EXPECT_LT(ms, 300) << "a full queue must answer at once, not wait";
    EXPECT_EQ(body_of(read_response(running)), "slept");
    EXPECT_EQ(body_of(read_response(waiting)), "slept");
    ::close(running);
    ::close(waiting);
}

TEST_F(Workers, StopWaitsForRunningHandlers) {
    start(2, 8);
    const int fd = send_get("/sleep");
    std::this_thread::sleep_for(100ms);
    server_->stop();
    const std::string res = read_response(fd);
    EXPECT_TRUE(res.starts_with("HTTP/1.1 200")) << res;
    EXPECT_EQ(body_of(res), "slept");
    ::close(fd);
}

TEST_F(Workers, A40MegabyteUploadStreamsToDiskWithResidentMemoryFlat) {
    start(2, 8);
    constexpr std::size_t kSize = 40u << 20;
    const std::string boundary = "----avenir-upload-9f3c";
    const std::string head_part = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"f\"; filename=\"big.pdf\"\r\n"
                                  "Content-Type: application/pdf\r\n\r\n";
    const std::string tail_part = "\r\n--" + boundary + "--\r\n";
    const int fd = connect_to(server_->port());
    ASSERT_GE(fd, 0);
    ASSERT_TRUE(send_all(fd, "POST /upload HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=" + boundary +
                                 "\r\nContent-Length: " + std::to_string(head_part.size() + kSize + tail_part.size()) + "\r\n\r\n" +
                                 head_part));
    // Warm up, then measure the peak from here.
    const long before = status_kb("VmRSS");
    ASSERT_TRUE(reset_peak()) << "cannot reset the peak resident size";
    std::string chunk(64 * 1024, 'x');
    for (std::size_t sent = 0; sent < kSize; sent += chunk.size()) {
        chunk[0] = static_cast<char>('a' + (sent / chunk.size()) % 26);  // not one repeated page
        ASSERT_TRUE(send_all(fd, chunk));
    }
    ASSERT_TRUE(send_all(fd, tail_part));
    const std::string res = read_response(fd);
    ::close(fd);
    EXPECT_EQ(body_of(res), std::to_string(kSize)) << res.substr(0, 300);
    const long grew_kb = status_kb("VmHWM") - before;
    EXPECT_LT(grew_kb, 8 * 1024) << "resident memory grew by " << grew_kb << " kB during a 40 MB upload";
}

}  // namespace
}  // namespace avenir::http
