#include "core/kit/access.hpp"

#include <stdexcept>

#include "core/http/pipeline.hpp"

namespace avenir::kit {

void Access::define(Permission p) {
    const bool well_formed = !p.name.empty() && p.name.find_first_not_of("abcdefghijklmnopqrstuvwxyz_") == std::string::npos;
    if (!well_formed) throw std::logic_error("permission name \"" + p.name + "\" must be lower_case_with_underscores");
    if (!p.rule) throw std::logic_error("permission \"" + p.name + "\" has no rule");
    if (const auto it = permissions_.find(p.name); it != permissions_.end())
        throw std::logic_error("permission \"" + p.name + "\" is declared by both " + it->second.module + " and " + p.module);
    const std::string name = p.name;
    permissions_.emplace(name, std::move(p));
}

Decision Access::decide(const auth::Principal* who, std::string_view permission, const http::Request& req) const {
    const auto it = permissions_.find(permission);
    if (it == permissions_.end()) return Decision::Deny;
    return it->second.rule(who, req);
}

bool Access::allowed(http::Request& req, std::string_view permission) const {
    return decide(auth::current_principal(req), permission, req) == Decision::Allow;
}

std::string Access::viewer_key(http::Request& req) const {
    const auth::Principal* who = auth::current_principal(req);
    std::string key = who ? "s:" : "a:";
    for (const auto& [name, p] : permissions_) key.push_back(p.rule(who, req) == Decision::Allow ? '1' : '0');
    return key;
}

std::vector<const Permission*> Access::all() const {
    std::vector<const Permission*> out;
    for (const auto& [name, p] : permissions_) out.push_back(&p);
    return out;
}

std::string Access::csrf(http::Request& req) const {
    if (!csrf_) throw std::logic_error("no module supplies CSRF tokens (the accounts module must be in the module list)");
    http::mark_private(req);  // a token belongs to one visitor: the page cache never keeps this page
    return csrf_(req);
}

}  // namespace avenir::kit
