// The session planner: a facilitator composes a session from whole workshops or single steps,
// reorders them with buttons (no JavaScript needed), sets a start time and an interpretation
// factor, sees the totals and a warning when the plan overruns its slot, and shares a read-only
// link that can be printed or taken offline.
#include <nlohmann/json.hpp>
#include "core/security/random.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "core/auth/principal.hpp"
#include "core/clock.hpp"
#include "core/errors.hpp"
#include "core/i18n/i18n.hpp"
#include "modules/guide/guide_module.hpp"
#include "modules/guide/guide_timing.hpp"

namespace avenir::guide {
namespace {
using nlohmann::json;

std::string share_token() { return security::random_hex(16); }

std::optional<int> to_int(const std::string& s) {
    int v = 0;
    const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
    return v;
}

}  // namespace

Plan GuideModule::owned_plan(http::Request& req) {
    const auth::Principal& who = auth::require_principal(req);
    const auto plan = plans_->by_id(req.path_int("plan_id"));
    if (!plan || plan->owner_id != who.user_id) throw NotFound("There is no such plan.");
    return *plan;
}

json GuideModule::plan_view(http::Request& req, const Plan& plan, bool editable) {
    const auto snapshot = content();
    const GuideContent& c = *snapshot;
    auto find = [&](const std::string& slug) -> const Workshop* {
        for (const auto& w : c.workshops)
            if (w.slug == slug) return &w;
        return nullptr;
    };
    std::vector<TimedStep> timed;
    std::vector<std::pair<std::string, std::string>> labels;  // step title, workshop title
    json items = json::array();
    for (std::size_t i = 0; i < plan.items.size(); ++i) {
        const PlanItem& item = plan.items[i];
        const Workshop* w = find(item.workshop_slug);
        if (!w) continue;
        const json& doc = w->texts.contains(req.lang) ? w->texts.at(req.lang) : w->texts.at("en");
        const std::string wtitle = doc.value("title", w->slug);
        int min = 0, max = 0;
        std::string label = wtitle;
        for (const auto& s : w->steps) {
            if (!item.step_id.empty() && s.id != item.step_id) continue;
            timed.push_back({s.min_minutes, s.max_minutes, false, s.speaking});
            const std::string stitle = doc.value("steps", json::object()).value(s.id, json::object()).value("title", s.id);
            labels.emplace_back(stitle, wtitle);
            min += s.min_minutes, max += s.max_minutes;
            if (!item.step_id.empty()) label = wtitle + " — " + stitle;
        }
        items.push_back({{"position", std::to_string(i)}, {"label", label}, {"duration", duration_label(min, max)},
                         {"first", i == 0}, {"last", i + 1 == plan.items.size()}});
    }
    const double factor = plan.interpretation_percent / 100.0;
    const Schedule sched = schedule(timed, {.start = plan.start_minutes, .interpretation_factor = factor});
    json steps = json::array();
    for (std::size_t i = 0; i < timed.size(); ++i) {
        const StepTime& t = sched.steps[i];
        std::string time;
        if (t.earliest_start)
            time = *t.earliest_start == *t.latest_start ? clock(*t.earliest_start) : clock(*t.earliest_start) + "–" + clock(*t.latest_start);
        steps.push_back({{"number", std::to_string(i + 1)}, {"time", time}, {"has_time", !time.empty()}, {"title", labels[i].first},
                         {"workshop", labels[i].second}, {"duration", duration_label(t.min_minutes, t.max_minutes)}});
    }
    json choices = json::array();
    for (const auto& w : c.workshops) {
        if (w.status != "published") continue;
        const json& doc = w.texts.contains(req.lang) ? w.texts.at(req.lang) : w.texts.at("en");
        json options = json::array();
        options.push_back({{"value", w.slug}, {"label", layout_->tr(req, "The whole workshop") + " (" + duration_label(w.total_min(), w.total_max()) + ")"}});
        for (const auto& s : w.steps)
            options.push_back({{"value", w.slug + "/" + s.id},
                               {"label", doc.value("steps", json::object()).value(s.id, json::object()).value("title", s.id) + " (" +
                                             duration_label(s.min_minutes, s.max_minutes) + ")"}});
        choices.push_back({{"title", doc.value("title", w.slug)}, {"options", options}});
    }
    const std::string base = "/guide/plans/" + std::to_string(plan.id);
    return json{{"title", plan.title}, {"items", items}, {"has_items", !items.empty()}, {"steps", steps}, {"choices", choices},
                {"total", duration_label(sched.total_min, sched.total_max)}, {"slot", duration_label(plan.slot_minutes, plan.slot_minutes)},
                {"slot_minutes", std::to_string(plan.slot_minutes)}, {"overrun", sched.overruns(plan.slot_minutes)},
                {"start", plan.start_minutes ? clock(*plan.start_minutes) : ""}, {"has_times", plan.start_minutes.has_value()},
                {"end", sched.latest_end ? clock(*sched.latest_end) : ""}, {"factor", std::to_string(plan.interpretation_percent)},
                {"factor_label", plan.interpretation_percent == 100 ? "" : "×" + std::to_string(plan.interpretation_percent / 100) + "." +
                                                                             std::to_string(plan.interpretation_percent % 100 / 10)},
                {"editable", editable}, {"script", ctx_->static_files.url("planner.js")}, {"settings_action", view::Layout::href(req, base)}, {"items_action", view::Layout::href(req, base + "/items")},
                {"share_href", view::Layout::href(req, "/guide/shared/" + plan.share_token)},
                {"offline_href", view::Layout::href(req, "/guide/shared/" + plan.share_token + "/offline.zip")}, {"plans_href", view::Layout::href(req, "/guide/plans")}};
}

http::Response GuideModule::plans_page(http::Request& req) {
    const auth::Principal& who = auth::require_principal(req);
    json list = json::array();
    for (const auto& p : plans_->by_owner(who.user_id))
        list.push_back({{"title", p.title}, {"href", view::Layout::href(req, "/guide/plans/" + std::to_string(p.id))}});
    json d{{"plans", list}, {"has_plans", !list.empty()}, {"action", view::Layout::href(req, "/guide/plans")}, {"csrf", ctx_->access.csrf(req)}};
    return layout_->page(req, "guide/plans", std::move(d), layout_->tr(req, "Session plans"));
}

http::Response GuideModule::create_plan(http::Request& req) {
    const auth::Principal& who = auth::require_principal(req);
    const std::string title = req.form().get("title");
    const auto slot = to_int(req.form().get("slot"));
    if (title.empty() || title.size() > 200) throw Unprocessable("Give the plan a title (at most 200 characters).");
    if (!slot || *slot < 15 || *slot > 1440) throw Unprocessable("The slot is a number of minutes between 15 and 1440.");
    const auto id = plans_->create(who.user_id, title, *slot, share_token(), clock::unix_seconds());
    return http::Response::redirect(view::Layout::href(req, "/guide/plans/" + std::to_string(id)));
}

http::Response GuideModule::plan_page(http::Request& req) {
    const Plan plan = owned_plan(req);
    json d = plan_view(req, plan, true);
    d["csrf"] = ctx_->access.csrf(req);
    return layout_->page(req, "guide/plan", std::move(d), plan.title);
}

http::Response GuideModule::update_plan(http::Request& req) {
    Plan plan = owned_plan(req);
    const auto& f = req.form();
    const std::string start = f.get("start");
    const auto slot = to_int(f.get("slot"));
    const auto factor = to_int(f.get("factor"));
    if (!f.get("title").empty() && f.get("title").size() <= 200) plan.title = f.get("title");
    if (!start.empty() && !parse_clock(start)) throw Unprocessable("Give the start time as hours and minutes, for example 09:30.");
    if (!slot || *slot < 15 || *slot > 1440) throw Unprocessable("The slot is a number of minutes between 15 and 1440.");
    if (!factor || *factor < 100 || *factor > 400) throw Unprocessable("Choose an interpretation factor between 100 % and 400 %.");
    plan.start_minutes = start.empty() ? std::nullopt : parse_clock(start);
    plan.slot_minutes = *slot;
    plan.interpretation_percent = *factor;
    plans_->update_settings(plan, clock::unix_seconds());
    return http::Response::redirect(view::Layout::href(req, "/guide/plans/" + std::to_string(plan.id)));
}

http::Response GuideModule::change_plan_items(http::Request& req) {
    Plan plan = owned_plan(req);
    const auto& f = req.form();
    const std::string action = f.get("action");
    if (action == "add") {
        const std::string choice = f.get("item");
        const auto slash = choice.find('/');
        PlanItem item{choice.substr(0, slash), slash == std::string::npos ? "" : choice.substr(slash + 1)};
        const Workshop w = find_workshop(item.workshop_slug);
        if (!item.step_id.empty() && std::none_of(w.steps.begin(), w.steps.end(), [&](const Step& s) { return s.id == item.step_id; }))
            throw Unprocessable("Choose a workshop or one of its steps.");
        if (plan.items.size() >= 100) throw Unprocessable("A plan holds at most 100 items.");
        plan.items.push_back(item);
    } else {
        const auto pos = to_int(f.get("position"));
        if (!pos || *pos < 0 || static_cast<std::size_t>(*pos) >= plan.items.size()) throw Unprocessable("That item is not in the plan.");
        const auto i = static_cast<std::size_t>(*pos);
        if (action == "up" && i > 0) std::swap(plan.items[i], plan.items[i - 1]);
        else if (action == "down" && i + 1 < plan.items.size()) std::swap(plan.items[i], plan.items[i + 1]);
        else if (action == "remove") plan.items.erase(plan.items.begin() + static_cast<std::ptrdiff_t>(i));
        else if (action == "move") {  // drag and drop
            const auto to = to_int(f.get("to"));
            if (!to || *to < 0 || static_cast<std::size_t>(*to) >= plan.items.size()) throw Unprocessable("That item is not in the plan.");
            const PlanItem moved = plan.items[i];
            plan.items.erase(plan.items.begin() + static_cast<std::ptrdiff_t>(i));
            plan.items.insert(plan.items.begin() + *to, moved);
        } else if (action != "up" && action != "down") throw Unprocessable("Unknown action.");
    }
    plans_->set_items(plan.id, plan.items, clock::unix_seconds());
    return http::Response::redirect(view::Layout::href(req, "/guide/plans/" + std::to_string(plan.id)));
}

http::Response GuideModule::shared_plan(http::Request& req) {
    const auto plan = plans_->by_token(req.param("token"));
    if (!plan) throw NotFound("There is no such plan.");
    json d = plan_view(req, *plan, false);
    return layout_->page(req, "guide/plan", std::move(d), plan->title);
}

}  // namespace avenir::guide
