#include "modules/bargaining/bargaining_store.hpp"

#include <algorithm>
#include <map>

#include <nlohmann/json.hpp>

#include "core/text/list.hpp"
#include "storage/bind.hpp"

namespace avenir::bargaining {
using storage::Value;
using nlohmann::json;

namespace {

constexpr const char* kColumns =
    "k.id, k.slug, k.version, k.status, k.kind, k.lang, k.topic, k.subtopic, k.family, k.ladder, k.won, k.legal_basis, k.related, "
    "k.placeholders, k.parties, k.level, k.country, k.region, k.sector, k.employer_type, k.hide_employer, k.signed_on, k.expires_on, "
    "k.workers_covered, k.binding, k.article_ref, k.document_url, k.access, k.union_id, k.model, k.model_position, k.illustrative, "
    "k.contributor_id, k.credit, k.created_at, k.updated_at, k.published_at, k.consented_access, k.review_note";

std::string placeholders_json(const std::vector<Placeholder>& ps) {
    json out = json::array();
    for (const auto& p : ps) out.push_back({{"name", p.name}, {"type", p.type}, {"default", p.fallback}});
    return out.dump();
}

std::vector<Placeholder> placeholders_of(const std::string& text) {
    std::vector<Placeholder> out;
    const json j = json::parse(text, nullptr, false);
    if (!j.is_array()) return out;
    for (const auto& p : j) out.push_back({p.value("name", ""), p.value("type", "text"), p.value("default", "")});
    return out;
}

Clause to_clause(const storage::Row& r) {
    Clause c;
    c.id = r.get_int("id");
    c.slug = r.get_text("slug");
    c.version = static_cast<int>(r.get_int("version"));
    c.status = r.get_text("status");
    c.kind = r.get_text("kind");
    c.lang = r.get_text("lang");
    c.topic = r.get_text("topic");
    c.subtopic = r.get_text("subtopic");
    c.family = r.get_text("family");
    c.ladder = r.get_text("ladder");
    c.won = r.get_int("won") != 0;
    c.legal_basis = r.get_text("legal_basis");
    c.related = text::split_list(r.get_text("related"));
    c.placeholders = placeholders_of(r.get_text("placeholders"));
    c.parties = r.get_text("parties");
    c.level = r.get_text("level");
    c.country = r.get_text("country");
    c.region = r.get_text("region");
    c.sector = r.get_text("sector");
    c.employer_type = r.get_text("employer_type");
    c.hide_employer = r.get_int("hide_employer") != 0;
    c.signed_on = r.get_text("signed_on");
    c.expires_on = r.get_text("expires_on");
    c.workers_covered = r.get_opt_int("workers_covered");
    if (const auto b = r.get_opt_int("binding")) c.binding = *b != 0;
    c.article_ref = r.get_text("article_ref");
    c.document_url = r.get_text("document_url");
    c.access = r.get_text("access");
    c.union_id = r.get_opt_int("union_id");
    c.model = r.get_text("model");
    c.model_position = static_cast<int>(r.get_int("model_position"));
    c.illustrative = r.get_int("illustrative") != 0;
    c.contributor_id = r.get_opt_int("contributor_id");
    c.credit = r.get_int("credit") != 0;
    c.created_at = r.get_int("created_at");
    c.updated_at = r.get_int("updated_at");
    c.published_at = r.get_opt_int("published_at");
    c.consented_access = r.get_text("consented_access");
    c.review_note = r.get_text("review_note");
    return c;
}

Value opt_bool(const std::optional<bool>& b) { return b ? Value(std::int64_t{*b ? 1 : 0}) : Value(nullptr); }

// The values of every column but id and created_at, in the order of kWritten.
constexpr const char* kWritten =
    "slug, version, status, kind, lang, topic, subtopic, family, ladder, won, legal_basis, related, placeholders, parties, level, country, "
    "region, sector, employer_type, hide_employer, signed_on, expires_on, workers_covered, binding, article_ref, document_url, access, "
    "union_id, model, model_position, illustrative, contributor_id, credit, updated_at, published_at, consented_access, review_note";

std::vector<Value> written(const Clause& c, std::int64_t now) {
    return {c.slug, std::int64_t{c.version}, c.status, c.kind, c.lang, c.topic, c.subtopic, c.family, c.ladder, std::int64_t{c.won},
            c.legal_basis, text::join_list(c.related), placeholders_json(c.placeholders), c.parties, c.level, c.country, c.region, c.sector,
            c.employer_type, std::int64_t{c.hide_employer}, c.signed_on, c.expires_on, storage::nullable(c.workers_covered), opt_bool(c.binding),
            c.article_ref, c.document_url, c.access, storage::nullable(c.union_id), c.model, std::int64_t{c.model_position},
            std::int64_t{c.illustrative}, storage::nullable(c.contributor_id), std::int64_t{c.credit}, now,
            c.published_at ? Value(*c.published_at) : (c.status == "published" ? Value(now) : Value(nullptr)), c.consented_access, c.review_note};
}

}  // namespace

void BargainingStore::put_topic(const Topic& t) {
    db_.exec("INSERT INTO bargaining_topics (slug, position, workshops) VALUES ($1, $2, $3) ON CONFLICT (slug) DO UPDATE SET "
             "position = excluded.position, workshops = excluded.workshops",
             {t.slug, std::int64_t{t.position}, text::join_list(t.workshops)});
    db_.exec("DELETE FROM bargaining_topic_texts WHERE topic = $1", {t.slug});
    db_.exec("DELETE FROM bargaining_subtopics WHERE topic = $1", {t.slug});
    for (const auto& [lang, x] : t.texts)
        db_.exec("INSERT INTO bargaining_topic_texts (topic, lang, name, commentary, why) VALUES ($1, $2, $3, $4, $5)",
                 {t.slug, lang, x.name, x.commentary, x.why});
    std::int64_t position = 0;
    for (const auto& s : t.subtopics)
        db_.exec("INSERT INTO bargaining_subtopics (topic, slug, position, names) VALUES ($1, $2, $3, $4)",
                 {t.slug, s.slug, ++position, json(s.names).dump()});
}

std::vector<Topic> BargainingStore::topics() {
    std::vector<Topic> out;
    std::map<std::string, std::size_t> at;
    for (const auto& r : db_.exec("SELECT slug, position, workshops FROM bargaining_topics ORDER BY position, slug")) {
        at[r.get_text("slug")] = out.size();
        out.push_back({r.get_text("slug"), static_cast<int>(r.get_int("position")), text::split_list(r.get_text("workshops")), {}, {}});
    }
    for (const auto& r : db_.exec("SELECT topic, lang, name, commentary, why FROM bargaining_topic_texts"))
        if (const auto i = at.find(r.get_text("topic")); i != at.end())
            out[i->second].texts[r.get_text("lang")] = {r.get_text("name"), r.get_text("commentary"), r.get_text("why")};
    for (const auto& r : db_.exec("SELECT topic, slug, names FROM bargaining_subtopics ORDER BY topic, position"))
        if (const auto i = at.find(r.get_text("topic")); i != at.end()) {
            Subtopic s{r.get_text("slug"), {}};
            const json names = json::parse(r.get_text("names"), nullptr, false);
            if (names.is_object())
                for (const auto& [lang, name] : names.items())
                    if (name.is_string()) s.names[lang] = name.get<std::string>();
            out[i->second].subtopics.push_back(std::move(s));
        }
    return out;
}

void BargainingStore::write_children(std::int64_t id, const Clause& c) {
    db_.exec("DELETE FROM bargaining_clause_texts WHERE clause_id = $1", {id});
    db_.exec("DELETE FROM bargaining_clause_tags WHERE clause_id = $1", {id});
    for (const auto& t : c.texts)
        db_.exec("INSERT INTO bargaining_clause_texts (clause_id, lang, title, body, summary, why, enforcement, translated_from) "
                 "VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                 {id, t.lang, t.title, t.body, t.summary, t.why, t.enforcement,
                  t.translated_from ? Value(*t.translated_from) : Value(nullptr)});
    const std::pair<const char*, const std::vector<std::string>*> tags[] = {
        {"mechanism", &c.mechanisms}, {"lifecycle", &c.lifecycle}, {"technology", &c.technologies}, {"sector", &c.sectors}};
    for (const auto& [kind, values] : tags)
        for (const auto& v : *values) db_.exec("INSERT INTO bargaining_clause_tags (clause_id, kind, value) VALUES ($1, $2, $3)", {id, kind, v});
}

std::int64_t BargainingStore::create(const Clause& c, std::int64_t now) {
    auto params = written(c, now);
    params.emplace_back(now);
    std::string values;
    for (std::size_t i = 1; i <= params.size(); ++i) values += (i > 1 ? ", $" : "$") + std::to_string(i);
    const auto id = db_.exec(std::string("INSERT INTO bargaining_clauses (") + kWritten + ", created_at) VALUES (" + values + ") RETURNING id", params)
                        .at(0)
                        .get_int("id");
    write_children(id, c);
    return id;
}

void BargainingStore::update(const Clause& changed, std::int64_t now) {
    Clause c = changed;
    if (const auto before = get(c.id)) {
        const auto* old_source = before->text(before->lang);
        const auto* new_source = c.text(c.lang);
        if (old_source && new_source && (old_source->body != new_source->body || before->lang != c.lang)) c.version = before->version + 1;
        else c.version = before->version;
    }
    auto params = written(c, now);
    std::string sets;
    std::size_t i = 0;
    for (const auto& column : text::split_list(kWritten)) {
        const auto name = column.substr(column.find_first_not_of(' '));
        if (i++) sets += ", ";
        sets += name + " = $" + std::to_string(i);
    }
    params.emplace_back(c.id);
    db_.exec("UPDATE bargaining_clauses SET " + sets + " WHERE id = $" + std::to_string(params.size()), params);
    write_children(c.id, c);
}

std::vector<Clause> BargainingStore::read(const std::string& where, const std::vector<Value>& params, const std::string& tail) {
    std::vector<Clause> out;
    for (const auto& r : db_.exec(std::string("SELECT ") + kColumns + " FROM bargaining_clauses k WHERE " + where + " " + tail, params))
        out.push_back(to_clause(r));
    if (out.empty()) return out;
    std::map<std::int64_t, std::size_t> at;
    std::vector<std::int64_t> ids;
    for (std::size_t i = 0; i < out.size(); ++i) {
        at[out[i].id] = i;
        ids.push_back(out[i].id);
    }
    std::vector<Value> in_params;
    const std::string in = storage::bind_in(in_params, ids);
    for (const auto& r : db_.exec("SELECT clause_id, lang, title, body, summary, why, enforcement, translated_from FROM bargaining_clause_texts "
                                  "WHERE clause_id IN (" + in + ") ORDER BY clause_id, lang",
                                  in_params))
        out[at[r.get_int("clause_id")]].texts.push_back({r.get_text("lang"), r.get_text("title"), r.get_text("body"), r.get_text("summary"),
                                                         r.get_text("why"), r.get_text("enforcement"), r.get_opt_text("translated_from")});
    for (const auto& r : db_.exec("SELECT clause_id, kind, value FROM bargaining_clause_tags WHERE clause_id IN (" + in + ") ORDER BY clause_id, kind, value",
                                  in_params)) {
        Clause& c = out[at[r.get_int("clause_id")]];
        const std::string kind = r.get_text("kind");
        auto& list = kind == "mechanism" ? c.mechanisms : kind == "lifecycle" ? c.lifecycle : kind == "technology" ? c.technologies : c.sectors;
        list.push_back(r.get_text("value"));
    }
    // The authoritative text first.
    for (auto& c : out)
        std::stable_partition(c.texts.begin(), c.texts.end(), [&](const ClauseText& t) { return t.lang == c.lang; });
    return out;
}

std::optional<Clause> BargainingStore::get(std::int64_t id) {
    auto v = read("k.id = $1", {id});
    if (v.empty()) return std::nullopt;
    return std::move(v.front());
}

std::optional<Clause> BargainingStore::by_slug(const std::string& slug) {
    auto v = read("k.slug = $1", {slug});
    if (v.empty()) return std::nullopt;
    return std::move(v.front());
}

std::int64_t BargainingStore::count_published() {
    return db_.exec("SELECT count(*) AS n FROM bargaining_clauses WHERE status = 'published'").at(0).get_int("n");
}

std::vector<std::string> BargainingStore::technologies() {
    std::vector<std::string> out;
    for (const auto& r : db_.exec("SELECT DISTINCT t.value FROM bargaining_clause_tags t JOIN bargaining_clauses k ON k.id = t.clause_id "
                                  "WHERE t.kind = 'technology' AND k.status = 'published' AND k.access = 'public' ORDER BY t.value"))
        out.push_back(r.get_text("value"));
    return out;
}

void BargainingStore::put_model(const Model& m, std::int64_t now) {
    json texts = json::object();
    for (const auto& [lang, t] : m.texts) texts[lang] = {{"title", t.first}, {"summary", t.second}};
    db_.exec("INSERT INTO bargaining_models (slug, texts, illustrative, updated_at) VALUES ($1, $2, $3, $4) ON CONFLICT (slug) DO UPDATE SET "
             "texts = excluded.texts, illustrative = excluded.illustrative, updated_at = excluded.updated_at",
             {m.slug, texts.dump(), std::int64_t{m.illustrative}, now});
}

std::vector<Model> BargainingStore::models() {
    std::vector<Model> out;
    for (const auto& r : db_.exec("SELECT slug, texts, illustrative FROM bargaining_models ORDER BY slug")) {
        Model m{r.get_text("slug"), {}, r.get_int("illustrative") != 0};
        const json texts = json::parse(r.get_text("texts"), nullptr, false);
        if (texts.is_object())
            for (const auto& [lang, t] : texts.items()) m.texts[lang] = {t.value("title", ""), t.value("summary", "")};
        out.push_back(std::move(m));
    }
    return out;
}

}  // namespace avenir::bargaining
