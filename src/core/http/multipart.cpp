// multipart/form-data (RFC 7578, RFC 2046 §5.1) as browsers send it.
//
// Decisions:
// - Quoted parameter values end at the next '"' with no backslash escapes: the HTML standard has
//   browsers percent-encode '"', CR and LF in names and file names (and leave '\' alone, which old
//   browsers sent in Windows paths), so we keep such names exactly as sent.
// - filename*=UTF-8''... (RFC 5987) is decoded and preferred over filename.
// - A file input left empty arrives as filename="" with no bytes; it is skipped, so
//   Form::file() returns null for it.
// - A preamble before the first delimiter and an epilogue after the last are ignored.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/errors.hpp"
#include "core/http/request.hpp"
#include "core/http/text.hpp"

namespace avenir::http {
namespace {

constexpr std::string_view kPublic = "The submitted form could not be read.";

[[noreturn]] void malformed(std::string_view why) {
    throw BadRequest(std::string(kPublic), "malformed multipart body: " + std::string(why));
}

struct HeaderValue {
    std::string value;                                         // lower-cased ("form-data")
    std::vector<std::pair<std::string, std::string>> params;  // names lower-cased
    const std::string* param(std::string_view name) const {
        for (const auto& [k, v] : params)
            if (k == name) return &v;
        return nullptr;
    }
};

// Reads one parameter value at s[i] (quoted or token) and advances i past it.
std::string read_param_value(std::string_view s, std::size_t& i) {
    if (i < s.size() && s[i] == '"') {
        const std::size_t close = s.find('"', i + 1);
        if (close == std::string_view::npos) malformed("unterminated quoted parameter");
        std::string v(s.substr(i + 1, close - i - 1));
        i = close + 1;
        return v;
    }
    const std::size_t end = std::min(s.find(';', i), s.size());
    std::string v(text::trim(s.substr(i, end - i)));
    i = end;
    return v;
}

// "form-data; name=\"a\"; filename=\"b;c.txt\"" -> {form-data, {name:a, filename:b;c.txt}}
HeaderValue parse_header_value(std::string_view s) {
    HeaderValue out;
    std::size_t i = std::min(s.find(';'), s.size());
    out.value = text::to_lower(text::trim(s.substr(0, i)));
    while (i < s.size()) {
        while (i < s.size() && (s[i] == ';' || s[i] == ' ' || s[i] == '\t')) ++i;
        if (i >= s.size()) break;
        const std::size_t stop = std::min(s.find_first_of("=;", i), s.size());
        std::string name = text::to_lower(text::trim(s.substr(i, stop - i)));
        i = stop;
        std::string value;
        if (i < s.size() && s[i] == '=') {
            ++i;
            while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
            value = read_param_value(s, i);
        }
        if (!name.empty()) out.params.emplace_back(std::move(name), std::move(value));
    }
    return out;
}

std::string boundary_from(std::string_view content_type) {
    const HeaderValue ct = parse_header_value(content_type);
    const std::string* b = ct.param("boundary");
    if (!b || b->empty()) malformed("no boundary in content type");
    if (b->size() > 70) malformed("boundary longer than 70 characters");
    return *b;
}

// Part headers: "Name: value" lines separated by CRLF, names lower-cased.
std::vector<std::pair<std::string, std::string>> parse_part_headers(std::string_view block) {
    std::vector<std::pair<std::string, std::string>> out;
    while (!block.empty()) {
        const std::size_t eol = block.find("\r\n");
        const std::string_view line = block.substr(0, eol);
        block = eol == std::string_view::npos ? std::string_view{} : block.substr(eol + 2);
        const std::size_t colon = line.find(':');
        if (colon == std::string_view::npos || colon == 0) malformed("part header without a name");
        out.emplace_back(text::to_lower(text::trim(line.substr(0, colon))), std::string(text::trim(line.substr(colon + 1))));
    }
    return out;
}

std::string file_name(const HeaderValue& disposition) {
    if (const std::string* ext = disposition.param("filename*")) {
        const std::size_t q = ext->find("''");
        if (q != std::string::npos && text::iequals(ext->substr(0, q), "utf-8"))
            return url_decode(std::string_view(*ext).substr(q + 2), false);
    }
    const std::string* plain = disposition.param("filename");
    return plain ? *plain : std::string{};
}

void add_part(Form& form, std::string_view header_block, std::string_view content) {
    std::string disposition_raw, content_type;
    for (auto& [name, value] : parse_part_headers(header_block)) {
        if (name == "content-disposition") disposition_raw = std::move(value);
        else if (name == "content-type") content_type = std::move(value);
    }
    if (disposition_raw.empty()) malformed("part without Content-Disposition");
    const HeaderValue disposition = parse_header_value(disposition_raw);
    if (disposition.value != "form-data") malformed("Content-Disposition is not form-data");
    const std::string* name = disposition.param("name");
    if (!name) malformed("part without a name");
    if (!disposition.param("filename") && !disposition.param("filename*")) {
        form.add(*name, std::string(content));
        return;
    }
    std::string filename = file_name(disposition);
    if (filename.empty() && content.empty()) return;  // file input left empty
    form.add_file(UploadedFile{*name, std::move(filename),
                               content_type.empty() ? "application/octet-stream" : std::move(content_type),
                               std::string(content)});
}

// True when the text after a "--boundary" makes it a delimiter line: "--", or optional
// spaces then CRLF. "--boundaryX" inside content is not one.
bool ends_delimiter(std::string_view body, std::size_t pos) {
    if (body.substr(pos, 2) == "--") return true;
    while (pos < body.size() && (body[pos] == ' ' || body[pos] == '\t')) ++pos;
    return body.substr(pos, 2) == "\r\n";
}

// Offset of the next "\r\n--boundary" that is a real delimiter line, at or after from.
std::size_t find_delimiter(std::string_view body, std::string_view crlf_delimiter, std::size_t from) {
    for (std::size_t at = body.find(crlf_delimiter, from); at != std::string_view::npos;
         at = body.find(crlf_delimiter, at + 1)) {
        if (ends_delimiter(body, at + crlf_delimiter.size())) return at;
    }
    return std::string_view::npos;
}

// Position just after the first delimiter line's "--boundary" (at the start or after a CRLF).
std::size_t first_delimiter_end(std::string_view body, std::string_view delimiter) {
    if (body.substr(0, delimiter.size()) == delimiter) return delimiter.size();
    const std::string crlf_delimiter = "\r\n" + std::string(delimiter);
    const std::size_t at = find_delimiter(body, crlf_delimiter, 0);
    if (at == std::string_view::npos) malformed("boundary not found in body");
    return at + crlf_delimiter.size();
}

}  // namespace

Form parse_multipart(std::string_view body, std::string_view content_type) {
    const std::string delimiter = "--" + boundary_from(content_type);
    const std::string next_delimiter = "\r\n" + delimiter;
    Form form;
    std::size_t pos = first_delimiter_end(body, delimiter);
    for (;;) {
        if (body.substr(pos, 2) == "--") return form;  // close delimiter; the epilogue is ignored
        while (pos < body.size() && (body[pos] == ' ' || body[pos] == '\t')) ++pos;  // transport padding
        if (body.substr(pos, 2) != "\r\n") malformed("delimiter not followed by CRLF");
        pos += 2;
        std::size_t headers_end = pos;
        std::size_t content_start = pos + 2;
        if (body.substr(pos, 2) != "\r\n") {
            headers_end = body.find("\r\n\r\n", pos);
            if (headers_end == std::string_view::npos) malformed("part headers not terminated");
            content_start = headers_end + 4;
        }
        const std::size_t content_end = find_delimiter(body, next_delimiter, content_start);
        if (content_end == std::string_view::npos) malformed("missing closing boundary");
        add_part(form, body.substr(pos, headers_end - pos), body.substr(content_start, content_end - content_start));
        pos = content_end + next_delimiter.size();
    }
}

}  // namespace avenir::http
