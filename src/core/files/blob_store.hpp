#pragma once
// Content-addressed storage for uploaded files: each blob lives at root/ab/cd/abcd... named by the
// lowercase hex SHA-256 of its bytes, so the same content is stored once and a name can never be
// chosen by a client. Metadata (the sanitised name, the kind, who uploaded it) belongs to the caller,
// which must also count references before remove(): two records may share one blob.
//
// Writes go to a temporary file in the blob's folder, are fsync'ed, then renamed into place, so a
// reader never sees half a file and concurrent put()s of the same content are harmless (both renames
// install identical bytes).
#include <cstdint>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace avenir::files {

// An I/O failure while storing or removing a blob; the message names the path and the system error.
class BlobStoreError : public std::runtime_error {
public:
    BlobStoreError(const std::string& what, int err = 0) : std::runtime_error(what), err_(err) {}
    // The disk is full or a quota reached (ENOSPC, EDQUOT): worth trying again later.
    bool out_of_space() const;

private:
    int err_ = 0;
};

class BlobStore {
public:
    // The root folder is created on the first put() if it does not exist.
    explicit BlobStore(std::filesystem::path root);

    struct Stored {
        std::string hash;    // lowercase hex SHA-256 (64 characters)
        std::uint64_t size;  // bytes
        bool existed;        // the same content was already stored (nothing was written)
        bool moved;          // put_file(): the source file itself became the blob (it is gone from its path)
    };

    // Stores the bytes (files 0640, folders 0750). Throws BlobStoreError on I/O failure.
    Stored put(std::string_view bytes);

    // Stores a file's content without reading it whole into memory: hashed in 64 KiB pieces, then
    // renamed into place when the source is on the same filesystem (moved = true; the source path
    // is gone), else copied. Throws BlobStoreError on I/O failure.
    Stored put_file(const std::filesystem::path& source);

    // Where the blob is, or nullopt when the hash is not 64 lowercase hex digits or nothing is stored
    // under it. Safe to call with untrusted input ("../x" and the like are simply not hashes).
    std::optional<std::filesystem::path> path_of(std::string_view hash) const;

    // Deletes the blob; false when the hash is invalid or nothing was stored. Throws BlobStoreError
    // when the file exists but cannot be removed.
    bool remove(std::string_view hash);

    // True for exactly 64 characters of 0-9a-f.
    static bool valid_hash(std::string_view hash);

    const std::filesystem::path& root() const noexcept { return root_; }

private:
    std::filesystem::path location(std::string_view hash) const;  // root/ab/cd/hash (hash already valid)

    std::filesystem::path root_;
};

}  // namespace avenir::files
