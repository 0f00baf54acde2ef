-- Who may open a resource: 'public' (everyone, listed and searched), 'members' (people signed in)
-- or 'gated' (the module named by the gate's prefix decides, e.g. "training-session:12" for the
-- participants of a training cycle). Only public resources are listed, searched and put in feeds;
-- the others open by their address for those who may. The listing's index leads with access.
-- dialect: both
ALTER TABLE library_resources ADD COLUMN access TEXT NOT NULL DEFAULT 'public' CHECK (access IN ('public', 'members', 'gated'));
ALTER TABLE library_resources ADD COLUMN gate TEXT NOT NULL DEFAULT '';
DROP INDEX library_resources_newest;
CREATE INDEX library_resources_newest ON library_resources (access, published_on DESC, id DESC);
