#include "modules/guide/guide_diff.hpp"

#include <gtest/gtest.h>

using namespace avenir::guide;

TEST(GuideDiff, MarksRemovedAndAddedLinesAroundCommonOnes) {
    const auto d = diff_lines({"a", "b", "c", "d"}, {"a", "c", "x", "d"});
    std::string kinds;
    for (const auto& l : d) kinds += l.kind;
    EXPECT_EQ(kinds, " - + ");
    EXPECT_EQ(d[1].text, "b");
    EXPECT_EQ(d[3].text, "x");
    EXPECT_TRUE(diff_lines({}, {}).empty());
    EXPECT_EQ(diff_lines({}, {"new"}).front().kind, '+');
}

TEST(GuideDiff, ReadableLinesShowStepTiming) {
    Workshop w;
    w.steps = {{"welcome", "activity", "plenary", 10, 15, false, true, {}}};
    w.texts["en"] = {{"title", "T"}, {"steps", {{"welcome", {{"title", "Welcome"}, {"facilitator", "Say hello."}}}}}};
    const auto lines = readable_lines(w, "en");
    EXPECT_NE(std::find(lines.begin(), lines.end(), "== Welcome (activity, 10-15 min, plenary)"), lines.end());
    EXPECT_NE(std::find(lines.begin(), lines.end(), "Say hello."), lines.end());
}
