#pragma once
// Dates, times and numbers in the interface languages, through Boost.Locale's ICU backend (CLDR
// patterns): "28 Nov 2025" / "28 nov. 2025" / "28 nov 2025" / "28‏/11‏/2025", grouping "12,345" /
// "12 345" (U+202F) / "12.345" / "12,345".
//
// Decisions:
// - Arabic uses Western digits ("ar_EG.UTF-8@numbers=latn", set in i18n::languages()), not ICU's
//   default Arabic-Indic digits for Egypt (١٢٬٣٤٥): everything else on the site (content, phone
//   numbers, references, years in texts) is written with Western digits, and they are the usual
//   ones in the Maghreb and on pan-Arab sites. Everything else (month names, "م"/"ص", the Arabic
//   comma, the RLM marks in dates) stays as CLDR has it for ar_EG.
// - The medium date style everywhere; for Arabic CLDR's medium date is numeric (day/month/year).
// - A time zone is an IANA name ("Europe/Paris"); an empty or unknown one formats as UTC (ICU's
//   own behaviour for unknown names, made explicit for the empty name, which would otherwise mean
//   the server's zone). Check user input with valid_time_zone().
// - Thread safety: the locales are built once and never change; each call formats into its own
//   ostringstream. Boost.Locale keeps ICU's formatters per thread (thread_specific_ptr), so
//   concurrent calls share no mutable state.
// - Strings are exact CLDR output and change with ICU versions (tests are pinned to Debian 12's
//   ICU 72).
#include <concepts>
#include <cstdint>
#include <ctime>
#include <locale>
#include <map>
#include <string>
#include <string_view>

#include "core/i18n/i18n.hpp"

namespace avenir::i18n {

class Formatter {
public:
    // Builds the locales of languages() itself (no message catalogs).
    Formatter();
    // Shares the catalog's locales (same ICU backend); the catalog may be destroyed afterwards.
    explicit Formatter(const Catalog& catalog);

    // Medium date in the time zone: "28 Nov 2025".
    std::string format_date(std::string_view lang, std::time_t when, std::string_view time_zone) const;
    // Medium date and short time in the time zone: "28 Nov 2025, 13:00".
    std::string format_datetime(std::string_view lang, std::time_t when, std::string_view time_zone) const;
    // Grouped per locale: "12,345", "-1,234.5"; doubles keep at most max_fraction_digits.
    std::string format_number(std::string_view lang, std::int64_t value) const;
    std::string format_number(std::string_view lang, double value, int max_fraction_digits = 3) const;
    template <std::integral T>
        requires(!std::same_as<T, std::int64_t> && !std::same_as<T, bool>)
    std::string format_number(std::string_view lang, T value) const {
        return format_number(lang, static_cast<std::int64_t>(value));
    }

private:
    const std::locale& locale(std::string_view lang) const;
    std::map<std::string, std::locale, std::less<>> locales_;
};

// True for a time zone name ICU knows and we accept: "UTC" or an IANA "Area/Location" name
// ("Europe/Paris", "America/Argentina/Buenos_Aires", "Etc/GMT+5"). False for "", wrong case
// ("europe/paris"), legacy single names ("EST", "Japan"), custom offsets ("GMT+5") and names newer
// than ICU's time zone data.
bool valid_time_zone(std::string_view name);

}  // namespace avenir::i18n
