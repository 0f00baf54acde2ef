-- The tracker of what a union asked the employer about an entry (information requests and
-- demands): when it was sent, the deadline, the employer's answer, its status, and when each
-- reminder went out (so that it goes out once; a new date arms it again).
CREATE TABLE registry_requests (
    id {{id}},
    entry_id {{int}} NOT NULL REFERENCES registry_entries (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('information-request', 'demand')),
    title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    status TEXT NOT NULL CHECK (status IN ('draft', 'sent', 'answered', 'closed')),
    sent_on TEXT NOT NULL DEFAULT '',
    deadline TEXT NOT NULL DEFAULT '',
    review_on TEXT NOT NULL DEFAULT '',
    answer TEXT NOT NULL DEFAULT '',
    created_by {{int}} REFERENCES accounts_users (id) ON DELETE SET NULL,
    created_at {{int}} NOT NULL,
    updated_at {{int}} NOT NULL,
    deadline_reminded_at {{int}},
    review_reminded_at {{int}}
);
CREATE INDEX registry_requests_entry ON registry_requests (entry_id, created_at);
CREATE INDEX registry_requests_due ON registry_requests (status, deadline);
