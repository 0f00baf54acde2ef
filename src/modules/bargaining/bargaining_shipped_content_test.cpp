// The shipped bargaining content holds what issue 14 promises: at least 70 published model
// clauses over the 14 topics, at least 4 per topic, complete in English, French and Spanish; at
// least 12 ladder families with their three rungs; two joint-governance models.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <set>

#include "modules/bargaining/bargaining_content.hpp"

namespace avenir::bargaining {
namespace {
namespace fs = std::filesystem;

TEST(BargainingContent, ShipsSeventyClausesOverFourteenTopicsWithLaddersAndTwoModels) {
    const Content c = read_content(fs::path(AVENIR_SOURCE_DIR) / "content" / "bargaining");
    ASSERT_EQ(c.topics.size(), 14u);
    std::map<std::string, int> per_topic;
    std::map<std::string, std::set<std::string>> rungs;
    int library = 0;
    for (const auto& k : c.clauses) {
        EXPECT_EQ(k.status, "published") << k.slug;
        EXPECT_TRUE(k.illustrative) << k.slug << ": shipped texts are models, marked as such";
        for (const char* lang : {"en", "fr", "es"}) {
            const auto* t = k.text(lang);
            ASSERT_NE(t, nullptr) << k.slug << " " << lang;
            EXPECT_FALSE(t->title.empty()) << k.slug << " " << lang;
            EXPECT_FALSE(t->body.empty()) << k.slug << " " << lang;
        }
        if (!k.model.empty()) continue;
        ++library;
        ++per_topic[k.topic];
        if (!k.family.empty()) rungs[k.family].insert(k.ladder);
    }
    EXPECT_GE(library, 70);
    for (const auto& t : c.topics) EXPECT_GE(per_topic[t.slug], 4) << t.slug;
    int complete = 0;
    for (const auto& [family, r] : rungs) complete += r.size() == 3;
    EXPECT_GE(complete, 12);
    ASSERT_GE(c.models.size(), 2u);
    std::map<std::string, int> articles;
    for (const auto& k : c.clauses)
        if (!k.model.empty()) ++articles[k.model];
    EXPECT_GE(articles["joint-committee-algorithmic-systems"], 7);
    EXPECT_GE(articles["procurement-stage-agreement"], 5);
}

}  // namespace
}  // namespace avenir::bargaining
