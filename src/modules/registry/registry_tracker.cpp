// The tracker of requests and demands to the employer about an entry (its union's
// representatives), and the reminders sent when a deadline or a review date passes: a scheduled
// job of the server (registry.reminders), with the time passed in so that tests set the clock.
#include <regex>

#include "core/auth/principal.hpp"
#include "core/clock.hpp"
#include "core/errors.hpp"
#include "core/i18n/i18n.hpp"
#include "core/log.hpp"
#include "core/text/trim.hpp"
#include "core/view/layout.hpp"
#include "modules/registry/registry_module.hpp"

namespace avenir::registry {

namespace {

bool date_or_empty(const std::string& s) {
    static const std::regex kDate("^(\\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$");
    return s.empty() || std::regex_match(s, kDate);
}

// The request as the form describes it over base; false when something is wrong.
bool read_request(http::Request& req, Request& r) {
    const auto& f = req.form();
    if (f.has("title")) r.title = text::trim(f.get("title"));
    if (f.has("kind")) r.kind = f.get("kind");
    r.status = f.get("status");
    r.sent_on = text::trim(f.get("sent_on"));
    r.deadline = text::trim(f.get("deadline"));
    r.review_on = text::trim(f.get("review_on"));
    r.answer = text::trim(f.get("answer"));
    return !r.title.empty() && r.title.size() <= 200 && (r.kind == "information-request" || r.kind == "demand") &&
           (r.status == "draft" || r.status == "sent" || r.status == "answered" || r.status == "closed") && date_or_empty(r.sent_on) &&
           date_or_empty(r.deadline) && date_or_empty(r.review_on) && r.answer.size() <= 8000;
}

}  // namespace

// POST /register/{id}/requests: title, kind, status, sent_on, deadline, review_on, answer.
http::Response RegistryModule::add_request(http::Request& req) {
    const auth::Principal& who = auth::require_principal(req);
    const Entry e = editable_entry(req);
    Request r;
    r.entry_id = e.id;
    r.created_by = who.user_id;
    if (!read_request(req, r)) return entry_page(req, e, {.request = &r}, 422);
    ctx_->db.with_tx([&](storage::Transaction& tx) {
        RegistryStore(tx).add_request(r, clock::unix_seconds());
        ctx_->audit.record(tx, {"registry_request_added", who.user_id, std::nullopt, std::to_string(e.id)});
    });
    return http::Response::redirect(href(req, "/register/" + std::to_string(e.id)) + "#tracker");
}

// POST /register/{id}/requests/{request}: status, dates, answer.
http::Response RegistryModule::save_request(http::Request& req) {
    const auth::Principal& who = auth::require_principal(req);
    const Entry e = editable_entry(req);
    const auto list = store().requests(e.id);
    const auto id = req.path_int("request");
    const auto it = std::find_if(list.begin(), list.end(), [&](const Request& r) { return r.id == id; });
    if (it == list.end()) throw NotFound("There is no such request on this entry.");
    Request r = *it;
    if (!read_request(req, r)) return entry_page(req, e, {.request = &r}, 422);
    ctx_->db.with_tx([&](storage::Transaction& tx) {
        RegistryStore(tx).save_request(r, clock::unix_seconds());
        ctx_->audit.record(tx, {"registry_request_saved", who.user_id, std::nullopt, std::to_string(e.id)});
    });
    return http::Response::redirect(href(req, "/register/" + std::to_string(e.id)) + "#tracker");
}

int RegistryModule::send_reminders(std::int64_t now) {
    const std::string today = clock::utc_iso8601(now).substr(0, 10);
    const auto due = store().claim_due_reminders(today, now);
    if (due.empty()) return 0;
    const auto& directory = ctx_->extensions.one<kit::Directory>();
    std::map<std::int64_t, std::int64_t> union_of;  // entry -> union
    int sent = 0;
    for (const auto& d : due) {
        const auto e = store().get(d.request.entry_id);
        if (!e) continue;
        for (const auto& p : directory.union_holders("union_rep", e->union_id)) {
            const std::string lang = i18n::find_language(p.lang) ? p.lang : "en";
            const auto t = [&](std::string_view msgid) { return ctx_->catalog.translate(lang, msgid); };
            const bool deadline = d.what == "deadline";
            std::string text = t(deadline ? i18n::noop("The employer's deadline to answer has passed:") : i18n::noop("The review date of this request has passed:")) + "\n\n" +
                               d.request.title + " (" + (deadline ? d.request.deadline : d.request.review_on) + ")\n" + t(i18n::noop("System:")) + " " +
                               d.entry_name + "\n" + ctx_->base_url + (lang == "en" ? "" : "/" + lang) + "/register/" +
                               std::to_string(e->id) + "#tracker\n";
            try {
                ctx_->mailer.send({p.email, t(deadline ? i18n::noop("A request to the employer is overdue") : i18n::noop("A request to the employer is due for review")), text, lang});
                ++sent;
            } catch (const std::exception& ex) {
                log::warn("registry_reminder_failed", log::kv("request", static_cast<long long>(d.request.id)) + " " + log::kv("error", ex.what()));
            }
        }
    }
    log::info("registry_reminders", log::kv("due", static_cast<long long>(due.size())) + " " + log::kv("mails", static_cast<long long>(sent)));
    return sent;
}

}  // namespace avenir::registry
