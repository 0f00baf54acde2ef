-- Accounts: people, sessions, e-mail tokens, unions, role grants, audit log, sign-in throttling.
-- Times are Unix seconds.
CREATE TABLE accounts_users (
    id INTEGER PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    password_hash TEXT,
    email_verified_at INTEGER,
    lang TEXT NOT NULL DEFAULT '',
    time_zone TEXT NOT NULL DEFAULT '',
    totp_secret TEXT,
    totp_enabled_at INTEGER,
    totp_last_step INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL
);
CREATE TABLE accounts_sessions (
    id_hash TEXT PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES accounts_users (id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL,
    second_factor_done INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX accounts_sessions_user ON accounts_sessions (user_id);
CREATE TABLE accounts_tokens (
    token_hash TEXT PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES accounts_users (id) ON DELETE CASCADE,
    purpose TEXT NOT NULL CHECK (purpose IN ('verify', 'reset')),
    expires_at INTEGER NOT NULL,
    used_at INTEGER
);
CREATE INDEX accounts_tokens_user ON accounts_tokens (user_id);
CREATE TABLE accounts_unions (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    country TEXT NOT NULL,
    region_slug TEXT NOT NULL,
    sector TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    UNIQUE (name, country)
);
CREATE TABLE accounts_grants (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES accounts_users (id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('admin', 'coordinator', 'dro', 'facilitator', 'member', 'union_rep')),
    scope_type TEXT NOT NULL CHECK (scope_type IN ('global', 'region', 'union')),
    scope_id TEXT NOT NULL DEFAULT '',
    granted_by INTEGER REFERENCES accounts_users (id) ON DELETE SET NULL,
    granted_at INTEGER NOT NULL,
    UNIQUE (user_id, role, scope_type, scope_id)
);
CREATE TABLE accounts_audit (
    id INTEGER PRIMARY KEY,
    at INTEGER NOT NULL,
    event TEXT NOT NULL,
    actor_id INTEGER REFERENCES accounts_users (id) ON DELETE SET NULL,
    subject_id INTEGER REFERENCES accounts_users (id) ON DELETE SET NULL,
    detail TEXT NOT NULL DEFAULT ''
);
CREATE INDEX accounts_audit_at ON accounts_audit (at);
CREATE TABLE accounts_throttle (
    key TEXT PRIMARY KEY,
    failures INTEGER NOT NULL,
    window_start INTEGER NOT NULL,
    locked_until INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE accounts_recovery_codes (
    user_id INTEGER NOT NULL REFERENCES accounts_users (id) ON DELETE CASCADE,
    code_hash TEXT NOT NULL,
    used_at INTEGER,
    PRIMARY KEY (user_id, code_hash)
);
CREATE TABLE accounts_consents (
    user_id INTEGER NOT NULL REFERENCES accounts_users (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('recorded', 'listed_publicly')),
    given_at INTEGER NOT NULL,
    withdrawn_at INTEGER,
    PRIMARY KEY (user_id, kind, given_at)
);
