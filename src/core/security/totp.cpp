// TOTP through liboath, recovery codes from libsodium. qr_svg() is in qr_svg.cpp.
#include "core/security/totp.hpp"

#include <cstdlib>
#include <set>
#include <stdexcept>

#include <liboath/oath.h>
#include <sodium.h>

namespace avenir::security {
namespace {

constexpr unsigned kStep = 30;
constexpr unsigned kDigits = 6;
constexpr std::size_t kMinSecretBytes = 16;  // RFC 4226 section 4, R6: at least 128 bits
constexpr std::string_view kRecoveryAlphabet = "abcdefghjkmnpqrstuvwxyz23456789";

void init_libraries() {
    static const bool ready = [] {
        if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
        if (oath_init() != OATH_OK) throw std::runtime_error("liboath failed to initialise");
        return true;
    }();
    (void)ready;
}

// The decoded shared secret, wiped when it goes out of scope.
class SecretBytes {
public:
    explicit SecretBytes(std::string_view b32) {
        init_libraries();
        std::string clean;
        for (char c : b32) {
            if (c == ' ' || c == '=') continue;
            const bool upper = c >= 'A' && c <= 'Z', lower = c >= 'a' && c <= 'z';
            if (!upper && !lower && !(c >= '2' && c <= '7')) throw std::invalid_argument("TOTP secret is not base32");
            clean += lower ? static_cast<char>(c - 'a' + 'A') : c;
        }
        while (clean.size() % 8 != 0) clean += '=';
        char* out = nullptr;
        std::size_t len = 0;
        const int rc = oath_base32_decode(clean.data(), clean.size(), &out, &len);
        sodium_memzero(clean.data(), clean.size());
        if (rc != OATH_OK || !out || len < kMinSecretBytes) {
            if (out) sodium_memzero(out, len);
            std::free(out);
            throw std::invalid_argument("TOTP secret is not base32 of at least 16 bytes");
        }
        bytes_.assign(out, len);
        sodium_memzero(out, len);
        std::free(out);
    }
    ~SecretBytes() { sodium_memzero(bytes_.data(), bytes_.size()); }
    SecretBytes(const SecretBytes&) = delete;
    SecretBytes& operator=(const SecretBytes&) = delete;
    const char* data() const { return bytes_.data(); }
    std::size_t size() const { return bytes_.size(); }

private:
    std::string bytes_;
};

// liboath's comparison callback: 0 on a match, compared in constant time.
int compare_code(void* handle, const char* test_otp) {
    const auto* code = static_cast<const std::string*>(handle);
    if (std::char_traits<char>::length(test_otp) != code->size()) return 1;
    return sodium_memcmp(test_otp, code->data(), code->size()) == 0 ? 0 : 1;
}

std::string percent_encode(std::string_view s) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                                c == '-' || c == '.' || c == '_' || c == '~';
        if (unreserved) {
            out += ch;
        } else {
            out += '%';
            out += kHex[c >> 4];
            out += kHex[c & 0x0F];
        }
    }
    return out;
}

}  // namespace

std::string new_totp_secret() {
    init_libraries();
    unsigned char raw[20];
    randombytes_buf(raw, sizeof raw);
    char* out = nullptr;
    std::size_t len = 0;
    const int rc = oath_base32_encode(reinterpret_cast<const char*>(raw), sizeof raw, &out, &len);
    sodium_memzero(raw, sizeof raw);
    if (rc != OATH_OK || !out) throw std::runtime_error("base32 encoding failed");
    std::string secret(out, len);
    sodium_memzero(out, len);
    std::free(out);
    while (!secret.empty() && secret.back() == '=') secret.pop_back();
    return secret;
}

std::string otpauth_uri(std::string_view issuer, std::string_view account, std::string_view secret_b32) {
    std::string secret;
    for (char c : secret_b32)
        if (c != ' ' && c != '=') secret += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
    return "otpauth://totp/" + percent_encode(issuer) + ":" + percent_encode(account) + "?secret=" + secret +
           "&issuer=" + percent_encode(issuer) + "&algorithm=SHA1&digits=6&period=30";
}

std::optional<std::int64_t> verify_totp(std::string_view secret_b32, std::string_view code, std::time_t now,
                                        int window) {
    if (window < 0) throw std::invalid_argument("TOTP window must not be negative");
    const SecretBytes secret(secret_b32);
    std::string digits;
    for (char c : code) {
        if (c == ' ') continue;
        if (c < '0' || c > '9' || digits.size() == kDigits) return std::nullopt;
        digits += c;
    }
    if (digits.size() != kDigits) return std::nullopt;
    int position = 0;
    std::uint64_t counter = 0;
    const int rc = oath_totp_validate3_callback(secret.data(), secret.size(), now, kStep, 0, kDigits,
                                                static_cast<std::size_t>(window), &position, &counter,
                                                compare_code, &digits);
    if (rc < 0) return std::nullopt;  // OATH_INVALID_OTP, or an error from the callback
    return static_cast<std::int64_t>(counter);
}

std::string totp_code(std::string_view secret_b32, std::time_t now, unsigned digits) {
    if (digits < 6 || digits > 8) throw std::invalid_argument("TOTP codes have 6 to 8 digits");
    const SecretBytes secret(secret_b32);
    char out[16] = {};
    if (oath_totp_generate(secret.data(), secret.size(), now, kStep, 0, digits, out) != OATH_OK)
        throw std::runtime_error("TOTP generation failed");
    return std::string(out);
}

std::vector<std::string> new_recovery_codes(int n) {
    init_libraries();
    std::set<std::string> seen;
    std::vector<std::string> codes;
    while (static_cast<int>(codes.size()) < n) {
        std::string code;
        for (int i = 0; i < 12; ++i) {
            if (i > 0 && i % 4 == 0) code += '-';
            code += kRecoveryAlphabet[randombytes_uniform(static_cast<std::uint32_t>(kRecoveryAlphabet.size()))];
        }
        if (seen.insert(code).second) codes.push_back(std::move(code));
    }
    return codes;
}

std::string normalize_recovery_code(std::string_view input) {
    std::string out;
    for (char c : input) {
        if (c == ' ' || c == '-' || c == '\t' || c == '\n' || c == '\r') continue;
        out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    return out;
}

}  // namespace avenir::security
