#include "modules/registry/registry_store.hpp"

#include <nlohmann/json.hpp>

#include "core/errors.hpp"
#include "storage/bind.hpp"

namespace avenir::registry {
using nlohmann::json;
using storage::Value;

namespace {

constexpr const char* kColumns =
    "e.id, e.union_id, e.region_slug, e.tier, e.example, e.version, e.name, e.lang, e.employer, e.sector, e.lifecycle, e.supplier, e.product, "
    "e.annex3_point, e.art5_practice, e.art26_notice, e.details, e.created_at, e.updated_at, "
    "(SELECT a.level FROM registry_assessments a WHERE a.entry_id = e.id ORDER BY a.assessed_at DESC, a.id DESC LIMIT 1) AS latest_level";

Entry entry_of(const storage::Row& r) {
    Entry e;
    e.id = r.get_int("id");
    e.union_id = r.get_int("union_id");
    e.region = r.get_text("region_slug");
    e.tier = r.get_text("tier");
    e.example = r.get_int("example") != 0;
    e.version = static_cast<int>(r.get_int("version"));
    const json details = json::parse(r.get_text("details"), nullptr, false);
    if (details.is_object())
        for (const auto& [k, v] : details.items())
            if (v.is_string()) e.values[k] = v.get<std::string>();
    for (const auto& f : fields())
        if (f.column) e.values[std::string(f.key)] = r.get_text(f.key);
    e.created_at = r.get_int("created_at");
    e.updated_at = r.get_int("updated_at");
    e.latest_level = static_cast<int>(r.get_opt_int("latest_level").value_or(0));
    return e;
}

// The `details` JSON of an entry: its values of fields without a column, non-empty ones only.
std::string details_of(const Entry& e) {
    json out = json::object();
    for (const auto& f : fields())
        if (!f.column)
            if (auto v = e.value(f.key); !v.empty()) out[std::string(f.key)] = v;
    return out.dump();
}

void log_change(storage::Executor& db, std::int64_t entry, std::optional<std::int64_t> by, std::int64_t now, const std::string& what) {
    db.exec("INSERT INTO registry_changes (entry_id, changed_at, changed_by, what) VALUES ($1, $2, $3, $4)", {entry, now, storage::nullable(by), what});
}

json ints_json(const std::map<std::string, std::vector<std::int64_t>>& m) {
    json out = json::object();
    for (const auto& [k, v] : m) out[k] = v;
    return out;
}

Assessment assessment_of(const storage::Row& r) {
    Assessment a;
    a.id = r.get_int("id");
    a.entry_id = r.get_int("entry_id");
    a.questionnaire = r.get_text("questionnaire");
    a.questionnaire_version = static_cast<int>(r.get_int("questionnaire_version"));
    const json answers = json::parse(r.get_text("answers"), nullptr, false);
    if (answers.is_object())
        for (const auto& [k, v] : answers.items())
            if (v.is_array())
                for (const auto& x : v)
                    if (x.is_string()) a.answers[k].push_back(x.get<std::string>());
    const json ev = json::parse(r.get_text("evidence"), nullptr, false);
    if (ev.is_object())
        for (const auto& [k, v] : ev.items())
            if (v.is_array())
                for (const auto& x : v)
                    if (x.is_number_integer()) a.evidence[k].push_back(x.get<std::int64_t>());
    a.raw = static_cast<int>(r.get_int("raw"));
    a.max_raw = static_cast<int>(r.get_int("max_raw"));
    a.mitigation = static_cast<int>(r.get_int("mitigation"));
    a.max_mitigation = static_cast<int>(r.get_int("max_mitigation"));
    a.current = r.get_double("current_score");
    a.percent = r.get_double("percent");
    a.level = static_cast<int>(r.get_int("level"));
    a.verdict = r.get_text("verdict");
    const json flags = json::parse(r.get_text("flags"), nullptr, false);
    if (flags.is_array())
        for (const auto& f : flags)
            if (f.is_string()) a.flags.push_back(f.get<std::string>());
    const json dims = json::parse(r.get_text("dimensions"), nullptr, false);
    if (dims.is_object())
        for (const auto& [k, v] : dims.items())
            if (v.is_number()) a.dimensions[k] = v.get<double>();
    a.by = r.get_opt_int("assessed_by");
    a.at = r.get_int("assessed_at");
    return a;
}

}  // namespace

std::int64_t RegistryStore::create(const Entry& e, std::optional<std::int64_t> by, std::int64_t now) {
    const auto id = db_.exec("INSERT INTO registry_entries (union_id, region_slug, tier, example, version, name, lang, employer, sector, lifecycle, "
                             "supplier, product, annex3_point, art5_practice, art26_notice, details, created_by, updated_by, created_at, updated_at) "
                             "VALUES ($1, $2, $3, $4, 1, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $16, $17, $17) RETURNING id",
                             {e.union_id, e.region, e.tier, std::int64_t{e.example ? 1 : 0}, e.value("name"), e.value("lang"), e.value("employer"),
                              e.value("sector"), e.value("lifecycle"), e.value("supplier"), e.value("product"), e.value("annex3_point"),
                              e.value("art5_practice"), e.value("art26_notice").empty() ? std::string("unknown") : e.value("art26_notice"),
                              details_of(e), storage::nullable(by), now})
                        .at(0)
                        .get_int("id");
    log_change(db_, id, by, now, "created:" + e.value("lifecycle"));
    return id;
}

int RegistryStore::save(const Entry& e, int seen_version, std::optional<std::int64_t> by, std::int64_t now) {
    const auto before = get(e.id);
    if (!before) throw NotFound("This entry does not exist (any more).");
    const auto changed = db_.exec(
        "UPDATE registry_entries SET tier = $1, name = $2, lang = $3, employer = $4, sector = $5, lifecycle = $6, supplier = $7, product = $8, "
        "annex3_point = $9, art5_practice = $10, art26_notice = $11, details = $12, version = version + 1, updated_by = $13, updated_at = $14 "
        "WHERE id = $15 AND version = $16 RETURNING version",
        {e.tier, e.value("name"), e.value("lang"), e.value("employer"), e.value("sector"), e.value("lifecycle"), e.value("supplier"), e.value("product"),
         e.value("annex3_point"), e.value("art5_practice"), e.value("art26_notice").empty() ? std::string("unknown") : e.value("art26_notice"),
         details_of(e), storage::nullable(by), now, e.id, std::int64_t{seen_version}});
    if (changed.rows.empty())
        throw Conflict("Someone else saved this entry in the meantime: reload it, then make your changes again.", "registry entry version conflict");
    if (before->value("lifecycle") != e.value("lifecycle"))
        log_change(db_, e.id, by, now, "lifecycle:" + before->value("lifecycle") + ">" + e.value("lifecycle"));
    if (before->tier != e.tier) log_change(db_, e.id, by, now, "tier:" + before->tier + ">" + e.tier);
    std::string keys;
    for (const auto& f : fields())
        if (f.key != "lifecycle" && before->value(f.key) != e.value(f.key)) keys += (keys.empty() ? "" : ",") + std::string(f.key);
    if (!keys.empty()) log_change(db_, e.id, by, now, "fields:" + keys);
    return static_cast<int>(changed.at(0).get_int("version"));
}

std::optional<Entry> RegistryStore::get(std::int64_t id) {
    const auto r = db_.exec(std::string("SELECT ") + kColumns + " FROM registry_entries e WHERE e.id = $1", {id});
    if (r.empty()) return std::nullopt;
    return entry_of(r.at(0));
}

std::vector<Entry> RegistryStore::list(const std::string& where, const std::vector<Value>& params, int limit, int offset) {
    std::vector<Value> p = params;
    p.emplace_back(std::int64_t{limit});
    p.emplace_back(std::int64_t{offset});
    const auto n = p.size();
    std::vector<Entry> out;
    for (const auto& r : db_.exec(std::string("SELECT ") + kColumns + " FROM registry_entries e WHERE " + where + " ORDER BY e.updated_at DESC, e.id DESC LIMIT $" +
                                      std::to_string(n - 1) + " OFFSET $" + std::to_string(n),
                                  p))
        out.push_back(entry_of(r));
    return out;
}

std::int64_t RegistryStore::count(const std::string& where, const std::vector<Value>& params) {
    return db_.exec("SELECT count(*) AS n FROM registry_entries e WHERE " + where, params).at(0).get_int("n");
}

RegistryStore::Tally RegistryStore::tally(const std::string& where, const std::vector<Value>& params) {
    const auto r = db_.exec("SELECT count(*) AS n, count(DISTINCT e.union_id) AS u FROM registry_entries e WHERE " + where, params).at(0);
    return {r.get_int("n"), r.get_int("u")};
}

std::string RegistryStore::about_product(const std::string& product, std::vector<Value>& params) {
    params.emplace_back(product);
    return " AND lower(e.product) = lower($" + std::to_string(params.size()) + ")";
}

void RegistryStore::remove(std::int64_t id) { db_.exec("DELETE FROM registry_entries WHERE id = $1", {id}); }

std::int64_t RegistryStore::add_evidence(const Evidence& ev, std::int64_t now) {
    return db_.exec("INSERT INTO registry_evidence (entry_id, field, side, body, source, said_on, confidence, supplied_by, created_at) "
                    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
                    {ev.entry_id, ev.field, ev.side, ev.text, ev.source, ev.date, ev.confidence, storage::nullable(ev.supplied_by), now})
        .at(0)
        .get_int("id");
}

std::vector<Evidence> RegistryStore::evidence(std::int64_t entry_id) {
    std::vector<Evidence> out;
    for (const auto& r : db_.exec("SELECT id, entry_id, field, side, body, source, said_on, confidence, supplied_by, created_at FROM registry_evidence "
                                  "WHERE entry_id = $1 ORDER BY field, side, created_at, id",
                                  {entry_id})) {
        Evidence ev;
        ev.id = r.get_int("id");
        ev.entry_id = r.get_int("entry_id");
        ev.field = r.get_text("field");
        ev.side = r.get_text("side");
        ev.text = r.get_text("body");
        ev.source = r.get_text("source");
        ev.date = r.get_text("said_on");
        ev.confidence = r.get_text("confidence");
        ev.supplied_by = r.get_opt_int("supplied_by");
        ev.created_at = r.get_int("created_at");
        out.push_back(std::move(ev));
    }
    return out;
}

bool RegistryStore::remove_evidence(std::int64_t entry_id, std::int64_t evidence_id) {
    return db_.exec("DELETE FROM registry_evidence WHERE id = $1 AND entry_id = $2", {evidence_id, entry_id}).affected > 0;
}

std::vector<Change> RegistryStore::changes(std::int64_t entry_id) {
    std::vector<Change> out;
    for (const auto& r : db_.exec("SELECT changed_at, changed_by, what FROM registry_changes WHERE entry_id = $1 ORDER BY changed_at, id", {entry_id}))
        out.push_back({r.get_int("changed_at"), r.get_opt_int("changed_by"), r.get_text("what")});
    return out;
}

bool RegistryStore::put_questionnaire(const std::string& slug, int version, const std::string& definition, std::optional<std::int64_t> by,
                                      std::int64_t now) {
    return db_.exec("INSERT INTO registry_questionnaires (slug, version, definition, created_by, created_at) VALUES ($1, $2, $3, $4, $5) "
                    "ON CONFLICT (slug, version) DO NOTHING",
                    {slug, std::int64_t{version}, definition, storage::nullable(by), now})
               .affected > 0;
}

std::optional<std::pair<int, std::string>> RegistryStore::questionnaire(const std::string& slug, int version) {
    const auto r = version > 0 ? db_.exec("SELECT version, definition FROM registry_questionnaires WHERE slug = $1 AND version = $2", {slug, std::int64_t{version}})
                               : db_.exec("SELECT version, definition FROM registry_questionnaires WHERE slug = $1 ORDER BY version DESC LIMIT 1", {slug});
    if (r.empty()) return std::nullopt;
    return std::make_pair(static_cast<int>(r.at(0).get_int("version")), r.at(0).get_text("definition"));
}

std::vector<RegistryStore::Stored> RegistryStore::questionnaires() {
    std::vector<Stored> out;
    for (const auto& r : db_.exec("SELECT q.slug, q.version, q.definition FROM registry_questionnaires q WHERE q.version = "
                                  "(SELECT max(v.version) FROM registry_questionnaires v WHERE v.slug = q.slug) ORDER BY q.slug"))
        out.push_back({r.get_text("slug"), static_cast<int>(r.get_int("version")), r.get_text("definition")});
    return out;
}

void RegistryStore::put_text(const std::string& slug, const std::string& body, std::int64_t now) {
    db_.exec("INSERT INTO registry_texts (slug, body, updated_at) VALUES ($1, $2, $3) ON CONFLICT (slug) DO UPDATE SET body = excluded.body, "
             "updated_at = excluded.updated_at",
             {slug, body, now});
}

std::optional<std::string> RegistryStore::text(const std::string& slug) {
    const auto r = db_.exec("SELECT body FROM registry_texts WHERE slug = $1", {slug});
    if (r.empty()) return std::nullopt;
    return r.at(0).get_text("body");
}

std::int64_t RegistryStore::add_assessment(const Assessment& a) {
    json answers = json::object();
    for (const auto& [k, v] : a.answers) answers[k] = v;
    return db_.exec("INSERT INTO registry_assessments (entry_id, questionnaire, questionnaire_version, answers, evidence, raw, max_raw, mitigation, "
                    "max_mitigation, current_score, percent, level, verdict, flags, dimensions, assessed_by, assessed_at) VALUES ($1, $2, $3, $4, $5, "
                    "$6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17) RETURNING id",
                    {a.entry_id, a.questionnaire, std::int64_t{a.questionnaire_version}, answers.dump(), ints_json(a.evidence).dump(),
                     std::int64_t{a.raw}, std::int64_t{a.max_raw}, std::int64_t{a.mitigation}, std::int64_t{a.max_mitigation}, a.current, a.percent,
                     std::int64_t{a.level}, a.verdict, json(a.flags).dump(), json(a.dimensions).dump(), storage::nullable(a.by), a.at})
        .at(0)
        .get_int("id");
}

std::vector<Assessment> RegistryStore::assessments(std::int64_t entry_id) {
    std::vector<Assessment> out;
    for (const auto& r : db_.exec("SELECT id, entry_id, questionnaire, questionnaire_version, answers, evidence, raw, max_raw, mitigation, max_mitigation, "
                                  "current_score, percent, level, verdict, flags, dimensions, assessed_by, assessed_at FROM registry_assessments "
                                  "WHERE entry_id = $1 ORDER BY assessed_at DESC, id DESC",
                                  {entry_id}))
        out.push_back(assessment_of(r));
    return out;
}

}  // namespace avenir::registry
