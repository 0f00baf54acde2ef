#pragma once
// The socket server (Boost.Beast/Asio, C++20 coroutines). The only code that includes Beast.
//
// Decisions:
// - Threads: every io thread runs its own io_context, and a connection lives on one of them
//   (round robin at accept), so its coroutine needs no strand and every executor is the concrete
//   io_context one (no type-erased executors, no shared state between io threads per request).
//   Handlers run on the worker pool (worker_pool.hpp); their answer is posted back to the
//   connection's io thread.
// - Timeouts are deadlines, not timers: each connection records when its current wait must end,
//   and a sweeper on its thread closes those past their deadline (every quarter of the shortest
//   timeout, at most 250 ms). A request costs no timer operation.
// - The first head must arrive whole within header_timeout (set once, so a byte a second does not
//   keep it open); later heads get idle_timeout for their first byte, then header_timeout.
// - Bodies over the route's limit get 413 before a byte of them is read (Content-Length) or as soon
//   as they pass it (chunked). Early answers (400, 413, 431, 503) half-close and then discard input
//   for up to kLinger, so the client reads the answer instead of a connection reset.
// - multipart/form-data bodies are parsed as they arrive (MultipartParser): files go straight to
//   temporary files in upload_dir, so an upload is never whole in memory.
// - stop(): stop accepting, close connections waiting for a request, let the others finish their
//   response (sent with "Connection: close"), force-close what is left after shutdown_grace.
// - Cache hits come as Response::wire (the bytes to send) and are written as they are, with the
//   Date line of the current second; everything else goes through Beast's serializer.
// - HEAD, 1xx, 204 and 304 go out with the pipeline's headers untouched (HEAD keeps its
//   Content-Length) and no body; other responses get Content-Length from the body sent.
// - File bodies (Response::file) are streamed in kFileChunk pieces read with pread, never loaded
//   whole. The file is opened and its size checked before the head is written, so a file that is
//   gone gives the pipeline's 404 page (500 when it cannot be read or is too short). A read
//   failure after the head went out can only end the connection: the client sees a short body.
//   The write timeout applies per chunk, so a slow but moving download is not cut off.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "core/http/metrics.hpp"
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
    Metrics* metrics = nullptr;         // requests counted by route, plus this server's gauges
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
