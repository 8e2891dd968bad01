-- 020_recent_bands.sql: the band hashes of the latest articles wait in a
-- small table before they join the big band index.
--
-- A band hash is random, so each new band row lands on its own leaf of
-- article_bands_band: at 100k articles, 20 leaves read and written per
-- article, the most of any index.  New bands go to article_bands_recent,
-- whose index is a few hundred leaves that stay in the page cache; when it
-- holds some thousand articles' bands, shingles.c moves them into
-- article_bands in band order, each leaf of the big index written once
-- for all of them.  Near-duplicate candidates are read from both tables.
CREATE TABLE article_bands_recent ( -- band hashes of the latest articles, not yet in article_bands (same columns)
    band    INTEGER NOT NULL,      -- hash of (language, band number, the band's values)
    article INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    day     INTEGER                -- the article's publication date as a day number (julianday), NULL when undated
);
CREATE INDEX article_bands_recent_band ON article_bands_recent(band, article, day);
CREATE INDEX article_bands_recent_article ON article_bands_recent(article);

CREATE TRIGGER article_bands_recent_day AFTER UPDATE OF published ON articles
WHEN new.published IS NOT old.published BEGIN -- the bands follow the article's new date
    UPDATE article_bands_recent SET day = CAST(julianday(new.published) AS INTEGER) WHERE article = new.id;
END;
