#include "core/view/content_lang.hpp"

#include "core/i18n/i18n.hpp"

namespace avenir::view {

nlohmann::json content_language(std::string_view content_lang, std::string_view page_lang) {
    return {{"lang", content_lang}, {"dir", i18n::is_rtl(content_lang) ? "rtl" : "ltr"}, {"other", content_lang != page_lang}};
}

}  // namespace avenir::view
