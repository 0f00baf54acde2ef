#pragma once
// A parsed HTTP request, independent of Boost.Beast: modules see only this.
#include <any>
#include <cstdint>
#include <map>
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

// One uploaded file from a multipart/form-data body.
struct UploadedFile {
    std::string field;
    std::string filename;      // as sent by the client: never trust it as a path
    std::string content_type;  // as sent by the client: never trust it either
    std::string data;
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
    // The peer's address, for throttling only: personal data, never logged or stored in clear.
    std::string remote_address;

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
// Parses a multipart/form-data body; throws BadRequest when malformed.
Form parse_multipart(std::string_view body, std::string_view content_type);

}  // namespace avenir::http
