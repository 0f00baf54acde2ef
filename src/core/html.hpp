#pragma once
#include <string>
#include <string_view>

namespace avenir {
// HTML-escapes text for element content and attribute values (& < > " ').
std::string html_escape(std::string_view text);
// Text marked by the search highlighter (\x02 ... \x03 around matched words) as escaped HTML
// with <mark> elements, balanced even when an excerpt cut a mark.
std::string marked_html(std::string_view marked);
}  // namespace avenir
