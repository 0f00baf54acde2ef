#pragma once
// A field of an RFC 4180 CSV file: as is, or quoted by libcsv when it holds a separator, a quote or
// a line break.
#include <csv.h>

#include <string>

namespace avenir::text {

inline std::string csv_field(const std::string& s) {
    if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
    std::string out(s.size() * 2 + 2, '\0');
    out.resize(csv_write(out.data(), out.size(), s.data(), s.size()));
    return out;
}

}  // namespace avenir::text
