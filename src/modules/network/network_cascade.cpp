// The cascade (/network/cascade): people who completed a training cycle (kit::TrainingRecords)
// log the sessions they ran for colleagues; the indicators (/network/cascade/indicators, with CSV
// and an SVG chart) show the multiplier, people reached per person trained, per region and theme.
// Aggregates only: no person is named on the indicators.
#include <algorithm>
#include <charconv>
#include <cstdio>
#include <set>

#include "core/auth/principal.hpp"
#include "core/clock.hpp"
#include "core/errors.hpp"
#include "core/html.hpp"
#include "core/i18n/i18n.hpp"
#include "core/text/csv.hpp"
#include "core/view/layout.hpp"
#include "modules/network/network_module.hpp"
#include "modules/network/network_rules.hpp"

namespace avenir::network {
using nlohmann::json;

namespace {

const kit::TrainingRecords* records(const kit::Extensions& ext) {
    return ext.optional<kit::TrainingRecords>();
}

std::string one_decimal(double v) {
    char b[32];
    std::snprintf(b, sizeof b, "%.1f", v);
    return b;
}

}  // namespace

// GET /network/cascade
http::Response NetworkModule::cascade(http::Request& req) { return cascade_form(req, {}, {}, 200); }

http::Response NetworkModule::cascade_form(http::Request& req, const CascadeSession& typed, const std::vector<std::string>& errors, int status) {
    const auth::Principal& who = auth::require_principal(req);
    const auto ref = ctx_->reference.get();
    std::vector<kit::TrainingRecords::Completed> mine;
    if (const auto* r = records(ctx_->extensions))
        for (auto& c : r->completed(clock::unix_seconds()))
            if (c.user_id == who.user_id) mine.push_back(std::move(c));
    json cycles = json::array();
    for (const auto& c : mine) cycles.push_back({{"value", c.cycle_id}, {"label", c.title}, {"selected", typed.cycle_id == c.cycle_id}});
    const auto titles = kit::link_titles(ctx_->extensions, "/guide/", {}, req.lang);
    json workshops = json::array();
    for (const auto& [slug, t] : titles) workshops.push_back({{"value", slug}, {"label", t.text}, {"selected", typed.workshop == slug}});
    json themes = json::array();
    for (int n = 1; n <= 7; ++n) themes.push_back({{"value", n}, {"label", std::to_string(n) + ". " + ref->theme_title(n, req.lang)}, {"selected", typed.theme == n}});
    std::string region = typed.region.empty() && !mine.empty() ? mine.front().region : typed.region;
    json regions = json::array();
    for (const auto& [slug, name] : ref->region_names(req.lang)) regions.push_back({{"value", slug}, {"label", name}, {"selected", region == slug}});
    json logged = json::array();
    const auto sessions = store().cascade_of(who.user_id);
    for (const auto& s : sessions) {
        const auto t = titles.find(s.workshop);
        logged.push_back({{"date", s.held_on},
                          {"workshop", t == titles.end() ? s.workshop : t->second.text},
                          {"people", s.people},
                          {"union_name", s.union_name},
                          {"region", ref->region_name(s.region, req.lang)},
                          {"session_lang", s.lang}});
    }
    json d{{"action", href(req, "/network/cascade")},
           {"indicators_href", href(req, "/network/cascade/indicators")},
           {"training_href", href(req, "/training")},
           {"may_log", !mine.empty()},
           {"cycles", cycles},
           {"workshops", workshops},
           {"themes", themes},
           {"regions", regions},
           {"held_on", typed.held_on},
           {"session_language", typed.lang.empty() ? req.lang : typed.lang},
           {"people_count", typed.people > 0 ? std::to_string(typed.people) : ""},
           {"union_field", typed.union_name},
           {"logged", logged},
           {"has_logged", !logged.empty()},
           {"saved", req.query("saved") == "1"}};
    return form_page(req, "network/cascade", std::move(d), tr(req, "Sessions you ran for colleagues"), errors, status);
}

// POST /network/cascade
http::Response NetworkModule::log_cascade(http::Request& req) {
    const auth::Principal& who = auth::require_principal(req);
    const auto& f = req.form();
    CascadeSession s;
    s.user_id = who.user_id;
    const std::string cycle = f.get("cycle"), theme = f.get("theme"), people = f.get("people");
    std::from_chars(cycle.data(), cycle.data() + cycle.size(), s.cycle_id);
    std::from_chars(theme.data(), theme.data() + theme.size(), s.theme);
    std::from_chars(people.data(), people.data() + people.size(), s.people);
    s.held_on = f.get("held_on");
    s.workshop = f.get("workshop");
    s.lang = f.get("lang");
    s.union_name = f.get("union_name");
    s.region = f.get("region");
    auto errors = validate(s);
    const auto* r = records(ctx_->extensions);
    bool completed = false;
    if (r)
        for (const auto& c : r->completed(clock::unix_seconds())) completed = completed || (c.user_id == who.user_id && c.cycle_id == s.cycle_id);
    if (!completed) errors.emplace_back(i18n::noop("Choose a training cycle you completed."));
    if (!s.region.empty() && !ctx_->reference.get()->has_region(s.region)) errors.emplace_back(i18n::noop("Choose the region."));
    if (!s.workshop.empty() && kit::link_titles(ctx_->extensions, "/guide/", {s.workshop}, "en").empty()) errors.emplace_back(i18n::noop("Choose the workshop you ran."));
    // Today somewhere on Earth (UTC+14) at the latest.
    if (s.held_on > clock::utc_iso8601(clock::unix_seconds() + 14 * 3600).substr(0, 10)) errors.emplace_back(i18n::noop("Log a session once it has taken place."));
    if (!errors.empty()) return cascade_form(req, s, errors, 422);
    ctx_->db.with_tx([&](storage::Transaction& tx) {
        const auto id = NetworkStore(tx).add_cascade(s, clock::unix_seconds());
        ctx_->audit.record(tx, {"network_cascade_logged", who.user_id, who.user_id, std::to_string(id)});
    });
    ctx_->pages_changed();
    return http::Response::redirect(href(req, "/network/cascade") + "?saved=1");
}

std::vector<MultiplierRow> NetworkModule::multipliers() {
    std::map<std::string, std::set<std::int64_t>> people;
    if (const auto* r = records(ctx_->extensions))
        for (const auto& c : r->completed(clock::unix_seconds())) people[c.region].insert(c.user_id);
    std::map<std::string, int> trained;
    for (const auto& [region, ids] : people) trained[region] = static_cast<int>(ids.size());
    std::vector<std::string> regions;
    for (const auto& region : ctx_->reference.get()->regions) regions.push_back(region.slug);
    return multiplier_rows(store().cascade_totals(), trained, regions);
}

// GET /network/cascade/indicators (and .csv)
http::Response NetworkModule::cascade_indicators(http::Request& req) {
    const auto rows = multipliers();
    if (req.path.ends_with(".csv")) {
        std::string out = "region,theme,sessions,people_reached,people_trained,multiplier\r\n";
        for (const auto& r : rows)
            out += text::csv_field(r.region) + "," + (r.theme ? std::to_string(r.theme) : std::string("all")) + "," + std::to_string(r.sessions) + "," +
                   std::to_string(r.people) + "," + std::to_string(r.trained) + "," + one_decimal(r.multiplier) + "\r\n";
        http::Response res = http::Response::text(out);
        res.set_header("Content-Type", "text/csv; charset=utf-8");
        res.set_header("Content-Disposition", "attachment; filename=\"cascade-indicators.csv\"");
        return res;
    }
    const auto ref = ctx_->reference.get();
    json list = json::array();
    for (const auto& r : rows)
        list.push_back({{"region", ref->region_name(r.region, req.lang)},
                        {"theme", r.theme ? std::to_string(r.theme) + ". " + ref->theme_title(r.theme, req.lang) : tr(req, "All themes")},
                        {"total", r.theme == 0},
                        {"sessions", ctx_->formatter.format_number(req.lang, r.sessions)},
                        {"people", ctx_->formatter.format_number(req.lang, r.people)},
                        {"trained", ctx_->formatter.format_number(req.lang, r.trained)},
                        {"multiplier", ctx_->formatter.format_number(req.lang, r.multiplier, 1)}});
    json d{{"rows", list},
           {"has_rows", !list.empty()},
           {"chart", multiplier_svg(req, rows)},
           {"csv_href", href(req, "/network/cascade/indicators.csv")},
           {"log_href", href(req, "/network/cascade")}};
    return ctx_->layout.page(req, "network/cascade_indicators", std::move(d), tr(req, "The cascade: people reached per person trained"));
}

// Bars of the multiplier per region (theme totals), mirrored for right-to-left languages.
std::string NetworkModule::multiplier_svg(http::Request& req, const std::vector<MultiplierRow>& rows) {
    std::vector<const MultiplierRow*> totals;
    for (const auto& r : rows)
        if (r.theme == 0) totals.push_back(&r);
    if (totals.empty()) return "";
    constexpr int kWidth = 640, kLabel = 220, kRow = 30, kTop = 10;
    double most = 1;
    for (const auto* r : totals) most = std::max(most, r->multiplier);
    const bool rtl = i18n::is_rtl(req.lang);
    const int plot = kWidth - kLabel - 60;
    const int height = kTop + static_cast<int>(totals.size()) * kRow + 10;
    auto x = [&](double from, double w) { return rtl ? kWidth - kLabel - from - w : kLabel + from; };
    const auto ref = ctx_->reference.get();
    const std::string anchor = rtl ? " text-anchor=\"end\"" : "";
    std::string s = "<svg class=\"chart\" viewBox=\"0 0 " + std::to_string(kWidth) + " " + std::to_string(height) +
                    "\" role=\"img\" aria-labelledby=\"cascade-title\"><title id=\"cascade-title\">" +
                    html_escape(tr(req, "People reached per person trained, by region")) + "</title>";
    for (std::size_t i = 0; i < totals.size(); ++i) {
        const auto& r = *totals[i];
        const int y = kTop + static_cast<int>(i) * kRow;
        s += "<text x=\"" + one_decimal(rtl ? kWidth - 4.0 : 4.0) + "\" y=\"" + std::to_string(y + 16) + "\" font-size=\"11\"" + anchor + ">" +
             html_escape(ref->region_name(r.region, req.lang)) + "</text>";
        const double w = r.multiplier / most * plot;
        s += "<rect x=\"" + one_decimal(x(0, w)) + "\" y=\"" + std::to_string(y + 3) + "\" width=\"" + one_decimal(w) + "\" height=\"18\" fill=\"#0b5e55\"/>";
        s += "<text x=\"" + one_decimal(rtl ? x(0, w) - 4 : x(w, 0) + 4) + "\" y=\"" + std::to_string(y + 16) + "\" font-size=\"11\"" + anchor +
             " direction=\"ltr\">" + one_decimal(r.multiplier) + "</text>";
    }
    return s + "</svg>";
}

}  // namespace avenir::network
