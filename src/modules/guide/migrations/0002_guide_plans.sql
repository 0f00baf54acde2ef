-- Session plans: a facilitator's session composed from whole workshops or single steps.
CREATE TABLE guide_plans (
    id {{id}},
    share_token TEXT NOT NULL UNIQUE,
    owner_id {{int}} NOT NULL REFERENCES accounts_users (id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    slot_minutes {{int}} NOT NULL DEFAULT 180 CHECK (slot_minutes BETWEEN 15 AND 1440),
    start_minutes {{int}} CHECK (start_minutes BETWEEN 0 AND 1439),
    interpretation_percent {{int}} NOT NULL DEFAULT 100 CHECK (interpretation_percent BETWEEN 100 AND 400),
    created_at {{int}} NOT NULL,
    updated_at {{int}} NOT NULL
);
CREATE INDEX guide_plans_owner ON guide_plans (owner_id);
CREATE TABLE guide_plan_items (
    plan_id {{int}} NOT NULL REFERENCES guide_plans (id) ON DELETE CASCADE,
    position {{int}} NOT NULL,
    workshop_slug TEXT NOT NULL,
    step_id TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (plan_id, position)
);
