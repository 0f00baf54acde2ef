#pragma once
// Markdown to safe HTML with cmark-gfm: raw HTML is dropped and javascript:/vbscript:/file:/data:
// links are removed (cmark's safe mode), tables, strikethrough and autolinks are on.
#include <string>
#include <string_view>

#include "core/html.hpp"

namespace avenir::view {

std::string markdown_to_html(std::string_view markdown);
// Prefixes local links (href="/...") with the language path ("/fr") so content written once
// with "/contacts" stays in the reader's language. "en" leaves links as they are.
std::string localize_links(std::string_view html, std::string_view lang);
using avenir::html_escape;

}  // namespace avenir::view
