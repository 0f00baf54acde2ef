#pragma once
// Storage of the library: resources, their language versions and files, and the search index
// (SQLite FTS5 with a Snowball stemmer per language; PostgreSQL tsvector per language + unaccent).
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/search/query.hpp"
#include "modules/library/library_types.hpp"
#include "storage/database.hpp"

namespace avenir::library {

// The platform's search service (core/search), as the library uses it.
using search::Analysis;
using search::analyze;
using search::Expand;
using search::fold;
using search::highlight;
using search::Highlight;
using search::highlight_terms;
using search::install_sqlite_search;
using search::kExactTerm;
using search::parse_query;
using search::plain_text;
using search::SearchQuery;
using search::Term;

// Facet filters: values within one facet combine with OR, facets combine with AND.
struct Filters {
    std::vector<std::string> regions;
    std::vector<int> themes;
    std::vector<std::string> types;
    std::vector<std::string> langs;
    std::vector<int> years;
    bool empty() const { return regions.empty() && themes.empty() && types.empty() && langs.empty() && years.empty(); }
};

struct FacetCount {
    std::string key;  // region/type/lang key, theme number or year, as text
    std::int64_t count = 0;
};
struct Facets {
    std::vector<FacetCount> region, theme, type, lang, year;
};

struct Hit {
    Resource resource;
    std::string matched_lang;  // the language version that matched best (search only)
    std::string snippet;       // plain text with \x02 ... \x03 around matched words (search only)
    std::string title_marked;  // the matched version's title, marked the same way (search only)
    double score = 0;
};

struct Page {
    std::vector<Hit> hits;
    std::int64_t total = 0;
    // Search only: more matches exist than were ranked and counted (total is a lower bound).
    bool truncated = false;
    Facets facets;
};

class LibraryStore {
public:
    // Over the database (each call on its own) or a transaction (calls join it).
    explicit LibraryStore(storage::Executor& db) : db_(db) {}

    // Inserts a validated resource; returns its id. created_by may be empty (imports, demo data).
    std::int64_t create(const Resource& r, std::optional<std::int64_t> created_by, std::int64_t now);
    // Inserts many validated resources in one transaction (imports, demo data); returns their ids.
    std::vector<std::int64_t> create_many(const std::vector<Resource>& rs, std::int64_t now);
    // Replaces a resource's fields, regions, themes and versions (files of kept languages stay).
    void update(const Resource& r, std::int64_t now);
    std::optional<Resource> get(std::int64_t id);
    bool remove(std::int64_t id);
    // Files: attach to a language version; list hashes still referenced.
    std::int64_t add_file(std::int64_t resource_id, const std::string& lang, const FileRef& f, std::optional<std::int64_t> by,
                          std::int64_t now);
    std::optional<FileRef> file(std::int64_t resource_id, std::int64_t file_id);
    // Removes the file row; returns its hash when no other row references it (the blob may go).
    std::optional<std::string> remove_file(std::int64_t resource_id, std::int64_t file_id);

    // Browsing (no text query): newest first, or key publications first when key_first; facet
    // counts only when with_facets.
    Page browse(const Filters& f, int offset, int limit, bool key_first = false, bool with_facets = true);
    // Full-text search with facets. Ranked by relevance (titles above summaries above bodies).
    Page search(const SearchQuery& q, const Filters& f, int offset, int limit);
    // The newest resources (feeds), with filters.
    std::vector<Resource> recent(const Filters& f, int limit);
    std::int64_t count();
    // The resource imported under this reference, if any.
    std::optional<std::int64_t> id_of_ref(const std::string& ref);
    // The resources filed under these references (four statements whatever their number).
    std::vector<Resource> by_refs(const std::vector<std::string>& refs);

    // The query plan of the search statement (SQLite: EXPLAIN QUERY PLAN lines), for the plan test.
    std::vector<std::string> search_plan(const SearchQuery& q, const Filters& f);
    // PostgreSQL: computes the index of versions that have none yet (after an upgrade that changed
    // the analysis), in batches, recording their words for prefix expansion. Returns how many were
    // indexed. Nothing to do on SQLite (its index follows by trigger).
    std::int64_t index_pending();
    // After a bulk load: SQLite merges each language's FTS5 index into one segment (a search then
    // seeks each word once instead of once per segment); PostgreSQL vacuums and analyses the
    // library's tables (what autovacuum would do later). Safe to run at any time, while serving.
    void optimize();

    // How many of the newest matches per language are ranked and counted (bounds the cost of
    // very broad queries on large libraries).
    static constexpr int kRankWindow = 500;
    // With facet filters: how many of the newest matches per language are examined at most.
    static constexpr int kExamineWindow = 2500;
    // How many full words an unfinished last word expands to at most (SQLite).
    static constexpr int kPrefixTerms = 24;

private:
    // SQLite: for the query's unfinished words, the indexed full words of each language that
    // extend them ("_negoc" -> "_negociation", ...), all in one statement.
    std::function<std::vector<std::string>(std::string_view, const std::string&)> expander(const SearchQuery& q,
                                                                                          const std::vector<std::string_view>& langs);
    // Resources by id, in that order: three statements whatever their number.
    std::vector<Resource> load(const std::vector<std::int64_t>& ids);
    storage::Executor& db_;
};

}  // namespace avenir::library
