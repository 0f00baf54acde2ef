#pragma once
// Column lists and row readers shared by the training store's files (training_store.cpp,
// training_store_records.cpp). Not for use outside the store.
#include <sstream>
#include <string>
#include <vector>

#include "core/text/list.hpp"
#include "modules/training/training_types.hpp"
#include "storage/database.hpp"

namespace avenir::training::sql {

inline std::vector<std::string> split(const std::string& s) { return text::split_list(s); }
inline std::string join(const std::vector<std::string>& v) { return text::join_list(v); }

inline constexpr const char* kCycleColumns =
    "c.id, c.format_slug, c.region_slug, c.title, c.phase, c.audience, c.session_count, c.session_minutes, c.languages, "
    "c.interpretation, c.time_zone, c.capacity, c.enrol_opens, c.enrol_closes, c.status, c.threshold_percent, c.make_ups_allowed, "
    "c.illustrative, c.created_at, c.updated_at";

inline Cycle to_cycle(const storage::Row& r) {
    Cycle c;
    c.id = r.get_int("id");
    c.format_slug = r.get_text("format_slug");
    c.region = r.get_text("region_slug");
    c.title = r.get_text("title");
    c.phase = static_cast<int>(r.get_int("phase"));
    c.audience = r.get_text("audience");
    c.session_count = static_cast<int>(r.get_int("session_count"));
    c.session_minutes = static_cast<int>(r.get_int("session_minutes"));
    c.languages = split(r.get_text("languages"));
    c.interpretation = r.get_text("interpretation");
    c.time_zone = r.get_text("time_zone");
    c.capacity = static_cast<int>(r.get_int("capacity"));
    c.enrol_opens = r.get_int("enrol_opens");
    c.enrol_closes = r.get_int("enrol_closes");
    c.status = r.get_text("status");
    c.threshold_percent = static_cast<int>(r.get_int("threshold_percent"));
    c.make_ups_allowed = r.get_int("make_ups_allowed") != 0;
    c.illustrative = r.get_int("illustrative") != 0;
    c.created_at = r.get_int("created_at");
    c.updated_at = r.get_int("updated_at");
    return c;
}

inline constexpr const char* kSessionColumns =
    "id, cycle_id, number, starts_at, minutes, mode, place, conference_url, dial_in, workshops, plan_token, cancelled, sequence, uid, "
    "checkin_code, not_recorded_reason, updated_at";

inline Session to_session(const storage::Row& r) {
    Session s;
    s.id = r.get_int("id");
    s.cycle_id = r.get_int("cycle_id");
    s.number = static_cast<int>(r.get_int("number"));
    s.starts_at = r.get_int("starts_at");
    s.minutes = static_cast<int>(r.get_int("minutes"));
    s.mode = r.get_text("mode");
    s.place = r.get_text("place");
    s.conference_url = r.get_text("conference_url");
    s.dial_in = r.get_text("dial_in");
    s.workshops = split(r.get_text("workshops"));
    s.plan_token = r.get_text("plan_token");
    s.cancelled = r.get_int("cancelled") != 0;
    s.sequence = static_cast<int>(r.get_int("sequence"));
    s.uid = r.get_text("uid");
    s.checkin_code = r.get_text("checkin_code");
    s.not_recorded_reason = r.get_text("not_recorded_reason");
    s.updated_at = r.get_int("updated_at");
    return s;
}

inline constexpr const char* kEnrolmentColumns =
    "id, cycle_id, user_id, state, code, invited_by, requested_at, confirmed_at, withdrawn_at";

inline Enrolment to_enrolment(const storage::Row& r) {
    return {r.get_int("id"),         r.get_int("cycle_id"),       r.get_opt_int("user_id"),      r.get_text("state"), r.get_text("code"),
            r.get_opt_int("invited_by"), r.get_int("requested_at"), r.get_opt_int("confirmed_at"), r.get_opt_int("withdrawn_at")};
}

inline storage::Value opt(std::optional<std::int64_t> v) { return v ? storage::Value(*v) : storage::Value(nullptr); }


}  // namespace avenir::training::sql
