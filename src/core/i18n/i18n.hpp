#pragma once
// Languages, the language path prefix (/fr/, /es/, /ar/, /en/ or none for English), text
// direction, interface catalogs (gettext .mo through Boost.Locale) and the content fallback chain.
#include <locale>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace avenir::i18n {

struct Language {
    std::string code;         // "fr"
    std::string native_name;  // "Français"
    std::string locale;       // "fr_FR.UTF-8"
    bool rtl = false;
};

// The interface languages, English first.
const std::vector<Language>& languages();
// The language with this code, or nullptr.
const Language* find_language(std::string_view code);
inline bool is_rtl(std::string_view code) {
    const Language* l = find_language(code);
    return l && l->rtl;
}

struct PrefixSplit {
    std::string lang = "en";
    std::string rest = "/";   // path without the prefix, always starting with '/'
    bool had_prefix = false;
};
// "/fr/regions" -> {fr, /regions, true}; "/fr" -> {fr, /, true}; "/regions" -> {en, /regions, false}.
PrefixSplit split_lang_prefix(std::string_view path);
// The path a page has in a language: ("fr", "/regions") -> "/fr/regions"; ("en", "/x") -> "/x";
// ("fr", "/") -> "/fr/".
std::string localized_path(std::string_view lang, std::string_view path);

// Interface strings from po/<lang>.po, compiled to <dir>/<lang>/LC_MESSAGES/avenir.mo.
class Catalog {
public:
    explicit Catalog(const std::string& locale_dir);
    // The translation of msgid in lang; msgid itself when there is none.
    std::string translate(std::string_view lang, std::string_view msgid) const;
    const std::locale& locale(std::string_view lang) const;

private:
    std::map<std::string, std::locale, std::less<>> locales_;
};

// A text chosen by the content fallback chain (requested language, then English, then any).
struct Chosen {
    std::string text;
    std::string lang;      // the language the text is in
    bool fallback = false; // true when lang differs from the requested language
};
Chosen choose(const std::map<std::string, std::string, std::less<>>& by_lang, std::string_view lang);

}  // namespace avenir::i18n
