-- The cascade: sessions that people who completed a training cycle ran for colleagues (date,
-- workshop of the guide, theme, language, number of people, union, region). The counts stay when
-- the person is erased (user_id SET NULL). cycle_id: the training cycle they completed.
CREATE TABLE network_cascade_sessions (
    id {{id}},
    user_id {{int}} REFERENCES accounts_users (id) ON DELETE SET NULL,
    cycle_id {{int}} NOT NULL,
    held_on TEXT NOT NULL,                          -- YYYY-MM-DD
    workshop TEXT NOT NULL,                         -- a guide workshop's slug
    theme {{int}} NOT NULL CHECK (theme BETWEEN 1 AND 7),
    lang TEXT NOT NULL,
    people {{int}} NOT NULL CHECK (people BETWEEN 1 AND 10000),
    union_name TEXT NOT NULL,
    region TEXT NOT NULL,
    created_at {{int}} NOT NULL
);
CREATE INDEX network_cascade_region ON network_cascade_sessions (region, theme);
CREATE INDEX network_cascade_user ON network_cascade_sessions (user_id, held_on);
