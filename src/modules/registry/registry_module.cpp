#include "modules/registry/registry_module.hpp"

#include <fstream>
#include <sstream>

#include "core/auth/principal.hpp"
#include "core/clock.hpp"
#include "core/errors.hpp"
#include "core/log.hpp"
#include "core/search/index.hpp"
#include "core/view/layout.hpp"

namespace avenir::registry {
namespace fs = std::filesystem;
using nlohmann::json;

std::unique_ptr<kit::Module> make_module() { return std::make_unique<RegistryModule>(); }

LegalFacts legal_facts(const Entry& e) { return {e.value("art5_practice"), e.annex3_point(), e.value("art26_notice")}; }

namespace {

// The search audience of an entry: "" for a public one (its indexed fields are the anonymised
// ones), else the entry itself, which the source's audiences list for the readers the rules allow.
std::string audience_of(const Entry& e) { return e.tier == "public" ? "" : "entry:" + std::to_string(e.id); }

}  // namespace

void index_entry(storage::Executor& tx, const Entry& e) {
    search::SearchIndex index(tx);
    const std::string key = std::to_string(e.id);
    index.remove("register", key);
    std::string lang = e.value("lang");
    if (std::find(std::begin(search::kIndexLanguages), std::end(search::kIndexLanguages), lang) == std::end(search::kIndexLanguages)) lang = "en";
    // Only what an anonymised reader may see is indexed: no workplace, people or evidence.
    const std::string body = e.value("description") + "\n" + e.value("goal") + "\n" + e.value("employer") + " " + e.value("supplier") + " " +
                             e.value("product") + " " + e.value("sector");
    index.put("register", {key, lang, e.name(), body, "/register/" + key, audience_of(e)});
}

void RegistryModule::start(kit::Context& ctx, kit::Registration& reg) {
    ctx_ = &ctx;
    declare_permissions(reg);
    routes(reg);
    reg.nav({.path = "/register", .label = "Register", .order = 37});
    ctx.jobs.every("registry.reminders", std::chrono::minutes(10), [this] { send_reminders(clock::unix_seconds()); });
    reg.seeder([this](const fs::path& root) { return seed(root); });
    // The platform search: entries each reader may read, decided by the rules in one query.
    reg.provide(kit::SearchSource{.kind = "register",
                                  .label = "Register of workplace systems",
                                  .order = 45,
                                  .audiences =
                                      [this](http::Request& req) {
                                          std::vector<std::string> out;
                                          const Viewer v = viewer_of(auth::current_principal(req));
                                          if (!v.signed_in()) return out;
                                          std::vector<storage::Value> params;
                                          const std::string where = readable_sql(v, params) + " AND e.tier <> 'public'";
                                          for (const auto& r : ctx_->db.exec("SELECT e.id FROM registry_entries e WHERE " + where, params))
                                              out.push_back("entry:" + std::to_string(r.get_int("id")));
                                          return out;
                                      },
                                  .search = {}});
    // What the register holds about a product, for the practice exchange's cases.
    reg.provide(kit::RegisterFindings{.about = [this](http::Request& req, const std::string& product) {
        kit::RegisterFindings::Summary out;
        if (product.empty()) return out;
        const Viewer v = viewer_of(auth::current_principal(req));
        std::vector<storage::Value> params;
        std::string where = readable_sql(v, params) + " AND e.example = 0";
        where += RegistryStore::about_product(product, params);
        const auto t = store().tally(where, params);
        out.entries = t.entries;
        out.unions = t.unions;
        out.path = "/register?product=" + http::url_encode(product);
        if (!v.dro_regions.empty()) out.pooled_path = "/register/pooled";
        return out;
    }});
    // Entries stay with their union when the people who made them or supplied evidence are erased.
    reg.personal_data({"registry_entries", {"created_by", "updated_by"}, {}});
    reg.personal_data({"registry_evidence", {"supplied_by"}, {}});
    reg.personal_data({"registry_changes", {"changed_by"}, {}});
    reg.personal_data({"registry_assessments", {"assessed_by"}, {}});
    reg.personal_data({"registry_questionnaires", {"created_by"}, {}});
    reg.personal_data({"registry_requests", {"created_by"}, {}});
}

std::string RegistryModule::tr(http::Request& req, std::string_view msgid) const { return ctx_->catalog.translate(req.lang, msgid); }
std::string RegistryModule::href(http::Request& req, const std::string& path) { return view::Layout::href(req, path); }

Questionnaire RegistryModule::questionnaire(const std::string& slug, int version) {
    const auto stored = store().questionnaire(slug, version);
    if (!stored) throw NotFound("There is no such questionnaire.");
    const json d = json::parse(stored->second, nullptr, false);
    auto parsed = parse_questionnaire(d);
    if (!parsed.questionnaire)
        throw ServiceUnavailable("This questionnaire cannot be read.", "registry questionnaire " + slug + " v" + std::to_string(stored->first) + " unreadable");
    parsed.questionnaire->slug = slug;
    parsed.questionnaire->version = stored->first;
    return std::move(*parsed.questionnaire);
}

int RegistryModule::seed(const fs::path& content_root) {
    const fs::path dir = content_root / "registry";
    int created = 0;
    const std::int64_t now = clock::unix_seconds();
    std::vector<fs::path> files;
    if (fs::is_directory(dir / "questionnaires"))
        for (const auto& f : fs::directory_iterator(dir / "questionnaires"))
            if (f.path().extension() == ".json") files.push_back(f.path());
    std::sort(files.begin(), files.end());
    for (const auto& path : files) {
        std::ifstream in(path);
        std::stringstream text;
        text << in.rdbuf();
        const json d = json::parse(text.str(), nullptr, false);
        const auto parsed = parse_questionnaire(d);
        if (!parsed.questionnaire || parsed.questionnaire->slug.empty()) {
            std::string problems;
            for (const auto& p : parsed.problems) problems += "\n  " + p.path + ": " + p.message;
            throw ContentError(path.string() + ": not a questionnaire" + (problems.empty() ? ": it needs a slug" : problems));
        }
        if (store().put_questionnaire(parsed.questionnaire->slug, parsed.questionnaire->version, d.dump(), std::nullopt, now)) ++created;
    }
    seed_texts(dir, now);
    created += seed_examples(dir, now);
    if (created) log::info("registry_seeded", log::kv("created", static_cast<long long>(created)));
    return created;
}

}  // namespace avenir::registry
