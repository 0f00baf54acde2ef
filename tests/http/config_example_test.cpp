// avenir.example.toml is the reference of every setting: it loads without error with every
// module's settings declared, and it lists each module setting under its section.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "app/app.hpp"
#include "app/module_list.hpp"
#include "core/config.hpp"

namespace avenir {
namespace {

const std::string kExample = std::string(AVENIR_SOURCE_DIR) + "/avenir.example.toml";

TEST(ConfigExample, LoadsWithEveryModuleSettingDeclared) {
    Config config;
    const auto modules = make_modules();
    declare_modules(modules, config);
    EXPECT_NO_THROW(config.load_file(kExample, true));
    EXPECT_NO_THROW(config.check());
}

TEST(ConfigExample, ListsEveryModuleSettingInItsSection) {
    Config config;
    const auto modules = make_modules();
    declare_modules(modules, config);
    std::ifstream in(kExample);
    ASSERT_TRUE(in) << kExample;
    std::stringstream text;
    text << in.rdbuf();
    const std::string toml = text.str();
    ASSERT_FALSE(config.declared().empty());
    for (const auto& spec : config.declared()) {
        const auto dot = spec.key.find('.');
        ASSERT_NE(dot, std::string::npos) << spec.key;
        const std::string section = "[" + spec.key.substr(0, dot) + "]";
        const auto at = toml.find("\n" + section + "\n");
        ASSERT_NE(at, std::string::npos) << spec.key << ": no " << section << " section";
        const auto next = toml.find("\n[", at + 1);
        const std::string body = toml.substr(at, next == std::string::npos ? std::string::npos : next - at);
        EXPECT_NE(body.find("\n" + spec.key.substr(dot + 1) + " = "), std::string::npos) << spec.key << " is not in " << section;
        EXPECT_NE(body.find(spec.env), std::string::npos) << spec.key << ": its variable " << spec.env << " is not named";
    }
}

}  // namespace
}  // namespace avenir
