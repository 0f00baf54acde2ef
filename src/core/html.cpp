#include "core/html.hpp"

namespace avenir {

std::string html_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 16);
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out.push_back(c);
        }
    }
    return out;
}

std::string marked_html(std::string_view s) {
    std::string out;
    std::string run;
    auto flush = [&] {
        out += html_escape(run);
        run.clear();
    };
    for (char c : s) {
        if (c == '\x02') flush(), out += "<mark>";
        else if (c == '\x03') flush(), out += "</mark>";
        else run.push_back(c);
    }
    flush();
    // Unbalanced markers (a cut snippet) must not leave an open element.
    std::size_t open = 0, close = 0;
    for (std::size_t p = out.find("<mark>"); p != std::string::npos; p = out.find("<mark>", p + 1)) ++open;
    for (std::size_t p = out.find("</mark>"); p != std::string::npos; p = out.find("</mark>", p + 1)) ++close;
    while (close < open) out += "</mark>", ++close;
    return out;
}

}  // namespace avenir
