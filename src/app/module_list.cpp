#include "app/module_list.hpp"

#define AVENIR_MODULE(name)                         \
    namespace avenir::name {                        \
    std::unique_ptr<kit::Module> make_module();     \
    }
#include "app/modules.inc"
#undef AVENIR_MODULE

namespace avenir {

std::vector<std::unique_ptr<kit::Module>> make_modules() {
    std::vector<std::unique_ptr<kit::Module>> out;
#define AVENIR_MODULE(name) out.push_back(avenir::name::make_module());
#include "app/modules.inc"
#undef AVENIR_MODULE
    return out;
}

}  // namespace avenir
