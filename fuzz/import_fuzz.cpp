// libFuzzer target for the library's JSON Lines import (`avenir library import FILE.jsonl`): the
// fuzzer's bytes are the file, read by parse_jsonl() exactly as the command reads it (line reader,
// BOM, CRLF, UTF-8 check, JSON parsing, field checks, validate()). No database is involved: the
// import parses and validates the whole file before it stores anything. Built by `make fuzz`.
//
// Beyond sanitizer findings it checks what the command and the people importing rely on:
// - parse_jsonl never throws, and accounts for every line (one resource or one error per
//   non-blank line, in order, numbered from 1);
// - every resource it returns passes validate() unchanged (the store does not check again);
// - an error message holds no control character and no invalid UTF-8 (it goes to a terminal);
// - each line gives the same answer through parse_import_line() (the one-line entry point).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstdio>
#include <sstream>
#include <string>
#include <string_view>
#include <variant>

#include "core/text/utf8.hpp"
#include "modules/library/library_import.hpp"

using namespace avenir::library;

namespace {

[[noreturn]] void fail(const char* what, std::string_view detail = {}) {
    std::fprintf(stderr, "import_fuzz: %s: %.*s\n", what, static_cast<int>(detail.size()), detail.data());
    std::abort();
}

void check_message(std::string_view m) {
    if (m.empty()) fail("empty error message");
    for (const char c : m)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) fail("control character in an error message", m);
    if (!avenir::utf8::valid(m)) fail("invalid UTF-8 in an error message", m);
}

bool same(const Resource& a, const Resource& b) {
    if (a.ref != b.ref || a.type != b.type || a.regions != b.regions || a.themes != b.themes || a.audiences != b.audiences ||
        a.date != b.date || a.publisher != b.publisher || a.licence != b.licence || a.key_publication != b.key_publication ||
        a.url != b.url || a.duration_seconds != b.duration_seconds || a.versions.size() != b.versions.size())
        return false;
    for (std::size_t i = 0; i < a.versions.size(); ++i) {
        const Version &x = a.versions[i], &y = b.versions[i];
        if (x.lang != y.lang || x.title != y.title || x.summary != y.summary || x.body_md != y.body_md ||
            x.transcript != y.transcript || x.url != y.url)
            return false;
    }
    return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    std::istringstream in(text);
    const ImportBatch batch = parse_jsonl(in);

    if (batch.resources.size() != batch.lines.size()) fail("one source line per resource");
    for (const auto& r : batch.resources) {
        Resource copy = r;
        if (!validate(copy).empty()) fail("an imported resource fails validate()", r.versions.at(0).title);
        if (r.versions.size() != 1) fail("one version per imported line");
    }
    for (const auto& e : batch.errors) check_message(e.message);

    // The same file split by hand: each line's answer, through the one-line entry point.
    std::size_t resource_i = 0, error_i = 0, line_no = 0;
    std::string_view rest = text;
    while (!rest.empty()) {
        const std::size_t nl = rest.find('\n');
        std::string_view line = rest.substr(0, nl);
        rest = nl == std::string_view::npos ? std::string_view{} : rest.substr(nl + 1);
        ++line_no;
        if (line.ends_with('\r')) line.remove_suffix(1);
        const bool bom = line_no == 1 && line.starts_with("\xEF\xBB\xBF");
        if (bom) line.remove_prefix(3);
        const bool has_resource = resource_i < batch.lines.size() && batch.lines[resource_i] == line_no;
        const bool has_error = error_i < batch.errors.size() && batch.errors[error_i].line == line_no;
        if (has_resource && has_error) fail("a line is both a resource and an error");
        if (line.find_first_not_of(" \t\r") == std::string_view::npos) {
            if (has_resource || has_error) fail("a blank line gave an answer");
            continue;
        }
        if (!has_resource && !has_error) fail("a line gave no answer");
        const auto single = parse_import_line(line);
        if (has_resource) {
            const auto* r = std::get_if<Resource>(&single);
            if (!r) fail("parse_import_line refuses a line parse_jsonl accepts", std::get<std::string>(single));
            if (!same(*r, batch.resources[resource_i])) fail("parse_import_line and parse_jsonl differ");
            ++resource_i;
        } else {
            const auto* m = std::get_if<std::string>(&single);
            if (!m) fail("parse_import_line accepts a line parse_jsonl refuses", batch.errors[error_i].message);
            // Column numbers shift by the BOM's three bytes on line 1; the rest is the same.
            if (!bom && *m != batch.errors[error_i].message) fail("different messages", *m + " | " + batch.errors[error_i].message);
            check_message(*m);
            ++error_i;
        }
    }
    if (line_no != batch.lines_read) fail("lines_read is not the number of lines");
    if (resource_i != batch.resources.size() || error_i != batch.errors.size()) fail("answers for lines that do not exist");
    return 0;
}
