// The register's exchanges: an entry as Eurocities v0.3.1 JSON or an ATRS-shaped crosswalk (its
// union's representatives), the register as CSV (what the reader may read, without identifying
// fields), and the import of a Eurocities entry with every problem named by its JSON path.
#include <algorithm>

#include "core/auth/principal.hpp"
#include "core/clock.hpp"
#include "core/errors.hpp"
#include "core/http/pipeline.hpp"
#include "core/text/csv.hpp"
#include "core/view/layout.hpp"
#include "modules/registry/registry_exchange.hpp"
#include "modules/registry/registry_labels.hpp"
#include "modules/registry/registry_module.hpp"

namespace avenir::registry {
using nlohmann::json;

void index_entry(storage::Executor& tx, const Entry& e);

namespace {

constexpr std::size_t kMaxImport = 512 * 1024;

http::Response json_download(const json& body, const std::string& filename) {
    http::Response res;
    res.body = body.dump(2);
    res.set_header("Content-Type", "application/json; charset=utf-8");
    res.set_header("Content-Disposition", "attachment; filename=\"" + filename + "\"");
    res.set_header("Cache-Control", "private, no-store");
    return res;
}

}  // namespace

ExportContext RegistryModule::export_context(http::Request& req, const Entry& e) {
    ExportContext c;
    c.base_url = ctx_->base_url;
    c.uuid = entry_uuid(ctx_->base_url, e.id);
    for (const auto& u : ctx_->extensions.one<kit::Directory>().unions({e.union_id})) c.country = u.country;
    const auth::Principal& who = auth::require_principal(req);
    for (const auto& p : ctx_->extensions.one<kit::Directory>().people({who.user_id})) c.contact_email = p.email;
    const auto assessments = store().assessments(e.id);
    if (!assessments.empty()) c.verdict = std::string(verdict_label(assessments.front().verdict));
    return c;
}

// GET /register/{id}/eurocities.json
http::Response RegistryModule::export_eurocities(http::Request& req) {
    const Entry e = editable_entry(req);
    http::mark_private(req);
    return json_download(to_eurocities(e, export_context(req, e)), "register-entry-" + std::to_string(e.id) + ".eurocities.json");
}

// GET /register/{id}/atrs.json
http::Response RegistryModule::export_atrs(http::Request& req) {
    const Entry e = editable_entry(req);
    http::mark_private(req);
    return json_download(to_atrs_crosswalk(e, export_context(req, e)), "register-entry-" + std::to_string(e.id) + ".atrs-crosswalk.json");
}

// GET /register.csv: every entry the reader may read, one row each, no identifying field.
http::Response RegistryModule::export_csv(http::Request& req) {
    http::mark_private(req);
    const Viewer v = viewer_of(auth::current_principal(req));
    std::vector<storage::Value> params;
    const std::string where = readable_sql(v, params);
    std::string out = "id,name,employer,sector,stage,supplier,product,annex_iii_point,art_5_practice,art_26_7_notice,latest_level,verdict,updated,example\r\n";
    for (const auto& e : store().list(where, params, 10000)) {
        const std::string verdict =
            e.latest_level || !flags(legal_facts(e)).empty() ? registry::verdict(Score{.level = std::max(1, e.latest_level)}, flags(legal_facts(e))) : "";
        for (const std::string& cell : {std::to_string(e.id), e.name(), e.value("employer"), e.value("sector"), e.value("lifecycle"), e.value("supplier"),
                                        e.value("product"), e.value("annex3_point"), e.value("art5_practice"), e.value("art26_notice"),
                                        e.latest_level ? std::to_string(e.latest_level) : std::string(), verdict, clock::utc_iso8601(e.updated_at).substr(0, 10),
                                        std::string(e.example ? "1" : "0")})
            out += text::csv_field(cell) + ",";
        out.back() = '\r';
        out += "\n";
    }
    http::Response res;
    res.body = std::move(out);
    res.set_header("Content-Type", "text/csv; charset=utf-8");
    res.set_header("Content-Disposition", "attachment; filename=\"register.csv\"");
    res.set_header("Cache-Control", "private, no-store");
    return res;
}

http::Response RegistryModule::import_page(http::Request& req, const std::string& typed, const std::vector<ImportProblem>& problems, int status) {
    http::mark_private(req);
    const Viewer v = viewer_of(&auth::require_principal(req));
    json unions = json::array();
    for (const auto& u : ctx_->extensions.one<kit::Directory>().unions(v.rep_unions)) unions.push_back({{"value", u.id}, {"label", u.name}});
    json list = json::array();
    for (const auto& p : problems) list.push_back({{"path", p.path}, {"message", p.message}});
    json d{{"unions", unions},
           {"typed", typed},
           {"problems", list},
           {"has_problems", !problems.empty()},
           {"csrf", ctx_->access.csrf(req)},
           {"action", href(req, "/register/import")},
           {"list_href", href(req, "/register")}};
    return ctx_->layout.page(req, "registry/import", std::move(d), tr(req, "Import an entry"), status);
}

// GET /register/import
http::Response RegistryModule::import_form(http::Request& req) { return import_page(req, "", {}, 200); }

// POST /register/import: union, and the entry as Eurocities JSON (a file, or pasted).
http::Response RegistryModule::import_entry(http::Request& req) {
    const auth::Principal& who = auth::require_principal(req);
    const auto& f = req.form();
    std::string text = f.get("json");
    if (const auto* file = f.file("file"); file && file->size() > 0) {
        if (file->size() > kMaxImport) throw PayloadTooLarge("The file is larger than 512 KB.");
        text = file->read();
    }
    std::vector<ImportProblem> problems;
    Entry e;
    if (text.size() > kMaxImport) problems.push_back({"$", "the entry is larger than 512 KB"});
    const json j = json::parse(text, nullptr, false);
    if (j.is_discarded()) problems.push_back({"$", "this is not JSON: check the file or the pasted text"});
    else if (problems.empty()) e = from_eurocities(j, problems);
    e.union_id = std::strtoll(f.get("union").c_str(), nullptr, 10);
    if (!may_record_for(viewer_of(&who), e.union_id)) problems.push_back({"union", "choose a union you represent"});
    if (!problems.empty()) return import_page(req, text.size() <= kMaxImport ? text : "", problems, 422);
    const auto regions = ctx_->extensions.one<kit::Directory>().union_regions({e.union_id});
    e.region = regions.contains(e.union_id) ? regions.at(e.union_id) : "";
    e.tier = "reps";
    ctx_->db.with_tx([&](storage::Transaction& tx) {
        e.id = RegistryStore(tx).create(e, who.user_id, clock::unix_seconds());
        index_entry(tx, e);
        ctx_->audit.record(tx, {"registry_entry_imported", who.user_id, std::nullopt, std::to_string(e.id)});
    });
    ctx_->pages_changed();  // the practice exchange's cases count the register's entries
    return http::Response::redirect(href(req, "/register/" + std::to_string(e.id)));
}

}  // namespace avenir::registry
