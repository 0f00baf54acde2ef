#pragma once
// Languages, the language path prefix (/fr/, /es/, /ar/, /en/ or none for English), text
// direction, interface catalogs (gettext .mo through Boost.Locale), Accept-Language negotiation,
// the content fallback chain and the state of a content translation. Dates, times and numbers are
// formatted by Formatter (core/i18n/format.hpp).
#include <locale>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace avenir::i18n {

// Marks a message id for the catalog where it is translated later (tables of labels).
constexpr std::string_view noop(std::string_view msgid) { return msgid; }


struct Language {
    std::string code;         // "fr"
    std::string native_name;  // "Français"
    std::string locale;       // "fr_FR.UTF-8" (Boost.Locale/ICU id; Arabic asks for Western digits)
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

// The interface language for an Accept-Language header (RFC 9110 12.5.4): the highest q-value
// wins, ties go to the range written first; a range matches one of our languages by its primary
// subtag ("fr-CA" -> fr, "AR-eg" -> ar); "*" stands for every language no other range names;
// q=0 refuses. Malformed elements are skipped; with nothing acceptable the answer is "en".
std::string negotiate_language(std::string_view accept_language);

// Interface strings from po/<lang>.po, compiled to <dir>/<lang>/LC_MESSAGES/avenir.mo.
class Catalog {
public:
    // Locales come from Boost.Locale's ICU backend, so they also format dates and numbers.
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

// Fingerprint of a source text; a translation stores the fingerprint of the source it was made
// from. 16 lowercase hex digits: the first 8 bytes of BLAKE2b-256 (libsodium crypto_generichash)
// of the text with line endings made LF and leading/trailing whitespace removed, so re-saving a
// text with CRLF or a final newline does not make its translations outdated. Stored in
// databases: never change this rule without migrating the stored fingerprints.
std::string source_fingerprint(std::string_view source_text);

enum class TranslationState {
    Complete,  // has text, made from the current source
    Outdated,  // has text, made from an older source (or from an unknown one: no fingerprint)
    Missing,   // no text
};
TranslationState translation_state(std::string_view current_source_text,
                                   std::optional<std::string_view> translated_from_fingerprint, bool has_text);

}  // namespace avenir::i18n
