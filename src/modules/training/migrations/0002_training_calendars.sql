-- A person's private calendar address (/training/calendar/{token}): only the token's hash is kept;
-- a new address replaces the old one, and deleting the row stops it.
CREATE TABLE training_calendar_tokens (
    user_id {{int}} PRIMARY KEY REFERENCES accounts_users (id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL UNIQUE,
    created_at {{int}} NOT NULL
);
