-- Work that the instances of one deployment share through the database, so that it is done once
-- and survives a crash (core/jobs, core/mail/queued_mailer).
-- A periodic job runs on whichever instance takes its lease first once `every` has passed; the
-- lease (holder, until_ms) keeps the others off while it runs. Times are Unix milliseconds.
CREATE TABLE job_leases (
    name TEXT PRIMARY KEY,
    holder TEXT NOT NULL DEFAULT '',
    until_ms {{int}} NOT NULL DEFAULT 0,
    last_run_ms {{int}} NOT NULL DEFAULT 0,
    runs {{int}} NOT NULL DEFAULT 0
);
-- Outgoing e-mail, written when a request asks for it (in its transaction when it has one) and
-- deleted once delivered or given up: an acknowledged request's e-mail is never lost to a crash,
-- and each message is claimed by one instance (claimed_until_ms) before it is sent.
CREATE TABLE mail_queue (
    id {{id}},
    recipient TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    lang TEXT NOT NULL,
    queued_ms {{int}} NOT NULL,
    attempts {{int}} NOT NULL DEFAULT 0,
    next_try_ms {{int}} NOT NULL DEFAULT 0,
    claimed_until_ms {{int}} NOT NULL DEFAULT 0,
    claim TEXT NOT NULL DEFAULT ''
);
CREATE INDEX mail_queue_due ON mail_queue (next_try_ms, id);
