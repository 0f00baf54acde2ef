// A bargaining content file's mistakes are refused with the file, the clause and the field named;
// shipped translations carry the fingerprint of the text they were made from.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <unistd.h>

#include "core/errors.hpp"
#include "modules/bargaining/bargaining_content.hpp"

namespace avenir::bargaining {
namespace {
namespace fs = std::filesystem;

// A clause file with one mistake, and what the error must name.
TEST(BargainingContent, AMistakeNamesTheClauseAndTheField) {
    const fs::path dir = fs::temp_directory_path() / ("avenir-bargaining-content-" + std::to_string(::getpid()));
    const std::string topics = R"([[topic]]
slug = "surveillance-monitoring"
position = 1
[[topic.subtopic]]
slug = "notice-and-purpose"
en = "Notice"
[topic.en]
name = "Surveillance"
)";
    const std::string good = R"([[clause]]
slug = "surv-notice"
topic = "surveillance-monitoring"
subtopic = "notice-and-purpose"
placeholders = [{ name = "employer", type = "name", default = "the Employer" }]
[clause.en]
title = "Notice"
text = "{{employer}} gives notice."
[clause.fr]
title = "Préavis"
text = "{{employer}} informe."
)";
    const struct {
        std::string from, to, expected;
    } cases[] = {
        {R"(topic = "surveillance-monitoring")", R"(topic = "weather")", "\"weather\" is not a topic"},
        {R"(subtopic = "notice-and-purpose")", R"(subtopic = "elsewhere")", "is not a sub-topic"},
        {R"(text = "{{employer}} informe.")", R"(text = "{{employeur}} informe.")", "{{employeur}} is used but not declared"},
        {R"(slug = "surv-notice")", "slug = \"surv-notice\"\nrelated = [\"nowhere\"]", "related \"nowhere\" does not exist"},
        {R"(type = "name")", R"(type = "colour")", "type name, text, number or date"},
    };
    for (const auto& c : cases) {
        fs::remove_all(dir);
        fs::create_directories(dir / "clauses");
        std::ofstream(dir / "topics.toml") << topics;
        std::string file = good;
        file.replace(file.find(c.from), c.from.size(), c.to);
        std::ofstream(dir / "clauses" / "01.toml") << file;
        try {
            read_content(dir);
            ADD_FAILURE() << "accepted: " << c.to;
        } catch (const ContentError& e) {
            EXPECT_NE(std::string(e.what()).find(c.expected), std::string::npos) << e.what();
            EXPECT_NE(std::string(e.what()).find("surv-notice"), std::string::npos) << e.what();
        }
    }
    fs::remove_all(dir);
    fs::create_directories(dir / "clauses");
    std::ofstream(dir / "topics.toml") << topics;
    std::ofstream(dir / "clauses" / "01.toml") << good;
    const Content ok = read_content(dir);
    ASSERT_EQ(ok.clauses.size(), 1u);
    ASSERT_NE(ok.clauses[0].text("fr"), nullptr);
    EXPECT_TRUE(ok.clauses[0].text("fr")->translated_from.has_value()) << "shipped translations carry the source's fingerprint";
    fs::remove_all(dir);
}

}  // namespace
}  // namespace avenir::bargaining
