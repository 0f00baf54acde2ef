#pragma once
// Delivers each message through libcurl's SMTP client: one connection per message, STARTTLS or
// implicit TLS (smtps://) with certificate verification when TLS is used.
#include <chrono>
#include <string>

#include "core/mail/mailer.hpp"

namespace avenir::mail {

struct SmtpConfig {
    std::string url{};   // smtp://host:port (plain, or STARTTLS with require_tls) or smtps://host:port
    std::string from{};  // "noreply@example.org" or "Our Digital Future <noreply@example.org>"
    std::string username{}, password{};  // empty: no AUTH
    bool require_tls = false;        // STARTTLS is mandatory (CURLUSESSL_ALL); implied by smtps://
    std::chrono::seconds timeout{20};
};

class SmtpMailer final : public Mailer {
public:
    // Throws std::invalid_argument for a URL that is not smtp:// or smtps://, a bad sender, or
    // credentials that would cross the network in clear (plain smtp:// to a host other than loopback
    // without require_tls).
    explicit SmtpMailer(SmtpConfig config);
    // Blocks for up to config.timeout. Safe to call from several threads.
    void send(const Message& m) override;

private:
    SmtpConfig config_;
    std::string envelope_from_;  // "<addr>"
    std::string domain_;         // of the sender, for Message-IDs
    bool tls_;
};

}  // namespace avenir::mail
