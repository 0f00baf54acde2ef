#pragma once
#include <string>
#include <string_view>

namespace avenir {
// HTML-escapes text for element content and attribute values (& < > " ').
std::string html_escape(std::string_view text);
}  // namespace avenir
