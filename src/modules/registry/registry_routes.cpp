// Route table of the register: method, path, permission, handler.
#include "modules/registry/registry_module.hpp"

namespace avenir::registry {

void RegistryModule::routes(kit::Registration& r) {
    auto h = [this](http::Response (RegistryModule::*handler)(http::Request&)) {
        return [this, handler](http::Request& q) { return (this->*handler)(q); };
    };
    // Who reads an entry is its tier's business (registry_rules.cpp: may_read), decided inside
    // the queries; an entry the reader may not read is 404, whoever they are.
    r.get("/register", "public", h(&RegistryModule::index));
    r.get("/register/{id}", "public", h(&RegistryModule::entry));
    // Questionnaire definitions: admins with two-factor sign-in import them (each a new version).
    r.get("/register/questionnaires", "register_questionnaires", h(&RegistryModule::questionnaires));
    r.post("/register/questionnaires", "register_questionnaires", h(&RegistryModule::import_questionnaire));
    // Findings of several unions about one product, side by side (Digital Rights Organisers).
    r.get("/register/pooled", "register_pool", h(&RegistryModule::pooled));
    // The register as CSV: the rows the reader may read, without identifying fields.
    r.get("/register.csv", "public", h(&RegistryModule::export_csv));
    // Exchanges with other registers (reps): Eurocities v0.3.1 export and import, ATRS crosswalk.
    r.get("/register/import", "register_record", h(&RegistryModule::import_form));
    r.post("/register/import", "register_record", h(&RegistryModule::import_entry));
    r.get("/register/{id}/eurocities.json", "register_record", h(&RegistryModule::export_eurocities));
    r.get("/register/{id}/atrs.json", "register_record", h(&RegistryModule::export_atrs));
    // Union representatives record, edit and assess their unions' entries (may_edit: another
    // union's entry is 403 when they may read it, else 404).
    r.get("/register/new", "register_record", h(&RegistryModule::new_entry));
    r.post("/register", "register_record", h(&RegistryModule::create_entry));
    r.get("/register/{id}/edit", "register_record", h(&RegistryModule::edit_entry));
    r.post("/register/{id}/edit", "register_record", h(&RegistryModule::save_entry));
    // Members add evidence to the entries shared with them (may_add_evidence); representatives remove it.
    r.post("/register/{id}/evidence", "register_evidence", h(&RegistryModule::add_evidence));
    r.post("/register/{id}/evidence/{evidence}/delete", "register_record", h(&RegistryModule::remove_evidence));
    r.get("/register/{id}/assess", "register_record", h(&RegistryModule::assess_form));
    r.post("/register/{id}/assess", "register_record", h(&RegistryModule::run_assessment));
    // The information request to the employer (reps): options, then DOCX, ODT or a page to print.
    r.get("/register/{id}/request", "register_record", h(&RegistryModule::request_form));
    r.get("/register/{id}/request.docx", "register_record", h(&RegistryModule::request_file));
    r.get("/register/{id}/request.odt", "register_record", h(&RegistryModule::request_file));
    r.get("/register/{id}/request/print", "register_record", h(&RegistryModule::request_print));
    // The tracker of requests and demands to the employer (reps).
    r.post("/register/{id}/requests", "register_record", h(&RegistryModule::add_request));
    r.post("/register/{id}/requests/{request}", "register_record", h(&RegistryModule::save_request));
    r.get("/register/{id}/assessments/{assessment}", "public", h(&RegistryModule::assessment));
    r.get("/register/{id}/compare", "public", h(&RegistryModule::compare));
}

}  // namespace avenir::registry
