#include "core/security/totp.hpp"

#include <algorithm>
#include <set>

#include <gtest/gtest.h>

using namespace avenir::security;

namespace {
// RFC 6238 appendix B: the ASCII secret "12345678901234567890" in base32.
constexpr const char* kRfcSecret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
}  // namespace

TEST(Totp, Rfc6238Sha1Vectors) {
    EXPECT_EQ(totp_code(kRfcSecret, 59, 8), "94287082");
    EXPECT_EQ(totp_code(kRfcSecret, 59), "287082");
    EXPECT_EQ(totp_code(kRfcSecret, 1111111109, 8), "07081804");
    EXPECT_EQ(totp_code(kRfcSecret, 1111111109), "081804");
    EXPECT_EQ(totp_code(kRfcSecret, 1234567890, 8), "89005924");
    EXPECT_EQ(totp_code(kRfcSecret, 2000000000, 8), "69279037");
    EXPECT_EQ(totp_code(kRfcSecret, 20000000000, 8), "65353130");
}

TEST(Totp, VerifyReturnsMatchedStep) {
    EXPECT_EQ(verify_totp(kRfcSecret, "287082", 59), std::optional<std::int64_t>(1));
    EXPECT_EQ(verify_totp(kRfcSecret, "081804", 1111111109), std::optional<std::int64_t>(1111111109 / 30));
    EXPECT_EQ(verify_totp(kRfcSecret, "081 804", 1111111109), std::optional<std::int64_t>(1111111109 / 30));
    // Lowercase and unpadded secrets are the same secret.
    EXPECT_EQ(verify_totp("gezdgnbvgy3tqojqgezdgnbvgy3tqojq", "287082", 59), std::optional<std::int64_t>(1));
}

TEST(Totp, WindowAcceptsNeighbouringSteps) {
    const std::string secret = new_totp_secret();
    const std::time_t now = 1'700'000'000;
    const std::int64_t step = now / 30;
    const std::string previous = totp_code(secret, now - 30);
    const std::string next = totp_code(secret, now + 30);
    EXPECT_EQ(verify_totp(secret, previous, now, 1), std::optional<std::int64_t>(step - 1));
    EXPECT_EQ(verify_totp(secret, next, now, 1), std::optional<std::int64_t>(step + 1));
    EXPECT_EQ(verify_totp(secret, previous, now, 0), std::nullopt);
    EXPECT_EQ(verify_totp(secret, totp_code(secret, now - 60), now, 1), std::nullopt);
    EXPECT_EQ(verify_totp(secret, totp_code(secret, now), now, 0), std::optional<std::int64_t>(step));
}

TEST(Totp, RejectsWrongAndMalformedCodes) {
    EXPECT_EQ(verify_totp(kRfcSecret, "287083", 59), std::nullopt);
    for (const char* bad : {"", "28708", "2870822", "28708a", "２８７０８２", "-287082", "287082\n", "+87082"})
        EXPECT_EQ(verify_totp(kRfcSecret, bad, 59), std::nullopt) << bad;
}

TEST(Totp, RejectsBadSecretsAndWindows) {
    EXPECT_THROW(verify_totp("not base32!", "287082", 59), std::invalid_argument);
    EXPECT_THROW(verify_totp("GEZDGNBV", "287082", 59), std::invalid_argument);  // 5 bytes
    EXPECT_THROW(verify_totp(kRfcSecret, "287082", 59, -1), std::invalid_argument);
    EXPECT_THROW(totp_code(kRfcSecret, 59, 9), std::invalid_argument);
}

TEST(Totp, NewSecretIs20RandomBytes) {
    const std::string a = new_totp_secret();
    EXPECT_EQ(a.size(), 32u);
    EXPECT_EQ(a.find('='), std::string::npos);
    EXPECT_TRUE(std::all_of(a.begin(), a.end(), [](char c) { return (c >= 'A' && c <= 'Z') || (c >= '2' && c <= '7'); }));
    EXPECT_NE(a, new_totp_secret());
    EXPECT_EQ(totp_code(a, 1000).size(), 6u);
}

TEST(Totp, OtpauthUri) {
    EXPECT_EQ(otpauth_uri("Our Digital Future", "maria+psi@example.org", "GEZDGNBVGY3TQOJQ"),
              "otpauth://totp/Our%20Digital%20Future:maria%2Bpsi%40example.org?secret=GEZDGNBVGY3TQOJQ"
              "&issuer=Our%20Digital%20Future&algorithm=SHA1&digits=6&period=30");
    EXPECT_EQ(otpauth_uri("A:B&C", "é", "gezd"),
              "otpauth://totp/A%3AB%26C:%C3%A9?secret=GEZD&issuer=A%3AB%26C&algorithm=SHA1&digits=6&period=30");
}

TEST(RecoveryCodes, UniqueAndWellFormed) {
    const auto codes = new_recovery_codes();
    ASSERT_EQ(codes.size(), 10u);
    EXPECT_EQ(std::set<std::string>(codes.begin(), codes.end()).size(), codes.size());
    for (const auto& c : codes) {
        ASSERT_EQ(c.size(), 14u) << c;
        EXPECT_EQ(c[4], '-');
        EXPECT_EQ(c[9], '-');
        for (std::size_t i = 0; i < c.size(); ++i) {
            if (i == 4 || i == 9) continue;
            EXPECT_NE(std::string_view("abcdefghjkmnpqrstuvwxyz23456789").find(c[i]), std::string_view::npos) << c;
        }
        EXPECT_EQ(normalize_recovery_code(c).size(), 12u);
    }
    EXPECT_EQ(new_recovery_codes(3).size(), 3u);
    EXPECT_TRUE(new_recovery_codes(0).empty());
}

TEST(RecoveryCodes, Normalise) {
    EXPECT_EQ(normalize_recovery_code(" K7VQ-9m2x - p4tz "), "k7vq9m2xp4tz");
    EXPECT_EQ(normalize_recovery_code("k7vq9m2xp4tz"), "k7vq9m2xp4tz");
    EXPECT_EQ(normalize_recovery_code("k7vq-9m2x-p4tz"), normalize_recovery_code("K7VQ 9M2X P4TZ"));
}

TEST(QrSvg, InlineSvgWithEscapedLabel) {
    const std::string svg = qr_svg(otpauth_uri("Avenir", "a@example.org", kRfcSecret), "QR code for \"Avenir\" <app> & co");
    EXPECT_EQ(svg.rfind("<svg", 0), 0u);
    EXPECT_NE(svg.find("role=\"img\""), std::string::npos);
    EXPECT_NE(svg.find("aria-label=\"QR code for &quot;Avenir&quot; &lt;app&gt; &amp; co\""), std::string::npos) << svg;
    EXPECT_EQ(svg.find("<app>"), std::string::npos);
    EXPECT_NE(svg.find("<path"), std::string::npos);
    EXPECT_EQ(svg.substr(svg.size() - 6), "</svg>");
    // The top-left finder pattern: a 7-module dark run starting at the quiet zone.
    EXPECT_NE(svg.find("M4 4h7v1h-7z"), std::string::npos);
}

TEST(QrSvg, RejectsTextTooLong) {
    EXPECT_THROW(qr_svg(std::string(5000, 'x'), "too long"), std::invalid_argument);
}
