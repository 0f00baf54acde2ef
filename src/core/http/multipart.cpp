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
// - The body is parsed as it arrives (MultipartParser::feed): text fields stay in memory (bounded),
//   each file goes straight to a temporary file, so a 40 MB upload never sits in memory. A body
//   held in memory (tests, small forms) goes through the same parser.
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <memory>
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
    out.value = ascii::lower(text::trim(s.substr(0, i)));
    while (i < s.size()) {
        while (i < s.size() && (s[i] == ';' || s[i] == ' ' || s[i] == '\t')) ++i;
        if (i >= s.size()) break;
        const std::size_t stop = std::min(s.find_first_of("=;", i), s.size());
        std::string name = ascii::lower(text::trim(s.substr(i, stop - i)));
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
        out.emplace_back(ascii::lower(text::trim(line.substr(0, colon))), std::string(text::trim(line.substr(colon + 1))));
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

std::string_view disposition_name(const HeaderValue& disposition) {
    const std::string* name = disposition.param("name");
    if (!name) malformed("part without a name");
    return *name;
}

}  // namespace

// ---- TempFile and UploadedFile --------------------------------------------------------------

TempFile::~TempFile() {
    if (kept_) return;
    std::error_code ec;
    std::filesystem::remove(path_, ec);
}

std::string UploadedFile::read() const {
    if (!file) return {};
    std::string out;
    const int fd = ::open(file->path().c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw std::runtime_error("cannot read an uploaded file: " + std::string(std::strerror(errno)));
    char buf[64 * 1024];
    for (;;) {
        const ssize_t n = ::read(fd, buf, sizeof buf);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        out.append(buf, static_cast<std::size_t>(n));
    }
    ::close(fd);
    return out;
}

// ---- the streaming parser -----------------------------------------------------------------
//
// States: Preamble (until the first "--boundary"), AfterDelimiter (the rest of a delimiter line:
// "--" ends the body, else optional padding then CRLF), Headers (until CRLFCRLF, at most
// kMaxHeaderBytes), Content (until "\r\n--boundary" followed by "--" or padding+CRLF), Epilogue.
// Content is passed on as it arrives except its last bytes, which might be the start of a
// delimiter; so memory stays bounded by the delimiter's length plus one chunk.

namespace {

constexpr std::size_t kMaxHeaderBytes = 16 * 1024;
constexpr std::size_t kMaxParts = 1000;

// A temporary file in dir, open for writing; removed unless handed over.
struct OpenTemp {
    int fd = -1;
    std::filesystem::path path;
    std::uint64_t size = 0;
    void write(std::string_view bytes) {
        while (!bytes.empty()) {
            const ssize_t n = ::write(fd, bytes.data(), bytes.size());
            if (n < 0) {
                if (errno == EINTR) continue;
                throw ServiceUnavailable("The server could not store the upload. Please try again later.",
                                         "upload temp file write failed: " + std::string(std::strerror(errno)));
            }
            bytes.remove_prefix(static_cast<std::size_t>(n));
            size += static_cast<std::uint64_t>(n);
        }
    }
    void discard() {
        if (fd >= 0) ::close(fd);
        fd = -1;
        if (!path.empty()) {
            std::error_code ec;
            std::filesystem::remove(path, ec);
        }
        path.clear();
    }
};

OpenTemp open_temp(const std::filesystem::path& dir_in) {
    const std::filesystem::path dir = dir_in.empty() ? std::filesystem::temp_directory_path() : dir_in;
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    std::string pattern = (dir / "upload-XXXXXX").string();
    const int fd = ::mkostemp(pattern.data(), O_CLOEXEC);
    if (fd < 0)
        throw ServiceUnavailable("The server could not store the upload. Please try again later.",
                                 "cannot create an upload temp file: " + std::string(std::strerror(errno)));
    return {fd, pattern, 0};
}

}  // namespace

struct MultipartParser::State {
    enum class Phase { Preamble, AfterDelimiter, Headers, Content, Epilogue };
    std::string delimiter;       // "--boundary"
    std::string crlf_delimiter;  // "\r\n--boundary"
    std::filesystem::path dir;
    std::size_t max_field_bytes;
    std::size_t field_bytes = 0;
    std::size_t parts = 0;
    Phase phase = Phase::Preamble;
    std::string pending;  // bytes received but not yet consumed
    bool at_start = true; // Preamble: nothing consumed yet (a delimiter may start the body itself)
    // The part being read.
    bool is_file = false;
    std::string name, filename, content_type, value;
    OpenTemp temp;
    Form form;

    ~State() { temp.discard(); }

    void start_part(std::string_view header_block) {
        if (++parts > kMaxParts) malformed("too many parts");
        std::string disposition_raw;
        content_type.clear();
        for (auto& [hname, hvalue] : parse_part_headers(header_block)) {
            if (hname == "content-disposition") disposition_raw = std::move(hvalue);
            else if (hname == "content-type") content_type = std::move(hvalue);
        }
        if (disposition_raw.empty()) malformed("part without Content-Disposition");
        const HeaderValue disposition = parse_header_value(disposition_raw);
        if (disposition.value != "form-data") malformed("Content-Disposition is not form-data");
        name = std::string(disposition_name(disposition));
        is_file = disposition.param("filename") || disposition.param("filename*");
        filename = is_file ? file_name(disposition) : std::string();
        value.clear();
        if (is_file) temp = open_temp(dir);
    }
    void content(std::string_view bytes) {
        if (bytes.empty()) return;
        if (is_file) {
            temp.write(bytes);
            return;
        }
        field_bytes += bytes.size();
        if (field_bytes > max_field_bytes)
            throw PayloadTooLarge("The form's text fields are too long.", "multipart fields over " + std::to_string(max_field_bytes) + " bytes");
        value.append(bytes);
    }
    void end_part() {
        if (!is_file) {
            form.add(std::move(name), std::move(value));
            return;
        }
        ::close(temp.fd);
        temp.fd = -1;
        if (filename.empty() && temp.size == 0) {  // a file input left empty
            temp.discard();
            return;
        }
        auto file = std::make_shared<TempFile>(temp.path, temp.size);
        temp.path.clear();
        form.add_file(UploadedFile{std::move(name), std::move(filename),
                                   content_type.empty() ? "application/octet-stream" : std::move(content_type), std::move(file)});
    }

    // Consumes as much of `pending` as the phase allows; returns false when it needs more bytes.
    bool step() {
        switch (phase) {
            case Phase::Preamble: {
                if (at_start && pending.size() >= delimiter.size() && pending.compare(0, delimiter.size(), delimiter) == 0) {
                    pending.erase(0, delimiter.size());
                    phase = Phase::AfterDelimiter;
                    return true;
                }
                if (at_start && pending.size() < delimiter.size() && delimiter.compare(0, pending.size(), pending) == 0) return false;
                at_start = false;
                const auto at = pending.find(crlf_delimiter);
                if (at == std::string::npos) {
                    // Keep what could be the start of the delimiter; drop the rest of the preamble.
                    if (pending.size() > crlf_delimiter.size()) pending.erase(0, pending.size() - crlf_delimiter.size());
                    return false;
                }
                pending.erase(0, at + crlf_delimiter.size());
                phase = Phase::AfterDelimiter;
                return true;
            }
            case Phase::AfterDelimiter: {
                if (pending.size() < 2) return false;
                if (pending.compare(0, 2, "--") == 0) {
                    pending.clear();
                    phase = Phase::Epilogue;
                    return false;
                }
                std::size_t i = 0;
                while (i < pending.size() && (pending[i] == ' ' || pending[i] == '\t')) ++i;
                if (i + 2 > pending.size()) {
                    if (i > 256) malformed("delimiter not followed by CRLF");
                    return false;
                }
                if (pending.compare(i, 2, "\r\n") != 0) malformed("delimiter not followed by CRLF");
                pending.erase(0, i + 2);
                phase = Phase::Headers;
                return true;
            }
            case Phase::Headers: {
                if (pending.size() >= 2 && pending.compare(0, 2, "\r\n") == 0) {  // no headers at all
                    pending.erase(0, 2);
                    start_part({});
                    phase = Phase::Content;
                    return true;
                }
                const auto end = pending.find("\r\n\r\n");
                if (end == std::string::npos) {
                    if (pending.size() > kMaxHeaderBytes) malformed("part headers too long");
                    return false;
                }
                start_part(std::string_view(pending).substr(0, end));
                pending.erase(0, end + 4);
                phase = Phase::Content;
                return true;
            }
            case Phase::Content: {
                for (std::size_t from = 0;;) {
                    const auto at = pending.find(crlf_delimiter, from);
                    if (at == std::string::npos) break;
                    // A real delimiter line continues with "--" or optional padding and CRLF.
                    std::size_t j = at + crlf_delimiter.size();
                    if (j + 2 > pending.size()) {  // cannot tell yet: wait for more
                        content(std::string_view(pending).substr(0, at));
                        pending.erase(0, at);
                        return false;
                    }
                    bool is_delimiter = pending.compare(j, 2, "--") == 0;
                    if (!is_delimiter) {
                        while (j < pending.size() && (pending[j] == ' ' || pending[j] == '\t')) ++j;
                        if (j + 2 > pending.size()) {
                            content(std::string_view(pending).substr(0, at));
                            pending.erase(0, at);
                            return false;
                        }
                        is_delimiter = pending.compare(j, 2, "\r\n") == 0;
                    }
                    if (!is_delimiter) {
                        from = at + 1;
                        continue;
                    }
                    content(std::string_view(pending).substr(0, at));
                    end_part();
                    pending.erase(0, at + crlf_delimiter.size());
                    phase = Phase::AfterDelimiter;
                    return true;
                }
                // No delimiter: pass on all but what could be the start of one.
                if (pending.size() > crlf_delimiter.size()) {
                    const std::size_t keep = crlf_delimiter.size();
                    content(std::string_view(pending).substr(0, pending.size() - keep));
                    pending.erase(0, pending.size() - keep);
                }
                return false;
            }
            case Phase::Epilogue: pending.clear(); return false;
        }
        return false;
    }
};

MultipartParser::MultipartParser(std::string_view content_type, std::filesystem::path upload_dir, std::size_t max_field_bytes)
    : state_(std::make_unique<State>()) {
    state_->delimiter = "--" + boundary_from(content_type);
    state_->crlf_delimiter = "\r\n" + state_->delimiter;
    state_->dir = std::move(upload_dir);
    state_->max_field_bytes = max_field_bytes;
}

MultipartParser::~MultipartParser() = default;

void MultipartParser::feed(std::string_view chunk) {
    State& s = *state_;
    if (s.phase == State::Phase::Epilogue) return;  // the epilogue is ignored
    s.pending.append(chunk);
    while (s.step()) {
    }
}

Form MultipartParser::finish() {
    State& s = *state_;
    while (s.step()) {
    }
    if (s.phase != State::Phase::Epilogue) {
        s.temp.discard();
        malformed(s.phase == State::Phase::Preamble ? "boundary not found in body" : "missing closing boundary");
    }
    return std::move(s.form);
}

Form parse_multipart(std::string_view body, std::string_view content_type, const std::filesystem::path& upload_dir) {
    MultipartParser parser(content_type, upload_dir, std::max<std::size_t>(body.size(), 1 << 20));
    parser.feed(body);
    return parser.finish();
}

}  // namespace avenir::http
