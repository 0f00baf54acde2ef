-- Coalitions unions take part in (theme 7): with civil society, academia and other unions, for
-- public-interest digital services. stance: the unions' part in it (member, considering, founded).
CREATE TABLE network_coalitions (
    id {{id}},
    slug TEXT UNIQUE,
    regions TEXT NOT NULL,                  -- region slugs, comma-separated
    themes TEXT NOT NULL DEFAULT '',        -- 1..7, comma-separated
    partners TEXT NOT NULL DEFAULT '',      -- one organisation per line
    contact TEXT NOT NULL DEFAULT '',
    stance TEXT NOT NULL CHECK (stance IN ('member', 'considering', 'founded')),
    illustrative {{int}} NOT NULL DEFAULT 0,
    updated_at {{int}} NOT NULL
);
CREATE TABLE network_coalition_texts (
    coalition_id {{int}} NOT NULL REFERENCES network_coalitions (id) ON DELETE CASCADE,
    lang TEXT NOT NULL,
    name TEXT NOT NULL,
    scope TEXT NOT NULL,
    why TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (coalition_id, lang)
){{without_rowid}};
