#include "modules/network/network_store.hpp"

#include "core/text/list.hpp"
#include "storage/bind.hpp"

#include <algorithm>
#include <map>
#include <sstream>

namespace avenir::network {
using storage::Value;

namespace {

constexpr const char* kColumns =
    "c.id, c.slug, c.state, c.practice, c.country, c.region, c.sector, c.employer_type, c.employer, c.hide_employer, c.supplier, "
    "c.product, c.technologies, c.themes, c.workshops, c.year, c.visibility, c.lang, c.illustrative, c.author_id, c.moderator_id, "
    "c.moderation_message, c.submitted_at, c.decided_at, c.updated_at, c.links";

using text::join_list;
using text::split_list;
using storage::bind_in;
constexpr auto opt = storage::nullable;

Case to_case(const storage::Row& r) {
    Case c;
    c.id = r.get_int("id");
    c.slug = r.get_opt_text("slug").value_or("");
    c.state = r.get_text("state");
    c.practice = r.get_text("practice");
    c.country = r.get_text("country");
    c.region = r.get_text("region");
    c.sector = r.get_text("sector");
    c.employer_type = r.get_text("employer_type");
    c.employer = r.get_text("employer");
    c.hide_employer = r.get_int("hide_employer") != 0;
    c.supplier = r.get_text("supplier");
    c.product = r.get_text("product");
    c.technologies = split_list(r.get_text("technologies"));
    for (const auto& t : split_list(r.get_text("themes"))) c.themes.push_back(std::stoi(t));
    c.workshops = split_list(r.get_text("workshops"));
    c.links = split_list(r.get_text("links"));
    c.year = static_cast<int>(r.get_int("year"));
    c.visibility = r.get_text("visibility");
    c.lang = r.get_text("lang");
    c.illustrative = r.get_int("illustrative") != 0;
    c.author_id = r.get_opt_int("author_id");
    c.moderator_id = r.get_opt_int("moderator_id");
    c.moderation_message = r.get_text("moderation_message");
    c.submitted_at = r.get_int("submitted_at");
    c.decided_at = r.get_opt_int("decided_at");
    c.updated_at = r.get_int("updated_at");
    return c;
}

}  // namespace

std::string visible_sql(const Viewer& v, std::vector<Value>& params) {
    std::string w = "c.state = 'published' AND (c.visibility = 'public'";
    if (v.signed_in()) w += " OR c.visibility = 'members'";
    if (v.all_regions) w += " OR c.visibility = 'hub'";
    else if (!v.hub_regions.empty()) w += " OR (c.visibility = 'hub' AND c.region IN (" + bind_in(params, v.hub_regions) + "))";
    return w + ")";
}

void NetworkStore::write_children(std::int64_t id, const Case& c) {
    db_.exec("DELETE FROM network_case_texts WHERE case_id = $1", {id});
    db_.exec("DELETE FROM network_case_tags WHERE case_id = $1", {id});
    for (const auto& t : c.texts)
        db_.exec("INSERT INTO network_case_texts (case_id, lang, title, happened, union_action, outcome, lessons) VALUES ($1, $2, $3, $4, $5, $6, $7)",
                 {id, t.lang, t.title, t.happened, t.union_action, t.outcome, t.lessons});
    std::vector<std::pair<std::string, std::string>> tags;
    for (const auto& t : c.technologies) tags.emplace_back("technology", t);
    if (!c.product.empty()) tags.emplace_back("product", fold_tag(c.product));
    tags.emplace_back("sector", c.sector);
    std::sort(tags.begin(), tags.end());
    tags.erase(std::unique(tags.begin(), tags.end()), tags.end());
    for (const auto& [kind, value] : tags)
        db_.exec("INSERT INTO network_case_tags (case_id, kind, value) VALUES ($1, $2, $3)", {id, kind, value});
}

std::int64_t NetworkStore::create(const Case& c, std::int64_t now) {
    const std::int64_t id =
        db_.exec("INSERT INTO network_cases (slug, state, practice, country, region, sector, employer_type, employer, hide_employer, supplier, "
                 "product, technologies, themes, workshops, year, visibility, lang, illustrative, author_id, submitted_at, decided_at, updated_at, "
                 "links) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $20, $22) RETURNING id",
                 {c.slug.empty() ? Value(nullptr) : Value(c.slug), c.state, c.practice, c.country, c.region, c.sector, c.employer_type, c.employer,
                  std::int64_t{c.hide_employer}, c.supplier, c.product, join_list(c.technologies), join_list(c.themes), join_list(c.workshops),
                  std::int64_t{c.year}, c.visibility, c.lang, std::int64_t{c.illustrative}, opt(c.author_id), now, opt(c.decided_at),
                  join_list(c.links)})
            .at(0)
            .get_int("id");
    write_children(id, c);
    return id;
}

void NetworkStore::update(const Case& c, std::int64_t now) {
    db_.exec("UPDATE network_cases SET practice = $2, country = $3, region = $4, sector = $5, employer_type = $6, employer = $7, "
             "hide_employer = $8, supplier = $9, product = $10, technologies = $11, themes = $12, workshops = $13, year = $14, "
             "visibility = $15, lang = $16, updated_at = $17, links = $18 WHERE id = $1",
             {c.id, c.practice, c.country, c.region, c.sector, c.employer_type, c.employer, std::int64_t{c.hide_employer}, c.supplier, c.product,
              join_list(c.technologies), join_list(c.themes), join_list(c.workshops), std::int64_t{c.year}, c.visibility, c.lang, now,
              join_list(c.links)});
    write_children(c.id, c);
}

std::vector<Case> NetworkStore::read(const std::string& where, const std::vector<Value>& params, const std::string& tail) {
    std::vector<Case> out;
    for (const auto& row : db_.exec(std::string("SELECT ") + kColumns + " FROM network_cases c WHERE " + where + " " + tail, params).rows)
        out.push_back(to_case(row));
    if (out.empty()) return out;
    // Their texts in one statement.
    std::vector<Value> ids;
    std::string in;
    std::map<std::int64_t, std::size_t> at;
    for (std::size_t i = 0; i < out.size(); ++i) {
        ids.emplace_back(out[i].id);
        in += (in.empty() ? "$" : ", $") + std::to_string(ids.size());
        at[out[i].id] = i;
    }
    for (const auto& row : db_.exec("SELECT case_id, lang, title, happened, union_action, outcome, lessons FROM network_case_texts WHERE case_id IN (" +
                                        in + ") ORDER BY case_id, lang",
                                    ids)
                               .rows)
        out[at[row.get_int("case_id")]].texts.push_back({row.get_text("lang"), row.get_text("title"), row.get_text("happened"),
                                                         row.get_text("union_action"), row.get_text("outcome"), row.get_text("lessons")});
    std::erase_if(out, [](const Case& c) { return c.texts.empty(); });
    return out;
}

std::optional<Case> NetworkStore::get(std::int64_t id) {
    auto v = read("c.id = $1", {id});
    if (v.empty()) return std::nullopt;
    return std::move(v.front());
}

std::optional<std::int64_t> NetworkStore::id_of_slug(const std::string& slug) {
    if (auto row = db_.exec("SELECT id FROM network_cases WHERE slug = $1", {slug}).first()) return row->get_int("id");
    return std::nullopt;
}

CasePage NetworkStore::published(const Viewer& v, const CaseFilter& f, int offset, int limit) {
    std::vector<Value> params;
    std::string where = visible_sql(v, params);
    auto eq = [&](const char* column, const std::string& value) {
        if (value.empty()) return;
        params.emplace_back(value);
        where += std::string(" AND c.") + column + " = $" + std::to_string(params.size());
    };
    eq("practice", f.practice);
    eq("region", f.region);
    eq("sector", f.sector);
    if (!f.technology.empty()) {
        params.emplace_back(fold_tag(f.technology));
        where += " AND EXISTS (SELECT 1 FROM network_case_tags t WHERE t.case_id = c.id AND t.kind = 'technology' AND t.value = $" +
                 std::to_string(params.size()) + ")";
    }
    CasePage page;
    page.total = db_.exec("SELECT count(*) AS n FROM network_cases c WHERE " + where, params).at(0).get_int("n");
    params.emplace_back(std::int64_t{limit});
    params.emplace_back(std::int64_t{offset});
    page.cases = read(where, params,
                      "ORDER BY c.year DESC, c.id DESC LIMIT $" + std::to_string(params.size() - 1) + " OFFSET $" + std::to_string(params.size()));
    return page;
}

std::vector<Case> NetworkStore::queue(const Viewer& v) {
    std::vector<Value> params;
    std::string where = "c.state IN ('submitted', 'changes')";
    if (!v.all_regions) {
        if (v.moderated_regions.empty()) return {};
        where += " AND c.region IN (" + bind_in(params, v.moderated_regions) + ")";
    }
    return read(where, params, "ORDER BY c.submitted_at, c.id LIMIT 200");
}

std::vector<Case> NetworkStore::by_author(std::int64_t user_id) { return read("c.author_id = $1", {user_id}, "ORDER BY c.id DESC LIMIT 200"); }

void NetworkStore::decide(std::int64_t id, const std::string& state, std::int64_t moderator, const std::string& message, std::int64_t now) {
    db_.exec("UPDATE network_cases SET state = $2, moderator_id = $3, moderation_message = $4, decided_at = $5, updated_at = $5 WHERE id = $1",
             {id, state, moderator, message, now});
}

void NetworkStore::resubmit(std::int64_t id, std::int64_t now) {
    db_.exec("UPDATE network_cases SET state = 'submitted', submitted_at = $2, updated_at = $2 WHERE id = $1 AND state = 'changes'", {id, now});
}

std::vector<Case> NetworkStore::linking_to(const Viewer& v, const std::string& path, int limit) {
    std::vector<Value> params;
    std::string where = visible_sql(v, params);
    params.emplace_back("%," + path + ",%");
    where += " AND (',' || c.links || ',') LIKE $" + std::to_string(params.size());
    return read(where, params, "ORDER BY c.year DESC, c.id DESC LIMIT " + std::to_string(std::max(1, limit)));
}

std::vector<Case> NetworkStore::similar(const Case& c, const Viewer& v, int limit) {
    std::vector<Value> params{c.id};
    const std::string where = visible_sql(v, params);
    // One statement whatever the number: the cases with their titles (one row per language).
    // Shared tags weigh: a product 3, a technology 2, the sector 1 (the sector alone is not enough).
    const std::string sql =
        std::string("SELECT ") + kColumns + ", tx.lang AS t_lang, tx.title AS t_title FROM (SELECT t.case_id AS id, "
        "sum(CASE t.kind WHEN 'product' THEN 3 WHEN 'technology' THEN 2 ELSE 1 END) AS weight FROM network_case_tags t "
        "JOIN network_case_tags mine ON mine.kind = t.kind AND mine.value = t.value AND mine.case_id = $1 WHERE t.case_id <> $1 "
        "GROUP BY t.case_id HAVING sum(CASE t.kind WHEN 'sector' THEN 0 ELSE 1 END) > 0) x "
        "JOIN network_cases c ON c.id = x.id JOIN network_case_texts tx ON tx.case_id = c.id WHERE " + where +
        " ORDER BY x.weight DESC, c.year DESC, c.id DESC, tx.lang LIMIT " + std::to_string(std::max(1, limit) * static_cast<int>(std::size(kCaseLanguages)));
    std::vector<Case> out;
    for (const auto& row : db_.exec(sql, params).rows) {
        if (out.empty() || out.back().id != row.get_int("id")) {
            if (static_cast<int>(out.size()) == limit) break;
            out.push_back(to_case(row));
        }
        out.back().texts.push_back({row.get_text("t_lang"), row.get_text("t_title"), "", "", "", ""});
    }
    return out;
}

std::vector<std::string> NetworkStore::suggestions(const std::string& column, int limit) {
    if (column != "product" && column != "supplier") return {};
    std::vector<std::string> out;
    for (const auto& row : db_.exec("SELECT " + column + " AS v, count(*) AS n FROM network_cases WHERE state = 'published' AND visibility = 'public' AND " + column +
                                        " <> '' AND hide_employer = 0 GROUP BY " + column + " ORDER BY n DESC, v LIMIT $1",
                                    {std::int64_t{limit}})
                               .rows)
        out.push_back(row.get_text("v"));
    return out;
}

std::optional<Hub> NetworkStore::hub(const std::string& region) {
    std::optional<Hub> out;
    for (const auto& row : db_.exec("SELECT h.region, h.contact, t.lang, t.intro FROM network_hubs h LEFT JOIN network_hub_texts t ON t.region = h.region "
                                    "WHERE h.region = $1",
                                    {region})
                               .rows) {
        if (!out) out = Hub{row.get_text("region"), row.get_text("contact"), {}};
        if (auto lang = row.get_opt_text("lang")) out->intro[*lang] = row.get_text("intro");
    }
    return out;
}

void NetworkStore::put_hub(const Hub& h, std::int64_t now) {
    db_.exec("INSERT INTO network_hubs (region, contact, updated_at) VALUES ($1, $2, $3) ON CONFLICT (region) DO UPDATE SET contact = "
             "excluded.contact, updated_at = excluded.updated_at",
             {h.region, h.contact, now});
    db_.exec("DELETE FROM network_hub_texts WHERE region = $1", {h.region});
    for (const auto& [lang, intro] : h.intro)
        db_.exec("INSERT INTO network_hub_texts (region, lang, intro) VALUES ($1, $2, $3)", {h.region, lang, intro});
}

namespace {

std::vector<Coalition> read_coalitions(storage::Executor& db, const std::string& where, const std::vector<Value>& params) {
    std::vector<Coalition> out;
    std::map<std::int64_t, std::size_t> at;
    for (const auto& row : db.exec("SELECT id, slug, regions, themes, partners, contact, stance, illustrative, updated_at FROM network_coalitions c WHERE " +
                                       where + " ORDER BY id",
                                   params)
                               .rows) {
        Coalition c;
        c.id = row.get_int("id");
        c.slug = row.get_opt_text("slug").value_or("");
        c.regions = split_list(row.get_text("regions"));
        for (const auto& t : split_list(row.get_text("themes"))) c.themes.push_back(std::stoi(t));
        std::istringstream partners(row.get_text("partners"));
        for (std::string line; std::getline(partners, line);)
            if (!line.empty()) c.partners.push_back(line);
        c.contact = row.get_text("contact");
        c.stance = row.get_text("stance");
        c.illustrative = row.get_int("illustrative") != 0;
        c.updated_at = row.get_int("updated_at");
        at[c.id] = out.size();
        out.push_back(std::move(c));
    }
    if (out.empty()) return out;
    for (const auto& row : db.exec("SELECT t.coalition_id, t.lang, t.name, t.scope, t.why FROM network_coalition_texts t JOIN network_coalitions c "
                                   "ON c.id = t.coalition_id WHERE " + where + " ORDER BY t.coalition_id, t.lang",
                                   params)
                               .rows)
        out[at[row.get_int("coalition_id")]].texts.push_back({row.get_text("lang"), row.get_text("name"), row.get_text("scope"), row.get_text("why")});
    std::erase_if(out, [](const Coalition& c) { return c.texts.empty(); });
    return out;
}

}  // namespace

std::vector<Coalition> NetworkStore::coalitions() { return read_coalitions(db_, "1 = 1", {}); }

std::optional<Coalition> NetworkStore::coalition(std::int64_t id) {
    auto v = read_coalitions(db_, "c.id = $1", {id});
    if (v.empty()) return std::nullopt;
    return std::move(v.front());
}

std::optional<std::int64_t> NetworkStore::coalition_of_slug(const std::string& slug) {
    if (auto row = db_.exec("SELECT id FROM network_coalitions WHERE slug = $1", {slug}).first()) return row->get_int("id");
    return std::nullopt;
}

std::int64_t NetworkStore::create_coalition(const Coalition& c, std::int64_t now) {
    std::string partners;
    for (const auto& p : c.partners) partners += p + "\n";
    const std::int64_t id = db_.exec("INSERT INTO network_coalitions (slug, regions, themes, partners, contact, stance, illustrative, updated_at) "
                                     "VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
                                     {c.slug.empty() ? Value(nullptr) : Value(c.slug), join_list(c.regions), join_list(c.themes), partners, c.contact,
                                      c.stance, std::int64_t{c.illustrative}, now})
                                .at(0)
                                .get_int("id");
    for (const auto& t : c.texts)
        db_.exec("INSERT INTO network_coalition_texts (coalition_id, lang, name, scope, why) VALUES ($1, $2, $3, $4, $5)",
                 {id, t.lang, t.name, t.scope, t.why});
    return id;
}

void NetworkStore::update_coalition(const Coalition& c, std::int64_t now) {
    std::string partners;
    for (const auto& p : c.partners) partners += p + "\n";
    db_.exec("UPDATE network_coalitions SET regions = $2, themes = $3, partners = $4, contact = $5, stance = $6, updated_at = $7 WHERE id = $1",
             {c.id, join_list(c.regions), join_list(c.themes), partners, c.contact, c.stance, now});
    for (const auto& t : c.texts)
        db_.exec("INSERT INTO network_coalition_texts (coalition_id, lang, name, scope, why) VALUES ($1, $2, $3, $4, $5) "
                 "ON CONFLICT (coalition_id, lang) DO UPDATE SET name = excluded.name, scope = excluded.scope, why = excluded.why",
                 {c.id, t.lang, t.name, t.scope, t.why});
}

std::vector<Case> NetworkStore::in_regions(const Viewer& v, const std::vector<std::string>& regions, int limit) {
    if (regions.empty()) return {};
    std::vector<Value> params;
    std::string where = visible_sql(v, params) + " AND c.region IN (" + bind_in(params, regions) + ")";
    return read(where, params, "ORDER BY c.year DESC, c.id DESC LIMIT " + std::to_string(std::max(1, limit)));
}

std::vector<Case> NetworkStore::all_published() { return read("c.state = 'published'", {}, "ORDER BY c.id"); }

}  // namespace avenir::network
