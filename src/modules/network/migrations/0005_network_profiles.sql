-- What a Digital Rights Organiser (or coordinator) tells colleagues about themselves on the hubs of
-- their regions: languages, sectors, skills and what they can help with, and who may read it
-- (public: everyone, only with the "listed publicly" consent, else as members; members: people
-- signed in; hub: the region's network). Goes with its person when they are erased.
CREATE TABLE network_profiles (
    user_id {{int}} PRIMARY KEY REFERENCES accounts_users (id) ON DELETE CASCADE,
    languages TEXT NOT NULL DEFAULT '',
    sectors TEXT NOT NULL DEFAULT '',
    skills TEXT NOT NULL DEFAULT '',
    help TEXT NOT NULL DEFAULT '',
    visibility TEXT NOT NULL CHECK (visibility IN ('public', 'members', 'hub')),
    updated_at {{int}} NOT NULL
);
