// Route table of the training module: method, path, permission, handler.
#include "core/i18n/i18n.hpp"
#include "modules/training/training_module.hpp"

namespace avenir::training {

void TrainingModule::routes(kit::Registration& r) {
    auto h = [this](http::Response (TrainingModule::*handler)(http::Request&)) {
        return [this, handler](http::Request& q) { return (this->*handler)(q); };
    };
    // The calendar is the same for every anonymous reader; a cycle page shows the reader's own
    // place and forms, so it is never cached for people signed in.
    r.get("/training", "public", h(&TrainingModule::calendar), {.cache_anonymous = true});
    r.get("/training/mine", "signed_in", h(&TrainingModule::mine));
    // Anonymous counts, for the people of the programme.
    r.get("/training/indicators", "signed_in", h(&TrainingModule::indicators));
    r.get("/training/indicators.csv", "signed_in", h(&TrainingModule::indicators));
    r.post("/training/mine/calendar", "signed_in", h(&TrainingModule::calendar_token));
    // A certificate for its holder once complete; its verification address for anyone.
    r.get("/training/cycles/{id}/certificate", "signed_in", h(&TrainingModule::certificate));
    r.get("/training/certificates/{token}", "public", h(&TrainingModule::verify_certificate));
    // Calendars: links to join only for those who may (may_join); the private feed by its token.
    r.get("/training/cycles/{id}/calendar.ics", "public", h(&TrainingModule::cycle_calendar));
    r.get("/training/sessions/{id}/session.ics", "public", h(&TrainingModule::session_calendar));
    r.get("/training/calendar/{token}", "public", h(&TrainingModule::personal_calendar));
    r.get("/training/cycles/{id}", "public", h(&TrainingModule::cycle_page), {.cache_anonymous = true});
    // Each person's own place: the rules of the cycle decide (enrolment_refusal).
    r.post("/training/cycles/{id}/enrol", "signed_in", h(&TrainingModule::enrol));
    r.post("/training/cycles/{id}/withdraw", "signed_in", h(&TrainingModule::withdraw));
    r.post("/training/sessions/{id}/check-in", "signed_in", h(&TrainingModule::check_in));
    r.post("/training/sessions/{id}/make-up", "signed_in", h(&TrainingModule::submit_make_up));
    // Coordinators of the cycle's region and admins (may_manage).
    r.get("/training/new", "training_manage", h(&TrainingModule::new_cycle_form));
    r.post("/training/new", "training_manage", h(&TrainingModule::create_cycle));
    r.get("/training/cycles/{id}/edit", "training_manage", h(&TrainingModule::edit_cycle_form));
    r.post("/training/cycles/{id}/edit", "training_manage", h(&TrainingModule::save_cycle));
    r.post("/training/cycles/{id}/sessions", "training_manage", h(&TrainingModule::add_session));
    r.get("/training/sessions/{id}/edit", "training_manage", h(&TrainingModule::edit_session_form));
    r.post("/training/sessions/{id}/edit", "training_manage", h(&TrainingModule::save_session));
    r.post("/training/cycles/{id}/invite", "training_manage", h(&TrainingModule::invite));
    // The cycle's facilitators too (may_facilitate).
    r.get("/training/cycles/{id}/participants", "training_facilitate", h(&TrainingModule::participants));
    r.get("/training/sessions/{id}/roster", "training_facilitate", h(&TrainingModule::roster));
    r.post("/training/sessions/{id}/roster", "training_facilitate", h(&TrainingModule::save_roster));
    r.post("/training/sessions/{id}/make-ups/{enrolment_id}", "training_facilitate", h(&TrainingModule::decide_make_up));
    r.get("/training/sessions/{id}/sheet", "training_facilitate", h(&TrainingModule::sheet));
    r.post("/training/sessions/{id}/sheet", "training_facilitate", h(&TrainingModule::save_sheet));
    r.get("/training/sessions/{id}/recording", "training_facilitate", h(&TrainingModule::recording));
    r.post("/training/sessions/{id}/recording", "training_facilitate", h(&TrainingModule::save_recording));
    r.get("/training/sessions/{id}/import", "training_facilitate", h(&TrainingModule::import_form));
    http::RouteOptions reports;
    reports.max_body = 4 << 20;  // a report of a few thousand rows, sent back between the steps
    reports.too_large_message = i18n::noop("This report is too large: split it or keep only the participants' rows.");
    r.post("/training/sessions/{id}/import", "training_facilitate", h(&TrainingModule::import_report), reports);
}

}  // namespace avenir::training
