#pragma once
// The modules of this build, from src/app/modules.inc.
#include <memory>
#include <vector>

#include "core/kit/module.hpp"

namespace avenir {

std::vector<std::unique_ptr<kit::Module>> make_modules();

}  // namespace avenir
