-- 011_near_duplicates.sql: near-duplicate articles (syndicated copies,
-- lightly edited rewrites) join one story by their text.
--
-- Each article keeps a MinHash signature of its word shingles and the
-- hashes of the signature's bands (locality-sensitive hashing): two
-- articles whose texts share most shingles share a band with high
-- probability, so the candidates of an article are read through the band
-- index, never by comparing it with every stored article.  Both tables are
-- filled when an article is resolved (ingest, `dossier resolve`).
CREATE TABLE article_signatures ( -- one row per article long enough to be compared
    article INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    sig     BLOB NOT NULL          -- the MinHash values, 4 bytes each, little-endian
);
CREATE TABLE article_bands ( -- band hashes of the signatures: equal bands make candidates
    band    INTEGER NOT NULL,      -- hash of (language, band number, the band's values)
    article INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE
);
CREATE INDEX article_bands_band ON article_bands(band, article);
CREATE INDEX article_bands_article ON article_bands(article);
