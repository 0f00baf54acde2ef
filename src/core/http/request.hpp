#pragma once
// A parsed HTTP request, independent of Boost.Beast: modules see only this.
#include <any>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace avenir::http {

enum class Method { Get, Head, Post, Put, Patch, Delete, Options, Other };

std::string_view method_name(Method m);
Method parse_method(std::string_view name);
// True for POST, PUT, PATCH and DELETE.
bool is_state_changing(Method m);

// A file on disk that is removed when the last owner lets go of it (unless kept).
class TempFile {
public:
    TempFile(std::filesystem::path path, std::uint64_t size) : path_(std::move(path)), size_(size) {}
    ~TempFile();
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;
    const std::filesystem::path& path() const { return path_; }
    std::uint64_t size() const { return size_; }
    // The file was moved elsewhere (e.g. into the blob store): do not remove it.
    void keep() { kept_ = true; }

private:
    std::filesystem::path path_;
    std::uint64_t size_;
    bool kept_ = false;
};

// One uploaded file from a multipart/form-data body. Its bytes are on disk, written as they
// arrived (never whole in memory), in the request's upload folder.
struct UploadedFile {
    std::string field;
    std::string filename;      // as sent by the client: never trust it as a path
    std::string content_type;  // as sent by the client: never trust it either
    std::shared_ptr<TempFile> file;
    std::uint64_t size() const { return file ? file->size() : 0; }
    // The whole content (for small files and tests).
    std::string read() const;
};

// Decoded form fields (url-encoded or multipart), in order; a name may repeat.
class Form {
public:
    void add(std::string name, std::string value) { fields_.emplace_back(std::move(name), std::move(value)); }
    void add_file(UploadedFile f) { files_.push_back(std::move(f)); }
    // First value for name, or empty.
    std::string get(std::string_view name) const;
    std::optional<std::string> find(std::string_view name) const;
    std::vector<std::string> all(std::string_view name) const;
    bool has(std::string_view name) const { return find(name).has_value(); }
    const std::vector<std::pair<std::string, std::string>>& fields() const { return fields_; }
    const std::vector<UploadedFile>& files() const { return files_; }
    const UploadedFile* file(std::string_view field) const;

private:
    std::vector<std::pair<std::string, std::string>> fields_;
    std::vector<UploadedFile> files_;
};

class Request {
public:
    Method method = Method::Get;
    std::string target;        // raw request-target as received ("/fr/regions?x=1")
    std::string path;          // decoded path, language prefix removed by the pipeline ("/regions")
    std::string raw_path;      // path as received, before the language prefix was removed
    std::string query_string;  // without '?'
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;  // names lower-cased
    std::map<std::string, std::string, std::less<>> params;    // path parameters from the router
    std::string request_id;
    std::string lang = "en";   // set by the pipeline from the path prefix
    bool secure = false;       // served over TLS (directly or per trusted proxy config)
    unsigned http_version = 11;  // 10 or 11
    // The peer's address, for throttling only: personal data, never logged or stored in clear.
    std::string remote_address;
    // Where uploaded files are written while a multipart body is parsed ("" = the system's temp
    // folder). Points into the server's or pipeline's configuration, which outlive requests.
    std::string_view upload_dir;

    // First header value by lower-case name.
    std::optional<std::string_view> header(std::string_view lower_name) const;
    // Decoded query parameter (first occurrence), or empty.
    std::string query(std::string_view key) const;
    std::optional<std::string> query_opt(std::string_view key) const;
    // Path parameter; throws NotFound when missing.
    const std::string& param(std::string_view name) const;
    // Path parameter parsed as a non-negative integer (digits only, fits in int64); throws
    // BadRequest otherwise (sign, spaces, overflow), NotFound when the parameter is missing.
    std::int64_t path_int(std::string_view name) const;
    // Cookie value by name.
    std::optional<std::string> cookie(std::string_view name) const;
    // Form body (application/x-www-form-urlencoded or multipart/form-data), parsed once.
    // Throws BadRequest on a malformed body.
    const Form& form();
    // A form already parsed while the body arrived (streamed multipart bodies).
    void set_form(Form form) { form_ = std::move(form); }

    // Index of the matched route in the router's table (-1: none matched, or not routed yet); for
    // metrics, which count by route pattern.
    int route_index = -1;
    // Per-request values that features attach (e.g. the signed-in user), keyed by name.
    std::map<std::string, std::any, std::less<>> context;

private:
    std::optional<Form> form_;
};

// Helpers shared by the parser and tests.
std::string url_decode(std::string_view s, bool plus_as_space = true);
std::string url_encode(std::string_view s);
std::vector<std::pair<std::string, std::string>> parse_query(std::string_view qs);
std::vector<std::pair<std::string, std::string>> parse_cookies(std::string_view header);
// Parses a multipart/form-data body held in memory (files go to upload_dir as with a streamed
// body); throws BadRequest when malformed.
Form parse_multipart(std::string_view body, std::string_view content_type, const std::filesystem::path& upload_dir = {});

// multipart/form-data parsed as it arrives: fields are kept in memory (at most max_field_bytes in
// all), each file part is written to its own temporary file in upload_dir. feed() and finish()
// throw BadRequest when the body is malformed; nothing of a failed body is left on disk.
class MultipartParser {
public:
    MultipartParser(std::string_view content_type, std::filesystem::path upload_dir, std::size_t max_field_bytes = 1 << 20);
    ~MultipartParser();
    MultipartParser(const MultipartParser&) = delete;
    MultipartParser& operator=(const MultipartParser&) = delete;
    void feed(std::string_view chunk);
    // The form, once the closing delimiter has been seen.
    Form finish();

private:
    struct State;
    std::unique_ptr<State> state_;
};

}  // namespace avenir::http
