#include "core/search/index.hpp"

#include <algorithm>
#include <stdexcept>
#include <unordered_map>

#include "core/search/analyzer.hpp"

namespace avenir::search {
namespace {
using storage::Dialect;
using storage::Value;

bool known_language(std::string_view lang) {
    return std::find(std::begin(kIndexLanguages), std::end(kIndexLanguages), lang) != std::end(kIndexLanguages);
}

void check(const Document& d) {
    if (!known_language(d.lang)) throw std::invalid_argument("search index: unknown language \"" + d.lang + "\"");
    if (d.key.empty() || d.title.empty() || d.url.empty())
        throw std::invalid_argument("search index: a document needs a key, a title and a url (key \"" + d.key + "\")");
}

// "$n, $n+1, ..." for values appended to params.
std::string placeholders(std::vector<Value>& params, const std::vector<std::string>& values) {
    std::string out;
    for (const auto& v : values) {
        params.emplace_back(v);
        out += (out.empty() ? "$" : ", $") + std::to_string(params.size());
    }
    return out;
}

// The visibility condition on search_documents d: each visible source with its audiences.
std::string visibility(std::vector<Value>& params, const std::map<std::string, std::vector<std::string>>& visible) {
    std::string out;
    for (const auto& [source, audiences] : visible) {
        std::vector<std::string> with_everyone = audiences;
        if (std::find(with_everyone.begin(), with_everyone.end(), "") == with_everyone.end()) with_everyone.emplace_back();
        params.emplace_back(source);
        const std::string s = "$" + std::to_string(params.size());
        out += (out.empty() ? "" : " OR ") + ("(d.source = " + s + " AND d.audience IN (" + placeholders(params, with_everyone) + "))");
    }
    return out.empty() ? "1 = 0" : "(" + out + ")";
}

const Expand kNoExpansion = [](std::string_view, const std::string&) { return std::vector<std::string>{}; };

struct Match {
    std::int64_t id;
    std::string source, lang;
    double score;
};

}  // namespace

void SearchIndex::put(std::string_view source, const Document& d) {
    check(d);
    std::vector<Value> params{std::string(source), d.key, d.lang, d.title, d.body, d.url, d.audience};
    const bool pg = db_.dialect() == Dialect::Postgres;
    std::string sql = "INSERT INTO search_documents (source, doc_key, lang, title, body, url, audience";
    sql += pg ? ", tsv) VALUES ($1, $2, $3, $4, $5, $6, $7, $8::tsvector)" : ") VALUES ($1, $2, $3, $4, $5, $6, $7)";
    if (pg) params.emplace_back(tsvector_text(d.lang, {{d.title, 'A'}, {plain_text(d.body), 'C'}}));
    sql += " ON CONFLICT (source, doc_key, lang) DO UPDATE SET title = excluded.title, body = excluded.body, url = excluded.url, "
           "audience = excluded.audience" + std::string(pg ? ", tsv = excluded.tsv" : "");
    db_.exec(sql, params);
}

void SearchIndex::remove(std::string_view source, std::string_view key, std::string_view lang) {
    if (lang.empty()) db_.exec("DELETE FROM search_documents WHERE source = $1 AND doc_key = $2", {std::string(source), std::string(key)});
    else db_.exec("DELETE FROM search_documents WHERE source = $1 AND doc_key = $2 AND lang = $3", {std::string(source), std::string(key), std::string(lang)});
}

int SearchIndex::replace(std::string_view source, const std::vector<Document>& docs, std::string_view scope) {
    for (const auto& d : docs) check(d);
    return db_.with_tx([&](storage::Transaction& tx) {
        SearchIndex in_tx(tx);
        struct Stored {
            std::string title, body, url, audience;
        };
        std::map<std::pair<std::string, std::string>, Stored> stored;  // (key, lang)
        std::string sql = "SELECT doc_key, lang, title, body, url, audience FROM search_documents WHERE source = $1";
        std::vector<Value> params{std::string(source)};
        if (!scope.empty()) {
            std::string like;
            for (char c : scope) {
                if (c == '%' || c == '_' || c == '\\') like.push_back('\\');
                like.push_back(c);
            }
            params.emplace_back(std::string(scope));
            params.emplace_back(like + "#%");
            sql += " AND (doc_key = $2 OR doc_key LIKE $3 ESCAPE '\\')";
        }
        for (const auto& r : tx.exec(sql, params).rows)
            stored[{r.get_text("doc_key"), r.get_text("lang")}] = {r.get_text("title"), r.get_text("body"), r.get_text("url"), r.get_text("audience")};
        int changed = 0;
        for (const auto& d : docs) {
            const auto it = stored.find({d.key, d.lang});
            const bool same = it != stored.end() && it->second.title == d.title && it->second.body == d.body && it->second.url == d.url &&
                              it->second.audience == d.audience;
            if (it != stored.end()) stored.erase(it);
            if (same) continue;
            in_tx.put(source, d);
            ++changed;
        }
        for (const auto& [key_lang, _] : stored) {
            in_tx.remove(source, key_lang.first, key_lang.second);
            ++changed;
        }
        return changed;
    });
}

IndexResult SearchIndex::search(const SearchQuery& q, const std::map<std::string, std::vector<std::string>>& visible, std::string_view only,
                                std::string_view reader_lang, int offset, int limit) {
    IndexResult result;
    if (q.empty() || visible.empty()) return result;
    std::vector<Match> matches;
    std::vector<Value> params;
    if (db_.dialect() == Dialect::Sqlite) {
        // Per language: its FTS5 index drives the plan, newest kWindow matches, visibility applied.
        std::string sql;
        for (auto lang : kIndexLanguages) {
            std::string m = fts5_match(q, lang, kNoExpansion);
            if (m.empty()) continue;
            const std::string t = "search_fts_" + std::string(lang);
            params.emplace_back(std::move(m));
            const std::string match = "$" + std::to_string(params.size());
            const std::string where = visibility(params, visible);
            params.emplace_back(std::int64_t{kWindow});
            sql += (sql.empty() ? "" : " UNION ALL ") + std::string("SELECT * FROM (SELECT d.id, d.source, d.lang, -avenir_rank(") + t +
                   ", 10.0, 1.0) AS score FROM " + t + " CROSS JOIN search_documents AS d ON d.id = " + t + ".rowid WHERE " + t + " MATCH " +
                   match + " AND " + where + " ORDER BY " + t + ".rowid DESC LIMIT $" + std::to_string(params.size()) + ")";
        }
        if (sql.empty()) return result;
        for (const auto& r : db_.exec(sql, params).rows) matches.push_back({r.get_int("id"), r.get_text("source"), r.get_text("lang"), r.get_double("score")});
    } else {
        const auto m = pg_match(q, kIndexLanguages, kNoExpansion, "d", params);
        const std::string cond = m.cond(), any = m.rank;
        if (cond.empty()) return result;
        const std::string where = visibility(params, visible);
        params.emplace_back(std::int64_t{kWindow * 4});
        const std::string sql = "SELECT d.id, d.source, d.lang, ts_rank('{0.1, 0.2, 0.4, 1.0}', d.tsv, " + any +
                                ") AS score FROM search_documents d WHERE (" + cond + ") AND " + where +
                                " ORDER BY score DESC, d.id DESC LIMIT $" + std::to_string(params.size());
        for (const auto& r : db_.exec(sql, params).rows) matches.push_back({r.get_int("id"), r.get_text("source"), r.get_text("lang"), r.get_double("score")});
    }
    std::map<std::string, int> per_lang;
    for (const auto& m : matches) {
        ++result.counts[m.source];
        if (++per_lang[m.lang] >= kWindow) result.truncated = true;
    }
    std::vector<const Match*> order;
    for (const auto& m : matches)
        if (only.empty() || m.source == only) order.push_back(&m);
    std::stable_sort(order.begin(), order.end(), [&](const Match* a, const Match* b) {
        const bool ar = a->lang == reader_lang, br = b->lang == reader_lang;
        if (ar != br) return ar;
        if (a->score != b->score) return a->score > b->score;
        return a->id > b->id;
    });
    std::vector<const Match*> shown;
    const auto max = static_cast<std::size_t>(std::max(0, limit));
    if (only.empty()) {
        std::map<std::string, std::size_t> taken;
        for (const auto* m : order)
            if (taken[m->source]++ < max) shown.push_back(m);
    } else {
        for (std::size_t k = static_cast<std::size_t>(std::max(0, offset)); k < order.size() && shown.size() < max; ++k) shown.push_back(order[k]);
    }
    if (shown.empty()) return result;
    std::vector<Value> p2;
    std::string in;
    for (const auto* m : shown) {
        p2.emplace_back(m->id);
        in += (in.empty() ? "$" : ", $") + std::to_string(p2.size());
    }
    std::unordered_map<std::int64_t, storage::Row> rows;
    for (auto& r : db_.exec("SELECT id, doc_key, title, body, url FROM search_documents WHERE id IN (" + in + ")", p2).rows) {
        const auto id = r.get_int("id");
        rows.emplace(id, std::move(r));
    }
    std::map<std::string, Highlight> highlights;
    for (const auto* m : shown) {
        const auto it = rows.find(m->id);
        if (it == rows.end()) continue;
        auto [hl, fresh] = highlights.try_emplace(m->lang);
        if (fresh) hl->second = highlight_terms(q, m->lang);
        const auto& r = it->second;
        const std::string body = r.get_text("body");
        const std::string_view shown_body = std::string_view(body).substr(0, body.find(kHiddenTerms));
        result.hits.push_back({m->source, r.get_text("doc_key"), m->lang, r.get_text("url"), mark(m->lang, r.get_text("title"), hl->second),
                               highlight(m->lang, plain_text(shown_body), hl->second), m->score});
    }
    return result;
}

}  // namespace avenir::search
