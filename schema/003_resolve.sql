-- 003_resolve.sql: what joining across articles reads.  Each new article is
-- compared only with candidates found through these indexes (the same
-- speaker, articles published near it), and what is compared of a statement
-- is worked out once, when it is stored, never again for each comparison.

CREATE TABLE statement_features ( -- What statement clustering compares of each statement, computed once.
    statement INTEGER PRIMARY KEY REFERENCES statements(id) ON DELETE CASCADE, -- the statement
    speaker   INTEGER,               -- statements.speaker: only statements of one speaker are compared
    article   INTEGER NOT NULL,      -- statements.article
    day       INTEGER,               -- the article's publication date as a day number (julianday), NULL when undated
    language  TEXT NOT NULL,         -- the article's language
    kind      TEXT NOT NULL,         -- direct or indirect
    rank      INTEGER NOT NULL,      -- 0-based place among the statements of this speaker in the article
    words     TEXT,                  -- content words, folded, sorted, space-separated (no stop words, no names); NULL until first needed
    numbers   TEXT,                  -- the numbers stated, as digit strings, space-separated
    names     TEXT                   -- entities.id of the names inside the statement, space-separated
);
CREATE INDEX statement_features_speaker ON statement_features(speaker, day);

-- Statements stored before this version: their words are worked out when first compared.
INSERT INTO statement_features(statement, speaker, article, day, language, kind, rank)
SELECT s.id, s.speaker, s.article, CAST(julianday(a.published) AS INTEGER), a.language, s.kind,
       row_number() OVER (PARTITION BY s.article, s.speaker ORDER BY s.start, s.id) - 1
FROM statements s JOIN articles a ON a.id = s.article;

-- The articles of a story, for merging two stories into one.
CREATE INDEX articles_story ON articles(story);

-- The initials of organisations named by several capitalised words
-- (Federal Bureau of Investigation: fbi), so that an acronym found in one
-- article meets the full name found in another.
ALTER TABLE entities ADD COLUMN initials TEXT;
CREATE INDEX entities_initials ON entities(initials) WHERE initials IS NOT NULL;
