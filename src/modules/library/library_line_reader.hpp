#pragma once
// Reading an import file line by line without trusting its line lengths (library_import.cpp).
#include <algorithm>
#include <cstring>
#include <istream>
#include <string>
#include <vector>

#include "modules/library/library_import.hpp"

namespace avenir::library {

// Reads lines in blocks; keeps at most limit + 1 bytes of a line, so a huge line costs no memory.
class LineReader {
public:
    explicit LineReader(std::istream& in) : in_(in), buf_(64 * 1024) {}

    // False at the end of input. length is the whole line's length, even when text was cut.
    bool next(std::string& text, std::size_t& length) {
        text.clear();
        length = 0;
        bool any = false;
        for (;;) {
            if (pos_ == end_ && !fill()) {
                if (!any) return false;
                break;  // a last line without '\n': its CR goes too
            }
            any = true;
            const char* start = buf_.data() + pos_;
            const auto* nl = static_cast<const char*>(std::memchr(start, '\n', end_ - pos_));
            const std::size_t n = nl ? static_cast<std::size_t>(nl - start) : end_ - pos_;
            length += n;
            if (text.size() <= kMaxImportLineBytes) text.append(start, std::min(n, kMaxImportLineBytes + 1 - text.size()));
            pos_ += n;
            if (nl) {
                ++pos_;
                break;
            }
        }
        if (!text.empty() && text.back() == '\r' && length <= kMaxImportLineBytes + 1) {
            text.pop_back();
            --length;
        }
        return true;
    }

private:
    bool fill() {
        if (!in_) return false;
        in_.read(buf_.data(), static_cast<std::streamsize>(buf_.size()));
        pos_ = 0;
        end_ = static_cast<std::size_t>(in_.gcount());
        return end_ > 0;
    }

    std::istream& in_;
    std::vector<char> buf_;
    std::size_t pos_ = 0, end_ = 0;
};

}  // namespace avenir::library
