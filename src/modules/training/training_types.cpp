#include "modules/training/training_types.hpp"

#include <algorithm>

#include "core/i18n/format.hpp"
#include "core/i18n/i18n.hpp"
#include "core/i18n/zoned_time.hpp"

namespace avenir::training {

std::string Format::name(const std::string& lang) const {
    if (const auto it = names.find(lang); it != names.end() && !it->second.empty()) return it->second;
    const auto en = names.find("en");
    return en == names.end() ? slug : en->second;
}

std::vector<std::string> validate(const Cycle& c) {
    std::vector<std::string> e;
    if (c.languages.size() > 8) e.emplace_back(i18n::noop("A cycle has at most eight languages."));
    if (c.title.empty() || c.title.size() > 160) e.emplace_back(i18n::noop("Give the cycle a title (at most 160 characters)."));
    if (c.languages.empty()) e.emplace_back(i18n::noop("Choose at least one language spoken in the cycle."));
    for (const auto& l : c.languages)
        if (l.size() < 2 || l.size() > 3 || !std::all_of(l.begin(), l.end(), [](char ch) { return ch >= 'a' && ch <= 'z'; })) {
            e.emplace_back(i18n::noop("Write each language as its two- or three-letter code (en, fr, pt, sw), separated by commas."));
            break;
        }
    if (!i18n::valid_time_zone(c.time_zone)) e.emplace_back(i18n::noop("Choose a time zone from the list (such as Europe/Paris)."));
    if (c.capacity < 1 || c.capacity > 1000) e.emplace_back(i18n::noop("The capacity is a number of places from 1 to 1000."));
    if (c.enrol_closes < c.enrol_opens) e.emplace_back(i18n::noop("Enrolment must close after it opens."));
    if (std::none_of(std::begin(kStatuses), std::end(kStatuses), [&](const char* s) { return c.status == s; }))
        e.emplace_back(i18n::noop("Choose one of the statuses."));
    if (c.threshold_percent < 1 || c.threshold_percent > 100)
        e.emplace_back(i18n::noop("The attendance threshold is a percentage from 1 to 100."));
    if (c.interpretation.size() > 200) e.emplace_back(i18n::noop("Describe the interpretation in at most 200 characters."));
    return e;
}

namespace {
bool web_address(const std::string& s) { return s.rfind("https://", 0) == 0 || s.rfind("http://", 0) == 0; }
}  // namespace

std::vector<std::string> validate(const Session& s) {
    std::vector<std::string> e;
    if (s.minutes < 15 || s.minutes > 720) e.emplace_back(i18n::noop("A session lasts from 15 to 720 minutes."));
    if (std::none_of(std::begin(kModes), std::end(kModes), [&](const char* m) { return s.mode == m; }))
        e.emplace_back(i18n::noop("Choose in person, online or hybrid."));
    if (s.mode != "online" && s.place.empty()) e.emplace_back(i18n::noop("Give the place of a session held in person."));
    if (s.mode != "in_person" && s.conference_url.empty())
        e.emplace_back(i18n::noop("Give the conference link of an online or hybrid session."));
    if (!s.conference_url.empty() && (!web_address(s.conference_url) || s.conference_url.size() > 500))
        e.emplace_back(i18n::noop("The conference link must be a web address starting with https://."));
    if (s.place.size() > 300 || s.dial_in.size() > 300) e.emplace_back(i18n::noop("The place and the dial-in take at most 300 characters."));
    return e;
}

std::vector<SessionFacts> facts_for(const std::vector<Session>& sessions, std::int64_t enrolment_id,
                                    const std::vector<AttendanceMark>& marks, const std::vector<MakeUpRecord>& make_ups) {
    std::vector<SessionFacts> out;
    out.reserve(sessions.size());
    for (const auto& s : sessions) {
        SessionFacts f{s.starts_at, s.minutes, s.cancelled};
        for (const auto& m : marks)
            if (m.session_id == s.id && m.enrolment_id == enrolment_id) {
                f.mark = m.mark;
                f.minutes_attended = m.minutes;
            }
        for (const auto& m : make_ups)
            if (m.session_id == s.id && m.enrolment_id == enrolment_id) f.make_up = m.state;
        out.push_back(f);
    }
    return out;
}

CycleRule rule_of(const Cycle& c) { return {c.threshold_percent, c.make_ups_allowed}; }

Completion completion_of(const Cycle& c, const std::vector<Session>& sessions, const Enrolment& e,
                         const std::vector<AttendanceMark>& marks, const std::vector<MakeUpRecord>& make_ups, std::int64_t now) {
    return evaluate(facts_for(sessions, e.id, marks, make_ups), rule_of(c), e.confirmed_at.value_or(e.requested_at), now);
}

std::int64_t week_later(std::int64_t first, int weeks, const std::string& zone) {
    const i18n::WallTime w = i18n::utc_to_local(first, zone);
    const auto day = i18n::local_to_utc({w.year, w.month, w.day, 12, 0, 0}, "UTC");
    const i18n::WallTime later = i18n::utc_to_local(*day + static_cast<std::int64_t>(weeks) * 7 * 86400, "UTC");
    return i18n::local_to_utc({later.year, later.month, later.day, w.hour, w.minute, 0}, zone).value_or(first);
}

}  // namespace avenir::training
