#include "core/http/request.hpp"

#include <charconv>

#include "core/errors.hpp"
#include "core/http/text.hpp"

namespace avenir::http {
namespace {

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

bool is_unreserved(unsigned char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '.' || c == '_' || c == '~';
}

}  // namespace

// ---- methods ------------------------------------------------------------------------------

std::string_view method_name(Method m) {
    switch (m) {
        case Method::Get: return "GET";
        case Method::Head: return "HEAD";
        case Method::Post: return "POST";
        case Method::Put: return "PUT";
        case Method::Patch: return "PATCH";
        case Method::Delete: return "DELETE";
        case Method::Options: return "OPTIONS";
        case Method::Other: break;
    }
    return "OTHER";
}

// Method names are case-sensitive (RFC 9110 §9.1): "get" is not GET.
Method parse_method(std::string_view name) {
    if (name == "GET") return Method::Get;
    if (name == "HEAD") return Method::Head;
    if (name == "POST") return Method::Post;
    if (name == "PUT") return Method::Put;
    if (name == "PATCH") return Method::Patch;
    if (name == "DELETE") return Method::Delete;
    if (name == "OPTIONS") return Method::Options;
    return Method::Other;
}

bool is_state_changing(Method m) {
    return m == Method::Post || m == Method::Put || m == Method::Patch || m == Method::Delete;
}

// ---- Form ---------------------------------------------------------------------------------

std::string Form::get(std::string_view name) const { return find(name).value_or(std::string{}); }

std::optional<std::string> Form::find(std::string_view name) const {
    for (const auto& [k, v] : fields_)
        if (k == name) return v;
    return std::nullopt;
}

std::vector<std::string> Form::all(std::string_view name) const {
    std::vector<std::string> out;
    for (const auto& [k, v] : fields_)
        if (k == name) out.push_back(v);
    return out;
}

const UploadedFile* Form::file(std::string_view field) const {
    for (const auto& f : files_)
        if (f.field == field) return &f;
    return nullptr;
}

// ---- Request ------------------------------------------------------------------------------

std::optional<std::string_view> Request::header(std::string_view lower_name) const {
    for (const auto& [k, v] : headers)
        if (k == lower_name) return std::string_view(v);
    return std::nullopt;
}

std::string Request::query(std::string_view key) const { return query_opt(key).value_or(std::string{}); }

std::optional<std::string> Request::query_opt(std::string_view key) const {
    for (auto& [k, v] : parse_query(query_string))
        if (k == key) return std::move(v);
    return std::nullopt;
}

const std::string& Request::param(std::string_view name) const {
    const auto it = params.find(name);
    if (it == params.end()) throw NotFound("This page does not exist.", "missing path parameter " + std::string(name));
    return it->second;
}

// Digits only: no sign, no spaces, no hex; at most what fits in int64. Zero is accepted.
std::int64_t Request::path_int(std::string_view name) const {
    const std::string& s = param(name);
    std::int64_t value = 0;
    const char* end = s.data() + s.size();
    const bool digits = !s.empty() && s.front() >= '0' && s.front() <= '9';
    const auto [ptr, ec] = std::from_chars(s.data(), end, value);
    if (!digits || ec != std::errc{} || ptr != end || value < 0)
        throw BadRequest("The address contains an invalid number.",
                         "path parameter " + std::string(name) + " is not a non-negative 64-bit integer");
    return value;
}

std::optional<std::string> Request::cookie(std::string_view name) const {
    for (const auto& [k, v] : headers) {
        if (k != "cookie") continue;
        for (auto& [cname, cvalue] : parse_cookies(v))
            if (cname == name) return std::move(cvalue);
    }
    return std::nullopt;
}

const Form& Request::form() {
    if (form_) return *form_;
    const std::string_view content_type = header("content-type").value_or("");
    const std::string type = text::media_type(content_type);
    Form parsed;
    if (type == "application/x-www-form-urlencoded") {
        for (auto& [k, v] : parse_query(body)) parsed.add(std::move(k), std::move(v));
    } else if (type == "multipart/form-data") {
        parsed = parse_multipart(body, content_type, std::filesystem::path(upload_dir));
    }
    form_ = std::move(parsed);
    return *form_;
}

// ---- encoding helpers ---------------------------------------------------------------------

// A '%' not followed by two hex digits is kept literally ("100%" stays "100%"), as browsers and
// the WHATWG URL standard do; the result may contain any byte, including NUL, so callers that
// need text must validate it (the pipeline rejects NUL and invalid UTF-8 in paths).
std::string url_decode(std::string_view s, bool plus_as_space) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (c == '+' && plus_as_space) {
            out.push_back(' ');
        } else if (c == '%' && i + 2 < s.size() && hex_value(s[i + 1]) >= 0 && hex_value(s[i + 2]) >= 0) {
            out.push_back(static_cast<char>(hex_value(s[i + 1]) * 16 + hex_value(s[i + 2])));
            i += 2;
        } else {
            out.push_back(c);
        }
    }
    return out;
}

std::string url_encode(std::string_view s) {
    static constexpr char kDigits[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(s.size());
    for (const char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if (is_unreserved(c)) {
            out.push_back(ch);
        } else {
            out.push_back('%');
            out.push_back(kDigits[c >> 4]);
            out.push_back(kDigits[c & 0xF]);
        }
    }
    return out;
}

// "a=1&b=x+y&c" -> {a,1} {b,"x y"} {c,""}; empty pieces are skipped.
std::vector<std::pair<std::string, std::string>> parse_query(std::string_view qs) {
    std::vector<std::pair<std::string, std::string>> out;
    while (!qs.empty()) {
        const std::size_t amp = qs.find('&');
        const std::string_view piece = qs.substr(0, amp);
        qs = amp == std::string_view::npos ? std::string_view{} : qs.substr(amp + 1);
        if (piece.empty()) continue;
        const std::size_t eq = piece.find('=');
        if (eq == std::string_view::npos) {
            out.emplace_back(url_decode(piece), std::string{});
        } else {
            out.emplace_back(url_decode(piece.substr(0, eq)), url_decode(piece.substr(eq + 1)));
        }
    }
    return out;
}

// RFC 6265 §5.4 "a=b; c=d". Values are not percent-decoded (the RFC defines no encoding); a
// value in double quotes loses its quotes. Pieces without '=' or with an empty name are skipped.
std::vector<std::pair<std::string, std::string>> parse_cookies(std::string_view header) {
    std::vector<std::pair<std::string, std::string>> out;
    while (!header.empty()) {
        const std::size_t semi = header.find(';');
        const std::string_view piece = header.substr(0, semi);
        header = semi == std::string_view::npos ? std::string_view{} : header.substr(semi + 1);
        const std::size_t eq = piece.find('=');
        if (eq == std::string_view::npos) continue;
        const std::string_view name = text::trim(piece.substr(0, eq));
        std::string_view value = text::trim(piece.substr(eq + 1));
        if (name.empty()) continue;
        if (value.size() >= 2 && value.front() == '"' && value.back() == '"') value = value.substr(1, value.size() - 2);
        out.emplace_back(std::string(name), std::string(value));
    }
    return out;
}

}  // namespace avenir::http
