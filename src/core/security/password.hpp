#pragma once
// Password policy (ASVS 2.1) and argon2id hashing (ASVS 2.4) for whatever module keeps accounts.
#include <chrono>
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/errors.hpp"

namespace avenir::security {

struct PasswordPolicy {
    std::size_t min_length = 12;   // Unicode code points
    std::size_t max_length = 128;
    std::string dictionary;        // cracklib dictionary prefix; empty = GetDefaultCracklibDict()
};

// The problems password_problems() reports, written as gettext msgids (kPublic* names are what
// scripts/update-po.sh extracts). The length messages carry the policy's numbers, so only the
// defaults (12 and 128) have catalog entries; other limits show in English.
namespace password_msg {
inline constexpr const char* kPublicTooShort12 = "Use at least 12 characters.";
inline constexpr const char* kPublicTooLong128 = "Use at most 128 characters.";
inline constexpr const char* kPublicInvalidText =
    "This password contains control characters or invalid text. Type it again without them.";
inline constexpr const char* kPublicCommon =
    "This password is too common or based on a dictionary word. Choose a longer passphrase.";
inline constexpr const char* kPublicPredictable =
    "This password is too predictable, like a run of keys or numbers. Choose a longer passphrase.";
inline constexpr const char* kPublicFewDifferent =
    "This password uses too few different characters. Choose a longer passphrase.";
inline constexpr const char* kPublicPersonal = "Do not use your name or e-mail address in your password.";
}  // namespace password_msg
// "Use at least N characters." / "Use at most N characters."
std::string password_too_short_msg(std::size_t min_length);
std::string password_too_long_msg(std::size_t max_length);

// Problems with a proposed password, as English sentences usable as gettext msgids (empty =
// acceptable). Length is counted in code points and no composition rule applies (ASVS 2.1.9).
// Rejects control characters and invalid UTF-8, what cracklib's checks find (dictionary words and
// their mangled forms, keyboard and number runs, too few different characters), common passwords
// with digits or symbols around them ("password1234", "P@ssw0rd!"), and passwords that contain a
// context word (e-mail local part, name; each split at punctuation and spaces) of at least 4 code
// points, case-insensitively. Throws std::runtime_error when the dictionary cannot be opened.
std::vector<std::string> password_problems(std::string_view password, const PasswordPolicy& policy,
                                           const std::vector<std::string>& context_words = {});
// Throws std::runtime_error when the policy's dictionary cannot be opened: call at start-up so a
// missing cracklib-runtime shows there rather than at the first registration.
void check_password_dictionary(const PasswordPolicy& policy);

struct HashParams {
    unsigned long long opslimit = 2;
    std::size_t memlimit = 19u * 1024 * 1024;  // OWASP minimum for argon2id: m=19 MiB, t=2, p=1
};

// Thrown by PasswordHasher when max_waiting callers already wait: a 503 with Retry-After, so a
// burst of sign-ins (or an attack of wrong passwords) cannot hold every handler thread.
struct HasherBusy : ServiceUnavailable {
    HasherBusy()
        : ServiceUnavailable("Too many sign-ins are being checked at this moment. Please try again in a few seconds.",
                             "password hasher: every slot busy and the waiting line full", 2) {}
};

// How many hashes run, how many callers may wait, and for how long.
struct HasherLimits {
    unsigned max_concurrent = 2;  // hashing threads; each hash takes HashParams::memlimit bytes
    unsigned max_waiting = 4;     // callers waiting for a thread; the next ones get HasherBusy at once
    // A caller whose hash has not started within this gets HasherBusy (the hashing threads run only
    // on CPU time nothing else wants, so under full load they may not start for a long time).
    std::chrono::milliseconds max_wait{5000};
    // SCHED_IDLE for the hashing threads (false, or refused by the kernel: niceness 19).
    bool idle_priority = true;
};

class PasswordHasher {
public:
    // Hashes and verifications run on the hasher's own threads at the lowest CPU priority:
    // argon2id is the one deliberately expensive computation, and under CPU pressure serving pages
    // comes first. Throws std::invalid_argument for params libsodium refuses or a max_concurrent of 0.
    explicit PasswordHasher(HashParams params = {}, HasherLimits limits = {});
    ~PasswordHasher();
    PasswordHasher(PasswordHasher&&) noexcept;
    PasswordHasher& operator=(PasswordHasher&&) noexcept;

    // "$argon2id$v=19$m=19456,t=2,p=1$salt$hash". Throws std::runtime_error when out of memory.
    std::string hash(std::string_view password) const;
    // Constant time (libsodium). False for a wrong password and for a malformed encoded hash.
    bool verify(std::string_view encoded, std::string_view password) const;
    // True when encoded is not argon2id with exactly our params (rehash after a successful login).
    bool needs_rehash(std::string_view encoded) const;
    // Spends about the time of one verify, for unknown accounts, so timing does not reveal
    // whether an account exists.
    void dummy_verify(std::string_view password) const;

    const HashParams& params() const noexcept { return params_; }
    // The most hashes that ever ran at once (for tests).
    unsigned peak_concurrent() const noexcept;

private:
    struct Gate;
    HashParams params_;
    std::unique_ptr<Gate> gate_;
    std::string dummy_hash_;
};

}  // namespace avenir::security
