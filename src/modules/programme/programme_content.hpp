#pragma once
// Reads content/programme/ (TOML tables and Markdown pages with TOML front matter).
#include <filesystem>
#include <stdexcept>
#include <string>

#include "modules/programme/programme_types.hpp"

namespace avenir::programme {

// Says which file and key is wrong and what to fix.
struct ContentError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Loads and validates dir (content/programme). Throws ContentError.
Content load_content(const std::filesystem::path& dir);

}  // namespace avenir::programme
