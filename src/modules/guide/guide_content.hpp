#pragma once
// Reads and checks content/guide (see content/guide/FORMAT.md).
#include <filesystem>
#include <stdexcept>

#include "core/errors.hpp"
#include "modules/guide/guide_types.hpp"

namespace avenir::guide {

// Says which file and key is wrong and what to fix.
struct GuideContentError : avenir::ContentError {
    using avenir::ContentError::ContentError;
};

GuideContent load_guide(const std::filesystem::path& dir);
// The checks every workshop passes, whether loaded from files or edited: throws
// GuideContentError naming `where`.
void validate(const Workshop& w, const std::string& where);

}  // namespace avenir::guide
