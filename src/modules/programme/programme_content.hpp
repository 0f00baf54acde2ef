#pragma once
// Reads content/programme/ (TOML tables and Markdown pages with TOML front matter).
#include <filesystem>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "core/errors.hpp"
#include "modules/programme/programme_types.hpp"

namespace avenir::programme {

// Says which file and key is wrong and what to fix.
struct ContentError : avenir::ContentError {
    using avenir::ContentError::ContentError;
};

// Loads and validates dir (content/programme). Throws ContentError.
Content load_content(const std::filesystem::path& dir);

// The text a page translation is made from: the English title and body.
std::string page_source(const Page& page);
// Translations whose English source changed since they were made: "slug.lang" -> the current
// fingerprint to put in their `translated_from` once they are brought up to date.
std::vector<std::pair<std::string, std::string>> outdated_translations(const Content& content);

}  // namespace avenir::programme
