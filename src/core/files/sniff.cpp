#include "core/files/sniff.hpp"

#include <fcntl.h>
#include <magic.h>
#include <unistd.h>
#include <zip.h>

#include <array>
#include <filesystem>
#include <functional>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <memory>

namespace avenir::files {
namespace {

enum class Kind { Pdf, Odt, Docx, Odp, Pptx, Png, Jpeg, Mp3, Ogg, Mp4, Webm };

struct KindInfo {
    Kind kind;
    const char* mime;
    const char* extension;
    const char* label;
    const char* short_name;  // for allowed_kinds_label()
};

// The allow-list, in the order people read it in messages.
constexpr std::array<KindInfo, 11> kKinds{{
    {Kind::Pdf, "application/pdf", "pdf", "PDF document", "PDF"},
    {Kind::Odt, "application/vnd.oasis.opendocument.text", "odt", "OpenDocument text (ODT)", "ODT"},
    {Kind::Docx, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx",
     "Word document (DOCX)", "DOCX"},
    {Kind::Odp, "application/vnd.oasis.opendocument.presentation", "odp", "OpenDocument presentation (ODP)", "ODP"},
    {Kind::Pptx, "application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx",
     "PowerPoint presentation (PPTX)", "PPTX"},
    {Kind::Png, "image/png", "png", "PNG image", "PNG"},
    {Kind::Jpeg, "image/jpeg", "jpg", "JPEG image", "JPEG"},
    {Kind::Mp3, "audio/mpeg", "mp3", "MP3 audio", "MP3"},
    {Kind::Ogg, "audio/ogg", "ogg", "Ogg audio", "OGG"},
    {Kind::Mp4, "video/mp4", "mp4", "MP4 video", "MP4"},
    {Kind::Webm, "video/webm", "webm", "WebM video", "WebM"},
}};

const KindInfo& info_of(Kind k) {
    for (const auto& info : kKinds)
        if (info.kind == k) return info;
    throw std::logic_error("avenir::files: kind missing from the allow-list table");
}

FileKind make(Kind k) {
    const KindInfo& info = info_of(k);
    return FileKind{info.mime, info.extension, info.label};
}

std::string ascii_lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }
bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// ---- libmagic ------------------------------------------------------------------------------------------------

// magic_t is not thread safe, so each thread owns one, opened and loaded on first use and closed when
// the thread ends. The compiled database is mapped read-only, so the per-thread cost is small.
class Magic {
public:
    Magic() : cookie_(magic_open(MAGIC_MIME_TYPE)) {
        if (cookie_ == nullptr)
            throw SniffError(std::string("libmagic: magic_open failed: ") + std::strerror(errno));
        if (magic_load(cookie_, nullptr) != 0) {
            const char* why = magic_error(cookie_);
            std::string message = "libmagic: cannot load the magic database (";
            message += why != nullptr ? why : "unknown error";
            message += "); is the libmagic-mgc package installed, or MAGIC set to a readable file?";
            magic_close(cookie_);
            throw SniffError(message);
        }
    }
    ~Magic() { magic_close(cookie_); }
    Magic(const Magic&) = delete;
    Magic& operator=(const Magic&) = delete;

    // The MIME type ("image/png"), or nullopt when libmagic fails on these bytes (treated as "not allowed").
    std::optional<std::string> mime(std::string_view bytes) {
        const char* r = magic_buffer(cookie_, bytes.data(), bytes.size());
        if (r == nullptr) return std::nullopt;
        return std::string(r);
    }

private:
    magic_t cookie_;
};

Magic& thread_magic() {
    // A unique_ptr rather than a plain thread_local object so that a failed load throws at the call
    // site each time (and can succeed later once the deployment is fixed).
    thread_local std::unique_ptr<Magic> magic;
    if (!magic) magic = std::make_unique<Magic>();
    return *magic;
}

// ---- second opinions -----------------------------------------------------------------------------------------

// PDF readers accept the header within the first 1024 bytes, and so does libmagic. Junk before it is
// tolerated, but not markup: "<html>...%PDF-" is a polyglot a browser could render as a page.
bool pdf_header_ok(std::string_view b) {
    const std::size_t pos = b.substr(0, 1024 + 5).find("%PDF-");
    return pos != std::string_view::npos && b.substr(0, pos).find('<') == std::string_view::npos;
}

// The first page of an Ogg file starts the first logical stream; its first packet names the codec.
bool ogg_audio(std::string_view b) {
    if (b.size() < 27 || !starts_with(b, "OggS") || b[4] != 0 || (static_cast<unsigned char>(b[5]) & 0x02) == 0)
        return false;  // not version 0 or not a beginning-of-stream page
    const std::size_t data = 27 + static_cast<unsigned char>(b[26]);
    if (b.size() < data) return false;
    const std::string_view packet = b.substr(data);
    using namespace std::string_view_literals;
    for (std::string_view signature : {"\x01vorbis"sv, "OpusHead"sv, "\x7f" "FLAC"sv, "Speex   "sv})
        if (starts_with(packet, signature)) return true;
    return false;
}

// Length in bytes of the MPEG audio Layer III frame whose header is at h (4 bytes), or 0 if it is not
// one. Free-format bit rates are not supported (they are practically never used).
std::size_t layer3_frame_length(const unsigned char* h) {
    if (h[0] != 0xFF || (h[1] & 0xE0) != 0xE0) return 0;
    const int version = (h[1] >> 3) & 3;  // 0 MPEG 2.5, 1 reserved, 2 MPEG 2, 3 MPEG 1
    const int layer = (h[1] >> 1) & 3;    // 1 = Layer III
    const int bitrate_index = h[2] >> 4, rate_index = (h[2] >> 2) & 3, padding = (h[2] >> 1) & 1;
    if (version == 1 || layer != 1 || bitrate_index == 0 || bitrate_index == 15 || rate_index == 3) return 0;
    static constexpr int kKbpsV1[15] = {0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320};
    static constexpr int kKbpsV2[15] = {0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160};
    static constexpr int kRates[3][3] = {{44100, 48000, 32000}, {22050, 24000, 16000}, {11025, 12000, 8000}};
    const bool v1 = version == 3;
    const int rate = kRates[v1 ? 0 : version == 2 ? 1 : 2][rate_index];
    const int kbps = (v1 ? kKbpsV1 : kKbpsV2)[bitrate_index];
    return static_cast<std::size_t>((v1 ? 144 : 72) * kbps * 1000 / rate + padding);
}

// For what libmagic calls application/octet-stream: ID3v2 tags, then up to 64 KiB of zero padding, then
// three consecutive Layer III frames with the same version and sample rate.
bool mp3_frames(std::string_view b) {
    const auto* p = reinterpret_cast<const unsigned char*>(b.data());
    const std::size_t n = b.size();
    std::size_t pos = 0;
    while (n - pos >= 10 && b.substr(pos, 3) == "ID3" && p[pos + 3] != 0xFF && p[pos + 4] != 0xFF &&
           ((p[pos + 6] | p[pos + 7] | p[pos + 8] | p[pos + 9]) & 0x80) == 0) {
        const std::size_t size = (std::size_t{p[pos + 6]} << 21) | (std::size_t{p[pos + 7]} << 14) |
                                 (std::size_t{p[pos + 8]} << 7) | p[pos + 9];
        pos += 10 + size + ((p[pos + 5] & 0x10) != 0 ? 10 : 0);  // flag 0x10: a footer follows
        if (pos >= n) return false;
    }
    const std::size_t padding_end = pos + 64 * 1024;
    while (pos < n && pos < padding_end && p[pos] == 0) ++pos;
    const std::size_t first = pos;
    for (int frame = 0; frame < 3; ++frame) {
        if (n - pos < 4) return false;
        const std::size_t length = layer3_frame_length(p + pos);
        if (length < 4 || p[pos + 1] != p[first + 1] || (p[pos + 2] & 0x0C) != (p[first + 2] & 0x0C)) return false;
        pos += length;
        if (pos > n && frame < 2) return false;
    }
    return true;
}

// ---- zip containers (libzip) ---------------------------------------------------------------------------------

constexpr zip_int64_t kMaxZipMembers = 20000;  // real documents have tens to a few thousand

// Up to cap bytes of member i, or nullopt when it is larger, encrypted or unreadable.
std::optional<std::string> read_member(zip_t* za, zip_uint64_t i, std::size_t cap) {
    zip_file_t* f = zip_fopen_index(za, i, 0);
    if (f == nullptr) return std::nullopt;
    std::string out;
    char buf[8192];
    zip_int64_t got;
    while ((got = zip_fread(f, buf, sizeof buf)) > 0) {
        out.append(buf, static_cast<std::size_t>(got));
        if (out.size() > cap) break;
    }
    zip_fclose(f);
    if (got < 0 || out.size() > cap) return std::nullopt;
    return out;
}

// Classifies a zip by its members, never by libmagic's guess or a name: ODF text/presentation, or an
// OOXML word-processing document/presentation. Macro-carrying and ambiguous archives are refused.
std::optional<Kind> classify_zip_source(zip_source_t* source) {
    zip_error_t error;
    zip_error_init(&error);
    zip_t* za = source != nullptr ? zip_open_from_source(source, ZIP_RDONLY, &error) : nullptr;
    zip_error_fini(&error);
    if (za == nullptr) {
        if (source != nullptr) zip_source_free(source);
        return std::nullopt;
    }
    const std::unique_ptr<zip_t, void (*)(zip_t*)> archive(za, zip_discard);  // also frees the source

    const zip_int64_t count = zip_get_num_entries(za, 0);
    if (count <= 0 || count > kMaxZipMembers) return std::nullopt;
    std::optional<zip_uint64_t> content_types, mimetype;
    bool content_xml = false, word = false, ppt = false;
    for (zip_int64_t i = 0; i < count; ++i) {
        const char* raw = zip_get_name(za, static_cast<zip_uint64_t>(i), ZIP_FL_ENC_RAW);
        if (raw == nullptr) return std::nullopt;
        const std::string name = ascii_lower(raw);  // OPC part names are case-insensitive
        if (name == "[content_types].xml") content_types = i;
        else if (name == "mimetype") mimetype = i;
        else if (name == "content.xml") content_xml = true;
        else if (starts_with(name, "word/")) word = true;
        else if (starts_with(name, "ppt/")) ppt = true;
        // VBA projects (docm/pptm renamed) and LibreOffice Basic or script macros.
        if (ends_with(name, "vbaproject.bin") || starts_with(name, "basic/") || starts_with(name, "scripts/"))
            return std::nullopt;
    }

    std::optional<Kind> odf, ooxml;
    if (mimetype && content_xml) {
        const auto text = read_member(za, *mimetype, 128);
        if (text == "application/vnd.oasis.opendocument.text") odf = Kind::Odt;
        else if (text == "application/vnd.oasis.opendocument.presentation") odf = Kind::Odp;
    }
    if (content_types) {
        // Every OPC package declares its main part's content type here; that, not the folder names
        // alone, says what the document is. "macroEnabled" types (docm, pptm) are refused.
        const auto xml = read_member(za, *content_types, 4 << 20);
        if (!xml) return std::nullopt;
        const std::string types = ascii_lower(*xml);
        if (types.find("macroenabled") != std::string::npos) return std::nullopt;
        const bool docx = word && types.find("wordprocessingml.document.main+xml") != std::string::npos;
        const bool pptx = ppt && types.find("presentationml.presentation.main+xml") != std::string::npos;
        if (docx != pptx) ooxml = docx ? Kind::Docx : Kind::Pptx;
    }
    if (odf.has_value() == ooxml.has_value()) return std::nullopt;  // neither, or a confusing mix of both
    return odf ? odf : ooxml;
}

std::optional<Kind> classify_zip(std::string_view bytes) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    zip_error_fini(&error);
    return classify_zip_source(source);
}

std::optional<Kind> classify_zip_file(const std::filesystem::path& path) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_file_create(path.c_str(), 0, -1, &error);
    zip_error_fini(&error);
    return classify_zip_source(source);
}

// The decision from the first bytes (what libmagic reads) and, for zips, the whole container.
std::optional<FileKind> sniff(std::string_view bytes, const std::function<std::optional<Kind>()>& zip_members) {
    if (bytes.empty()) return std::nullopt;
    const std::optional<std::string> detected = thread_magic().mime(bytes);
    if (!detected) return std::nullopt;
    const std::string& mime = *detected;

    if (mime == "application/pdf") return pdf_header_ok(bytes) ? std::optional(make(Kind::Pdf)) : std::nullopt;
    if (mime == "image/png") return make(Kind::Png);
    if (mime == "image/jpeg") return make(Kind::Jpeg);
    if (mime == "audio/mpeg") return make(Kind::Mp3);
    if (mime == "video/mp4") return make(Kind::Mp4);
    if (mime == "video/webm") return make(Kind::Webm);
    // libmagic 5.44 says audio/ogg for Vorbis, Opus, FLAC and Speex and video/ogg for Theora; other versions
    // and databases use application/ogg or audio/x-vorbis+ogg. The first stream decides, not the label.
    if (mime == "audio/ogg" || mime == "application/ogg" || mime == "audio/x-vorbis+ogg" || mime == "audio/vorbis" ||
        mime == "audio/opus" || mime == "audio/x-opus+ogg")
        return ogg_audio(bytes) ? std::optional(make(Kind::Ogg)) : std::nullopt;

    const bool zip_magic = starts_with(bytes, std::string_view("PK\x03\x04", 4));
    if (zip_magic && (mime == "application/zip" || mime == "application/octet-stream" || mime == info_of(Kind::Odt).mime ||
                      mime == info_of(Kind::Odp).mime || mime == info_of(Kind::Docx).mime ||
                      mime == info_of(Kind::Pptx).mime)) {
        // libmagic's zip verdicts come from the first members only; the members decide.
        if (const auto kind = zip_members()) return make(*kind);
        return std::nullopt;
    }
    if (mime == "application/octet-stream" && mp3_frames(bytes)) return make(Kind::Mp3);
    return std::nullopt;
}

}  // namespace

std::optional<FileKind> sniff_allowed(std::string_view bytes) {
    return sniff(bytes, [&] { return classify_zip(bytes); });
}

std::optional<FileKind> sniff_allowed_file(const std::filesystem::path& path) {
    // libmagic reads at most its bytes_max (1 MiB) of a buffer: the same prefix decides here, and
    // only a zip's members are read from the rest of the file.
    std::string prefix(kSniffPrefixBytes, '\0');
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return std::nullopt;
    std::size_t got = 0;
    while (got < prefix.size()) {
        const ssize_t n = ::read(fd, prefix.data() + got, prefix.size() - got);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        got += static_cast<std::size_t>(n);
    }
    ::close(fd);
    prefix.resize(got);
    return sniff(prefix, [&] { return classify_zip_file(path); });
}

std::string allowed_kinds_label() {
    std::string out;
    for (const auto& info : kKinds) {
        if (!out.empty()) out += ", ";
        out += info.short_name;
    }
    return out;
}

}  // namespace avenir::files
