#pragma once
// The domain's error family. Each carries the message a user may see and the one the log gets.
// One catch site in core/http (the pipeline) maps them to a status and an error page.
#include <stdexcept>
#include <string>

namespace avenir {

class HttpError : public std::runtime_error {
public:
    HttpError(int status, std::string public_message, std::string log_message = {})
        : std::runtime_error(log_message.empty() ? public_message : log_message),
          status_(status), public_message_(std::move(public_message)) {}
    int status() const noexcept { return status_; }
    // Seconds for a Retry-After header (0: none).
    virtual int retry_after() const noexcept { return 0; }
    // Safe to show to the person who made the request (already in their language or a catalog key).
    const std::string& public_message() const noexcept { return public_message_; }

private:
    int status_;
    std::string public_message_;
};

struct BadRequest : HttpError {
    explicit BadRequest(std::string pub, std::string log = {}) : HttpError(400, std::move(pub), std::move(log)) {}
};
struct Forbidden : HttpError {
    explicit Forbidden(std::string pub = "You do not have permission to do this.", std::string log = {})
        : HttpError(403, std::move(pub), std::move(log)) {}
};
struct NotFound : HttpError {
    explicit NotFound(std::string pub = "This page does not exist.", std::string log = {})
        : HttpError(404, std::move(pub), std::move(log)) {}
};
struct Conflict : HttpError {
    explicit Conflict(std::string pub, std::string log = {}) : HttpError(409, std::move(pub), std::move(log)) {}
};
struct PayloadTooLarge : HttpError {
    explicit PayloadTooLarge(std::string pub = "The request is too large.", std::string log = {})
        : HttpError(413, std::move(pub), std::move(log)) {}
};
// Busy or briefly down: 503 with Retry-After.
struct ServiceUnavailable : HttpError {
    explicit ServiceUnavailable(std::string pub = "The service is busy or restarting. Please try again in a moment.",
                                std::string log = {}, int retry_after_seconds = 2)
        : HttpError(503, std::move(pub), std::move(log)), retry_after_(retry_after_seconds) {}
    int retry_after() const noexcept override { return retry_after_; }

private:
    int retry_after_;
};

// Bad shipped content or input files (seed, import): exit code 4 on the command line. The message
// names the file and the field to fix.
struct ContentError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct Unprocessable : HttpError {
    explicit Unprocessable(std::string pub, std::string log = {}) : HttpError(422, std::move(pub), std::move(log)) {}
};

}  // namespace avenir
