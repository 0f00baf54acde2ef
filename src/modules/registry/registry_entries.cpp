// The register's entries (/register): the list each reader may read, the form representatives
// fill (one field table: registry_types.cpp), the entry page with both sides' evidence on every
// field, and evidence added by the union's members and representatives.
#include <algorithm>
#include <regex>

#include "core/auth/principal.hpp"
#include "core/clock.hpp"
#include "core/errors.hpp"
#include "core/http/pipeline.hpp"
#include "core/i18n/i18n.hpp"
#include "core/text/trim.hpp"
#include "core/view/content_lang.hpp"
#include "core/view/layout.hpp"
#include "modules/registry/registry_labels.hpp"
#include "modules/registry/registry_module.hpp"

namespace avenir::registry {
using nlohmann::json;

void index_entry(storage::Executor& tx, const Entry& e);

namespace {

constexpr int kPerPage = 20;

constexpr std::string_view kRequestRefused = i18n::noop(
    "The request was not saved: give it a title (at most 200 characters), choose its kind and status, and write dates as YYYY-MM-DD.");

// Fields an anonymised reader does not see: where exactly, and who.
bool identifying(std::string_view key) { return key == "workplace" || key == "department" || key == "responsible_manager" || key == "contract_ref"; }

bool valid_date(const std::string& s) {
    static const std::regex kDate("^(\\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$");
    return std::regex_match(s, kDate);
}

std::int64_t form_int(const std::string& s) {
    if (s.empty() || s.size() > 18 || !std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; })) return 0;
    return std::stoll(s);
}

}  // namespace

Entry RegistryModule::readable_entry(http::Request& req) {
    auto e = store().get(req.path_int("id"));
    if (!e || !may_read(viewer_of(auth::current_principal(req)), *e)) throw NotFound("There is no such entry in the register.");
    return std::move(*e);
}

Entry RegistryModule::editable_entry(http::Request& req) {
    Entry e = readable_entry(req);
    if (!may_edit(viewer_of(auth::current_principal(req)), e)) throw Forbidden();
    return e;
}

// GET /register: the entries the reader may read, most recently changed first.
http::Response RegistryModule::index(http::Request& req) {
    http::mark_private(req);
    const Viewer v = viewer_of(auth::current_principal(req));
    const int page = std::max<std::int64_t>(1, std::min<std::int64_t>(form_int(req.query("page")), 100000));
    std::vector<storage::Value> params;
    std::string where = readable_sql(v, params);
    const std::string product = req.query("product").substr(0, 200);
    if (!product.empty()) where += RegistryStore::about_product(product, params);
    const auto total = store().count(where, params);
    json items = json::array();
    for (const auto& e : store().list(where, params, kPerPage, (page - 1) * kPerPage)) {
        const std::string verdict = e.latest_level || !flags(legal_facts(e)).empty()
                                        ? registry::verdict(Score{.level = std::max(1, e.latest_level)}, flags(legal_facts(e)))
                                        : "";
        items.push_back({{"href", href(req, "/register/" + std::to_string(e.id))},
                         {"name", e.name()},
                         {"employer", e.value("employer")},
                         {"stage", tr(req, choice_label("lifecycle", e.value("lifecycle")))},
                         {"verdict", verdict},
                         {"verdict_label", tr(req, verdict_label(verdict))},
                         {"example", e.example},
                         {"content", view::content_language(e.value("lang"), req.lang)}});
    }
    json d{{"items", items},
           {"has_items", !items.empty()},
           {"total", total},
           {"may_record", !v.rep_unions.empty()},
           {"new_href", href(req, "/register/new")},
           {"import_href", href(req, "/register/import")},
           {"all_href", href(req, "/register")},
           {"csv_href", href(req, "/register.csv")}};
    const std::string also = product.empty() ? "" : "&product=" + http::url_encode(product);
    if (!product.empty()) d["product"] = product;
    if (page > 1) d["prev_href"] = href(req, "/register?page=" + std::to_string(page - 1) + also);
    if (total > static_cast<std::int64_t>(page) * kPerPage) d["next_href"] = href(req, "/register?page=" + std::to_string(page + 1) + also);
    return ctx_->layout.page(req, "registry/index", std::move(d), tr(req, "Register of workplace algorithmic systems"));
}

Entry RegistryModule::from_form(http::Request& req, Entry base, std::vector<std::string>& errors) {
    const auto& f = req.form();
    for (const auto& fd : fields()) {
        const std::string key(fd.key);
        std::string value = std::string(text::trim(f.get(key)));
        const std::string label = tr(req, fd.label);
        using K = Field::Kind;
        if (fd.required && value.empty()) errors.push_back(label + ": " + tr(req, "this is needed."));
        else if ((fd.kind == K::Line && value.size() > 200) || (fd.kind == K::Text && value.size() > 4000))
            errors.push_back(label + ": " + tr(req, "this is too long (200 characters for a line, 4,000 for a text)."));
        else if (fd.kind == K::Date && !value.empty() && !valid_date(value)) errors.push_back(label + ": " + tr(req, "write the date as YYYY-MM-DD."));
        else if (fd.kind == K::Number && !value.empty() && (value.size() > 9 || !std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; })))
            errors.push_back(label + ": " + tr(req, "write a whole number."));
        else if (fd.kind == K::Choice && std::find(fd.choices.begin(), fd.choices.end(), value) == fd.choices.end())
            errors.push_back(label + ": " + tr(req, "choose one of the options."));
        base.values[key] = value;
    }
    const std::string tier = f.get("tier");
    if (tier_rank(tier) < 0) errors.push_back(tr(req, "Choose who may read the entry."));
    else base.tier = tier;
    return base;
}

http::Response RegistryModule::entry_form(http::Request& req, const Entry& e, int seen_version, const std::vector<std::string>& errors, int status) {
    http::mark_private(req);
    const Viewer v = viewer_of(&auth::require_principal(req));
    json section_list = json::array();
    for (const auto& s : sections()) {
        json list = json::array();
        for (const auto& fd : fields()) {
            if (fd.section != s) continue;
            const std::string value = e.value(fd.key);
            json options = json::array();
            for (const auto& c : fd.choices)
                options.push_back({{"value", c}, {"label", tr(req, choice_label(fd.key, c))}, {"selected", value == c}});
            using K = Field::Kind;
            list.push_back({{"key", fd.key},
                            {"label", tr(req, fd.label)},
                            {"hint", fd.hint.empty() ? "" : tr(req, fd.hint)},
                            {"value", value},
                            {"required", fd.required},
                            {"line", fd.kind == K::Line},
                            {"text", fd.kind == K::Text},
                            {"date", fd.kind == K::Date},
                            {"number", fd.kind == K::Number},
                            {"choice", fd.kind == K::Choice},
                            {"options", options}});
        }
        section_list.push_back({{"title", tr(req, section_label(s))}, {"fields", list}});
    }
    json tiers = json::array();
    for (const auto t : kTiers) tiers.push_back({{"value", t}, {"label", tr(req, tier_label(t))}, {"checked", e.tier == t}});
    json unions = json::array();
    if (e.id == 0)
        for (const auto& u : ctx_->extensions.one<kit::Directory>().unions(v.rep_unions))
            unions.push_back({{"value", u.id}, {"label", u.name}, {"selected", u.id == e.union_id}});
    const std::string title = e.id ? e.name() : tr(req, "Record a system");
    json d{{"title", title},
           {"sections", section_list},
           {"tiers", tiers},
           {"unions", unions},
           {"new", e.id == 0},
           {"version", seen_version},
           {"errors", errors},
           {"has_errors", !errors.empty()},
           {"csrf", ctx_->access.csrf(req)},
           {"action", href(req, e.id ? "/register/" + std::to_string(e.id) + "/edit" : "/register")},
           {"back_href", href(req, e.id ? "/register/" + std::to_string(e.id) : "/register")}};
    return ctx_->layout.page(req, "registry/entry_form", std::move(d), title, status);
}

// GET /register/new
http::Response RegistryModule::new_entry(http::Request& req) {
    Entry e;
    e.values["lang"] = req.lang;
    e.values["lifecycle"] = "in-use";
    e.values["art26_notice"] = "unknown";
    e.values["dpia"] = "unknown";
    e.values["fria"] = "unknown";
    return entry_form(req, e, 0, {}, 200);
}

// POST /register: the fields, tier and union.
http::Response RegistryModule::create_entry(http::Request& req) {
    const auth::Principal& who = auth::require_principal(req);
    const Viewer v = viewer_of(&who);
    std::vector<std::string> errors;
    Entry e = from_form(req, Entry{}, errors);
    e.union_id = form_int(req.form().get("union"));
    if (!may_record_for(v, e.union_id)) errors.push_back(tr(req, "Choose a union you represent."));
    if (!errors.empty()) return entry_form(req, e, 0, errors, 422);
    const auto regions = ctx_->extensions.one<kit::Directory>().union_regions({e.union_id});
    e.region = regions.contains(e.union_id) ? regions.at(e.union_id) : "";
    ctx_->db.with_tx([&](storage::Transaction& tx) {
        e.id = RegistryStore(tx).create(e, who.user_id, clock::unix_seconds());
        index_entry(tx, e);
        ctx_->audit.record(tx, {"registry_entry_created", who.user_id, std::nullopt, std::to_string(e.id)});
    });
    ctx_->pages_changed();  // the practice exchange's cases count the register's entries
    return http::Response::redirect(href(req, "/register/" + std::to_string(e.id)));
}

// GET /register/{id}/edit
http::Response RegistryModule::edit_entry(http::Request& req) {
    const Entry e = editable_entry(req);
    return entry_form(req, e, e.version, {}, 200);
}

// POST /register/{id}/edit: the fields, tier and the version the form was made from.
http::Response RegistryModule::save_entry(http::Request& req) {
    const auth::Principal& who = auth::require_principal(req);
    const Entry stored = editable_entry(req);
    std::vector<std::string> errors;
    Entry e = from_form(req, stored, errors);
    const int seen = static_cast<int>(form_int(req.form().get("version")));
    if (!errors.empty()) return entry_form(req, e, seen, errors, 422);
    try {
        ctx_->db.with_tx([&](storage::Transaction& tx) {
            RegistryStore(tx).save(e, seen, who.user_id, clock::unix_seconds());
            index_entry(tx, e);
            ctx_->audit.record(tx, {"registry_entry_saved", who.user_id, std::nullopt, std::to_string(e.id)});
        });
        ctx_->pages_changed();  // the practice exchange's cases count the register's entries
    } catch (const Conflict&) {
        return entry_form(req, e, seen, {tr(req, "Someone else saved this entry in the meantime: your changes are below, not saved. Open the entry again, then make them once more.")},
                          409);
    }
    return http::Response::redirect(href(req, "/register/" + std::to_string(e.id)));
}

// GET /register/{id}: the fields by section, each with both sides' evidence.
http::Response RegistryModule::entry(http::Request& req) { return entry_page(req, readable_entry(req), {}, 200); }

http::Response RegistryModule::entry_page(http::Request& req, const Entry& e, Refused refused, int status) {
    const Evidence* draft = refused.evidence;
    http::mark_private(req);
    const Viewer v = viewer_of(auth::current_principal(req));
    const bool whole = sees_whole(v, e), editor = may_edit(v, e), suppliers = sees_suppliers(v, e);
    const auto evidence = store().evidence(e.id);
    std::map<std::int64_t, std::string> names;
    if (suppliers) {
        std::vector<std::int64_t> ids;
        for (const auto& ev : evidence)
            if (ev.supplied_by) ids.push_back(*ev.supplied_by);
        for (const auto& p : ctx_->extensions.one<kit::Directory>().people(ids)) names[p.id] = p.name;
    }
    const std::string csrf = ctx_->access.csrf(req);
    const std::string base = "/register/" + std::to_string(e.id);
    auto evidence_json = [&](const Evidence& ev) {
        json x{{"text", ev.text}, {"date", ev.date}, {"confidence", tr(req, confidence_label(ev.confidence))}};
        if (whole) x["source"] = ev.source;
        if (suppliers && ev.supplied_by && names.contains(*ev.supplied_by)) x["supplier"] = names.at(*ev.supplied_by);
        if (editor) x["delete_action"] = href(req, base + "/evidence/" + std::to_string(ev.id) + "/delete");
        return x;
    };
    json section_list = json::array(), field_options = json::array();
    int unknown = 0;
    for (const auto& s : sections()) {
        json list = json::array();
        for (const auto& fd : fields()) {
            if (fd.section != s || (!whole && identifying(fd.key))) continue;
            field_options.push_back({{"value", fd.key}, {"label", tr(req, fd.label)}});
            json employer = json::array(), workers = json::array();
            for (const auto& ev : evidence)
                if (ev.field == fd.key) (ev.side == "employer" ? employer : workers).push_back(evidence_json(ev));
            std::string value = e.value(fd.key);
            if (fd.kind == Field::Kind::Choice && !value.empty() && value != "unknown") value = tr(req, choice_label(fd.key, value));
            else if (value == "unknown") value.clear();
            if (value.empty() && employer.empty() && workers.empty()) {
                ++unknown;
                continue;
            }
            list.push_back({{"label", tr(req, fd.label)}, {"value", value}, {"employer", employer}, {"workers", workers},
                            {"has_evidence", !employer.empty() || !workers.empty()}});
        }
        if (!list.empty()) section_list.push_back({{"title", tr(req, section_label(s))}, {"fields", list}});
    }
    const auto raised = flags(legal_facts(e));
    json flag_list = json::array();
    for (const auto f : raised) flag_list.push_back({{"slug", flag_slug(f)}, {"label", tr(req, verdict_label(flag_slug(f)))}});
    const auto stored_assessments = store().assessments(e.id);
    json assessments = json::array();
    for (const auto& a : stored_assessments)
        assessments.push_back({{"href", href(req, base + "/assessments/" + std::to_string(a.id))},
                               {"id", a.id},
                               {"date", ctx_->formatter.format_date(req.lang, a.at, "UTC")},
                               {"verdict_label", tr(req, verdict_label(a.verdict))},
                               {"level", level_numeral(a.level)}});
    json changes = json::array();
    if (whole)
        for (const auto& c : store().changes(e.id)) {
            std::string what = c.what;
            if (what.rfind("lifecycle:", 0) == 0) {
                const auto gt = what.find('>');
                what = tr(req, "Stage") + ": " + tr(req, choice_label("lifecycle", what.substr(10, gt - 10))) + " → " +
                       tr(req, choice_label("lifecycle", what.substr(gt + 1)));
            } else if (what.rfind("created:", 0) == 0) what = tr(req, "Recorded");
            else if (what.rfind("tier:", 0) == 0) what = tr(req, "Who may read it") + ": " + tr(req, tier_label(what.substr(what.find('>') + 1)));
            else if (what.rfind("fields:", 0) == 0) what = tr(req, "Fields edited");
            changes.push_back({{"date", ctx_->formatter.format_date(req.lang, c.at, "UTC")}, {"what", what}});
        }
    json tracker = json::array();
    if (editor)
        for (const auto& stored : store().requests(e.id)) {
            const bool refused_here = refused.request && refused.request->id == stored.id;
            const Request& r = refused_here ? *refused.request : stored;
            json statuses = json::array();
            for (const char* st : {"draft", "sent", "answered", "closed"})
                statuses.push_back({{"value", st}, {"label", tr(req, request_status_label(st))}, {"selected", r.status == st}});
            tracker.push_back({{"id", r.id},
                               {"title", r.title},
                               {"kind", tr(req, r.kind == "demand" ? i18n::noop("Demand") : i18n::noop("Information request"))},
                               {"statuses", statuses},
                               {"sent_on", r.sent_on},
                               {"deadline", r.deadline},
                               {"review_on", r.review_on},
                               {"answer", r.answer},
                               {"overdue", r.status == "sent" && !r.deadline.empty() && r.deadline < clock::utc_iso8601(clock::unix_seconds()).substr(0, 10)},
                               {"action", href(req, base + "/requests/" + std::to_string(r.id))}});
            if (refused_here) tracker.back()["error"] = tr(req, kRequestRefused);
        }
    std::string union_name;
    if (whole)
        for (const auto& u : ctx_->extensions.one<kit::Directory>().unions({e.union_id})) union_name = u.name;
    json d{{"name", e.name()},
           {"content", view::content_language(e.value("lang"), req.lang)},
           {"example", e.example},
           {"union_name", union_name},
           {"tier", tr(req, tier_label(e.tier))},
           {"anonymised", !whole},
           {"sections", section_list},
           {"unknown", unknown},
           {"flags", flag_list},
           {"has_flags", !flag_list.empty()},
           {"assessments", assessments},
           {"has_assessments", !assessments.empty()},
           {"comparable", assessments.size() >= 2},
           {"compare_action", href(req, base + "/compare")},
           {"changes", changes},
           {"has_changes", !changes.empty()},
           {"editor", editor},
           {"edit_href", href(req, base + "/edit")},
           {"assess_href", href(req, base + "/assess")},
           {"may_add_evidence", may_add_evidence(v, e)},
           {"evidence_action", href(req, base + "/evidence")},
           {"field_options", field_options},
           {"csrf", csrf},
           {"request_href", href(req, base + "/request")},
           {"eurocities_href", href(req, base + "/eurocities.json")},
           {"atrs_href", href(req, base + "/atrs.json")},
           {"tracker", tracker},
           {"has_tracker", !tracker.empty()},
           {"tracker_action", href(req, base + "/requests")},
           {"actions", actions_json(req, e, stored_assessments)},
           {"list_href", href(req, "/register")}};
    if (refused.request && refused.request->id == 0) {
        const Request& r = *refused.request;
        d["request_draft"] = {{"title", r.title}, {"demand", r.kind == "demand"}, {"draft", r.status == "draft"}, {"sent_on", r.sent_on},
                              {"deadline", r.deadline}, {"review_on", r.review_on}, {"error", tr(req, kRequestRefused)}};
    }
    if (draft) {
        // A refused item comes back as it was typed, with what to fix.
        d["draft"] = {{"text", draft->text}, {"source", draft->source}, {"date", draft->date}, {"employer", draft->side == "employer"}};
        d["evidence_error"] = tr(req,
                                 "The evidence was not added: choose the field and the side, write what was said (at most 4,000 characters), give the date "
                                 "as YYYY-MM-DD and choose a confidence.");
        for (auto& o : d["field_options"]) o["selected"] = o["value"] == draft->field;
    }
    return ctx_->layout.page(req, "registry/entry", std::move(d), e.name(), status);
}

// POST /register/{id}/evidence: field, side, text, source, date, confidence.
http::Response RegistryModule::add_evidence(http::Request& req) {
    const auth::Principal& who = auth::require_principal(req);
    const Entry e = readable_entry(req);
    if (!may_add_evidence(viewer_of(&who), e)) throw Forbidden();
    const auto& f = req.form();
    Evidence ev;
    ev.entry_id = e.id;
    ev.field = f.get("field");
    ev.side = f.get("side");
    ev.text = std::string(text::trim(f.get("text")));
    ev.source = std::string(text::trim(f.get("source")));
    ev.date = std::string(text::trim(f.get("date")));
    ev.confidence = f.get("confidence");
    ev.supplied_by = who.user_id;
    if (!field(ev.field) || (ev.side != "employer" && ev.side != "workers") || ev.text.empty() || ev.text.size() > 4000 || ev.source.size() > 300 ||
        (!ev.date.empty() && !valid_date(ev.date)) || (ev.confidence != "low" && ev.confidence != "medium" && ev.confidence != "high"))
        return entry_page(req, e, {.evidence = &ev}, 422);
    ctx_->db.with_tx([&](storage::Transaction& tx) {
        RegistryStore(tx).add_evidence(ev, clock::unix_seconds());
        ctx_->audit.record(tx, {"registry_evidence_added", who.user_id, std::nullopt, std::to_string(e.id)});
    });
    return http::Response::redirect(href(req, "/register/" + std::to_string(e.id)) + "#evidence");
}

// POST /register/{id}/evidence/{evidence}/delete
http::Response RegistryModule::remove_evidence(http::Request& req) {
    const auth::Principal& who = auth::require_principal(req);
    const Entry e = editable_entry(req);
    bool removed = false;
    ctx_->db.with_tx([&](storage::Transaction& tx) {
        removed = RegistryStore(tx).remove_evidence(e.id, req.path_int("evidence"));
        if (removed) ctx_->audit.record(tx, {"registry_evidence_removed", who.user_id, std::nullopt, std::to_string(e.id)});
    });
    if (!removed) throw NotFound("There is no such evidence on this entry.");
    return http::Response::redirect(href(req, "/register/" + std::to_string(e.id)) + "#evidence");
}

}  // namespace avenir::registry
