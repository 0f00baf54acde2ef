// Route table of the bargaining module: method, path, permission, handler.
#include "modules/bargaining/bargaining_module.hpp"

namespace avenir::bargaining {

void BargainingModule::routes(kit::Registration& r) {
    auto h = [this](http::Response (BargainingModule::*handler)(http::Request&)) {
        return [this, handler](http::Request& q) { return (this->*handler)(q); };
    };
    // What each reader sees depends on who they are (bargaining_rules.cpp: may_read), decided
    // inside the queries; anonymous readers share the cached public pages.
    r.get("/bargaining", "public", h(&BargainingModule::report), {.cache_anonymous = true});
    r.get("/bargaining/clauses", "public", h(&BargainingModule::database), {.cache_anonymous = true});
    r.get("/bargaining/clauses/{slug}", "public", h(&BargainingModule::clause), {.cache_anonymous = true});
    // Reviewers change a clause's status, access and texts (may_review).
    r.get("/bargaining/clauses/{slug}/edit", "bargaining_review", h(&BargainingModule::edit_clause));
    r.post("/bargaining/clauses/{slug}/edit", "bargaining_review", h(&BargainingModule::save_clause_form));
    r.get("/bargaining/models/{model}", "public", h(&BargainingModule::model), {.cache_anonymous = true});
    // Proposals: a union's representatives only (bargaining_compose, then may_act_for on the
    // proposal's union; another union's proposal is 404).
    r.get("/bargaining/proposals", "bargaining_compose", h(&BargainingModule::proposals));
    r.post("/bargaining/proposals", "bargaining_compose", h(&BargainingModule::create_proposal));
    r.post("/bargaining/add-to-proposal", "bargaining_compose", h(&BargainingModule::add_to_proposal));
    r.get("/bargaining/proposals/{id}", "bargaining_compose", h(&BargainingModule::proposal));
    r.post("/bargaining/proposals/{id}", "bargaining_compose", h(&BargainingModule::save_proposal));
    r.get("/bargaining/proposals/{id}/proposal.docx", "bargaining_compose", h(&BargainingModule::export_proposal));
    r.get("/bargaining/proposals/{id}/proposal.odt", "bargaining_compose", h(&BargainingModule::export_proposal));
    r.get("/bargaining/proposals/{id}/print", "bargaining_compose", h(&BargainingModule::print_proposal));
    // Gap checks: the same (may_act_for on the check's union).
    r.get("/bargaining/gaps", "bargaining_compose", h(&BargainingModule::gaps));
    r.post("/bargaining/gaps", "bargaining_compose", h(&BargainingModule::create_gap_check));
    r.get("/bargaining/gaps/{id}", "bargaining_compose", h(&BargainingModule::gap_check));
    r.post("/bargaining/gaps/{id}", "bargaining_compose", h(&BargainingModule::save_gap_check));
    // Contributions: anyone signed in shares a clause of their union's agreement; Digital Rights
    // Organisers, coordinators and admins review them (bargaining_review).
    r.get("/bargaining/contribute", "signed_in", h(&BargainingModule::contribute));
    r.post("/bargaining/contribute", "signed_in", h(&BargainingModule::create_contribution));
    r.get("/bargaining/review", "bargaining_review", h(&BargainingModule::review_queue));
    r.post("/bargaining/review/{id}", "bargaining_review", h(&BargainingModule::decide_contribution));
    // The taxonomy: admins (with two-factor sign-in).
    r.get("/bargaining/topics/{topic}/edit", "bargaining_taxonomy", h(&BargainingModule::edit_topic));
    r.post("/bargaining/topics/{topic}/edit", "bargaining_taxonomy", h(&BargainingModule::save_topic));
    r.get("/bargaining/feed.atom", "public", h(&BargainingModule::feed), {.cache_anonymous = true});
}

}  // namespace avenir::bargaining
