#pragma once
// Plain POSIX socket helpers for the server's socket-level tests (no Beast in tests either).
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

namespace avenir::http::testing {

using Clock = std::chrono::steady_clock;

inline long elapsed_ms(Clock::time_point since) {
    return static_cast<long>(std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - since).count());
}

inline int connect_to(std::uint16_t port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    timeval tv{3, 0};  // no test may hang on a read
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
        ::close(fd);
        return -1;
    }
    return fd;
}

inline bool send_all(int fd, std::string_view data) {
    while (!data.empty()) {
        const ssize_t n = ::send(fd, data.data(), data.size(), MSG_NOSIGNAL);
        if (n <= 0) return false;
        data.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
}

// recv result: >0 bytes, 0 closed by peer, -1 error (EAGAIN after SO_RCVTIMEO means "still open").
struct Received {
    std::string data;
    bool closed = false;  // the peer closed (or reset) the connection
};

inline Received read_until_close(int fd) {
    Received r;
    char buf[4096];
    for (;;) {
        const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
        if (n > 0) { r.data.append(buf, static_cast<std::size_t>(n)); continue; }
        r.closed = n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK);
        return r;
    }
}

inline std::size_t content_length(std::string_view head) {
    for (std::string_view key : {"Content-Length: ", "content-length: "})
        if (const auto at = head.find(key); at != std::string_view::npos)
            return std::stoul(std::string(head.substr(at + key.size())));
    return 0;
}

// Reads one response: the head, then Content-Length bytes of body (none when head_only).
inline std::string read_response(int fd, bool head_only = false) {
    std::string data;
    char buf[4096];
    std::size_t end = std::string::npos;
    while ((end = data.find("\r\n\r\n")) == std::string::npos) {
        const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
        if (n <= 0) return data;
        data.append(buf, static_cast<std::size_t>(n));
    }
    const std::size_t want = end + 4 + (head_only ? 0 : content_length(data.substr(0, end)));
    while (data.size() < want) {
        const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
        if (n <= 0) break;
        data.append(buf, static_cast<std::size_t>(n));
    }
    return data;
}

inline std::string body_of(const std::string& response) {
    const auto end = response.find("\r\n\r\n");
    return end == std::string::npos ? std::string{} : response.substr(end + 4);
}

}  // namespace avenir::http::testing
