#pragma once
// The library store's shared SQL helpers (facet tokens, filters, row mapping, index terms), for
// library_store.cpp, library_store_search.cpp and the store's own test only: nothing else includes this.
#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <sstream>
#include <unordered_map>

#include "core/search/analyzer.hpp"
#include "modules/library/library_store.hpp"
#include "storage/bind.hpp"

namespace avenir::library::store_sql {
using storage::Dialect;
using storage::Value;

template <class Range>
inline int index_of(const Range& r, std::string_view v) {
    for (std::size_t i = 0; i < std::size(r); ++i)
        if (r[i] == v) return static_cast<int>(i);
    return -1;
}

inline std::string join(const std::vector<std::string>& v, char sep) {
    std::string out;
    for (const auto& s : v) out += (out.empty() ? "" : std::string(1, sep)) + s;
    return out;
}

inline std::vector<std::string> split(const std::string& s, char sep) {
    std::vector<std::string> out;
    std::string cur;
    std::istringstream in(s);
    while (std::getline(in, cur, sep))
        if (!cur.empty()) out.push_back(cur);
    return out;
}

// The token that marks a resource which is not public: searches drop its matches before counting.
inline constexpr std::string_view kUnlistedToken = "zq1";

// Facet tokens indexed with each version, so that facet filters are part of the full-text match:
// zr<region index>, zt<theme>, zy<type index>, zd<year>. They contain digits, which the
// tokenizer never stems.
inline std::string facet_tokens(const Resource& r) {
    std::string out;
    for (const auto& region : r.regions) out += "zr" + std::to_string(index_of(kRegions, region)) + " ";
    for (int t : r.themes) out += "zt" + std::to_string(t) + " ";
    out += "zy" + std::to_string(index_of(kTypes, r.type)) + " zd" + std::to_string(r.year());
    if (!r.is_public()) out += " " + std::string(kUnlistedToken);  // left out of searches (LibraryStore::search)
    return out;
}

using storage::bind_in;

// WHERE conditions on library_resources r for the filters (browse and PostgreSQL search).
inline std::string filter_sql(const Filters& f, std::vector<Value>& params) {
    std::string where = "r.access = 'public'";  // the others open by address only
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

// The facet filters as groups of facet tokens, one group per filtered facet (AND-ed; its values
// OR-ed). A group is empty when none of its values is known: it must match nothing.
inline std::vector<std::vector<std::string>> facet_groups(const Filters& f) {
    std::vector<std::vector<std::string>> out;
    if (!f.regions.empty()) {
        auto& g = out.emplace_back();
        for (const auto& r : f.regions)
            if (index_of(kRegions, r) >= 0) g.push_back("zr" + std::to_string(index_of(kRegions, r)));
    }
    if (!f.themes.empty()) {
        auto& g = out.emplace_back();
        for (int th : f.themes) g.push_back("zt" + std::to_string(th));
    }
    if (!f.types.empty()) {
        auto& g = out.emplace_back();
        for (const auto& ty : f.types)
            if (index_of(kTypes, ty) >= 0) g.push_back("zy" + std::to_string(index_of(kTypes, ty)));
    }
    if (!f.years.empty()) {
        auto& g = out.emplace_back();
        for (int y : f.years) g.push_back("zd" + std::to_string(y));
    }
    return out;
}

// Facet filters for the search on SQLite, as part of the full-text match: each group is
// "facets : (zr1 OR zr3)" on the versions' facet tokens, so FTS5 skips along the tokens' doclists
// instead of reading every match's resource row ("" when there is no facet filter; "znone" is
// never indexed).
inline std::string fts_facets(const Filters& f) {
    std::string out;
    for (const auto& tokens : facet_groups(f)) {
        std::string g;
        for (const auto& t : tokens) g += (g.empty() ? "" : " OR ") + ("\"" + t + "\"");
        out += (out.empty() ? "" : " AND ") + ("facets : (" + (g.empty() ? std::string("\"znone\"") : g) + ")");
    }
    return out;
}

inline std::vector<std::string_view> search_languages(const Filters& f) {
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
inline void regions_and_themes(const std::string& facets, Resource& r) {
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
inline Version to_version(const storage::Row& row) {
    Version v;
    v.lang = row.get_text("lang");
    v.title = row.get_text("title");
    v.summary = row.get_text("summary");
    v.body_md = row.get_text("body");
    v.transcript = row.get_text("transcript");
    v.url = row.get_text("url");
    return v;
}

inline FileRef to_file(const storage::Row& row) {
    return FileRef{row.get_int("id"), row.get_text("role"), row.get_text("hash"), row.get_text("name"), row.get_text("content_type"),
                   row.get_int("size")};
}

// A version's id names its resource and language, so a full-text match needs no lookup to know
// which resource it belongs to.
inline std::int64_t version_id(std::int64_t resource_id, const std::string& lang) { return resource_id * 4 + index_of(kLanguages, lang); }

// PostgreSQL: versions fall into slices of their resources' ids (newest: highest number), so that
// a search can ask the GIN index for the newest matches first instead of fetching every match of a
// common word. Each version's tsvector carries marker lexemes, never produced by the analyser (they
// start with '~'): its fine slice (1,024 resources) and coarse slice (64 fine ones) and its facet
// tokens. Each language has its own GIN index (partial, on lang), so a word of one language costs
// nothing in the others.
constexpr int kSliceShift = 10, kCoarseShift = 6;
inline std::string marker_lexeme(std::string_view token) { return "~" + std::string(token); }

// The marker lexemes, OR-ed, covering the fine slices lo..hi: whole coarse slices where they fit,
// fine ones at the edges (at most 126 + the coarse ones).
inline std::string slice_cover(std::int64_t lo, std::int64_t hi) {
    constexpr std::int64_t per = std::int64_t{1} << kCoarseShift;
    std::string out;
    for (std::int64_t s = hi; s >= lo;) {
        const bool whole = (s + 1) % per == 0 && s - per + 1 >= lo;
        out += (out.empty() ? "" : " | ") + search::pg_lexeme(marker_lexeme((whole ? "c" : "s") + std::to_string(whole ? s / per : s)));
        s -= whole ? per : 1;
    }
    return out;
}

// A version's PostgreSQL tsvector: titles weigh A, summaries B, bodies and transcripts C (as the
// SQLite rank's column weights), then the marker lexemes (no position: they never rank).
inline std::string version_tsvector(std::int64_t resource_id, const Version& v, const std::string& facets) {
    std::string out = search::tsvector_text(v.lang, {{v.title, 'A'}, {v.summary, 'B'}, {v.body_md, 'C'}, {v.transcript, 'C'}});
    for (const auto& m : {"s" + std::to_string(resource_id >> kSliceShift), "c" + std::to_string(resource_id >> (kSliceShift + kCoarseShift))})
        out += (out.empty() ? "" : " ") + search::pg_lexeme(marker_lexeme(m));
    for (const auto& tok : split(facets, ' ')) out += " " + search::pg_lexeme(marker_lexeme(tok));
    return out;
}

// The facet filters as a tsquery on the marker lexemes ("" when none; '~znone' is never indexed).
inline std::string pg_facets(const Filters& f) {
    std::string out;
    for (const auto& tokens : facet_groups(f)) {
        std::string g;
        for (const auto& t : tokens) g += (g.empty() ? "" : " | ") + search::pg_lexeme(marker_lexeme(t));
        out += (out.empty() ? "" : " & ") + ("(" + (g.empty() ? search::pg_lexeme(marker_lexeme("znone")) : g) + ")");
    }
    return out;
}

inline void insert_children(storage::Transaction& tx, std::int64_t id, const Resource& r) {
    for (const auto& region : r.regions)
        tx.exec("INSERT INTO library_resource_regions (resource_id, region) VALUES ($1, $2)", {id, region});
    for (int t : r.themes) tx.exec("INSERT INTO library_resource_themes (resource_id, theme) VALUES ($1, $2)", {id, std::int64_t{t}});
}

using Terms = std::set<std::pair<std::string, std::string>>;  // (lang, "_word")

// The full words of each version, for prefix expansion (no stemming, so cheap).
inline void collect_terms(const Resource& r, Terms& terms) {
    for (const auto& v : r.versions)
        for (auto& t : analyze(v.lang, v.title + " " + v.summary + " " + v.body_md + " " + v.transcript, Analysis::Prefix))
            if (t.size() <= 64) terms.emplace(v.lang, std::move(t));
}

inline void record_terms(storage::Transaction& tx, const Terms& terms) {
    for (const auto& [lang, term] : terms)
        tx.exec("INSERT INTO library_terms (lang, term) VALUES ($1, $2) ON CONFLICT DO NOTHING", {lang, term});
}

// Writes a version (insert, or update when `upsert`). On SQLite the FTS5 index follows by trigger;
// on PostgreSQL the version's tsvector is computed here by the same analyser and written with it.
inline void write_version(storage::Transaction& tx, std::int64_t resource_id, const Version& v, const std::string& facets, bool upsert) {
    std::vector<Value> params{version_id(resource_id, v.lang), resource_id, v.lang, v.title, v.summary, v.body_md, v.transcript, v.url, facets};
    const bool pg = tx.dialect() == Dialect::Postgres;
    std::string sql = "INSERT INTO library_versions (id, resource_id, lang, title, summary, body, transcript, url, facets";
    sql += pg ? ", tsv) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::tsvector)" : ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)";
    if (pg) params.emplace_back(version_tsvector(resource_id, v, facets));
    if (upsert)
        sql += " ON CONFLICT (resource_id, lang) DO UPDATE SET title = excluded.title, summary = excluded.summary, body = excluded.body, "
               "transcript = excluded.transcript, url = excluded.url, facets = excluded.facets" +
               std::string(pg ? ", tsv = excluded.tsv" : "");
    tx.exec(sql, params);
}

inline std::int64_t insert_resource(storage::Transaction& tx, const Resource& r, std::optional<std::int64_t> by, std::int64_t now) {
    const Value who = by ? Value(*by) : Value(nullptr);
    const std::int64_t id =
        tx.exec("INSERT INTO library_resources (type, published_on, year, publisher, licence, key_publication, url, duration_seconds, "
                "audiences, created_at, updated_at, created_by, facets, ref, access, gate) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10, $11, $12, "
                "$13, $14, $15) RETURNING id",
                {r.type, r.date, std::int64_t{r.year()}, r.publisher, r.licence, std::int64_t{r.key_publication}, r.url,
                 r.duration_seconds, join(r.audiences, ','), now, who, facet_tokens(r), r.ref.empty() ? Value(nullptr) : Value(r.ref),
                 r.access, r.gate})
            .at(0)
            .get_int("id");
    insert_children(tx, id, r);
    const std::string facets = facet_tokens(r);
    for (const auto& v : r.versions) write_version(tx, id, v, facets, false);
    return id;
}


}  // namespace avenir::library::store_sql
