#pragma once
// Who may do what, as one registry: every permission a route may name, each with the rule that
// decides it, declared by the module that owns it (Registration::permission). The module that owns
// sessions (accounts) supplies the CSRF tokens and enforces the decision in the pipeline's guard.
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/auth/roles.hpp"
#include "core/http/request.hpp"

namespace avenir::kit {

using auth::Decision;
// Decides a permission for a principal (nullptr = anonymous) and the request (its path
// parameters, e.g. {union_id}).
using Rule = std::function<Decision(const auth::Principal* who, const http::Request& req)>;

struct Permission {
    std::string name;
    std::string module;       // who declared it
    std::string description;  // one line for docs and reviewers
    Rule rule;
};

class Access {
public:
    // Throws std::logic_error when the name is taken or malformed (lower_case_with_underscores).
    void define(Permission p);
    // The rule's decision; Deny for an unknown permission (it protects nothing by mistake).
    Decision decide(const auth::Principal* who, std::string_view permission, const http::Request& req) const;
    // Whether the request's person is allowed (Allow only) what the permission allows.
    bool allowed(http::Request& req, std::string_view permission) const;
    // One character per permission (allowed or not) for the request's person: pages whose content
    // depends only on what the reader may do are shared by readers with the same key.
    std::string viewer_key(http::Request& req) const;
    bool known(std::string_view permission) const { return permissions_.find(permission) != permissions_.end(); }
    std::vector<const Permission*> all() const;

    // The CSRF token for a form on this page (from the module that owns sessions).
    std::string csrf(http::Request& req) const;
    void set_csrf(std::function<std::string(http::Request&)> csrf) { csrf_ = std::move(csrf); }

private:
    std::map<std::string, Permission, std::less<>> permissions_;
    std::function<std::string(http::Request&)> csrf_;
};

}  // namespace avenir::kit
