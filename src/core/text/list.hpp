#pragma once
// Lists kept in one text column ("a,b,c"): split (empty items dropped) and join.
#include <sstream>
#include <string>
#include <type_traits>
#include <vector>

namespace avenir::text {

inline std::vector<std::string> split_list(const std::string& s, char sep = ',') {
    std::vector<std::string> out;
    std::string item;
    std::istringstream in(s);
    while (std::getline(in, item, sep))
        if (!item.empty()) out.push_back(item);
    return out;
}

template <class T>
std::string join_list(const std::vector<T>& v, char sep = ',') {
    std::string out;
    for (const auto& x : v) {
        if (!out.empty()) out += sep;
        if constexpr (std::is_arithmetic_v<T>) out += std::to_string(x);
        else out += x;
    }
    return out;
}

}  // namespace avenir::text
