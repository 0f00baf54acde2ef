#pragma once
// The platform's shared search index: a module declares documents it wants found (a guide
// workshop and its steps; later practice cases, clauses, register entries) and writes them here
// in the same transaction as its own rows; the platform search (/search) queries every source in
// one statement per language, with each reader's visibility applied inside the query. Both
// backends analyse alike (core/search/analyzer): FTS5 tables search_fts_<lang> on SQLite, a
// tsvector made by the application on PostgreSQL.
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/search/query.hpp"
#include "storage/database.hpp"

namespace avenir::search {

inline constexpr std::string_view kIndexLanguages[] = {"en", "fr", "es", "ar"};
// Separates a document's body from terms indexed with it but left out of excerpts.
inline constexpr char kHiddenTerms = '\x1f';

struct Document {
    std::string key;       // unique within the source and language, e.g. "workers-data-rights#step-map"
    std::string lang;      // one of kIndexLanguages
    std::string title;     // shown whole, highlighted
    std::string body;      // plain text or Markdown (markup is dropped from excerpts); after kHiddenTerms:
                           // terms that are matched but never shown (facet tokens for filters)
    std::string url;       // path without the language prefix, e.g. "/guide/workers-data-rights#step-map"
    std::string audience;  // "" everyone; otherwise who may see it, as the source defines (e.g. a permission)
};

struct IndexHit {
    std::string source, key, lang, url;
    std::string title_marked;  // whole title, \x02 ... \x03 around matched words
    std::string snippet;       // excerpt of the body, marked the same way
    double score = 0;          // higher is better
};

struct IndexResult {
    std::map<std::string, std::int64_t> counts;  // per source, of what the reader may see
    std::vector<IndexHit> hits;                   // of the source asked for (or all), best first
    bool truncated = false;                       // some language had more than kWindow matches
};

class SearchIndex {
public:
    // Matches ranked per language at most (newest first beyond that): bounds a query's cost.
    static constexpr int kWindow = 500;

    // Over the database or a transaction (writes then join it).
    explicit SearchIndex(storage::Executor& db) : db_(db) {}

    // Makes `source` hold exactly `docs`: new ones inserted, changed ones updated, missing ones
    // removed. With a scope, only the stored documents whose key is the scope or starts with
    // scope + "#" are considered (one workshop and its steps). Returns the documents changed.
    // Throws std::invalid_argument for an unknown language or an empty key, title or url (nothing
    // written).
    int replace(std::string_view source, const std::vector<Document>& docs, std::string_view scope = {});
    // Adds or updates one document; removes one (every language when lang is empty).
    void put(std::string_view source, const Document& doc);
    void remove(std::string_view source, std::string_view key, std::string_view lang = {});

    // What `visible` (per source: the audiences the reader may see; a source absent from the map
    // is not searched) finds for q: counts per source, and hits of `only` (every visible source
    // when empty) from offset, best first, documents in reader_lang before the others. With `only`
    // empty, the first `limit` hits of every source (offset ignored).
    IndexResult search(const SearchQuery& q, const std::map<std::string, std::vector<std::string>>& visible, std::string_view only,
                       std::string_view reader_lang, int offset, int limit);

private:
    storage::Executor& db_;
};

}  // namespace avenir::search
