// libFuzzer target for what an upload brings besides its form fields: the file's bytes, judged by
// the content sniffer (libmagic, then libzip for OOXML/ODF containers, the PDF polyglot check, the
// Ogg first-stream check and the MP3 frame walk), and the client's file name, made safe by
// sanitize_filename() and sent back by content_disposition(). Built by `make fuzz`.
//
// Input: the file's bytes. The file name is taken from the input's first line (at most 300 bytes),
// so the seeds are real files whose first bytes also make a name.
//
// Checks beyond sanitizer findings:
// - the in-memory sniff and the on-disk sniff (what the library runs on a streamed upload) agree
//   on zips (the only bytes for which they run different code);
// - an accepted kind is on the allow-list with a matching extension;
// - a sanitised name keeps the documented promises (never empty, at most kMaxFilenameBytes, valid
//   UTF-8, no control, bidi or Windows-forbidden character, no dot or space at either end);
// - a Content-Disposition value is printable ASCII, so it cannot split or corrupt the header.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include "fuzz_scratch.hpp"
#include "core/files/filename.hpp"
#include "core/files/sniff.hpp"
#include "core/text/utf8.hpp"

using namespace avenir::files;
namespace fs = std::filesystem;

namespace {

[[noreturn]] void fail(const char* what, std::string_view detail = {}) {
    std::fprintf(stderr, "upload_fuzz: %s: %.*s\n", what, static_cast<int>(detail.size()), detail.data());
    std::abort();
}

const fs::path& scratch_file() {
    static const fs::path path = avenir_fuzz::scratch_dir("upload-fuzz") / "upload";
    return path;
}

bool same(const std::optional<FileKind>& a, const std::optional<FileKind>& b) {
    if (a.has_value() != b.has_value()) return false;
    return !a || (a->mime == b->mime && a->extension == b->extension && a->label == b->label);
}

// Code points sanitize_filename() promises to remove.
bool forbidden(char32_t c) {
    return c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) ||
           c == 0xfeff || c == '<' || c == '>' || c == ':' || c == '"' || c == '/' || c == '\\' || c == '|' || c == '?' || c == '*';
}

// CON, PRN, AUX, NUL, COM0-9, LPT0-9, whatever follows the first dot (spaces before it ignored).
bool windows_device(std::string_view name) {
    std::string first;
    for (const char c : name.substr(0, name.find('.'))) first += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    while (!first.empty() && first.back() == ' ') first.pop_back();
    if (first == "con" || first == "prn" || first == "aux" || first == "nul" || first == "conin$" || first == "conout$") return true;
    return first.size() == 4 && (first.starts_with("com") || first.starts_with("lpt")) && first[3] >= '0' && first[3] <= '9';
}

void check_name(std::string_view client_name, std::string_view extension) {
    const std::string name = sanitize_filename(client_name, extension);
    if (name.empty()) fail("empty file name", client_name);
    if (name.size() > kMaxFilenameBytes) fail("file name too long", name);
    if (!avenir::utf8::valid(name)) fail("file name is not valid UTF-8", name);
    if (name.front() == '.' || name.front() == ' ' || name.back() == '.' || name.back() == ' ') fail("dot or space at an end", name);
    // Decode (the name is valid UTF-8) and look at every code point.
    for (std::size_t i = 0; i < name.size();) {
        const auto b = static_cast<unsigned char>(name[i]);
        const int len = b < 0x80 ? 1 : b < 0xe0 ? 2 : b < 0xf0 ? 3 : 4;
        char32_t c = len == 1 ? b : b & (0x7f >> len);
        for (int k = 1; k < len; ++k) c = (c << 6) | (static_cast<unsigned char>(name[i + k]) & 0x3f);
        if (forbidden(c)) fail("forbidden character kept in a file name", name);
        i += len;
    }
    if (windows_device(name)) fail("reserved Windows device name", name);
    if (!extension.empty() && !name.ends_with("." + std::string(extension))) fail("sniffed extension not applied", name);

    for (const char* disposition : {"attachment", "inline"}) {
        const std::string header = content_disposition(disposition, name);
        for (const char c : header)
            if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) >= 0x7f) fail("non-printable byte in Content-Disposition", header);
        const std::string raw = content_disposition(disposition, client_name);  // a name stored before sanitising
        for (const char c : raw)
            if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) >= 0x7f) fail("non-printable byte in Content-Disposition", raw);
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);

    const std::optional<FileKind> kind = sniff_allowed(bytes);
    // The two entry points differ only in how a zip's members are read (from memory or from the
    // file); for other bytes they run the same code, so only zips pay for the file.
    if (bytes.starts_with(std::string_view("PK\x03\x04", 4))) {
        {
            std::ofstream out(scratch_file(), std::ios::binary | std::ios::trunc);
            out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        }
        const std::optional<FileKind> on_disk = sniff_allowed_file(scratch_file());
        if (bytes.size() <= kSniffPrefixBytes && !same(kind, on_disk))
            fail("sniff_allowed and sniff_allowed_file disagree", kind ? kind->mime : on_disk->mime);
    }
    if (kind) {
        if (kind->mime.empty() || kind->extension.empty() || kind->label.empty()) fail("incomplete kind");
        static const std::string_view kExtensions[] = {"pdf", "odt", "docx", "odp", "pptx", "png", "jpg", "mp3", "ogg", "mp4", "webm"};
        if (std::find(std::begin(kExtensions), std::end(kExtensions), kind->extension) == std::end(kExtensions))
            fail("kind missing from the allow-list", kind->extension);
    }

    const std::string_view name = bytes.substr(0, std::min<std::size_t>(bytes.find('\n'), 300));
    check_name(name, kind ? std::string_view(kind->extension) : std::string_view{});
    check_name(name, {});
    return 0;
}
