#include "core/text/utf8.hpp"

#include <gtest/gtest.h>

namespace avenir {
namespace {

TEST(Utf8, AcceptsWellFormedTextAndFindsTheFirstBadByte) {
    EXPECT_TRUE(utf8::valid("négociation العمال 労働 🙂"));
    EXPECT_EQ(utf8::invalid_at("ok\xC0\xAF"), 2u);          // overlong '/'
    EXPECT_EQ(utf8::invalid_at("a\xED\xA0\x80"), 1u);       // a UTF-16 surrogate
    EXPECT_EQ(utf8::invalid_at("ab\xF4\x90\x80\x80"), 2u);  // above U+10FFFF
    EXPECT_EQ(utf8::invalid_at("abc\xE2\x82"), 3u);         // cut short
    EXPECT_EQ(utf8::invalid_at("\xFF"), 0u);
}

TEST(Utf8, DecodesEncodesAndAlwaysProgresses) {
    const std::string s = "a\xC3\xA9\xFF\xF0\x9F\x99\x82";
    std::size_t i = 0;
    EXPECT_EQ(utf8::next(s, i), U'a');
    EXPECT_EQ(utf8::next(s, i), U'é');
    EXPECT_EQ(utf8::next(s, i), std::nullopt);
    EXPECT_EQ(utf8::next(s, i), U'🙂');
    EXPECT_EQ(i, s.size());
    std::string out;
    for (char32_t cp : {U'a', U'é', U'ع', U'🙂'}) utf8::append(out, cp);
    EXPECT_EQ(out, "aéع🙂");
    out.clear();
    utf8::append(out, 0xD800);
    EXPECT_EQ(out, "\xEF\xBF\xBD");
    EXPECT_EQ(utf8::count("aé🙂"), 3u);
}

TEST(Utf8, CutsOnCharacterBoundaries) {
    const std::string s = "aé🙂";                    // 1 + 2 + 4 bytes
    EXPECT_EQ(utf8::boundary_before(s, 2), 1u);     // inside é
    EXPECT_EQ(utf8::boundary_before(s, 3), 3u);
    EXPECT_EQ(utf8::boundary_before(s, 5), 3u);     // inside the emoji
    EXPECT_EQ(utf8::boundary_before(s, 99), s.size());
}

TEST(Ascii, LowersOnlyAsciiLetters) {
    EXPECT_EQ(ascii::lower("Content-Type: ÉTÉ"), "content-type: ÉtÉ");  // É is not ASCII
    EXPECT_TRUE(ascii::iequals("GZip", "gzip"));
    EXPECT_FALSE(ascii::iequals("gzip", "gzi"));
}

}  // namespace
}  // namespace avenir
