// Recordings of sessions. A recording is a library resource (kit::Shelf), filed under the session's
// calendar UID, with the access chosen here: the cycle's participants and staff (the library asks
// this module, kit::ResourceGate), every member, or the public (then it is listed and searched in
// the library and shown on the region page, by the library). It is filed only when every person
// enrolled in the cycle consents to being recorded (accounts' "recorded" consent); otherwise the
// session shows "not recorded" with that reason.
#include <charconv>

#include "core/auth/principal.hpp"
#include "core/clock.hpp"
#include "core/errors.hpp"
#include "core/i18n/i18n.hpp"
#include "core/i18n/message.hpp"
#include "core/i18n/zoned_time.hpp"
#include "core/log.hpp"
#include "core/view/layout.hpp"
#include "modules/training/training_module.hpp"
#include "modules/training/training_rules.hpp"
#include "modules/training/training_views.hpp"

namespace avenir::training {

using nlohmann::json;

namespace {

constexpr std::string_view kGatePrefix = "training-session:";
constexpr const char* kAccesses[] = {"participants", "members", "public"};
constexpr const char* kRecordingLanguages[] = {"en", "fr", "es", "ar"};

std::string library_access(const std::string& access) { return access == "participants" ? "gated" : access; }
std::string training_access(const std::string& access) { return access == "gated" ? "participants" : access; }

}  // namespace

std::string TrainingModule::recording_ref(const Session& s) { return "training-session-" + s.uid; }

TrainingModule::Consent TrainingModule::recording_consent(std::int64_t cycle_id) {
    std::vector<std::int64_t> ids;
    for (const auto& e : store().enrolments(cycle_id))
        if (e.state == "enrolled" && e.user_id) ids.push_back(*e.user_id);
    Consent c;
    c.enrolled = static_cast<int>(ids.size());
    if (!ids.empty()) c.consenting = static_cast<int>(directory().consenting(ids, "recorded").size());
    return c;
}

std::string TrainingModule::not_recorded_text(const std::string& lang, const Consent& consent) const {
    if (consent.all()) return "";
    return i18n::message(ctx_->catalog, lang, "{1} of the {2} people enrolled have not agreed to be recorded.",
                         std::to_string(consent.enrolled - consent.consenting), std::to_string(consent.enrolled));
}

bool TrainingModule::may_open_recording(http::Request& req, const std::string& gate) {
    if (!gate.starts_with(kGatePrefix)) return false;
    const std::string_view digits = std::string_view(gate).substr(kGatePrefix.size());
    std::int64_t sid = 0;
    if (std::from_chars(digits.data(), digits.data() + digits.size(), sid).ptr != digits.data() + digits.size()) return false;
    const auth::Principal* who = auth::current_principal(req);
    if (!who) return false;
    TrainingStore st = store();
    const auto s = st.session(sid);
    const auto c = s ? st.cycle(s->cycle_id) : std::nullopt;
    if (!c) return false;
    if (may_manage(who, c->region)) return true;
    for (const auto& m : st.staff(c->id))
        if (m.user_id == who->user_id) return true;
    const auto place = st.enrolment(c->id, who->user_id);
    return place && place->state == "enrolled";
}

http::Response TrainingModule::recording_form(http::Request& req, const Cycle& c, const Session& s, const RecordingFields& f,
                                              const std::vector<std::string>& errors, int status) {
    const ViewEnv env{req, *ctx_, ""};
    const Consent consent = recording_consent(c.id);
    const auto filed = ctx_->extensions.one<kit::Shelf>().find({recording_ref(s)});
    json d{{"csrf", ctx_->access.csrf(req)},
           {"action", env.href("/training/sessions/" + std::to_string(s.id) + "/recording")},
           {"cycle_href", env.href("/training/cycles/" + std::to_string(c.id))},
           {"cycle_title", c.title},
           {"number", s.number},
           {"of", c.session_count},
           {"enrolled", consent.enrolled},
           {"all_consent", consent.all()},
           {"title", f.title},
           {"summary", f.summary},
           {"url", f.url},
           {"minutes", f.minutes},
           {"transcript", f.transcript}};
    if (!consent.all()) d["not_recorded"] = not_recorded_text(req.lang, consent);
    if (!s.not_recorded_reason.empty()) d["reason"] = s.not_recorded_reason;
    json err = json::array();
    for (const auto& e : errors) err.push_back(env.tr(e));
    d["errors"] = err;
    d["has_errors"] = !errors.empty();
    json langs = json::array();
    for (const char* l : kRecordingLanguages)
        langs.push_back({{"value", l}, {"label", i18n::find_language(l)->native_name}, {"selected", f.lang == l}});
    d["langs"] = langs;
    json accesses = json::array();
    for (const char* a : kAccesses) {
        const std::string label = a == std::string("participants") ? env.tr("The cycle's participants and staff")
                                  : a == std::string("members")    ? env.tr("Every member signed in to Avenir")
                                                                   : env.tr("Everyone (listed in the library and on the region's page)");
        accesses.push_back({{"value", a}, {"label", label}, {"checked", f.access == a}, {"id", std::string("r-access-") + a}});
    }
    d["accesses"] = accesses;
    if (const auto it = filed.find(recording_ref(s)); it != filed.end()) {
        const auto& item = it->second;
        d["filed"] = {{"href", env.href("/library/" + std::to_string(item.id))},
                      {"title", item.title},
                      {"video", item.video_file || !item.url.empty()},
                      {"audio", item.audio_file},
                      {"transcript", item.transcript}};
    }
    const std::string page_title = env.tr("Recording of the session");
    return ctx_->layout.page(req, "training/recording", std::move(d), page_title, status);
}

// GET /training/sessions/{id}/recording: the consent of those enrolled, the recording filed so
// far, and the form to file or change it.
http::Response TrainingModule::recording(http::Request& req) {
    auto [s, c] = facilitated_session(req);
    RecordingFields f;
    f.lang = c.languages.empty() ? "en" : c.languages.front();
    f.title = c.title + " — " + std::to_string(s.number) + " / " + std::to_string(c.session_count);
    f.minutes = std::to_string(s.minutes);
    f.access = "participants";
    const auto filed = ctx_->extensions.one<kit::Shelf>().find({recording_ref(s)});
    if (const auto it = filed.find(recording_ref(s)); it != filed.end()) {
        f.lang = it->second.lang;
        f.title = it->second.title;
        f.url = it->second.url;
        f.access = training_access(it->second.access);
        f.minutes = std::to_string(it->second.duration_seconds / 60);
    }
    return recording_form(req, c, s, f, {}, 200);
}

// POST /training/sessions/{id}/recording: files the recording in the library, when every person
// enrolled consents; what was typed stays on the page when something is wrong.
http::Response TrainingModule::save_recording(http::Request& req) {
    auto [s, c] = facilitated_session(req);
    const auth::Principal& who = auth::require_principal(req);
    const auto& form = req.form();
    RecordingFields f{form.get("lang"), form.get("title"), form.get("summary"), form.get("url"), form.get("minutes"),
                      form.get("transcript"), form.get("access")};
    std::vector<std::string> errors;
    const Consent consent = recording_consent(c.id);
    if (!consent.all())
        errors.emplace_back(i18n::noop("This session cannot be filed as recorded: every person enrolled must first agree to be recorded "
                                       "(in their account's consents), or withdraw."));
    if (s.starts_at > clock::unix_seconds()) errors.emplace_back(i18n::noop("A session is recorded once it has started."));
    if (std::none_of(std::begin(kRecordingLanguages), std::end(kRecordingLanguages), [&](const char* l) { return f.lang == l; }))
        errors.emplace_back(i18n::noop("Choose the language spoken in the recording."));
    if (std::none_of(std::begin(kAccesses), std::end(kAccesses), [&](const char* a) { return f.access == a; }))
        errors.emplace_back(i18n::noop("Choose who may watch the recording."));
    int minutes = -1;
    if (std::from_chars(f.minutes.data(), f.minutes.data() + f.minutes.size(), minutes).ptr != f.minutes.data() + f.minutes.size() ||
        minutes < 1 || minutes > 720)
        errors.emplace_back(i18n::noop("Give the recording's length in minutes (1 to 720)."));
    if (f.title.empty() || f.title.size() > 300) errors.emplace_back(i18n::noop("Give the recording a title of at most 300 characters."));
    if (f.summary.size() > 2000) errors.emplace_back(i18n::noop("Keep the summary under 2,000 characters."));
    if (f.transcript.size() > 200000) errors.emplace_back(i18n::noop("Keep the transcript under 200,000 characters, or add it as a file in the library."));
    if (!f.url.empty() && !(f.url.starts_with("https://") || f.url.starts_with("http://")))
        errors.emplace_back(i18n::noop("The video link is an address starting with https://."));
    if (!errors.empty()) return recording_form(req, c, s, f, errors, 422);
    kit::ShelfRecording rec;
    rec.ref = recording_ref(s);
    rec.lang = f.lang;
    rec.title = f.title;
    rec.summary = f.summary;
    rec.transcript = f.transcript;
    rec.url = f.url;
    rec.date = i18n::format_local(s.starts_at, c.time_zone).first;
    rec.regions = {c.region};
    rec.duration_seconds = static_cast<std::int64_t>(minutes) * 60;
    rec.access = library_access(f.access);
    if (rec.access == "gated") rec.gate = std::string(kGatePrefix) + std::to_string(s.id);
    const auto [id, problems] = ctx_->extensions.one<kit::Shelf>().file(rec, who.user_id);
    if (id == 0) {
        // The library's own checks (English, naming the field): shown as they are.
        return recording_form(req, c, s, f, problems, 422);
    }
    ctx_->audit.record(ctx_->db, {"training_recording_filed", who.user_id, std::nullopt, std::to_string(s.id)});
    ctx_->pages_changed();
    log::info("training_recording_filed", log::kv("session", static_cast<long long>(s.id)) + " " + log::kv("resource", static_cast<long long>(id)));
    return http::Response::redirect(view::Layout::href(req, "/training/sessions/" + std::to_string(s.id) + "/recording"));
}

}  // namespace avenir::training
