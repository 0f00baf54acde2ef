#pragma once
// Interface text with values in it: the msgid has numbered placeholders, {1}, {2}, ... (Boost.Locale
// format syntax), is translated, then filled in one pass with the reader's locale:
//
//   i18n::message(catalog, req.lang, "{1} sessions of {2} hours", 3, 3)   -> "3 séances de 3 heures"
//
// One pass means a value is never read as a pattern ("{2}" inside a value stays as it is), and a
// translation that leaves a placeholder out simply leaves that value out: the rest of the sentence
// is intact, never garbled. Translators may reorder placeholders ("{2} ... {1}").
#include <sstream>
#include <string>
#include <string_view>

#include <boost/locale/format.hpp>

#include "core/i18n/i18n.hpp"

namespace avenir::i18n {

// Fills pattern (already translated) with args, formatting them in loc.
template <class... Args>
std::string fill(const std::locale& loc, const std::string& pattern, const Args&... args) {
    boost::locale::format f(pattern);
    (f % ... % args);
    std::ostringstream out;
    out.imbue(loc);
    out << f;
    return out.str();
}

// The translation of msgid in lang, filled with args.
template <class... Args>
std::string message(const Catalog& catalog, std::string_view lang, std::string_view msgid, const Args&... args) {
    return fill(catalog.locale(lang), catalog.translate(lang, msgid), args...);
}

}  // namespace avenir::i18n
