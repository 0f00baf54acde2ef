-- A union's proposals: clauses of the library (by slug, a rung of a ladder chosen by choosing its
-- clause) and the union's own articles, in order, with the values of their blanks. Private to the
-- union; every save is kept as a version.
CREATE TABLE bargaining_proposals (
    id {{id}},
    union_id {{int}} NOT NULL,
    title TEXT NOT NULL,
    lang TEXT NOT NULL,                                -- the document's language
    version {{int}} NOT NULL DEFAULT 1,
    items TEXT NOT NULL DEFAULT '[]',                  -- JSON: [{"clause": slug} or {"title", "text"}]
    fills TEXT NOT NULL DEFAULT '{}',                  -- JSON: blank name -> value
    created_by {{int}} REFERENCES accounts_users (id) ON DELETE SET NULL,
    updated_by {{int}} REFERENCES accounts_users (id) ON DELETE SET NULL,
    created_at {{int}} NOT NULL,
    updated_at {{int}} NOT NULL
);
CREATE INDEX bargaining_proposals_union ON bargaining_proposals (union_id, updated_at DESC);
CREATE TABLE bargaining_proposal_versions (
    proposal_id {{int}} NOT NULL REFERENCES bargaining_proposals (id) ON DELETE CASCADE,
    version {{int}} NOT NULL,
    title TEXT NOT NULL,
    items TEXT NOT NULL,
    fills TEXT NOT NULL,
    saved_by {{int}} REFERENCES accounts_users (id) ON DELETE SET NULL,
    saved_at {{int}} NOT NULL,
    PRIMARY KEY (proposal_id, version)
){{without_rowid}};
-- A union's gap check of one of its agreements: for each topic of the taxonomy, whether the
-- agreement covers it (full, partial, none) and where. Private to the union.
CREATE TABLE bargaining_gap_checks (
    id {{id}},
    union_id {{int}} NOT NULL,
    title TEXT NOT NULL,                               -- the agreement checked
    coverage TEXT NOT NULL DEFAULT '{}',               -- JSON: topic -> {"level": "full"|"partial"|"none", "article": "..."}
    created_by {{int}} REFERENCES accounts_users (id) ON DELETE SET NULL,
    updated_by {{int}} REFERENCES accounts_users (id) ON DELETE SET NULL,
    created_at {{int}} NOT NULL,
    updated_at {{int}} NOT NULL
);
CREATE INDEX bargaining_gap_checks_union ON bargaining_gap_checks (union_id, updated_at DESC);
