-- PostgreSQL: each version's tsvector now also carries marker lexemes (its slice of resource ids and
-- its facet tokens), with which the search asks the GIN index for the newest matches first
-- (library_store_search.cpp), and each language gets its own GIN index (a word common in one
-- language then costs nothing in the others). The versions are indexed again when the library
-- starts (LibraryStore::index_pending). Nothing changes on SQLite.
-- dialect: postgres
DROP INDEX library_versions_tsv;
UPDATE library_versions SET tsv = NULL;
CREATE INDEX library_versions_tsv_en ON library_versions USING gin (tsv) WHERE lang = 'en';
CREATE INDEX library_versions_tsv_fr ON library_versions USING gin (tsv) WHERE lang = 'fr';
CREATE INDEX library_versions_tsv_es ON library_versions USING gin (tsv) WHERE lang = 'es';
CREATE INDEX library_versions_tsv_ar ON library_versions USING gin (tsv) WHERE lang = 'ar';
-- dialect: both
