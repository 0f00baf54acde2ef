-- The fingerprint of the English text each page translation was made from ('' when unknown).
ALTER TABLE programme_pages ADD COLUMN translated_from TEXT NOT NULL DEFAULT '';
