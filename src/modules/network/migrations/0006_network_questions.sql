-- Questions and answers in the hubs: a member asks the hub of a region ("has anyone negotiated over
-- this scheduling system?"), Digital Rights Organisers of any region answer, and the asker marks
-- the answer that helped. A question links to practice cases and clauses by their addresses.
-- visibility: public (everyone) or members (people signed in). digested: 1 once the region's DROs
-- had it in their daily digest. A question stays when its asker is erased, without them.
CREATE TABLE network_questions (
    id {{id}},
    region TEXT NOT NULL,
    author_id {{int}} REFERENCES accounts_users (id) ON DELETE SET NULL,
    lang TEXT NOT NULL,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    links TEXT NOT NULL DEFAULT '',                -- platform paths, comma-separated
    visibility TEXT NOT NULL CHECK (visibility IN ('public', 'members')),
    helpful_answer_id {{int}},
    digested {{int}} NOT NULL DEFAULT 0,
    created_at {{int}} NOT NULL,
    updated_at {{int}} NOT NULL
);
CREATE INDEX network_questions_listed ON network_questions (visibility, region, created_at DESC, id DESC);
CREATE INDEX network_questions_author ON network_questions (author_id);
CREATE INDEX network_questions_digest ON network_questions (digested, region);
CREATE TABLE network_answers (
    id {{id}},
    question_id {{int}} NOT NULL REFERENCES network_questions (id) ON DELETE CASCADE,
    author_id {{int}} REFERENCES accounts_users (id) ON DELETE SET NULL,
    body TEXT NOT NULL,
    created_at {{int}} NOT NULL
);
CREATE INDEX network_answers_question ON network_answers (question_id, created_at);
CREATE INDEX network_answers_author ON network_answers (author_id);
-- The daily digest of new questions: on unless the DRO turned it off on their profile.
ALTER TABLE network_profiles ADD COLUMN digest {{int}} NOT NULL DEFAULT 1;
