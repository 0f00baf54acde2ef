// The socket server: one io_context per io thread, each connection owned by one of them.
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
#include "core/http/server.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <ctime>
#include <limits>
#include <list>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <system_error>
#include <thread>
#include <typeinfo>
#include <utility>
#include <vector>

#include "core/errors.hpp"
#include "core/http/asio.hpp"
#include "core/http/text.hpp"
#include "core/http/worker_pool.hpp"
#include "core/log.hpp"

namespace avenir::http {
namespace {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace bh = boost::beast::http;
using tcp = net::ip::tcp;
using Clock = std::chrono::steady_clock;
using Executor = net::io_context::executor_type;
template <class T>
using Task = net::awaitable<T, Executor>;
using Socket = net::basic_stream_socket<tcp, Executor>;
using Acceptor = net::basic_socket_acceptor<tcp, Executor>;
using Timer = net::basic_waitable_timer<Clock, net::wait_traits<Clock>, Executor>;
using Signals = net::basic_signal_set<Executor>;
using HeadParser = bh::request_parser<bh::empty_body>;
using namespace std::chrono_literals;

constexpr net::use_awaitable_t<Executor> use_task{};
constexpr auto kLinger = 2s;                         // how long a connection answered early is drained
constexpr std::size_t kKeptBufferBytes = 64 * 1024;  // larger read buffers are freed between requests
constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
constexpr std::size_t kFileChunk = 64 * 1024;
constexpr std::int64_t kNoDeadline = std::numeric_limits<std::int64_t>::max();

auto redirect(beast::error_code& ec) { return net::redirect_error(use_task, ec); }
// Beast 1.74 has its own string_view.
std::string_view sv(beast::string_view s) { return {s.data(), s.size()}; }
beast::string_view bsv(std::string_view s) { return {s.data(), s.size()}; }

std::int64_t now_ms() { return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now().time_since_epoch()).count(); }

struct IoThread;

struct Conn {
    Conn(Socket s, IoThread& t) : socket(std::move(s)), home(&t) {
        beast::error_code ec;
        const auto peer = socket.remote_endpoint(ec);
        if (!ec) remote_address = peer.address().to_string();
    }
    Socket socket;
    IoThread* home;
    std::string remote_address;  // for throttling only; never logged
    beast::flat_buffer buffer;
    std::int64_t deadline = kNoDeadline;  // steady ms; past it the sweeper closes the socket
    bool idle = false;    // waiting for a request head
    bool linger = false;  // answered without reading the whole request: drain before closing
    std::list<Conn*>::iterator entry;

    void expires_after(std::chrono::milliseconds d) { deadline = now_ms() + d.count(); }
    void no_deadline() { deadline = kNoDeadline; }
};

// One io thread: its io_context and the connections it owns (touched only from that thread).
struct IoThread {
    net::io_context ioc{1};
    std::list<Conn*> conns;
    Timer* sweeper = nullptr;  // woken early when the server stops
    void wake_sweeper() {
        if (sweeper) sweeper->cancel();
    }
};

bool is_parse_error(const beast::error_code& ec) {
    return ec.category() == bh::make_error_code(bh::error::bad_target).category() &&
           ec != bh::error::end_of_stream && ec != bh::error::partial_message;
}

void log_failure(std::exception_ptr e) {
    if (!e) return;
    try {
        std::rethrow_exception(e);
    } catch (const boost::system::system_error& ex) {
        log::error("http_conn_error", log::kv("category", ex.code().category().name()) + " " +
                                          log::kv("error", ex.code().message()));
    } catch (const std::system_error& ex) {
        log::error("http_conn_error", log::kv("category", ex.code().category().name()) + " " +
                                          log::kv("error", ex.code().message()));
    } catch (const std::exception& ex) {
        log::error("http_conn_error", log::kv("error", typeid(ex).name()));
    } catch (...) {
        log::error("http_conn_error", log::kv("error", "unknown"));
    }
}

// The Date header (RFC 9110 §6.6.1), formatted at most once a second per thread; no strftime,
// whose day and month names follow the C locale.
beast::string_view http_date() {
    static constexpr const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                              "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    thread_local std::time_t cached = -1;
    thread_local char text[40];
    const std::time_t now = std::time(nullptr);
    if (now != cached) {
        std::tm tm{};
        gmtime_r(&now, &tm);
        std::snprintf(text, sizeof text, "%s, %02d %s %04d %02d:%02d:%02d GMT", kDays[tm.tm_wday], tm.tm_mday,
                      kMonths[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
        cached = now;
    }
    return text;
}

// "Date: ...\r\n" for the current second (per thread).
std::string_view date_line() {
    thread_local std::time_t cached = -1;
    thread_local std::string line;
    const std::time_t now = std::time(nullptr);
    if (now != cached) {
        const beast::string_view d = http_date();
        line.assign("Date: ").append(d.data(), d.size()).append("\r\n");
        cached = now;
    }
    return line;
}

Request to_request(const HeadParser::value_type& head) {
    Request req;
    req.method = parse_method(sv(head.method_string()));
    req.target = std::string(head.target());
    req.headers.reserve(16);
    for (const auto& f : head) req.headers.emplace_back(ascii::lower(sv(f.name_string())), std::string(sv(f.value())));
    return req;
}

// The body to send: the shared gzip copy when the pipeline chose gzip for it.
const std::string& payload(const Response& res) {
    const auto enc = res.header("content-encoding");
    if (res.gzip_body && enc && beast::iequals(bsv(*enc), "gzip")) return *res.gzip_body;
    return res.body;
}

// Status line, fields and Date from res. A "Connection: close" from the pipeline clears keep.
// Content-Length and Transfer-Encoding are kept only for responses without a body (HEAD keeps
// the length a GET would send); otherwise the sender sets them.
template <class Body>
void fill_head(bh::response<Body>& msg, const Response& res, unsigned version, bool no_body, bool& keep) {
    msg.version(version == 10 ? 10 : 11);
    msg.result(static_cast<unsigned>(res.status));
    if (const auto reason = status_reason(res.status); !reason.empty()) msg.reason(bsv(reason));
    for (const auto& [name, value] : res.headers) {
        if (beast::iequals(bsv(name), "connection")) {
            if (beast::iequals(bsv(value), "close")) keep = false;
            continue;
        }
        if (!no_body && (beast::iequals(bsv(name), "content-length") || beast::iequals(bsv(name), "transfer-encoding")))
            continue;
        msg.insert(bsv(name), bsv(value));
    }
    if (msg.find(bh::field::date) == msg.end()) msg.set(bh::field::date, http_date());
}

// An open file descriptor, closed on destruction.
class FileHandle {
public:
    FileHandle() = default;
    explicit FileHandle(int fd) : fd_(fd) {}
    FileHandle(FileHandle&& o) noexcept : fd_(std::exchange(o.fd_, -1)) {}
    FileHandle& operator=(FileHandle&& o) noexcept {
        std::swap(fd_, o.fd_);
        return *this;
    }
    ~FileHandle() {
        if (fd_ >= 0) ::close(fd_);
    }
    int get() const { return fd_; }

private:
    int fd_ = -1;
};

// Opens the file of a FileBody and checks it holds offset + length bytes; on failure returns an
// empty handle and sets err to an errno value.
FileHandle open_span(const FileBody& f, int& err) {
    err = 0;
    if (f.path.empty() || f.path.find('\0') != std::string::npos) {
        err = ENOENT;
        return {};
    }
    FileHandle h(::open(f.path.c_str(), O_RDONLY | O_CLOEXEC));
    if (h.get() < 0) {
        err = errno;
        return {};
    }
    struct stat st {};
    if (::fstat(h.get(), &st) != 0) {
        err = errno;
        return {};
    }
    const auto size = static_cast<std::uint64_t>(st.st_size);
    if (!S_ISREG(st.st_mode)) err = EISDIR;
    else if (f.offset > size || f.length > size - f.offset) err = ERANGE;  // shrunk since the handler looked
    if (err) return {};
    ::posix_fadvise(h.get(), static_cast<off_t>(f.offset), static_cast<off_t>(f.length), POSIX_FADV_SEQUENTIAL);
    return h;
}

// pread that retries on EINTR; 0 at end of file, -1 on error.
ssize_t read_at(int fd, char* buf, std::size_t n, std::uint64_t offset) {
    for (;;) {
        const ssize_t got = ::pread(fd, buf, n, static_cast<off_t>(offset));
        if (got >= 0 || errno != EINTR) return got;
    }
}

// A multipart/form-data body parsed as it arrives: file parts go to temporary files, never whole
// into memory. A parse failure is kept (Beast's reader may not throw) and ends the read.
struct MultipartSink {
    std::unique_ptr<MultipartParser> parser;
    std::exception_ptr failure;
};

struct MultipartBody {
    using value_type = std::shared_ptr<MultipartSink>;

    class reader {
    public:
        template <bool isRequest, class Fields>
        reader(bh::header<isRequest, Fields>&, value_type& body) : body_(body) {}
        void init(const boost::optional<std::uint64_t>&, beast::error_code& ec) { ec = {}; }
        template <class ConstBufferSequence>
        std::size_t put(const ConstBufferSequence& buffers, beast::error_code& ec) {
            std::size_t n = 0;
            try {
                for (const auto b : beast::buffers_range_ref(buffers)) {
                    body_->parser->feed(std::string_view(static_cast<const char*>(b.data()), b.size()));
                    n += b.size();
                }
                ec = {};
            } catch (...) {
                body_->failure = std::current_exception();
                ec = beast::errc::make_error_code(beast::errc::invalid_argument);
            }
            return n;
        }
        void finish(beast::error_code& ec) { ec = {}; }

    private:
        value_type& body_;
    };
};

// The status and public message of a failed multipart body.
std::pair<int, std::string> failure_answer(const std::exception_ptr& failure) {
    try {
        std::rethrow_exception(failure);
    } catch (const HttpError& e) {
        return {e.status(), e.public_message()};
    } catch (...) {
        return {400, {}};
    }
}

}  // namespace

struct Server::Impl {
    Impl(ServerConfig c, const Pipeline& p)
        : cfg(std::move(c)), pipeline(p), workers(cfg.workers, cfg.queue, cfg.worker_nice) {
        const unsigned n = cfg.threads ? cfg.threads : std::max(1u, std::thread::hardware_concurrency());
        for (unsigned i = 0; i < n; ++i) threads.push_back(std::make_unique<IoThread>());
        acceptor.emplace(threads[0]->ioc.get_executor());
        const auto shortest = std::min({cfg.header_timeout, cfg.idle_timeout, cfg.body_timeout, cfg.write_timeout});
        sweep_every = std::clamp<std::chrono::milliseconds>(shortest / 4, 10ms, 250ms);
    }

    ServerConfig cfg;
    const Pipeline& pipeline;
    WorkerPool workers;
    std::vector<std::unique_ptr<IoThread>> threads;
    std::optional<Acceptor> acceptor;
    std::optional<Signals> signals;
    std::chrono::milliseconds sweep_every{250};
    std::atomic<bool> stopping{false};
    std::atomic<std::size_t> live{0};
    std::uint16_t bound_port = 0;
    bool shutdown_started = false;  // on thread 0
    std::size_t next_thread = 0;    // round robin, on thread 0

    IoThread& first() { return *threads[0]; }

    void listen() {
        const std::string where = cfg.host + ":" + std::to_string(cfg.port);
        beast::error_code ec;
        net::ip::basic_resolver<tcp, Executor> resolver(first().ioc.get_executor());
        const auto results = resolver.resolve(cfg.host, std::to_string(cfg.port), ec);
        if (ec || results.empty())
            throw std::runtime_error("cannot listen on " + where + ": " + (ec ? ec.message() : "no address"));
        const tcp::endpoint ep = results.begin()->endpoint();
        acceptor->open(ep.protocol(), ec);
        if (!ec) acceptor->set_option(net::socket_base::reuse_address(true), ec);
        if (!ec) acceptor->bind(ep, ec);
        if (!ec) acceptor->listen(net::socket_base::max_listen_connections, ec);
        if (ec) {
            beast::error_code ignored;
            acceptor->close(ignored);
            throw std::runtime_error("cannot listen on " + where + ": " + ec.message());
        }
        bound_port = acceptor->local_endpoint().port();
    }

    void run() {
        if (!acceptor->is_open()) listen();
        net::co_spawn(first().ioc, accept_loop(), log_failure);
        for (auto& t : threads) net::co_spawn(t->ioc, sweep(*t), log_failure);
        if (cfg.handle_signals) {
            signals.emplace(first().ioc.get_executor(), SIGINT, SIGTERM);
            signals->async_wait([this](const beast::error_code& ec, int) {
                if (!ec) begin_shutdown();
            });
        }
        {
            std::vector<std::jthread> others;
            for (std::size_t i = 1; i < threads.size(); ++i) others.emplace_back([this, i] { threads[i]->ioc.run(); });
            first().ioc.run();
        }
        workers.stop();  // every handler has answered by now: run() returned only when no work was left
    }

    // Closes, on each connection's own thread, those past their deadline; ends when the server
    // stops and the thread has no connection left.
    Task<void> sweep(IoThread& t) {
        Timer timer(t.ioc.get_executor());
        t.sweeper = &timer;
        struct Forget {
            IoThread& t;
            ~Forget() { t.sweeper = nullptr; }
        } forget{t};
        for (;;) {
            timer.expires_after(sweep_every);
            beast::error_code ec;
            co_await timer.async_wait(redirect(ec));
            if (stopping && t.conns.empty()) co_return;
            const std::int64_t now = now_ms();
            for (Conn* c : t.conns)
                if (c->deadline <= now) {
                    c->deadline = kNoDeadline;
                    c->socket.close(ec);
                }
        }
    }

    // On thread 0. Stops accepting, closes idle connections, then waits for the rest.
    void begin_shutdown() {
        if (shutdown_started) return;
        shutdown_started = true;
        stopping = true;
        beast::error_code ec;
        acceptor->close(ec);
        if (signals) signals->cancel(ec);
        close_connections(true);
        net::co_spawn(first().ioc, wait_for_connections(), log_failure);
    }

    Task<void> wait_for_connections() {
        const auto deadline = Clock::now() + cfg.shutdown_grace;
        Timer timer(first().ioc.get_executor());
        while (live.load() > 0 && Clock::now() < deadline) {
            timer.expires_after(20ms);
            co_await timer.async_wait(use_task);
        }
        if (live.load() == 0) co_return;
        log::warn("http_shutdown_forced", log::kv("connections", static_cast<long long>(live.load())));
        close_connections(false);
    }

    // Each thread closes its own connections (all, or only those waiting for a request).
    void close_connections(bool only_idle) {
        for (auto& t : threads)
            net::post(t->ioc, [t = t.get(), only_idle] {
                beast::error_code ec;
                for (Conn* c : t->conns)
                    if (!only_idle || (c->idle && c->buffer.size() == 0)) c->socket.close(ec);
                t->wake_sweeper();  // it ends once its thread has no connection left
            });
    }

    Task<void> accept_loop() {
        while (!stopping) {
            IoThread& target = *threads[next_thread++ % threads.size()];
            beast::error_code ec;
            Socket socket = co_await acceptor->async_accept(target.ioc.get_executor(), redirect(ec));
            if (stopping || ec == net::error::operation_aborted) break;
            if (ec) {
                log::warn("http_accept_error", log::kv("error", ec.message()));
                Timer pause(first().ioc.get_executor(), 100ms);
                co_await pause.async_wait(use_task);
                continue;
            }
            const bool over_capacity = live.fetch_add(1) >= cfg.max_connections;
            net::co_spawn(target.ioc, session(std::move(socket), target, over_capacity), log_failure);
        }
    }

    Task<void> session(Socket socket, IoThread& t, bool over_capacity) {
        Conn c(std::move(socket), t);
        c.entry = t.conns.insert(t.conns.end(), &c);
        struct Unregister {
            Impl& s;
            Conn& c;
            ~Unregister() {
                c.home->conns.erase(c.entry);
                s.live.fetch_sub(1);
                if (s.stopping && c.home->conns.empty()) c.home->wake_sweeper();
            }
        } unregister{*this, c};
        beast::error_code ec;
        c.socket.set_option(tcp::no_delay(true), ec);
        if (over_capacity) {
            Request req = placeholder_request();
            c.linger = true;
            co_await send(c, req, pipeline.error(req, 503), false, 11, Clock::now());
        } else {
            for (bool first = true; co_await serve_one(c, first); first = false) {}
        }
        if (c.linger) co_await linger_close(c);
        c.socket.shutdown(tcp::socket::shutdown_send, ec);
        c.socket.close(ec);
    }

    // Runs pipeline.handle(req) on a worker thread and resumes the caller on its connection's
    // thread with the response; nullopt when every worker is busy and the queue is full. req
    // lives in the suspended coroutine's frame until the completion runs.
    template <class CompletionToken>
    auto async_handle(Request& req, CompletionToken&& token) {
        return net::async_initiate<CompletionToken, void(std::optional<Response>)>(
            [this, &req](auto handler) {
                auto ex = net::get_associated_executor(handler);
                auto done = std::make_shared<decltype(handler)>(std::move(handler));
                // Keeps the connection's io_context running while the handler runs (graceful stop).
                auto work = std::make_shared<net::executor_work_guard<decltype(ex)>>(ex);
                const bool queued = workers.try_submit([this, &req, ex, done, work] {
                    auto res = std::make_shared<std::optional<Response>>(pipeline.handle(req, /*wire_ok=*/true));
                    net::post(ex, [done, res, work] { (*done)(std::move(*res)); });
                });
                if (!queued) net::post(ex, [done] { (*done)(std::optional<Response>()); });
            },
            token);
    }

    // Reads and answers one request; true when the connection stays open for another.
    Task<bool> serve_one(Conn& c, bool first) {
        if (c.buffer.size() == 0 && c.buffer.capacity() > kKeptBufferBytes) c.buffer.shrink_to_fit();
        c.idle = true;
        if (stopping) co_return false;
        HeadParser head;
        head.header_limit(static_cast<std::uint32_t>(cfg.max_header_bytes));
        // Checked against the route's limit below. Not boost::none: Beast 1.74 compares the
        // Content-Length with the optional and treats none as 0.
        head.body_limit(std::numeric_limits<std::uint64_t>::max());
        beast::error_code ec;
        co_await read_head(c, first, head, ec);
        c.idle = false;
        c.no_deadline();
        const auto start = Clock::now();
        if (ec) co_return co_await reject_head(c, ec, start);

        Request req = to_request(head.get());
        req.remote_address = c.remote_address;
        const unsigned version = head.get().version();
        req.http_version = version == 10 ? 10 : 11;
        pipeline.prepare(req);
        const std::size_t limit = pipeline.body_limit(req);
        if (head.content_length() && *head.content_length() > limit)
            co_return co_await refuse(c, req, 413, version, start);

        req.upload_dir = cfg.upload_dir;
        bool keep = false;
        if (text::media_type(sv(head.get()[bh::field::content_type])) == "multipart/form-data") {
            // Streamed: file parts go to disk as they arrive.
            auto sink = std::make_shared<MultipartSink>();
            bool no_boundary = false;
            try {
                sink->parser = std::make_unique<MultipartParser>(sv(head.get()[bh::field::content_type]), cfg.upload_dir);
            } catch (...) {
                no_boundary = true;
            }
            if (no_boundary) co_return co_await refuse(c, req, 400, version, start);
            bh::request_parser<MultipartBody> full(std::move(head));
            full.body_limit(limit);
            full.get().body() = sink;
            if (!full.is_done()) co_await read_body(c, full, version, ec);
            if (!sink->failure && !ec) {
                try {
                    req.set_form(sink->parser->finish());
                } catch (...) {
                    sink->failure = std::current_exception();
                }
            }
            if (sink->failure) {
                const auto [status, message] = failure_answer(sink->failure);
                c.linger = true;
                co_await send(c, req, pipeline.error(req, status, message), false, version, start);
                co_return false;
            }
            if (ec == bh::error::body_limit) co_return co_await refuse(c, req, 413, version, start);
            if (is_parse_error(ec)) co_return co_await refuse(c, req, 400, version, start);
            if (ec) co_return false;
            keep = full.get().keep_alive();
        } else {
            bh::request_parser<bh::string_body> full(std::move(head));
            full.body_limit(limit);
            if (!full.is_done()) {
                co_await read_body(c, full, version, ec);
                if (ec == bh::error::body_limit) co_return co_await refuse(c, req, 413, version, start);
                if (is_parse_error(ec)) co_return co_await refuse(c, req, 400, version, start);
                if (ec) co_return false;
                req.body = std::move(full.get().body());
            }
            keep = full.get().keep_alive();
        }
        keep = keep && !stopping;
        // Static files, health checks and cached pages answer here; handlers run on a worker.
        if (auto answer = pipeline.try_inline(req, /*wire_ok=*/true)) co_return co_await send(c, req, *answer, keep, version, start);
        std::optional<Response> res = co_await async_handle(req, use_task);
        if (!res) {
            Response busy = pipeline.error(req, 503);
            busy.set_header("Retry-After", "1");
            co_return co_await send(c, req, busy, keep, version, start);
        }
        co_return co_await send(c, req, *res, keep, version, start);
    }

    // The body, after "100 Continue" when the client waits for it.
    template <class Parser>
    Task<void> read_body(Conn& c, Parser& full, unsigned version, beast::error_code& ec) {
        c.expires_after(cfg.body_timeout);
        if (version == 11 && beast::iequals(full.get()[bh::field::expect], "100-continue"))
            co_await net::async_write(c.socket, net::buffer(kContinue), redirect(ec));
        if (!ec) co_await bh::async_read(c.socket, c.buffer, full, redirect(ec));
        c.no_deadline();
    }

    // On later requests the idle wait (first byte) and the head read have separate deadlines.
    Task<void> read_head(Conn& c, bool first, HeadParser& head, beast::error_code& ec) {
        if (!first && c.buffer.size() == 0) {
            c.expires_after(cfg.idle_timeout);
            const std::size_t n = co_await c.socket.async_read_some(c.buffer.prepare(4096), redirect(ec));
            if (ec) co_return;
            c.buffer.commit(n);
        }
        c.expires_after(cfg.header_timeout);  // for the whole head, not per byte
        co_await bh::async_read_header(c.socket, c.buffer, head, redirect(ec));
    }

    Task<bool> reject_head(Conn& c, const beast::error_code& ec, Clock::time_point start) {
        const int status = ec == bh::error::header_limit ? 431 : is_parse_error(ec) ? 400 : 0;
        if (status == 0) co_return false;  // timeout, reset, end of stream or shutdown: just close
        Request req = placeholder_request();
        co_return co_await refuse(c, req, status, 11, start);
    }

    // Answers with an error page without reading the rest of the request, then closes.
    Task<bool> refuse(Conn& c, Request& req, int status, unsigned version, Clock::time_point start) {
        c.linger = true;
        co_await send(c, req, pipeline.error(req, status), false, version, start);
        co_return false;
    }

    // A cache hit's bytes as they are: head, Date, Connection when closing, blank line, body.
    Task<bool> send_wire(Conn& c, Request& req, const Wire& w, bool keep, Clock::time_point start) {
        keep = keep && !stopping;
        const std::string_view date = date_line();
        static constexpr std::string_view kClose = "Connection: close\r\n";
        static constexpr std::string_view kEnd = "\r\n";
        const std::array<net::const_buffer, 5> buffers{
            net::buffer(w.head), net::buffer(date.data(), date.size()),
            keep ? net::const_buffer() : net::buffer(kClose.data(), kClose.size()), net::buffer(kEnd.data(), kEnd.size()),
            w.body ? net::buffer(*w.body) : net::const_buffer()};
        c.expires_after(cfg.write_timeout);
        beast::error_code ec;
        co_await net::async_write(c.socket, buffers, redirect(ec));
        c.no_deadline();
        log_access(req, w.status, w.body_size, start);
        co_return keep && !ec;
    }

    Task<bool> send(Conn& c, Request& req, const Response& res, bool keep, unsigned version, Clock::time_point start) {
        if (res.wire) co_return co_await send_wire(c, req, *res.wire, keep, start);
        const bool no_body = req.method == Method::Head || res.status / 100 == 1 || res.status == 204 ||
                             res.status == 304;
        if (res.file && !no_body) co_return co_await send_file(c, req, res, keep, version, start);
        const std::string& body = payload(res);
        bh::response<bh::span_body<const char>> msg;
        fill_head(msg, res, version, no_body, keep);
        if (!no_body) {
            msg.body() = {body.data(), body.size()};
            msg.content_length(body.size());
        }
        msg.keep_alive(keep && !stopping);
        c.expires_after(cfg.write_timeout);
        beast::error_code ec;
        co_await bh::async_write(c.socket, msg, redirect(ec));
        c.no_deadline();
        log_access(req, res.status, no_body ? 0 : body.size(), start);
        co_return msg.keep_alive() && !ec;
    }

    // Streams res.file: the head, then the span in kFileChunk pieces.
    Task<bool> send_file(Conn& c, Request& req, const Response& res, bool keep, unsigned version, Clock::time_point start) {
        const FileBody& f = *res.file;
        int err = 0;
        const FileHandle file = open_span(f, err);
        if (file.get() < 0) {
            // The path may name a person's upload: log the reason only.
            log::warn("http_file_unavailable", log::kv("error", std::generic_category().message(err)) + " " +
                                                   log::kv("id", req.request_id));
            co_return co_await send(c, req, pipeline.error(req, err == ENOENT || err == ENOTDIR ? 404 : 500), keep,
                                    version, start);
        }
        bh::response<bh::buffer_body> msg;
        fill_head(msg, res, version, false, keep);
        msg.content_length(f.length);
        msg.keep_alive(keep && !stopping);
        msg.body().data = nullptr;
        msg.body().more = f.length > 0;
        bh::response_serializer<bh::buffer_body> sr{msg};
        beast::error_code ec;
        c.expires_after(cfg.write_timeout);
        co_await bh::async_write_header(c.socket, sr, redirect(ec));
        const auto chunk = std::make_unique_for_overwrite<char[]>(
            static_cast<std::size_t>(std::min<std::uint64_t>(kFileChunk, std::max<std::uint64_t>(f.length, 1))));
        std::uint64_t sent = 0;
        while (!ec && sent < f.length) {
            const auto want = static_cast<std::size_t>(std::min<std::uint64_t>(kFileChunk, f.length - sent));
            const ssize_t got = read_at(file.get(), chunk.get(), want, f.offset + sent);
            if (got <= 0) {
                log::warn("http_file_read_failed", log::kv("error", got < 0 ? std::generic_category().message(errno)
                                                                            : std::string("file shrank")) +
                                                       " " + log::kv("id", req.request_id));
                break;
            }
            msg.body().data = chunk.get();
            msg.body().size = static_cast<std::size_t>(got);
            msg.body().more = sent + static_cast<std::uint64_t>(got) < f.length;
            c.expires_after(cfg.write_timeout);  // per chunk: a slow download that moves is fine
            co_await bh::async_write(c.socket, sr, redirect(ec));
            if (ec == bh::error::need_buffer) ec = {};
            if (!ec) sent += static_cast<std::uint64_t>(got);
        }
        c.no_deadline();
        log_access(req, res.status, sent, start);
        // Short of Content-Length, the connection must end so the client knows the body is cut.
        co_return msg.keep_alive() && !ec && sent == f.length;
    }

    // Half-closes, then discards what the client still sends for a short while.
    Task<void> linger_close(Conn& c) {
        beast::error_code ec;
        c.socket.shutdown(tcp::socket::shutdown_send, ec);
        c.expires_after(kLinger);
        while (!ec) co_await c.socket.async_read_some(c.buffer.prepare(16 * 1024), redirect(ec));
        c.no_deadline();
    }

    // Stands in for a request that could not be parsed; logged as "method=OTHER path=-".
    Request placeholder_request() const {
        Request req;
        req.target = "/";
        pipeline.prepare(req);
        req.method = Method::Other;
        req.raw_path.clear();
        return req;
    }

    void log_access(const Request& req, int status, std::uint64_t bytes, Clock::time_point start) const {
        if (!cfg.access_log) return;
        const double ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
        char ms_text[32];
        std::snprintf(ms_text, sizeof ms_text, "%.1f", ms);
        std::string_view path = req.raw_path;
        path = path.substr(0, path.find('?'));
        log::info("http", log::kv("method", method_name(req.method)) + " " + log::kv("path", path.empty() ? "-" : path) +
                              " " + log::kv("status", status) + " " +
                              log::kv("bytes", static_cast<long long>(bytes)) + " " + log::kv("ms", ms_text) + " " +
                              log::kv("id", req.request_id));
    }
};

Server::Server(ServerConfig config, const Pipeline& pipeline)
    : impl_(std::make_unique<Impl>(std::move(config), pipeline)) {}

Server::~Server() = default;

void Server::listen() { impl_->listen(); }

std::uint16_t Server::port() const { return impl_->bound_port; }

void Server::run() { impl_->run(); }

void Server::stop() {
    impl_->stopping = true;  // at once, so responses being built now say "Connection: close"
    net::post(impl_->first().ioc, [impl = impl_.get()] { impl->begin_shutdown(); });
}

}  // namespace avenir::http
