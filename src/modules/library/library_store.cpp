#include "modules/library/library_store.hpp"

#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <sstream>
#include <unordered_map>

#include "core/search/analyzer.hpp"

namespace avenir::library {
namespace {
using storage::Dialect;
using storage::Value;

template <class Range>
int index_of(const Range& r, std::string_view v) {
    for (std::size_t i = 0; i < std::size(r); ++i)
        if (r[i] == v) return static_cast<int>(i);
    return -1;
}

std::string join(const std::vector<std::string>& v, char sep) {
    std::string out;
    for (const auto& s : v) out += (out.empty() ? "" : std::string(1, sep)) + s;
    return out;
}

std::vector<std::string> split(const std::string& s, char sep) {
    std::vector<std::string> out;
    std::string cur;
    std::istringstream in(s);
    while (std::getline(in, cur, sep))
        if (!cur.empty()) out.push_back(cur);
    return out;
}

// Facet tokens indexed with each version, so that facet filters are part of the full-text match:
// zr<region index>, zt<theme>, zy<type index>, zd<year>. They contain digits, which the
// tokenizer never stems.
std::string facet_tokens(const Resource& r) {
    std::string out;
    for (const auto& region : r.regions) out += "zr" + std::to_string(index_of(kRegions, region)) + " ";
    for (int t : r.themes) out += "zt" + std::to_string(t) + " ";
    out += "zy" + std::to_string(index_of(kTypes, r.type)) + " zd" + std::to_string(r.year());
    return out;
}

std::string in_list(std::vector<Value>& params, std::size_t n) {
    std::string out;
    for (std::size_t i = 0; i < n; ++i) out += (i ? ", $" : "$") + std::to_string(params.size() - n + i + 1);
    return out;
}

template <class T>
std::string bind_in(std::vector<Value>& params, const std::vector<T>& values) {
    for (const auto& v : values) {
        if constexpr (std::is_same_v<T, int>) params.emplace_back(std::int64_t{v});
        else params.emplace_back(v);
    }
    return in_list(params, values.size());
}

// WHERE conditions on library_resources r for the filters (browse and PostgreSQL search).
std::string filter_sql(const Filters& f, std::vector<Value>& params) {
    std::string where = "1 = 1";
    if (!f.regions.empty())
        where += " AND EXISTS (SELECT 1 FROM library_resource_regions x WHERE x.resource_id = r.id AND x.region IN (" +
                 bind_in(params, f.regions) + "))";
    if (!f.themes.empty())
        where += " AND EXISTS (SELECT 1 FROM library_resource_themes x WHERE x.resource_id = r.id AND x.theme IN (" +
                 bind_in(params, f.themes) + "))";
    if (!f.types.empty()) where += " AND r.type IN (" + bind_in(params, f.types) + ")";
    if (!f.years.empty()) where += " AND r.year IN (" + bind_in(params, f.years) + ")";
    if (!f.langs.empty())
        where += " AND EXISTS (SELECT 1 FROM library_versions x WHERE x.resource_id = r.id AND x.lang IN (" +
                 bind_in(params, f.langs) + "))";
    return where;
}

// Facet filters for the search on SQLite, read from the resource's own row (its facet tokens):
// no extra lookup per match, which matters when a rare facet value makes the search walk many
// matches.
std::string facet_row_filter(const Filters& f, std::vector<Value>& params) {
    std::string where = "1 = 1";
    auto tokens = [&](const std::vector<std::string>& values) {
        std::string g;
        for (const auto& v : values) {
            params.emplace_back(" " + v + " ");
            g += (g.empty() ? "" : " OR ") + ("instr(' ' || r.facets || ' ', $" + std::to_string(params.size()) + ") > 0");
        }
        where += " AND (" + g + ")";
    };
    if (!f.regions.empty()) {
        std::vector<std::string> t;
        for (const auto& r : f.regions) t.push_back("zr" + std::to_string(index_of(kRegions, r)));
        tokens(t);
    }
    if (!f.themes.empty()) {
        std::vector<std::string> t;
        for (int th : f.themes) t.push_back("zt" + std::to_string(th));
        tokens(t);
    }
    if (!f.types.empty()) where += " AND r.type IN (" + bind_in(params, f.types) + ")";
    if (!f.years.empty()) where += " AND r.year IN (" + bind_in(params, f.years) + ")";
    return where;
}

std::vector<std::string_view> search_languages(const Filters& f) {
    std::vector<std::string_view> out;
    for (auto l : kLanguages)
        if (f.langs.empty() || std::find(f.langs.begin(), f.langs.end(), l) != f.langs.end()) out.push_back(l);
    return out;
}

// Counts facet values over candidate hits, from their facet tokens and language.
struct FacetCounter {
    std::map<std::string, std::int64_t> region, theme, type, lang, year;
    void add(const std::string& facets, const std::string& langs) {
        for (const auto& tok : split(facets, ' ')) {
            if (tok.size() < 3) continue;
            const std::string v = tok.substr(2);
            const int n = std::atoi(v.c_str());
            if (tok.starts_with("zr") && n >= 0 && n < static_cast<int>(std::size(kRegions))) ++region[std::string(kRegions[n])];
            else if (tok.starts_with("zt")) ++theme[v];
            else if (tok.starts_with("zy") && n >= 0 && n < static_cast<int>(std::size(kTypes))) ++type[std::string(kTypes[n])];
            else if (tok.starts_with("zd")) ++year[v];
        }
        for (const auto& l : split(langs, ',')) ++lang[l];
    }
    static std::vector<FacetCount> list(const std::map<std::string, std::int64_t>& m) {
        std::vector<FacetCount> out;
        for (const auto& [k, n] : m) out.push_back({k, n});
        return out;
    }
    Facets facets() const { return {list(region), list(theme), list(type), list(lang), list(year)}; }
};

// Regions and themes back from facet tokens (zr<region index>, zt<theme>), sorted as stored lists are.
void regions_and_themes(const std::string& facets, Resource& r) {
    for (const auto& tok : split(facets, ' ')) {
        if (tok.size() < 3) continue;
        const int n = std::atoi(tok.c_str() + 2);
        if (tok.starts_with("zr") && n >= 0 && n < static_cast<int>(std::size(kRegions))) r.regions.emplace_back(kRegions[n]);
        else if (tok.starts_with("zt") && n > 0) r.themes.push_back(n);
    }
    std::sort(r.regions.begin(), r.regions.end());
    std::sort(r.themes.begin(), r.themes.end());
}

// A version from a row of library_versions (lang, title, summary, body, transcript, url).
Version to_version(const storage::Row& row) {
    Version v;
    v.lang = row.get_text("lang");
    v.title = row.get_text("title");
    v.summary = row.get_text("summary");
    v.body_md = row.get_text("body");
    v.transcript = row.get_text("transcript");
    v.url = row.get_text("url");
    return v;
}

FileRef to_file(const storage::Row& row) {
    return FileRef{row.get_int("id"), row.get_text("role"), row.get_text("hash"), row.get_text("name"), row.get_text("content_type"),
                   row.get_int("size")};
}

// A version's id names its resource and language, so a full-text match needs no lookup to know
// which resource it belongs to.
std::int64_t version_id(std::int64_t resource_id, const std::string& lang) { return resource_id * 4 + index_of(kLanguages, lang); }

// A version's PostgreSQL tsvector: titles weigh A, summaries B, bodies and transcripts C (as the
// SQLite rank's column weights).
std::string version_tsvector(const Version& v) {
    return search::tsvector_text(v.lang, {{v.title, 'A'}, {v.summary, 'B'}, {v.body_md, 'C'}, {v.transcript, 'C'}});
}

void insert_children(storage::Transaction& tx, std::int64_t id, const Resource& r) {
    for (const auto& region : r.regions)
        tx.exec("INSERT INTO library_resource_regions (resource_id, region) VALUES ($1, $2)", {id, region});
    for (int t : r.themes) tx.exec("INSERT INTO library_resource_themes (resource_id, theme) VALUES ($1, $2)", {id, std::int64_t{t}});
}

using Terms = std::set<std::pair<std::string, std::string>>;  // (lang, "_word")

// The full words of each version, for prefix expansion (no stemming, so cheap).
void collect_terms(const Resource& r, Terms& terms) {
    for (const auto& v : r.versions)
        for (auto& t : analyze(v.lang, v.title + " " + v.summary + " " + v.body_md + " " + v.transcript, Analysis::Prefix))
            if (t.size() <= 64) terms.emplace(v.lang, std::move(t));
}

void record_terms(storage::Transaction& tx, const Terms& terms) {
    for (const auto& [lang, term] : terms)
        tx.exec("INSERT INTO library_terms (lang, term) VALUES ($1, $2) ON CONFLICT DO NOTHING", {lang, term});
}

// Writes a version (insert, or update when `upsert`). On SQLite the FTS5 index follows by trigger;
// on PostgreSQL the version's tsvector is computed here by the same analyser and written with it.
void write_version(storage::Transaction& tx, std::int64_t resource_id, const Version& v, const std::string& facets, bool upsert) {
    std::vector<Value> params{version_id(resource_id, v.lang), resource_id, v.lang, v.title, v.summary, v.body_md, v.transcript, v.url, facets};
    const bool pg = tx.dialect() == Dialect::Postgres;
    std::string sql = "INSERT INTO library_versions (id, resource_id, lang, title, summary, body, transcript, url, facets";
    sql += pg ? ", tsv) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::tsvector)" : ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)";
    if (pg) params.emplace_back(version_tsvector(v));
    if (upsert)
        sql += " ON CONFLICT (resource_id, lang) DO UPDATE SET title = excluded.title, summary = excluded.summary, body = excluded.body, "
               "transcript = excluded.transcript, url = excluded.url, facets = excluded.facets" +
               std::string(pg ? ", tsv = excluded.tsv" : "");
    tx.exec(sql, params);
}

std::int64_t insert_resource(storage::Transaction& tx, const Resource& r, std::optional<std::int64_t> by, std::int64_t now) {
    const Value who = by ? Value(*by) : Value(nullptr);
    const std::int64_t id =
        tx.exec("INSERT INTO library_resources (type, published_on, year, publisher, licence, key_publication, url, duration_seconds, "
                "audiences, created_at, updated_at, created_by, facets, ref) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10, $11, $12, $13) "
                "RETURNING id",
                {r.type, r.date, std::int64_t{r.year()}, r.publisher, r.licence, std::int64_t{r.key_publication}, r.url,
                 r.duration_seconds, join(r.audiences, ','), now, who, facet_tokens(r), r.ref.empty() ? Value(nullptr) : Value(r.ref)})
            .at(0)
            .get_int("id");
    insert_children(tx, id, r);
    const std::string facets = facet_tokens(r);
    for (const auto& v : r.versions) write_version(tx, id, v, facets, false);
    return id;
}

}  // namespace

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
            "url = $8, duration_seconds = $9, audiences = $10, updated_at = $11, facets = $12 WHERE id = $1",
            {r.id, r.type, r.date, std::int64_t{r.year()}, r.publisher, r.licence, std::int64_t{r.key_publication}, r.url,
             r.duration_seconds, join(r.audiences, ','), now, facet_tokens(r)});
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
                                    "created_at, updated_at, ref, facets FROM library_resources WHERE id IN (" + in + ")", params)
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

// ---- search -------------------------------------------------------------------------------

namespace {

struct Candidate {
    std::int64_t version_id, resource_id;
    std::string lang, facets;
    double score;  // higher is better
};

// SQLite: one FTS5 query per language ($1.. its expression), each limited to its newest
// kRankWindow matches that pass the facet filters. FTS5 walks its index in rowid order (newest
// first) as the outer loop and each match's resource row is read by primary key (CROSS JOIN fixes
// that order), so the cost is bounded by the window, not by the size of the library.
// floors: per language, the placeholder of the smallest rowid to examine (0: no bound).
std::string sqlite_search_sql(const std::vector<std::string_view>& langs, const std::string& facet_where, const std::vector<std::size_t>& floors) {
    std::string sql = "WITH hits(version_id, score, facets) AS (";
    for (std::size_t i = 0; i < langs.size(); ++i) {
        const std::string t = "library_fts_" + std::string(langs[i]);
        const std::string floor = floors.empty() ? "" : " AND " + t + ".rowid >= $" + std::to_string(floors[i]);
        sql += (i ? " UNION ALL " : "") + std::string("SELECT * FROM (SELECT ") + t + ".rowid, avenir_rank(" + t + ", 10.0, 4.0, 1.0, 1.0, 0.0), r.facets FROM " +
               t + " CROSS JOIN library_resources AS r ON r.id = " + t + ".rowid / 4 WHERE " + t + " MATCH $" + std::to_string(i + 1) + floor +
               " AND " + facet_where + " ORDER BY " + t + ".rowid DESC LIMIT $" + std::to_string(langs.size() + 1) + ")";
    }
    // The resource and language come from the version id (resource * 4 + language).
    sql += ") SELECT version_id, version_id / 4 AS resource_id, version_id % 4 AS lang_index, facets, -score AS score FROM hits";
    return sql;
}



// The SQLite search's languages (those where the query has something to look for), parameters
// ($1.. the language's MATCH expression, then the window, then the facet filter's) and facet
// filter; false when no language has anything to look for.
bool sqlite_query(const SearchQuery& q, const Filters& f, const Expand& expand, std::vector<std::string_view>& langs,
                  std::vector<Value>& params, std::string& where) {
    for (auto lang : search_languages(f))
        if (auto m = fts5_match(q, lang, expand); !m.empty()) {
            langs.push_back(lang);
            params.emplace_back(std::move(m));
        }
    if (langs.empty()) return false;
    params.emplace_back(std::int64_t{LibraryStore::kRankWindow});
    where = facet_row_filter(f, params);
    return true;
}

}  // namespace

Page LibraryStore::search(const SearchQuery& q, const Filters& f, int offset, int limit) {
    Page page;
    if (q.empty()) return page;
    std::vector<Candidate> cands;
    if (db_.dialect() == Dialect::Sqlite) {
        std::vector<std::string_view> langs;
        std::vector<Value> params;
        std::string where;
        if (!sqlite_query(q, f, expander(q, search_languages(f)), langs, params, where)) return page;
        // With facet filters, only the newest kExamineWindow matches of each language are looked at:
        // a rare combination of filters would otherwise walk every match of a common word.
        std::vector<std::size_t> floors;
        if (!f.regions.empty() || !f.themes.empty() || !f.types.empty() || !f.years.empty()) {
            // Each language's floor in one statement: the rowid of its kExamineWindow-th newest match.
            std::string sql;
            std::vector<Value> fp;
            for (std::size_t i = 0; i < langs.size(); ++i) {
                const std::string t = "library_fts_" + std::string(langs[i]);
                fp.push_back(params[i]);
                sql += (i ? " UNION ALL " : "") + std::string("SELECT * FROM (SELECT ") + std::to_string(i) + " AS i, rowid AS floor FROM " + t +
                       " WHERE " + t + " MATCH $" + std::to_string(fp.size()) + " ORDER BY rowid DESC LIMIT 1 OFFSET " +
                       std::to_string(kExamineWindow - 1) + ")";
            }
            std::vector<std::int64_t> floor_of(langs.size(), 0);
            for (const auto& row : db_.exec(sql, fp).rows) {
                floor_of[static_cast<std::size_t>(row.get_int("i"))] = row.get_int("floor");
                page.truncated = true;
            }
            for (const auto floor : floor_of) {
                params.emplace_back(floor);
                floors.push_back(params.size());
            }
        }
        std::map<std::string, int> per_lang;
        for (const auto& row : db_.exec(sqlite_search_sql(langs, where, floors), params).rows) {
            cands.push_back({row.get_int("version_id"), row.get_int("resource_id"), std::string(kLanguages[row.get_int("lang_index")]),
                             row.get_text("facets"), row.get_double("score")});
            if (++per_lang[cands.back().lang] >= kRankWindow) page.truncated = true;
        }
    } else {
        // As on SQLite: per language, the newest kRankWindow matching versions that pass the
        // filters (the GIN index finds them; the rank is computed for those only), then ranked
        // with the query of every language.
        std::vector<Value> params;
        const auto [per_lang, any] = search::pg_match(q, search_languages(f), expander(q, search_languages(f)), "v", params);
        if (per_lang.empty()) return page;
        const std::string where = filter_sql(f, params);
        params.emplace_back(std::int64_t{kRankWindow});
        const std::string window = "$" + std::to_string(params.size());
        // The window carries ids only: a version's tsvector is read (and decompressed) for the
        // ranked rows alone, not for every match the index finds.
        std::string sql = "SELECT v.id, v.resource_id, v.lang, r.facets, ts_rank('{0.1, 0.2, 0.4, 1.0}', v.tsv, " + any +
                          ") AS score FROM (";
        for (std::size_t i = 0; i < per_lang.size(); ++i)
            sql += (i ? " UNION ALL " : "") + std::string("SELECT * FROM (SELECT v.id FROM library_versions v ") +
                   (where == "1 = 1" ? "WHERE " + per_lang[i] : "JOIN library_resources r ON r.id = v.resource_id WHERE " + per_lang[i] + " AND " + where) +
                   " ORDER BY v.id DESC LIMIT " + window + ") w" + std::to_string(i);
        sql += ") h JOIN library_versions v ON v.id = h.id JOIN library_resources r ON r.id = v.resource_id";
        std::map<std::string, int> counted;
        for (const auto& row : db_.exec(sql, params).rows) {
            cands.push_back({row.get_int("id"), row.get_int("resource_id"), row.get_text("lang"), row.get_text("facets"), row.get_double("score")});
            if (++counted[cands.back().lang] >= kRankWindow) page.truncated = true;
        }
    }
    // Best version per resource; facet counts per resource.
    std::unordered_map<std::int64_t, std::size_t> best;
    std::unordered_map<std::int64_t, std::string> langs_of;
    for (std::size_t i = 0; i < cands.size(); ++i) {
        auto [it, fresh] = best.emplace(cands[i].resource_id, i);
        if (!fresh && cands[i].score > cands[it->second].score) it->second = i;
        auto& l = langs_of[cands[i].resource_id];
        l += (l.empty() ? "" : ",") + cands[i].lang;
    }
    std::vector<std::size_t> order;
    FacetCounter counter;
    for (const auto& [rid, i] : best) {
        order.push_back(i);
        counter.add(cands[i].facets, langs_of[rid]);
    }
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        if (cands[a].score != cands[b].score) return cands[a].score > cands[b].score;
        return cands[a].resource_id > cands[b].resource_id;
    });
    page.total = static_cast<std::int64_t>(order.size());
    page.facets = counter.facets();
    std::vector<std::int64_t> ids;
    std::vector<std::size_t> shown;
    for (std::size_t k = static_cast<std::size_t>(std::max(0, offset)); k < order.size() && shown.size() < static_cast<std::size_t>(limit); ++k) {
        shown.push_back(order[k]);
        ids.push_back(cands[order[k]].resource_id);
    }
    auto resources = load(ids);
    std::unordered_map<std::int64_t, Resource*> by_id;
    for (auto& r : resources) by_id[r.id] = &r;
    std::map<std::string, Highlight> highlights;  // per language
    for (std::size_t i : shown) {
        const Candidate& c = cands[i];
        auto it = by_id.find(c.resource_id);
        if (it == by_id.end()) continue;
        Hit h{std::move(*it->second), c.lang, "", "", c.score};
        if (const Version* v = h.resource.version(c.lang)) {
            auto [hl, fresh] = highlights.try_emplace(c.lang);
            if (fresh) hl->second = highlight_terms(q, c.lang);
            h.snippet = highlight(c.lang, v->summary + "\n" + plain_text(v->body_md) + "\n" + v->transcript, hl->second);
            h.title_marked = search::mark(c.lang, v->title, hl->second);
        }
        page.hits.push_back(std::move(h));
    }
    return page;
}

std::int64_t LibraryStore::index_pending() {
    if (db_.dialect() != Dialect::Postgres) return 0;
    std::int64_t done = 0;
    for (;;) {
        const auto rows = db_.exec("SELECT id, lang, title, summary, body, transcript, url FROM library_versions WHERE tsv IS NULL ORDER BY id LIMIT 500").rows;
        if (rows.empty()) return done;
        db_.with_tx([&](storage::Transaction& tx) {
            Terms terms;
            for (const auto& row : rows) {
                Version v = to_version(row);
                tx.exec("UPDATE library_versions SET tsv = $2::tsvector WHERE id = $1", {row.get_int("id"), version_tsvector(v)});
                Resource r;
                r.versions.push_back(std::move(v));
                collect_terms(r, terms);
            }
            record_terms(tx, terms);
        });
        done += static_cast<std::int64_t>(rows.size());
    }
}

std::vector<std::string> LibraryStore::search_plan(const SearchQuery& q, const Filters& f) {
    std::vector<std::string> out;
    if (db_.dialect() != Dialect::Sqlite) return out;
    std::vector<std::string_view> langs;
    std::vector<Value> params;
    std::string where;
    if (!sqlite_query(q, f, expander(q, search_languages(f)), langs, params, where)) return out;
    std::vector<std::size_t> floors;
    for (std::size_t i = 0; i < langs.size(); ++i) {
        params.emplace_back(std::int64_t{0});
        floors.push_back(params.size());
    }
    for (const auto& row : db_.exec("EXPLAIN QUERY PLAN " + sqlite_search_sql(langs, where, floors), params).rows) out.push_back(row.get_text("detail"));
    return out;
}

}  // namespace avenir::library
