-- The practice exchange: cases of good, bad and mixed practice that unions share, moderated by the
-- region's Digital Rights Organisers and coordinators. A case's texts are kept per language (the
-- author's, and the translations shipped cases carry); its technologies, product and sector are
-- tags, read by "similar cases" across regions.
-- state: submitted (waiting for a moderator), changes (sent back to its author with a message),
-- published, declined. visibility: public, members (people signed in), hub (the region's network).
CREATE TABLE network_cases (
    id {{id}},
    slug TEXT UNIQUE,                              -- shipped illustrative cases only
    state TEXT NOT NULL CHECK (state IN ('submitted', 'changes', 'published', 'declined')),
    practice TEXT NOT NULL CHECK (practice IN ('good', 'bad', 'mixed')),
    country TEXT NOT NULL,
    region TEXT NOT NULL,
    sector TEXT NOT NULL,
    employer_type TEXT NOT NULL CHECK (employer_type IN ('public', 'private', 'outsourced')),
    employer TEXT NOT NULL DEFAULT '',
    hide_employer {{int}} NOT NULL DEFAULT 0,
    supplier TEXT NOT NULL DEFAULT '',
    product TEXT NOT NULL DEFAULT '',
    technologies TEXT NOT NULL DEFAULT '',         -- tags, comma-separated (also in network_case_tags)
    themes TEXT NOT NULL DEFAULT '',               -- 1..7, comma-separated
    workshops TEXT NOT NULL DEFAULT '',            -- guide workshop slugs, comma-separated
    year {{int}} NOT NULL,
    visibility TEXT NOT NULL CHECK (visibility IN ('public', 'members', 'hub')),
    lang TEXT NOT NULL,                            -- the language it was written in
    illustrative {{int}} NOT NULL DEFAULT 0,
    author_id {{int}} REFERENCES accounts_users (id) ON DELETE SET NULL,
    moderator_id {{int}} REFERENCES accounts_users (id) ON DELETE SET NULL,
    moderation_message TEXT NOT NULL DEFAULT '',
    submitted_at {{int}} NOT NULL,
    decided_at {{int}},
    updated_at {{int}} NOT NULL
);
CREATE INDEX network_cases_listed ON network_cases (state, visibility, region, year DESC, id DESC);
CREATE INDEX network_cases_author ON network_cases (author_id);
CREATE INDEX network_cases_moderator ON network_cases (moderator_id);
CREATE TABLE network_case_texts (
    case_id {{int}} NOT NULL REFERENCES network_cases (id) ON DELETE CASCADE,
    lang TEXT NOT NULL,
    title TEXT NOT NULL,
    happened TEXT NOT NULL,
    union_action TEXT NOT NULL,
    outcome TEXT NOT NULL DEFAULT '',
    lessons TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (case_id, lang)
){{without_rowid}};
-- kind: technology, product, sector; value folded to lower case.
CREATE TABLE network_case_tags (
    case_id {{int}} NOT NULL REFERENCES network_cases (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('technology', 'product', 'sector')),
    value TEXT NOT NULL,
    PRIMARY KEY (case_id, kind, value)
){{without_rowid}};
CREATE INDEX network_case_tags_value ON network_case_tags (kind, value, case_id);
