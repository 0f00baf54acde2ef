#pragma once
// An outgoing e-mail and its RFC 5322 form. Feature-agnostic: modules build a Message with text
// already in the reader's language and hand it to a Mailer (mailer.hpp).
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace avenir::mail {

struct Message {
    std::string to;       // one bare address: name@example.org
    std::string subject;  // UTF-8
    std::string text;     // plain text, UTF-8, LF or CRLF line ends
    std::string lang = "en";
};

// "Name <addr>" or "addr", split. Throws std::invalid_argument (never quoting the value).
struct Mailbox {
    std::string display_name;
    std::string address;
};
Mailbox parse_mailbox(std::string_view mailbox);

// Throws std::invalid_argument when the message cannot be sent as is: recipient not one plain ASCII
// address, line break or control character in a header value, language tag malformed.
void validate_message(const Message& m);

// 16 lowercase hex characters from std::random_device (ids and file names, not secrets).
std::string random_hex16();

// "<time.random@domain>", unique enough to identify the message in a relay's logs.
std::string make_message_id(std::string_view domain);

// Builds the whole message: Date, From, To, Subject, Message-ID, MIME-Version, Content-Type,
// Content-Transfer-Encoding, Content-Language, Auto-Submitted; CRLF line ends, lines <= 76.
// `from` is "addr" or "Display Name <addr>"; `message_id` with or without angle brackets.
// Throws std::invalid_argument (header injection, bad address) without quoting the value.
std::string format_message(const Message& m, std::string_view from, std::string_view message_id);

// A message read back (.eml in an outbox, or as an SMTP sink received it).
struct ParsedMessage {
    std::vector<std::pair<std::string, std::string>> headers;  // unfolded, encoded-words decoded
    std::string body;                                          // transfer encoding undone, LF line ends

    // First header with that name (case-insensitive), or an empty string.
    std::string header(std::string_view name) const;
};
ParsedMessage parse_message(std::string_view raw);

// `text` with every occurrence of `address` (case-insensitive) replaced by "[recipient]", for error
// messages that might reach a log.
std::string redact(std::string text, std::string_view address);

}  // namespace avenir::mail
