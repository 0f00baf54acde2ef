// The training store: formats, cycles, staff, sessions and places (marks and the rest in
// training_store_records.cpp).
#include "modules/training/training_store.hpp"

#include <sodium.h>

#include <algorithm>
#include <sstream>

#include "core/security/random.hpp"
#include "modules/training/training_store_sql.hpp"

namespace avenir::training {

using namespace sql;

// ---- formats ----------------------------------------------------------------------------------

std::vector<Format> TrainingStore::formats() {
    std::vector<Format> out;
    for (const auto& r : db_.exec("SELECT slug, phase, audience, session_count, session_minutes, name_en, name_fr, name_es, name_ar, "
                                  "updated_at FROM training_formats ORDER BY phase, slug")) {
        Format f;
        f.slug = r.get_text("slug");
        f.phase = static_cast<int>(r.get_int("phase"));
        f.audience = r.get_text("audience");
        f.session_count = static_cast<int>(r.get_int("session_count"));
        f.session_minutes = static_cast<int>(r.get_int("session_minutes"));
        for (const char* lang : {"en", "fr", "es", "ar"}) f.names[lang] = r.get_text(std::string("name_") + lang);
        f.updated_at = r.get_int("updated_at");
        out.push_back(std::move(f));
    }
    return out;
}

std::optional<Format> TrainingStore::format(const std::string& slug) {
    for (auto& f : formats())
        if (f.slug == slug) return f;
    return std::nullopt;
}

bool TrainingStore::put_format(const Format& f, std::int64_t now) {
    auto name = [&](const char* lang) {
        const auto it = f.names.find(lang);
        return it == f.names.end() ? std::string() : it->second;
    };
    const auto r = db_.exec(
        "INSERT INTO training_formats (slug, phase, audience, session_count, session_minutes, name_en, name_fr, name_es, name_ar, "
        "updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (slug) DO UPDATE SET phase = excluded.phase, "
        "audience = excluded.audience, session_count = excluded.session_count, session_minutes = excluded.session_minutes, "
        "name_en = excluded.name_en, name_fr = excluded.name_fr, name_es = excluded.name_es, name_ar = excluded.name_ar, "
        "updated_at = excluded.updated_at WHERE training_formats.phase <> excluded.phase OR training_formats.audience <> "
        "excluded.audience OR training_formats.session_count <> excluded.session_count OR training_formats.session_minutes <> "
        "excluded.session_minutes OR training_formats.name_en <> excluded.name_en OR training_formats.name_fr <> excluded.name_fr OR "
        "training_formats.name_es <> excluded.name_es OR training_formats.name_ar <> excluded.name_ar",
        {f.slug, f.phase, f.audience, f.session_count, f.session_minutes, name("en"), name("fr"), name("es"), name("ar"), now});
    return r.affected > 0;
}

// ---- cycles -----------------------------------------------------------------------------------

std::int64_t TrainingStore::create_cycle(Cycle c, const Format& f, std::optional<std::int64_t> created_by, std::int64_t now) {
    c.format_slug = f.slug;
    c.phase = f.phase;
    c.audience = f.audience;
    c.session_count = f.session_count;
    c.session_minutes = f.session_minutes;
    const auto r = db_.exec(
        "INSERT INTO training_cycles (format_slug, region_slug, title, phase, audience, session_count, session_minutes, languages, "
        "interpretation, time_zone, capacity, enrol_opens, enrol_closes, status, threshold_percent, make_ups_allowed, illustrative, "
        "created_by, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, "
        "$19, $19) RETURNING id",
        {c.format_slug, c.region, c.title, c.phase, c.audience, c.session_count, c.session_minutes, join(c.languages), c.interpretation,
         c.time_zone, c.capacity, c.enrol_opens, c.enrol_closes, c.status, c.threshold_percent, std::int64_t(c.make_ups_allowed),
         std::int64_t(c.illustrative), opt(created_by), now});
    return r.at(0).get_int("id");
}

void TrainingStore::update_cycle(const Cycle& c, std::int64_t now) {
    db_.exec("UPDATE training_cycles SET region_slug = $2, title = $3, languages = $4, interpretation = $5, time_zone = $6, capacity = $7, "
             "enrol_opens = $8, enrol_closes = $9, status = $10, threshold_percent = $11, make_ups_allowed = $12, updated_at = $13 "
             "WHERE id = $1",
             {c.id, c.region, c.title, join(c.languages), c.interpretation, c.time_zone, c.capacity, c.enrol_opens, c.enrol_closes, c.status,
              c.threshold_percent, std::int64_t(c.make_ups_allowed), now});
}

std::optional<Cycle> TrainingStore::cycle(std::int64_t id) {
    const auto r = db_.exec(std::string("SELECT ") + kCycleColumns +
                                ", (SELECT count(*) FROM training_enrolments e WHERE e.cycle_id = c.id AND e.state = 'enrolled') AS enrolled, "
                                "(SELECT count(*) FROM training_enrolments e WHERE e.cycle_id = c.id AND e.state = 'waiting') AS waiting "
                                "FROM training_cycles c WHERE c.id = $1",
                            {id});
    if (r.empty()) return std::nullopt;
    Cycle c = to_cycle(r.at(0));
    c.enrolled = static_cast<int>(r.at(0).get_int("enrolled"));
    c.waiting = static_cast<int>(r.at(0).get_int("waiting"));
    return c;
}

std::vector<Cycle> TrainingStore::cycles(const CycleFilter& f) {
    std::string where = " WHERE 1 = 1";
    std::vector<storage::Value> params;
    auto add = [&](const std::string& value, const std::string& clause) {
        if (value.empty()) return;
        params.emplace_back(value);
        std::string c = clause;
        c.replace(c.find('?'), 1, "$" + std::to_string(params.size()));
        where += " AND " + c;
    };
    add(f.region, "c.region_slug = ?");
    add(f.format, "c.format_slug = ?");
    add(f.status, "c.status = ?");
    // languages is "en,fr": match a whole code.
    if (!f.language.empty()) add("," + f.language + ",", "(',' || c.languages || ',') LIKE '%' || ? || '%'");
    std::vector<Cycle> out;
    for (const auto& r : db_.exec(std::string("SELECT ") + kCycleColumns +
                                      ", coalesce(e.enrolled, 0) AS enrolled, coalesce(e.waiting, 0) AS waiting, "
                                      "coalesce(s.first_start, 0) AS first_start, coalesce(s.last_start, 0) AS last_start "
                                      "FROM training_cycles c "
                                      "LEFT JOIN (SELECT cycle_id, sum(CASE WHEN state = 'enrolled' THEN 1 ELSE 0 END) AS enrolled, "
                                      "sum(CASE WHEN state = 'waiting' THEN 1 ELSE 0 END) AS waiting FROM training_enrolments "
                                      "GROUP BY cycle_id) e ON e.cycle_id = c.id "
                                      "LEFT JOIN (SELECT cycle_id, min(starts_at) AS first_start, max(starts_at) AS last_start "
                                      "FROM training_sessions WHERE cancelled = 0 GROUP BY cycle_id) s ON s.cycle_id = c.id" +
                                      where + " ORDER BY c.phase, c.region_slug, first_start, c.id",
                                  params)) {
        Cycle c = to_cycle(r);
        c.enrolled = static_cast<int>(r.get_int("enrolled"));
        c.waiting = static_cast<int>(r.get_int("waiting"));
        c.first_start = r.get_int("first_start");
        c.last_start = r.get_int("last_start");
        out.push_back(std::move(c));
    }
    return out;
}

std::vector<std::int64_t> TrainingStore::cycles_of_staff(std::int64_t user_id) {
    std::vector<std::int64_t> out;
    for (const auto& r : db_.exec("SELECT DISTINCT cycle_id FROM training_staff WHERE user_id = $1 ORDER BY cycle_id", {user_id}))
        out.push_back(r.get_int("cycle_id"));
    return out;
}

// ---- staff ------------------------------------------------------------------------------------

std::vector<Staff> TrainingStore::staff(std::int64_t cycle_id) {
    std::vector<Staff> out;
    for (const auto& r : db_.exec("SELECT user_id, role FROM training_staff WHERE cycle_id = $1 ORDER BY role, user_id", {cycle_id}))
        out.push_back({r.get_int("user_id"), r.get_text("role")});
    return out;
}

void TrainingStore::set_staff(std::int64_t cycle_id, const std::vector<Staff>& staff) {
    db_.with_tx([&](storage::Transaction& tx) {
        tx.exec("DELETE FROM training_staff WHERE cycle_id = $1", {cycle_id});
        for (const auto& s : staff)
            tx.exec("INSERT INTO training_staff (cycle_id, user_id, role) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
                    {cycle_id, s.user_id, s.role});
    });
}

bool TrainingStore::is_staff(std::int64_t cycle_id, std::int64_t user_id, const std::string& role) {
    return !db_.exec("SELECT 1 FROM training_staff WHERE cycle_id = $1 AND user_id = $2 AND role = $3", {cycle_id, user_id, role}).empty();
}

// ---- sessions ---------------------------------------------------------------------------------

std::vector<Session> TrainingStore::sessions(std::int64_t cycle_id) {
    std::vector<Session> out;
    for (const auto& r : db_.exec(std::string("SELECT ") + kSessionColumns + " FROM training_sessions WHERE cycle_id = $1 ORDER BY number",
                                  {cycle_id}))
        out.push_back(to_session(r));
    return out;
}

std::optional<Session> TrainingStore::session(std::int64_t id) {
    const auto r = db_.exec(std::string("SELECT ") + kSessionColumns + " FROM training_sessions WHERE id = $1", {id});
    if (r.empty()) return std::nullopt;
    return to_session(r.at(0));
}

std::int64_t TrainingStore::add_session(Session s, std::int64_t now) {
    return db_.with_tx([&](storage::Transaction& tx) {
        const auto last = tx.exec("SELECT coalesce(max(number), 0) AS n FROM training_sessions WHERE cycle_id = $1", {s.cycle_id});
        s.number = static_cast<int>(last.at(0).get_int("n")) + 1;
        if (s.uid.empty()) s.uid = security::random_hex(16) + "@avenir";
        if (s.checkin_code.empty()) s.checkin_code = TrainingStore(tx).new_code(6, "training_sessions", "checkin_code");
        const auto r = tx.exec(
            "INSERT INTO training_sessions (cycle_id, number, starts_at, minutes, mode, place, conference_url, dial_in, workshops, plan_token, "
            "cancelled, sequence, uid, checkin_code, not_recorded_reason, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, "
            "0, $12, $13, $14, $15) RETURNING id",
            {s.cycle_id, s.number, s.starts_at, s.minutes, s.mode, s.place, s.conference_url, s.dial_in, join(s.workshops), s.plan_token,
             std::int64_t(s.cancelled), s.uid, s.checkin_code, s.not_recorded_reason, now});
        return r.at(0).get_int("id");
    });
}

bool TrainingStore::update_session(const Session& s, std::int64_t now) {
    const auto old = session(s.id);
    if (!old) return false;
    const bool notable = old->starts_at != s.starts_at || old->minutes != s.minutes || old->mode != s.mode || old->place != s.place ||
                         old->conference_url != s.conference_url || old->dial_in != s.dial_in || old->cancelled != s.cancelled;
    const bool any = notable || old->workshops != s.workshops || old->plan_token != s.plan_token ||
                     old->not_recorded_reason != s.not_recorded_reason;
    if (!any) return false;
    // Every change a calendar shows raises SEQUENCE (RFC 5545 3.8.7.4); the workshops are in its description.
    db_.exec("UPDATE training_sessions SET starts_at = $2, minutes = $3, mode = $4, place = $5, conference_url = $6, dial_in = $7, "
             "workshops = $8, plan_token = $9, cancelled = $10, not_recorded_reason = $11, sequence = sequence + $12, updated_at = $13 "
             "WHERE id = $1",
             {s.id, s.starts_at, s.minutes, s.mode, s.place, s.conference_url, s.dial_in, join(s.workshops), s.plan_token,
              std::int64_t(s.cancelled), s.not_recorded_reason, std::int64_t(notable || old->workshops != s.workshops ? 1 : 0), now});
    return notable;
}

// ---- enrolment --------------------------------------------------------------------------------

std::string TrainingStore::new_code(std::size_t length, const char* table, const char* column) {
    // Letters and digits nobody confuses when reading them off paper (no 0/O, 1/I/L, 5/S, 8/B).
    static constexpr char kAlphabet[] = "ACDEFGHJKMNPQRTUVWXY234679";
    constexpr std::uint32_t n = sizeof kAlphabet - 1;
    for (;;) {
        std::string code;
        for (std::size_t i = 0; i < length; ++i) code += kAlphabet[randombytes_uniform(n)];
        if (db_.exec(std::string("SELECT 1 FROM ") + table + " WHERE " + column + " = $1", {code}).empty()) return code;
    }
}

std::vector<Enrolment> TrainingStore::enrolments(std::int64_t cycle_id) {
    std::vector<Enrolment> out;
    for (const auto& r : db_.exec(std::string("SELECT ") + kEnrolmentColumns +
                                      " FROM training_enrolments WHERE cycle_id = $1 ORDER BY requested_at, id",
                                  {cycle_id}))
        out.push_back(to_enrolment(r));
    return out;
}

std::optional<Enrolment> TrainingStore::enrolment(std::int64_t cycle_id, std::int64_t user_id) {
    const auto r = db_.exec(std::string("SELECT ") + kEnrolmentColumns + " FROM training_enrolments WHERE cycle_id = $1 AND user_id = $2",
                            {cycle_id, user_id});
    if (r.empty()) return std::nullopt;
    return to_enrolment(r.at(0));
}

std::optional<Enrolment> TrainingStore::enrolment_by_code(std::int64_t cycle_id, const std::string& code) {
    const auto r = db_.exec(std::string("SELECT ") + kEnrolmentColumns + " FROM training_enrolments WHERE cycle_id = $1 AND code = $2",
                            {cycle_id, code});
    if (r.empty()) return std::nullopt;
    return to_enrolment(r.at(0));
}

std::vector<Enrolment> TrainingStore::enrolments_of(std::int64_t user_id) {
    std::vector<Enrolment> out;
    for (const auto& r : db_.exec(std::string("SELECT ") + kEnrolmentColumns + " FROM training_enrolments WHERE user_id = $1 ORDER BY cycle_id",
                                  {user_id}))
        out.push_back(to_enrolment(r));
    return out;
}

PlaceChange TrainingStore::enrol(std::int64_t cycle_id, std::int64_t user_id, std::optional<std::int64_t> invited_by, std::int64_t now) {
    return db_.with_tx([&](storage::Transaction& tx) {
        // Lock the cycle so two people never take its last place at once (SQLite: one writer).
        const auto cap = tx.exec(std::string("SELECT capacity FROM training_cycles WHERE id = $1") +
                                     (tx.dialect() == storage::Dialect::Postgres ? " FOR UPDATE" : ""),
                                 {cycle_id});
        if (cap.empty()) throw storage::DbError("training: no cycle " + std::to_string(cycle_id));
        TrainingStore store(tx);
        if (auto existing = store.enrolment(cycle_id, user_id); existing && existing->state != "withdrawn") return PlaceChange{*existing, {}};
        const auto taken = tx.exec("SELECT count(*) AS n FROM training_enrolments WHERE cycle_id = $1 AND state = 'enrolled'", {cycle_id});
        const bool room = taken.at(0).get_int("n") < cap.at(0).get_int("capacity");
        const std::string state = room ? "enrolled" : "waiting";
        const std::string code = store.new_code(6, "training_enrolments", "code");
        tx.exec("INSERT INTO training_enrolments (cycle_id, user_id, state, code, invited_by, requested_at, confirmed_at) "
                "VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (cycle_id, user_id) DO UPDATE SET state = excluded.state, "
                "invited_by = excluded.invited_by, requested_at = excluded.requested_at, confirmed_at = excluded.confirmed_at, "
                "withdrawn_at = NULL",
                {cycle_id, user_id, state, code, opt(invited_by), now, room ? storage::Value(now) : storage::Value(nullptr)});
        return PlaceChange{*store.enrolment(cycle_id, user_id), {}};
    });
}

std::optional<PlaceChange> TrainingStore::withdraw(std::int64_t cycle_id, std::int64_t user_id, std::int64_t now) {
    return db_.with_tx([&](storage::Transaction& tx) -> std::optional<PlaceChange> {
        tx.exec(std::string("SELECT id FROM training_cycles WHERE id = $1") + (tx.dialect() == storage::Dialect::Postgres ? " FOR UPDATE" : ""),
                {cycle_id});
        TrainingStore store(tx);
        const auto e = store.enrolment(cycle_id, user_id);
        if (!e || e->state == "withdrawn") return std::nullopt;
        tx.exec("UPDATE training_enrolments SET state = 'withdrawn', withdrawn_at = $2 WHERE id = $1", {e->id, now});
        PlaceChange change{*store.enrolment(cycle_id, user_id), {}};
        if (e->state == "enrolled") {
            const auto promoted = store.promote_waiting(cycle_id, now);
            if (!promoted.empty()) change.promoted = promoted.front();
        }
        return change;
    });
}

std::vector<Enrolment> TrainingStore::promote_waiting(std::int64_t cycle_id, std::int64_t now) {
    return db_.with_tx([&](storage::Transaction& tx) {
        std::vector<Enrolment> out;
        const auto cap = tx.exec("SELECT capacity, (SELECT count(*) FROM training_enrolments WHERE cycle_id = $1 AND state = 'enrolled') "
                                 "AS taken FROM training_cycles WHERE id = $1",
                                 {cycle_id});
        if (cap.empty()) return out;
        const std::int64_t free = cap.at(0).get_int("capacity") - cap.at(0).get_int("taken");
        if (free <= 0) return out;
        for (const auto& r : tx.exec(std::string("SELECT ") + kEnrolmentColumns +
                                         " FROM training_enrolments WHERE cycle_id = $1 AND state = 'waiting' ORDER BY requested_at, id LIMIT $2",
                                     {cycle_id, free})) {
            Enrolment e = to_enrolment(r);
            tx.exec("UPDATE training_enrolments SET state = 'enrolled', confirmed_at = $2 WHERE id = $1", {e.id, now});
            e.state = "enrolled";
            e.confirmed_at = now;
            out.push_back(std::move(e));
        }
        return out;
    });
}

}  // namespace avenir::training
