#pragma once
// Routes: method + pattern ("/regions/{slug}", "/static/{path...}") -> handler,
// each with the permission it requires declared beside it.
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/http/request.hpp"
#include "core/http/response.hpp"

namespace avenir::http {

using Handler = std::function<Response(Request&)>;

struct RouteOptions {
    // Name of the permission this route requires ("public" for everyone). Checked by the
    // authorisation layer; listed by the route-table tests.
    std::string permission = "public";
    // Largest request body accepted, in bytes; 0 means the server default.
    std::size_t max_body = 0;
    // What to tell the person when the body is over max_body (a catalog message id), e.g. the
    // upload limit of a file form; empty for the general message.
    std::string too_large_message = {};
    // Anonymous answers (200) are kept whole for the page cache's lifetime and served from the
    // io threads without running the handler. with_query: the query string is part of the key.
    bool cache_anonymous = false;
    bool cache_with_query = true;
    // With cache_anonymous: signed-in readers share the page too, with those allowed exactly the
    // same permissions (PipelineOptions::viewer_key). Only for pages whose content depends on what
    // the reader may do, never on who they are; a page that shows a form (CSRF token) is never kept.
    bool cache_signed_in = false;
    // Runs on the io thread instead of a worker: only for handlers that never block (static
    // files, health probes answering from memory).
    bool inline_handler = false;
    // The module that registered the route ("" for the platform's own): for tests and logs.
    std::string owner = {};
};

struct Route {
    Method method;
    std::string pattern;
    Handler handler;
    RouteOptions options;
};

struct Match {
    const Route* route = nullptr;  // null when nothing matched
    // Methods allowed on this path when the path matched but the method did not (for 405 + Allow).
    std::vector<Method> allowed;
};

class Router {
public:
    void add(Method m, std::string pattern, Handler h, RouteOptions o = {});
    void get(std::string pattern, Handler h, RouteOptions o = {}) { add(Method::Get, std::move(pattern), std::move(h), std::move(o)); }
    void post(std::string pattern, Handler h, RouteOptions o = {}) { add(Method::Post, std::move(pattern), std::move(h), std::move(o)); }

    // Finds the route for method and path and fills req-style params. HEAD matches GET routes.
    Match match(Method m, std::string_view path, std::map<std::string, std::string, std::less<>>* params) const;
    const std::vector<Route>& routes() const { return routes_; }

private:
    // Each route's pattern split once at add(): (rank, literal text or parameter name).
    std::vector<std::vector<std::pair<int, std::string>>> segments_;
    std::vector<Route> routes_;
};

}  // namespace avenir::http
