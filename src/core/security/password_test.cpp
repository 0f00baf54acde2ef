#include "core/security/password.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <latch>
#include <thread>

#include <gtest/gtest.h>

using namespace avenir::security;

namespace {

bool has(const std::vector<std::string>& problems, const std::string& msg) {
    return std::find(problems.begin(), problems.end(), msg) != problems.end();
}

// Fast params for tests that do not look at the cost itself.
constexpr HashParams kFast{1, 8u * 1024 * 1024};

}  // namespace

TEST(PasswordPolicy, AcceptsLongRandomPassphrase) {
    EXPECT_TRUE(password_problems("violet-tractor-harbour-91", {}).empty());
    EXPECT_TRUE(password_problems("zq8#Lp2v!xR4", {}).empty());
}

TEST(PasswordPolicy, LengthLimits) {
    const auto short_problems = password_problems("k7#vq9m2xp4", {});  // 11 characters
    ASSERT_EQ(short_problems.size(), 1u);
    EXPECT_EQ(short_problems[0], "Use at least 12 characters.");
    const std::string long_pw = "Ab3$" + std::string(125, 'x');  // 129 characters
    EXPECT_EQ(password_problems(long_pw, {}), std::vector<std::string>{"Use at most 128 characters."});
    PasswordPolicy p;
    p.min_length = 15;
    EXPECT_EQ(password_problems("violet-tractor", p), std::vector<std::string>{"Use at least 15 characters."});
}

TEST(PasswordPolicy, CountsCodePointsNotBytes) {
    // 11 two- or three-byte characters: 25 bytes but 11 code points.
    EXPECT_TRUE(has(password_problems("ééé日本語çàüöñ", {}), "Use at least 12 characters."));
    // 12 code points of Arabic and accents is long enough.
    EXPECT_TRUE(password_problems("نقابة-عمّال-٢٠٢٦", {}).empty());
    // 128 four-byte emoji are allowed (512 bytes); 129 are not.
    std::string emoji;
    for (int i = 0; i < 64; ++i) emoji += (i % 2 ? "\xF0\x9F\x8C\xBB" : "\xF0\x9F\x9A\x82");  // 🌻 🚂
    std::string emoji128 = emoji + emoji;
    EXPECT_FALSE(has(password_problems(emoji128, {}), "Use at most 128 characters."));
    EXPECT_TRUE(has(password_problems(emoji128 + "x", {}), "Use at most 128 characters."));
}

TEST(PasswordPolicy, RejectsCommonAndDictionaryPasswords) {
    for (const char* pw : {"password1234", "Password1234!", "P@ssw0rd2024!", "monkeymonkey12", "summer2024summer",
                           "iloveyou2024!", "qwertyuiop123", "correcthorsebatterystaple", "1q2w3e4r5t6y"}) {
        EXPECT_TRUE(has(password_problems(pw, {}), password_msg::kPublicCommon)) << pw;
    }
}

TEST(PasswordPolicy, RejectsRunsAndRepeats) {
    EXPECT_TRUE(has(password_problems("abcdefghijklmnop", {}), password_msg::kPublicPredictable));
    EXPECT_TRUE(has(password_problems("123456789012", {}), password_msg::kPublicPredictable));
    EXPECT_TRUE(has(password_problems("aaaaaaaaaaaaaaa", {}), password_msg::kPublicFewDifferent));
}

TEST(PasswordPolicy, RejectsContextWordsCaseInsensitively) {
    const std::vector<std::string> ctx{"maria.gonzalez", "María González"};
    EXPECT_TRUE(has(password_problems("xGONZALEZ-river-77", {}, ctx), password_msg::kPublicPersonal));
    EXPECT_TRUE(has(password_problems("Tulip-MARÍA-sky-42", {}, ctx), password_msg::kPublicPersonal));
    EXPECT_TRUE(password_problems("violet-tractor-harbour-91", {}, ctx).empty());
    // Words shorter than 4 code points do not count.
    EXPECT_TRUE(password_problems("violet-tractor-harbour-91", {}, {"vio", "Li"}).empty());
}

TEST(PasswordPolicy, RejectsControlCharactersAndInvalidUtf8) {
    EXPECT_EQ(password_problems(std::string("violet-tractor\0harbour", 22), {}),
              std::vector<std::string>{password_msg::kPublicInvalidText});
    EXPECT_EQ(password_problems("violet-tractor-\xC3", {}), std::vector<std::string>{password_msg::kPublicInvalidText});
    EXPECT_EQ(password_problems("violet-\xC0\xAFtractor", {}), std::vector<std::string>{password_msg::kPublicInvalidText});
}

TEST(PasswordPolicy, MissingDictionaryThrows) {
    PasswordPolicy p;
    p.dictionary = "/nonexistent/cracklib_dict";
    EXPECT_THROW(password_problems("violet-tractor-harbour-91", p), std::runtime_error);
    EXPECT_THROW(check_password_dictionary(p), std::runtime_error);
    EXPECT_NO_THROW(check_password_dictionary({}));
}

TEST(PasswordPolicy, SafeFromManyThreads) {
    // cracklib keeps one open dictionary and static buffers: calls must be serialised.
    std::vector<std::thread> threads;
    std::atomic<int> wrong{0};
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([&] {
            for (int i = 0; i < 25; ++i) {
                if (!password_problems("violet-tractor-harbour-91", {}).empty()) ++wrong;
                if (password_problems("password1234", {}).empty()) ++wrong;
            }
        });
    for (auto& t : threads) t.join();
    EXPECT_EQ(wrong.load(), 0);
}

TEST(PasswordHasher, RoundTripWithOwaspParams) {
    const PasswordHasher hasher;
    const std::string encoded = hasher.hash("violet-tractor-harbour-91");
    EXPECT_EQ(encoded.rfind("$argon2id$", 0), 0u) << encoded;
    EXPECT_NE(encoded.find("m=19456,t=2"), std::string::npos) << encoded;
    EXPECT_TRUE(hasher.verify(encoded, "violet-tractor-harbour-91"));
    EXPECT_FALSE(hasher.verify(encoded, "violet-tractor-harbour-92"));
    EXPECT_FALSE(hasher.needs_rehash(encoded));
    EXPECT_NE(hasher.hash("violet-tractor-harbour-91"), encoded);  // random salt
}

TEST(PasswordHasher, RejectsMalformedHashes) {
    const PasswordHasher hasher(kFast);
    EXPECT_FALSE(hasher.verify("", "x"));
    EXPECT_FALSE(hasher.verify("plain-text-password", "plain-text-password"));
    EXPECT_FALSE(hasher.verify(std::string(300, '$'), "x"));
    EXPECT_TRUE(hasher.needs_rehash("$2y$10$abcdefghijklmnopqrstuu"));
    EXPECT_TRUE(hasher.needs_rehash(""));
}

TEST(PasswordHasher, NeedsRehashForOtherParams) {
    const PasswordHasher weak(kFast);
    const PasswordHasher current;
    const std::string old = weak.hash("violet-tractor-harbour-91");
    EXPECT_TRUE(current.needs_rehash(old));
    EXPECT_FALSE(weak.needs_rehash(old));
    EXPECT_TRUE(current.verify(old, "violet-tractor-harbour-91"));  // old hashes still verify
}

TEST(PasswordHasher, DummyVerifyTakesAboutAsLongAsVerify) {
    const PasswordHasher hasher;
    const std::string encoded = hasher.hash("violet-tractor-harbour-91");
    const auto time = [](auto&& f) {  // best of three, so a busy machine does not skew it
        double best = 1e9;
        for (int i = 0; i < 3; ++i) {
            const auto t0 = std::chrono::steady_clock::now();
            f();
            best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
        }
        return best;
    };
    const double real = time([&] { hasher.verify(encoded, "wrong-password-here"); });
    const double dummy = time([&] { hasher.dummy_verify("wrong-password-here"); });
    EXPECT_GT(dummy, real * 0.3);
    EXPECT_LT(dummy, real * 3.0 + 0.05);
}

TEST(PasswordHasher, CapsConcurrentHashes) {
    for (unsigned cap : {1u, 2u}) {
        const PasswordHasher hasher(kFast, {.max_concurrent = cap});
        std::vector<std::thread> threads;
        for (int i = 0; i < 4; ++i)
            threads.emplace_back([&] { EXPECT_FALSE(hasher.hash("violet-tractor-harbour-91").empty()); });
        for (auto& t : threads) t.join();
        EXPECT_GE(hasher.peak_concurrent(), 1u);
        EXPECT_LE(hasher.peak_concurrent(), cap);
    }
}

TEST(PasswordHasher, RefusesCallersBeyondTheWaitingLineInsteadOfHoldingThem) {
    // One running, one waiting: of six callers arriving together, some are refused at once with a
    // 503 (HasherBusy), and nobody is lost: each either hashed or was told to come back.
    const PasswordHasher hasher(HashParams{}, {.max_concurrent = 1, .max_waiting = 1});
    std::atomic<int> hashed{0}, busy{0};
    std::latch start(6);
    std::vector<std::thread> threads;
    for (int i = 0; i < 6; ++i)
        threads.emplace_back([&] {
            start.arrive_and_wait();
            try {
                if (!hasher.hash("violet-tractor-harbour-91").empty()) ++hashed;
            } catch (const HasherBusy& e) {
                EXPECT_EQ(e.status(), 503);
                EXPECT_GT(e.retry_after(), 0);
                ++busy;
            }
        });
    for (auto& t : threads) t.join();
    EXPECT_EQ(hashed + busy, 6);
    EXPECT_GE(hashed.load(), 1);
    EXPECT_GE(busy.load(), 1) << "six argon2id hashes at once cannot all fit one slot and one place in line";
    EXPECT_LE(hasher.peak_concurrent(), 1u);
    // Once the line is empty again, callers are served.
    EXPECT_FALSE(hasher.hash("violet-tractor-harbour-91").empty());
}

TEST(PasswordHasher, ACallerWhoseHashDoesNotStartInTimeIsToldToComeBack) {
    // One thread, 30 ms to start: of three callers arriving together (each hash ~20-40 ms here),
    // the last cannot start in time and gets HasherBusy instead of holding its handler thread.
    const PasswordHasher hasher(HashParams{}, {.max_concurrent = 1, .max_waiting = 4, .max_wait = std::chrono::milliseconds(30)});
    std::atomic<int> hashed{0}, busy{0};
    std::latch start(3);
    std::vector<std::thread> threads;
    for (int i = 0; i < 3; ++i)
        threads.emplace_back([&] {
            start.arrive_and_wait();
            try {
                if (!hasher.hash("violet-tractor-harbour-91").empty()) ++hashed;
            } catch (const HasherBusy&) {
                ++busy;
            }
        });
    for (auto& t : threads) t.join();
    EXPECT_EQ(hashed + busy, 3);
    EXPECT_GE(hashed.load(), 1);
    EXPECT_GE(busy.load(), 1);
    EXPECT_FALSE(hasher.hash("violet-tractor-harbour-91").empty()) << "a withdrawn job leaves the hasher usable";
}

TEST(PasswordHasher, RejectsBadParams) {
    EXPECT_THROW(PasswordHasher(kFast, {.max_concurrent = 0}), std::invalid_argument);
    EXPECT_THROW(PasswordHasher(HashParams{0, 19u * 1024 * 1024}), std::invalid_argument);
    EXPECT_THROW(PasswordHasher(HashParams{2, 1024}), std::invalid_argument);
}
