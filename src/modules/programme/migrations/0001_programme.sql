-- The programme's public content (loaded from content/programme by `avenir seed`).
CREATE TABLE programme_regions (
    slug TEXT PRIMARY KEY,
    position INTEGER NOT NULL
);
CREATE TABLE programme_region_texts (
    region_slug TEXT NOT NULL REFERENCES programme_regions (slug) ON DELETE CASCADE,
    lang TEXT NOT NULL,
    name TEXT NOT NULL,
    summary_md TEXT NOT NULL,
    PRIMARY KEY (region_slug, lang)
);
CREATE TABLE programme_themes (
    number INTEGER PRIMARY KEY CHECK (number BETWEEN 1 AND 99)
);
CREATE TABLE programme_theme_texts (
    theme_number INTEGER NOT NULL REFERENCES programme_themes (number) ON DELETE CASCADE,
    lang TEXT NOT NULL,
    title TEXT NOT NULL,
    summary TEXT NOT NULL,
    PRIMARY KEY (theme_number, lang)
);
CREATE TABLE programme_groups (
    slug TEXT PRIMARY KEY,
    position INTEGER NOT NULL,
    sessions INTEGER NOT NULL CHECK (sessions > 0),
    hours INTEGER NOT NULL CHECK (hours > 0)
);
CREATE TABLE programme_group_texts (
    group_slug TEXT NOT NULL REFERENCES programme_groups (slug) ON DELETE CASCADE,
    lang TEXT NOT NULL,
    name TEXT NOT NULL,
    description_md TEXT NOT NULL,
    PRIMARY KEY (group_slug, lang)
);
CREATE TABLE programme_phases (
    slug TEXT PRIMARY KEY,
    position INTEGER NOT NULL
);
CREATE TABLE programme_phase_texts (
    phase_slug TEXT NOT NULL REFERENCES programme_phases (slug) ON DELETE CASCADE,
    lang TEXT NOT NULL,
    when_label TEXT NOT NULL,
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    PRIMARY KEY (phase_slug, lang)
);
CREATE TABLE programme_contact_groups (
    slug TEXT PRIMARY KEY,
    position INTEGER NOT NULL
);
CREATE TABLE programme_contact_group_texts (
    group_slug TEXT NOT NULL REFERENCES programme_contact_groups (slug) ON DELETE CASCADE,
    lang TEXT NOT NULL,
    name TEXT NOT NULL,
    PRIMARY KEY (group_slug, lang)
);
CREATE TABLE programme_contact_group_regions (
    group_slug TEXT NOT NULL REFERENCES programme_contact_groups (slug) ON DELETE CASCADE,
    region_slug TEXT NOT NULL REFERENCES programme_regions (slug) ON DELETE CASCADE,
    PRIMARY KEY (group_slug, region_slug)
);
CREATE TABLE programme_contacts (
    group_slug TEXT NOT NULL REFERENCES programme_contact_groups (slug) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    organisation TEXT NOT NULL,
    email TEXT NOT NULL,
    PRIMARY KEY (group_slug, position)
);
CREATE TABLE programme_pages (
    slug TEXT NOT NULL,
    lang TEXT NOT NULL,
    title TEXT NOT NULL,
    body_md TEXT NOT NULL,
    PRIMARY KEY (slug, lang)
);
