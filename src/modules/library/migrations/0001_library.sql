-- The resource library: resources (type, regions, themes, audiences, date, ...), their language
-- versions (title, summary, Markdown body, transcript) and uploaded files. A version's id is
-- resource id * 4 + language index (en 0, fr 1, es 2, ar 3): a full-text match names its resource.
--
-- Full text differs per dialect:
-- - SQLite: one FTS5 index per language over the versions in that language (tokenizer "avenir
--   <lang>": Snowball stemmer + accent folding, registered by the binary), kept in step with
--   library_versions by triggers. `facets` holds region/theme/type/year tokens so that facet filters
--   are part of the full-text match (library_resources carries the same tokens in a narrow row, to
--   count facets without reading the texts).
-- - PostgreSQL: each version's tsvector is generated with the text search configuration of its
--   language (Snowball stemmer after unaccent), titles weighted A, summaries B, bodies and
--   transcripts C, plus its words unstemmed (configuration avenir_simple) for prefix matching of
--   the word being typed. unaccent is a trusted extension: the database owner may create it;
--   scripts/with-postgres.sh and deploy notes create it up front.
-- dialect: postgres
CREATE EXTENSION IF NOT EXISTS unaccent;
DO $$
DECLARE
    dict text;
BEGIN
    SELECT quote_ident(n.nspname) || '.unaccent' INTO dict
      FROM pg_ts_dict d JOIN pg_namespace n ON n.oid = d.dictnamespace WHERE d.dictname = 'unaccent' LIMIT 1;
    EXECUTE 'CREATE TEXT SEARCH CONFIGURATION avenir_en (COPY = pg_catalog.english)';
    EXECUTE 'CREATE TEXT SEARCH CONFIGURATION avenir_fr (COPY = pg_catalog.french)';
    EXECUTE 'CREATE TEXT SEARCH CONFIGURATION avenir_es (COPY = pg_catalog.spanish)';
    EXECUTE 'CREATE TEXT SEARCH CONFIGURATION avenir_ar (COPY = pg_catalog.arabic)';
    EXECUTE 'CREATE TEXT SEARCH CONFIGURATION avenir_simple (COPY = pg_catalog.simple)';
    EXECUTE format('ALTER TEXT SEARCH CONFIGURATION avenir_en ALTER MAPPING FOR hword, hword_part, word WITH %s, english_stem', dict);
    EXECUTE format('ALTER TEXT SEARCH CONFIGURATION avenir_fr ALTER MAPPING FOR hword, hword_part, word WITH %s, french_stem', dict);
    EXECUTE format('ALTER TEXT SEARCH CONFIGURATION avenir_es ALTER MAPPING FOR hword, hword_part, word WITH %s, spanish_stem', dict);
    EXECUTE format('ALTER TEXT SEARCH CONFIGURATION avenir_ar ALTER MAPPING FOR hword, hword_part, word WITH %s, arabic_stem', dict);
    EXECUTE format('ALTER TEXT SEARCH CONFIGURATION avenir_simple ALTER MAPPING FOR hword, hword_part, word WITH %s, simple', dict);
END
$$;
-- dialect: both
CREATE TABLE library_resources (
    id {{id}},
    ref TEXT UNIQUE,
    type TEXT NOT NULL,
    facets TEXT NOT NULL DEFAULT '',
    published_on TEXT NOT NULL,
    year {{int}} NOT NULL,
    publisher TEXT NOT NULL DEFAULT '',
    licence TEXT NOT NULL DEFAULT '',
    key_publication {{int}} NOT NULL DEFAULT 0,
    url TEXT NOT NULL DEFAULT '',
    duration_seconds {{int}} NOT NULL DEFAULT 0,
    audiences TEXT NOT NULL DEFAULT '',
    created_at {{int}} NOT NULL,
    updated_at {{int}} NOT NULL,
    created_by {{int}} REFERENCES accounts_users (id) ON DELETE SET NULL
);
CREATE INDEX library_resources_newest ON library_resources (published_on DESC, id DESC);
CREATE INDEX library_resources_created_by ON library_resources (created_by);
CREATE TABLE library_resource_regions (
    resource_id {{int}} NOT NULL REFERENCES library_resources (id) ON DELETE CASCADE,
    region TEXT NOT NULL,
    PRIMARY KEY (resource_id, region)
){{without_rowid}};
CREATE INDEX library_regions_by_region ON library_resource_regions (region, resource_id);
CREATE TABLE library_resource_themes (
    resource_id {{int}} NOT NULL REFERENCES library_resources (id) ON DELETE CASCADE,
    theme {{int}} NOT NULL,
    PRIMARY KEY (resource_id, theme)
){{without_rowid}};
CREATE INDEX library_themes_by_theme ON library_resource_themes (theme, resource_id);
CREATE TABLE library_versions (
    id {{id}},
    resource_id {{int}} NOT NULL REFERENCES library_resources (id) ON DELETE CASCADE,
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
    id {{id}},
    version_id {{int}} NOT NULL REFERENCES library_versions (id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('main', 'audio', 'transcript')),
    hash TEXT NOT NULL,
    name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size {{int}} NOT NULL,
    uploaded_at {{int}} NOT NULL,
    uploaded_by {{int}} REFERENCES accounts_users (id) ON DELETE SET NULL
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
){{without_rowid}};
-- The full-text index: SQLite's FTS5 tables and their triggers, PostgreSQL's generated tsvector.
-- dialect: sqlite
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
-- dialect: postgres
ALTER TABLE library_versions ADD COLUMN
    tsv tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector(CASE lang WHEN 'fr' THEN 'avenir_fr'::regconfig WHEN 'es' THEN 'avenir_es'::regconfig
                                        WHEN 'ar' THEN 'avenir_ar'::regconfig ELSE 'avenir_en'::regconfig END, title), 'A') ||
        setweight(to_tsvector(CASE lang WHEN 'fr' THEN 'avenir_fr'::regconfig WHEN 'es' THEN 'avenir_es'::regconfig
                                        WHEN 'ar' THEN 'avenir_ar'::regconfig ELSE 'avenir_en'::regconfig END, summary), 'B') ||
        setweight(to_tsvector(CASE lang WHEN 'fr' THEN 'avenir_fr'::regconfig WHEN 'es' THEN 'avenir_es'::regconfig
                                        WHEN 'ar' THEN 'avenir_ar'::regconfig ELSE 'avenir_en'::regconfig END, body || ' ' || transcript), 'C') ||
        setweight(to_tsvector('avenir_simple'::regconfig, title || ' ' || summary || ' ' || body || ' ' || transcript), 'D')
    ) STORED;
CREATE INDEX library_versions_tsv ON library_versions USING gin (tsv);
-- dialect: both
