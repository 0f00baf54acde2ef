-- The resource library (SQLite). Full text: one FTS5 index per language over the versions in
-- that language (tokenizer "avenir <lang>": Snowball stemmer + accent folding, registered by the
-- binary), kept in step with library_versions by triggers. `facets` holds region/theme/type/year
-- tokens so that facet filters are part of the full-text match (library_resources carries the
-- same tokens in a narrow row, to count facets without reading the texts). A version's id is
-- resource id * 4 + language index (en 0, fr 1, es 2, ar 3): a match names its resource.
CREATE TABLE library_resources (
    id INTEGER PRIMARY KEY,
    ref TEXT UNIQUE,
    type TEXT NOT NULL,
    facets TEXT NOT NULL DEFAULT '',
    published_on TEXT NOT NULL,
    year INTEGER NOT NULL,
    publisher TEXT NOT NULL DEFAULT '',
    licence TEXT NOT NULL DEFAULT '',
    key_publication INTEGER NOT NULL DEFAULT 0,
    url TEXT NOT NULL DEFAULT '',
    duration_seconds INTEGER NOT NULL DEFAULT 0,
    audiences TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    created_by INTEGER REFERENCES accounts_users (id) ON DELETE SET NULL
);
CREATE INDEX library_resources_newest ON library_resources (published_on DESC, id DESC);
CREATE INDEX library_resources_created_by ON library_resources (created_by);
CREATE TABLE library_resource_regions (
    resource_id INTEGER NOT NULL REFERENCES library_resources (id) ON DELETE CASCADE,
    region TEXT NOT NULL,
    PRIMARY KEY (resource_id, region)
) WITHOUT ROWID;
CREATE INDEX library_regions_by_region ON library_resource_regions (region, resource_id);
CREATE TABLE library_resource_themes (
    resource_id INTEGER NOT NULL REFERENCES library_resources (id) ON DELETE CASCADE,
    theme INTEGER NOT NULL,
    PRIMARY KEY (resource_id, theme)
) WITHOUT ROWID;
CREATE INDEX library_themes_by_theme ON library_resource_themes (theme, resource_id);
CREATE TABLE library_versions (
    id INTEGER PRIMARY KEY,
    resource_id INTEGER NOT NULL REFERENCES library_resources (id) ON DELETE CASCADE,
    lang TEXT NOT NULL,
    title TEXT NOT NULL,
    summary TEXT NOT NULL DEFAULT '',
    body TEXT NOT NULL DEFAULT '',
    transcript TEXT NOT NULL DEFAULT '',
    url TEXT NOT NULL DEFAULT '',
    facets TEXT NOT NULL DEFAULT '',
    UNIQUE (resource_id, lang)
);
CREATE INDEX library_versions_lang ON library_versions (lang, resource_id);
CREATE TABLE library_files (
    id INTEGER PRIMARY KEY,
    version_id INTEGER NOT NULL REFERENCES library_versions (id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('main', 'audio', 'transcript')),
    hash TEXT NOT NULL,
    name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size INTEGER NOT NULL,
    uploaded_at INTEGER NOT NULL,
    uploaded_by INTEGER REFERENCES accounts_users (id) ON DELETE SET NULL
);
CREATE INDEX library_files_version ON library_files (version_id);
CREATE INDEX library_files_hash ON library_files (hash);
CREATE INDEX library_files_uploaded_by ON library_files (uploaded_by);
-- The full words (folded, '_'-prefixed as in the index) seen in each language: the last word of a
-- query, when it may be unfinished, is expanded to these terms rather than run as an FTS5 prefix
-- query (which merges the doclists of every matching term, whatever the LIMIT).
CREATE TABLE library_terms (
    lang TEXT NOT NULL,
    term TEXT NOT NULL,
    PRIMARY KEY (lang, term)
) WITHOUT ROWID;
CREATE VIRTUAL TABLE library_fts_en USING fts5(title, summary, body, transcript, facets, content='library_versions', content_rowid='id', tokenize='avenir en');
CREATE TRIGGER library_versions_ai_en AFTER INSERT ON library_versions WHEN new.lang = 'en' BEGIN
    INSERT INTO library_fts_en (rowid, title, summary, body, transcript, facets) VALUES (new.id, new.title, new.summary, new.body, new.transcript, new.facets);
END;
CREATE TRIGGER library_versions_ad_en AFTER DELETE ON library_versions WHEN old.lang = 'en' BEGIN
    INSERT INTO library_fts_en (library_fts_en, rowid, title, summary, body, transcript, facets) VALUES ('delete', old.id, old.title, old.summary, old.body, old.transcript, old.facets);
END;
CREATE TRIGGER library_versions_au_en AFTER UPDATE ON library_versions WHEN old.lang = 'en' OR new.lang = 'en' BEGIN
    INSERT INTO library_fts_en (library_fts_en, rowid, title, summary, body, transcript, facets) SELECT 'delete', old.id, old.title, old.summary, old.body, old.transcript, old.facets WHERE old.lang = 'en';
    INSERT INTO library_fts_en (rowid, title, summary, body, transcript, facets) SELECT new.id, new.title, new.summary, new.body, new.transcript, new.facets WHERE new.lang = 'en';
END;
CREATE VIRTUAL TABLE library_fts_fr USING fts5(title, summary, body, transcript, facets, content='library_versions', content_rowid='id', tokenize='avenir fr');
CREATE TRIGGER library_versions_ai_fr AFTER INSERT ON library_versions WHEN new.lang = 'fr' BEGIN
    INSERT INTO library_fts_fr (rowid, title, summary, body, transcript, facets) VALUES (new.id, new.title, new.summary, new.body, new.transcript, new.facets);
END;
CREATE TRIGGER library_versions_ad_fr AFTER DELETE ON library_versions WHEN old.lang = 'fr' BEGIN
    INSERT INTO library_fts_fr (library_fts_fr, rowid, title, summary, body, transcript, facets) VALUES ('delete', old.id, old.title, old.summary, old.body, old.transcript, old.facets);
END;
CREATE TRIGGER library_versions_au_fr AFTER UPDATE ON library_versions WHEN old.lang = 'fr' OR new.lang = 'fr' BEGIN
    INSERT INTO library_fts_fr (library_fts_fr, rowid, title, summary, body, transcript, facets) SELECT 'delete', old.id, old.title, old.summary, old.body, old.transcript, old.facets WHERE old.lang = 'fr';
    INSERT INTO library_fts_fr (rowid, title, summary, body, transcript, facets) SELECT new.id, new.title, new.summary, new.body, new.transcript, new.facets WHERE new.lang = 'fr';
END;
CREATE VIRTUAL TABLE library_fts_es USING fts5(title, summary, body, transcript, facets, content='library_versions', content_rowid='id', tokenize='avenir es');
CREATE TRIGGER library_versions_ai_es AFTER INSERT ON library_versions WHEN new.lang = 'es' BEGIN
    INSERT INTO library_fts_es (rowid, title, summary, body, transcript, facets) VALUES (new.id, new.title, new.summary, new.body, new.transcript, new.facets);
END;
CREATE TRIGGER library_versions_ad_es AFTER DELETE ON library_versions WHEN old.lang = 'es' BEGIN
    INSERT INTO library_fts_es (library_fts_es, rowid, title, summary, body, transcript, facets) VALUES ('delete', old.id, old.title, old.summary, old.body, old.transcript, old.facets);
END;
CREATE TRIGGER library_versions_au_es AFTER UPDATE ON library_versions WHEN old.lang = 'es' OR new.lang = 'es' BEGIN
    INSERT INTO library_fts_es (library_fts_es, rowid, title, summary, body, transcript, facets) SELECT 'delete', old.id, old.title, old.summary, old.body, old.transcript, old.facets WHERE old.lang = 'es';
    INSERT INTO library_fts_es (rowid, title, summary, body, transcript, facets) SELECT new.id, new.title, new.summary, new.body, new.transcript, new.facets WHERE new.lang = 'es';
END;
CREATE VIRTUAL TABLE library_fts_ar USING fts5(title, summary, body, transcript, facets, content='library_versions', content_rowid='id', tokenize='avenir ar');
CREATE TRIGGER library_versions_ai_ar AFTER INSERT ON library_versions WHEN new.lang = 'ar' BEGIN
    INSERT INTO library_fts_ar (rowid, title, summary, body, transcript, facets) VALUES (new.id, new.title, new.summary, new.body, new.transcript, new.facets);
END;
CREATE TRIGGER library_versions_ad_ar AFTER DELETE ON library_versions WHEN old.lang = 'ar' BEGIN
    INSERT INTO library_fts_ar (library_fts_ar, rowid, title, summary, body, transcript, facets) VALUES ('delete', old.id, old.title, old.summary, old.body, old.transcript, old.facets);
END;
CREATE TRIGGER library_versions_au_ar AFTER UPDATE ON library_versions WHEN old.lang = 'ar' OR new.lang = 'ar' BEGIN
    INSERT INTO library_fts_ar (library_fts_ar, rowid, title, summary, body, transcript, facets) SELECT 'delete', old.id, old.title, old.summary, old.body, old.transcript, old.facets WHERE old.lang = 'ar';
    INSERT INTO library_fts_ar (rowid, title, summary, body, transcript, facets) SELECT new.id, new.title, new.summary, new.body, new.transcript, new.facets WHERE new.lang = 'ar';
END;
