-- Contributed clauses wait as drafts in the reviewers' queue. The access the contributor agreed
-- to is the most a reviewer may open the clause to; a declined contribution keeps the reviewer's
-- message for its contributor.
ALTER TABLE bargaining_clauses ADD COLUMN consented_access TEXT NOT NULL DEFAULT 'public';
ALTER TABLE bargaining_clauses ADD COLUMN review_note TEXT NOT NULL DEFAULT '';
