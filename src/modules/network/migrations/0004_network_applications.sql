-- Applications to become a Digital Rights Organiser. A member applies for a region; the region's
-- coordinators approve (the accounts module then grants the `dro` role, and training places the
-- person in the region's next open DRO cycle, kept in cycle_id) or decline, with a message.
-- state: pending, approved, declined. An application goes with its applicant when they are erased.
CREATE TABLE network_applications (
    id {{id}},
    user_id {{int}} NOT NULL REFERENCES accounts_users (id) ON DELETE CASCADE,
    union_id {{int}},                              -- one of the applicant's unions, when chosen
    union_name TEXT NOT NULL,
    region TEXT NOT NULL,
    languages TEXT NOT NULL,                       -- codes, comma-separated
    experience TEXT NOT NULL,
    motivation TEXT NOT NULL,
    lang TEXT NOT NULL,                            -- the language of the page they applied from
    state TEXT NOT NULL CHECK (state IN ('pending', 'approved', 'declined')),
    message TEXT NOT NULL DEFAULT '',
    decided_by {{int}} REFERENCES accounts_users (id) ON DELETE SET NULL,
    decided_at {{int}},
    cycle_id {{int}},                              -- the training cycle a place was taken in
    created_at {{int}} NOT NULL
);
CREATE INDEX network_applications_queue ON network_applications (region, state, created_at);
CREATE INDEX network_applications_user ON network_applications (user_id);
CREATE INDEX network_applications_decider ON network_applications (decided_by);
