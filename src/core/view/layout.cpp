#include "core/view/layout.hpp"

#include <algorithm>

#include "core/log.hpp"

namespace avenir::view {

Layout::Layout(const Views& views, const i18n::Catalog& catalog, std::string stylesheet_url)
    : views_(views), catalog_(catalog), stylesheet_url_(std::move(stylesheet_url)) {}

void Layout::set_nav(std::vector<NavItem> nav, std::function<bool(http::Request&, std::string_view)> visible) {
    std::stable_sort(nav.begin(), nav.end(), [](const NavItem& a, const NavItem& b) { return a.order < b.order; });
    nav_ = std::move(nav);
    visible_ = std::move(visible);
}

std::string Layout::href(const http::Request& req, std::string_view path) {
    if (req.lang == "en" && i18n::split_lang_prefix(req.raw_path).had_prefix) return "/en" + std::string(path);
    return i18n::localized_path(req.lang, path);
}

nlohmann::json Layout::frame(http::Request& req, std::string_view title) const {
    nlohmann::json f;
    f["lang"] = req.lang;
    f["dir"] = i18n::is_rtl(req.lang) ? "rtl" : "ltr";
    f["title"] = title;
    f["stylesheet"] = stylesheet_url_;
    f["home_href"] = href(req, "/");
    auto& nav = f["nav"] = nlohmann::json::array();
    for (const auto& item : nav_) {
        if (item.permission != "public" && !(visible_ && visible_(req, item.permission))) continue;
        const bool current = req.path == item.path || (item.path != "/" && req.path.starts_with(item.path + "/"));
        nav.push_back({{"href", href(req, item.path)}, {"label", tr(req, item.label)}, {"current", current}});
    }
    auto& langs = f["languages"] = nlohmann::json::array();
    for (const auto& l : i18n::languages()) {
        // Explicit prefixes, English included: choosing a language overrides the browser's.
        const std::string target = l.code == "en" ? "/en" + req.path : i18n::localized_path(l.code, req.path);
        langs.push_back({{"code", l.code}, {"name", l.native_name}, {"href", target},
                         {"current", l.code == req.lang}});
    }
    if (account_menu_) f["account"] = account_menu_(req);
    if (!search_path_.empty()) f["search"] = {{"action", href(req, search_path_)}, {"q", req.path == search_path_ ? req.query("q") : ""}};
    return f;
}

http::Response Layout::page(http::Request& req, std::string_view name, nlohmann::json data,
                            std::string_view title, int status) const {
    data["lang"] = req.lang;
    data["home_href"] = href(req, "/");
    nlohmann::json f = frame(req, title);
    f["content"] = views_.render(req.lang, name, data);
    return http::Response::html(views_.render(req.lang, "layout", f), status);
}

namespace {
// A heading a person understands, per status (English msgids, translated per request).
std::string_view heading_for(int status) {
    switch (status) {
        case 400: return "The request could not be understood";
        case 403: return "Access denied";
        case 404: return "Page not found";
        case 405: return "This action is not possible here";
        case 408: return "The request took too long";
        case 409: return "This conflicts with the current state";
        case 413: return "The request is too large";
        case 422: return "Some information needs correcting";
        case 431: return "The request headers are too large";
        case 503: return "Temporarily unavailable";
        default: return status >= 500 ? "Something went wrong" : "The request could not be completed";
    }
}
}  // namespace

http::Response Layout::error_page(http::Request& req, int status, std::string_view public_message) const {
    nlohmann::json data;
    data["status"] = status;
    data["heading"] = tr(req, heading_for(status));
    std::string message = public_message.empty() ? std::string() : tr(req, public_message);
    if (status >= 500) {
        // Never the cause: only a reference the person can quote to an administrator.
        message = tr(req, "Please try again in a moment. If it happens again, give this reference to the site's administrators:") +
                  " " + req.request_id;
    }
    data["has_message"] = !message.empty();
    data["message"] = message;
    const std::string title = data["heading"].get<std::string>();
    return page(req, "error", std::move(data), title, status);
}

}  // namespace avenir::view
