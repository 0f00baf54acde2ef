// The avenir command line: help, exit codes, seed idempotence, backup.
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <sys/wait.h>

namespace {

struct Run {
    int code;
    std::string out;
};

Run run_binary(const std::string& binary, const std::string& args, const std::string& env) {
    const std::string cmd = env + " " + binary + " " + args + " 2>&1";
    FILE* p = popen(cmd.c_str(), "r");
    std::string out;
    std::array<char, 4096> buf{};
    while (std::size_t n = std::fread(buf.data(), 1, buf.size(), p)) out.append(buf.data(), n);
    const int status = pclose(p);
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

Run run(const std::string& args, const std::string& env = {}) { return run_binary(AVENIR_BINARY, args, env); }

class Cli : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = std::filesystem::temp_directory_path() / ("avenir-cli-" + std::to_string(::getpid()));
        std::filesystem::create_directories(dir_);
        env_ = "AVENIR_DATABASE_URL=sqlite:" + (dir_ / "a.db").string() + " AVENIR_CONTENT_DIR=" + AVENIR_SOURCE_DIR +
               "/content AVENIR_STATIC_DIR=" + AVENIR_SOURCE_DIR + "/static";
    }
    void TearDown() override { std::filesystem::remove_all(dir_); }
    std::filesystem::path dir_;
    std::string env_;
};

TEST_F(Cli, EveryCommandHasHelp) {
    for (const char* cmd : {"", "serve", "migrate", "seed", "backup", "version", "user create", "user grant", "library import", "guide export"}) {
        const auto r = run(std::string(cmd) + " --help");
        EXPECT_EQ(r.code, 0) << cmd;
        EXPECT_NE(r.out.find("Usage"), std::string::npos) << cmd << ": " << r.out;
    }
}

TEST_F(Cli, UsageErrorsExitWithTwo) {
    EXPECT_EQ(run("").code, 2);
    EXPECT_EQ(run("frobnicate").code, 2);
    EXPECT_EQ(run("backup").code, 2) << "FILE is required";
    EXPECT_EQ(run("serve --port 70000").code, 2);
}

TEST_F(Cli, VersionPrintsTheVersion) {
    const auto r = run("version");
    EXPECT_EQ(r.code, 0);
    EXPECT_EQ(r.out, std::string("avenir ") + AVENIR_VERSION + "\n");
}

TEST_F(Cli, MigrateSeedTwiceAndBackup) {
    auto r = run("migrate", env_);
    ASSERT_EQ(r.code, 0) << r.out;
    EXPECT_NE(r.out.find("schema version"), std::string::npos);
    r = run("seed", env_);
    ASSERT_EQ(r.code, 0) << r.out;
    EXPECT_EQ(r.out.find(": 0 row(s) changed"), std::string::npos) << "first seed loads rows: " << r.out;
    r = run("seed", env_);
    ASSERT_EQ(r.code, 0) << r.out;
    EXPECT_NE(r.out.find(": 0 row(s) changed"), std::string::npos) << "second seed changes nothing: " << r.out;
    const auto backup = dir_ / "copy.db";
    r = run("backup " + backup.string(), env_);
    ASSERT_EQ(r.code, 0) << r.out;
    EXPECT_GT(std::filesystem::file_size(backup), 0u);
    // The copy is a working database: seeding it changes nothing either.
    r = run("seed", "AVENIR_DATABASE_URL=sqlite:" + backup.string() + " AVENIR_CONTENT_DIR=" + AVENIR_SOURCE_DIR + "/content");
    EXPECT_NE(r.out.find(": 0 row(s) changed"), std::string::npos) << r.out;
}

TEST_F(Cli, UserCreateAndGrantGiveAFreshInstallationItsFirstAdmin) {
    auto r = run("user create --email First.Admin@example.org --role admin --password-stdin",
                 "echo violet-tractor-harbour-91 | " + env_);
    ASSERT_EQ(r.code, 0) << r.out;
    EXPECT_NE(r.out.find("with role admin"), std::string::npos) << r.out;
    r = run("user create --email first.admin@example.org", env_);
    EXPECT_EQ(r.code, 4) << "already exists: " << r.out;
    r = run("user create --email weak@example.org --password-stdin", "echo password1234 | " + env_);
    EXPECT_EQ(r.code, 4) << r.out;
    EXPECT_NE(r.out.find("password"), std::string::npos) << r.out;
    r = run("user grant --email first.admin@example.org --role coordinator", env_);
    EXPECT_EQ(r.code, 4);
    EXPECT_NE(r.out.find("--region"), std::string::npos) << r.out;
    r = run("user grant --email first.admin@example.org --role coordinator --region asia-pacific", env_);
    EXPECT_EQ(r.code, 0) << r.out;
    r = run("user grant --email nobody@example.org --role admin", env_);
    EXPECT_EQ(r.code, 4) << r.out;
    EXPECT_EQ(run("user --help").code, 0);
}

TEST_F(Cli, BadConfigurationSaysWhatToFix) {
    const auto r = run("migrate", "AVENIR_PORT=eighty " + env_);
    EXPECT_EQ(r.code, 4);
    EXPECT_NE(r.out.find("AVENIR_PORT"), std::string::npos) << r.out;
    const auto missing = run("--config /nonexistent/avenir.toml migrate", env_);
    EXPECT_EQ(missing.code, 4);
    EXPECT_NE(missing.out.find("not found"), std::string::npos) << missing.out;
}

TEST_F(Cli, UnknownDatabaseSchemeIsADatabaseError) {
    const auto r = run("migrate --database mysql://x");
    EXPECT_EQ(r.code, 3);
    EXPECT_NE(r.out.find("mysql"), std::string::npos) << r.out;
}

}  // namespace

namespace {

// A file of three lines, the second bad: the bad line is reported with its number, the good ones
// are imported, the exit status says something was refused; a second import of the same refs
// changes nothing.
TEST_F(Cli, LibraryImportReportsBadLinesAndKeepsTheGoodOnes) {
    const auto file = dir_ / "import.jsonl";
    std::ofstream(file) << R"({"ref":"one","title":"First","lang":"en","regions":["global"],"themes":["rights"],"type":"guide","date":"2024-02-01"})" << "\n"
                        << R"({"ref":"two","titel":"Typo","lang":"en","regions":["atlantis"],"date":"2024"})" << "\n"
                        << R"({"ref":"one","title":"Premier","lang":"fr","regions":["global"],"themes":["rights"],"type":"guide","date":"2024-02-01"})" << "\n";
    auto r = run("library import " + file.string(), env_);
    EXPECT_EQ(r.code, 4) << r.out;
    EXPECT_NE(r.out.find("import.jsonl:2: "), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("titel"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("atlantis"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("imported 1 resource(s)"), std::string::npos) << r.out;
    std::ofstream(file) << R"({"ref":"one","title":"First","lang":"en","regions":["global"],"themes":["rights"],"type":"guide","date":"2024-02-01"})" << "\n";
    r = run("library import " + file.string(), env_);
    EXPECT_EQ(r.code, 0) << r.out;
    EXPECT_NE(r.out.find("imported 0 resource(s)"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("(1 already up to date)"), std::string::npos) << r.out;
    EXPECT_EQ(run("library import " + (dir_ / "missing.jsonl").string(), env_).code, 4);
}

TEST_F(Cli, TheDemoToolAddsResourcesOutsideTheServerBinary) {
    auto r = run_binary(AVENIR_DEMO_BINARY, "--resources 300", env_);
    ASSERT_EQ(r.code, 0) << r.out;
    EXPECT_NE(r.out.find("added 300 demo resource(s); the library now holds 300"), std::string::npos) << r.out;
    r = run_binary(AVENIR_DEMO_BINARY, "--queries 3", env_);
    EXPECT_EQ(r.code, 0);
    EXPECT_NE(r.out.find("ar\t"), std::string::npos) << r.out;
    EXPECT_EQ(run_binary(AVENIR_DEMO_BINARY, "", env_).code, 2);
    // The server binary no longer carries the generator.
    EXPECT_EQ(run("demo-data --resources 1", env_).code, 2);
}

TEST_F(Cli, ModuleCommandsComeFromTheModulesDeclarations) {
    // "user" (accounts), "library" (library) and "guide" (guide) are groups the modules declared.
    const auto r = run("--help");
    for (const char* group : {"user", "library", "guide"}) EXPECT_NE(r.out.find(group), std::string::npos) << group << "\n" << r.out;
    EXPECT_EQ(run("guide export", env_).code, 2) << "DIR is required";
}

}  // namespace
