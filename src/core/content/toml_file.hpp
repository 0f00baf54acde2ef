#pragma once
// Shipped content in TOML (content/<module>/*.toml): a file parsed with toml++, or a ContentError
// that names the file, line and column of the first mistake (what `avenir seed` prints).
#include <filesystem>

#include <toml++/toml.h>

namespace avenir::content {

toml::table parse_toml_file(const std::filesystem::path& file);

}  // namespace avenir::content
