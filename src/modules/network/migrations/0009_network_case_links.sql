-- A case's links to what else the platform holds: library resources (/library/12), bargaining
-- clauses (/bargaining/clauses/<slug>) and coalitions (/network/coalitions/3), as paths,
-- comma-separated. A coalition's page lists the cases that link to it.
ALTER TABLE network_cases ADD COLUMN links TEXT NOT NULL DEFAULT '';
