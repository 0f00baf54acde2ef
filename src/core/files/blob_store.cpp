#include "core/files/blob_store.hpp"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

namespace avenir::files {
namespace fs = std::filesystem;

bool BlobStoreError::out_of_space() const { return err_ == ENOSPC || err_ == EDQUOT; }
namespace {

constexpr mode_t kFileMode = 0640;  // the service's group (e.g. a backup job) may read, nobody else
constexpr mode_t kDirMode = 0750;

[[noreturn]] void fail(const std::string& what, const fs::path& path, int err) {
    throw BlobStoreError("blob store: " + what + " " + path.string() + ": " + std::strerror(err), err);
}

std::string sha256_hex(std::string_view bytes) {
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
    char hex[crypto_hash_sha256_BYTES * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);  // lowercase
    return hex;
}

// mkdir -p with our mode; EEXIST is fine (another put() may have just made it).
void ensure_dir(const fs::path& dir) {
    if (::mkdir(dir.c_str(), kDirMode) == 0 || errno == EEXIST) return;
    if (errno == ENOENT && dir.has_parent_path() && dir.parent_path() != dir) {
        ensure_dir(dir.parent_path());
        if (::mkdir(dir.c_str(), kDirMode) == 0 || errno == EEXIST) return;
    }
    fail("cannot create folder", dir, errno);
}

void write_all(int fd, std::string_view bytes, const fs::path& path) {
    while (!bytes.empty()) {
        const ssize_t n = ::write(fd, bytes.data(), bytes.size());
        if (n < 0) {
            if (errno == EINTR) continue;
            fail("cannot write", path, errno);
        }
        bytes.remove_prefix(static_cast<std::size_t>(n));
    }
}

// Makes the rename itself durable. Some file systems refuse fsync on a folder (EINVAL); nothing more
// can be done there.
void sync_dir(const fs::path& dir) {
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) fail("cannot open folder", dir, errno);
    const int rc = ::fsync(fd);
    const int err = errno;
    ::close(fd);
    if (rc != 0 && err != EINVAL) fail("cannot sync folder", dir, err);
}

}  // namespace

BlobStore::BlobStore(fs::path root) : root_(std::move(root)) {
    if (root_.empty()) throw BlobStoreError("blob store: the root folder is not configured");
    if (sodium_init() < 0) throw BlobStoreError("blob store: libsodium failed to initialise");
}

bool BlobStore::valid_hash(std::string_view hash) {
    if (hash.size() != 64) return false;
    for (const char c : hash)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    return true;
}

fs::path BlobStore::location(std::string_view hash) const {
    return root_ / std::string(hash.substr(0, 2)) / std::string(hash.substr(2, 2)) / std::string(hash);
}

BlobStore::Stored BlobStore::put(std::string_view bytes) {
    Stored out{sha256_hex(bytes), bytes.size(), false, false};
    const fs::path target = location(out.hash);

    // Already there: same hash and same size is the same content (a size mismatch would be a damaged
    // file, which the write below replaces).
    std::error_code ec;
    if (fs::is_regular_file(fs::symlink_status(target, ec)) && fs::file_size(target, ec) == bytes.size() && !ec) {
        out.existed = true;
        return out;
    }

    const fs::path dir = target.parent_path();
    ensure_dir(dir);

    // The temporary name starts with '.' and is never a valid hash, so path_of() cannot return it.
    std::string pattern = (dir / (".tmp-" + out.hash.substr(0, 16) + "-XXXXXX")).string();
    std::vector<char> name(pattern.begin(), pattern.end());
    name.push_back('\0');
    const int fd = ::mkostemp(name.data(), O_CLOEXEC);
    if (fd < 0) fail("cannot create a temporary file in", dir, errno);
    const fs::path temp(name.data());
    try {
        if (::fchmod(fd, kFileMode) != 0) fail("cannot set the mode of", temp, errno);
        write_all(fd, bytes, temp);
        if (::fsync(fd) != 0) fail("cannot sync", temp, errno);
    } catch (...) {
        ::close(fd);
        ::unlink(temp.c_str());
        throw;
    }
    if (::close(fd) != 0) {
        const int err = errno;
        ::unlink(temp.c_str());
        fail("cannot close", temp, err);
    }
    if (::rename(temp.c_str(), target.c_str()) != 0) {
        const int err = errno;
        ::unlink(temp.c_str());
        fail("cannot move the new file to", target, err);
    }
    sync_dir(dir);
    return out;
}

BlobStore::Stored BlobStore::put_file(const fs::path& source) {
    // Hash as we read, 64 KiB at a time: the file is never held in memory.
    const int in = ::open(source.c_str(), O_RDONLY | O_CLOEXEC);
    if (in < 0) fail("cannot open", source, errno);
    crypto_hash_sha256_state state;
    crypto_hash_sha256_init(&state);
    std::vector<unsigned char> buf(64 * 1024);
    std::uint64_t size = 0;
    for (;;) {
        const ssize_t n = ::read(in, buf.data(), buf.size());
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            const int err = errno;
            ::close(in);
            fail("cannot read", source, err);
        }
        if (n == 0) break;
        crypto_hash_sha256_update(&state, buf.data(), static_cast<unsigned long long>(n));
        size += static_cast<std::uint64_t>(n);
    }
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256_final(&state, digest);
    char hex[crypto_hash_sha256_BYTES * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
    Stored out{hex, size, false, false};
    const fs::path target = location(out.hash);
    std::error_code ec;
    if (fs::is_regular_file(fs::symlink_status(target, ec)) && fs::file_size(target, ec) == size && !ec) {
        ::close(in);
        out.existed = true;
        return out;
    }
    const fs::path dir = target.parent_path();
    ensure_dir(dir);
    // Same filesystem (the upload folder lives beside the store): a rename, no copy.
    if (::fchmod(in, kFileMode) == 0 && ::fsync(in) == 0 && ::rename(source.c_str(), target.c_str()) == 0) {
        ::close(in);
        sync_dir(dir);
        out.moved = true;
        return out;
    }
    // Elsewhere (another filesystem): copy through a temporary file, as put() does.
    std::string pattern = (dir / (".tmp-" + out.hash.substr(0, 16) + "-XXXXXX")).string();
    std::vector<char> name(pattern.begin(), pattern.end());
    name.push_back('\0');
    const int fd = ::mkostemp(name.data(), O_CLOEXEC);
    if (fd < 0) {
        const int err = errno;
        ::close(in);
        fail("cannot create a temporary file in", dir, err);
    }
    const fs::path temp(name.data());
    try {
        if (::fchmod(fd, kFileMode) != 0) fail("cannot set the mode of", temp, errno);
        for (off_t at = 0;;) {
            const ssize_t n = ::pread(in, buf.data(), buf.size(), at);
            if (n < 0 && errno == EINTR) continue;
            if (n < 0) fail("cannot read", source, errno);
            if (n == 0) break;
            write_all(fd, std::string_view(reinterpret_cast<const char*>(buf.data()), static_cast<std::size_t>(n)), temp);
            at += n;
        }
        if (::fsync(fd) != 0) fail("cannot sync", temp, errno);
    } catch (...) {
        ::close(fd);
        ::close(in);
        ::unlink(temp.c_str());
        throw;
    }
    ::close(in);
    if (::close(fd) != 0 || ::rename(temp.c_str(), target.c_str()) != 0) {
        const int err = errno;
        ::unlink(temp.c_str());
        fail("cannot move the new file to", target, err);
    }
    sync_dir(dir);
    return out;
}

std::optional<fs::path> BlobStore::path_of(std::string_view hash) const {
    if (!valid_hash(hash)) return std::nullopt;
    fs::path p = location(hash);
    std::error_code ec;
    if (!fs::is_regular_file(fs::symlink_status(p, ec))) return std::nullopt;
    return p;
}

// The fan-out folders stay: removing them could race with a put() that has just created one.
bool BlobStore::remove(std::string_view hash) {
    if (!valid_hash(hash)) return false;
    const fs::path p = location(hash);
    if (::unlink(p.c_str()) == 0) return true;
    if (errno == ENOENT || errno == ENOTDIR) return false;
    fail("cannot remove", p, errno);
}

}  // namespace avenir::files
