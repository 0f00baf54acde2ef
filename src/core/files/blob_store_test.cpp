#include "core/files/blob_store.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

using avenir::files::BlobStore;
using avenir::files::BlobStoreError;
namespace fs = std::filesystem;

namespace {

// SHA-256("hello") and SHA-256("").
constexpr const char* kHelloHash = "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824";
constexpr const char* kEmptyHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

class BlobStoreTest : public ::testing::Test {
protected:
    fs::path root = fs::temp_directory_path() /
                    ("avenir-blobs-" + std::to_string(::getpid()) + "-" + std::to_string(std::random_device{}()));
    void TearDown() override {
        std::error_code ec;
        fs::remove_all(root, ec);
    }
    static std::string read(const fs::path& p) {
        std::ifstream in(p, std::ios::binary);
        std::stringstream ss;
        ss << in.rdbuf();
        return ss.str();
    }
    static unsigned mode(const fs::path& p) {
        struct stat st{};
        return ::stat(p.c_str(), &st) == 0 ? st.st_mode & 07777 : 0;
    }
    // Everything under root that is not a blob (leftover temporary files, say).
    std::vector<fs::path> strays() const {
        std::vector<fs::path> out;
        for (const auto& e : fs::recursive_directory_iterator(root))
            if (e.is_regular_file() && !BlobStore::valid_hash(e.path().filename().string())) out.push_back(e.path());
        return out;
    }
};

}  // namespace

TEST_F(BlobStoreTest, PutStoresUnderTheHashWithFanOut) {
    BlobStore store(root);
    const auto s = store.put("hello");
    EXPECT_EQ(s.hash, kHelloHash);
    EXPECT_EQ(s.size, 5u);
    EXPECT_FALSE(s.existed);
    const fs::path expected = root / "2c" / "f2" / kHelloHash;
    ASSERT_TRUE(fs::is_regular_file(expected));
    EXPECT_EQ(read(expected), "hello");
    EXPECT_EQ(mode(expected), 0640u);
    EXPECT_EQ(mode(root / "2c"), 0750u);
    EXPECT_EQ(mode(root / "2c" / "f2"), 0750u);
    const auto p = store.path_of(kHelloHash);
    ASSERT_TRUE(p);
    EXPECT_EQ(*p, expected);
    EXPECT_TRUE(strays().empty());
}

TEST_F(BlobStoreTest, SameContentIsStoredOnce) {
    BlobStore store(root);
    const auto first = store.put("hello");
    const auto second = store.put(std::string("hel") + "lo");
    EXPECT_FALSE(first.existed);
    EXPECT_TRUE(second.existed);
    EXPECT_EQ(first.hash, second.hash);
    const auto other = store.put("hello!");
    EXPECT_NE(other.hash, first.hash);
    EXPECT_FALSE(other.existed);
    std::size_t files = 0;
    for (const auto& e : fs::recursive_directory_iterator(root)) files += e.is_regular_file();
    EXPECT_EQ(files, 2u);
}

TEST_F(BlobStoreTest, BinaryAndEmptyContentRoundTrip) {
    BlobStore store(root);
    std::string binary(1 << 20, '\0');
    std::mt19937 gen(42);
    for (char& c : binary) c = static_cast<char>(gen() & 0xFF);
    const auto b = store.put(binary);
    EXPECT_EQ(b.size, binary.size());
    ASSERT_TRUE(store.path_of(b.hash));
    EXPECT_EQ(read(*store.path_of(b.hash)), binary);

    const auto e = store.put("");
    EXPECT_EQ(e.hash, kEmptyHash);
    EXPECT_EQ(e.size, 0u);
    ASSERT_TRUE(store.path_of(kEmptyHash));
    EXPECT_EQ(fs::file_size(*store.path_of(kEmptyHash)), 0u);
}

TEST_F(BlobStoreTest, RemoveDeletesOnce) {
    BlobStore store(root);
    store.put("hello");
    EXPECT_TRUE(store.remove(kHelloHash));
    EXPECT_FALSE(store.path_of(kHelloHash));
    EXPECT_FALSE(fs::exists(root / "2c" / "f2" / kHelloHash));
    EXPECT_FALSE(store.remove(kHelloHash));
    // And it can come back.
    EXPECT_FALSE(store.put("hello").existed);
    EXPECT_TRUE(store.path_of(kHelloHash));
}

TEST_F(BlobStoreTest, RejectsStringsThatAreNotHashes) {
    BlobStore store(root);
    store.put("hello");
    std::string upper = kHelloHash;
    for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    const std::string hello = kHelloHash;
    for (const std::string& bad :
         {std::string("../../../../etc/passwd"), upper, hello.substr(0, 63), hello + "0", std::string(),
          "2c/f2/" + hello.substr(6), "../" + hello.substr(3), hello.substr(0, 60) + "/../", std::string(64, 'g'),
          hello.substr(0, 63) + '\0', std::string(64, '.')}) {
        EXPECT_FALSE(BlobStore::valid_hash(bad)) << bad;
        EXPECT_FALSE(store.path_of(bad)) << bad;
        EXPECT_FALSE(store.remove(bad)) << bad;
    }
    EXPECT_TRUE(store.path_of(kHelloHash)) << "nothing was removed by the bad names";
    EXPECT_FALSE(store.path_of(kEmptyHash)) << "valid but not stored";
}

TEST_F(BlobStoreTest, DamagedBlobIsReplaced) {
    BlobStore store(root);
    store.put("hello");
    { std::ofstream(root / "2c" / "f2" / kHelloHash, std::ios::binary | std::ios::trunc) << "hel"; }
    const auto s = store.put("hello");
    EXPECT_FALSE(s.existed);
    EXPECT_EQ(read(root / "2c" / "f2" / kHelloHash), "hello");
}

TEST_F(BlobStoreTest, ConcurrentPutsOfTheSameContent) {
    BlobStore store(root);
    const std::string content(256 * 1024, 'x');
    std::vector<std::thread> threads;
    std::vector<std::string> hashes(8);
    for (std::size_t i = 0; i < hashes.size(); ++i)
        threads.emplace_back([&, i] { hashes[i] = store.put(content).hash; });
    for (auto& t : threads) t.join();
    for (const auto& h : hashes) EXPECT_EQ(h, hashes[0]);
    ASSERT_TRUE(store.path_of(hashes[0]));
    EXPECT_EQ(read(*store.path_of(hashes[0])), content);
    EXPECT_TRUE(strays().empty());
}

TEST_F(BlobStoreTest, IoFailureThrowsWithThePath) {
    // The root is a file, so no folder can be made under it (this holds even when tests run as root).
    fs::create_directories(root);
    const fs::path file_root = root / "not-a-folder";
    std::ofstream(file_root) << "x";
    BlobStore store(file_root);
    try {
        store.put("hello");
        FAIL() << "expected BlobStoreError";
    } catch (const BlobStoreError& e) {
        EXPECT_NE(std::string(e.what()).find("not-a-folder"), std::string::npos) << e.what();
    }
    EXPECT_FALSE(store.path_of(kHelloHash));
    EXPECT_FALSE(store.remove(kHelloHash));
    EXPECT_THROW(BlobStore(fs::path()), BlobStoreError);
}
