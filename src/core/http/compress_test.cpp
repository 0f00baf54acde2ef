#include "core/http/compress.hpp"

#include <gtest/gtest.h>

#include <random>
#include <stdexcept>

using namespace avenir::http;

TEST(Compress, RoundTripsTextBinaryAndEmpty) {
    std::string text;
    for (int i = 0; i < 2000; ++i) text += "<li class=\"region\">R\xC3\xA9gion " + std::to_string(i) + "</li>\n";
    const std::string gz = gzip_compress(text);
    ASSERT_GE(gz.size(), 2u);
    EXPECT_EQ(static_cast<unsigned char>(gz[0]), 0x1f);  // gzip magic, not a zlib header
    EXPECT_EQ(static_cast<unsigned char>(gz[1]), 0x8b);
    EXPECT_LT(gz.size(), text.size() / 4);
    EXPECT_EQ(gzip_decompress(gz), text);

    std::string binary(300000, '\0');
    std::mt19937 rng(42);
    for (char& c : binary) c = static_cast<char>(rng());
    EXPECT_EQ(gzip_decompress(gzip_compress(binary, 1)), binary);
    EXPECT_EQ(gzip_decompress(gzip_compress("")), "");
}

TEST(Compress, CorruptOrTruncatedInputThrows) {
    const std::string gz = gzip_compress(std::string(10000, 'a'));
    EXPECT_THROW(gzip_decompress(gz.substr(0, gz.size() / 2)), std::runtime_error);
    EXPECT_THROW(gzip_decompress("not gzip at all"), std::runtime_error);
    EXPECT_THROW(gzip_decompress(""), std::runtime_error);
}

TEST(Compress, AcceptsGzipParsesCodingsAndQValues) {
    EXPECT_TRUE(accepts_gzip("gzip"));
    EXPECT_TRUE(accepts_gzip("gzip, deflate, br"));
    EXPECT_TRUE(accepts_gzip("deflate, GZIP;q=0.5"));
    EXPECT_TRUE(accepts_gzip("x-gzip"));
    EXPECT_TRUE(accepts_gzip("*"));
    EXPECT_TRUE(accepts_gzip("br;q=1.0, *;q=0.1"));
    EXPECT_TRUE(accepts_gzip("gzip ; q=0.001"));
    EXPECT_FALSE(accepts_gzip(""));
    EXPECT_FALSE(accepts_gzip("identity"));
    EXPECT_FALSE(accepts_gzip("br, deflate"));
    EXPECT_FALSE(accepts_gzip("gzip;q=0"));
    EXPECT_FALSE(accepts_gzip("gzip;q=0.000, br"));
    EXPECT_FALSE(accepts_gzip("*;q=0"));
    EXPECT_FALSE(accepts_gzip("gzip;q=0, *"));   // an explicit gzip entry beats "*"
    EXPECT_TRUE(accepts_gzip("gzip;q=0.5, *;q=0"));
    EXPECT_FALSE(accepts_gzip("gzipx, xgzip"));
}

TEST(Compress, CompressibleTypes) {
    EXPECT_TRUE(compressible("text/html; charset=utf-8"));
    EXPECT_TRUE(compressible("Text/CSS"));
    EXPECT_TRUE(compressible("application/json"));
    EXPECT_TRUE(compressible("application/javascript"));
    EXPECT_TRUE(compressible("image/svg+xml"));
    EXPECT_TRUE(compressible("application/ld+json"));
    EXPECT_TRUE(compressible("application/xml"));
    EXPECT_FALSE(compressible("image/png"));
    EXPECT_FALSE(compressible("font/woff2"));
    EXPECT_FALSE(compressible("application/octet-stream"));
    EXPECT_FALSE(compressible("application/pdf"));
    EXPECT_FALSE(compressible(""));
}
