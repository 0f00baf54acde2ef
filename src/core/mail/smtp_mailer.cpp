#include "core/mail/smtp_mailer.hpp"
#include "core/text/utf8.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <mutex>
#include <string_view>

namespace avenir::mail {
namespace {

void global_init() {
    static std::once_flag once;
    std::call_once(once, [] {
        if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) throw std::runtime_error("mail: libcurl did not initialise");
    });
}

struct Upload {
    std::string_view data;
};

std::size_t read_body(char* buffer, std::size_t size, std::size_t count, void* user) {
    auto* upload = static_cast<Upload*>(user);
    const std::size_t n = std::min(size * count, upload->data.size());
    std::memcpy(buffer, upload->data.data(), n);
    upload->data.remove_prefix(n);
    return n;
}

struct UrlParts {
    std::string scheme, host;
};

UrlParts parse_url(const std::string& url) {
    std::unique_ptr<CURLU, decltype(&curl_url_cleanup)> u(curl_url(), curl_url_cleanup);
    if (!u || curl_url_set(u.get(), CURLUPART_URL, url.c_str(), 0) != CURLUE_OK)
        throw std::invalid_argument("mail: SMTP URL is malformed");
    UrlParts parts;
    for (auto [part, out] : {std::pair{CURLUPART_SCHEME, &parts.scheme}, std::pair{CURLUPART_HOST, &parts.host}}) {
        char* value = nullptr;
        if (curl_url_get(u.get(), part, &value, 0) == CURLUE_OK && value) *out = value;
        curl_free(value);
    }
    parts.host = ascii::lower(parts.host);
    return parts;
}

bool is_loopback(std::string_view host) {
    return host == "localhost" || host.starts_with("127.") || host == "[::1]" || host == "::1";
}

template <typename T>
void set(CURL* curl, CURLoption option, T value) {
    if (curl_easy_setopt(curl, option, value) != CURLE_OK) throw std::runtime_error("mail: libcurl option refused");
}

}  // namespace

SmtpMailer::SmtpMailer(SmtpConfig config) : config_(std::move(config)) {
    global_init();
    if (config_.url.find_first_of("\r\n") != std::string::npos) throw std::invalid_argument("mail: SMTP URL is malformed");
    const UrlParts url = parse_url(config_.url);
    if (url.scheme != "smtp" && url.scheme != "smtps")
        throw std::invalid_argument("mail: SMTP URL must start with smtp:// or smtps://");
    tls_ = url.scheme == "smtps" || config_.require_tls;
    if (!config_.username.empty() && !tls_ && !is_loopback(url.host))
        throw std::invalid_argument("mail: SMTP credentials need smtps:// or require_tls (they would travel in clear)");
    const Mailbox sender = parse_mailbox(config_.from);
    envelope_from_ = "<" + sender.address + ">";
    domain_ = sender.address.substr(sender.address.find('@') + 1);
    if (config_.timeout.count() <= 0) config_.timeout = std::chrono::seconds(20);
}

void SmtpMailer::send(const Message& m) {
    const std::string raw = format_message(m, config_.from, make_message_id(domain_));
    std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> handle(curl_easy_init(), curl_easy_cleanup);
    if (!handle) throw std::runtime_error("mail: libcurl handle not created");
    const std::string rcpt = "<" + m.to + ">";
    std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> rcpts(curl_slist_append(nullptr, rcpt.c_str()),
                                                                       curl_slist_free_all);
    if (!rcpts) throw std::runtime_error("mail: out of memory");
    Upload upload{raw};
    char error[CURL_ERROR_SIZE] = {};
    const long timeout_ms = static_cast<long>(std::chrono::milliseconds(config_.timeout).count());

    CURL* curl = handle.get();
    set(curl, CURLOPT_ERRORBUFFER, error);
    set(curl, CURLOPT_URL, config_.url.c_str());
    set(curl, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
    set(curl, CURLOPT_NOSIGNAL, 1L);  // worker threads: no SIGALRM for timeouts
    set(curl, CURLOPT_TIMEOUT_MS, timeout_ms);
    set(curl, CURLOPT_CONNECTTIMEOUT_MS, timeout_ms);
    set(curl, CURLOPT_USE_SSL, static_cast<long>(tls_ ? CURLUSESSL_ALL : CURLUSESSL_NONE));
    if (!config_.username.empty()) {
        set(curl, CURLOPT_USERNAME, config_.username.c_str());
        set(curl, CURLOPT_PASSWORD, config_.password.c_str());
    }
    set(curl, CURLOPT_MAIL_FROM, envelope_from_.c_str());
    set(curl, CURLOPT_MAIL_RCPT, rcpts.get());
    set(curl, CURLOPT_UPLOAD, 1L);
    set(curl, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(raw.size()));
    set(curl, CURLOPT_READFUNCTION, &read_body);
    set(curl, CURLOPT_READDATA, &upload);

    const CURLcode rc = curl_easy_perform(curl);
    if (rc == CURLE_OK) return;
    long reply = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &reply);
    std::string what = std::string("mail: SMTP delivery failed: ") + curl_easy_strerror(rc);
    if (error[0] != '\0') what.append(" (").append(error).append(")");
    if (reply != 0) what.append(" [server reply ").append(std::to_string(reply)).append("]");
    what = redact(std::move(what), m.to);  // libcurl does not quote addresses today; make sure
    if ((reply >= 500 && reply < 600) || rc == CURLE_LOGIN_DENIED) throw PermanentMailError(what);
    throw std::runtime_error(what);
}

}  // namespace avenir::mail
