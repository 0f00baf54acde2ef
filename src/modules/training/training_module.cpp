// The training module's registration.
#include "modules/training/training_module.hpp"
#include "modules/training/training_indicators.hpp"

#include <map>

#include "core/auth/principal.hpp"
#include "core/log.hpp"

#include "core/search/index.hpp"
#include "modules/training/training_rules.hpp"
#include "modules/training/training_views.hpp"

namespace avenir::training {

std::unique_ptr<kit::Module> make_module() { return std::make_unique<TrainingModule>(); }

void TrainingModule::start(kit::Context& ctx, kit::Registration& reg) {
    ctx_ = &ctx;
    declare_permissions(reg);
    routes(reg);
    reg.nav({.path = "/training", .label = "Training", .order = 25});
    reg.seeder([this](const std::filesystem::path& root) { return seed(root); });
    // Personal data: places, marks and make-ups stay for the counts, anonymous, when a person is
    // erased (user_id SET NULL); reflections go with their author (CASCADE).
    reg.personal_data({"training_cycles", {"created_by"}, {}});
    reg.personal_data({"training_staff", {"user_id"}, {}});
    reg.personal_data({"training_enrolments", {"user_id", "invited_by"}, {}});
    reg.personal_data({"training_attendance", {"user_id", "recorded_by"}, {}});
    reg.personal_data({"training_make_ups", {"user_id", "decided_by"}, {}});
    reg.personal_data({"training_reflections", {"user_id"}, {}});
    reg.personal_data({"training_calendar_tokens", {"user_id"}, {"token_hash"}});
    reg.provide(kit::RegionSection{40, [this](http::Request& req, const std::string& slug) { return region_section(req, slug); }});
    // Recordings only for the cycle's people: the library asks here before it opens one.
    reg.provide(kit::ResourceGate{"training-session:", [this](http::Request& req, const std::string& gate) { return may_open_recording(req, gate); }});
    // Another module takes a place for someone (network: an approved Digital Rights Organiser).
    reg.provide(kit::CyclePlaces{[this](storage::Executor& tx, std::int64_t user_id, const std::string& audience, const std::string& region,
                                        std::int64_t by, std::int64_t now) { return place_in_next(tx, user_id, audience, region, by, now); }});
    reg.provide(kit::TrainingRecords{[this](std::int64_t now) {
        std::vector<kit::TrainingRecords::Completed> out;
        TrainingStore st = store();
        for (auto& p : completed_places(st, now)) out.push_back({p.cycle_id, std::move(p.title), std::move(p.region), p.user_id});
        return out;
    }});
    // The platform search finds cycles (all public): title, group, region, languages. Public
    // recordings are library resources: the library's source finds them.
    reg.provide(kit::SearchSource{.kind = "training", .label = "Training cycles", .order = 15, .audiences = {}, .search = {}});
    try {
        index_cycles();
    } catch (const std::exception& e) {  // a database not migrated yet (`avenir migrate` runs after start)
        log::warn("training_index_skipped", log::kv("error", e.what()));
    }
}

std::optional<kit::CyclePlace> TrainingModule::place_in_next(storage::Executor& tx, std::int64_t user_id, const std::string& audience,
                                                             const std::string& region, std::int64_t by, std::int64_t now) {
    TrainingStore st(tx);
    std::optional<Cycle> next;
    for (auto& c : st.cycles({region, "", "", ""})) {
        if (c.audience != audience || (c.status != "open" && c.status != "running") || now < c.enrol_opens || now > c.enrol_closes) continue;
        // The first session soonest; a cycle without sessions yet after those with.
        const auto key = [](const Cycle& x) { return std::pair{x.first_start == 0, x.first_start}; };
        if (!next || key(c) < key(*next)) next = std::move(c);
    }
    if (!next) return std::nullopt;
    const PlaceChange ch = st.enrol(next->id, user_id, by, now);
    ctx_->audit.record(tx, {"training_enrolled", by, user_id, std::to_string(next->id) + ":" + ch.enrolment.state});
    return kit::CyclePlace{next->id, next->title, ch.enrolment.state, "/training/cycles/" + std::to_string(next->id)};
}

// The search documents of every cycle (a handful per region), rewritten when one changes.
void TrainingModule::index_cycles() {
    const auto ref = ctx_->reference.get();
    ctx_->db.with_tx([&](storage::Transaction& tx) {
        TrainingStore st(tx);
        std::map<std::string, Format> formats;
        for (auto& f : st.formats()) formats.emplace(f.slug, f);
        std::vector<search::Document> docs;
        for (const auto& c : st.cycles({})) {
            const auto f = formats.find(c.format_slug);
            std::string languages;
            for (const auto& l : c.languages) languages += (languages.empty() ? "" : ", ") + l;
            for (const auto lang : search::kIndexLanguages) {
                const std::string l(lang);
                docs.push_back({"cycle-" + std::to_string(c.id), l, c.title,
                                (f == formats.end() ? c.format_slug : f->second.name(l)) + ". " + ref->region_name(c.region, l) + ". " +
                                    languages + (c.interpretation.empty() ? "" : ". " + c.interpretation),
                                "/training/cycles/" + std::to_string(c.id), ""});
            }
        }
        search::SearchIndex(tx).replace("training", docs);
    });
}

// The training section of a region page: its cycles not yet completed nor cancelled.
std::string TrainingModule::region_section(http::Request& req, const std::string& slug) {
    const auth::Principal* who = auth::current_principal(req);
    const ViewEnv env{req, *ctx_, who ? who->time_zone : std::string()};
    TrainingStore st = store();
    std::map<std::string, std::string> names;
    for (const auto& f : st.formats()) names[f.slug] = f.name(req.lang);
    nlohmann::json cycles = nlohmann::json::array();
    for (const auto& c : st.cycles({slug, "", "", ""}))
        if (c.status != "completed" && c.status != "cancelled") cycles.push_back(cycle_summary(env, c, names[c.format_slug]));
    nlohmann::json d{{"cycles", cycles}, {"has_cycles", !cycles.empty()}, {"more_href", env.href("/training?region=" + slug)}};
    return ctx_->views.render(req.lang, "training/region_section", d);
}

}  // namespace avenir::training
