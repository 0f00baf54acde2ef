// The socket server; its design decisions are described in server.hpp.
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
#include "core/http/server_connection.inc"
#include "core/http/server_bodies.inc"
}  // namespace

struct Server::Impl {
    Impl(ServerConfig c, const Pipeline& p)
        : cfg(std::move(c)), pipeline(p), workers(cfg.workers, cfg.queue, cfg.worker_nice) {
        const unsigned n = cfg.threads ? cfg.threads : std::max(1u, std::thread::hardware_concurrency());
        for (unsigned i = 0; i < n; ++i) threads.push_back(std::make_unique<IoThread>());
        acceptor.emplace(threads[0]->ioc.get_executor());
        const auto shortest = std::min({cfg.header_timeout, cfg.idle_timeout, cfg.body_timeout, cfg.write_timeout});
        sweep_every = std::clamp<std::chrono::milliseconds>(shortest / 4, 10ms, 250ms);
        if (cfg.metrics) collector = cfg.metrics->add_collector([this](std::string& out) { gauges(out); });
    }
    ~Impl() {
        if (cfg.metrics) cfg.metrics->remove_collector(collector);
    }

    void gauges(std::string& out) {
        const auto load = workers.load();
        Metrics::server_gauges(out, {live.load(), workers.threads(), load.busy, load.queued, workers.capacity()});
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
    int collector = -1;             // this server's gauges in cfg.metrics

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
        if (ambiguous_framing(head.get(), version)) co_return co_await refuse(c, req, 400, version, start);
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
                const auto [status, message, retry] = failure_answer(sink->failure);
                c.linger = true;
                Response answer = pipeline.error(req, status, message);
                if (retry > 0) answer.set_header("Retry-After", std::to_string(retry));
                co_await send(c, req, answer, false, version, start);
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
        const double ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
        if (cfg.metrics) cfg.metrics->observe(req.route_index, status, ms / 1000.0);
        if (!cfg.access_log) return;
        char ms_text[32];
        std::snprintf(ms_text, sizeof ms_text, "%.1f", ms);
        // The route's pattern ("/guide/shared/{token}"), never the path it matched, which may carry
        // a token or a person's name; the path itself only when no route matched (a broken link).
        std::string_view path = pipeline.route_pattern(req.route_index);
        if (path.empty()) path = std::string_view(req.raw_path).substr(0, req.raw_path.find('?'));
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
