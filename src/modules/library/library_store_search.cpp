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

// SQLite: one FTS5 query per language ($1.. its expression, facet filters included), each limited
// to its newest kRankWindow matches. FTS5 walks its index in rowid order (newest first) as the
// outer loop, skipping along the facet tokens' doclists, and only the matches kept read their
// resource row (by primary key, for its facets; CROSS JOIN fixes that order), so the cost is
// bounded by the window, not by the size of the library.
// floors: per language, the placeholder of the smallest rowid to examine (empty: no bound).
std::string sqlite_search_sql(const std::vector<std::string_view>& langs, const std::vector<std::size_t>& floors) {
    std::string sql = "WITH hits(version_id, score, facets) AS (";
    for (std::size_t i = 0; i < langs.size(); ++i) {
        const std::string t = "library_fts_" + std::string(langs[i]);
        const std::string floor = floors.empty() ? "" : " AND " + t + ".rowid >= $" + std::to_string(floors[i]);
        sql += (i ? " UNION ALL " : "") + std::string("SELECT * FROM (SELECT ") + t + ".rowid, avenir_rank(" + t + ", 10.0, 4.0, 1.0, 1.0, 0.0), r.facets FROM " +
               t + " CROSS JOIN library_resources AS r ON r.id = " + t + ".rowid / 4 WHERE " + t + " MATCH $" + std::to_string(i + 1) + floor +
               " ORDER BY " + t + ".rowid DESC LIMIT $" + std::to_string(langs.size() + 1) + ")";
    }
    // The resource and language come from the version id (resource * 4 + language).
    sql += ") SELECT version_id, version_id / 4 AS resource_id, version_id % 4 AS lang_index, facets, -score AS score FROM hits";
    return sql;
}

// The SQLite search's languages (those where the query has something to look for) and parameters:
// $1.. each language's MATCH expression with the facet filters, then the window; `plain` gets the
// expressions without the facets (for the examine floor). False when no language has anything to
// look for.
bool sqlite_query(const SearchQuery& q, const Filters& f, const Expand& expand, std::vector<std::string_view>& langs,
                  std::vector<Value>& params, std::vector<Value>& plain) {
    const std::string facets = fts_facets(f);
    for (auto lang : search_languages(f))
        if (auto m = fts5_match(q, lang, expand); !m.empty()) {
            langs.push_back(lang);
            params.emplace_back(facets.empty() ? m : fts5_match(q, lang, expand, facets));
            plain.emplace_back(std::move(m));
        }
    if (langs.empty()) return false;
    params.emplace_back(std::int64_t{LibraryStore::kRankWindow});
    return true;
}

// PostgreSQL: as on SQLite, per language the newest kRankWindow matching versions that pass the
// filters, then ranked with the query of every language. The GIN index would hand over every
// match of a common word (and each would be fetched to sort by id), so the search asks for the
// newest slices first (marker lexemes '~s<n>', see version_tsvector) and widens to older ones only
// while a language still has room: a common word is answered from the newest slice or two, a rare
// one in a few rounds that each cost little. Facets are marker lexemes too, so one index (the
// language's own, partial on lang) answers the whole filter and no match reads its resource row.
void pg_candidates(storage::Executor& db, const SearchQuery& q, const Filters& f, const Expand& expand, std::vector<Candidate>& cands, Page& page) {
    const auto langs = search_languages(f);
    constexpr int kRankWindow = LibraryStore::kRankWindow;
    const std::string facets = pg_facets(f);
    std::vector<std::string> lang_of, filtered;  // per searched language: its tsquery with the facets
    std::vector<Value> rank_params;
    std::string rank;
    for (auto lang : langs) {
        std::string e = tsquery_text(q, lang, expand);
        if (e.empty()) continue;
        lang_of.emplace_back(lang);
        filtered.push_back(facets.empty() ? e : "(" + e + ") & " + facets);
        rank_params.emplace_back(std::move(e));
        rank += (rank.empty() ? "$" : " || $") + std::to_string(rank_params.size()) + "::tsquery";
    }
    if (lang_of.empty()) return;
    const auto top = db.exec("SELECT max(id) AS m FROM library_resources").first();
    if (!top || top->is_null("m")) return;
    const std::int64_t newest = top->get_int("m") >> kSliceShift;  // the newest fine slice
    // Each language walks back on its own: a word common in one language may be rare in another.
    struct Walk {
        std::int64_t next, covered = 0, span = 4;  // the next (newest) slice to cover, how many so far, how many next
        int found = 0;
        bool done() const { return found >= kRankWindow || next < 0; }
    };
    constexpr std::int64_t kMaxSpan = 64;  // fine slices OR-ed in one round: the index merges their lists
    std::vector<Walk> walks(lang_of.size(), Walk{newest});
    std::string ids;  // "{1,2,...}"
    for (;;) {
        std::vector<Value> params;
        std::string sql;
        std::vector<std::int64_t> oldest(walks.size());
        for (std::size_t i = 0; i < walks.size(); ++i) {
            Walk& w = walks[i];
            if (w.done()) continue;
            // The last round takes everything older at once, bounded by the id instead of slices:
            // when what is left is sparse (nothing found so far: a rare word costs little wherever
            // it is) or simply all that is left.
            const bool rest = w.span > w.next;
            oldest[i] = rest ? 0 : w.next - w.span + 1;
            params.emplace_back(filtered[i] + (rest ? "" : " & (" + slice_cover(oldest[i], w.next) + ")"));
            const std::string bound = rest && w.next < newest ? " AND v.resource_id + 0 < " + std::to_string((w.next + 1) << kSliceShift) : "";
            // "+ 0": the order is the sort's over the matches the index gave, never a walk down
            // the primary key testing every version (nor a second index for the bound).
            sql += (sql.empty() ? "" : " UNION ALL ") + std::string("SELECT * FROM (SELECT ") + std::to_string(i) +
                   " AS i, v.id FROM library_versions v WHERE v.lang = '" + lang_of[i] + "' AND v.tsv @@ $" + std::to_string(params.size()) +
                   "::tsquery" + bound +
                   " ORDER BY v.id + 0 DESC LIMIT " + std::to_string(kRankWindow - w.found) + ") w" + std::to_string(i);
        }
        if (sql.empty()) break;
        for (const auto& row : db.exec(sql, params).rows) {
            ++walks[static_cast<std::size_t>(row.get_int("i"))].found;
            ids += (ids.empty() ? "" : ",") + std::to_string(row.get_int("id"));
        }
        for (std::size_t i = 0; i < walks.size(); ++i) {
            Walk& w = walks[i];
            if (w.done()) continue;
            w.covered += w.next - oldest[i] + 1;
            w.next = oldest[i] - 1;
            // Next: as many older slices as this language still needs, judged by what it found so
            // far, with a quarter more for luck; all the rest when it found nothing.
            w.span = w.found == 0 ? w.next + 1 : (kRankWindow - w.found) * w.covered * 5 / (4 * w.found) + 1;
            if (w.span > kMaxSpan && w.span <= w.next) w.span = kMaxSpan;
        }
    }
    for (const auto& w : walks)
        if (w.found >= kRankWindow) page.truncated = true;
    if (ids.empty()) return;
    rank_params.emplace_back("{" + ids + "}");
    const std::string sql = "SELECT v.id, v.resource_id, v.lang, r.facets, ts_rank('{0.1, 0.2, 0.4, 1.0}', v.tsv, " + rank +
                            ") AS score FROM library_versions v JOIN library_resources r ON r.id = v.resource_id WHERE v.id = ANY($" +
                            std::to_string(rank_params.size()) + "::bigint[])";
    for (const auto& row : db.exec(sql, rank_params).rows)
        cands.push_back({row.get_int("id"), row.get_int("resource_id"), row.get_text("lang"), row.get_text("facets"), row.get_double("score")});
}

}  // namespace

Page LibraryStore::search(const SearchQuery& q, const Filters& f, int offset, int limit) {
    Page page;
    if (q.empty()) return page;
    std::vector<Candidate> cands;
    if (db_.dialect() == Dialect::Sqlite) {
        std::vector<std::string_view> langs;
        std::vector<Value> params, plain;
        if (!sqlite_query(q, f, expander(q, search_languages(f)), langs, params, plain)) return page;
        // With facet filters, only the newest kExamineWindow matches of each language are looked at:
        // a rare combination of filters would otherwise walk every match of a common word.
        std::vector<std::size_t> floors;
        if (!f.regions.empty() || !f.themes.empty() || !f.types.empty() || !f.years.empty()) {
            // Each language's floor in one statement: the rowid of its kExamineWindow-th newest match.
            std::string sql;
            std::vector<Value> fp;
            for (std::size_t i = 0; i < langs.size(); ++i) {
                const std::string t = "library_fts_" + std::string(langs[i]);
                fp.push_back(plain[i]);
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
        for (const auto& row : db_.exec(sqlite_search_sql(langs, floors), params).rows) {
            cands.push_back({row.get_int("version_id"), row.get_int("resource_id"), std::string(kLanguages[row.get_int("lang_index")]),
                             row.get_text("facets"), row.get_double("score")});
            if (++per_lang[cands.back().lang] >= kRankWindow) page.truncated = true;
        }
    } else {
        pg_candidates(db_, q, f, expander(q, search_languages(f)), cands, page);
    }
    // Resources that are not public open by address only: their matches are dropped before they
    // are counted (rare, and cheaper here than a NOT in every full-text query).
    std::erase_if(cands, [](const Candidate& c) { return c.facets.find(kUnlistedToken) != std::string::npos; });
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
        const auto rows = db_.exec("SELECT id, resource_id, lang, title, summary, body, transcript, url, facets FROM library_versions "
                                   "WHERE tsv IS NULL ORDER BY id LIMIT 500")
                              .rows;
        if (rows.empty()) return done;
        db_.with_tx([&](storage::Transaction& tx) {
            Terms terms;
            for (const auto& row : rows) {
                Version v = to_version(row);
                tx.exec("UPDATE library_versions SET tsv = $2::tsvector WHERE id = $1", {row.get_int("id"), version_tsvector(row.get_int("resource_id"), v, row.get_text("facets"))});
                Resource r;
                r.versions.push_back(std::move(v));
                collect_terms(r, terms);
            }
            record_terms(tx, terms);
        });
        done += static_cast<std::int64_t>(rows.size());
    }
}

void LibraryStore::optimize() {
    if (db_.dialect() == Dialect::Sqlite) {
        for (auto lang : kLanguages) {
            const std::string t = "library_fts_" + std::string(lang);
            db_.exec("INSERT INTO " + t + " (" + t + ") VALUES ('optimize')");
        }
        return;
    }
    for (const char* t : {"library_versions", "library_resources", "library_resource_regions", "library_resource_themes", "library_terms"})
        db_.exec(std::string("VACUUM (ANALYZE) ") + t);
}

std::vector<std::string> LibraryStore::search_plan(const SearchQuery& q, const Filters& f) {
    std::vector<std::string> out;
    if (db_.dialect() != Dialect::Sqlite) return out;
    std::vector<std::string_view> langs;
    std::vector<Value> params, plain;
    if (!sqlite_query(q, f, expander(q, search_languages(f)), langs, params, plain)) return out;
    std::vector<std::size_t> floors;
    for (std::size_t i = 0; i < langs.size(); ++i) {
        params.emplace_back(std::int64_t{0});
        floors.push_back(params.size());
    }
    for (const auto& row : db_.exec("EXPLAIN QUERY PLAN " + sqlite_search_sql(langs, floors), params).rows) out.push_back(row.get_text("detail"));
    return out;
}

}  // namespace avenir::library
