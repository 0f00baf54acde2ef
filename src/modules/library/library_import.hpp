#pragma once
// Bulk import of library resources from JSON Lines (`avenir library import FILE.jsonl`): one JSON
// object per line, each becoming one Resource with one language version.
//
//   {"title": "...", "lang": "fr", "regions": ["africa-mena"], "themes": ["data-ai", 4], "type": "guide",
//    "date": "2023-05", "summary": "...", "body": "Markdown", "publisher": "...", "url": "https://..."}
//
// Required: title, lang (en, fr, es, ar), regions (an array or a single string; "global" for all), date
// (YYYY-MM-DD, YYYY-MM or YYYY, completed to the first day). Optional: summary, body, transcript, publisher,
// licence, url (strings), type (kTypes key, default "publication"), themes (keys or numbers 1..7, an array or
// a single value), audiences (an array or a single string), key (boolean), duration (seconds, whole number).
// A null value counts as absent. Any other field is an error, so a typo ("titel") is caught, not dropped.
#include <cstddef>
#include <istream>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "modules/library/library_types.hpp"

namespace avenir::library {

struct ImportError {
    std::size_t line = 0;  // 1-based
    std::string message;   // what to fix, field first: `regions: "asia" is not a region (...)`
};
// "line 7: regions: ..." as shown to the person importing.
std::string to_string(const ImportError& e);

struct ImportBatch {
    std::vector<Resource> resources;
    std::vector<std::size_t> lines;  // source line of each resource (1-based)
    std::vector<ImportError> errors;
    std::size_t lines_read = 0;  // including blank and bad lines
};

// Lines longer than this (bytes, without the line break) are refused; they are skipped without being held.
inline constexpr std::size_t kMaxImportLineBytes = std::size_t{1} << 20;

// Parses a JSONL stream. Never throws for bad content: every bad line becomes an ImportError and good
// lines are returned even when others are bad. Blank lines are skipped; a UTF-8 byte order mark on line 1
// and CRLF line ends are accepted; invalid UTF-8 is an error for its line.
ImportBatch parse_jsonl(std::istream& in);

// One line (without its line break): the validated resource, or the error message (without "line N: ").
std::variant<Resource, std::string> parse_import_line(std::string_view line);

}  // namespace avenir::library
