#pragma once
// The socket server (Boost.Beast/Asio, C++20 coroutines). The only code that includes Beast.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "core/http/pipeline.hpp"

namespace avenir::http {

struct ServerConfig {
    std::string host = "127.0.0.1";
    std::uint16_t port = 8080;          // 0 picks a free port (tests)
    unsigned threads = 0;               // io threads; 0 = one per core
    unsigned workers = 4;               // handler threads (the pipeline's handle() runs there)
    unsigned queue = 128;               // requests waiting for a handler thread; beyond: 503
    int worker_nice = 5;               // workers yield the CPU to io threads under pressure (0: same priority)
    std::string upload_dir;             // where multipart uploads are written as they arrive ("" = temp dir)
    std::size_t max_header_bytes = 16 * 1024;
    std::chrono::milliseconds header_timeout{10'000};  // whole request head must arrive within this
    std::chrono::milliseconds body_timeout{60'000};    // body must arrive within this
    std::chrono::milliseconds idle_timeout{30'000};    // keep-alive wait between requests
    std::chrono::milliseconds write_timeout{60'000};
    std::chrono::milliseconds shutdown_grace{10'000};  // time given to requests in flight on stop
    std::size_t max_connections = 4096;
    bool access_log = true;
    bool handle_signals = true;         // SIGTERM/SIGINT trigger a graceful stop
};

class Server {
public:
    Server(ServerConfig config, const Pipeline& pipeline);
    ~Server();
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;

    // Binds and listens; throws std::runtime_error with a clear message when it cannot.
    void listen();
    // The bound port (after listen()).
    std::uint16_t port() const;
    // Serves until stop() or a signal; returns after requests in flight have finished.
    void run();
    // Graceful stop: stop accepting, let requests in flight finish, close idle connections.
    // Thread-safe; may be called from any thread.
    void stop();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace avenir::http
