#include "modules/accounts/accounts_security.hpp"

#include <sodium.h>

#include <algorithm>
#include <cstring>

#include "core/log.hpp"
#include "core/errors.hpp"
#include "core/http/pipeline.hpp"

namespace avenir::accounts {
namespace {
constexpr std::string_view kCookiesKey = "avenir.set_cookies";
constexpr std::string_view kCsrfValueKey = "avenir.csrf_cookie";

std::string b64(const unsigned char* data, std::size_t n) {
    std::string out(sodium_base64_encoded_len(n, sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
    sodium_bin2base64(out.data(), out.size(), data, n, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    out.resize(std::strlen(out.c_str()));
    return out;
}

void queue_cookie(http::Request& req, std::string header) {
    auto it = req.context.find(kCookiesKey);
    if (it == req.context.end()) it = req.context.emplace(std::string(kCookiesKey), std::vector<std::string>{}).first;
    std::any_cast<std::vector<std::string>&>(it->second).push_back(std::move(header));
}

constexpr std::string_view kSessionOverrideKey = "avenir.session_id";

// The session id this request carries: one started or ended during it, else the cookie's.
std::string session_hash(http::Request& req) {
    if (const auto it = req.context.find(kSessionOverrideKey); it != req.context.end()) {
        const auto& id = std::any_cast<const std::string&>(it->second);
        return id.empty() ? std::string() : token_hash(id);
    }
    const auto c = req.cookie(kSessionCookie);
    return c && !c->empty() ? token_hash(*c) : std::string();
}

// The origin this request was addressed to, from Host and the TLS flag.
std::string own_origin(const http::Request& req, bool tls) {
    const auto host = req.header("host");
    return std::string(tls || req.secure ? "https://" : "http://") + std::string(host.value_or(""));
}

}  // namespace

std::string random_token() {
    unsigned char raw[32];
    randombytes_buf(raw, sizeof raw);
    return b64(raw, sizeof raw);
}

std::string token_hash(std::string_view token) {
    unsigned char h[32];
    crypto_generichash(h, sizeof h, reinterpret_cast<const unsigned char*>(token.data()), token.size(), nullptr, 0);
    char hex[65];
    sodium_bin2hex(hex, sizeof hex, h, sizeof h);
    return hex;
}

Security::Security(AccountsStore& store, SecurityOptions options) : store_(store), options_(options) {
    if (sodium_init() < 0) throw std::runtime_error("libsodium initialisation failed");
    csrf_key_ = store_.secret("csrf", [] { return random_token(); });
    recovery_key_ = store_.secret("recovery", [] { return random_token(); });
}

void Security::touch(const std::string& hash, std::int64_t now) noexcept {
    try {
        store_.touch_session(hash, now);
    } catch (const std::exception& e) {
        log::warn("session_touch_failed", log::kv("error", e.what()));
    }
}

void Security::forget_expired(const std::string& hash) noexcept {
    try {
        store_.delete_session(hash);
    } catch (const std::exception& e) {  // the purge job deletes it later
        log::warn("session_delete_failed", log::kv("error", e.what()));
    }
}

std::optional<SessionRow> Security::raw_session(http::Request& req) {
    const std::string hash = session_hash(req);
    if (hash.empty()) return std::nullopt;
    auto row = store_.session(hash);
    if (!row) return std::nullopt;
    const std::int64_t now = clock::unix_seconds();
    if (now - row->last_seen_at > options_.idle_lifetime.count() || now - row->created_at > options_.absolute_lifetime.count()) {
        forget_expired(hash);
        return std::nullopt;
    }
    if (now - row->last_seen_at >= 60) touch(hash, now);  // at most one write a minute
    return row;
}

// One statement per signed-in request: the session, its person and their grants together.
std::optional<auth::Principal> Security::load_principal(http::Request& req) {
    const std::string hash = session_hash(req);
    if (hash.empty()) return std::nullopt;
    const auto sp = store_.session_principal(hash);
    if (!sp) return std::nullopt;
    const std::int64_t now = clock::unix_seconds();
    if (now - sp->session.last_seen_at > options_.idle_lifetime.count() || now - sp->session.created_at > options_.absolute_lifetime.count()) {
        forget_expired(hash);
        return std::nullopt;
    }
    if (now - sp->session.last_seen_at >= 60) touch(hash, now);  // at most one write a minute
    if (sp->totp_enabled && !sp->session.second_factor_done) return std::nullopt;
    auth::Principal p;
    p.user_id = sp->session.user_id;
    p.display_name = sp->display_name;
    p.lang = sp->lang;
    p.time_zone = sp->time_zone;
    p.totp_enabled = sp->totp_enabled;
    p.second_factor_done = sp->session.second_factor_done || !sp->totp_enabled;
    p.grants = sp->grants;
    return p;
}

void Security::start_session(http::Request& req, std::int64_t user_id, bool second_factor_done) {
    if (const std::string old = session_hash(req); !old.empty()) store_.delete_session(old);
    const std::string id = random_token();
    store_.insert_session(token_hash(id), user_id, clock::unix_seconds(), second_factor_done);
    // The rest of this request carries the new session, so tokens rendered now match it.
    req.context.insert_or_assign(std::string(kSessionOverrideKey), id);
    queue_cookie(req, cookie(kSessionCookie, id, options_.absolute_lifetime.count()));
    auth::forget_principal(req);
}

void Security::complete_second_factor(http::Request& req) {
    if (const std::string hash = session_hash(req); !hash.empty()) store_.set_session_second_factor(hash);
    auth::forget_principal(req);
}

void Security::end_other_sessions(http::Request& req, std::int64_t user_id) {
    store_.delete_other_sessions(user_id, session_hash(req));
}

void Security::end_session(http::Request& req) {
    if (const std::string hash = session_hash(req); !hash.empty()) store_.delete_session(hash);
    queue_cookie(req, cookie(kSessionCookie, "", 0));
    req.context.insert_or_assign(std::string(kSessionOverrideKey), std::string());
    auth::forget_principal(req);
}

std::string Security::expected_token(const std::string& browser_cookie, http::Request& req) {
    const std::string message = browser_cookie + "|" + session_hash(req);
    unsigned char mac[crypto_auth_hmacsha256_BYTES];
    crypto_auth_hmacsha256_state st;
    crypto_auth_hmacsha256_init(&st, reinterpret_cast<const unsigned char*>(csrf_key_.data()), csrf_key_.size());
    crypto_auth_hmacsha256_update(&st, reinterpret_cast<const unsigned char*>(message.data()), message.size());
    crypto_auth_hmacsha256_final(&st, mac);
    return b64(mac, sizeof mac);
}

std::string Security::csrf_token(http::Request& req) {
    http::mark_private(req);  // the page holds this visitor's token: never shared by the page cache
    std::string browser;
    if (auto c = req.context.find(kCsrfValueKey); c != req.context.end()) browser = std::any_cast<std::string>(c->second);
    else if (auto existing = req.cookie(kCsrfCookie); existing && existing->size() >= 32) browser = *existing;
    else {
        browser = random_token();
        queue_cookie(req, cookie(kCsrfCookie, browser, 0));
    }
    req.context.insert_or_assign(std::string(kCsrfValueKey), browser);
    return expected_token(browser, req);
}

void Security::verify_csrf(http::Request& req) {
    const std::string origin = own_origin(req, options_.secure_cookies);
    const auto sent_origin = req.header("origin");
    if (sent_origin && *sent_origin != origin)
        throw Forbidden("This form did not come from this site. Reload the page and try again.", "csrf: origin mismatch");
    if (!sent_origin) {
        const auto referer = req.header("referer");
        if (referer && !(referer->starts_with(origin + "/") || *referer == origin))
            throw Forbidden("This form did not come from this site. Reload the page and try again.", "csrf: referer mismatch");
    }
    const auto browser = req.cookie(kCsrfCookie);
    std::string sent = std::string(req.header("x-csrf-token").value_or(""));
    if (sent.empty()) sent = req.form().get(kCsrfField);
    if (!browser || browser->empty() || sent.empty())
        throw Forbidden("This form has expired. Reload the page and try again.", "csrf: token missing");
    const std::string expected = expected_token(*browser, req);
    if (sent.size() != expected.size() || sodium_memcmp(sent.data(), expected.data(), sent.size()) != 0)
        throw Forbidden("This form has expired. Reload the page and try again.", "csrf: token mismatch");
}

std::string Security::recovery_hash(std::int64_t user_id, std::string_view code) const {
    const std::string message = std::to_string(user_id) + ":" + std::string(code);
    unsigned char h[32];
    const std::size_t keylen = std::min<std::size_t>(recovery_key_.size(), crypto_generichash_KEYBYTES_MAX);
    crypto_generichash(h, sizeof h, reinterpret_cast<const unsigned char*>(message.data()), message.size(),
                       reinterpret_cast<const unsigned char*>(recovery_key_.data()), keylen);
    char hex[65];
    sodium_bin2hex(hex, sizeof hex, h, sizeof h);
    return hex;
}

void Security::apply_cookies(http::Request& req, http::Response& res) const {
    const auto it = req.context.find(kCookiesKey);
    if (it == req.context.end()) return;
    for (const auto& c : std::any_cast<const std::vector<std::string>&>(it->second)) res.headers.emplace_back("Set-Cookie", c);
    res.set_header("Cache-Control", "no-store");
}

std::string Security::cookie(std::string_view name, std::string_view value, std::int64_t max_age) const {
    std::string c = std::string(name) + "=" + std::string(value) + "; Path=/; HttpOnly; SameSite=Lax";
    if (value.empty()) c += "; Max-Age=0";
    else if (max_age > 0) c += "; Max-Age=" + std::to_string(max_age);
    if (options_.secure_cookies) c += "; Secure";
    return c;
}

}  // namespace avenir::accounts
