#pragma once
// Training cycles: the programme's calendar, cycles and their sessions (times in the cycle's zone
// and the reader's), enrolment with a waiting list, attendance from the facilitator's roster and
// self check-in, and the all-sessions rule (training_completion.hpp) shown to each participant.
//
// Files: training_routes.cpp (the route table), training_rules.cpp (who may do what),
// training_handlers.cpp (calendar, cycle page, enrolment, "My training"), training_manage.cpp
// (coordinators: cycles, sessions, participants), training_roster.cpp (attendance),
// training_views.cpp (view models), training_store.cpp (SQL), training_seed.cpp (formats and the
// illustrative cycles of content/training/).
#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/http/router.hpp"
#include "core/kit/module.hpp"
#include "modules/training/training_store.hpp"

namespace avenir::training {

struct ViewEnv;

class TrainingModule final : public kit::Module {
public:
    std::string name() const override { return "training"; }
    void start(kit::Context& ctx, kit::Registration& reg) override;
    // Formats from content/programme/groups.toml and content/training/formats.toml, then the
    // illustrative cycles of content/training/cycles.toml (once, dated from today).
    int seed(const std::filesystem::path& content_root);
    TrainingStore store() { return TrainingStore(ctx_->db); }
    // The library's reference of a session's recording (kit::Shelf).
    static std::string recording_ref(const Session& s);

private:
    void routes(kit::Registration& reg);
    void index_cycles();
    std::string region_section(http::Request& req, const std::string& slug);

    http::Response calendar(http::Request& req);
    http::Response cycle_page(http::Request& req);
    http::Response mine(http::Request& req);
    http::Response indicators(http::Request& req);
    // "My training"; new_feed_url: the private calendar address just made (shown once).
    http::Response mine_page(http::Request& req, const std::string& new_feed_url);
    http::Response cycle_calendar(http::Request& req);
    http::Response session_calendar(http::Request& req);
    http::Response personal_calendar(http::Request& req);
    http::Response calendar_token(http::Request& req);
    // Whether the request's person may join the cycle's sessions (sees links and dial-ins).
    bool may_join(http::Request& req, const Cycle& c);
    std::string cycle_url(const Cycle& c, const std::string& lang) const;
    http::Response enrol(http::Request& req);
    http::Response withdraw(http::Request& req);
    http::Response check_in(http::Request& req);

    http::Response new_cycle_form(http::Request& req);
    http::Response create_cycle(http::Request& req);
    http::Response edit_cycle_form(http::Request& req);
    http::Response save_cycle(http::Request& req);
    http::Response add_session(http::Request& req);
    http::Response edit_session_form(http::Request& req);
    http::Response save_session(http::Request& req);
    http::Response participants(http::Request& req);
    http::Response invite(http::Request& req);

    http::Response roster(http::Request& req);
    http::Response save_roster(http::Request& req);
    http::Response roster_page(http::Request& req, bool invalid);
    http::Response submit_make_up(http::Request& req);
    http::Response sheet(http::Request& req);
    // unknown: codes typed back that are no participant's (the page then says so, 422).
    http::Response sheet_page(http::Request& req, const std::vector<std::string>& unknown, const std::string& typed);
    http::Response save_sheet(http::Request& req);
    http::Response certificate(http::Request& req);
    http::Response verify_certificate(http::Request& req);
    nlohmann::json certificate_view(const ViewEnv& env, const Cycle& c, const std::vector<Session>& sessions, const std::string& name);
    http::Response import_form(http::Request& req);
    http::Response import_report(http::Request& req);
    http::Response import_page(http::Request& req);
    http::Response decide_make_up(http::Request& req);

    // Recordings (training_recordings.cpp).
    struct Consent {
        int enrolled = 0, consenting = 0;  // people enrolled, and those of them who agree to be recorded
        bool all() const { return consenting == enrolled; }
    };
    struct RecordingFields {
        std::string lang, title, summary, url, minutes, transcript, access;  // access: participants, members, public
    };
    Consent recording_consent(std::int64_t cycle_id);
    // "2 of the 12 people enrolled have not agreed to be recorded." in lang; "" when all agree.
    std::string not_recorded_text(const std::string& lang, const Consent& consent) const;
    // kit::ResourceGate: the session's cycle's participants, its staff and its region's coordinators.
    bool may_open_recording(http::Request& req, const std::string& gate);
    http::Response recording(http::Request& req);
    http::Response save_recording(http::Request& req);
    http::Response recording_form(http::Request& req, const Cycle& c, const Session& s, const RecordingFields& f,
                                  const std::vector<std::string>& errors, int status);

    // The cycle in the path ({id}), or 404.
    Cycle find_cycle(http::Request& req);
    // A cycle the request's person may manage (403 otherwise).
    Cycle manageable_cycle(http::Request& req);
    Session find_session(http::Request& req);
    // The session in the path with its cycle, when the request's person facilitates that cycle
    // (may_facilitate); 403 otherwise, 404 for no such session.
    struct Facilitated {
        Session session;
        Cycle cycle;
    };
    Facilitated facilitated_session(http::Request& req);
    http::Response cycle_form(http::Request& req, const Cycle& c, const std::vector<Staff>& staff, const std::vector<std::string>& errors,
                              int status);
    http::Response session_form(http::Request& req, const Cycle& c, const Session& s, const std::vector<std::string>& errors, int status);
    // E-mails every enrolled person of the cycle that session n changed or was cancelled (each in
    // their language, with the time in their zone and the cycle's).
    void notify_session_change(const Cycle& c, const Session& s);
    // E-mails a person moved up from the waiting list.
    void notify_promoted(const Cycle& c, const Enrolment& e);
    const kit::Directory& directory() const;
    // kit::CyclePlaces: a place in the region's next cycle for `audience` open at `now`.
    std::optional<kit::CyclePlace> place_in_next(storage::Executor& tx, std::int64_t user_id, const std::string& audience,
                                                 const std::string& region, std::int64_t by, std::int64_t now);
    std::string tr(const std::string& lang, std::string_view msgid) const { return ctx_->catalog.translate(lang, msgid); }

    kit::Context* ctx_ = nullptr;
};

}  // namespace avenir::training
