#include "core/view/markdown.hpp"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <cstdlib>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <unordered_map>

namespace avenir::view {
namespace {

void register_extensions_once() {
    static std::once_flag once;
    std::call_once(once, [] { cmark_gfm_core_extensions_ensure_registered(); });
}

void attach(cmark_parser* parser, const char* name) {
    if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name)) cmark_parser_attach_syntax_extension(parser, ext);
}

// Rendered HTML of recent texts, by the text itself: the same guide steps and programme pages
// are rendered for every reader, so each is parsed once. Bounded by the bytes it holds (cleared
// when full); the key is the whole text, so two texts never share an entry.
class Memo {
public:
    std::optional<std::string> find(std::string_view text) {
        std::lock_guard lock(mutex_);
        const auto it = entries_.find(text);
        if (it == entries_.end()) return std::nullopt;
        return it->second;
    }
    void keep(std::string_view text, const std::string& html) {
        std::lock_guard lock(mutex_);
        if (bytes_ + text.size() + html.size() > kMaxBytes) {
            entries_.clear();
            bytes_ = 0;
        }
        if (entries_.emplace(std::string(text), html).second) bytes_ += text.size() + html.size();
    }

private:
    static constexpr std::size_t kMaxBytes = 16u << 20;
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
    };
    std::mutex mutex_;
    std::unordered_map<std::string, std::string, Hash, std::equal_to<>> entries_;
    std::size_t bytes_ = 0;
};

Memo& memo() {
    static Memo m;
    return m;
}

std::string render(std::string_view markdown);

}  // namespace

std::string markdown_to_html(std::string_view markdown) {
    if (auto hit = memo().find(markdown)) return std::move(*hit);
    std::string html = render(markdown);
    memo().keep(markdown, html);
    return html;
}

namespace {

std::string render(std::string_view markdown) {
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

}  // namespace

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
