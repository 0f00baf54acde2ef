#pragma once
// Mustache templates (kainjow, HTML-escaped by default), compiled into the binary and loaded once.
// Interface text in templates is written {{#t}}English text{{/t}}; at load each template is
// translated once per language, so rendering costs no catalog lookups.
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "core/i18n/i18n.hpp"

namespace avenir::view {

class Views {
public:
    // Loads the embedded templates: modules/<m>/templates/<f>.mustache is "<m>/<f>",
    // core/view/templates/<f>.mustache is "<f>". Throws std::runtime_error on a template error.
    explicit Views(const i18n::Catalog& catalog);
    // Renders a template; throws std::runtime_error when it is missing or fails.
    std::string render(std::string_view lang, std::string_view name, const nlohmann::json& data) const;
    bool has(std::string_view name) const;
    // msgids found in {{#t}}...{{/t}} markers of every template (for catalog checks).
    std::vector<std::string> msgids() const;

private:
    // (lang, name) -> translated template source
    std::map<std::pair<std::string, std::string>, std::string, std::less<>> sources_;
    std::vector<std::string> msgids_;
    std::uint64_t serial_ = 0;
};

// Replaces {{#t}}msgid{{/t}} markers with translate(msgid), HTML-escaped.
std::string translate_markers(std::string_view source, const std::function<std::string(std::string_view)>& translate,
                              std::vector<std::string>* msgids = nullptr);

}  // namespace avenir::view
