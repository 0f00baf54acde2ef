// argon2id through libsodium, at most max_concurrent at once.
#include "core/security/password.hpp"

#include <atomic>
#include <semaphore>
#include <stdexcept>

#include <sodium.h>

namespace avenir::security {

struct PasswordHasher::Gate {
    explicit Gate(unsigned n) : slots(static_cast<std::ptrdiff_t>(n)) {}
    std::counting_semaphore<> slots;
    std::atomic<unsigned> running{0};
    std::atomic<unsigned> peak{0};
};

namespace {

constexpr std::string_view kArgon2idPrefix = "$argon2id$";

// Holds one of the gate's slots for the duration of one hash or verification.
class Slot {
public:
    Slot(std::counting_semaphore<>& slots, std::atomic<unsigned>& running, std::atomic<unsigned>& peak)
        : slots_(slots), running_(running) {
        slots_.acquire();
        const unsigned now = running_.fetch_add(1) + 1;
        unsigned seen = peak.load();
        while (now > seen && !peak.compare_exchange_weak(seen, now)) {}
    }
    ~Slot() {
        running_.fetch_sub(1);
        slots_.release();
    }
    Slot(const Slot&) = delete;
    Slot& operator=(const Slot&) = delete;

private:
    std::counting_semaphore<>& slots_;
    std::atomic<unsigned>& running_;
};

}  // namespace

PasswordHasher::PasswordHasher(HashParams params, unsigned max_concurrent) : params_(params) {
    if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
    if (max_concurrent == 0) throw std::invalid_argument("PasswordHasher: max_concurrent must be at least 1");
    if (params.opslimit < crypto_pwhash_argon2id_OPSLIMIT_MIN || params.opslimit > crypto_pwhash_argon2id_OPSLIMIT_MAX ||
        params.memlimit < crypto_pwhash_argon2id_MEMLIMIT_MIN || params.memlimit > crypto_pwhash_argon2id_MEMLIMIT_MAX)
        throw std::invalid_argument("PasswordHasher: argon2id opslimit or memlimit out of range");
    gate_ = std::make_unique<Gate>(max_concurrent);
    // A hash of a random password with the current params: dummy_verify() checks against it.
    unsigned char random[32];
    randombytes_buf(random, sizeof random);
    char hex[sizeof random * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, random, sizeof random);
    dummy_hash_ = hash(hex);
    sodium_memzero(hex, sizeof hex);
}

PasswordHasher::~PasswordHasher() = default;
PasswordHasher::PasswordHasher(PasswordHasher&&) noexcept = default;
PasswordHasher& PasswordHasher::operator=(PasswordHasher&&) noexcept = default;

std::string PasswordHasher::hash(std::string_view password) const {
    char out[crypto_pwhash_STRBYTES];
    int rc;
    {
        Slot slot(gate_->slots, gate_->running, gate_->peak);
        rc = crypto_pwhash_str_alg(out, password.data(), password.size(), params_.opslimit, params_.memlimit,
                                   crypto_pwhash_ALG_ARGON2ID13);
    }
    if (rc != 0) throw std::runtime_error("argon2id hashing failed (out of memory)");
    return std::string(out);
}

bool PasswordHasher::verify(std::string_view encoded, std::string_view password) const {
    // libsodium wants a NUL-terminated string no longer than crypto_pwhash_STRBYTES - 1.
    if (encoded.size() >= crypto_pwhash_STRBYTES || encoded.substr(0, 8) != "$argon2i") return false;
    char str[crypto_pwhash_STRBYTES] = {};
    encoded.copy(str, encoded.size());
    Slot slot(gate_->slots, gate_->running, gate_->peak);
    return crypto_pwhash_str_verify(str, password.data(), password.size()) == 0;
}

bool PasswordHasher::needs_rehash(std::string_view encoded) const {
    if (encoded.size() >= crypto_pwhash_STRBYTES || encoded.substr(0, kArgon2idPrefix.size()) != kArgon2idPrefix)
        return true;
    const std::string str(encoded);
    return crypto_pwhash_argon2id_str_needs_rehash(str.c_str(), params_.opslimit, params_.memlimit) != 0;
}

void PasswordHasher::dummy_verify(std::string_view password) const {
    (void)verify(dummy_hash_, password);
}

unsigned PasswordHasher::peak_concurrent() const noexcept { return gate_ ? gate_->peak.load() : 0; }

}  // namespace avenir::security
