// The practice exchange: the list with filters, a case with its similar cases, submitting and
// editing a case, and the Atom feed of the public ones.
#include <algorithm>
#include <charconv>

#include "core/auth/principal.hpp"
#include "core/clock.hpp"
#include "core/errors.hpp"
#include "core/feed/atom.hpp"
#include "core/http/pipeline.hpp"
#include "core/i18n/i18n.hpp"
#include "core/log.hpp"
#include "core/text/list.hpp"
#include "core/view/layout.hpp"
#include "modules/network/network_module.hpp"
#include "modules/network/network_rules.hpp"

namespace avenir::network {
using nlohmann::json;

namespace {

constexpr int kPageSize = 20;

std::vector<std::string> comma_list(const std::string& text) {
    std::vector<std::string> out;
    std::string cur;
    for (char ch : text + ",") {
        if (ch == ',' || ch == '\n') {
            if (!cur.empty()) out.push_back(cur);
            cur.clear();
        } else {
            cur += ch;
        }
    }
    return out;
}

std::string joined(const std::vector<std::string>& v) {
    std::string out;
    for (const auto& s : v) out += (out.empty() ? "" : ", ") + s;
    return out;
}

}  // namespace

std::string NetworkModule::tr(http::Request& req, std::string_view msgid) const { return ctx_->catalog.translate(req.lang, msgid); }
std::string NetworkModule::href(http::Request& req, const std::string& path) const { return view::Layout::href(req, path); }

http::Response NetworkModule::form_page(http::Request& req, const std::string& view, json d, const std::string& title,
                                        const std::vector<std::string>& errors, int status) {
    json err = json::array();
    for (const auto& e : errors) err.push_back(tr(req, e));
    d["errors"] = std::move(err);
    d["has_errors"] = !errors.empty();
    d["csrf"] = ctx_->access.csrf(req);
    return ctx_->layout.page(req, view, std::move(d), title, status);
}

feed::Feed NetworkModule::feed_head(http::Request& req, const std::string& list, const std::string& title) const {
    const std::string prefix = req.lang == "en" ? "" : "/" + req.lang;
    feed::Feed out;
    out.id = ctx_->base_url + prefix + list + "/feed.atom";
    out.title = title;
    out.lang = req.lang;
    out.links.push_back({out.id, "self", "application/atom+xml", "", "", 0});
    out.links.push_back({ctx_->base_url + href(req, list), "alternate", "text/html", "", "", 0});
    out.authors.push_back({"Avenir", ctx_->base_url + "/"});
    return out;
}

json NetworkModule::case_summary(http::Request& req, const Viewer& v, const Case& c) {
    const CaseText& t = c.text_for(req.lang);
    json d{{"href", href(req, "/network/practices/" + std::to_string(c.id))},
           {"title", t.title},
           {"practice", c.practice},
           {"practice_label", tr(req, practice_label(c.practice))},
           {"country", c.country},
           {"region", ctx_->reference.get()->region_name(c.region, req.lang)},
           {"sector", tr(req, sector_label(c.sector))},
           {"year", c.year},
           {"technologies", joined(c.technologies)},
           {"illustrative", c.illustrative}};
    d["content_lang"] = t.lang;  // always set: a list item must not take the page's from the outer context
    if (sees_employer(v, c) && !c.employer.empty()) d["employer"] = c.employer;
    if (c.visibility != "public") d["restricted"] = tr(req, visibility_label(c.visibility));
    return d;
}

Case NetworkModule::visible_case(http::Request& req) {
    auto c = store().get(req.path_int("id"));
    if (!c || !may_see(viewer_of(auth::current_principal(req)), *c)) throw NotFound("There is no such case, or it is not shared with you.");
    return std::move(*c);
}

// GET /network/practices: published cases the reader may see, filtered; their own and the queue's
// size for those signed in.
http::Response NetworkModule::practices(http::Request& req) {
    const auth::Principal* who = auth::current_principal(req);
    const Viewer v = viewer_of(who);
    CaseFilter f{req.query("practice"), req.query("region"), req.query("sector"), req.query("technology")};
    const auto ref = ctx_->reference.get();
    if (!one_of(kPractices, f.practice)) f.practice.clear();
    if (!ref->has_region(f.region)) f.region.clear();
    if (!one_of(kSectors, f.sector)) f.sector.clear();
    if (f.technology.size() > 40) f.technology.clear();
    int page_no = 1;
    const std::string p = req.query("page");
    if (std::from_chars(p.data(), p.data() + p.size(), page_no).ec != std::errc()) page_no = 1;
    page_no = std::clamp(page_no, 1, 500);
    const CasePage page = store().published(v, f, (page_no - 1) * kPageSize, kPageSize);
    json items = json::array();
    for (const auto& c : page.cases) items.push_back(case_summary(req, v, c));
    auto options = [&](auto const& keys, const std::string& chosen, auto label) {
        json out = json::array();
        for (const auto& k : keys) out.push_back({{"value", std::string(k)}, {"label", label(std::string(k))}, {"selected", chosen == k}});
        return out;
    };
    json regions = json::array();
    for (const auto& [slug, name] : ref->region_names(req.lang)) regions.push_back({{"value", slug}, {"label", name}, {"selected", f.region == slug}});
    json hubs = json::array();
    for (const auto& [slug, name] : ref->region_names(req.lang)) hubs.push_back({{"href", href(req, "/network/hubs/" + slug)}, {"name", name}});
    json d{{"cases", items},
           {"hubs", hubs},
           {"has_cases", !items.empty()},
           {"total", page.total},
           {"practices", options(kPractices, f.practice, [&](const std::string& k) { return tr(req, practice_label(k)); })},
           {"sectors", options(kSectors, f.sector, [&](const std::string& k) { return tr(req, sector_label(k)); })},
           {"regions", regions},
           {"technology", f.technology},
           {"action", href(req, "/network/practices")},
           {"feed_href", href(req, "/network/practices/feed.atom")},
           {"coalitions_href", href(req, "/network/coalitions")},
           {"questions_href", href(req, "/network/questions")},
           {"cascade_href", href(req, "/network/cascade/indicators")},
           {"apply_href", href(req, "/network/apply")},
           {"signed_in", who != nullptr}};
    if (page_no > 1) d["prev_href"] = href(req, "/network/practices") + "?page=" + std::to_string(page_no - 1);
    if (page.total > static_cast<std::int64_t>(page_no) * kPageSize) d["next_href"] = href(req, "/network/practices") + "?page=" + std::to_string(page_no + 1);
    if (who) {
        http::mark_private(req);
        d["new_href"] = href(req, "/network/practices/new");
        json mine = json::array();
        for (const auto& c : store().by_author(who->user_id))
            if (c.state != "published") {
                json s = case_summary(req, v, c);
                s["state"] = c.state;
                mine.push_back(std::move(s));
            }
        d["mine"] = mine;
        d["has_mine"] = !mine.empty();
        if (ctx_->access.allowed(req, "network_moderate")) d["moderation_href"] = href(req, "/network/moderation");
    }
    return ctx_->layout.page(req, "network/practices", std::move(d), tr(req, "Practice exchange"));
}

// GET /network/practices/{id}: the case, its similar cases across regions, and for its
// moderators the decision form.
http::Response NetworkModule::practice(http::Request& req) {
    const Case c = visible_case(req);
    const Viewer v = viewer_of(auth::current_principal(req));
    if (v.signed_in()) http::mark_private(req);
    const CaseText& t = c.text_for(req.lang);
    json d = case_summary(req, v, c);
    d["happened"] = t.happened;
    d["union_action"] = t.union_action;
    if (!t.outcome.empty()) d["outcome"] = t.outcome;
    if (!t.lessons.empty()) d["lessons"] = t.lessons;
    d["employer_type"] = tr(req, employer_type_label(c.employer_type));
    if (!c.supplier.empty()) d["supplier"] = c.supplier;
    if (!c.product.empty()) d["product"] = c.product;
    if (c.hide_employer && sees_employer(v, c)) d["employer_hidden_note"] = true;
    d["text_lang"] = t.lang;
    d["list_href"] = href(req, "/network/practices");
    d["hub_href"] = href(req, "/network/hubs/" + c.region);
    json workshops = json::array();
    for (const auto& w : c.workshops) workshops.push_back({{"href", href(req, "/guide/" + w)}, {"slug", w}});
    d["workshops"] = workshops;
    d["has_workshops"] = !workshops.empty();
    const json links = link_list(req, v, c.links);
    d["links"] = links;
    d["has_links"] = !links.empty();
    json similar = json::array();
    for (const auto& s : store().similar(c, v, 5)) similar.push_back(case_summary(req, v, s));
    d["similar"] = similar;
    d["has_similar"] = !similar.empty();
    // The register's entries about the same product that this reader may read.
    if (const auto* findings = ctx_->extensions.optional<kit::RegisterFindings>(); findings && !c.product.empty()) {
        if (const auto f = findings->about(req, c.product); f.entries > 0) {
            json r{{"entries", f.entries}, {"unions", f.unions}, {"href", href(req, f.path)}};
            if (!f.pooled_path.empty()) r["pooled_href"] = href(req, f.pooled_path);
            d["register"] = r;
        }
    }
    if (c.state != "published") {
        d["state"] = c.state;
        if (!c.moderation_message.empty()) d["moderation_message"] = c.moderation_message;
    }
    if (may_edit(v, c)) d["edit_href"] = href(req, "/network/practices/" + std::to_string(c.id) + "/edit");
    if (may_moderate(v, c.region) && ctx_->access.allowed(req, "network_moderate")) {
        d["moderate_action"] = href(req, "/network/practices/" + std::to_string(c.id) + "/moderate");
        d["csrf"] = ctx_->access.csrf(req);
    }
    return ctx_->layout.page(req, "network/practice", std::move(d), t.title);
}

http::Response NetworkModule::practices_feed(http::Request& req) {
    const Viewer anonymous;  // public cases only, whoever asks
    const CasePage page = store().published(anonymous, {}, 0, 50);
    const std::string prefix = req.lang == "en" ? "" : "/" + req.lang;
    feed::Feed out = feed_head(req, "/network/practices", tr(req, "Avenir: practice exchange"));
    std::int64_t newest = 0;
    for (const auto& c : page.cases) {
        const CaseText& t = c.text_for(req.lang);
        feed::Entry e;
        e.id = ctx_->base_url + "/network/practices/" + std::to_string(c.id);
        e.title = t.title;
        e.updated = feed::rfc3339(c.updated_at);
        e.published = feed::rfc3339(c.decided_at.value_or(c.submitted_at));
        e.summary = t.happened.substr(0, 400);
        e.lang = t.lang;
        e.links.push_back({ctx_->base_url + prefix + "/network/practices/" + std::to_string(c.id), "alternate", "text/html", t.lang, "", 0});
        e.categories.push_back({c.practice, tr(req, practice_label(c.practice))});
        e.categories.push_back({c.region, ""});
        for (const auto& tech : c.technologies) e.categories.push_back({tech, ""});
        newest = std::max(newest, c.updated_at);
        out.entries.push_back(std::move(e));
    }
    out.updated = feed::rfc3339(newest);
    return feed::atom_response(out);
}

Case NetworkModule::from_form(http::Request& req, Case c) {
    const auto& f = req.form();
    c.practice = f.get("practice");
    c.country = f.get("country");
    c.region = f.get("region");
    c.sector = f.get("sector");
    c.employer_type = f.get("employer_type");
    c.employer = f.get("employer");
    c.hide_employer = f.get("hide_employer") == "1";
    std::string links = f.get("links");
    std::replace(links.begin(), links.end(), '\n', ',');
    std::replace(links.begin(), links.end(), ' ', ',');
    c.links = text::split_list(links);
    c.supplier = f.get("supplier");
    c.product = f.get("product");
    c.technologies = comma_list(f.get("technologies"));
    c.workshops = comma_list(f.get("workshops"));
    for (auto& w : c.workshops) w = fold_tag(w);
    c.themes.clear();
    for (const auto& t : f.all("themes")) {
        int n = 0;
        if (std::from_chars(t.data(), t.data() + t.size(), n).ec == std::errc()) c.themes.push_back(n);
    }
    const std::string y = f.get("year");
    if (std::from_chars(y.data(), y.data() + y.size(), c.year).ec != std::errc()) c.year = 0;
    c.visibility = f.get("visibility");
    c.lang = f.get("lang");
    CaseText t{c.lang, f.get("title"), f.get("happened"), f.get("union_action"), f.get("outcome"), f.get("lessons")};
    std::erase_if(c.texts, [&](const CaseText& x) { return x.lang == t.lang; });
    c.texts.insert(c.texts.begin(), std::move(t));
    return c;
}

http::Response NetworkModule::practice_form(http::Request& req, const Case& c, const std::vector<std::string>& errors, int status) {
    const auto ref = ctx_->reference.get();
    const CaseText blank{c.lang};
    const CaseText& t = c.texts.empty() ? blank : c.text_for(c.lang);
    auto options = [&](auto const& keys, const std::string& chosen, auto label) {
        json out = json::array();
        for (const auto& k : keys) out.push_back({{"value", std::string(k)}, {"label", label(std::string(k))}, {"selected", chosen == k}});
        return out;
    };
    json regions = json::array();
    for (const auto& [slug, name] : ref->region_names(req.lang)) regions.push_back({{"value", slug}, {"label", name}, {"selected", c.region == slug}});
    json themes = json::array();
    for (int n = 1; n <= 7; ++n)
        themes.push_back({{"value", n}, {"label", std::to_string(n) + ". " + ref->theme_title(n, req.lang)},
                          {"checked", std::find(c.themes.begin(), c.themes.end(), n) != c.themes.end()}});
    json langs = json::array();
    for (auto l : kCaseLanguages) langs.push_back({{"value", std::string(l)}, {"label", i18n::find_language(std::string(l))->native_name}, {"selected", c.lang == l}});
    json products = json::array();
    for (const auto& p : store().suggestions("product", 30)) products.push_back(p);
    json suppliers = json::array();
    for (const auto& p : store().suggestions("supplier", 30)) suppliers.push_back(p);
    json d{{"action", href(req, c.id ? "/network/practices/" + std::to_string(c.id) + "/edit" : "/network/practices/new")},
           {"cancel_href", href(req, "/network/practices")},
           {"practices", options(kPractices, c.practice, [&](const std::string& k) { return tr(req, practice_label(k)); })},
           {"sectors", options(kSectors, c.sector, [&](const std::string& k) { return tr(req, sector_label(k)); })},
           {"employer_types", options(kEmployerTypes, c.employer_type, [&](const std::string& k) { return tr(req, employer_type_label(k)); })},
           {"visibilities", options(kVisibilities, c.visibility, [&](const std::string& k) { return tr(req, visibility_label(k)); })},
           {"regions", regions},
           {"themes", themes},
           {"langs", langs},
           {"products", products},
           {"suppliers", suppliers},
           {"country", c.country},
           {"employer", c.employer},
           {"hide_employer", c.hide_employer},
           {"supplier", c.supplier},
           {"product", c.product},
           {"technologies", joined(c.technologies)},
           {"workshops", joined(c.workshops)},
           {"links", [&] {
                std::string text;
                for (const auto& l : c.links) text += l + "\n";
                return text;
            }()},
           {"year", c.year},
           {"title", t.title},
           {"happened", t.happened},
           {"union_action", t.union_action},
           {"outcome", t.outcome},
           {"lessons", t.lessons},
           {"editing", c.id != 0}};
    return form_page(req, "network/practice_edit", std::move(d), tr(req, c.id ? "Change the case" : "Share a case"), errors, status);
}

http::Response NetworkModule::new_practice(http::Request& req) {
    Case c;
    c.lang = req.lang;
    c.year = static_cast<int>(clock::unix_seconds() / 31556952 + 1970);
    return practice_form(req, c, {}, 200);
}

// POST /network/practices/new: stored as submitted, waiting for the region's moderators.
http::Response NetworkModule::create_practice(http::Request& req) {
    const auth::Principal& who = auth::require_principal(req);
    Case c = from_form(req, Case{});
    c.author_id = who.user_id;
    c.state = "submitted";
    auto errors = validate(c);
    if (!ctx_->reference.get()->has_region(c.region)) errors.emplace_back(i18n::noop("Choose the region."));
    if (!errors.empty()) return practice_form(req, c, errors, 422);
    const std::int64_t now = clock::unix_seconds();
    const std::int64_t id = ctx_->db.with_tx([&](storage::Transaction& tx) {
        const auto created = NetworkStore(tx).create(c, now);
        ctx_->audit.record(tx, {"network_case_submitted", who.user_id, std::nullopt, std::to_string(created)});
        return created;
    });
    log::info("network_case_submitted", log::kv("case", static_cast<long long>(id)));
    return http::Response::redirect(href(req, "/network/practices/" + std::to_string(id)));
}

http::Response NetworkModule::edit_practice(http::Request& req) {
    const Case c = visible_case(req);
    if (!may_edit(viewer_of(auth::current_principal(req)), c)) throw Forbidden("Only its author, while it waits for moderation, and its moderators may change a case.");
    return practice_form(req, c, {}, 200);
}

// POST /network/practices/{id}/edit: the author's changes send a case back to the queue; a
// moderator's keep its state (a published case is indexed again).
http::Response NetworkModule::save_practice(http::Request& req) {
    const Case base = visible_case(req);
    const Viewer v = viewer_of(auth::current_principal(req));
    if (!may_edit(v, base)) throw Forbidden("Only its author, while it waits for moderation, and its moderators may change a case.");
    Case c = from_form(req, base);
    auto errors = validate(c);
    if (!ctx_->reference.get()->has_region(c.region)) errors.emplace_back(i18n::noop("Choose the region."));
    if (!errors.empty()) return practice_form(req, c, errors, 422);
    const std::int64_t now = clock::unix_seconds();
    const bool moderator = may_moderate(v, base.region);
    ctx_->db.with_tx([&](storage::Transaction& tx) {
        NetworkStore st(tx);
        st.update(c, now);
        if (!moderator && c.state == "changes") st.resubmit(c.id, now);
        ctx_->audit.record(tx, {"network_case_changed", v.user_id, std::nullopt, std::to_string(c.id)});
        index_case(tx, *NetworkStore(tx).get(c.id));
    });
    ctx_->pages_changed();
    return http::Response::redirect(href(req, "/network/practices/" + std::to_string(c.id)));
}

}  // namespace avenir::network
