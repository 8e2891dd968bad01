-- 025_middle_bands.sql: the band hashes of near-duplicate detection get a
-- middle table between article_bands_recent (020) and article_bands.
--
-- A band hash is random, so a merge of the recent bands into article_bands
-- wrote nearly every leaf of article_bands_band: at 100k articles some
-- 13,000 leaves every 3,000 articles, a cost per article that grew with
-- the database.  The newest bands now move into this table in band order
-- about every 1,600 articles, and from it into article_bands about every
-- 13,000 (shingles.c); near-duplicate candidates are read from the three.
CREATE TABLE article_bands_middle ( -- band hashes on their way from article_bands_recent to article_bands (same columns)
    band    INTEGER NOT NULL,      -- hash of (language, band number, the band's values)
    article INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    day     INTEGER                -- the article's publication date as a day number (julianday), NULL when undated
);
CREATE INDEX article_bands_middle_band ON article_bands_middle(band, article, day);
CREATE INDEX article_bands_middle_article ON article_bands_middle(article);

CREATE TRIGGER article_bands_middle_day AFTER UPDATE OF published ON articles
WHEN new.published IS NOT old.published BEGIN -- the bands follow the article's new date
    UPDATE article_bands_middle SET day = CAST(julianday(new.published) AS INTEGER) WHERE article = new.id;
END;
