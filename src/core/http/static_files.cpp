// Static files, loaded once at start-up.
//
// Decisions:
// - Files and folders whose name starts with '.' are not loaded (no .git, .DS_Store, editor swap).
// - "app.<hash8>.css" with the current hash is served with a year-long immutable cache. With any
//   other hash (a page rendered by the previous release during a rolling deploy, or a cached
//   page) the current bytes are served with "no-cache" instead of a 404: the page keeps its
//   styles, and no cache keeps those bytes under the stale name.
// - Requests are looked up in the in-memory table only, so nothing outside the folder can be
//   read; "..", ".", empty segments, backslashes and absolute paths are refused with 404 anyway
//   (NotFound, so the pipeline renders its usual page).
#include "core/http/static_files.hpp"

#include <sodium.h>

#include <fstream>
#include <sstream>
#include <stdexcept>

#include "core/errors.hpp"
#include "core/http/compress.hpp"
#include "core/http/text.hpp"

namespace avenir::http {
namespace {

constexpr std::string_view kImmutable = "public, max-age=31536000, immutable";

std::string content_hash(std::string_view data) {
    if (sodium_init() < 0) throw std::runtime_error("libsodium initialisation failed");
    unsigned char out[crypto_generichash_BYTES];
    crypto_generichash(out, sizeof out, reinterpret_cast<const unsigned char*>(data.data()), data.size(), nullptr, 0);
    return text::hex(out, sizeof out);
}

std::string read_file(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read static file " + p.string());
    std::ostringstream ss;
    ss << in.rdbuf();
    return std::move(ss).str();
}

bool is_hex8(std::string_view s) {
    return s.size() == 8 && s.find_first_not_of("0123456789abcdef") == std::string_view::npos;
}

// Position of the '.' that starts the extension of the last path segment, or npos.
std::size_t extension_dot(std::string_view name) {
    const std::size_t slash = name.rfind('/');
    const std::size_t dot = name.rfind('.');
    const std::size_t base = slash == std::string_view::npos ? 0 : slash + 1;
    return (dot == std::string_view::npos || dot <= base) ? std::string_view::npos : dot;
}

// "css/app.3f2a9c1b.css" -> {"css/app.css", "3f2a9c1b"}; "LICENSE.3f2a9c1b" -> {"LICENSE", ...}.
std::optional<std::pair<std::string, std::string>> split_fingerprint(std::string_view name) {
    const std::size_t ext = extension_dot(name);
    if (ext == std::string_view::npos) return std::nullopt;
    const std::string_view stem = name.substr(0, ext);
    if (is_hex8(name.substr(ext + 1))) return std::pair{std::string(stem), std::string(name.substr(ext + 1))};
    const std::size_t inner = extension_dot(stem);
    if (inner == std::string_view::npos || !is_hex8(stem.substr(inner + 1))) return std::nullopt;
    return std::pair{std::string(stem.substr(0, inner)) + std::string(name.substr(ext)), std::string(stem.substr(inner + 1))};
}

bool safe_relative_path(std::string_view p) {
    if (p.empty() || p.front() == '/' || p.find('\\') != std::string_view::npos || p.find('\0') != std::string_view::npos)
        return false;
    for (std::string_view rest = p; ;) {
        const std::size_t slash = rest.find('/');
        const std::string_view seg = rest.substr(0, slash);
        if (seg.empty() || seg.front() == '.') return false;  // "", ".", "..", dotfiles
        if (slash == std::string_view::npos) return true;
        rest = rest.substr(slash + 1);
    }
}

bool hidden(const std::filesystem::path& p) {
    const std::string name = p.filename().string();
    return !name.empty() && name.front() == '.';
}

}  // namespace

std::string_view content_type_for(std::string_view filename) {
    const std::size_t dot = extension_dot(filename);
    const std::string ext = dot == std::string_view::npos ? "" : ascii::lower(filename.substr(dot + 1));
    if (ext == "css") return "text/css; charset=utf-8";
    if (ext == "js" || ext == "mjs") return "text/javascript; charset=utf-8";
    if (ext == "svg") return "image/svg+xml";
    if (ext == "png") return "image/png";
    if (ext == "jpg" || ext == "jpeg") return "image/jpeg";
    if (ext == "webp") return "image/webp";
    if (ext == "ico") return "image/x-icon";
    if (ext == "woff2") return "font/woff2";
    if (ext == "txt") return "text/plain; charset=utf-8";
    if (ext == "html") return "text/html; charset=utf-8";
    if (ext == "json" || ext == "map") return "application/json";
    if (ext == "xml") return "application/xml";
    if (ext == "pdf") return "application/pdf";
    return "application/octet-stream";
}

StaticFiles::StaticFiles(std::filesystem::path dir, std::string url_prefix)
    : dir_(std::move(dir)), prefix_(std::move(url_prefix)) {
    namespace fs = std::filesystem;
    if (prefix_.empty() || prefix_.back() != '/') prefix_.push_back('/');
    if (!fs::is_directory(dir_)) throw std::runtime_error("static folder not found: " + dir_.string());
    for (auto it = fs::recursive_directory_iterator(dir_); it != fs::recursive_directory_iterator(); ++it) {
        if (hidden(it->path())) {
            if (it->is_directory()) it.disable_recursion_pending();
            continue;
        }
        if (!it->is_regular_file()) continue;
        auto body = std::make_shared<const std::string>(read_file(it->path()));
        const std::string name = fs::relative(it->path(), dir_).generic_string();
        const std::string hash = content_hash(*body);
        File f{std::string(content_type_for(name)), "\"" + hash.substr(0, 16) + "\"", hash.substr(0, 8), body, nullptr};
        if (compressible(f.content_type)) {
            std::string gz = gzip_compress(*body, 9);
            if (gz.size() * 10 < body->size() * 9) f.gzip_body = std::make_shared<const std::string>(std::move(gz));
        }
        files_.insert_or_assign(name, std::move(f));
    }
}

void StaticFiles::add_routes(Router& router) const {
    router.add(Method::Get, prefix_ + "{path...}", [this](Request& req) { return serve(req); },
               RouteOptions{.permission = "public"});
}

std::string StaticFiles::url(std::string_view name) const {
    const auto it = files_.find(std::string(name));
    if (it == files_.end()) throw std::out_of_range("static file not found: " + std::string(name));
    const std::size_t dot = extension_dot(name);
    if (dot == std::string_view::npos) return prefix_ + std::string(name) + "." + it->second.hash8;
    return prefix_ + std::string(name.substr(0, dot)) + "." + it->second.hash8 + std::string(name.substr(dot));
}

const std::string& StaticFiles::content(std::string_view name) const {
    const auto it = files_.find(std::string(name));
    if (it == files_.end()) throw std::out_of_range("static file not found: " + std::string(name));
    return *it->second.body;
}

Response StaticFiles::serve(const Request& req) const {
    const auto param = req.params.find("path");
    const std::string_view path = param == req.params.end() ? std::string_view{} : std::string_view(param->second);
    if (!safe_relative_path(path)) throw NotFound();
    const File* file = nullptr;
    bool fingerprint_current = false;
    if (const auto it = files_.find(std::string(path)); it != files_.end()) {
        file = &it->second;
    } else if (const auto fp = split_fingerprint(path)) {
        if (const auto it2 = files_.find(fp->first); it2 != files_.end()) {
            file = &it2->second;
            fingerprint_current = fp->second == file->hash8;
        }
    }
    if (!file) throw NotFound();
    Response res;
    res.body = *file->body;
    res.gzip_body = file->gzip_body;
    res.no_compress = !file->gzip_body;  // not worth compressing, or already compressed
    res.set_header("Content-Type", file->content_type);
    res.set_header("ETag", file->etag);
    res.set_header("Cache-Control", std::string(fingerprint_current ? kImmutable : "no-cache"));
    return res;
}

}  // namespace avenir::http
