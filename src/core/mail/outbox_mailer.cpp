#include "core/mail/outbox_mailer.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <stdexcept>
#include <system_error>

namespace avenir::mail {
namespace {

// 20260303T101500.123456Z: names sort in the order the messages were written.
std::string utc_stamp() {
    using namespace std::chrono;
    const auto now = system_clock::now();
    const std::time_t t = system_clock::to_time_t(now);
    const auto us = duration_cast<microseconds>(now.time_since_epoch()).count() % 1'000'000;
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[80];
    std::snprintf(buf, sizeof buf, "%04d%02d%02dT%02d%02d%02d.%06dZ", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                  tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<int>(us));
    return buf;
}

[[noreturn]] void fail(const char* step, int err) {
    throw std::runtime_error(std::string("mail: outbox ") + step + " failed: " + std::strerror(err));
}

void write_file(const std::filesystem::path& path, std::string_view data) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) fail("open", errno);
    while (!data.empty()) {
        const ssize_t n = ::write(fd, data.data(), data.size());
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            const int err = errno;
            ::close(fd);
            ::unlink(path.c_str());
            fail("write", err);
        }
        data.remove_prefix(static_cast<std::size_t>(n));
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0) {
        const int err = errno;
        ::unlink(path.c_str());
        fail("fsync", err);
    }
}

}  // namespace

OutboxMailer::OutboxMailer(std::filesystem::path dir, std::string from) : dir_(std::move(dir)), from_(std::move(from)) {
    const Mailbox sender = parse_mailbox(from_);
    domain_ = sender.address.substr(sender.address.find('@') + 1);
    std::error_code ec;
    std::filesystem::create_directories(dir_, ec);
    if (ec) throw std::runtime_error("mail: outbox folder not created: " + ec.message());
}

void OutboxMailer::send(const Message& m) {
    const std::string raw = format_message(m, from_, make_message_id(domain_));
    const std::string name = utc_stamp() + "-" + random_hex16() + ".eml";
    const std::filesystem::path tmp = dir_ / (".tmp-" + name);
    write_file(tmp, raw);
    if (std::rename(tmp.c_str(), (dir_ / name).c_str()) != 0) {
        const int err = errno;
        ::unlink(tmp.c_str());
        fail("rename", err);
    }
}

}  // namespace avenir::mail
