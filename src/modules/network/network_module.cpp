// The network module's registration, the search documents of practice cases, and seeding.
#include "modules/network/network_module.hpp"

#include <toml++/toml.h>


#include "core/auth/principal.hpp"
#include "core/clock.hpp"
#include "core/content/toml_file.hpp"
#include "core/errors.hpp"
#include "core/log.hpp"
#include "core/search/index.hpp"
#include "modules/network/network_rules.hpp"

namespace avenir::network {
namespace fs = std::filesystem;

std::unique_ptr<kit::Module> make_module() { return std::make_unique<NetworkModule>(); }

void NetworkModule::start(kit::Context& ctx, kit::Registration& reg) {
    ctx_ = &ctx;
    declare_permissions(reg);
    routes(reg);
    reg.nav({.path = "/network/practices", .label = "Practice exchange", .order = 30});
    reg.seeder([this](const fs::path& root) { return seed(root); });
    // A case stays when its author or moderator is erased, without them (SET NULL).
    reg.personal_data({"network_cases", {"author_id", "moderator_id"}, {}});
    // An application goes with its applicant (CASCADE); the coordinator's name is left out (SET NULL).
    reg.personal_data({"network_applications", {"user_id", "decided_by"}, {}});
    reg.personal_data({"network_profiles", {"user_id"}, {}});
    reg.personal_data({"network_cascade_sessions", {"user_id"}, {}});
    reg.personal_data({"network_coalition_unions", {"updated_by"}, {}});  // the union's stance stays  // the counts stay, anonymous (SET NULL)
    // The platform search: published cases, each with its audience (everyone, members, a hub),
    // applied inside the query. A hidden employer is never indexed.
    reg.provide(kit::SearchSource{.kind = "practices",
                                  .label = "Practice cases",
                                  .order = 30,
                                  .audiences =
                                      [this](http::Request& req) {
                                          std::vector<std::string> regions;
                                          for (const auto& r : ctx_->reference.get()->regions) regions.push_back(r.slug);
                                          return audiences_of(viewer_of(auth::current_principal(req)), regions);
                                      },
                                  .search = {}});
    reg.provide(kit::SearchSource{.kind = "coalitions", .label = "Coalitions", .order = 35, .audiences = {}, .search = {}});
    // Questions to the hubs: public ones for everyone, members' ones for people signed in.
    reg.provide(kit::SearchSource{.kind = "questions",
                                  .label = "Questions to the hubs",
                                  .order = 33,
                                  .audiences =
                                      [](http::Request& req) {
                                          return auth::current_principal(req) ? std::vector<std::string>{"members"} : std::vector<std::string>{};
                                      },
                                  .search = {}});
    // A question stays when its asker or an answerer is erased, without them (SET NULL).
    reg.personal_data({"network_questions", {"author_id"}, {}});
    reg.personal_data({"network_answers", {"author_id"}, {}});
    ctx.jobs.every("network.question_digest", std::chrono::hours(24), [this] { send_question_digest(); });
}

void NetworkModule::index_case(storage::Executor& tx, const Case& c) {
    search::SearchIndex index(tx);
    const std::string key = "case-" + std::to_string(c.id);
    index.remove("practices", key);
    if (c.state != "published") return;
    for (const auto& t : c.texts) {
        if (std::find(std::begin(search::kIndexLanguages), std::end(search::kIndexLanguages), t.lang) == std::end(search::kIndexLanguages)) continue;
        std::string body = c.country + ". " + t.happened + "\n" + t.union_action + "\n" + t.outcome + "\n" + t.lessons + "\n";
        for (const auto& tech : c.technologies) body += tech + " ";
        if (!c.supplier.empty()) body += c.supplier + " ";
        if (!c.product.empty()) body += c.product + " ";
        if (!c.hide_employer && !c.employer.empty()) body += c.employer;
        index.put("practices", {key, t.lang, t.title, body, "/network/practices/" + std::to_string(c.id), audience_of(c)});
    }
}

namespace {

std::vector<std::string> strings(const toml::node_view<const toml::node>& n) {
    std::vector<std::string> out;
    if (const auto* a = n.as_array())
        for (const auto& v : *a)
            if (auto s = v.value<std::string>()) out.push_back(*s);
    return out;
}

}  // namespace

int NetworkModule::seed_hubs(const fs::path& file) {
    if (!fs::exists(file)) return 0;
    const toml::table doc = content::parse_toml_file(file);
    const auto* hubs = doc["hub"].as_array();
    if (!hubs) return 0;
    int changed = 0;
    for (const auto& node : *hubs) {
        const auto* t = node.as_table();
        if (!t) continue;
        const toml::node_view<const toml::node> n{t};
        Hub h{n["region"].value_or(std::string()), n["contact"].value_or(std::string()), {}};
        if (!ctx_->reference.get()->has_region(h.region)) throw ContentError(file.string() + ": a hub of no known region \"" + h.region + "\"");
        if (store().hub(h.region)) continue;  // shipped once; then it is the region's
        for (const char* lang : {"en", "fr", "es", "ar"})
            if (auto intro = n[lang]["intro"].value<std::string>()) h.intro[lang] = *intro;
        if (!h.intro.contains("en")) throw ContentError(file.string() + ": hub " + h.region + ": an English intro is needed");
        ctx_->db.with_tx([&](storage::Transaction& tx) { NetworkStore(tx).put_hub(h, clock::unix_seconds()); });
        ++changed;
    }
    return changed;
}

int NetworkModule::seed_coalitions(const fs::path& file) {
    if (!fs::exists(file)) return 0;
    const toml::table doc = content::parse_toml_file(file);
    const auto* list = doc["coalition"].as_array();
    if (!list) return 0;
    int changed = 0;
    for (const auto& node : *list) {
        const auto* t = node.as_table();
        if (!t) continue;
        const toml::node_view<const toml::node> n{t};
        Coalition c;
        c.slug = n["slug"].value_or(std::string());
        if (c.slug.empty()) throw ContentError(file.string() + ": a coalition without a slug");
        if (store().coalition_of_slug(c.slug)) continue;  // shipped once
        c.regions = strings(n["regions"]);
        c.partners = strings(n["partners"]);
        c.contact = n["contact"].value_or(std::string());
        c.stance = n["stance"].value_or(std::string());
        c.illustrative = true;
        if (const auto* a = n["themes"].as_array())
            for (const auto& v : *a)
                if (auto i = v.value<std::int64_t>()) c.themes.push_back(static_cast<int>(*i));
        for (const char* lang : {"en", "fr", "es", "ar"})
            if (n[lang].is_table())
                c.texts.push_back({lang, n[lang]["name"].value_or(std::string()), n[lang]["scope"].value_or(std::string()),
                                   n[lang]["why"].value_or(std::string())});
        auto errors = validate(c);
        for (const auto& r : c.regions)
            if (!ctx_->reference.get()->has_region(r)) errors.push_back("regions: no region \"" + r + "\"");
        if (!errors.empty()) throw ContentError(file.string() + ": coalition \"" + c.slug + "\": " + errors.front());
        ctx_->db.with_tx([&](storage::Transaction& tx) {
            c.id = NetworkStore(tx).create_coalition(c, clock::unix_seconds());
            index_coalition(tx, c);
        });
        ++changed;
    }
    return changed;
}

int NetworkModule::seed(const fs::path& content_root) {
    int hubs = seed_hubs(content_root / "network" / "hubs.toml") + seed_coalitions(content_root / "network" / "coalitions.toml");
    const fs::path file = content_root / "network" / "cases.toml";
    if (!fs::exists(file)) return hubs;
    const toml::table doc = content::parse_toml_file(file);
    const auto* cases = doc["case"].as_array();
    if (!cases) return hubs;
    const std::int64_t now = clock::unix_seconds();
    int changed = 0;
    for (const auto& node : *cases) {
        const auto* t = node.as_table();
        if (!t) continue;
        const toml::node_view<const toml::node> n{t};
        Case c;
        c.slug = n["slug"].value_or(std::string());
        const std::string where = file.string() + ": case \"" + c.slug + "\"";
        if (c.slug.empty()) throw ContentError(file.string() + ": a case without a slug");
        if (store().id_of_slug(c.slug)) continue;  // shipped once; then it is the moderators'
        c.state = "published";
        c.illustrative = true;
        c.practice = n["practice"].value_or(std::string());
        c.country = n["country"].value_or(std::string());
        c.region = n["region"].value_or(std::string());
        c.sector = n["sector"].value_or(std::string());
        c.employer_type = n["employer_type"].value_or(std::string());
        c.employer = n["employer"].value_or(std::string());
        c.hide_employer = n["hide_employer"].value_or(false);
        c.supplier = n["supplier"].value_or(std::string());
        c.product = n["product"].value_or(std::string());
        c.technologies = strings(n["technologies"]);
        c.workshops = strings(n["workshops"]);
        if (const auto* a = n["themes"].as_array())
            for (const auto& v : *a)
                if (auto i = v.value<std::int64_t>()) c.themes.push_back(static_cast<int>(*i));
        c.year = static_cast<int>(n["year"].value_or(std::int64_t{0}));
        c.visibility = n["visibility"].value_or(std::string("public"));
        c.lang = "en";
        for (const char* lang : {"en", "fr", "es", "ar"}) {
            const auto tt = n[lang];
            if (!tt.is_table()) continue;
            c.texts.push_back({lang, tt["title"].value_or(std::string()), tt["happened"].value_or(std::string()),
                               tt["union_action"].value_or(std::string()), tt["outcome"].value_or(std::string()),
                               tt["lessons"].value_or(std::string())});
        }
        auto errors = validate(c);
        if (!ctx_->reference.get()->has_region(c.region)) errors.emplace_back("region");
        if (!errors.empty()) throw ContentError(where + ": " + errors.front());
        c.decided_at = now;
        ctx_->db.with_tx([&](storage::Transaction& tx) {
            c.id = NetworkStore(tx).create(c, now);
            index_case(tx, c);
        });
        ++changed;
    }
    if (changed + hubs) ctx_->pages_changed();
    return changed + hubs;
}

}  // namespace avenir::network
