// Coordinators and admins: creating and changing cycles and their sessions, the participants'
// list with each person's standing, invitations, and the e-mails a change sends.
#include <algorithm>
#include <charconv>
#include <set>

#include "core/auth/principal.hpp"
#include "core/clock.hpp"
#include "core/errors.hpp"
#include "core/i18n/format.hpp"
#include "core/i18n/zoned_time.hpp"
#include "core/log.hpp"
#include "core/view/layout.hpp"
#include "modules/training/training_module.hpp"
#include "modules/training/training_rules.hpp"
#include "modules/training/training_views.hpp"

namespace avenir::training {

using nlohmann::json;

namespace {

int number_or(const std::string& text, int fallback) {
    int v = 0;
    if (text.empty() || std::from_chars(text.data(), text.data() + text.size(), v).ptr != text.data() + text.size()) return fallback;
    return v;
}

std::vector<std::string> split_languages(const std::string& text) {
    std::vector<std::string> out;
    std::string cur;
    for (char ch : text + ",") {
        if (ch == ',' || ch == ' ') {
            if (!cur.empty() && std::find(out.begin(), out.end(), cur) == out.end()) out.push_back(cur);
            cur.clear();
        } else {
            cur += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        }
    }
    return out;
}

std::string join(const std::vector<std::string>& v, const char* sep = ", ") {
    std::string out;
    for (const auto& s : v) out += (out.empty() ? "" : sep) + s;
    return out;
}

// The cycle's fields from the form (over `c`, which keeps what the form does not carry).
void read_cycle_form(const http::Form& form, Cycle& c, std::vector<std::string>& errors) {
    c.title = form.get("title");
    c.languages = split_languages(form.get("languages"));
    c.interpretation = form.get("interpretation");
    c.time_zone = form.get("time_zone");
    c.capacity = number_or(form.get("capacity"), -1);
    c.status = form.get("status");
    c.threshold_percent = number_or(form.get("threshold"), -1);
    c.make_ups_allowed = form.get("make_ups") == "1";
    const auto opens = i18n::parse_local(form.get("enrol_opens"), "00:00", c.time_zone);
    const auto closes = i18n::parse_local(form.get("enrol_closes"), "23:59", c.time_zone);
    if (!opens || !closes) errors.emplace_back(i18n::noop("Give the dates enrolment opens and closes (year-month-day)."));
    else {
        c.enrol_opens = *opens;
        c.enrol_closes = *closes;
    }
}

}  // namespace

http::Response TrainingModule::cycle_form(http::Request& req, const Cycle& c, const std::vector<Staff>& staff,
                                          const std::vector<std::string>& errors, int status) {
    const ViewEnv env{req, *ctx_, ""};
    const auth::Principal& who = auth::require_principal(req);
    const auto ref = ctx_->reference.get();
    json regions = json::array();
    for (const auto& [slug, name] : ref->region_names(req.lang))
        if (may_manage(&who, slug)) regions.push_back({{"value", slug}, {"label", name}, {"selected", slug == c.region}});
    json formats = json::array();
    for (const auto& f : store().formats())
        formats.push_back({{"value", f.slug}, {"label", f.name(req.lang)}, {"selected", f.slug == c.format_slug},
                           {"sessions", f.session_count}, {"minutes", f.session_minutes}});
    json statuses = json::array();
    for (const char* s : kStatuses) statuses.push_back({{"value", s}, {"label", status_label(env, s)}, {"selected", c.status == s}});
    json err = json::array();
    for (const auto& e : errors) err.push_back(env.tr(e));
    const bool creating = c.id == 0;
    json d{{"creating", creating},
           {"csrf", ctx_->access.csrf(req)},
           {"action", env.href(creating ? "/training/new" : "/training/cycles/" + std::to_string(c.id) + "/edit")},
           {"cancel_href", env.href(creating ? "/training" : "/training/cycles/" + std::to_string(c.id))},
           {"errors", err},
           {"has_errors", !errors.empty()},
           {"title", c.title},
           {"regions", regions},
           {"formats", formats},
           {"statuses", statuses},
           {"languages", join(c.languages)},
           {"interpretation", c.interpretation},
           {"time_zone", c.time_zone},
           {"capacity", c.capacity},
           {"threshold", c.threshold_percent},
           {"make_ups", c.make_ups_allowed},
           {"enrol_opens", c.enrol_opens ? i18n::format_local(c.enrol_opens, c.time_zone).first : ""},
           {"enrol_closes", c.enrol_closes ? i18n::format_local(c.enrol_closes, c.time_zone).first : ""}};
    if (creating) {
        d["first_date"] = req.form().get("first_date");
        d["first_time"] = req.form().get("first_time").empty() ? "10:00" : req.form().get("first_time");
    } else {
        // Facilitators and interpreters: people holding the role in the cycle's region.
        for (const char* role : {"facilitator", "interpreter"}) {
            json people = json::array();
            for (const auto& p : directory().holders(role, c.region)) {
                const bool chosen = std::any_of(staff.begin(), staff.end(), [&](const Staff& s) { return s.user_id == p.id && s.role == role; });
                people.push_back({{"id", p.id}, {"name", p.name}, {"checked", chosen}});
            }
            d[std::string(role) + "s"] = people;
            d["has_" + std::string(role) + "s"] = !people.empty();
        }
    }
    return ctx_->layout.page(req, "training/cycle_edit", std::move(d),
                             creating ? env.tr("New training cycle") : env.tr("Change the training cycle"), status);
}

// GET /training/new
http::Response TrainingModule::new_cycle_form(http::Request& req) {
    Cycle c;
    c.time_zone = "UTC";
    c.status = "planned";
    c.languages = {req.lang};
    return cycle_form(req, c, {}, {}, 200);
}

// POST /training/new: the cycle, copying its group's format, and its sessions a week apart from
// the first date (each can then be moved).
http::Response TrainingModule::create_cycle(http::Request& req) {
    const auth::Principal& who = auth::require_principal(req);
    const auto& form = req.form();
    Cycle c;
    c.region = form.get("region");
    c.format_slug = form.get("format");
    std::vector<std::string> errors;
    read_cycle_form(form, c, errors);
    const auto fmt = store().format(c.format_slug);
    if (!fmt) errors.emplace_back(i18n::noop("Choose the group the cycle trains."));
    if (!ctx_->reference.get()->has_region(c.region)) errors.emplace_back(i18n::noop("Choose the cycle's region."));
    else if (!may_manage(&who, c.region)) throw Forbidden("You may manage only the cycles of your regions.");
    for (auto& e : validate(c)) errors.push_back(std::move(e));
    const auto first = i18n::valid_time_zone(c.time_zone) ? i18n::parse_local(form.get("first_date"), form.get("first_time"), c.time_zone)
                                                          : std::nullopt;
    if (!first) errors.emplace_back(i18n::noop("Give the date and time of the first session (year-month-day, hours:minutes)."));
    if (!errors.empty()) return cycle_form(req, c, {}, errors, 422);
    const std::int64_t now = clock::unix_seconds();
    const std::int64_t id = ctx_->db.with_tx([&](storage::Transaction& tx) {
        TrainingStore st(tx);
        const std::int64_t cid = st.create_cycle(c, *fmt, who.user_id, now);
        for (int n = 0; n < fmt->session_count; ++n) {
            Session s;
            s.cycle_id = cid;
            // A week apart in the cycle's wall time (the same hour across a change of clocks).
            s.starts_at = week_later(*first, n, c.time_zone);
            s.minutes = fmt->session_minutes;
            s.mode = "online";
            s.conference_url = form.get("conference_url");
            st.add_session(s, now);
        }
        ctx_->audit.record(tx, {"training_cycle_created", who.user_id, std::nullopt, std::to_string(cid)});
        return cid;
    });
    index_cycles();
    ctx_->pages_changed();
    return http::Response::redirect(view::Layout::href(req, "/training/cycles/" + std::to_string(id)));
}

// GET /training/cycles/{id}/edit
http::Response TrainingModule::edit_cycle_form(http::Request& req) {
    const Cycle c = manageable_cycle(req);
    return cycle_form(req, c, store().staff(c.id), {}, 200);
}

// POST /training/cycles/{id}/edit: settings and staff; a larger capacity moves people up.
http::Response TrainingModule::save_cycle(http::Request& req) {
    const auth::Principal& who = auth::require_principal(req);
    Cycle c = manageable_cycle(req);
    const auto& form = req.form();
    std::vector<std::string> errors;
    read_cycle_form(form, c, errors);
    for (auto& e : validate(c)) errors.push_back(std::move(e));
    std::vector<Staff> staff;
    for (const char* role : {"facilitator", "interpreter"}) {
        std::set<std::int64_t> allowed;
        for (const auto& p : directory().holders(role, c.region)) allowed.insert(p.id);
        for (const auto& v : form.all(std::string(role) + "s")) {
            const int id = number_or(v, -1);
            if (!allowed.contains(id)) errors.emplace_back(i18n::noop("Choose facilitators and interpreters among the people of the region."));
            else staff.push_back({id, role});
        }
    }
    if (!errors.empty()) return cycle_form(req, c, staff, errors, 422);
    const std::int64_t now = clock::unix_seconds();
    const auto promoted = ctx_->db.with_tx([&](storage::Transaction& tx) {
        TrainingStore st(tx);
        st.update_cycle(c, now);
        st.set_staff(c.id, staff);
        ctx_->audit.record(tx, {"training_cycle_changed", who.user_id, std::nullopt, std::to_string(c.id)});
        return st.promote_waiting(c.id, now);
    });
    index_cycles();
    for (const auto& e : promoted) notify_promoted(c, e);
    ctx_->pages_changed();
    return http::Response::redirect(view::Layout::href(req, "/training/cycles/" + std::to_string(c.id)));
}

}  // namespace avenir::training
