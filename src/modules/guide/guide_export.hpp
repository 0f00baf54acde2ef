#pragma once
// Writes the live guide back to the content/guide format (the inverse of load_guide).
#include <filesystem>

#include "modules/guide/guide_types.hpp"

namespace avenir::guide {

// Writes introduction.<lang>.md and workshops/<slug>/{workshop.toml,<lang>.md} under dir.
void export_guide(const GuideContent& content, const std::filesystem::path& dir);

}  // namespace avenir::guide
