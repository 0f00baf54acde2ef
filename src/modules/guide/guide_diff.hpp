#pragma once
// Line diffs between two versions of a workshop, for the history page.
#include <string>
#include <vector>

#include "modules/guide/guide_types.hpp"

namespace avenir::guide {

struct DiffLine {
    char kind;  // ' ' same, '-' removed, '+' added
    std::string text;
};

// The workshop as readable lines in one language (texts, then each step with its timing).
std::vector<std::string> readable_lines(const Workshop& w, const std::string& lang);
// A longest-common-subsequence line diff.
std::vector<DiffLine> diff_lines(const std::vector<std::string>& before, const std::vector<std::string>& after);

}  // namespace avenir::guide
