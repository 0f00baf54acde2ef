#include "core/log.hpp"

#include <gtest/gtest.h>

using avenir::log::kv;

TEST(Log, QuotesValuesWithSpacesAndStripsControlCharacters) {
    EXPECT_EQ(kv("path", "/regions"), "path=/regions");
    EXPECT_EQ(kv("msg", "two words"), "msg=\"two words\"");
    EXPECT_EQ(kv("msg", "a\nb"), "msg=\"a b\"");
    EXPECT_EQ(kv("status", 404LL), "status=404");
}
