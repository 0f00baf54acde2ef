#include "core/files/sniff.hpp"

#include <gtest/gtest.h>
#include <magic.h>
#include <unistd.h>
#include <zip.h>

#include <atomic>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

// Every sample is built here from its specification (no binary fixtures). Where it matters the test
// also pins what libmagic 5.44 itself says, so a sample cannot silently stop exercising the path it is
// meant for (e.g. the libzip fallback for zips libmagic calls application/zip).

using avenir::files::allowed_kinds_label;
using avenir::files::sniff_allowed;
namespace fs = std::filesystem;

namespace {

// ---- helpers -------------------------------------------------------------------------------------------------

// libmagic's own verdict, to document and pin what the sniffer is working from.
std::string raw_magic(const std::string& bytes) {
    magic_t m = magic_open(MAGIC_MIME_TYPE);
    if (m == nullptr || magic_load(m, nullptr) != 0) {
        if (m != nullptr) magic_close(m);
        return "magic unavailable";
    }
    const char* r = magic_buffer(m, bytes.data(), bytes.size());
    std::string out = r != nullptr ? r : "error";
    magic_close(m);
    return out;
}

std::string mime_of(const std::string& bytes) {
    const auto kind = sniff_allowed(bytes);
    return kind ? kind->mime : "rejected";
}

std::string be32(std::uint32_t v) {
    return {static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8), static_cast<char>(v)};
}
std::string le32(std::uint32_t v) {
    return {static_cast<char>(v), static_cast<char>(v >> 8), static_cast<char>(v >> 16), static_cast<char>(v >> 24)};
}
std::string le16(std::uint16_t v) { return {static_cast<char>(v), static_cast<char>(v >> 8)}; }

std::uint32_t crc32_png(std::string_view data) {  // reflected CRC-32 (PNG, zip)
    std::uint32_t c = 0xFFFFFFFFu;
    for (const unsigned char b : data) {
        c ^= b;
        for (int k = 0; k < 8; ++k) c = (c & 1) ? (c >> 1) ^ 0xEDB88320u : c >> 1;
    }
    return c ^ 0xFFFFFFFFu;
}

std::uint32_t crc32_ogg(std::string_view data) {  // non-reflected, polynomial 0x04C11DB7, no final xor
    std::uint32_t c = 0;
    for (const unsigned char b : data) {
        c ^= std::uint32_t{b} << 24;
        for (int k = 0; k < 8; ++k) c = (c & 0x80000000u) ? (c << 1) ^ 0x04C11DB7u : c << 1;
    }
    return c;
}

std::string random_bytes(std::size_t n, unsigned seed) {
    std::mt19937 gen(seed);
    std::string out(n, '\0');
    for (char& c : out) c = static_cast<char>(gen() & 0xFF);
    return out;
}

struct Member {
    std::string name;
    std::string data;
    bool store = false;  // uncompressed (ODF's "mimetype" must be)
};

// A real zip archive written by libzip.
std::string make_zip(const std::vector<Member>& members) {
    const fs::path path = fs::temp_directory_path() /
                          ("avenir-sniff-" + std::to_string(::getpid()) + "-" + std::to_string(std::random_device{}()) + ".zip");
    int error = 0;
    zip_t* za = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
    if (za == nullptr) throw std::runtime_error("zip_open failed");
    for (const auto& m : members) {
        zip_source_t* src = zip_source_buffer(za, m.data.data(), m.data.size(), 0);
        const zip_int64_t index = zip_file_add(za, m.name.c_str(), src, ZIP_FL_ENC_UTF_8);
        if (index < 0) throw std::runtime_error("zip_file_add failed");
        zip_set_file_compression(za, static_cast<zip_uint64_t>(index), m.store ? ZIP_CM_STORE : ZIP_CM_DEFLATE, 0);
    }
    if (zip_close(za) != 0) throw std::runtime_error("zip_close failed");
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    fs::remove(path);
    return ss.str();
}

std::string content_types(std::string_view main_part, std::string_view main_type) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
           "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
           "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
           "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
           "<Override PartName=\"/" + std::string(main_part) + "\" ContentType=\"" + std::string(main_type) + "\"/>"
           "<Override PartName=\"/docProps/core.xml\" "
           "ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/></Types>";
}

const std::string kRels =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
    "officeDocument\" Target=\"MAIN\"/></Relationships>";
constexpr const char* kDocxMain = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
constexpr const char* kPptxMain = "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml";

std::string docx() {
    return make_zip({{"[Content_Types].xml", content_types("word/document.xml", kDocxMain)},
                     {"_rels/.rels", kRels},
                     {"docProps/core.xml", "<cp:coreProperties/>"},
                     {"word/document.xml",
                      "<w:document><w:body><w:p><w:r><w:t>Bonjour</w:t></w:r></w:p></w:body></w:document>"}});
}

std::string pptx() {
    return make_zip({{"[Content_Types].xml", content_types("ppt/presentation.xml", kPptxMain)},
                     {"_rels/.rels", kRels},
                     {"docProps/core.xml", "<cp:coreProperties/>"},
                     {"ppt/presentation.xml", "<p:presentation/>"},
                     {"ppt/slides/slide1.xml", "<p:sld/>"}});
}

std::string odf(std::string_view mimetype) {
    return make_zip({{"mimetype", std::string(mimetype), true},
                     {"content.xml", "<office:document-content/>"},
                     {"styles.xml", "<office:document-styles/>"},
                     {"meta.xml", "<office:document-meta/>"},
                     {"META-INF/manifest.xml", "<manifest:manifest/>"}});
}

std::string png() {
    const auto chunk = [](std::string_view type, const std::string& data) {
        const std::string body = std::string(type) + data;
        return be32(static_cast<std::uint32_t>(data.size())) + body + be32(crc32_png(body));
    };
    const std::string ihdr = be32(1) + be32(1) + std::string("\x08\x00\x00\x00\x00", 5);  // 1x1, 8-bit grey
    // zlib stream with one stored block holding the scanline {filter 0, pixel 0}; Adler-32 = 0x00020001.
    const std::string idat("\x78\x01\x01\x02\x00\xfd\xff\x00\x00\x00\x02\x00\x01", 13);
    return std::string("\x89PNG\r\n\x1a\n", 8) + chunk("IHDR", ihdr) + chunk("IDAT", idat) + chunk("IEND", "");
}

std::string jpeg() {
    // SOI, APP0 "JFIF" 1.01, a quantisation table segment, EOI.
    return std::string("\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00", 20) +
           std::string("\xff\xdb\x00\x43\x00", 5) + std::string(64, '\x01') + std::string("\xff\xd9", 2);
}

// MPEG-1 Layer III, 128 kbit/s, 44.1 kHz, no CRC: 417-byte frames.
std::string mp3_frames(int count) {
    std::string out;
    for (int i = 0; i < count; ++i) out += std::string("\xff\xfb\x90\x64", 4) + random_bytes(413, 7 + i);
    return out;
}

std::string id3v2(std::string_view payload) {
    const auto n = static_cast<std::uint32_t>(payload.size());
    const char size[4] = {static_cast<char>((n >> 21) & 0x7F), static_cast<char>((n >> 14) & 0x7F),
                          static_cast<char>((n >> 7) & 0x7F), static_cast<char>(n & 0x7F)};
    return std::string("ID3\x03\x00\x00", 6) + std::string(size, 4) + std::string(payload);
}

// One beginning-of-stream Ogg page carrying a single packet, with a correct CRC.
std::string ogg_page(const std::string& packet) {
    std::string segments;
    std::size_t n = packet.size();
    for (; n >= 255; n -= 255) segments += '\xff';
    segments += static_cast<char>(n);
    std::string page = std::string("OggS\x00\x02", 6) + std::string(8, '\0') /* granule */ + le32(0x1234) /* serial */ +
                       le32(0) /* sequence */ + le32(0) /* crc */ + static_cast<char>(segments.size()) + segments + packet;
    const std::string crc = le32(crc32_ogg(page));
    page.replace(22, 4, crc);
    return page;
}

std::string vorbis_ogg() {
    // Vorbis identification header: version 0, 2 channels, 44100 Hz, nominal 128 kbit/s, block sizes, framing.
    return ogg_page(std::string("\x01vorbis", 7) + le32(0) + '\x02' + le32(44100) + le32(0) + le32(128000) + le32(0) +
                    std::string("\xb8\x01", 2));
}

std::string opus_ogg() {
    return ogg_page(std::string("OpusHead\x01\x02", 10) + le16(312) + le32(48000) + le16(0) + '\x00');
}

std::string box(std::string_view type, const std::string& data) {
    return be32(static_cast<std::uint32_t>(8 + data.size())) + std::string(type) + data;
}

std::string mp4(std::string_view brand) {
    const std::string ftyp = box("ftyp", std::string(brand) + be32(512) + std::string(brand) + "isomiso2avc1mp41");
    return ftyp + box("moov", box("mvhd", std::string(100, '\0'))) + box("mdat", random_bytes(64, 3));
}

std::string ebml_element(std::string_view id, const std::string& data) {
    return std::string(id) + static_cast<char>(0x80 | data.size()) + data;  // 1-byte size (< 127)
}

std::string matroska(std::string_view doctype) {
    const std::string header = ebml_element("\x42\x86", "\x01") /* EBMLVersion */ + ebml_element("\x42\xf7", "\x01") +
                               ebml_element("\x42\xf2", "\x04") + ebml_element("\x42\xf3", "\x08") +
                               ebml_element("\x42\x82", std::string(doctype)) + ebml_element("\x42\x87", "\x04") +
                               ebml_element("\x42\x85", "\x02");
    // EBML header, then the start of a Segment of unknown size.
    return ebml_element("\x1a\x45\xdf\xa3", header) + std::string("\x18\x53\x80\x67\x01\xff\xff\xff\xff\xff\xff\xff", 12);
}

const std::string kPdf =
    "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"
    "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
    "2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n"
    "3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>\nendobj\n"
    "xref\n0 4\n0000000000 65535 f \n0000000015 00000 n \n0000000064 00000 n \n0000000121 00000 n \n"
    "trailer\n<< /Size 4 /Root 1 0 R >>\nstartxref\n191\n%%EOF\n";

}  // namespace

// ---- accepted -------------------------------------------------------------------------------------------------

TEST(Sniff, Pdf) {
    EXPECT_EQ(raw_magic(kPdf), "application/pdf");
    const auto kind = sniff_allowed(kPdf);
    ASSERT_TRUE(kind);
    EXPECT_EQ(kind->mime, "application/pdf");
    EXPECT_EQ(kind->extension, "pdf");
    EXPECT_EQ(kind->label, "PDF document");
    // Readers tolerate a little junk before the header, so do we, but not markup (a polyglot).
    EXPECT_EQ(mime_of("\r\n" + kPdf), "application/pdf");
}

TEST(Sniff, OpenDocumentTextAndPresentation) {
    const std::string odt = odf("application/vnd.oasis.opendocument.text");
    const std::string odp = odf("application/vnd.oasis.opendocument.presentation");
    EXPECT_EQ(raw_magic(odt), "application/vnd.oasis.opendocument.text");
    EXPECT_EQ(raw_magic(odp), "application/vnd.oasis.opendocument.presentation");
    const auto t = sniff_allowed(odt);
    ASSERT_TRUE(t);
    EXPECT_EQ(t->mime, "application/vnd.oasis.opendocument.text");
    EXPECT_EQ(t->extension, "odt");
    const auto p = sniff_allowed(odp);
    ASSERT_TRUE(p);
    EXPECT_EQ(p->mime, "application/vnd.oasis.opendocument.presentation");
    EXPECT_EQ(p->extension, "odp");
}

TEST(Sniff, OpenDocumentWithCompressedMimetypeFallsBackToLibzip) {
    // Not conformant (mimetype must be stored and first) but common from hand-rolled exporters;
    // libmagic only sees a zip, the member check recognises it.
    const std::string odt = make_zip({{"content.xml", "<office:document-content/>"},
                                      {"mimetype", "application/vnd.oasis.opendocument.text"}});
    EXPECT_EQ(raw_magic(odt), "application/zip");
    EXPECT_EQ(mime_of(odt), "application/vnd.oasis.opendocument.text");
}

TEST(Sniff, WordAndPowerPoint) {
    const std::string d = docx(), p = pptx();
    EXPECT_EQ(raw_magic(d), "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    EXPECT_EQ(raw_magic(p), "application/vnd.openxmlformats-officedocument.presentationml.presentation");
    const auto dk = sniff_allowed(d);
    ASSERT_TRUE(dk);
    EXPECT_EQ(dk->extension, "docx");
    EXPECT_EQ(dk->label, "Word document (DOCX)");
    const auto pk = sniff_allowed(p);
    ASSERT_TRUE(pk);
    EXPECT_EQ(pk->mime, "application/vnd.openxmlformats-officedocument.presentationml.presentation");
    EXPECT_EQ(pk->extension, "pptx");
}

TEST(Sniff, WordDocumentLibmagicCallsZipIsRecognisedByItsMembers) {
    // Large media before [Content_Types].xml and word/: libmagic 5.44 gives up and says application/zip.
    const std::string d = make_zip({{"docProps/app.xml", "<Properties/>"},
                                    {"word/media/image1.png", random_bytes(200000, 1), true},
                                    {"[Content_Types].xml", content_types("word/document.xml", kDocxMain)},
                                    {"_rels/.rels", kRels},
                                    {"word/document.xml", "<w:document/>"}});
    EXPECT_EQ(raw_magic(d), "application/zip") << "the sample no longer exercises the libzip fallback";
    EXPECT_EQ(mime_of(d), "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
}

TEST(Sniff, PngAndJpeg) {
    EXPECT_EQ(raw_magic(png()), "image/png");
    const auto p = sniff_allowed(png());
    ASSERT_TRUE(p);
    EXPECT_EQ(p->mime, "image/png");
    EXPECT_EQ(p->extension, "png");
    EXPECT_EQ(raw_magic(jpeg()), "image/jpeg");
    const auto j = sniff_allowed(jpeg());
    ASSERT_TRUE(j);
    EXPECT_EQ(j->mime, "image/jpeg");
    EXPECT_EQ(j->extension, "jpg");
    // A camera's Exif JPEG.
    // SOI, APP1 (22 bytes: "Exif\0\0", big-endian TIFF header, an empty IFD, no next IFD), EOI.
    static constexpr char kExif[] = "\xff\xd8\xff\xe1\x00\x16" "Exif\x00\x00" "MM\x00\x2a\x00\x00\x00\x08"
                                    "\x00\x00" "\x00\x00\x00\x00" "\xff\xd9";
    const std::string exif(kExif, sizeof kExif - 1);
    EXPECT_EQ(mime_of(exif), "image/jpeg");
}

TEST(Sniff, Mp3WithAndWithoutId3) {
    const std::string tagged = id3v2(std::string(20, '\0')) + mp3_frames(4);
    EXPECT_EQ(raw_magic(tagged), "audio/mpeg");
    const auto k = sniff_allowed(tagged);
    ASSERT_TRUE(k);
    EXPECT_EQ(k->mime, "audio/mpeg");
    EXPECT_EQ(k->extension, "mp3");
    EXPECT_EQ(mime_of(mp3_frames(4)), "audio/mpeg");
}

TEST(Sniff, Mp3AfterZeroPaddingUsesTheFrameCheck) {
    const std::string padded = std::string(300, '\0') + mp3_frames(4);
    EXPECT_EQ(raw_magic(padded), "application/octet-stream") << "the sample no longer exercises the frame check";
    EXPECT_EQ(mime_of(padded), "audio/mpeg");
    // Frames that do not chain (wrong length) are not MP3.
    std::string broken = std::string(300, '\0') + mp3_frames(1) + "garbage" + mp3_frames(2);
    EXPECT_EQ(mime_of(broken), "rejected");
    // An ID3 tag in front of something else is not MP3 either.
    EXPECT_EQ(mime_of(id3v2(std::string(20, '\0')) + "<html><script>alert(1)</script></html>"), "rejected");
}

TEST(Sniff, OggVorbisAndOpus) {
    EXPECT_EQ(raw_magic(vorbis_ogg()), "audio/ogg");
    EXPECT_EQ(raw_magic(opus_ogg()), "audio/ogg");
    const auto v = sniff_allowed(vorbis_ogg());
    ASSERT_TRUE(v);
    EXPECT_EQ(v->mime, "audio/ogg");
    EXPECT_EQ(v->extension, "ogg");
    EXPECT_EQ(mime_of(opus_ogg()), "audio/ogg");
    // Ogg Theora is video (libmagic: video/ogg) and not on the list.
    const std::string theora = ogg_page(std::string("\x80theora\x03\x02\x01", 10) + std::string(40, '\0'));
    EXPECT_EQ(raw_magic(theora), "video/ogg");
    EXPECT_EQ(mime_of(theora), "rejected");
}

TEST(Sniff, Mp4AndWebm) {
    for (const char* brand : {"isom", "mp42"}) {
        const std::string m = mp4(brand);
        EXPECT_EQ(raw_magic(m), "video/mp4") << brand;
        const auto k = sniff_allowed(m);
        ASSERT_TRUE(k) << brand;
        EXPECT_EQ(k->mime, "video/mp4");
        EXPECT_EQ(k->extension, "mp4");
    }
    const std::string w = matroska("webm");
    EXPECT_EQ(raw_magic(w), "video/webm");
    const auto k = sniff_allowed(w);
    ASSERT_TRUE(k);
    EXPECT_EQ(k->mime, "video/webm");
    EXPECT_EQ(k->extension, "webm");
    EXPECT_EQ(k->label, "WebM video");
}

// ---- refused --------------------------------------------------------------------------------------------------

TEST(Sniff, RejectsMarkupAndPolyglots) {
    const std::string html = "<!DOCTYPE html>\n<html><head><title>Invoice</title></head>"
                             "<body><script>fetch('/account')</script></body></html>\n";
    EXPECT_EQ(raw_magic(html), "text/html");
    EXPECT_FALSE(sniff_allowed(html)) << "HTML named invoice.pdf is still HTML";
    const std::string svg = "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" "
                            "height=\"10\"><script>alert(1)</script></svg>\n";
    EXPECT_EQ(raw_magic(svg), "image/svg+xml");
    EXPECT_FALSE(sniff_allowed(svg));
    // libmagic calls this a PDF (it searches for the header), but a browser would render the HTML.
    const std::string polyglot = "<html><body><script>alert(1)</script>" + kPdf;
    EXPECT_EQ(raw_magic(polyglot), "application/pdf");
    EXPECT_FALSE(sniff_allowed(polyglot));
    EXPECT_FALSE(sniff_allowed(std::string(2000, ' ') + kPdf)) << "header past the first 1024 bytes";
}

TEST(Sniff, RejectsExecutablesScriptsTextAndEmpty) {
    std::ifstream in("/bin/true", std::ios::binary);
    std::stringstream elf;
    elf << in.rdbuf();
    ASSERT_GT(elf.str().size(), 4u);
    ASSERT_EQ(elf.str().substr(0, 4), "\x7f" "ELF");
    EXPECT_FALSE(sniff_allowed(elf.str()));
    EXPECT_EQ(raw_magic("#!/bin/sh\nrm -rf ~\n"), "text/x-shellscript");
    EXPECT_FALSE(sniff_allowed("#!/bin/sh\nrm -rf ~\n"));
    EXPECT_FALSE(sniff_allowed("<?php system($_GET['c']); ?>\n"));
    EXPECT_FALSE(sniff_allowed("Just some notes.\n"));
    EXPECT_FALSE(sniff_allowed(""));
    EXPECT_FALSE(sniff_allowed(std::string_view("\xff\xd8\xff", 3))) << "a JPEG marker alone";
    EXPECT_FALSE(sniff_allowed("GIF89a\x01\x00\x01\x00\x00\x00\x00;")) << "GIF is not on the list";
}

TEST(Sniff, RejectsOtherZips) {
    const std::string plain = make_zip({{"notes.txt", "hello"}, {"run.sh", "#!/bin/sh\n"}});
    EXPECT_EQ(raw_magic(plain), "application/zip");
    EXPECT_FALSE(sniff_allowed(plain));
    EXPECT_FALSE(sniff_allowed(make_zip({{"META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n"}, {"A.class", "\xca\xfe"}})));
    EXPECT_FALSE(sniff_allowed(odf("application/vnd.oasis.opendocument.spreadsheet")));
    EXPECT_FALSE(sniff_allowed(odf("application/epub+zip")));
    // A spreadsheet (xlsx) is OOXML but not on the list.
    EXPECT_FALSE(sniff_allowed(make_zip(
        {{"[Content_Types].xml",
          content_types("xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml")},
         {"_rels/.rels", kRels},
         {"xl/workbook.xml", "<workbook/>"}})));
    // Folder names without the declared main part type are not enough.
    EXPECT_FALSE(sniff_allowed(make_zip({{"[Content_Types].xml", "<Types/>"}, {"word/document.xml", "<w:document/>"}})));
    // A truncated zip.
    const std::string d = docx();
    EXPECT_FALSE(sniff_allowed(d.substr(0, d.size() / 2)));
}

TEST(Sniff, RejectsMacroDocuments) {
    const std::string docm_type = "application/vnd.ms-word.document.macroEnabled.main+xml";
    const std::string docm =
        make_zip({{"[Content_Types].xml", content_types("word/document.xml", docm_type)},
                  {"_rels/.rels", kRels},
                  {"word/document.xml", "<w:document/>"},
                  {"word/vbaProject.bin", random_bytes(512, 9)}});
    EXPECT_FALSE(sniff_allowed(docm));
    // A docx carrying a VBA project anyway.
    EXPECT_FALSE(sniff_allowed(make_zip({{"[Content_Types].xml", content_types("word/document.xml", kDocxMain)},
                                         {"word/document.xml", "<w:document/>"},
                                         {"word/vbaProject.bin", random_bytes(512, 9)}})));
    // An ODT with a LibreOffice Basic library.
    EXPECT_FALSE(sniff_allowed(make_zip({{"mimetype", "application/vnd.oasis.opendocument.text", true},
                                         {"content.xml", "<office:document-content/>"},
                                         {"Basic/Standard/Module1.xml", "<script:module/>"}})));
}

TEST(Sniff, RejectsMediaNotOnTheList) {
    EXPECT_FALSE(sniff_allowed(mp4("qt  "))) << "QuickTime";
    EXPECT_FALSE(sniff_allowed(mp4("M4A "))) << "AAC audio in MP4";
    EXPECT_FALSE(sniff_allowed(matroska("matroska")));
}

TEST(Sniff, ThreadsEachGetAWorkingHandle) {
    std::vector<std::thread> threads;
    std::atomic<int> ok{0};
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([&] {
            for (int i = 0; i < 25; ++i)
                if (mime_of(png()) == "image/png" && mime_of(kPdf) == "application/pdf") ++ok;
        });
    for (auto& t : threads) t.join();
    EXPECT_EQ(ok.load(), 100);
}

TEST(Sniff, AllowedKindsLabel) {
    EXPECT_EQ(allowed_kinds_label(), "PDF, ODT, DOCX, ODP, PPTX, PNG, JPEG, MP3, OGG, MP4, WebM");
}

// ---- optional: files made by real tools, when this machine has them ------------------------------------------

namespace {

bool have(const char* tool) { return std::system(("command -v " + std::string(tool) + " >/dev/null 2>&1").c_str()) == 0; }

std::string read_file(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

struct ToolDir {
    fs::path dir = fs::temp_directory_path() /
                   ("avenir-sniff-tools-" + std::to_string(::getpid()) + "-" + std::to_string(std::random_device{}()));
    ToolDir() { fs::create_directories(dir); }
    ~ToolDir() {
        std::error_code ec;
        fs::remove_all(dir, ec);
    }
};

// Runs a generator; returns the output's bytes, or empty when the tool lacks that encoder (not a failure).
std::string generate(const std::string& command, const fs::path& out) {
    if (std::system((command + " >/dev/null 2>&1").c_str()) != 0 || !fs::exists(out)) return {};
    return read_file(out);
}

}  // namespace

TEST(SniffRealFiles, Ffmpeg) {
    if (!have("ffmpeg")) GTEST_SKIP() << "ffmpeg not installed";
    ToolDir tmp;
    const std::string ff = "ffmpeg -nostdin -loglevel error -y ";
    const std::string tone = "-f lavfi -i sine=frequency=440:duration=0.5 ";
    const std::string picture = "-f lavfi -i testsrc=duration=0.5:size=64x64:rate=10 ";
    const std::vector<std::pair<std::string, std::string>> cases = {
        {ff + tone + "-c:a libmp3lame ", "mp3|audio/mpeg"},      {ff + tone + "-c:a libvorbis ", "ogg|audio/ogg"},
        {ff + tone + "-c:a libopus ", "opus|audio/ogg"},          {ff + picture + "-pix_fmt yuv420p ", "mp4|video/mp4"},
        {ff + picture + "-c:v libvpx -an ", "webm|video/webm"},  {ff + picture + "-frames:v 1 ", "png|image/png"},
        {ff + picture + "-frames:v 1 ", "jpg|image/jpeg"},
    };
    int made = 0;
    for (const auto& [command, expect] : cases) {
        const std::string ext = expect.substr(0, expect.find('|')), mime = expect.substr(expect.find('|') + 1);
        const fs::path out = tmp.dir / ("sample." + ext);
        const std::string bytes = generate(command + out.string(), out);
        if (bytes.empty()) continue;
        ++made;
        EXPECT_EQ(mime_of(bytes), mime) << ext << " from ffmpeg; libmagic said " << raw_magic(bytes);
    }
    if (made == 0) GTEST_SKIP() << "ffmpeg could not encode any sample";
}

TEST(SniffRealFiles, Sox) {
    if (!have("sox")) GTEST_SKIP() << "sox not installed";
    ToolDir tmp;
    int made = 0;
    for (const auto& [ext, mime] : {std::pair{"ogg", "audio/ogg"}, std::pair{"mp3", "audio/mpeg"}}) {
        const fs::path out = tmp.dir / (std::string("tone.") + ext);
        const std::string bytes = generate("sox -n " + out.string() + " synth 0.5 sine 440", out);
        if (bytes.empty()) continue;  // sox built without that format
        ++made;
        EXPECT_EQ(mime_of(bytes), mime) << ext << " from sox; libmagic said " << raw_magic(bytes);
    }
    if (made == 0) GTEST_SKIP() << "sox could not write any sample";
}

TEST(SniffRealFiles, LibreOffice) {
    const char* office = have("libreoffice") ? "libreoffice" : have("soffice") ? "soffice" : nullptr;
    if (office == nullptr) GTEST_SKIP() << "LibreOffice not installed";
    ToolDir tmp;
    const fs::path text = tmp.dir / "lettre.txt";
    std::ofstream(text) << "Bonjour, ceci est un essai.\n";
    // A private profile so a running LibreOffice (or a locked default profile) does not interfere.
    const std::string base = "timeout 180 " + std::string(office) + " -env:UserInstallation=file://" +
                             (tmp.dir / "profile").string() + " --headless --norestore --convert-to ";
    int made = 0;
    for (const auto& [ext, mime] :
         {std::pair{"odt", "application/vnd.oasis.opendocument.text"},
          std::pair{"docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
          std::pair{"pdf", "application/pdf"}}) {
        const fs::path out = tmp.dir / (std::string("lettre.") + ext);
        const std::string bytes = generate(base + ext + " --outdir " + tmp.dir.string() + " " + text.string(), out);
        if (bytes.empty()) continue;
        ++made;
        EXPECT_EQ(mime_of(bytes), mime) << ext << " from LibreOffice; libmagic said " << raw_magic(bytes);
    }
    if (made == 0) GTEST_SKIP() << "LibreOffice could not convert";
}
