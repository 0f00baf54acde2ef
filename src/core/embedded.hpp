#pragma once
// Files compiled into the binary (see cmake/embed.cmake): migrations and templates.
#include <string_view>
#include <vector>

namespace avenir::embedded {
struct File {
    const char* path;       // relative to src/, e.g. "modules/programme/templates/home.mustache"
    std::string_view data;
};
const std::vector<File>& avenir_migrations_embed();
const std::vector<File>& avenir_templates_embed();
}  // namespace avenir::embedded
