#pragma once
// Text without the spaces, tabs and line breaks around it (form fields, content files).
#include <string>
#include <string_view>

namespace avenir::text {

inline std::string trim(std::string_view s) {
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string_view::npos) return "";
    return std::string(s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1));
}

}  // namespace avenir::text
