#include "modules/guide/guide_store.hpp"

#include <set>

#include "modules/guide/guide_search.hpp"

namespace avenir::guide {
namespace {
using storage::Value;

// Upserts rows that differ and deletes rows whose key is gone; returns the rows changed.
int upsert(storage::Transaction& tx, const std::string& sql, const std::vector<Value>& row) {
    return static_cast<int>(tx.exec(sql, row).affected);
}

}  // namespace

int GuideStore::save(const GuideContent& c) {
    int changed = 0;
    db_.with_tx([&](storage::Transaction& tx) {
        std::set<std::string> slugs, texts, langs;
        for (std::size_t i = 0; i < c.workshops.size(); ++i) {
            const Workshop& w = c.workshops[i];
            slugs.insert(w.slug);
            changed += upsert(tx,
                              "INSERT INTO guide_workshops (slug, version, status, structure, position) VALUES ($1, $2, $3, $4, $5) "
                              "ON CONFLICT (slug) DO UPDATE SET version = excluded.version, status = excluded.status, "
                              "structure = excluded.structure, position = excluded.position WHERE "
                              "guide_workshops.structure IS DISTINCT FROM excluded.structure OR "
                              "guide_workshops.position IS DISTINCT FROM excluded.position OR "
                              "guide_workshops.status IS DISTINCT FROM excluded.status OR guide_workshops.version IS DISTINCT FROM excluded.version",
                              {w.slug, std::int64_t{w.version}, w.status, structure_json(w).dump(), static_cast<std::int64_t>(i)});
            for (const auto& [lang, doc] : w.texts) {
                texts.insert(w.slug + "\x1f" + lang);
                changed += upsert(tx,
                                  "INSERT INTO guide_workshop_texts (workshop_slug, lang, doc) VALUES ($1, $2, $3) "
                                  "ON CONFLICT (workshop_slug, lang) DO UPDATE SET doc = excluded.doc "
                                  "WHERE guide_workshop_texts.doc IS DISTINCT FROM excluded.doc",
                                  {w.slug, lang, doc.dump()});
            }
        }
        for (const auto& [lang, title] : c.introduction.title) {
            langs.insert(lang);
            changed += upsert(tx,
                              "INSERT INTO guide_introduction (lang, title, body_md) VALUES ($1, $2, $3) ON CONFLICT (lang) DO UPDATE "
                              "SET title = excluded.title, body_md = excluded.body_md WHERE guide_introduction.title IS DISTINCT FROM "
                              "excluded.title OR guide_introduction.body_md IS DISTINCT FROM excluded.body_md",
                              {lang, title, c.introduction.body_md.at(lang)});
        }
        for (const auto& r : tx.exec("SELECT slug FROM guide_workshops").rows)
            if (!slugs.contains(r.get_text("slug"))) changed += upsert(tx, "DELETE FROM guide_workshops WHERE slug = $1", {r.get_text("slug")});
        for (const auto& r : tx.exec("SELECT workshop_slug, lang FROM guide_workshop_texts").rows)
            if (!texts.contains(r.get_text("workshop_slug") + "\x1f" + r.get_text("lang")))
                changed += upsert(tx, "DELETE FROM guide_workshop_texts WHERE workshop_slug = $1 AND lang = $2",
                                  {r.get_text("workshop_slug"), r.get_text("lang")});
        for (const auto& r : tx.exec("SELECT lang FROM guide_introduction").rows)
            if (!langs.contains(r.get_text("lang"))) changed += upsert(tx, "DELETE FROM guide_introduction WHERE lang = $1", {r.get_text("lang")});
        index_guide(tx, c);  // the platform search, in the same transaction
    });
    return changed;
}

void GuideStore::save_version(const Workshop& w, std::optional<std::int64_t> by, const std::string& note, std::int64_t now) {
    nlohmann::json texts = nlohmann::json::object();
    for (const auto& [lang, doc] : w.texts) texts[lang] = doc;
    db_.with_tx([&](storage::Transaction& tx) {
        const auto current = tx.exec("SELECT version, structure FROM guide_workshops WHERE slug = $1", {w.slug});
        if (current.empty() || current.at(0).get_int("version") + 1 != w.version)
            throw storage::UniqueViolation("the workshop was changed by someone else meanwhile");
        // The first edit of shipped content keeps the shipped version too, so history can diff it.
        if (tx.exec("SELECT 1 FROM guide_workshop_versions WHERE workshop_slug = $1 AND version = $2", {w.slug, current.at(0).get_int("version")}).empty()) {
            nlohmann::json before = nlohmann::json::object();
            for (const auto& r : tx.exec("SELECT lang, doc FROM guide_workshop_texts WHERE workshop_slug = $1", {w.slug}).rows)
                before[r.get_text("lang")] = nlohmann::json::parse(r.get_text("doc"));
            tx.exec("INSERT INTO guide_workshop_versions (workshop_slug, version, saved_at, saved_by, note, structure, texts) "
                    "VALUES ($1, $2, $3, NULL, 'shipped content', $4, $5)",
                    {w.slug, current.at(0).get_int("version"), now, current.at(0).get_text("structure"), before.dump()});
        }
        tx.exec("INSERT INTO guide_workshop_versions (workshop_slug, version, saved_at, saved_by, note, structure, texts) "
                "VALUES ($1, $2, $3, $4, $5, $6, $7)",
                {w.slug, std::int64_t{w.version}, now, by ? Value(*by) : Value(nullptr), note, structure_json(w).dump(), texts.dump()});
        tx.exec("UPDATE guide_workshops SET version = $1, status = $2, structure = $3 WHERE slug = $4",
                {std::int64_t{w.version}, w.status, structure_json(w).dump(), w.slug});
        for (const auto& [lang, doc] : w.texts)
            tx.exec("INSERT INTO guide_workshop_texts (workshop_slug, lang, doc) VALUES ($1, $2, $3) "
                    "ON CONFLICT (workshop_slug, lang) DO UPDATE SET doc = excluded.doc",
                    {w.slug, lang, doc.dump()});
        index_workshop(tx, w);
    });
}

std::vector<GuideStore::VersionInfo> GuideStore::versions(const std::string& slug) {
    std::vector<VersionInfo> out;
    for (const auto& r : db_.exec("SELECT version, saved_at, saved_by, note FROM guide_workshop_versions WHERE workshop_slug = $1 "
                                  "ORDER BY version DESC", {slug}))
        out.push_back({static_cast<int>(r.get_int("version")), r.get_int("saved_at"), r.get_opt_int("saved_by"), r.get_text("note")});
    return out;
}

std::optional<Workshop> GuideStore::version(const std::string& slug, int number) {
    const auto r = db_.exec("SELECT structure, texts FROM guide_workshop_versions WHERE workshop_slug = $1 AND version = $2",
                            {slug, std::int64_t{number}});
    if (r.empty()) return std::nullopt;
    Workshop w = from_structure_json(nlohmann::json::parse(r.at(0).get_text("structure")));
    const nlohmann::json texts = nlohmann::json::parse(r.at(0).get_text("texts"));  // items() must not outlive it
    for (const auto& [lang, doc] : texts.items()) w.texts[lang] = doc;
    return w;
}

GuideContent GuideStore::load() {
    GuideContent c;
    std::map<std::string, std::size_t> index;
    for (const auto& r : db_.exec("SELECT structure FROM guide_workshops ORDER BY position, slug").rows) {
        c.workshops.push_back(from_structure_json(nlohmann::json::parse(r.get_text("structure"))));
        index[c.workshops.back().slug] = c.workshops.size() - 1;
    }
    for (const auto& r : db_.exec("SELECT workshop_slug, lang, doc FROM guide_workshop_texts").rows)
        if (const auto it = index.find(r.get_text("workshop_slug")); it != index.end())
            c.workshops[it->second].texts[r.get_text("lang")] = nlohmann::json::parse(r.get_text("doc"));
    for (const auto& r : db_.exec("SELECT lang, title, body_md FROM guide_introduction").rows) {
        c.introduction.title[r.get_text("lang")] = r.get_text("title");
        c.introduction.body_md[r.get_text("lang")] = r.get_text("body_md");
    }
    return c;
}

}  // namespace avenir::guide
