#include "core/http/forwarded.hpp"

#include <gtest/gtest.h>

using namespace avenir::http;

TEST(Forwarded, TrustedProxyPassesTheClientAddress) {
    Request req;
    req.remote_address = "127.0.0.1";
    req.headers = {{"x-forwarded-for", "198.51.100.7, 10.0.0.2"}};
    apply_forwarded_for(req, {"127.0.0.1", "10.0.0.2"});
    EXPECT_EQ(req.remote_address, "198.51.100.7") << "the rightmost untrusted hop";
}

TEST(Forwarded, UntrustedPeersCannotSpoofTheHeader) {
    Request req;
    req.remote_address = "203.0.113.9";
    req.headers = {{"x-forwarded-for", "198.51.100.7"}};
    apply_forwarded_for(req, {"127.0.0.1"});
    EXPECT_EQ(req.remote_address, "203.0.113.9");
    apply_forwarded_for(req, {});
    EXPECT_EQ(req.remote_address, "203.0.113.9");
}

TEST(Forwarded, ParsesAddressLists) {
    EXPECT_EQ(parse_address_list(" 127.0.0.1 ,::1,, "), (std::vector<std::string>{"127.0.0.1", "::1"}));
    EXPECT_TRUE(parse_address_list("").empty());
}
