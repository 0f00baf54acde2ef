#pragma once
// Writes each message as an RFC 5322 file (DIR/<UTC time>-<random>.eml, mode 0600) instead of sending
// it: for development, for instances without SMTP, and for tests. Writes are atomic (temporary file,
// fsync, rename), so a reader never sees half a message.
#include <filesystem>
#include <string>

#include "core/mail/mailer.hpp"

namespace avenir::mail {

class OutboxMailer final : public Mailer {
public:
    // Creates `dir` when missing. Throws std::invalid_argument for a bad sender.
    explicit OutboxMailer(std::filesystem::path dir, std::string from = "Avenir <noreply@localhost>");
    // Throws std::invalid_argument (bad message) or std::runtime_error (file system).
    void send(const Message& m) override;
    const std::filesystem::path& dir() const noexcept { return dir_; }

private:
    std::filesystem::path dir_;
    std::string from_;
    std::string domain_;
};

}  // namespace avenir::mail
