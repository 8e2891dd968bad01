-- 005_corrections.sql: corrections made by hand, and articles that change.
-- A correction names entities by kind and canonical name, statements by
-- article, span and words, articles by hash and source: never by an id
-- that resolution or re-extraction may give to something else.  Resolution
-- re-applies every correction, in id order, after it has run.

CREATE TABLE corrections ( -- Corrections made by hand (dossier merge, split, rename, kind, alias, speaker, forget), re-applied in order after every resolution so that they last.
    id         INTEGER PRIMARY KEY,
    what       TEXT NOT NULL CHECK (what IN ('merge', 'split', 'rename', 'kind', 'alias-add', 'alias-remove', 'speaker', 'forget')), -- the command that made it
    kind       TEXT,              -- the kind of the entity corrected, when it is about an entity
    name       TEXT,              -- that entity's canonical name when the correction was made
    folded     TEXT,              -- name folded as aliases.folded is, for finding the corrections about an article's entities
    value      TEXT,              -- merge: the entity merged into; rename: the new name; kind: the new kind; split, alias-add, alias-remove: the name; speaker: the new speaker's name, NULL for none
    value_kind TEXT,              -- merge and speaker: the kind of the entity named by value
    article    INTEGER,           -- speaker, forget, a split mention: the article (no foreign key: a forgotten article is gone)
    start      INTEGER,           -- speaker: the statement's byte span; a split mention: the mention's
    end        INTEGER,
    text       TEXT,              -- speaker: the statement's words; a split mention: its sentence up to its end; to find them again in an edited article
    hash       TEXT,              -- forget: SHA-256 of the article's bytes, which are not ingested again
    source     TEXT,              -- forget: where the article came from; while no article from there is stored, other bytes from there are not ingested either
    note       TEXT,              -- why, in the words of whoever made it (--note)
    made_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')) -- when (UTC)
);
CREATE INDEX corrections_folded ON corrections(folded);
CREATE INDEX corrections_article ON corrections(article);
CREATE INDEX corrections_hash ON corrections(hash);
CREATE INDEX corrections_source ON corrections(source);

CREATE VIEW correction_list AS -- The corrections in the order they are applied, each described in one line.
SELECT id AS correction, made_at, what,
       CASE what
         WHEN 'merge' THEN printf('%s (%s) merged into %s (%s)', name, kind, value, value_kind)
         WHEN 'split' THEN CASE WHEN article IS NULL
                                THEN printf('name "%s" of %s (%s) split off as an entity of its own', value, name, kind)
                                ELSE printf('mention at %d-%d of article %d split from %s (%s) as %s', start, end, article, name, kind, value) END
         WHEN 'rename' THEN printf('%s (%s) renamed %s', name, kind, value)
         WHEN 'kind' THEN printf('%s is of kind %s, not %s', name, value, kind)
         WHEN 'alias-add' THEN printf('%s (%s) also goes by "%s"', name, kind, value)
         WHEN 'alias-remove' THEN printf('%s (%s) does not go by "%s"', name, kind, value)
         WHEN 'speaker' THEN printf('statement "%s" (article %d) said by %s', substr(text, 1, 40) || CASE WHEN length(text) > 40 THEN '...' ELSE '' END, article, coalesce(value, 'nobody known'))
         WHEN 'forget' THEN printf('article %d (%s) forgotten', article, source)
       END AS correction_text, -- what the correction says
       note -- why
FROM corrections ORDER BY id;

-- Articles that change: the extractor version of each, and the versions a
-- newer ingest of the same source replaced.
ALTER TABLE articles ADD COLUMN version INTEGER NOT NULL DEFAULT 1; -- 1 for the first ingest of its source, one more for each edited version that replaced it
ALTER TABLE articles ADD COLUMN extracted_by TEXT; -- the dossier version whose extractor made its rows (NULL: before 0.1.0 recorded it); `dossier reindex` brings stale ones up to date
CREATE INDEX articles_source ON articles(source);

CREATE TABLE article_versions ( -- Earlier versions of an article, replaced when its source was ingested again with other bytes; their rows are gone, their corrections kept.
    article      INTEGER NOT NULL,  -- articles.id, which the article keeps across versions
    version      INTEGER NOT NULL,  -- the version replaced (articles.version holds the current one)
    hash         TEXT NOT NULL,     -- SHA-256 of that version's bytes
    bytes        INTEGER NOT NULL,  -- its size
    title        TEXT,              -- its headline
    extracted_by TEXT,              -- the dossier version that extracted it
    ingested_at  TEXT NOT NULL,     -- when it went in
    replaced_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')), -- when the next version replaced it
    PRIMARY KEY (article, version)
) WITHOUT ROWID;

-- A statement whose speaker a correction changed is compared, when
-- clustering, with the statements of its new speaker.
CREATE TRIGGER statements_speaker_features AFTER UPDATE OF speaker ON statements
WHEN new.speaker IS NOT old.speaker BEGIN
    UPDATE statement_features SET speaker = new.speaker WHERE statement = new.id;
END;
