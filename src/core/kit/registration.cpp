#include <stdexcept>

#include "core/kit/module.hpp"
#include "core/log.hpp"

namespace avenir::kit {

void Registration::route(http::Method method, std::string pattern, std::string permission, http::Handler handler,
                         http::RouteOptions options) {
    options.permission = std::move(permission);
    options.owner = module_;
    router_.add(method, std::move(pattern), std::move(handler), std::move(options));
}

void Registration::permission(std::string name, std::string description, Rule rule) {
    access_.define({std::move(name), module_, std::move(description), std::move(rule)});
}

void Registration::identity(Identity identity) {
    if (identity_) throw std::logic_error("module " + module_ + " provides the identity twice");
    identity_ = std::move(identity);
}

void Context::pages_changed() const {
    page_cache.clear();
    try {
        generations.bump(db, "pages");
    } catch (const storage::DbError& e) {
        log::warn("pages_stamp_failed", log::kv("error", e.what()));
    }
}

}  // namespace avenir::kit
