#include "core/i18n/i18n.hpp"

#include <boost/locale/generator.hpp>
#include <boost/locale/localization_backend.hpp>
#include <boost/locale/message.hpp>

namespace avenir::i18n {

const std::vector<Language>& languages() {
    static const std::vector<Language> all = {
        {"en", "English", "en_GB.UTF-8", false},
        {"fr", "Français", "fr_FR.UTF-8", false},
        {"es", "Español", "es_ES.UTF-8", false},
        // Western digits (12,345; 28/11/2025) rather than ICU's default Arabic-Indic ones for
        // ar_EG: see format.hpp. The "@numbers=latn" keyword changes only number formatting;
        // messages are still found under ar/.
        {"ar", "العربية", "ar_EG.UTF-8@numbers=latn", true},
    };
    return all;
}

const Language* find_language(std::string_view code) {
    for (const auto& l : languages())
        if (l.code == code) return &l;
    return nullptr;
}

PrefixSplit split_lang_prefix(std::string_view path) {
    PrefixSplit out;
    out.rest = path.empty() ? "/" : std::string(path);
    if (path.size() < 3 || path[0] != '/') return out;
    const std::string_view code = path.substr(1, 2);
    if (path.size() > 3 && path[3] != '/') return out;
    if (!find_language(code)) return out;
    out.lang = std::string(code);
    out.rest = path.size() > 3 ? std::string(path.substr(3)) : "/";
    out.had_prefix = true;
    return out;
}

std::string localized_path(std::string_view lang, std::string_view path) {
    if (lang.empty() || lang == "en") return std::string(path);
    std::string out = "/";
    out.append(lang);
    out.append(path.empty() ? "/" : path);
    return out;
}

Catalog::Catalog(const std::string& locale_dir) {
    // ICU explicitly, whatever the process-wide default: Formatter relies on these locales.
    boost::locale::localization_backend_manager backends = boost::locale::localization_backend_manager::global();
    backends.select("icu");
    boost::locale::generator gen(backends);
    gen.add_messages_path(locale_dir);
    gen.add_messages_domain("avenir");
    for (const auto& l : languages()) locales_.emplace(l.code, gen(l.locale));
}

const std::locale& Catalog::locale(std::string_view lang) const {
    auto it = locales_.find(lang);
    if (it == locales_.end()) it = locales_.find("en");
    return it->second;
}

std::string Catalog::translate(std::string_view lang, std::string_view msgid) const {
    if (msgid.empty()) return {};
    return boost::locale::translate(std::string(msgid)).str(locale(lang));
}

Chosen choose(const std::map<std::string, std::string, std::less<>>& by_lang, std::string_view lang) {
    if (auto it = by_lang.find(lang); it != by_lang.end() && !it->second.empty()) return {it->second, it->first, false};
    if (auto it = by_lang.find("en"); it != by_lang.end() && !it->second.empty()) return {it->second, "en", lang != "en"};
    for (const auto& [l, text] : by_lang)
        if (!text.empty()) return {text, l, l != lang};
    return {};
}

}  // namespace avenir::i18n
