#pragma once
// Static files from a folder, loaded once into memory: ETag, gzip copy, and fingerprinted URLs
// ("/static/app.3f2a9c1b.css") served with a year-long immutable cache.
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/http/router.hpp"

namespace avenir::http {

class StaticFiles {
public:
    explicit StaticFiles(std::filesystem::path dir, std::string url_prefix = "/static/");

    // Registers GET /static/{path...} on the router. This object must outlive the router.
    void add_routes(Router& router) const;
    // Fingerprinted URL of a file ("app.css" -> "/static/app.3f2a9c1b.css"); throws when missing.
    std::string url(std::string_view name) const;
    // The file's bytes (for inlining in offline packs); throws when missing.
    const std::string& content(std::string_view name) const;
    Response serve(const Request& req) const;

    struct File {
        std::string content_type;
        std::string etag;
        std::string hash8;
        std::shared_ptr<const std::string> body;
        std::shared_ptr<const std::string> gzip_body;  // null when not worth compressing
    };

private:
    std::filesystem::path dir_;
    std::string prefix_;
    std::unordered_map<std::string, File> files_;  // by relative path
};

// Content type from a file name's extension.
std::string_view content_type_for(std::string_view filename);

}  // namespace avenir::http
