#include "core/i18n/zoned_time.hpp"

#include <boost/locale/date_time.hpp>
#include <boost/locale/generator.hpp>
#include <boost/locale/localization_backend.hpp>

#include <charconv>
#include <cmath>
#include <cstdio>

namespace avenir::i18n {
namespace bl = boost::locale;
namespace {

const std::locale& calendar_locale() {
    static const std::locale loc = [] {
        bl::localization_backend_manager backends = bl::localization_backend_manager::global();
        backends.select("icu");
        return bl::generator(backends)("en_GB.UTF-8");
    }();
    return loc;
}

std::string zone_or_utc(std::string_view zone) { return zone.empty() ? "UTC" : std::string(zone); }

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
int days_in_month(int y, int m) {
    static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && leap(y) ? 29 : days[m - 1];
}

// Digits only, exactly `width` of them.
std::optional<int> number(std::string_view s, std::size_t width) {
    if (s.size() != width) return std::nullopt;
    int v = 0;
    const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
    for (char c : s)
        if (c < '0' || c > '9') return std::nullopt;
    return v;
}

}  // namespace

std::optional<std::int64_t> local_to_utc(const WallTime& w, std::string_view zone) {
    if (w.year < 1900 || w.year > 2200 || w.month < 1 || w.month > 12 || w.day < 1 || w.day > days_in_month(w.year, w.month) ||
        w.hour < 0 || w.hour > 23 || w.minute < 0 || w.minute > 59)
        return std::nullopt;
    const bl::calendar cal(calendar_locale(), zone_or_utc(zone));
    const bl::date_time t(bl::period::year(w.year) + bl::period::month(w.month - 1) + bl::period::day(w.day) + bl::period::hour(w.hour) +
                              bl::period::minute(w.minute) + bl::period::second(0),
                          cal);
    return static_cast<std::int64_t>(std::llround(t.time()));
}

WallTime utc_to_local(std::int64_t unix_seconds, std::string_view zone) {
    const bl::calendar cal(calendar_locale(), zone_or_utc(zone));
    const bl::date_time t(static_cast<double>(unix_seconds), cal);
    WallTime w;
    w.year = t / bl::period::year();
    w.month = t / bl::period::month() + 1;
    w.day = t / bl::period::day();
    w.hour = t / bl::period::hour();
    w.minute = t / bl::period::minute();
    // The offset: the wall time read as if it were UTC, less the instant.
    const bl::calendar utc(calendar_locale(), "UTC");
    const bl::date_time as_utc(bl::period::year(w.year) + bl::period::month(w.month - 1) + bl::period::day(w.day) +
                                   bl::period::hour(w.hour) + bl::period::minute(w.minute) + bl::period::second(t / bl::period::second()),
                               utc);
    w.offset_minutes = static_cast<int>(std::llround(as_utc.time() - static_cast<double>(unix_seconds)) / 60);
    return w;
}

std::optional<std::int64_t> parse_local(std::string_view date, std::string_view time, std::string_view zone) {
    if (date.size() != 10 || date[4] != '-' || date[7] != '-' || time.size() != 5 || time[2] != ':') return std::nullopt;
    const auto y = number(date.substr(0, 4), 4), m = number(date.substr(5, 2), 2), d = number(date.substr(8, 2), 2);
    const auto h = number(time.substr(0, 2), 2), mi = number(time.substr(3, 2), 2);
    if (!y || !m || !d || !h || !mi) return std::nullopt;
    return local_to_utc({*y, *m, *d, *h, *mi, 0}, zone);
}

std::pair<std::string, std::string> format_local(std::int64_t unix_seconds, std::string_view zone) {
    const WallTime w = utc_to_local(unix_seconds, zone);
    char date[16], time[8];
    std::snprintf(date, sizeof date, "%04d-%02d-%02d", w.year, w.month, w.day);
    std::snprintf(time, sizeof time, "%02d:%02d", w.hour, w.minute);
    return {date, time};
}

}  // namespace avenir::i18n
