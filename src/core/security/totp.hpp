#pragma once
// Second factor (ASVS 2.8): RFC 6238 TOTP through liboath (SHA-1, 6 digits, 30 s steps, the
// settings every authenticator app supports), recovery codes (ASVS 2.6) and the QR code that
// carries the otpauth:// URI to the phone.
#include <cstdint>
#include <ctime>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace avenir::security {

// 20 random bytes (libsodium), base32 without padding (32 characters).
std::string new_totp_secret();

// otpauth://totp/Issuer:account?secret=...&issuer=...&algorithm=SHA1&digits=6&period=30, with
// issuer and account percent-encoded (RFC 3986 unreserved characters kept).
std::string otpauth_uri(std::string_view issuer, std::string_view account, std::string_view secret_b32);

// The time step (now / 30) whose code matched within +-window steps, or nullopt. Spaces in the
// code are ignored ("123 456"); anything else but exactly 6 digits fails. Codes are compared in
// constant time. Callers store the last step used and reject a step <= it (no replay).
// Throws std::invalid_argument for a secret that is not base32 of at least 16 bytes, or window < 0.
std::optional<std::int64_t> verify_totp(std::string_view secret_b32, std::string_view code, std::time_t now,
                                        int window = 1);

// The code for the step containing now (for tests and tools); digits 6 to 8.
std::string totp_code(std::string_view secret_b32, std::time_t now, unsigned digits = 6);

// n codes like "k7vq-9m2x-p4tz": 12 characters from a 31-letter lowercase alphabet without the
// look-alikes 0 o 1 i l (about 59 bits each), drawn from libsodium, all different. Store them
// hashed with PasswordHasher (salted argon2id, as ASVS 2.6.2 asks below 112 bits).
std::vector<std::string> new_recovery_codes(int n = 10);

// What a person typed, ready to hash or compare: spaces and dashes removed, ASCII lowercased.
std::string normalize_recovery_code(std::string_view input);

// An inline SVG QR code for text (libqrencode, 8-bit mode, error correction M, 4-module quiet
// zone), dark on a white square in every colour scheme, with role="img" and aria_label (escaped).
// Throws std::invalid_argument when text does not fit in a QR code.
std::string qr_svg(std::string_view text, std::string_view aria_label);

}  // namespace avenir::security
