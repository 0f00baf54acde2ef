#pragma once
// View models of the training pages (JSON for the templates).
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/http/request.hpp"
#include "core/kit/module.hpp"
#include "modules/training/training_types.hpp"

namespace avenir::training {

struct ViewEnv {
    http::Request& req;
    const kit::Context& ctx;
    std::string viewer_zone;  // the signed-in reader's zone ("" when anonymous or unset)
    std::string tr(std::string_view msgid) const { return ctx.catalog.translate(req.lang, msgid); }
    std::string href(std::string_view path) const;
};

// "10:00, 27 Oct 2026 (Europe/Paris)" style pieces for a session, in the cycle's zone and, when it
// differs, the reader's.
nlohmann::json session_view(const ViewEnv& env, const Cycle& c, const Session& s);
// A cycle's summary line for lists and the calendar.
nlohmann::json cycle_summary(const ViewEnv& env, const Cycle& c, const std::string& format_name);
// Removes the keys whose value is an empty string (templates test a key's presence).
void drop_empty(nlohmann::json& d);
// Labels.
std::string status_label(const ViewEnv& env, const std::string& status);
std::string mode_label(const ViewEnv& env, const std::string& mode);
std::string mark_label(const ViewEnv& env, Mark m);
std::string standing_label(const ViewEnv& env, Standing s);
std::string outcome_label(const ViewEnv& env, SessionOutcome o);
// The standing of one place, as a block for the cycle page and "My training".
nlohmann::json standing_view(const ViewEnv& env, const Cycle& c, const std::vector<Session>& sessions, const Completion& done);

}  // namespace avenir::training
