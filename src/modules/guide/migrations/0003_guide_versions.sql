-- Every saved edit of a workshop: a full snapshot (structure and all languages' texts).
CREATE TABLE guide_workshop_versions (
    workshop_slug TEXT NOT NULL,
    version {{int}} NOT NULL,
    saved_at {{int}} NOT NULL,
    saved_by {{int}} REFERENCES accounts_users (id) ON DELETE SET NULL,
    note TEXT NOT NULL DEFAULT '',
    structure TEXT NOT NULL,
    texts TEXT NOT NULL,
    PRIMARY KEY (workshop_slug, version)
);
