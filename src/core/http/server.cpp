// The socket server: one coroutine per connection, each on its own strand.
//
// Decisions:
// - Timeouts: the first head must arrive whole within header_timeout (set once, so a byte a second
//   does not keep it open); later heads get idle_timeout for their first byte, then header_timeout.
// - Bodies over the route's limit get 413 before a byte of them is read (Content-Length) or as soon
//   as they pass it (chunked). Early answers (400, 413, 431, 503) half-close and then discard input
//   for up to kLinger, so the client reads the answer instead of a connection reset.
// - stop(): stop accepting, close connections waiting for a request, let the others finish their
//   response (sent with "Connection: close"), force-close what is left after shutdown_grace.
// - HEAD, 1xx, 204 and 304 go out with the pipeline's headers untouched (HEAD keeps its
//   Content-Length) and no body; other responses get Content-Length from the body sent.
// - File bodies (Response::file) are streamed in kFileChunk pieces read with pread, never loaded
//   whole. The file is opened and its size checked before the head is written, so a file that is
//   gone gives the pipeline's 404 page (500 when it cannot be read or is too short). A read
//   failure after the head went out can only end the connection: the client sees a short body.
//   The write timeout applies per chunk, so a slow but moving download is not cut off. Reads
//   block the io thread briefly, as the page cache usually answers them.
#include "core/http/server.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
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
using Strand = net::strand<net::io_context::executor_type>;
using HeadParser = bh::request_parser<bh::empty_body>;
using namespace std::chrono_literals;

// How long a connection we answered early (413, 431, 503...) is drained so the client can read
// the answer instead of getting a reset.
constexpr auto kLinger = 2s;
constexpr std::size_t kKeptBufferBytes = 64 * 1024;  // larger read buffers are freed between requests
constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
constexpr std::size_t kFileChunk = 64 * 1024;

auto redirect(beast::error_code& ec) { return net::redirect_error(net::use_awaitable, ec); }
// Beast 1.74 has its own string_view.
std::string_view sv(beast::string_view s) { return {s.data(), s.size()}; }
beast::string_view bsv(std::string_view s) { return {s.data(), s.size()}; }

struct Conn {
    explicit Conn(tcp::socket s) : stream(std::move(s)) {
        beast::error_code ec;
        const auto peer = stream.socket().remote_endpoint(ec);
        if (!ec) remote_address = peer.address().to_string();
    }
    beast::tcp_stream stream;
    std::string remote_address;  // for throttling only; never logged
    beast::flat_buffer buffer;
    bool idle = false;    // waiting for a request head; touched only on the connection's strand
    bool linger = false;  // answered without reading the whole request: drain before closing
    std::list<std::weak_ptr<Conn>>::iterator entry;
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

Request to_request(const HeadParser::value_type& head) {
    Request req;
    req.method = parse_method(sv(head.method_string()));
    req.target = std::string(head.target());
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
        : cfg(std::move(c)), pipeline(p), workers(cfg.workers, cfg.queue, cfg.worker_nice) {}

    ServerConfig cfg;
    const Pipeline& pipeline;
    WorkerPool workers;
    // Declared before the io_context: coroutine frames it destroys still unregister here.
    std::atomic<bool> stopping{false};
    std::atomic<std::size_t> live{0};
    std::mutex conns_mu;
    std::list<std::weak_ptr<Conn>> conns;

    net::io_context ioc;
    Strand strand{ioc.get_executor()};  // acceptor, signals and shutdown run here
    tcp::acceptor acceptor{strand};
    std::optional<net::signal_set> signals;
    std::uint16_t bound_port = 0;
    bool shutdown_started = false;  // on the strand

    // Unregisters a connection when its coroutine ends, however it ends.
    struct Guard {
        Impl& s;
        std::shared_ptr<Conn> c;
        ~Guard() {
            std::lock_guard lock(s.conns_mu);
            s.conns.erase(c->entry);
            s.live.fetch_sub(1);
        }
    };

    void listen() {
        const std::string where = cfg.host + ":" + std::to_string(cfg.port);
        beast::error_code ec;
        tcp::resolver resolver(ioc);
        const auto results = resolver.resolve(cfg.host, std::to_string(cfg.port), ec);
        if (ec || results.empty())
            throw std::runtime_error("cannot listen on " + where + ": " + (ec ? ec.message() : "no address"));
        const tcp::endpoint ep = results.begin()->endpoint();
        acceptor.open(ep.protocol(), ec);
        if (!ec) acceptor.set_option(net::socket_base::reuse_address(true), ec);
        if (!ec) acceptor.bind(ep, ec);
        if (!ec) acceptor.listen(net::socket_base::max_listen_connections, ec);
        if (ec) {
            beast::error_code ignored;
            acceptor.close(ignored);
            throw std::runtime_error("cannot listen on " + where + ": " + ec.message());
        }
        bound_port = acceptor.local_endpoint().port();
    }

    void run() {
        if (!acceptor.is_open()) listen();
        net::co_spawn(strand, accept_loop(), log_failure);
        if (cfg.handle_signals) {
            signals.emplace(strand, SIGINT, SIGTERM);
            signals->async_wait([this](const beast::error_code& ec, int) {
                if (!ec) begin_shutdown();
            });
        }
        const unsigned n = cfg.threads ? cfg.threads : std::max(1u, std::thread::hardware_concurrency());
        {
            std::vector<std::jthread> pool;
            for (unsigned i = 1; i < n; ++i) pool.emplace_back([this] { ioc.run(); });
            ioc.run();
        }
        workers.stop();  // every handler has answered by now: run() returned only when no work was left
    }

    // Runs pipeline.handle(req) on a worker thread and resumes the caller on its connection's
    // strand with the response; nullopt when every worker is busy and the queue is full. req lives
    // in the suspended coroutine's frame until the completion runs.
    template <class CompletionToken>
    auto async_handle(Request& req, CompletionToken&& token) {
        return net::async_initiate<CompletionToken, void(std::optional<Response>)>(
            [this, &req](auto handler) {
                auto ex = net::get_associated_executor(handler);
                auto done = std::make_shared<decltype(handler)>(std::move(handler));
                // Keeps ioc.run() going while the handler runs (graceful shutdown waits for it).
                auto work = std::make_shared<net::executor_work_guard<net::io_context::executor_type>>(ioc.get_executor());
                const bool queued = workers.try_submit([this, &req, ex, done, work] {
                    auto res = std::make_shared<std::optional<Response>>(pipeline.handle(req));
                    net::post(ex, [done, res, work] { (*done)(std::move(*res)); });
                });
                if (!queued) net::post(ex, [done] { (*done)(std::optional<Response>()); });
            },
            token);
    }

    // On the strand. Stops accepting, closes idle connections, then waits for the rest.
    void begin_shutdown() {
        if (shutdown_started) return;
        shutdown_started = true;
        stopping = true;
        beast::error_code ec;
        acceptor.close(ec);
        if (signals) signals->cancel(ec);
        close_connections(true);
        net::co_spawn(strand, wait_for_connections(), log_failure);
    }

    net::awaitable<void> wait_for_connections() {
        const auto deadline = Clock::now() + cfg.shutdown_grace;
        net::steady_timer timer(strand);
        while (live.load() > 0 && Clock::now() < deadline) {
            timer.expires_after(20ms);
            co_await timer.async_wait(net::use_awaitable);
        }
        if (live.load() == 0) co_return;
        log::warn("http_shutdown_forced", log::kv("connections", static_cast<long long>(live.load())));
        close_connections(false);
    }

    void close_connections(bool only_idle) {
        std::lock_guard lock(conns_mu);
        for (const auto& weak : conns) {
            auto c = weak.lock();
            if (!c) continue;
            net::post(c->stream.get_executor(), [c, only_idle] {
                if (!only_idle || (c->idle && c->buffer.size() == 0)) c->stream.close();
            });
        }
    }

    net::awaitable<void> accept_loop() {
        while (!stopping) {
            beast::error_code ec;
            tcp::socket socket = co_await acceptor.async_accept(net::make_strand(ioc), redirect(ec));
            if (stopping || ec == net::error::operation_aborted) break;
            if (ec) {
                log::warn("http_accept_error", log::kv("error", ec.message()));
                net::steady_timer pause(strand, 100ms);
                co_await pause.async_wait(net::use_awaitable);
                continue;
            }
            start(std::move(socket));
        }
    }

    void start(tcp::socket socket) {
        const bool over_capacity = live.fetch_add(1) >= cfg.max_connections;
        auto c = std::make_shared<Conn>(std::move(socket));
        {
            std::lock_guard lock(conns_mu);
            c->entry = conns.insert(conns.end(), c);
        }
        net::co_spawn(c->stream.get_executor(), session(c, over_capacity), log_failure);
    }

    net::awaitable<void> session(std::shared_ptr<Conn> c, bool over_capacity) {
        Guard guard{*this, c};
        beast::error_code ec;
        c->stream.socket().set_option(tcp::no_delay(true), ec);
        if (over_capacity) {
            Request req = placeholder_request();
            c->linger = true;
            co_await send(*c, req, pipeline.error(req, 503), false, 11, Clock::now());
        } else {
            for (bool first = true; co_await serve_one(*c, first); first = false) {}
        }
        if (c->linger) co_await linger_close(*c);
        c->stream.socket().shutdown(tcp::socket::shutdown_send, ec);
        c->stream.close();
    }

    // Reads and answers one request; true when the connection stays open for another.
    net::awaitable<bool> serve_one(Conn& c, bool first) {
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
        const auto start = Clock::now();
        if (ec) co_return co_await reject_head(c, ec, start);

        Request req = to_request(head.get());
        req.remote_address = c.remote_address;
        const unsigned version = head.get().version();
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
            if (!full.is_done()) {
                c.stream.expires_after(cfg.body_timeout);
                if (version == 11 && beast::iequals(full.get()[bh::field::expect], "100-continue"))
                    co_await net::async_write(c.stream, net::buffer(kContinue), redirect(ec));
                if (!ec) co_await bh::async_read(c.stream, c.buffer, full, redirect(ec));
                if (sink->failure) {
                    const auto [status, message] = failure_answer(sink->failure);
                    c.linger = true;
                    co_await send(c, req, pipeline.error(req, status, message), false, version, start);
                    co_return false;
                }
                if (ec == bh::error::body_limit) co_return co_await refuse(c, req, 413, version, start);
                if (is_parse_error(ec)) co_return co_await refuse(c, req, 400, version, start);
                if (ec) co_return false;
            }
            try {
                req.set_form(sink->parser->finish());
            } catch (...) {
                sink->failure = std::current_exception();
            }
            if (sink->failure) {
                const auto [status, message] = failure_answer(sink->failure);
                c.linger = true;
                co_await send(c, req, pipeline.error(req, status, message), false, version, start);
                co_return false;
            }
            keep = full.get().keep_alive();
        } else {
            bh::request_parser<bh::string_body> full(std::move(head));
            full.body_limit(limit);
            if (!full.is_done()) {
                c.stream.expires_after(cfg.body_timeout);
                if (version == 11 && beast::iequals(full.get()[bh::field::expect], "100-continue"))
                    co_await net::async_write(c.stream, net::buffer(kContinue), redirect(ec));
                if (!ec) co_await bh::async_read(c.stream, c.buffer, full, redirect(ec));
                if (ec == bh::error::body_limit) co_return co_await refuse(c, req, 413, version, start);
                if (is_parse_error(ec)) co_return co_await refuse(c, req, 400, version, start);
                if (ec) co_return false;
                req.body = std::move(full.get().body());
            }
            keep = full.get().keep_alive();
        }
        keep = keep && !stopping;
        // Static files, health checks and cached pages answer here; handlers run on a worker.
        if (auto answer = pipeline.try_inline(req)) co_return co_await send(c, req, *answer, keep, version, start);
        std::optional<Response> res = co_await async_handle(req, net::use_awaitable);
        if (!res) {
            Response busy = pipeline.error(req, 503);
            busy.set_header("Retry-After", "1");
            co_return co_await send(c, req, busy, keep, version, start);
        }
        co_return co_await send(c, req, *res, keep, version, start);
    }

    // On later requests the idle wait (first byte) and the head read have separate timeouts.
    net::awaitable<void> read_head(Conn& c, bool first, HeadParser& head, beast::error_code& ec) {
        if (!first && c.buffer.size() == 0) {
            c.stream.expires_after(cfg.idle_timeout);
            const std::size_t n = co_await c.stream.async_read_some(c.buffer.prepare(4096), redirect(ec));
            if (ec) co_return;
            c.buffer.commit(n);
        }
        c.stream.expires_after(cfg.header_timeout);  // for the whole head, not per byte
        co_await bh::async_read_header(c.stream, c.buffer, head, redirect(ec));
    }

    net::awaitable<bool> reject_head(Conn& c, const beast::error_code& ec, Clock::time_point start) {
        const int status = ec == bh::error::header_limit ? 431 : is_parse_error(ec) ? 400 : 0;
        if (status == 0) co_return false;  // timeout, reset, end of stream or shutdown: just close
        Request req = placeholder_request();
        co_return co_await refuse(c, req, status, 11, start);
    }

    // Answers with an error page without reading the rest of the request, then closes.
    net::awaitable<bool> refuse(Conn& c, Request& req, int status, unsigned version, Clock::time_point start) {
        c.linger = true;
        co_await send(c, req, pipeline.error(req, status), false, version, start);
        co_return false;
    }

    net::awaitable<bool> send(Conn& c, Request& req, const Response& res, bool keep, unsigned version,
                              Clock::time_point start) {
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
        c.stream.expires_after(cfg.write_timeout);
        beast::error_code ec;
        co_await bh::async_write(c.stream, msg, redirect(ec));
        log_access(req, res.status, no_body ? 0 : body.size(), start);
        co_return msg.keep_alive() && !ec;
    }

    // Streams res.file: the head, then the span in kFileChunk pieces.
    net::awaitable<bool> send_file(Conn& c, Request& req, const Response& res, bool keep, unsigned version,
                                   Clock::time_point start) {
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
        c.stream.expires_after(cfg.write_timeout);
        co_await bh::async_write_header(c.stream, sr, redirect(ec));
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
            c.stream.expires_after(cfg.write_timeout);  // per chunk: a slow download that moves is fine
            co_await bh::async_write(c.stream, sr, redirect(ec));
            if (ec == bh::error::need_buffer) ec = {};
            if (!ec) sent += static_cast<std::uint64_t>(got);
        }
        log_access(req, res.status, sent, start);
        // Short of Content-Length, the connection must end so the client knows the body is cut.
        co_return msg.keep_alive() && !ec && sent == f.length;
    }

    // Half-closes, then discards what the client still sends for a short while.
    net::awaitable<void> linger_close(Conn& c) {
        beast::error_code ec;
        c.stream.socket().shutdown(tcp::socket::shutdown_send, ec);
        c.stream.expires_after(kLinger);
        while (!ec) co_await c.stream.async_read_some(c.buffer.prepare(16 * 1024), redirect(ec));
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
    net::post(impl_->strand, [impl = impl_.get()] { impl->begin_shutdown(); });
}

}  // namespace avenir::http
