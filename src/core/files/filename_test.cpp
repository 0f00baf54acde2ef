#include "core/files/filename.hpp"

#include <gtest/gtest.h>

#include <string>

using avenir::files::content_disposition;
using avenir::files::DispositionError;
using avenir::files::kMaxFilenameBytes;
using avenir::files::sanitize_filename;

namespace {

bool valid_utf8(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        const auto b = static_cast<unsigned char>(s[i]);
        const std::size_t len = b < 0x80 ? 1 : (b & 0xE0) == 0xC0 ? 2 : (b & 0xF0) == 0xE0 ? 3 : (b & 0xF8) == 0xF0 ? 4 : 0;
        if (len == 0 || s.size() - i < len) return false;
        for (std::size_t k = 1; k < len; ++k)
            if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
        i += len;
    }
    return true;
}

std::string repeat(std::string_view s, int n) {
    std::string out;
    for (int i = 0; i < n; ++i) out += s;
    return out;
}

// Decodes the filename*=UTF-8''... part of a header value.
std::string ext_value(const std::string& header) {
    const std::string marker = "filename*=UTF-8''";
    const std::size_t at = header.find(marker);
    if (at == std::string::npos) return "<missing>";
    std::string out;
    for (std::size_t i = at + marker.size(); i < header.size(); ++i) {
        if (header[i] == '%' && i + 2 < header.size()) {
            out += static_cast<char>(std::stoi(header.substr(i + 1, 2), nullptr, 16));
            i += 2;
        } else {
            out += header[i];
        }
    }
    return out;
}

}  // namespace

TEST(SanitizeFilename, KeepsTheBaseNameOnly) {
    EXPECT_EQ(sanitize_filename("../../etc/passwd", "pdf"), "passwd.pdf");
    EXPECT_EQ(sanitize_filename("C:\\Users\\amira\\Desktop\\cv.pdf", "pdf"), "cv.pdf");
    EXPECT_EQ(sanitize_filename("..\\..\\boot.ini", "pdf"), "boot.pdf");
    EXPECT_EQ(sanitize_filename("/", "pdf"), "file.pdf");
    EXPECT_EQ(sanitize_filename("docs/", "pdf"), "file.pdf");
}

TEST(SanitizeFilename, ReplacesTheExtensionByTheSniffedOne) {
    EXPECT_EQ(sanitize_filename("photo.php", "png"), "photo.png");
    EXPECT_EQ(sanitize_filename("report.exe.pdf", "pdf"), "report.exe.pdf");
    EXPECT_EQ(sanitize_filename("PHOTO.JPEG", "jpg"), "PHOTO.jpg");
    EXPECT_EQ(sanitize_filename("cours", "odt"), "cours.odt");
    EXPECT_EQ(sanitize_filename("song.mp3 ", "ogg"), "song.ogg");
    // Dots that do not start an extension stay.
    EXPECT_EQ(sanitize_filename("version 1.5", "pdf"), "version 1.5.pdf");
    EXPECT_EQ(sanitize_filename("Dr. Smith notes", "pdf"), "Dr. Smith notes.pdf");
    // No sniffed extension: the name keeps its own.
    EXPECT_EQ(sanitize_filename("notes.txt", ""), "notes.txt");
    EXPECT_EQ(sanitize_filename("", ""), "file");
}

TEST(SanitizeFilename, RemovesBidiTricksAndControls) {
    // Shown as "invoice_exe.pdf"-like text in a file manager, really an .exe name.
    EXPECT_EQ(sanitize_filename("invoice\u202Efdp.exe", "pdf"), "invoicefdp.pdf");
    EXPECT_EQ(sanitize_filename("\u2066evil\u2069 \u202Bname\u202C.png", "png"), "evil name.png");
    EXPECT_EQ(sanitize_filename("\xEF\xBB\xBFnotes.pdf", "pdf"), "notes.pdf");  // BOM
    EXPECT_EQ(sanitize_filename(std::string("a\x01" "b\x7f" "c\0d.pdf", 11), "pdf"), "abcd.pdf");
    EXPECT_EQ(sanitize_filename("line\r\nbreak\tand tab.pdf", "pdf"), "line break and tab.pdf");
    EXPECT_EQ(sanitize_filename("c1\xC2\x85" "control.pdf", "pdf"), "c1 control.pdf");  // U+0085 NEL is space
    EXPECT_EQ(sanitize_filename("c1\xC2\x9B" "csi.pdf", "pdf"), "c1csi.pdf");           // U+009B CSI
    EXPECT_EQ(sanitize_filename("\u202E", "pdf"), "file.pdf");
}

TEST(SanitizeFilename, DropsWindowsForbiddenCharactersAndTidiesSpacesAndDots) {
    EXPECT_EQ(sanitize_filename("a<b>c:d\"e|f?g*h.pdf", "pdf"), "abcdefgh.pdf");
    EXPECT_EQ(sanitize_filename("Q&A: part 1.pdf", "pdf"), "Q&A part 1.pdf");
    EXPECT_EQ(sanitize_filename("  my    file  .pdf", "pdf"), "my file.pdf");
    EXPECT_EQ(sanitize_filename("wide\u3000space\u00A0and\u2009thin.pdf", "pdf"), "wide space and thin.pdf");
    EXPECT_EQ(sanitize_filename(".htaccess", "png"), "htaccess.png");
    EXPECT_EQ(sanitize_filename("...hidden", "pdf"), "hidden.pdf");
    EXPECT_EQ(sanitize_filename("...", "pdf"), "file.pdf");
    EXPECT_EQ(sanitize_filename("name. . .php", "png"), "name.png");
    EXPECT_EQ(sanitize_filename("", "pdf"), "file.pdf");
}

TEST(SanitizeFilename, KeepsLettersOfEveryScript) {
    EXPECT_EQ(sanitize_filename("تقرير المشروع.pdf", "pdf"), "تقرير المشروع.pdf");
    EXPECT_EQ(sanitize_filename("Résumé – été 2024.docx", "docx"), "Résumé – été 2024.docx");
    EXPECT_EQ(sanitize_filename("Ça coûte cher, n'est-ce pas ?.odt", "odt"), "Ça coûte cher, n'est-ce pas.odt");
    EXPECT_EQ(sanitize_filename("会议记录.pptx", "pptx"), "会议记录.pptx");
    EXPECT_EQ(sanitize_filename("Jalada 🎵.mp3", "mp3"), "Jalada 🎵.mp3");
    // Zero-width (non-)joiners are part of Persian and Indic spelling and stay.
    EXPECT_EQ(sanitize_filename("می\u200Cخواهم.pdf", "pdf"), "می\u200Cخواهم.pdf");
}

TEST(SanitizeFilename, InvalidUtf8BecomesUnderscore) {
    EXPECT_EQ(sanitize_filename("r\xe9sum\xe9.pdf", "pdf"), "r_sum_.pdf");               // Latin-1
    EXPECT_EQ(sanitize_filename("over\xc0\xaflong.pdf", "pdf"), "over__long.pdf");       // overlong '/'
    EXPECT_EQ(sanitize_filename("sur\xed\xa0\x80rogate.pdf", "pdf"), "sur___rogate.pdf");  // U+D800
    EXPECT_TRUE(valid_utf8(sanitize_filename("\xf0\x9f\x8e", "pdf")));
}

TEST(SanitizeFilename, LongNamesAreCutOnACodePointBoundary) {
    const std::string two = sanitize_filename("a" + repeat("é", 200) + ".pdf", "pdf");  // 2-byte letters, odd offset
    EXPECT_LE(two.size(), kMaxFilenameBytes);
    EXPECT_TRUE(valid_utf8(two));
    EXPECT_EQ(two, "a" + repeat("é", 57) + ".pdf");  // 116 bytes allowed for the stem; 1 + 57*2 = 115
    const std::string three = sanitize_filename(repeat("語", 100), "docx");
    EXPECT_TRUE(valid_utf8(three));
    EXPECT_EQ(three, repeat("語", 38) + ".docx");  // 115 bytes for the stem; 38*3 = 114
    const std::string arabic = sanitize_filename(repeat("تقرير ", 40) + ".pdf", "pdf");
    EXPECT_TRUE(valid_utf8(arabic));
    EXPECT_LE(arabic.size(), kMaxFilenameBytes);
    EXPECT_TRUE(arabic.ends_with("ر.pdf") || arabic.ends_with("ي.pdf") || arabic.ends_with("ق.pdf") ||
                arabic.ends_with("ت.pdf"))
        << "no space left before the extension: " << arabic;
    const std::string ascii = sanitize_filename(std::string(300, 'x') + ".pdf", "pdf");
    EXPECT_EQ(ascii.size(), kMaxFilenameBytes);
}

TEST(SanitizeFilename, NeverAReservedWindowsName) {
    EXPECT_EQ(sanitize_filename("CON", "pdf"), "CON_.pdf");
    EXPECT_EQ(sanitize_filename("nul.txt", "pdf"), "nul_.pdf");
    EXPECT_EQ(sanitize_filename("com1.tar.gz", "pdf"), "com1_.tar.pdf");
    EXPECT_EQ(sanitize_filename("Lpt9 .png", "png"), "Lpt9_.png");
    EXPECT_EQ(sanitize_filename("aux", ""), "aux_");
    EXPECT_EQ(sanitize_filename("console.pdf", "pdf"), "console.pdf");
    EXPECT_EQ(sanitize_filename("COM10.pdf", "pdf"), "COM10.pdf");
    EXPECT_EQ(sanitize_filename("prnotes.pdf", "pdf"), "prnotes.pdf");
}

TEST(ContentDisposition, AsciiName) {
    EXPECT_EQ(content_disposition("attachment", "report.pdf"),
              "attachment; filename=\"report.pdf\"; filename*=UTF-8''report.pdf");
    EXPECT_EQ(content_disposition("INLINE", "a b.png"), "inline; filename=\"a b.png\"; filename*=UTF-8''a%20b.png");
}

TEST(ContentDisposition, NonAsciiNameHasAFallbackAndAnEncodedForm) {
    EXPECT_EQ(content_disposition("inline", "Résumé.pdf"),
              "inline; filename=\"R_sum_.pdf\"; filename*=UTF-8''R%C3%A9sum%C3%A9.pdf");
    EXPECT_EQ(content_disposition("attachment", "تقرير.pdf"),
              "attachment; filename=\"_____.pdf\"; filename*=UTF-8''%D8%AA%D9%82%D8%B1%D9%8A%D8%B1.pdf");
    const std::string name = sanitize_filename("Jalada 🎵 « été ».mp3", "mp3");
    EXPECT_EQ(ext_value(content_disposition("attachment", name)), name);
}

TEST(ContentDisposition, EscapesQuotesBackslashesAndPercent) {
    EXPECT_EQ(content_disposition("attachment", "a\"b\\c.pdf"),
              "attachment; filename=\"a\\\"b\\\\c.pdf\"; filename*=UTF-8''a%22b%5Cc.pdf");
    EXPECT_EQ(content_disposition("attachment", "100% done;x=y.pdf"),
              "attachment; filename=\"100_ done;x=y.pdf\"; filename*=UTF-8''100%25%20done%3Bx%3Dy.pdf");
}

TEST(ContentDisposition, NoHeaderInjection) {
    const std::string h = content_disposition("attachment", "a\r\nSet-Cookie: x=1\x01.pdf");
    EXPECT_EQ(h.find('\r'), std::string::npos);
    EXPECT_EQ(h.find('\n'), std::string::npos);
    EXPECT_EQ(h.find('\x01'), std::string::npos);
    EXPECT_EQ(h, "attachment; filename=\"a__Set-Cookie: x=1_.pdf\"; filename*=UTF-8''a__Set-Cookie%3A%20x%3D1_.pdf");
    EXPECT_EQ(content_disposition("attachment", "bad\xff.pdf"),
              "attachment; filename=\"bad_.pdf\"; filename*=UTF-8''bad_.pdf");
}

TEST(ContentDisposition, DispositionIsCheckedAndEmptyNameOmitted) {
    EXPECT_EQ(content_disposition("attachment", ""), "attachment");
    EXPECT_THROW(content_disposition("form-data", "a.pdf"), DispositionError);
    EXPECT_THROW(content_disposition("attachment\r\nX: y", "a.pdf"), DispositionError);
    EXPECT_THROW(content_disposition("", "a.pdf"), DispositionError);
}
