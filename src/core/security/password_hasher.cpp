// argon2id through libsodium, on the hasher's own threads at the lowest priority, at most
// max_concurrent at once.
#include "core/security/password.hpp"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <vector>

#include <sodium.h>

#include "core/thread_priority.hpp"

namespace avenir::security {
// The hashing threads and their queue. A caller is admitted when fewer than capacity callers are
// running or waiting, hands its job to a thread and waits for the result; a job no thread has
// taken within max_wait is withdrawn and the caller gets HasherBusy.
struct PasswordHasher::Gate {
    explicit Gate(const HasherLimits& l) : limits(l), capacity(l.max_concurrent + l.max_waiting) {
        for (unsigned i = 0; i < l.max_concurrent; ++i)
            workers.emplace_back([this] {
                // Preempted at once by any ordinary thread that wakes (an io thread with a request):
                // hashing takes only CPU time nothing else wants. Where the kernel refuses, the
                // lowest niceness in short slices.
                if (!limits.idle_priority || !run_thread_only_when_idle()) lower_thread_priority(19);
                loop();
            });
    }
    ~Gate() {
        {
            std::lock_guard lock(mutex);
            stopping = true;
        }
        wake.notify_all();
        for (auto& t : workers) t.join();
    }

    template <class F>
    auto run(F f) -> decltype(f()) {
        if (admitted.fetch_add(1) >= capacity) {
            admitted.fetch_sub(1);
            throw HasherBusy();
        }
        struct Leave {
            std::atomic<unsigned>& n;
            ~Leave() { n.fetch_sub(1); }
        } leave{admitted};
        std::packaged_task<decltype(f())()> task(std::move(f));
        auto result = task.get_future();
        auto job = std::make_shared<std::function<void()>>([&task] { task(); });  // task outlives it: see below
        {
            std::lock_guard lock(mutex);
            jobs.push_back(job);
        }
        wake.notify_one();
        if (result.wait_for(limits.max_wait) != std::future_status::ready) {
            std::unique_lock lock(mutex);
            if (const auto it = std::find(jobs.begin(), jobs.end(), job); it != jobs.end()) {
                jobs.erase(it);  // never started: nothing refers to task any more
                throw HasherBusy();
            }
            // Taken: it runs to the end, and task must live until then.
        }
        return result.get();
    }

    void loop() {
        for (;;) {
            std::shared_ptr<std::function<void()>> job;
            {
                std::unique_lock lock(mutex);
                wake.wait(lock, [&] { return stopping || !jobs.empty(); });
                if (jobs.empty()) return;
                job = std::move(jobs.front());
                jobs.pop_front();
            }
            const unsigned now = running.fetch_add(1) + 1;
            unsigned seen = peak.load();
            while (now > seen && !peak.compare_exchange_weak(seen, now)) {}
            (*job)();
            running.fetch_sub(1);
        }
    }

    const HasherLimits limits;
    const unsigned capacity;            // running + waiting
    std::atomic<unsigned> admitted{0};  // running + waiting now
    std::atomic<unsigned> running{0};
    std::atomic<unsigned> peak{0};
    std::mutex mutex;
    std::condition_variable wake;
    std::deque<std::shared_ptr<std::function<void()>>> jobs;
    bool stopping = false;
    std::vector<std::thread> workers;
};

namespace {

constexpr std::string_view kArgon2idPrefix = "$argon2id$";

}  // namespace

PasswordHasher::PasswordHasher(HashParams params, HasherLimits limits) : params_(params) {
    if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
    if (limits.max_concurrent == 0) throw std::invalid_argument("PasswordHasher: max_concurrent must be at least 1");
    if (params.opslimit < crypto_pwhash_argon2id_OPSLIMIT_MIN || params.opslimit > crypto_pwhash_argon2id_OPSLIMIT_MAX ||
        params.memlimit < crypto_pwhash_argon2id_MEMLIMIT_MIN || params.memlimit > crypto_pwhash_argon2id_MEMLIMIT_MAX)
        throw std::invalid_argument("PasswordHasher: argon2id opslimit or memlimit out of range");
    gate_ = std::make_unique<Gate>(limits);
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
    const int rc = gate_->run([&] {
        return crypto_pwhash_str_alg(out, password.data(), password.size(), params_.opslimit, params_.memlimit,
                                     crypto_pwhash_ALG_ARGON2ID13);
    });
    if (rc != 0) throw std::runtime_error("argon2id hashing failed (out of memory)");
    return std::string(out);
}

bool PasswordHasher::verify(std::string_view encoded, std::string_view password) const {
    // libsodium wants a NUL-terminated string no longer than crypto_pwhash_STRBYTES - 1.
    if (encoded.size() >= crypto_pwhash_STRBYTES || encoded.substr(0, 8) != "$argon2i") return false;
    char str[crypto_pwhash_STRBYTES] = {};
    encoded.copy(str, encoded.size());
    return gate_->run([&] { return crypto_pwhash_str_verify(str, password.data(), password.size()) == 0; });
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
