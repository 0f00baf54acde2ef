#pragma once
// The shipped bargaining content (content/bargaining, format in its FORMAT.md): the taxonomy,
// the model clauses and the governance models, read from TOML into records. A mistake is a
// ContentError naming the file and the clause (what `avenir seed` prints).
#include <filesystem>
#include <vector>

#include "modules/bargaining/bargaining_types.hpp"

namespace avenir::bargaining {

struct Content {
    std::vector<Topic> topics;
    std::vector<Clause> clauses;  // model articles included (model, model_position set)
    std::vector<Model> models;
};

// Reads content/bargaining under root (nothing when the folder is missing). Every clause is
// validated against the taxonomy; related slugs must exist; translations are stamped with the
// fingerprint of the English text they come with.
Content read_content(const std::filesystem::path& folder);

}  // namespace avenir::bargaining
