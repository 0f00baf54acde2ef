// The library store: resources, their versions and files, listings.
#include "modules/library/library_store.hpp"

#include "modules/library/library_store_sql.hpp"

namespace avenir::library {
using namespace store_sql;  // the store's own helpers


std::int64_t LibraryStore::create(const Resource& r, std::optional<std::int64_t> created_by, std::int64_t now) {
    std::int64_t id = 0;
    Terms terms;
    collect_terms(r, terms);
    db_.with_tx([&](storage::Transaction& tx) {
        id = insert_resource(tx, r, created_by, now);
        record_terms(tx, terms);
    });
    return id;
}

std::vector<std::int64_t> LibraryStore::create_many(const std::vector<Resource>& rs, std::int64_t now) {
    std::vector<std::int64_t> ids;
    ids.reserve(rs.size());
    Terms terms;
    for (const auto& r : rs) collect_terms(r, terms);
    db_.with_tx([&](storage::Transaction& tx) {
        for (const auto& r : rs) ids.push_back(insert_resource(tx, r, std::nullopt, now));
        record_terms(tx, terms);
    });
    return ids;
}

void LibraryStore::update(const Resource& r, std::int64_t now) {
    Terms terms;
    collect_terms(r, terms);
    db_.with_tx([&](storage::Transaction& tx) {
        record_terms(tx, terms);
        const auto res = tx.exec(
            "UPDATE library_resources SET type = $2, published_on = $3, year = $4, publisher = $5, licence = $6, key_publication = $7, "
            "url = $8, duration_seconds = $9, audiences = $10, updated_at = $11, facets = $12, access = $13, gate = $14 WHERE id = $1",
            {r.id, r.type, r.date, std::int64_t{r.year()}, r.publisher, r.licence, std::int64_t{r.key_publication}, r.url,
             r.duration_seconds, join(r.audiences, ','), now, facet_tokens(r), r.access, r.gate});
        if (res.affected == 0) throw storage::DbError("library: no resource " + std::to_string(r.id));
        tx.exec("DELETE FROM library_resource_regions WHERE resource_id = $1", {r.id});
        tx.exec("DELETE FROM library_resource_themes WHERE resource_id = $1", {r.id});
        insert_children(tx, r.id, r);
        const std::string facets = facet_tokens(r);
        std::set<std::string> kept;
        for (const auto& v : r.versions) {
            kept.insert(v.lang);
            write_version(tx, r.id, v, facets, true);
        }
        for (const auto& row : tx.exec("SELECT lang FROM library_versions WHERE resource_id = $1", {r.id}).rows)
            if (!kept.contains(row.get_text("lang")))
                tx.exec("DELETE FROM library_versions WHERE resource_id = $1 AND lang = $2", {r.id, row.get_text("lang")});
    });
}

bool LibraryStore::remove(std::int64_t id) {
    return db_.exec("DELETE FROM library_resources WHERE id = $1", {id}).affected > 0;
}

std::optional<Resource> LibraryStore::get(std::int64_t id) {
    auto rs = load({id});
    if (rs.empty()) return std::nullopt;
    return std::move(rs.front());
}

std::vector<Resource> LibraryStore::load(const std::vector<std::int64_t>& ids) {
    if (ids.empty()) return {};
    std::vector<Value> params;
    const std::string in = bind_in(params, ids);
    std::unordered_map<std::int64_t, Resource> by_id;
    for (const auto& row : db_.exec("SELECT id, type, published_on, publisher, licence, key_publication, url, duration_seconds, audiences, "
                                    "created_at, updated_at, ref, facets, access, gate FROM library_resources WHERE id IN (" + in + ")", params)
                               .rows) {
        Resource r;
        r.id = row.get_int("id");
        r.type = row.get_text("type");
        r.date = row.get_text("published_on");
        r.publisher = row.get_text("publisher");
        r.licence = row.get_text("licence");
        r.key_publication = row.get_int("key_publication") != 0;
        r.url = row.get_text("url");
        r.duration_seconds = row.get_int("duration_seconds");
        r.audiences = split(row.get_text("audiences"), ',');
        r.created_at = row.get_int("created_at");
        r.updated_at = row.get_int("updated_at");
        r.ref = row.get_opt_text("ref").value_or("");
        r.access = row.get_text("access");
        r.gate = row.get_text("gate");
        // Regions and themes from the resource's own facet tokens: no query of their tables.
        regions_and_themes(row.get_text("facets"), r);
        by_id.emplace(r.id, std::move(r));
    }
    std::unordered_map<std::int64_t, std::pair<std::int64_t, std::size_t>> version_of;  // version id -> (resource, index)
    for (const auto& row : db_.exec("SELECT id, resource_id, lang, title, summary, body, transcript, url FROM library_versions "
                                    "WHERE resource_id IN (" + in + ") ORDER BY resource_id, id", params)
                               .rows) {
        Version v = to_version(row);
        auto& r = by_id[row.get_int("resource_id")];
        version_of[row.get_int("id")] = {r.id, r.versions.size()};
        r.versions.push_back(std::move(v));
    }
    for (const auto& row : db_.exec("SELECT f.id, f.version_id, f.role, f.hash, f.name, f.content_type, f.size FROM library_files f "
                                    "JOIN library_versions v ON v.id = f.version_id WHERE v.resource_id IN (" + in + ") ORDER BY f.id", params)
                               .rows) {
        const auto it = version_of.find(row.get_int("version_id"));
        if (it == version_of.end()) continue;
        by_id[it->second.first].versions[it->second.second].files.push_back(to_file(row));
    }
    std::vector<Resource> out;
    for (auto id : ids)
        if (auto it = by_id.find(id); it != by_id.end() && it->second.id == id && !it->second.versions.empty()) out.push_back(std::move(it->second));
    return out;
}

std::int64_t LibraryStore::add_file(std::int64_t resource_id, const std::string& lang, const FileRef& f, std::optional<std::int64_t> by,
                                    std::int64_t now) {
    std::int64_t id = 0;
    db_.with_tx([&](storage::Transaction& tx) {
        const auto v = tx.exec("SELECT id FROM library_versions WHERE resource_id = $1 AND lang = $2", {resource_id, lang}).first();
        if (!v) throw storage::DbError("library: no " + lang + " version of resource " + std::to_string(resource_id));
        id = tx.exec("INSERT INTO library_files (version_id, role, hash, name, content_type, size, uploaded_at, uploaded_by) "
                     "VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
                     {v->get_int("id"), f.role, f.hash, f.name, f.content_type, f.size, now, by ? Value(*by) : Value(nullptr)})
                 .at(0)
                 .get_int("id");
        tx.exec("UPDATE library_resources SET updated_at = $2 WHERE id = $1", {resource_id, now});
    });
    return id;
}

std::optional<FileRef> LibraryStore::file(std::int64_t resource_id, std::int64_t file_id) {
    const auto row = db_.exec("SELECT f.id, f.role, f.hash, f.name, f.content_type, f.size FROM library_files f JOIN library_versions v "
                              "ON v.id = f.version_id WHERE f.id = $1 AND v.resource_id = $2",
                              {file_id, resource_id})
                         .first();
    if (!row) return std::nullopt;
    return to_file(*row);
}

std::optional<std::string> LibraryStore::remove_file(std::int64_t resource_id, std::int64_t file_id) {
    std::optional<std::string> orphan;
    db_.with_tx([&](storage::Transaction& tx) {
        const auto row = tx.exec("SELECT f.hash FROM library_files f JOIN library_versions v ON v.id = f.version_id "
                                 "WHERE f.id = $1 AND v.resource_id = $2",
                                 {file_id, resource_id})
                             .first();
        if (!row) return;
        const std::string hash = row->get_text("hash");
        tx.exec("DELETE FROM library_files WHERE id = $1", {file_id});
        if (tx.exec("SELECT 1 FROM library_files WHERE hash = $1 LIMIT 1", {hash}).empty()) orphan = hash;
    });
    return orphan;
}

std::function<std::vector<std::string>(std::string_view, const std::string&)> LibraryStore::expander(
    const SearchQuery& q, const std::vector<std::string_view>& langs) {
    // The (language, raw word) pairs to expand, as language_match() will ask for them.
    std::vector<std::pair<std::string, std::string>> wanted;
    for (auto lang : langs)
        for (const auto& group : q.all)
            for (const auto& t : group) {
                if (!t.prefix) continue;
                std::string words;
                for (const auto& w : t.words) words += (words.empty() ? "" : " ") + w;
                for (auto& raw : analyze(lang, words, Analysis::Prefix))
                    if (raw.size() >= 3) wanted.emplace_back(std::string(lang), std::move(raw));  // "_" and one letter: too many words
            }
    auto found = std::make_shared<std::map<std::pair<std::string, std::string>, std::vector<std::string>>>();
    if (!wanted.empty()) {
        // One statement: for each pair, the word itself if known, then the words that extend it.
        std::vector<Value> params;
        std::string sql;
        for (const auto& [lang, raw] : wanted) {
            params.emplace_back(lang);
            params.emplace_back(raw);
            params.emplace_back(raw + "\xf4\x8f\xbf\xbf");
            const std::string n = std::to_string(params.size());
            sql += (sql.empty() ? "" : " UNION ALL ") + std::string("SELECT * FROM (SELECT lang, term FROM library_terms WHERE lang = $") +
                   std::to_string(params.size() - 2) + " AND term >= $" + std::to_string(params.size() - 1) + " AND term < $" + n +
                   " ORDER BY term LIMIT " + std::to_string(kPrefixTerms + 1) + ") AS x" + n;
        }
        // A row belongs to every pair of its language whose word it extends.
        std::map<std::pair<std::string, std::string>, std::vector<std::string>>& out = *found;
        for (const auto& row : db_.exec(sql, params).rows) {
            const std::string lang = row.get_text("lang"), term = row.get_text("term");
            for (const auto& [l, raw] : wanted)
                if (l == lang && term.starts_with(raw)) out[{l, raw}].push_back(term);
        }
        for (auto& [key, terms] : out) {
            std::sort(terms.begin(), terms.end());
            terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
            // A word the library knows is taken as finished: its stem already matches its other forms.
            if (!terms.empty() && terms.front() == key.second) terms.clear();
            else if (terms.size() > static_cast<std::size_t>(kPrefixTerms)) terms.resize(kPrefixTerms);
        }
    }
    return [found](std::string_view lang, const std::string& raw) {
        const auto it = found->find({std::string(lang), raw});
        return it == found->end() ? std::vector<std::string>{} : it->second;
    };
}

std::optional<std::int64_t> LibraryStore::id_of_ref(const std::string& ref) {
    if (auto row = db_.exec("SELECT id FROM library_resources WHERE ref = $1", {ref}).first()) return row->get_int("id");
    return std::nullopt;
}

std::vector<Resource> LibraryStore::by_refs(const std::vector<std::string>& refs) {
    if (refs.empty()) return {};
    std::vector<Value> params;
    const std::string in = bind_in(params, refs);
    std::vector<std::int64_t> ids;
    for (const auto& row : db_.exec("SELECT id FROM library_resources WHERE ref IN (" + in + ") ORDER BY id", params).rows)
        ids.push_back(row.get_int("id"));
    return load(ids);
}

std::int64_t LibraryStore::count() { return db_.exec("SELECT count(*) AS n FROM library_resources").at(0).get_int("n"); }

Page LibraryStore::browse(const Filters& f, int offset, int limit, bool key_first, bool with_facets) {
    Page page;
    std::vector<Value> params;
    const std::string where = filter_sql(f, params);
    std::vector<Value> p2 = params;
    p2.emplace_back(std::int64_t{limit});
    p2.emplace_back(std::int64_t{offset});
    std::vector<std::int64_t> ids;
    for (const auto& row : db_.exec("SELECT r.id FROM library_resources r WHERE " + where + " ORDER BY " +
                                        (key_first ? "r.key_publication DESC, " : "") + "r.published_on DESC, r.id DESC LIMIT $" +
                                        std::to_string(p2.size() - 1) + " OFFSET $" + std::to_string(p2.size()),
                                    p2)
                               .rows)
        ids.push_back(row.get_int("id"));
    for (auto& r : load(ids)) page.hits.push_back({std::move(r), "", "", "", 0});
    // The total and every facet's counts in one statement.
    std::string sql = "SELECT 'total' AS facet, '' AS k, count(*) AS n FROM library_resources r WHERE " + where;
    if (with_facets)
        sql += " UNION ALL SELECT 'region', x.region, count(*) FROM library_resource_regions x JOIN library_resources r ON r.id = x.resource_id "
               "WHERE " + where + " GROUP BY x.region"
               " UNION ALL SELECT 'theme', CAST(x.theme AS TEXT), count(*) FROM library_resource_themes x JOIN library_resources r ON r.id = "
               "x.resource_id WHERE " + where + " GROUP BY x.theme"
               " UNION ALL SELECT 'type', r.type, count(*) FROM library_resources r WHERE " + where + " GROUP BY r.type"
               " UNION ALL SELECT 'year', CAST(r.year AS TEXT), count(*) FROM library_resources r WHERE " + where + " GROUP BY r.year"
               " UNION ALL SELECT 'lang', x.lang, count(*) FROM library_versions x JOIN library_resources r ON r.id = x.resource_id WHERE " +
               where + " GROUP BY x.lang";
    for (const auto& row : db_.exec(sql, params).rows) {
        const std::string facet = row.get_text("facet");
        FacetCount c{row.get_text("k"), row.get_int("n")};
        if (facet == "total") page.total = c.count;
        else if (facet == "region") page.facets.region.push_back(std::move(c));
        else if (facet == "theme") page.facets.theme.push_back(std::move(c));
        else if (facet == "type") page.facets.type.push_back(std::move(c));
        else if (facet == "year") page.facets.year.push_back(std::move(c));
        else if (facet == "lang") page.facets.lang.push_back(std::move(c));
    }
    auto by_key = [](std::vector<FacetCount>& v, bool numeric, bool descending) {
        std::sort(v.begin(), v.end(), [&](const FacetCount& a, const FacetCount& b) {
            const bool less = numeric ? std::atoll(a.key.c_str()) < std::atoll(b.key.c_str()) : a.key < b.key;
            const bool greater = numeric ? std::atoll(a.key.c_str()) > std::atoll(b.key.c_str()) : a.key > b.key;
            return descending ? greater : less;
        });
    };
    by_key(page.facets.region, false, false);
    by_key(page.facets.theme, true, false);
    by_key(page.facets.type, false, false);
    by_key(page.facets.year, true, true);
    by_key(page.facets.lang, false, false);
    return page;
}

std::vector<Resource> LibraryStore::recent(const Filters& f, int limit) {
    std::vector<Value> params;
    const std::string where = filter_sql(f, params);
    params.emplace_back(std::int64_t{limit});
    std::vector<std::int64_t> ids;
    for (const auto& row : db_.exec("SELECT r.id FROM library_resources r WHERE " + where + " ORDER BY r.created_at DESC, r.id DESC LIMIT $" +
                                        std::to_string(params.size()),
                                    params)
                               .rows)
        ids.push_back(row.get_int("id"));
    return load(ids);
}

}  // namespace avenir::library
