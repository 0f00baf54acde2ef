-- The unions of a coalition, each with its own stance (member, considering, founded) and why, set
-- by the union's representatives. union_id is an accounts union (its name is read through the
-- accounts module's directory). A union's row goes when the coalition does.
CREATE TABLE network_coalition_unions (
    coalition_id {{int}} NOT NULL REFERENCES network_coalitions (id) ON DELETE CASCADE,
    union_id {{int}} NOT NULL,
    stance TEXT NOT NULL CHECK (stance IN ('member', 'considering', 'founded')),
    why TEXT NOT NULL DEFAULT '',
    updated_by {{int}} REFERENCES accounts_users (id) ON DELETE SET NULL,
    updated_at {{int}} NOT NULL,
    PRIMARY KEY (coalition_id, union_id)
);
CREATE INDEX network_coalition_unions_union ON network_coalition_unions (union_id);
CREATE INDEX network_coalition_unions_updater ON network_coalition_unions (updated_by);
