#pragma once
// Test support, header-only (not part of avenir_lib): a real SMTP server on loopback for tests that
// send mail. It runs scripts/smtp-sink.py (the script browser tests use too) with Debian's
// /usr/bin/python3 and python3-aiosmtpd; every message it receives is kept raw (<n>.eml) and
// decoded (<n>.json) in dir().
//
//   avenir::mail::testing::SmtpSink sink;              // started and accepting connections
//   SmtpMailer mailer({.url = sink.url(), .from = "noreply@avenir.test"});
//   ASSERT_TRUE(sink.wait_for(1, 10s));
//   const auto raw = sink.messages().at(0);            // parse_message(raw) for headers and body
//
// Overrides: AVENIR_SINK_PYTHON (interpreter), AVENIR_SMTP_SINK_SCRIPT (script path).
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

namespace avenir::mail::testing {

// A loopback TCP port nothing listens on (just released by the kernel), for "server down" tests.
inline std::uint16_t unused_loopback_port() {
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof addr;
    if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
        if (fd >= 0) ::close(fd);
        throw std::runtime_error("smtp sink: no free loopback port");
    }
    ::close(fd);
    return ntohs(addr.sin_port);
}

class SmtpSink {
public:
    // Starts the sink and returns once it accepts connections. Throws std::runtime_error with the
    // sink's own error output when it cannot start (python3-aiosmtpd missing: scripts/install-deps.sh test).
    explicit SmtpSink(std::chrono::milliseconds start_timeout = std::chrono::seconds(15)) {
        char tmpl[] = "/tmp/avenir-smtp-sink-XXXXXX";
        if (!::mkdtemp(tmpl)) throw std::runtime_error("smtp sink: mkdtemp failed");
        root_ = tmpl;
        dir_ = root_ / "mail";
        std::string error;
        for (int attempt = 0; attempt < 3; ++attempt)  // a port taken between choice and bind: retry
            if (start(start_timeout, error)) return;
        std::filesystem::remove_all(root_);
        throw std::runtime_error("smtp sink did not start: " + error);
    }
    ~SmtpSink() {
        stop();
        std::error_code ec;
        std::filesystem::remove_all(root_, ec);
    }
    SmtpSink(const SmtpSink&) = delete;
    SmtpSink& operator=(const SmtpSink&) = delete;

    std::uint16_t port() const noexcept { return port_; }
    std::string url() const { return "smtp://127.0.0.1:" + std::to_string(port_); }
    const std::filesystem::path& dir() const noexcept { return dir_; }

    // Every message received so far, raw (CRLF line ends), in arrival order.
    std::vector<std::string> messages() const {
        std::vector<std::string> out;
        for (const auto& [n, path] : numbered(".eml")) out.push_back(read(path));
        return out;
    }
    // Envelope recipients (RCPT TO) of messages()[index].
    std::vector<std::string> recipients(std::size_t index) const {
        const auto summary = nlohmann::json::parse(read(dir_ / (std::to_string(index + 1) + ".json")));
        return summary.at("rcpt_tos").get<std::vector<std::string>>();
    }
    // True once at least `count` messages have arrived; false after `timeout`.
    bool wait_for(std::size_t count, std::chrono::milliseconds timeout) const {
        const auto deadline = std::chrono::steady_clock::now() + timeout;
        for (;;) {
            if (numbered(".eml").size() >= count) return true;
            if (std::chrono::steady_clock::now() >= deadline) return false;
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
    }

private:
    static std::string env_or(const char* name, std::string fallback) {
        const char* v = std::getenv(name);
        return v && *v ? v : fallback;
    }
    static std::string read(const std::filesystem::path& path) {
        std::ifstream in(path, std::ios::binary);
        return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    }
    std::map<long, std::filesystem::path> numbered(const std::string& ext) const {
        std::map<long, std::filesystem::path> out;
        std::error_code ec;
        for (const auto& entry : std::filesystem::directory_iterator(dir_, ec)) {
            const std::string name = entry.path().filename().string();
            if (!name.ends_with(ext)) continue;
            const std::string stem = name.substr(0, name.size() - ext.size());
            if (!stem.empty() && std::all_of(stem.begin(), stem.end(), [](char c) { return c >= '0' && c <= '9'; }))
                out.emplace(std::stol(stem), entry.path());
        }
        return out;
    }

    bool start(std::chrono::milliseconds timeout, std::string& error) {
        const std::string python = env_or("AVENIR_SINK_PYTHON", "/usr/bin/python3");
        const std::string script = env_or("AVENIR_SMTP_SINK_SCRIPT", AVENIR_SOURCE_DIR "/scripts/smtp-sink.py");
        const std::string dir = dir_.string(), log = (root_ / "sink.log").string();
        const char* argv[] = {python.c_str(), script.c_str(), dir.c_str(), "0", nullptr};
        int fds[2];
        if (::pipe2(fds, O_CLOEXEC) != 0) return (error = "pipe failed", false);
        const pid_t parent = ::getpid();
        const pid_t pid = ::fork();
        if (pid < 0) {
            ::close(fds[0]);
            ::close(fds[1]);
            return (error = "fork failed", false);
        }
        if (pid == 0) {  // child: async-signal-safe calls only
            ::prctl(PR_SET_PDEATHSIG, SIGKILL);  // never outlive the test (the creating thread, strictly)
            if (::getppid() != parent) ::_exit(127);
            const int err = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
            const int null = ::open("/dev/null", O_RDONLY);
            ::dup2(fds[1], STDOUT_FILENO);
            if (err >= 0) ::dup2(err, STDERR_FILENO);
            if (null >= 0) ::dup2(null, STDIN_FILENO);
            ::execv(python.c_str(), const_cast<char* const*>(argv));
            ::_exit(127);
        }
        ::close(fds[1]);
        pid_ = pid;
        std::string out;
        const auto deadline = std::chrono::steady_clock::now() + timeout;
        bool ready = false;
        while (!ready) {
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
            pollfd p{fds[0], POLLIN, 0};
            if (left.count() <= 0 || ::poll(&p, 1, static_cast<int>(left.count())) == 0) break;
            char buf[256];
            const ssize_t n = ::read(fds[0], buf, sizeof buf);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) break;  // the sink exited
            out.append(buf, static_cast<std::size_t>(n));
            ready = out.find("ready\n") != std::string::npos;
        }
        ::close(fds[0]);
        if (const auto at = out.find("port "); ready && at != std::string::npos) {
            port_ = static_cast<std::uint16_t>(std::stoi(out.substr(at + 5)));
            return true;
        }
        stop();
        error = read(root_ / "sink.log");
        if (error.empty()) error = ready ? "no port announced" : "timed out or exited without output (" + python + ")";
        return false;
    }

    void stop() noexcept {
        if (pid_ <= 0) return;
        ::kill(pid_, SIGTERM);
        int status = 0;
        for (int i = 0; i < 100; ++i) {  // up to 5 s for a clean stop
            if (::waitpid(pid_, &status, WNOHANG) == pid_) {
                pid_ = -1;
                return;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        ::kill(pid_, SIGKILL);
        ::waitpid(pid_, &status, 0);
        pid_ = -1;
    }

    std::filesystem::path root_, dir_;
    pid_t pid_ = -1;
    std::uint16_t port_ = 0;
};

}  // namespace avenir::mail::testing
