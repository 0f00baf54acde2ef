#include "core/log.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <string>

using avenir::log::kv;

TEST(Log, QuotesValuesWithSpacesAndStripsControlCharacters) {
    EXPECT_EQ(kv("path", "/regions"), "path=/regions");
    EXPECT_EQ(kv("msg", "two words"), "msg=\"two words\"");
    EXPECT_EQ(kv("msg", "a\nb"), "msg=\"a b\"");
    EXPECT_EQ(kv("status", 404LL), "status=404");
}

TEST(Log, JsonLinesCarryTheSameFields) {
    const std::string path = ::testing::TempDir() + "avenir-log-json.txt";
    std::remove(path.c_str());
    avenir::log::set_file(path);
    avenir::log::set_json(true);
    avenir::log::info("http", kv("method", "GET") + " " + kv("path", "/guide/{slug}") + " " + kv("error", "said \"no\" twice") + " " +
                                  kv("status", 404LL));
    avenir::log::set_json(false);
    avenir::log::set_file("");
    std::ifstream in(path);
    std::string line;
    std::getline(in, line);
    EXPECT_EQ(line.rfind("{\"time\":\"", 0), 0u) << line;
    EXPECT_NE(line.find(R"("level":"info","event":"http","method":"GET","path":"/guide/{slug}","error":"said \"no\" twice","status":"404"})"),
              std::string::npos)
        << line;
}
