-- Each region's hub (its "virtual union centre of excellence"): a presentation per language and a
-- contact address. The hub's people, cycles, materials and cases come from where they live.
CREATE TABLE network_hubs (
    region TEXT PRIMARY KEY,
    contact TEXT NOT NULL DEFAULT '',
    updated_at {{int}} NOT NULL
);
CREATE TABLE network_hub_texts (
    region TEXT NOT NULL REFERENCES network_hubs (region) ON DELETE CASCADE,
    lang TEXT NOT NULL,
    intro TEXT NOT NULL,
    PRIMARY KEY (region, lang)
){{without_rowid}};
