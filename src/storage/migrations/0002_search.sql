-- The platform's shared search index (core/search SearchIndex): documents that modules declare
-- as searchable (a guide workshop, a step, later practice cases, clauses, register entries), each
-- in one language, with the audience allowed to see it ('' everyone; otherwise the name of what a
-- reader must be allowed). Modules write their documents in the same transaction as their own
-- rows; nothing else reads or writes these tables.
CREATE TABLE search_documents (
    id {{id}},
    source TEXT NOT NULL,
    doc_key TEXT NOT NULL,
    lang TEXT NOT NULL,
    title TEXT NOT NULL,
    body TEXT NOT NULL DEFAULT '',
    url TEXT NOT NULL,
    audience TEXT NOT NULL DEFAULT '',
    UNIQUE (source, doc_key, lang)
);
CREATE INDEX search_documents_audience ON search_documents (source, audience);
-- dialect: sqlite
CREATE VIRTUAL TABLE search_fts_en USING fts5(title, body, content='search_documents', content_rowid='id', tokenize='avenir en');
CREATE VIRTUAL TABLE search_fts_fr USING fts5(title, body, content='search_documents', content_rowid='id', tokenize='avenir fr');
CREATE VIRTUAL TABLE search_fts_es USING fts5(title, body, content='search_documents', content_rowid='id', tokenize='avenir es');
CREATE VIRTUAL TABLE search_fts_ar USING fts5(title, body, content='search_documents', content_rowid='id', tokenize='avenir ar');
CREATE TRIGGER search_documents_ai_en AFTER INSERT ON search_documents WHEN new.lang = 'en' BEGIN
    INSERT INTO search_fts_en (rowid, title, body) VALUES (new.id, new.title, new.body);
END;
CREATE TRIGGER search_documents_ad_en AFTER DELETE ON search_documents WHEN old.lang = 'en' BEGIN
    INSERT INTO search_fts_en (search_fts_en, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
END;
CREATE TRIGGER search_documents_au_en AFTER UPDATE ON search_documents WHEN old.lang = 'en' OR new.lang = 'en' BEGIN
    INSERT INTO search_fts_en (search_fts_en, rowid, title, body) SELECT 'delete', old.id, old.title, old.body WHERE old.lang = 'en';
    INSERT INTO search_fts_en (rowid, title, body) SELECT new.id, new.title, new.body WHERE new.lang = 'en';
END;
CREATE TRIGGER search_documents_ai_fr AFTER INSERT ON search_documents WHEN new.lang = 'fr' BEGIN
    INSERT INTO search_fts_fr (rowid, title, body) VALUES (new.id, new.title, new.body);
END;
CREATE TRIGGER search_documents_ad_fr AFTER DELETE ON search_documents WHEN old.lang = 'fr' BEGIN
    INSERT INTO search_fts_fr (search_fts_fr, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
END;
CREATE TRIGGER search_documents_au_fr AFTER UPDATE ON search_documents WHEN old.lang = 'fr' OR new.lang = 'fr' BEGIN
    INSERT INTO search_fts_fr (search_fts_fr, rowid, title, body) SELECT 'delete', old.id, old.title, old.body WHERE old.lang = 'fr';
    INSERT INTO search_fts_fr (rowid, title, body) SELECT new.id, new.title, new.body WHERE new.lang = 'fr';
END;
CREATE TRIGGER search_documents_ai_es AFTER INSERT ON search_documents WHEN new.lang = 'es' BEGIN
    INSERT INTO search_fts_es (rowid, title, body) VALUES (new.id, new.title, new.body);
END;
CREATE TRIGGER search_documents_ad_es AFTER DELETE ON search_documents WHEN old.lang = 'es' BEGIN
    INSERT INTO search_fts_es (search_fts_es, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
END;
CREATE TRIGGER search_documents_au_es AFTER UPDATE ON search_documents WHEN old.lang = 'es' OR new.lang = 'es' BEGIN
    INSERT INTO search_fts_es (search_fts_es, rowid, title, body) SELECT 'delete', old.id, old.title, old.body WHERE old.lang = 'es';
    INSERT INTO search_fts_es (rowid, title, body) SELECT new.id, new.title, new.body WHERE new.lang = 'es';
END;
CREATE TRIGGER search_documents_ai_ar AFTER INSERT ON search_documents WHEN new.lang = 'ar' BEGIN
    INSERT INTO search_fts_ar (rowid, title, body) VALUES (new.id, new.title, new.body);
END;
CREATE TRIGGER search_documents_ad_ar AFTER DELETE ON search_documents WHEN old.lang = 'ar' BEGIN
    INSERT INTO search_fts_ar (search_fts_ar, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
END;
CREATE TRIGGER search_documents_au_ar AFTER UPDATE ON search_documents WHEN old.lang = 'ar' OR new.lang = 'ar' BEGIN
    INSERT INTO search_fts_ar (search_fts_ar, rowid, title, body) SELECT 'delete', old.id, old.title, old.body WHERE old.lang = 'ar';
    INSERT INTO search_fts_ar (rowid, title, body) SELECT new.id, new.title, new.body WHERE new.lang = 'ar';
END;
-- dialect: postgres
-- Made by the application from the same tokens as SQLite's (search::tsvector_text).
ALTER TABLE search_documents ADD COLUMN tsv tsvector NOT NULL DEFAULT ''::tsvector;
CREATE INDEX search_documents_tsv ON search_documents USING gin (tsv);
-- dialect: both
