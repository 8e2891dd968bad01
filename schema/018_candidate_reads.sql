-- 018_candidate_reads.sql: the candidates that resolving an article reads
-- come from one index each, not from a row of another table per
-- candidate.  At 100k articles a speaker's statements of a week, or the
-- articles sharing a band, lie on pages all over the file, one page read
-- per candidate: with what is compared in the index itself, they are a
-- few neighbouring leaves.

-- Clustering reads a speaker's statements of a week with all it compares
-- of them and their clusters (cluster.c); statements without a speaker
-- are never compared.
ALTER TABLE statement_features ADD COLUMN cluster INTEGER; -- statements.cluster, kept by the trigger below
UPDATE statement_features SET cluster = (SELECT s.cluster FROM statements s WHERE s.id = statement);
CREATE INDEX statement_features_near ON statement_features(speaker, day, statement, article, kind, rank, language,
                                                           words, numbers, names, cluster) WHERE speaker IS NOT NULL;
DROP INDEX IF EXISTS statement_features_speaker;

CREATE TRIGGER statements_cluster_features AFTER UPDATE OF cluster ON statements
WHEN new.cluster IS NOT old.cluster BEGIN -- the features row follows its statement's cluster
    UPDATE statement_features SET cluster = new.cluster WHERE statement = new.id;
END;

-- Near-duplicates (shingles.c) are articles of the same week sharing a
-- band: the band's rows carry the article's day, so that only the
-- candidates of the week are read a signature for.
ALTER TABLE article_bands ADD COLUMN day INTEGER; -- the article's publication date as a day number (julianday), NULL when undated
UPDATE article_bands SET day = (SELECT CAST(julianday(a.published) AS INTEGER) FROM articles a WHERE a.id = article);
DROP INDEX IF EXISTS article_bands_band;
CREATE INDEX article_bands_band ON article_bands(band, article, day);

CREATE TRIGGER article_bands_day AFTER UPDATE OF published ON articles
WHEN new.published IS NOT old.published BEGIN -- the bands follow the article's new date
    UPDATE article_bands SET day = CAST(julianday(new.published) AS INTEGER) WHERE article = new.id;
END;
