-- PostgreSQL: each version's tsvector now also carries marker lexemes (its slice of resource ids,
-- its language and its facet tokens), with which the search asks the GIN index for the newest
-- matches first (library_store_search.cpp). The versions are indexed again when the library
-- starts (LibraryStore::index_pending). Nothing changes on SQLite.
-- dialect: postgres
UPDATE library_versions SET tsv = NULL;
-- dialect: both
