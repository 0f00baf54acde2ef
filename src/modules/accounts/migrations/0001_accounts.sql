-- Accounts: people, sessions, e-mail tokens, unions, role grants, audit log, sign-in throttling.
-- Times are Unix seconds.
CREATE TABLE accounts_users (
    id {{id}},
    email TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    password_hash TEXT,
    email_verified_at {{int}},
    lang TEXT NOT NULL DEFAULT '',
    time_zone TEXT NOT NULL DEFAULT '',
    totp_secret TEXT,
    totp_enabled_at {{int}},
    totp_last_step {{int}} NOT NULL DEFAULT 0,
    created_at {{int}} NOT NULL
);
CREATE TABLE accounts_sessions (
    id_hash TEXT PRIMARY KEY,
    user_id {{int}} NOT NULL REFERENCES accounts_users (id) ON DELETE CASCADE,
    created_at {{int}} NOT NULL,
    last_seen_at {{int}} NOT NULL,
    second_factor_done {{int}} NOT NULL DEFAULT 0
);
CREATE INDEX accounts_sessions_user ON accounts_sessions (user_id);
CREATE TABLE accounts_tokens (
    token_hash TEXT PRIMARY KEY,
    user_id {{int}} NOT NULL REFERENCES accounts_users (id) ON DELETE CASCADE,
    purpose TEXT NOT NULL CHECK (purpose IN ('verify', 'reset')),
    expires_at {{int}} NOT NULL,
    used_at {{int}}
);
CREATE INDEX accounts_tokens_user ON accounts_tokens (user_id);
CREATE TABLE accounts_unions (
    id {{id}},
    name TEXT NOT NULL,
    country TEXT NOT NULL,
    region_slug TEXT NOT NULL,
    sector TEXT NOT NULL,
    created_at {{int}} NOT NULL,
    UNIQUE (name, country)
);
CREATE TABLE accounts_grants (
    id {{id}},
    user_id {{int}} NOT NULL REFERENCES accounts_users (id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('admin', 'coordinator', 'dro', 'facilitator', 'member', 'union_rep')),
    scope_type TEXT NOT NULL CHECK (scope_type IN ('global', 'region', 'union')),
    scope_id TEXT NOT NULL DEFAULT '',
    granted_by {{int}} REFERENCES accounts_users (id) ON DELETE SET NULL,
    granted_at {{int}} NOT NULL,
    UNIQUE (user_id, role, scope_type, scope_id)
);
CREATE TABLE accounts_audit (
    id {{id}},
    at {{int}} NOT NULL,
    event TEXT NOT NULL,
    actor_id {{int}} REFERENCES accounts_users (id) ON DELETE SET NULL,
    subject_id {{int}} REFERENCES accounts_users (id) ON DELETE SET NULL,
    detail TEXT NOT NULL DEFAULT ''
);
CREATE INDEX accounts_audit_at ON accounts_audit (at);
CREATE TABLE accounts_throttle (
    key TEXT PRIMARY KEY,
    failures {{int}} NOT NULL,
    window_start {{int}} NOT NULL,
    locked_until {{int}} NOT NULL DEFAULT 0
);
CREATE TABLE accounts_recovery_codes (
    user_id {{int}} NOT NULL REFERENCES accounts_users (id) ON DELETE CASCADE,
    code_hash TEXT NOT NULL,
    used_at {{int}},
    PRIMARY KEY (user_id, code_hash)
);
CREATE TABLE accounts_consents (
    user_id {{int}} NOT NULL REFERENCES accounts_users (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('recorded', 'listed_publicly')),
    given_at {{int}} NOT NULL,
    withdrawn_at {{int}},
    PRIMARY KEY (user_id, kind, given_at)
);
