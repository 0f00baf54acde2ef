#include "core/auth/principal.hpp"

#include <any>
#include <memory>

#include "core/errors.hpp"

namespace avenir::auth {
namespace {
constexpr std::string_view kKey = "avenir.principal";
constexpr std::string_view kLoaderKey = "avenir.principal_loader";
}  // namespace

bool Principal::has_role(std::string_view role) const {
    for (const auto& g : grants)
        if (g.role == role) return true;
    return false;
}

bool Principal::has_role_in(std::string_view role, std::string_view scope_type, std::string_view scope_id) const {
    for (const auto& g : grants)
        if (g.role == role && g.scope_type == scope_type && g.scope_id == scope_id) return true;
    return false;
}

void attach_principal_loader(http::Request& req, const PrincipalLoader* loader) {
    req.context.insert_or_assign(std::string(kLoaderKey), loader);
}

const Principal* current_principal(http::Request& req) {
    auto it = req.context.find(kKey);
    if (it == req.context.end()) {
        std::optional<Principal> p;
        if (const auto l = req.context.find(kLoaderKey); l != req.context.end())
            if (const auto* loader = std::any_cast<const PrincipalLoader*>(l->second); loader && *loader) {
                try {
                    p = (*loader)(req);
                } catch (...) {
                    // The database is away: the error page that follows shows an anonymous frame
                    // instead of trying (and failing) again.
                    req.context.emplace(std::string(kKey), std::make_shared<std::optional<Principal>>());
                    throw;
                }
            }
        it = req.context.emplace(std::string(kKey), std::make_shared<std::optional<Principal>>(std::move(p))).first;
    }
    const auto& holder = std::any_cast<const std::shared_ptr<std::optional<Principal>>&>(it->second);
    return holder->has_value() ? &**holder : nullptr;
}

const Principal& require_principal(http::Request& req) {
    const Principal* p = current_principal(req);
    if (!p) throw Forbidden("Please sign in first.", "no principal on a signed-in route");
    return *p;
}

void forget_principal(http::Request& req) { req.context.erase(std::string(kKey)); }

}  // namespace avenir::auth
