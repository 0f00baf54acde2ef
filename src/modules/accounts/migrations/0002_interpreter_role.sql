-- Interpreters are a role held over a region, as facilitators are: training cycles name them.
-- The role's CHECK gains 'interpreter'. SQLite cannot change a CHECK in place, so the table is
-- rebuilt (nothing references it; no index besides its UNIQUE key).
-- dialect: sqlite
PRAGMA defer_foreign_keys = ON;
CREATE TABLE accounts_grants_new (
    id {{id}},
    user_id {{int}} NOT NULL REFERENCES accounts_users (id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('admin', 'coordinator', 'dro', 'facilitator', 'interpreter', 'member', 'union_rep')),
    scope_type TEXT NOT NULL CHECK (scope_type IN ('global', 'region', 'union')),
    scope_id TEXT NOT NULL DEFAULT '',
    granted_by {{int}} REFERENCES accounts_users (id) ON DELETE SET NULL,
    granted_at {{int}} NOT NULL,
    UNIQUE (user_id, role, scope_type, scope_id)
);
INSERT INTO accounts_grants_new (id, user_id, role, scope_type, scope_id, granted_by, granted_at)
    SELECT id, user_id, role, scope_type, scope_id, granted_by, granted_at FROM accounts_grants;
DROP TABLE accounts_grants;
ALTER TABLE accounts_grants_new RENAME TO accounts_grants;
-- dialect: postgres
ALTER TABLE accounts_grants DROP CONSTRAINT accounts_grants_role_check;
ALTER TABLE accounts_grants ADD CONSTRAINT accounts_grants_role_check
    CHECK (role IN ('admin', 'coordinator', 'dro', 'facilitator', 'interpreter', 'member', 'union_rep'));
