#pragma once
// Outgoing e-mail, feature-agnostic. A module receives a Mailer& and calls send(); main.cpp picks
// the implementation: SmtpMailer (smtp_mailer.hpp), OutboxMailer (outbox_mailer.hpp, development),
// each usually wrapped in an AsyncMailer (async_mailer.hpp) so no request waits on SMTP.
#include <stdexcept>

#include "core/mail/message.hpp"

namespace avenir::mail {

// A delivery that retrying cannot fix: the server refused the sender or recipient (5xx), or the
// login. AsyncMailer does not retry these.
struct PermanentMailError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

class Mailer {
public:
    virtual ~Mailer() = default;
    // Throws std::invalid_argument for a message that cannot be sent as is (see validate_message),
    // std::runtime_error (or PermanentMailError) when delivery fails. Exception texts never contain
    // the recipient address, the subject or the body.
    virtual void send(const Message& m) = 0;
};

}  // namespace avenir::mail
