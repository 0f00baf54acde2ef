// The library store's search: full text with facets on SQLite (FTS5) and PostgreSQL (tsvector),
// a window of the newest matches per language, ranked and highlighted.
#include <map>
#include <unordered_map>

#include "modules/library/library_store_sql.hpp"

namespace avenir::library {
using namespace store_sql;  // the store's own helpers

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
