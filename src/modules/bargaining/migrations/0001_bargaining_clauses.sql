-- The digital bargaining hub's clause library. A clause is one article: its authoritative text and
-- translations, each translation keeping the fingerprint of the source text it was made from
-- (outdated once the source changes, as for the guide); its source (parties, level, place, dates,
-- coverage); its facets (topic and sub-topic of the editable taxonomy, mechanisms, lifecycle
-- stages, technologies, sectors, kept as tags for filtering); its ladder (a family of variants:
-- preferred, fallback, minimum); its placeholders (a name such as employer, its type and default, as JSON);
-- and who may read it (public, members, or one union: confidential).
CREATE TABLE bargaining_topics (
    slug TEXT PRIMARY KEY,
    position {{int}} NOT NULL,
    workshops TEXT NOT NULL DEFAULT ''                 -- guide workshop slugs, comma-separated
){{without_rowid}};
CREATE TABLE bargaining_topic_texts (
    topic TEXT NOT NULL REFERENCES bargaining_topics (slug) ON DELETE CASCADE,
    lang TEXT NOT NULL,
    name TEXT NOT NULL,
    commentary TEXT NOT NULL DEFAULT '',
    why TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (topic, lang)
){{without_rowid}};
CREATE TABLE bargaining_subtopics (
    topic TEXT NOT NULL REFERENCES bargaining_topics (slug) ON DELETE CASCADE,
    slug TEXT NOT NULL,
    position {{int}} NOT NULL,
    names TEXT NOT NULL,                               -- JSON: {"en": "...", "fr": "..."}
    PRIMARY KEY (topic, slug)
){{without_rowid}};
CREATE TABLE bargaining_clauses (
    id {{id}},
    slug TEXT NOT NULL UNIQUE,
    version {{int}} NOT NULL DEFAULT 1,                -- goes up when the authoritative text changes
    status TEXT NOT NULL CHECK (status IN ('draft', 'reviewed', 'published', 'retired')),
    kind TEXT NOT NULL CHECK (kind IN ('model', 'agreement', 'framework', 'law', 'definition')),
    lang TEXT NOT NULL,                                -- the authoritative language
    topic TEXT NOT NULL,
    subtopic TEXT NOT NULL DEFAULT '',
    family TEXT NOT NULL DEFAULT '',
    ladder TEXT NOT NULL DEFAULT '' CHECK (ladder IN ('', 'preferred', 'fallback', 'minimum')),
    won {{int}} NOT NULL DEFAULT 0,                    -- won in an agreement, or only proposed
    legal_basis TEXT NOT NULL DEFAULT '',
    related TEXT NOT NULL DEFAULT '',                  -- clause slugs, comma-separated
    placeholders TEXT NOT NULL DEFAULT '[]',           -- JSON: [{"name", "type", "default"}]
    -- The source.
    parties TEXT NOT NULL DEFAULT '',
    level TEXT NOT NULL DEFAULT '',                    -- workplace, sector, national, international
    country TEXT NOT NULL DEFAULT '',
    region TEXT NOT NULL DEFAULT '',
    sector TEXT NOT NULL DEFAULT '',
    employer_type TEXT NOT NULL DEFAULT '',            -- public, private, ''
    hide_employer {{int}} NOT NULL DEFAULT 0,
    signed_on TEXT NOT NULL DEFAULT '',                -- YYYY-MM-DD
    expires_on TEXT NOT NULL DEFAULT '',
    workers_covered {{int}},
    binding {{int}},
    article_ref TEXT NOT NULL DEFAULT '',
    document_url TEXT NOT NULL DEFAULT '',
    -- Who may read it.
    access TEXT NOT NULL CHECK (access IN ('public', 'members', 'union')),
    union_id {{int}},                                  -- for access 'union'
    -- A governance model's article: the model and the article's place in it.
    model TEXT NOT NULL DEFAULT '',
    model_position {{int}} NOT NULL DEFAULT 0,
    illustrative {{int}} NOT NULL DEFAULT 0,           -- written for Avenir (a model text), not a real agreement
    contributor_id {{int}} REFERENCES accounts_users (id) ON DELETE SET NULL,
    credit {{int}} NOT NULL DEFAULT 1,                 -- name the contributor
    created_at {{int}} NOT NULL,
    updated_at {{int}} NOT NULL,
    published_at {{int}}
);
CREATE INDEX bargaining_clauses_listed ON bargaining_clauses (status, access, topic, published_at DESC);
CREATE INDEX bargaining_clauses_family ON bargaining_clauses (family);
CREATE INDEX bargaining_clauses_model ON bargaining_clauses (model, model_position);
CREATE INDEX bargaining_clauses_contributor ON bargaining_clauses (contributor_id);
CREATE TABLE bargaining_clause_texts (
    clause_id {{int}} NOT NULL REFERENCES bargaining_clauses (id) ON DELETE CASCADE,
    lang TEXT NOT NULL,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    summary TEXT NOT NULL DEFAULT '',
    why TEXT NOT NULL DEFAULT '',
    enforcement TEXT NOT NULL DEFAULT '',
    translated_from TEXT,                              -- fingerprint of the source text (NULL: the source itself)
    PRIMARY KEY (clause_id, lang)
){{without_rowid}};
-- Facets as tags, for filters: kind is one of mechanism, lifecycle, technology, sector.
CREATE TABLE bargaining_clause_tags (
    clause_id {{int}} NOT NULL REFERENCES bargaining_clauses (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (clause_id, kind, value)
){{without_rowid}};
CREATE INDEX bargaining_clause_tags_value ON bargaining_clause_tags (kind, value);
CREATE TABLE bargaining_models (
    slug TEXT PRIMARY KEY,
    texts TEXT NOT NULL,                               -- JSON: {"en": {"title", "summary"}, ...}
    illustrative {{int}} NOT NULL DEFAULT 1,
    updated_at {{int}} NOT NULL
){{without_rowid}};
