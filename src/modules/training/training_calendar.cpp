#include "modules/training/training_calendar.hpp"

#include <libical/ical.h>

#include <map>
#include <memory>
#include <mutex>
#include <stdexcept>

namespace avenir::training {
namespace {

// libical keeps its built-in zones in global state that it fills lazily: one caller at a time.
std::mutex& libical_mutex() {
    static std::mutex m;
    return m;
}

struct ComponentFree {
    void operator()(icalcomponent* c) const { icalcomponent_free(c); }
};
using Component = std::unique_ptr<icalcomponent, ComponentFree>;

icaltimezone* zone(const std::string& name) {
    if (name == "UTC" || name.empty()) return icaltimezone_get_utc_timezone();
    icaltimezone* z = icaltimezone_get_builtin_timezone(name.c_str());
    if (!z) throw std::runtime_error("calendar: unknown time zone");
    return z;
}

// DTSTART/DTEND in the zone, with TZID the IANA name (as the calendar's VTIMEZONE is named).
icalproperty* zoned(icalproperty* (*make)(icaltimetype), std::int64_t t, icaltimezone* z, const std::string& name) {
    icaltimetype v = icaltime_from_timet_with_zone(static_cast<time_t>(t), 0, z);
    if (z == icaltimezone_get_utc_timezone()) return make(v);
    v.zone = nullptr;  // written as local time; the TZID parameter says where
    icalproperty* p = make(v);
    if (icalparameter* old = icalproperty_get_first_parameter(p, ICAL_TZID_PARAMETER)) icalproperty_remove_parameter_by_ref(p, old);
    icalproperty_add_parameter(p, icalparameter_new_tzid(name.c_str()));
    return p;
}

icaltimetype utc(std::int64_t t) { return icaltime_from_timet_with_zone(static_cast<time_t>(t), 0, icaltimezone_get_utc_timezone()); }

}  // namespace

std::string build_calendar(const std::string& name, const std::vector<CalendarEntry>& entries, std::int64_t now) {
    std::lock_guard lock(libical_mutex());
    Component cal(icalcomponent_new_vcalendar());
    icalcomponent_add_property(cal.get(), icalproperty_new_version("2.0"));
    icalcomponent_add_property(cal.get(), icalproperty_new_prodid("-//Avenir//Training calendar//EN"));
    icalcomponent_add_property(cal.get(), icalproperty_new_calscale("GREGORIAN"));
    icalcomponent_add_property(cal.get(), icalproperty_new_method(ICAL_METHOD_PUBLISH));
    icalcomponent_add_property(cal.get(), icalproperty_new_name(name.c_str()));
    icalproperty* calname = icalproperty_new_x(name.c_str());
    icalproperty_set_x_name(calname, "X-WR-CALNAME");
    icalcomponent_add_property(cal.get(), calname);
    icalcomponent_add_property(cal.get(), icalproperty_new_refreshinterval(icaldurationtype_from_int(6 * 3600)));

    // One VTIMEZONE per zone used, cut to the years of its sessions.
    std::map<std::string, std::pair<std::int64_t, std::int64_t>> spans;
    for (const auto& e : entries) {
        if (e.cycle.time_zone == "UTC" || e.cycle.time_zone.empty()) continue;
        auto [it, fresh] = spans.try_emplace(e.cycle.time_zone, e.session.starts_at, e.session.ends_at());
        if (!fresh) {
            it->second.first = std::min(it->second.first, e.session.starts_at);
            it->second.second = std::max(it->second.second, e.session.ends_at());
        }
    }
    for (const auto& [name_of_zone, span] : spans) {
        icalcomponent* vtz = icalcomponent_new_clone(icaltimezone_get_component(zone(name_of_zone)));
        icaltimezone_truncate_vtimezone(vtz, utc(span.first - 366 * 86400), utc(span.second + 366 * 86400), 1);
        // libical names system zones "/freeassociation.sourceforge.net/Europe/Paris"; clients know
        // the IANA name, and the calendar's own VTIMEZONE carries the rules either way.
        if (icalproperty* tzid = icalcomponent_get_first_property(vtz, ICAL_TZID_PROPERTY)) icalproperty_set_tzid(tzid, name_of_zone.c_str());
        icalcomponent_add_component(cal.get(), vtz);
    }

    for (const auto& e : entries) {
        const Session& s = e.session;
        icaltimezone* z = zone(e.cycle.time_zone);
        icalcomponent* ev = icalcomponent_new_vevent();
        icalcomponent_add_property(ev, icalproperty_new_uid(s.uid.c_str()));
        icalcomponent_add_property(ev, icalproperty_new_dtstamp(utc(now)));
        icalcomponent_add_property(ev, icalproperty_new_lastmodified(utc(s.updated_at)));
        icalcomponent_add_property(ev, zoned(icalproperty_new_dtstart, s.starts_at, z, e.cycle.time_zone));
        icalcomponent_add_property(ev, zoned(icalproperty_new_dtend, s.ends_at(), z, e.cycle.time_zone));
        icalcomponent_add_property(ev, icalproperty_new_sequence(s.sequence));
        icalcomponent_add_property(ev, icalproperty_new_status(s.cancelled ? ICAL_STATUS_CANCELLED : ICAL_STATUS_CONFIRMED));
        const std::string summary = e.cycle.title + " (" + std::to_string(s.number) + "/" + std::to_string(e.cycle.session_count) + ")";
        icalcomponent_add_property(ev, icalproperty_new_summary(summary.c_str()));
        std::string description = e.page_url;
        if (!s.workshops.empty()) {
            description += "\n";
            for (const auto& w : s.workshops) description += "\n- " + w;
        }
        if (e.with_joining && !s.dial_in.empty()) description += "\n\nDial-in: " + s.dial_in;
        icalcomponent_add_property(ev, icalproperty_new_description(description.c_str()));
        if (!s.place.empty()) icalcomponent_add_property(ev, icalproperty_new_location(s.place.c_str()));
        icalcomponent_add_property(ev, icalproperty_new_url(e.page_url.c_str()));
        if (e.with_joining && !s.conference_url.empty()) {
            icalproperty* conf = icalproperty_new_conference(s.conference_url.c_str());
            icalproperty_add_parameter(conf, icalparameter_new_value(ICAL_VALUE_URI));
            icalproperty_add_parameter(conf, icalparameter_new_feature(ICAL_FEATURE_VIDEO));
            icalcomponent_add_property(ev, conf);
        }
        icalcomponent_add_component(cal.get(), ev);
    }
    char* text = icalcomponent_as_ical_string_r(cal.get());
    if (!text) throw std::runtime_error("calendar: libical could not write the calendar");
    std::string out(text);
    free(text);
    return out;
}

}  // namespace avenir::training
