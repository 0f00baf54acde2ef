-- The search analysis moved to core/search and changed: words are folded before stemming (a word
-- typed without its accents meets the accented one), Arabic is normalised and light-stemmed, and
-- PostgreSQL indexes the very tokens the SQLite tokenizer emits (computed by the application)
-- instead of its own configurations.
-- dialect: sqlite
INSERT INTO library_fts_en (library_fts_en) VALUES ('rebuild');
INSERT INTO library_fts_fr (library_fts_fr) VALUES ('rebuild');
INSERT INTO library_fts_es (library_fts_es) VALUES ('rebuild');
INSERT INTO library_fts_ar (library_fts_ar) VALUES ('rebuild');
-- Arabic full words now fold ta marbuta to ha and alef maqsura to ya.
UPDATE OR IGNORE library_terms SET term = replace(replace(term, 'ة', 'ه'), 'ى', 'ي') WHERE lang = 'ar';
DELETE FROM library_terms WHERE lang = 'ar' AND (term LIKE '%ة%' OR term LIKE '%ى%');
-- dialect: postgres
-- NULL: not yet indexed; the library indexes such versions, and records their words for prefix
-- expansion, when it starts (LibraryStore::index_pending).
ALTER TABLE library_versions DROP COLUMN tsv;
ALTER TABLE library_versions ADD COLUMN tsv tsvector;
CREATE INDEX library_versions_tsv ON library_versions USING gin (tsv);
-- Finds the versions still to index without reading the table (the check runs at every start).
CREATE INDEX library_versions_unindexed ON library_versions (id) WHERE tsv IS NULL;
-- dialect: both
