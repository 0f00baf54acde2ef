#include "core/content/toml_file.hpp"

#include <sstream>

#include "core/errors.hpp"

namespace avenir::content {

toml::table parse_toml_file(const std::filesystem::path& file) {
    try {
        return toml::parse_file(file.string());
    } catch (const toml::parse_error& e) {
        std::ostringstream msg;
        msg << file.string() << ":" << e.source().begin.line << ":" << e.source().begin.column << ": " << e.description();
        throw ContentError(msg.str());
    }
}

}  // namespace avenir::content
