#pragma once
// An HTTP response, independent of Boost.Beast.
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace avenir::http {

struct Response {
    int status = 200;
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;
    // An already gzip-compressed copy of body (e.g. cached pages, static files); used when the
    // client accepts gzip instead of compressing again.
    std::shared_ptr<const std::string> gzip_body;
    // Set true to stop the pipeline from compressing this response.
    bool no_compress = false;

    void set_header(std::string name, std::string value);
    std::optional<std::string_view> header(std::string_view name) const;  // case-insensitive
    void remove_header(std::string_view name);

    static Response html(std::string body, int status = 200);
    static Response text(std::string body, int status = 200);
    static Response json(std::string body, int status = 200);
    // 303 See Other to a local path.
    static Response redirect(std::string location, int status = 303);
};

std::string_view status_reason(int status);

}  // namespace avenir::http
