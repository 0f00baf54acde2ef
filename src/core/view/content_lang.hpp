#pragma once
// A block of content may be written in another language than the page around it (an English
// workshop in the Arabic interface, a French resource in the Spanish one). Such a block carries
// both lang and dir from the content's own language, so a screen reader uses the right voice and
// the text runs in its own direction while the page chrome keeps the interface's.
//
//   data["content"] = view::content_language(version.lang, req.lang);
//   <article lang="{{content.lang}}" dir="{{content.dir}}">      (always set: correct either way)
//   {{#content.other}}<p class="note">...shown in another language...</p>{{/content.other}}
#include <string_view>

#include <nlohmann/json.hpp>

namespace avenir::view {

// {"lang": content_lang, "dir": "rtl"|"ltr" (of content_lang), "other": content_lang != page_lang}
nlohmann::json content_language(std::string_view content_lang, std::string_view page_lang);

}  // namespace avenir::view
