#pragma once
// The site's layout: wraps a page template in the shared frame (skip link, header, navigation,
// language switcher, footer) with <html lang dir>, and renders error pages the same way.
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/http/request.hpp"
#include "core/http/response.hpp"
#include "core/i18n/i18n.hpp"
#include "core/view/views.hpp"

namespace avenir::view {

struct NavItem {
    std::string path;                   // unprefixed ("/regions")
    std::string label;                  // English msgid, translated per request
    int order = 100;                    // lower first
    std::string permission = "public";  // shown to whoever is allowed this permission
};

class Layout {
public:
    Layout(const Views& views, const i18n::Catalog& catalog, std::string stylesheet_url);
    // The header's navigation (sorted by order) and who sees each entry.
    void set_nav(std::vector<NavItem> nav, std::function<bool(http::Request&, std::string_view permission)> visible);

    // Renders template `name` with data into the layout; title is already translated.
    http::Response page(http::Request& req, std::string_view name, nlohmann::json data, std::string_view title,
                        int status = 200) const;
    // An error page in the layout and the request's language.
    http::Response error_page(http::Request& req, int status, std::string_view public_message) const;
    // Supplies the header's account links ({signed_in, name, account_href, sign_in_href, register_href}).
    void set_account_menu(std::function<nlohmann::json(http::Request&)> menu) { account_menu_ = std::move(menu); }
    // Where the header's search field sends its query ("" for no field).
    void set_search_path(std::string path) { search_path_ = std::move(path); }
    std::string tr(const http::Request& req, std::string_view msgid) const { return catalog_.translate(req.lang, msgid); }
    // A local path in the request's language ("/regions" -> "/fr/regions"); English keeps the
    // "/en" prefix when the reader chose it, so negotiation does not switch language under them.
    static std::string href(const http::Request& req, std::string_view path);
    const Views& views() const { return views_; }

private:
    nlohmann::json frame(http::Request& req, std::string_view title) const;

    const Views& views_;
    const i18n::Catalog& catalog_;
    std::string stylesheet_url_;
    std::vector<NavItem> nav_;
    std::function<bool(http::Request&, std::string_view)> visible_;
    std::function<nlohmann::json(http::Request&)> account_menu_;
    std::string search_path_;
};

}  // namespace avenir::view
