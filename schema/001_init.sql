-- 001_init.sql: the knowledge base of dossier, version 1.
-- Every row that comes from text keeps its article and the byte span
-- [start, end) of that text in articles.body, so that every answer can be
-- shown in its source.  Names are in the plural; ids are INTEGER PRIMARY KEYs.

CREATE TABLE articles ( -- One ingested article: its original bytes untouched, the cleaned body the spans point into, and the metadata found in front matter or text.
    id          INTEGER PRIMARY KEY,
    source      TEXT NOT NULL,            -- the path (or "-") it was ingested from
    hash        TEXT NOT NULL UNIQUE,     -- SHA-256 of the original bytes, hex; identical bytes are one article
    original    BLOB NOT NULL,            -- the bytes as read, before any change
    body        TEXT NOT NULL,            -- the cleaned text: headline and paragraphs, boilerplate removed
    title       TEXT,                     -- headline, or NULL when the text has none
    outlet      TEXT,                     -- publisher ("Reuters", "Le Monde"), or NULL
    language    TEXT NOT NULL,            -- ISO 639-1 code (en, fr, de, es, ru, ...)
    published   TEXT,                     -- publication date YYYY-MM-DD, or NULL when unknown
    url         TEXT,                     -- where it was published, from front matter
    ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')), -- when it went in (UTC)
    story       INTEGER                   -- articles reporting the same story share this value (the smallest article id of the story)
);

CREATE TABLE sentences ( -- Sentences of an article body, in order.
    id        INTEGER PRIMARY KEY,
    article   INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE, -- the article
    paragraph INTEGER NOT NULL,           -- 0-based paragraph number in the body
    start     INTEGER NOT NULL,           -- byte offset of the first byte in articles.body
    end       INTEGER NOT NULL            -- byte offset just past the last byte
);
CREATE INDEX sentences_article ON sentences(article, start);

CREATE TABLE entities ( -- People, organisations, programmes and places, one row each across all articles and languages ("Gagarin", "Youri Gagarine" and "Mr Gagarin" are one).
    id        INTEGER PRIMARY KEY,
    kind      TEXT NOT NULL CHECK (kind IN ('person', 'organization', 'program', 'place')), -- what it is
    name      TEXT NOT NULL,              -- canonical name (the gazetteer's, or the fullest form seen)
    known     INTEGER NOT NULL DEFAULT 0  -- 1 when it comes from the gazetteer, 0 when found from text
);
CREATE INDEX entities_name ON entities(name);

CREATE TABLE aliases ( -- Every name an entity goes by: canonical, surface forms seen, gazetteer names.
    entity  INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE, -- the entity
    name    TEXT NOT NULL,                -- the name as written
    folded  TEXT NOT NULL,                -- case, accents and punctuation folded, for matching
    UNIQUE (entity, folded)
);
CREATE INDEX aliases_folded ON aliases(folded);

CREATE TABLE mentions ( -- Where an article refers to an entity, by name, short name, description or pronoun.
    id      INTEGER PRIMARY KEY,
    article INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE, -- the article
    entity  INTEGER NOT NULL REFERENCES entities(id),                   -- who or what is meant
    how     TEXT NOT NULL CHECK (how IN ('name', 'short', 'description', 'pronoun')), -- how it is referred to
    start   INTEGER NOT NULL,             -- byte span in articles.body
    end     INTEGER NOT NULL
);
CREATE INDEX mentions_entity ON mentions(entity, article);
CREATE INDEX mentions_article ON mentions(article);

CREATE TABLE roles ( -- Who holds which title in which organisation, as an article states it.
    id           INTEGER PRIMARY KEY,
    article      INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE, -- where it is stated
    person       INTEGER NOT NULL REFERENCES entities(id),  -- the holder
    title        TEXT NOT NULL,                             -- as written: "Director General", "porte-parole"
    organization INTEGER NOT NULL REFERENCES entities(id),  -- the organisation (a country for heads of state)
    start        INTEGER NOT NULL,                          -- byte span in articles.body
    end          INTEGER NOT NULL
);
CREATE INDEX roles_person ON roles(person);
CREATE INDEX roles_organization ON roles(organization);

CREATE TABLE statements ( -- Things said: direct quotations and reported speech, with their speakers.
    id       INTEGER PRIMARY KEY,
    article  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE, -- where it is reported
    kind     TEXT NOT NULL CHECK (kind IN ('direct', 'indirect')),     -- quotation or reported speech
    text     TEXT NOT NULL,               -- the words stated, as the article gives them
    cue      TEXT,                        -- the cue: "said", "according to", "a déclaré"
    speaker  INTEGER REFERENCES entities(id), -- who said it (an organisation for press services), NULL if unknown
    speaker_start INTEGER,                -- byte span of the speaker's mention in articles.body, if any
    speaker_end   INTEGER,
    start    INTEGER NOT NULL,            -- byte span of the words stated in articles.body
    end      INTEGER NOT NULL,
    cluster  INTEGER                      -- statements reporting the same utterance share this value (the smallest statement id)
);
CREATE INDEX statements_speaker ON statements(speaker);
CREATE INDEX statements_article ON statements(article);
CREATE INDEX statements_cluster ON statements(cluster);

CREATE TABLE statement_topics ( -- What each statement is about.
    statement INTEGER NOT NULL REFERENCES statements(id) ON DELETE CASCADE, -- the statement
    entity    INTEGER NOT NULL REFERENCES entities(id),                     -- what it is about
    PRIMARY KEY (statement, entity)
) WITHOUT ROWID;
CREATE INDEX statement_topics_entity ON statement_topics(entity);

CREATE TABLE dates ( -- Dates and time expressions, resolved against the article's publication date.
    id        INTEGER PRIMARY KEY,
    article   INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE, -- the article
    value     TEXT,                       -- YYYY, YYYY-MM or YYYY-MM-DD; NULL when it cannot be resolved
    precision TEXT NOT NULL CHECK (precision IN ('none', 'year', 'month', 'day')), -- how much value says
    relative  INTEGER NOT NULL,           -- 1 when resolved against the publication date ("last week")
    start     INTEGER NOT NULL,           -- byte span in articles.body
    end       INTEGER NOT NULL
);
CREATE INDEX dates_article ON dates(article);

CREATE TABLE events ( -- Events: launches, agreements, visits, interviews, ... (kinds of shared/eval/README.md).
    id        INTEGER PRIMARY KEY,
    article   INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE, -- where it is reported
    kind      TEXT NOT NULL,              -- interview, visit, meeting, agreement, launch, construction, ...
    trigger   TEXT,                       -- the word that reports it, as written
    date      TEXT,                       -- YYYY, YYYY-MM or YYYY-MM-DD, or NULL when unknown
    start     INTEGER NOT NULL,           -- byte span of the clause in articles.body
    end       INTEGER NOT NULL
);
CREATE INDEX events_article ON events(article);
CREATE INDEX events_date ON events(date);

CREATE TABLE event_participants ( -- Who and what took part in an event.
    event  INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE, -- the event
    entity INTEGER NOT NULL REFERENCES entities(id),                 -- a participant
    PRIMARY KEY (event, entity)
) WITHOUT ROWID;
CREATE INDEX event_participants_entity ON event_participants(entity);

-- Full-text search over article titles and bodies (external content: articles).
CREATE VIRTUAL TABLE articles_fts USING fts5(title, body, content='articles', content_rowid='id');
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
END;

-- Full-text search over statements (external content: statements).
CREATE VIRTUAL TABLE statements_fts USING fts5(text, content='statements', content_rowid='id');
CREATE TRIGGER statements_fts_insert AFTER INSERT ON statements BEGIN
    INSERT INTO statements_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER statements_fts_delete AFTER DELETE ON statements BEGIN
    INSERT INTO statements_fts(statements_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
