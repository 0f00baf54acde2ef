#include "core/i18n/format.hpp"

#include <boost/locale/formatting.hpp>
#include <boost/locale/generator.hpp>
#include <boost/locale/localization_backend.hpp>

#include <sstream>

namespace avenir::i18n {
namespace as = boost::locale::as;
namespace {

boost::locale::generator icu_generator() {
    boost::locale::localization_backend_manager backends = boost::locale::localization_backend_manager::global();
    backends.select("icu");
    return boost::locale::generator(backends);
}

// The empty name means "the server's zone" to Boost.Locale; we never want that.
std::string zone_or_utc(std::string_view time_zone) { return time_zone.empty() ? "UTC" : std::string(time_zone); }

bool upper(char c) { return c >= 'A' && c <= 'Z'; }
bool letter(char c) { return upper(c) || (c >= 'a' && c <= 'z'); }
bool digit(char c) { return c >= '0' && c <= '9'; }

// "Area/Location" or "Area/Location/Sub": an upper-case ASCII area, then 1 or 2 parts of
// letters, digits, '_', '+', '-'.
bool iana_shaped(std::string_view name) {
    if (name.size() > 64) return false;
    const std::size_t slash = name.find('/');
    if (slash == std::string_view::npos || slash < 2 || !upper(name[0])) return false;
    for (std::size_t i = 1; i < slash; ++i)
        if (!letter(name[i])) return false;
    std::size_t parts = 0, length = 0;
    for (std::size_t i = slash + 1; i <= name.size(); ++i) {
        if (i == name.size() || name[i] == '/') {
            if (length == 0 || ++parts > 2) return false;
            length = 0;
        } else if (letter(name[i]) || digit(name[i]) || name[i] == '_' || name[i] == '+' || name[i] == '-') {
            ++length;
        } else {
            return false;
        }
    }
    return true;
}

}  // namespace

Formatter::Formatter() {
    boost::locale::generator gen = icu_generator();
    for (const auto& l : languages()) locales_.emplace(l.code, gen(l.locale));
}

Formatter::Formatter(const Catalog& catalog) {
    for (const auto& l : languages()) locales_.emplace(l.code, catalog.locale(l.code));
}

const std::locale& Formatter::locale(std::string_view lang) const {
    auto it = locales_.find(lang);
    if (it == locales_.end()) it = locales_.find("en");
    return it->second;
}

std::string Formatter::format_date(std::string_view lang, std::time_t when, std::string_view time_zone) const {
    std::ostringstream out;
    out.imbue(locale(lang));
    out << as::date << as::date_medium << as::time_zone(zone_or_utc(time_zone)) << when;
    return out.str();
}

std::string Formatter::format_datetime(std::string_view lang, std::time_t when, std::string_view time_zone) const {
    std::ostringstream out;
    out.imbue(locale(lang));
    out << as::datetime << as::date_medium << as::time_short << as::time_zone(zone_or_utc(time_zone)) << when;
    return out.str();
}

std::string Formatter::format_number(std::string_view lang, std::int64_t value) const {
    std::ostringstream out;
    out.imbue(locale(lang));
    out << as::number << static_cast<long long>(value);
    return out.str();
}

std::string Formatter::format_number(std::string_view lang, double value, int max_fraction_digits) const {
    std::ostringstream out;
    out.imbue(locale(lang));
    out.precision(max_fraction_digits < 0 ? 0 : max_fraction_digits);  // ICU: maximum fraction digits
    out << as::number << value;
    return out.str();
}

bool valid_time_zone(std::string_view name) {
    if (name != "UTC" && !iana_shaped(name)) return false;
    // ICU answers an unknown name with "Etc/Unknown", which formats like UTC. Boost.Locale does not
    // expose the resolved id, but the zone's generic name does: "GMT" in English for exactly the
    // unknown zone and the UTC aliases (every real zone has a metazone or city name, or an offset).
    static const std::locale english = icu_generator()("en_GB.UTF-8");
    std::ostringstream out;
    out.imbue(english);
    out << as::ftime("%Z") << as::time_zone(std::string(name)) << std::time_t(1764331200);  // any instant; a recent one
    if (out.str() != "GMT") return true;
    return name == "UTC" || name == "Etc/UTC" || name == "Etc/UCT" || name == "Etc/Universal" || name == "Etc/Zulu";
}

}  // namespace avenir::i18n
