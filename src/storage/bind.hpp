#pragma once
// Helpers for statements whose parameters are built in code: a list bound as "$n, $n+1, ..."
// (values are always parameters, never pasted into the SQL) and a nullable integer.
#include <cstdint>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include "storage/database.hpp"

namespace avenir::storage {

// Appends values to params; returns their placeholders, for "x IN (...)". Empty values: "".
template <class T>
std::string bind_in(std::vector<Value>& params, const std::vector<T>& values) {
    std::string out;
    for (const auto& v : values) {
        if constexpr (std::is_integral_v<T>) params.emplace_back(static_cast<std::int64_t>(v));
        else params.emplace_back(v);
        out += (out.empty() ? "$" : ", $") + std::to_string(params.size());
    }
    return out;
}

// NULL for an empty optional.
inline Value nullable(const std::optional<std::int64_t>& v) { return v ? Value(*v) : Value(nullptr); }

}  // namespace avenir::storage
