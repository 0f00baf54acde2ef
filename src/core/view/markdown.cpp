#include "core/view/markdown.hpp"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <cstdlib>
#include <memory>
#include <mutex>
#include <stdexcept>

namespace avenir::view {
namespace {

void register_extensions_once() {
    static std::once_flag once;
    std::call_once(once, [] { cmark_gfm_core_extensions_ensure_registered(); });
}

void attach(cmark_parser* parser, const char* name) {
    if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name)) cmark_parser_attach_syntax_extension(parser, ext);
}

}  // namespace

std::string markdown_to_html(std::string_view markdown) {
    register_extensions_once();
    // CMARK_OPT_DEFAULT is safe: raw HTML becomes a comment and unsafe URL schemes are emptied.
    const int options = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8 | CMARK_OPT_SMART;
    std::unique_ptr<cmark_parser, decltype(&cmark_parser_free)> parser(cmark_parser_new(options), cmark_parser_free);
    if (!parser) throw std::bad_alloc();
    for (const char* ext : {"table", "strikethrough", "autolink"}) attach(parser.get(), ext);
    cmark_parser_feed(parser.get(), markdown.data(), markdown.size());
    std::unique_ptr<cmark_node, decltype(&cmark_node_free)> doc(cmark_parser_finish(parser.get()), cmark_node_free);
    char* html = cmark_render_html(doc.get(), options, cmark_parser_get_syntax_extensions(parser.get()));
    std::string out(html ? html : "");
    std::free(html);
    return out;
}

std::string localize_links(std::string_view html, std::string_view lang) {
    if (lang.empty() || lang == "en") return std::string(html);
    const std::string_view needle = "href=\"/";
    std::string out;
    out.reserve(html.size() + 64);
    std::size_t pos = 0;
    while (true) {
        const std::size_t hit = html.find(needle, pos);
        if (hit == std::string_view::npos) break;
        out.append(html.substr(pos, hit - pos + needle.size() - 1));  // up to and including the quote
        const bool protocol_relative = hit + needle.size() < html.size() && html[hit + needle.size()] == '/';
        if (!protocol_relative) out.append("/").append(lang);
        pos = hit + needle.size() - 1;  // continue at the '/'
    }
    out.append(html.substr(pos));
    return out;
}

}  // namespace avenir::view
