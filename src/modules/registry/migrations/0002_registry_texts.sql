-- Shipped texts the register works from, as JSON made from content/registry at seed: the
-- co-governance checklist ("checklist") and the information-request template
-- ("information-request"). Written again by each seed (they are not edited on the platform).
CREATE TABLE registry_texts (
    slug TEXT PRIMARY KEY,
    body TEXT NOT NULL,
    updated_at {{int}} NOT NULL
);
