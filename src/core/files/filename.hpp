#pragma once
// File names that came from a client, made safe to show, store and send back in a header.
// The name is only a label: blobs are stored under their hash (blob_store.hpp), so nothing here has to
// protect the file system; it protects the people who download the file (spoofed extensions, bidi
// tricks, names Windows cannot save) and the header it travels in.
#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>

namespace avenir::files {

// The longest name sanitize_filename() returns, in bytes (UTF-8), extension included.
inline constexpr std::size_t kMaxFilenameBytes = 120;

// A display/download name for an upload:
// - the base name only ("C:\\Users\\x\\cv.pdf" and "../../cv.pdf" give "cv.pdf");
// - control characters, bidi embeddings/overrides/isolates (U+202A-U+202E, U+2066-U+2069), U+FEFF and
//   the characters Windows forbids (<>:"/\|?*) are removed; invalid UTF-8 bytes become '_';
// - runs of (Unicode) white space become one space; dots and spaces are trimmed from both ends;
// - letters of every script are kept ("تقرير المشروع.pdf", "Résumé été.pdf");
// - the last extension is replaced by `extension`, the sniffed one without its dot ("photo.php" as PNG
//   gives "photo.png"; "report.exe.pdf" as PDF stays); an empty `extension` keeps the name's own;
// - at most kMaxFilenameBytes, never cutting a UTF-8 sequence; never empty ("file.pdf"); never a
//   reserved Windows device name (CON, PRN, AUX, NUL, COM0-9, LPT0-9; "con.pdf" gives "con_.pdf").
std::string sanitize_filename(std::string_view client_name, std::string_view extension);

// A disposition value that is neither "attachment" nor "inline" (a programming error).
class DispositionError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// A Content-Disposition value (RFC 6266): `attachment; filename="r_sum_.pdf"; filename*=UTF-8''r%C3%A9sum%C3%A9.pdf`.
// filename is an ASCII fallback for old clients (other characters become '_', '"' and '\' are escaped,
// '%' becomes '_' as RFC 6266 appendix D advises); filename* carries the UTF-8 name (RFC 8187).
// Control characters and invalid UTF-8 become '_' in both. An empty filename gives the disposition
// alone. Throws DispositionError for a disposition other than attachment/inline (any case).
std::string content_disposition(std::string_view disposition, std::string_view filename);

}  // namespace avenir::files
