#pragma once
// Upload content sniffing for the resource library (and any other feature that takes files).
// The decision is made from the bytes alone: the client's file name and Content-Type are never
// consulted, so "invoice.pdf" that is really HTML is refused, and a PNG called "photo.php" is a PNG.
//
// libmagic gives the first opinion; the container formats it judges loosely get a second look:
// - zip: libmagic only reads the first members, so a DOCX whose word/ part comes after large media
//   is "application/zip". Every zip is opened with libzip and classified by its members
//   ([Content_Types].xml and its main part type for OOXML, "mimetype" + content.xml for ODF);
//   macro-enabled documents (docm/pptm, vbaProject.bin, ODF Basic/ or Scripts/) are refused.
// - PDF: libmagic also finds "%PDF-" a little way into a file; text before it may not contain '<',
//   so an HTML page with a PDF header in its body (a polyglot) is refused.
// - Ogg: only when the first logical stream is audio (Vorbis, Opus, FLAC, Speex); Theora is not.
// - MP3: libmagic says application/octet-stream when zero padding or an odd tag precedes the first
//   frame; then three consecutive valid MPEG Layer III frame headers are required.
#include <cstddef>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace avenir::files {

struct FileKind {
    std::string mime;       // the Content-Type to serve it with ("application/pdf")
    std::string extension;  // without the dot, lower case ("pdf", "jpg")
    std::string label;      // for people: "PDF document", "Word document (DOCX)", ...
};

// libmagic could not be opened or its database could not be loaded (a deployment problem, not
// something the uploader did).
class SniffError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// The kind of an allowed file, or nullopt for anything else (HTML, SVG, executables, scripts, text,
// other zips, other media, empty input, or bytes libmagic fails on). Thread safe: each thread keeps
// its own libmagic handle. Throws SniffError when libmagic itself is unusable.
std::optional<FileKind> sniff_allowed(std::string_view bytes);
// The same decision for a file on disk (an upload as it arrived), reading only its first
// kSniffPrefixBytes into memory, plus a zip's directory and the members it needs.
std::optional<FileKind> sniff_allowed_file(const std::filesystem::path& path);
inline constexpr std::size_t kSniffPrefixBytes = 1 << 20;

// "PDF, ODT, DOCX, ODP, PPTX, PNG, JPEG, MP3, OGG, MP4, WebM" for messages such as
// "This file type is not accepted. Upload one of: ...".
std::string allowed_kinds_label();

}  // namespace avenir::files
