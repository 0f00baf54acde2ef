-- Training cycles (module training): formats, cycles, their staff, sessions, enrolments,
-- attendance and make-ups. Times are Unix seconds (UTC); a cycle's wall times are shown in its
-- IANA zone. People are accounts_users ids. Erasing a person leaves their enrolment, marks and
-- make-up decisions in place without their id (user_id SET NULL), so a cycle's counts stay true,
-- and deletes what they wrote (training_reflections, CASCADE).

-- The programme's groups and their format (seeded; admins change them). A cycle copies the
-- format when it is created, so a later change does not alter cycles already planned.
CREATE TABLE training_formats (
    slug TEXT PRIMARY KEY CHECK (length(slug) BETWEEN 1 AND 40),
    phase {{int}} NOT NULL CHECK (phase BETWEEN 1 AND 9),
    audience TEXT NOT NULL CHECK (audience IN ('dro', 'members')),
    session_count {{int}} NOT NULL CHECK (session_count BETWEEN 1 AND 12),
    session_minutes {{int}} NOT NULL CHECK (session_minutes BETWEEN 30 AND 600),
    name_en TEXT NOT NULL CHECK (length(name_en) BETWEEN 1 AND 120),
    name_fr TEXT NOT NULL DEFAULT '',
    name_es TEXT NOT NULL DEFAULT '',
    name_ar TEXT NOT NULL DEFAULT '',
    updated_at {{int}} NOT NULL
);

CREATE TABLE training_cycles (
    id {{id}},
    format_slug TEXT NOT NULL REFERENCES training_formats (slug),
    region_slug TEXT NOT NULL,
    title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 160),
    phase {{int}} NOT NULL,
    audience TEXT NOT NULL CHECK (audience IN ('dro', 'members')),
    session_count {{int}} NOT NULL,
    session_minutes {{int}} NOT NULL,
    languages TEXT NOT NULL,                 -- "en,fr": the languages spoken
    interpretation TEXT NOT NULL DEFAULT '', -- "en>fr,fr>en": interpreted pairs, "" none
    time_zone TEXT NOT NULL,
    capacity {{int}} NOT NULL CHECK (capacity BETWEEN 1 AND 1000),
    enrol_opens {{int}} NOT NULL,
    enrol_closes {{int}} NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('planned', 'open', 'running', 'completed', 'cancelled')),
    threshold_percent {{int}} NOT NULL DEFAULT 80 CHECK (threshold_percent BETWEEN 1 AND 100),
    make_ups_allowed {{int}} NOT NULL DEFAULT 1,
    illustrative {{int}} NOT NULL DEFAULT 0, -- shipped demo cycles, marked as examples on the page
    created_by {{int}} REFERENCES accounts_users (id) ON DELETE SET NULL,
    created_at {{int}} NOT NULL,
    updated_at {{int}} NOT NULL
);
CREATE INDEX training_cycles_region ON training_cycles (region_slug, phase);

-- Facilitators and interpreters of a cycle (people holding that role in the cycle's region).
CREATE TABLE training_staff (
    cycle_id {{int}} NOT NULL REFERENCES training_cycles (id) ON DELETE CASCADE,
    user_id {{int}} NOT NULL REFERENCES accounts_users (id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('facilitator', 'interpreter')),
    PRIMARY KEY (cycle_id, user_id, role)
);
CREATE INDEX training_staff_user ON training_staff (user_id);

CREATE TABLE training_sessions (
    id {{id}},
    cycle_id {{int}} NOT NULL REFERENCES training_cycles (id) ON DELETE CASCADE,
    number {{int}} NOT NULL,
    starts_at {{int}} NOT NULL,
    minutes {{int}} NOT NULL CHECK (minutes BETWEEN 15 AND 720),
    mode TEXT NOT NULL CHECK (mode IN ('in_person', 'online', 'hybrid')),
    place TEXT NOT NULL DEFAULT '',
    conference_url TEXT NOT NULL DEFAULT '',
    dial_in TEXT NOT NULL DEFAULT '',
    workshops TEXT NOT NULL DEFAULT '',      -- guide workshop slugs, comma-separated, in order
    plan_token TEXT NOT NULL DEFAULT '',     -- or a saved plan's share token (/guide/shared/{token})
    cancelled {{int}} NOT NULL DEFAULT 0,
    sequence {{int}} NOT NULL DEFAULT 0,     -- calendar SEQUENCE: raised on every change
    uid TEXT NOT NULL UNIQUE,                -- calendar UID, stable
    checkin_code TEXT NOT NULL,              -- self check-in while the session runs
    not_recorded_reason TEXT NOT NULL DEFAULT '',
    updated_at {{int}} NOT NULL,
    UNIQUE (cycle_id, number)
);
CREATE INDEX training_sessions_start ON training_sessions (starts_at);

-- A place in a cycle. state: enrolled, waiting (the list, by waiting_since), withdrawn.
-- confirmed_at: when the place was confirmed (enrolment or promotion), for the all-sessions rule.
CREATE TABLE training_enrolments (
    id {{id}},
    cycle_id {{int}} NOT NULL REFERENCES training_cycles (id) ON DELETE CASCADE,
    user_id {{int}} REFERENCES accounts_users (id) ON DELETE SET NULL,
    state TEXT NOT NULL CHECK (state IN ('enrolled', 'waiting', 'withdrawn')),
    code TEXT NOT NULL UNIQUE,               -- personal registration code (sign-in sheet)
    invited_by {{int}} REFERENCES accounts_users (id) ON DELETE SET NULL,
    requested_at {{int}} NOT NULL,
    confirmed_at {{int}},
    withdrawn_at {{int}},
    UNIQUE (cycle_id, user_id)
);
CREATE INDEX training_enrolments_user ON training_enrolments (user_id);

-- The latest mark per place and session, with who recorded it, when and from which source.
CREATE TABLE training_attendance (
    session_id {{int}} NOT NULL REFERENCES training_sessions (id) ON DELETE CASCADE,
    enrolment_id {{int}} NOT NULL REFERENCES training_enrolments (id) ON DELETE CASCADE,
    user_id {{int}} REFERENCES accounts_users (id) ON DELETE SET NULL,
    mark TEXT NOT NULL CHECK (mark IN ('present', 'late', 'partial', 'excused', 'absent')),
    minutes {{int}} NOT NULL DEFAULT 0,
    source TEXT NOT NULL CHECK (source IN ('roster', 'checkin', 'sheet', 'import')),
    recorded_by {{int}} REFERENCES accounts_users (id) ON DELETE SET NULL,
    recorded_at {{int}} NOT NULL,
    PRIMARY KEY (session_id, enrolment_id)
);
CREATE INDEX training_attendance_user ON training_attendance (user_id);

-- A make-up for a missed session: watch the recording, write a reflection, the facilitator decides.
CREATE TABLE training_make_ups (
    session_id {{int}} NOT NULL REFERENCES training_sessions (id) ON DELETE CASCADE,
    enrolment_id {{int}} NOT NULL REFERENCES training_enrolments (id) ON DELETE CASCADE,
    user_id {{int}} REFERENCES accounts_users (id) ON DELETE SET NULL,
    state TEXT NOT NULL CHECK (state IN ('submitted', 'approved', 'declined')),
    submitted_at {{int}} NOT NULL,
    decided_by {{int}} REFERENCES accounts_users (id) ON DELETE SET NULL,
    decided_at {{int}},
    PRIMARY KEY (session_id, enrolment_id)
);
CREATE INDEX training_make_ups_user ON training_make_ups (user_id);
-- The reflection is the person's own writing: erased with them.
CREATE TABLE training_reflections (
    session_id {{int}} NOT NULL REFERENCES training_sessions (id) ON DELETE CASCADE,
    enrolment_id {{int}} NOT NULL REFERENCES training_enrolments (id) ON DELETE CASCADE,
    user_id {{int}} NOT NULL REFERENCES accounts_users (id) ON DELETE CASCADE,
    body TEXT NOT NULL CHECK (length(body) BETWEEN 1 AND 8000),
    written_at {{int}} NOT NULL,
    PRIMARY KEY (session_id, enrolment_id)
);
CREATE INDEX training_reflections_user ON training_reflections (user_id);
