-- The facilitator's guide. The language-independent structure of a workshop (workshop.toml) and
-- each language's texts are kept as JSON documents: the guide reads whole workshops.
CREATE TABLE guide_workshops (
    slug TEXT PRIMARY KEY,
    version INTEGER NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('draft', 'published', 'retired')),
    structure TEXT NOT NULL,
    position INTEGER NOT NULL
);
CREATE TABLE guide_workshop_texts (
    workshop_slug TEXT NOT NULL REFERENCES guide_workshops (slug) ON DELETE CASCADE,
    lang TEXT NOT NULL,
    doc TEXT NOT NULL,
    PRIMARY KEY (workshop_slug, lang)
);
CREATE TABLE guide_introduction (
    lang TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    body_md TEXT NOT NULL
);
