-- A union's register of workplace algorithmic systems. An entry belongs to one union; its tier
-- says who else may read it (reps, members, dro, public). The fields that are filtered, flagged or
-- pooled have columns; the others are in `details` (JSON: field key -> text), as the field table
-- in registry_types.cpp lists them.
CREATE TABLE registry_entries (
    id {{id}},
    union_id {{int}} NOT NULL,
    region_slug TEXT NOT NULL DEFAULT '',              -- the union's region (the DRO tier)
    tier TEXT NOT NULL DEFAULT 'reps' CHECK (tier IN ('reps', 'members', 'dro', 'public')),
    example {{int}} NOT NULL DEFAULT 0,                -- 1: an illustrative entry shipped for the demo
    version {{int}} NOT NULL DEFAULT 1,
    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    lang TEXT NOT NULL,
    employer TEXT NOT NULL,
    sector TEXT NOT NULL DEFAULT '',
    lifecycle TEXT NOT NULL,
    supplier TEXT NOT NULL DEFAULT '',
    product TEXT NOT NULL DEFAULT '',
    annex3_point TEXT NOT NULL DEFAULT '',
    art5_practice TEXT NOT NULL DEFAULT '',
    art26_notice TEXT NOT NULL DEFAULT 'unknown',
    details TEXT NOT NULL DEFAULT '{}',
    created_by {{int}} REFERENCES accounts_users (id) ON DELETE SET NULL,
    updated_by {{int}} REFERENCES accounts_users (id) ON DELETE SET NULL,
    created_at {{int}} NOT NULL,
    updated_at {{int}} NOT NULL
);
CREATE INDEX registry_entries_union ON registry_entries (union_id, updated_at DESC);
CREATE INDEX registry_entries_tier ON registry_entries (tier, region_slug);
CREATE INDEX registry_entries_product ON registry_entries (lower(supplier), lower(product));
-- What the employer says and what workers report, on one field of an entry each.
CREATE TABLE registry_evidence (
    id {{id}},
    entry_id {{int}} NOT NULL REFERENCES registry_entries (id) ON DELETE CASCADE,
    field TEXT NOT NULL,
    side TEXT NOT NULL CHECK (side IN ('employer', 'workers')),
    body TEXT NOT NULL CHECK (length(body) BETWEEN 1 AND 4000),
    source TEXT NOT NULL DEFAULT '',
    said_on TEXT NOT NULL DEFAULT '',
    confidence TEXT NOT NULL CHECK (confidence IN ('low', 'medium', 'high')),
    supplied_by {{int}} REFERENCES accounts_users (id) ON DELETE SET NULL,
    created_at {{int}} NOT NULL
);
CREATE INDEX registry_evidence_entry ON registry_evidence (entry_id, field, side);
-- The change log of an entry (lifecycle, tier, fields edited): ids and keys only.
CREATE TABLE registry_changes (
    id {{id}},
    entry_id {{int}} NOT NULL REFERENCES registry_entries (id) ON DELETE CASCADE,
    changed_at {{int}} NOT NULL,
    changed_by {{int}} REFERENCES accounts_users (id) ON DELETE SET NULL,
    what TEXT NOT NULL
);
CREATE INDEX registry_changes_entry ON registry_changes (entry_id, changed_at);
-- Questionnaire definitions, versioned (a new version never changes the assessments made with an older one).
CREATE TABLE registry_questionnaires (
    slug TEXT NOT NULL,
    version {{int}} NOT NULL,
    definition TEXT NOT NULL,
    created_by {{int}} REFERENCES accounts_users (id) ON DELETE SET NULL,
    created_at {{int}} NOT NULL,
    PRIMARY KEY (slug, version)
){{without_rowid}};
-- An entry's assessments, kept in full: answers, the evidence behind mitigation, and the result.
CREATE TABLE registry_assessments (
    id {{id}},
    entry_id {{int}} NOT NULL REFERENCES registry_entries (id) ON DELETE CASCADE,
    questionnaire TEXT NOT NULL,
    questionnaire_version {{int}} NOT NULL,
    answers TEXT NOT NULL,
    evidence TEXT NOT NULL DEFAULT '{}',
    raw {{int}} NOT NULL,
    max_raw {{int}} NOT NULL,
    mitigation {{int}} NOT NULL,
    max_mitigation {{int}} NOT NULL,
    current_score DOUBLE PRECISION NOT NULL,
    percent DOUBLE PRECISION NOT NULL,
    level {{int}} NOT NULL,
    verdict TEXT NOT NULL,
    flags TEXT NOT NULL DEFAULT '[]',
    dimensions TEXT NOT NULL DEFAULT '{}',
    assessed_by {{int}} REFERENCES accounts_users (id) ON DELETE SET NULL,
    assessed_at {{int}} NOT NULL
);
CREATE INDEX registry_assessments_entry ON registry_assessments (entry_id, assessed_at DESC);
