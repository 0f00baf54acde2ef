-- Core key/value state (instance settings, seed markers). Portable to SQLite and PostgreSQL.
CREATE TABLE app_state (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
