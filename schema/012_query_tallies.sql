-- 012_query_tallies.sql: what a query command reads no longer grows with
-- the database.  Counts and orders that the queries used to work out from
-- every row (stats, entities by mentions, an entity's statements and
-- articles by date, events by date) are kept by the triggers below as rows
-- change, whoever changes them (ingest, resolve, corrections, the sqlite3
-- shell).  Each table here is a function of the tables it is kept from:
-- tests/cli_tallies.sh compares it with a recount
-- (tests/tallies_recount.sql) after every kind of change.

-- ---------------------------------------------------------------- counts

CREATE TABLE tallies ( -- How many rows some tables hold, kept by triggers, for `dossier stats`.
    what TEXT PRIMARY KEY,  -- a table ('articles', 'entities', 'aliases', 'mentions', 'roles', 'statements', 'events'), 'unclustered' (statements without a cluster) or 'distinct ' and a value_tallies.what (how many values it holds)
    n    INTEGER NOT NULL   -- the count
) WITHOUT ROWID;

CREATE TABLE value_tallies ( -- How many rows hold each value of a column whose values stats counts.
    what  TEXT NOT NULL,     -- 'story' (articles.story), 'language', 'extracted_by' ('' for NULL), 'kind' (entities.kind), 'cluster' (statements.cluster)
    value NOT NULL,          -- the value
    n     INTEGER NOT NULL,  -- how many rows hold it (rows with none are removed)
    PRIMARY KEY (what, value)
) WITHOUT ROWID;

CREATE TRIGGER value_tallies_insert AFTER INSERT ON value_tallies BEGIN -- one more distinct value
    UPDATE tallies SET n = n + 1 WHERE what = 'distinct ' || new.what;
END;
CREATE TRIGGER value_tallies_delete AFTER DELETE ON value_tallies BEGIN -- one distinct value fewer
    UPDATE tallies SET n = n - 1 WHERE what = 'distinct ' || old.what;
END;

-- ------------------------------------------------- entities by mentions

CREATE TABLE entity_tallies ( -- Per entity: articles that mention it and statements it made, kept by triggers, for lists of the most mentioned.
    entity     INTEGER PRIMARY KEY,  -- entities.id
    kind       TEXT NOT NULL,        -- entities.kind
    name       TEXT NOT NULL,        -- entities.name
    articles   INTEGER NOT NULL,     -- how many articles mention it
    statements INTEGER NOT NULL      -- how many statements it is the speaker of
);
CREATE INDEX entity_tallies_order ON entity_tallies(articles DESC, name, entity);

CREATE TABLE entity_article_mentions ( -- Per entity and article that mentions it: how often, and the article's date, kept by triggers.
    entity    INTEGER NOT NULL,  -- mentions.entity
    article   INTEGER NOT NULL,  -- mentions.article
    published TEXT,              -- the article's publication date
    mentions  INTEGER NOT NULL,  -- how many mentions of the entity the article holds
    PRIMARY KEY (entity, article)
) WITHOUT ROWID;
CREATE INDEX entity_article_mentions_date ON entity_article_mentions(entity, published, article);

CREATE TRIGGER entity_article_mentions_insert AFTER INSERT ON entity_article_mentions BEGIN -- one more article mentions it
    UPDATE entity_tallies SET articles = articles + 1 WHERE entity = new.entity;
END;
CREATE TRIGGER entity_article_mentions_delete AFTER DELETE ON entity_article_mentions BEGIN -- one article fewer
    UPDATE entity_tallies SET articles = articles - 1 WHERE entity = old.entity;
END;

-- ------------------------------------------- statements about an entity

CREATE TABLE mention_statements ( -- Which statements each mention lies inside (same article, its span within theirs), kept by triggers.
    mention   INTEGER NOT NULL,  -- mentions.id
    statement INTEGER NOT NULL,  -- statements.id
    entity    INTEGER NOT NULL,  -- mentions.entity
    PRIMARY KEY (mention, statement)
) WITHOUT ROWID;
CREATE INDEX mention_statements_statement ON mention_statements(statement);

CREATE TABLE statement_entities ( -- The view statement_about as a table, one row per statement and entity, with the article's date: who-said reads an entity's statements in date order.
    statement INTEGER NOT NULL,  -- statements.id
    entity    INTEGER NOT NULL,  -- an entity it is about (a topic, or mentioned inside its words)
    refs      INTEGER NOT NULL,  -- how many statement_topics and mention_statements rows say so
    undated   INTEGER NOT NULL,  -- 1 when the reporting article has no date
    published TEXT,              -- the reporting article's publication date
    cluster   INTEGER,           -- statements.cluster
    PRIMARY KEY (statement, entity)
) WITHOUT ROWID;
CREATE INDEX statement_entities_date ON statement_entities(entity, undated, published, statement, cluster);

CREATE TRIGGER mention_statements_insert AFTER INSERT ON mention_statements BEGIN -- the statement is about the mention's entity
    INSERT INTO statement_entities(statement, entity, refs, undated, published, cluster)
    SELECT s.id, new.entity, 1, a.published IS NULL, a.published, s.cluster
    FROM statements s JOIN articles a INDEXED BY articles_meta ON a.id = s.article WHERE s.id = new.statement
    ON CONFLICT(statement, entity) DO UPDATE SET refs = refs + 1;
END;
CREATE TRIGGER mention_statements_delete AFTER DELETE ON mention_statements BEGIN -- one reason fewer
    UPDATE statement_entities SET refs = refs - 1 WHERE statement = old.statement AND entity = old.entity;
    DELETE FROM statement_entities WHERE statement = old.statement AND entity = old.entity AND refs <= 0;
END;
CREATE TRIGGER mention_statements_update AFTER UPDATE OF entity ON mention_statements BEGIN -- the reason moves
    UPDATE statement_entities SET refs = refs - 1 WHERE statement = old.statement AND entity = old.entity;
    DELETE FROM statement_entities WHERE statement = old.statement AND entity = old.entity AND refs <= 0;
    INSERT INTO statement_entities(statement, entity, refs, undated, published, cluster)
    SELECT s.id, new.entity, 1, a.published IS NULL, a.published, s.cluster
    FROM statements s JOIN articles a INDEXED BY articles_meta ON a.id = s.article WHERE s.id = new.statement
    ON CONFLICT(statement, entity) DO UPDATE SET refs = refs + 1;
END;

CREATE TRIGGER statement_topics_about_insert AFTER INSERT ON statement_topics BEGIN -- the statement is about its topic
    INSERT INTO statement_entities(statement, entity, refs, undated, published, cluster)
    SELECT s.id, new.entity, 1, a.published IS NULL, a.published, s.cluster
    FROM statements s JOIN articles a INDEXED BY articles_meta ON a.id = s.article WHERE s.id = new.statement
    ON CONFLICT(statement, entity) DO UPDATE SET refs = refs + 1;
END;
CREATE TRIGGER statement_topics_about_delete AFTER DELETE ON statement_topics BEGIN -- one reason fewer
    UPDATE statement_entities SET refs = refs - 1 WHERE statement = old.statement AND entity = old.entity;
    DELETE FROM statement_entities WHERE statement = old.statement AND entity = old.entity AND refs <= 0;
END;
CREATE TRIGGER statement_topics_about_update AFTER UPDATE ON statement_topics BEGIN -- the reason moves
    UPDATE statement_entities SET refs = refs - 1 WHERE statement = old.statement AND entity = old.entity;
    DELETE FROM statement_entities WHERE statement = old.statement AND entity = old.entity AND refs <= 0;
    INSERT INTO statement_entities(statement, entity, refs, undated, published, cluster)
    SELECT s.id, new.entity, 1, a.published IS NULL, a.published, s.cluster
    FROM statements s JOIN articles a INDEXED BY articles_meta ON a.id = s.article WHERE s.id = new.statement
    ON CONFLICT(statement, entity) DO UPDATE SET refs = refs + 1;
END;

-- ---------------------------------------------------------- events by date

CREATE TABLE event_dates ( -- Each event's place in a timeline (its date, else its article's), kept by triggers.
    event     INTEGER PRIMARY KEY,  -- events.id
    undated   INTEGER NOT NULL,     -- 1 when neither the event nor its article has a date
    sort_date TEXT                  -- the event's date, else its article's publication date
);
CREATE INDEX event_dates_order ON event_dates(undated, sort_date, event);

CREATE TABLE entity_event_dates ( -- Each event's participants with its place in a timeline, kept by triggers: an entity's timeline in date order.
    event     INTEGER NOT NULL,  -- events.id
    entity    INTEGER NOT NULL,  -- event_participants.entity
    undated   INTEGER NOT NULL,  -- event_dates.undated
    sort_date TEXT,              -- event_dates.sort_date
    PRIMARY KEY (event, entity)
) WITHOUT ROWID;
CREATE INDEX entity_event_dates_order ON entity_event_dates(entity, undated, sort_date, event);

CREATE TRIGGER event_participants_dates_insert AFTER INSERT ON event_participants BEGIN -- the participant's timeline holds the event
    INSERT OR REPLACE INTO entity_event_dates(event, entity, undated, sort_date)
    SELECT new.event, new.entity, d.undated, d.sort_date FROM event_dates d WHERE d.event = new.event;
END;
CREATE TRIGGER event_participants_dates_delete AFTER DELETE ON event_participants BEGIN -- no longer
    DELETE FROM entity_event_dates WHERE event = old.event AND entity = old.entity;
END;
CREATE TRIGGER event_participants_dates_update AFTER UPDATE ON event_participants BEGIN -- another participant
    DELETE FROM entity_event_dates WHERE event = old.event AND entity = old.entity;
    INSERT OR REPLACE INTO entity_event_dates(event, entity, undated, sort_date)
    SELECT new.event, new.entity, d.undated, d.sort_date FROM event_dates d WHERE d.event = new.event;
END;
CREATE TRIGGER event_dates_participants_insert AFTER INSERT ON event_dates BEGIN -- an event placed (again): its participants' rows follow
    DELETE FROM entity_event_dates WHERE event = new.event;
    INSERT INTO entity_event_dates(event, entity, undated, sort_date)
    SELECT new.event, p.entity, new.undated, new.sort_date FROM event_participants p WHERE p.event = new.event;
END;
CREATE TRIGGER event_dates_participants_update AFTER UPDATE ON event_dates BEGIN -- an event's new date
    DELETE FROM entity_event_dates WHERE event = old.event;
    INSERT INTO entity_event_dates(event, entity, undated, sort_date)
    SELECT new.event, p.entity, new.undated, new.sort_date FROM event_participants p WHERE p.event = new.event;
END;
CREATE TRIGGER event_dates_participants_delete AFTER DELETE ON event_dates BEGIN -- an event gone
    DELETE FROM entity_event_dates WHERE event = old.event;
END;

-- ------------------------------------------------------------ the triggers

CREATE TRIGGER articles_tallies_insert AFTER INSERT ON articles BEGIN -- counts the new article
    UPDATE tallies SET n = n + 1 WHERE what = 'articles';
    INSERT INTO value_tallies(what, value, n) SELECT 'story', new.story, 1 WHERE new.story IS NOT NULL
    ON CONFLICT(what, value) DO UPDATE SET n = n + 1;
    INSERT INTO value_tallies(what, value, n) VALUES ('language', new.language, 1)
    ON CONFLICT(what, value) DO UPDATE SET n = n + 1;
    INSERT INTO value_tallies(what, value, n) VALUES ('extracted_by', coalesce(new.extracted_by, ''), 1)
    ON CONFLICT(what, value) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER articles_tallies_delete AFTER DELETE ON articles BEGIN -- uncounts it
    UPDATE tallies SET n = n - 1 WHERE what = 'articles';
    UPDATE value_tallies SET n = n - 1
    WHERE (what = 'story' AND value = old.story) OR (what = 'language' AND value = old.language)
       OR (what = 'extracted_by' AND value = coalesce(old.extracted_by, ''));
    DELETE FROM value_tallies
    WHERE ((what = 'story' AND value = old.story) OR (what = 'language' AND value = old.language)
           OR (what = 'extracted_by' AND value = coalesce(old.extracted_by, ''))) AND n <= 0;
END;

CREATE TRIGGER articles_story_update AFTER UPDATE OF story ON articles
WHEN new.story IS NOT old.story BEGIN -- the article moved to another story
    UPDATE value_tallies SET n = n - 1 WHERE what = 'story' AND value = old.story;
    DELETE FROM value_tallies WHERE what = 'story' AND value = old.story AND n <= 0;
    INSERT INTO value_tallies(what, value, n) SELECT 'story', new.story, 1 WHERE new.story IS NOT NULL
    ON CONFLICT(what, value) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER articles_language_update AFTER UPDATE OF language ON articles
WHEN new.language IS NOT old.language BEGIN -- the article is in another language
    UPDATE value_tallies SET n = n - 1 WHERE what = 'language' AND value = old.language;
    DELETE FROM value_tallies WHERE what = 'language' AND value = old.language AND n <= 0;
    INSERT INTO value_tallies(what, value, n) VALUES ('language', new.language, 1)
    ON CONFLICT(what, value) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER articles_extracted_by_update AFTER UPDATE OF extracted_by ON articles
WHEN new.extracted_by IS NOT old.extracted_by BEGIN -- the article was extracted again
    UPDATE value_tallies SET n = n - 1 WHERE what = 'extracted_by' AND value = coalesce(old.extracted_by, '');
    DELETE FROM value_tallies WHERE what = 'extracted_by' AND value = coalesce(old.extracted_by, '') AND n <= 0;
    INSERT INTO value_tallies(what, value, n) VALUES ('extracted_by', coalesce(new.extracted_by, ''), 1)
    ON CONFLICT(what, value) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER articles_dates_update AFTER UPDATE OF published ON articles
WHEN new.published IS NOT old.published BEGIN -- the new date, wherever it is kept
    UPDATE entity_article_mentions SET published = new.published
    WHERE article = new.id AND entity IN (SELECT entity FROM mentions WHERE article = new.id);
    UPDATE statement_entities SET undated = new.published IS NULL, published = new.published
    WHERE statement IN (SELECT id FROM statements WHERE article = new.id);
    UPDATE event_dates SET undated = (SELECT coalesce(v.date, new.published) IS NULL FROM events v WHERE v.id = event),
                           sort_date = (SELECT coalesce(v.date, new.published) FROM events v WHERE v.id = event)
    WHERE event IN (SELECT id FROM events WHERE article = new.id);
END;

CREATE TRIGGER entities_tallies_insert AFTER INSERT ON entities BEGIN -- counts the new entity, with what already points to it
    UPDATE tallies SET n = n + 1 WHERE what = 'entities';
    INSERT INTO value_tallies(what, value, n) VALUES ('kind', new.kind, 1)
    ON CONFLICT(what, value) DO UPDATE SET n = n + 1;
    INSERT OR REPLACE INTO entity_tallies(entity, kind, name, articles, statements)
    VALUES (new.id, new.kind, new.name,
            (SELECT count(*) FROM entity_article_mentions WHERE entity = new.id),
            (SELECT count(*) FROM statements WHERE speaker = new.id));
END;

CREATE TRIGGER entities_tallies_delete AFTER DELETE ON entities BEGIN -- uncounts it
    UPDATE tallies SET n = n - 1 WHERE what = 'entities';
    UPDATE value_tallies SET n = n - 1 WHERE what = 'kind' AND value = old.kind;
    DELETE FROM value_tallies WHERE what = 'kind' AND value = old.kind AND n <= 0;
    DELETE FROM entity_tallies WHERE entity = old.id;
END;

CREATE TRIGGER entities_tallies_update AFTER UPDATE OF kind, name ON entities
WHEN new.id = old.id AND (new.kind IS NOT old.kind OR new.name IS NOT old.name) BEGIN -- renamed, or of another kind
    UPDATE value_tallies SET n = n - 1 WHERE what = 'kind' AND value = old.kind;
    DELETE FROM value_tallies WHERE what = 'kind' AND value = old.kind AND n <= 0;
    INSERT INTO value_tallies(what, value, n) VALUES ('kind', new.kind, 1)
    ON CONFLICT(what, value) DO UPDATE SET n = n + 1;
    UPDATE entity_tallies SET kind = new.kind, name = new.name WHERE entity = new.id;
END;

CREATE TRIGGER entities_tallies_renumber AFTER UPDATE OF id ON entities
WHEN new.id IS NOT old.id BEGIN -- renumbered: counted again under its new id
    UPDATE value_tallies SET n = n - 1 WHERE what = 'kind' AND value = old.kind;
    DELETE FROM value_tallies WHERE what = 'kind' AND value = old.kind AND n <= 0;
    INSERT INTO value_tallies(what, value, n) VALUES ('kind', new.kind, 1)
    ON CONFLICT(what, value) DO UPDATE SET n = n + 1;
    DELETE FROM entity_tallies WHERE entity = old.id;
    INSERT OR REPLACE INTO entity_tallies(entity, kind, name, articles, statements)
    VALUES (new.id, new.kind, new.name,
            (SELECT count(*) FROM entity_article_mentions WHERE entity = new.id),
            (SELECT count(*) FROM statements WHERE speaker = new.id));
END;

CREATE TRIGGER aliases_tallies_insert AFTER INSERT ON aliases BEGIN -- one more name
    UPDATE tallies SET n = n + 1 WHERE what = 'aliases';
END;
CREATE TRIGGER aliases_tallies_delete AFTER DELETE ON aliases BEGIN -- one name fewer
    UPDATE tallies SET n = n - 1 WHERE what = 'aliases';
END;

CREATE TRIGGER roles_tallies_insert AFTER INSERT ON roles BEGIN -- one more role
    UPDATE tallies SET n = n + 1 WHERE what = 'roles';
END;
CREATE TRIGGER roles_tallies_delete AFTER DELETE ON roles BEGIN -- one role fewer
    UPDATE tallies SET n = n - 1 WHERE what = 'roles';
END;

CREATE TRIGGER mentions_tallies_insert AFTER INSERT ON mentions BEGIN -- counts the mention
    UPDATE tallies SET n = n + 1 WHERE what = 'mentions';
    INSERT INTO entity_article_mentions(entity, article, published, mentions)
    VALUES (new.entity, new.article, (SELECT published FROM articles INDEXED BY articles_meta WHERE id = new.article), 1)
    ON CONFLICT(entity, article) DO UPDATE SET mentions = mentions + 1;
END;

-- (Ingest stores an article's mentions before its statements: the test
-- spares the write below to every mention of a new article.)
CREATE TRIGGER mentions_statements_insert AFTER INSERT ON mentions
WHEN EXISTS (SELECT 1 FROM statements WHERE article = new.article) BEGIN -- the statements it lies inside are about its entity
    INSERT INTO mention_statements(mention, statement, entity)
    SELECT new.id, s.id, new.entity FROM statements s
    WHERE s.article = new.article AND s.start <= new.start AND s."end" >= new."end" AND s."end" >= new.start;
END;

CREATE TRIGGER mentions_tallies_delete AFTER DELETE ON mentions BEGIN -- uncounts it
    UPDATE tallies SET n = n - 1 WHERE what = 'mentions';
    UPDATE entity_article_mentions SET mentions = mentions - 1 WHERE entity = old.entity AND article = old.article;
    DELETE FROM entity_article_mentions WHERE entity = old.entity AND article = old.article AND mentions <= 0;
    DELETE FROM mention_statements WHERE mention = old.id;
END;

CREATE TRIGGER mentions_tallies_entity AFTER UPDATE OF entity ON mentions
WHEN new.entity IS NOT old.entity AND new.id = old.id AND new.article = old.article AND new.start = old.start
     AND new."end" = old."end" BEGIN -- the mention now means another entity
    UPDATE entity_article_mentions SET mentions = mentions - 1 WHERE entity = old.entity AND article = old.article;
    DELETE FROM entity_article_mentions WHERE entity = old.entity AND article = old.article AND mentions <= 0;
    INSERT INTO entity_article_mentions(entity, article, published, mentions)
    VALUES (new.entity, new.article, (SELECT published FROM articles INDEXED BY articles_meta WHERE id = new.article), 1)
    ON CONFLICT(entity, article) DO UPDATE SET mentions = mentions + 1;
    UPDATE mention_statements SET entity = new.entity WHERE mention = new.id;
END;

CREATE TRIGGER mentions_tallies_moved AFTER UPDATE OF id, article, start, "end" ON mentions
WHEN new.id IS NOT old.id OR new.article IS NOT old.article OR new.start IS NOT old.start OR new."end" IS NOT old."end" BEGIN -- moved: counted again
    UPDATE entity_article_mentions SET mentions = mentions - 1 WHERE entity = old.entity AND article = old.article;
    DELETE FROM entity_article_mentions WHERE entity = old.entity AND article = old.article AND mentions <= 0;
    INSERT INTO entity_article_mentions(entity, article, published, mentions)
    VALUES (new.entity, new.article, (SELECT published FROM articles INDEXED BY articles_meta WHERE id = new.article), 1)
    ON CONFLICT(entity, article) DO UPDATE SET mentions = mentions + 1;
    DELETE FROM mention_statements WHERE mention = old.id;
    INSERT INTO mention_statements(mention, statement, entity)
    SELECT new.id, s.id, new.entity FROM statements s
    WHERE s.article = new.article AND s.start <= new.start AND s."end" >= new."end" AND s."end" >= new.start;
END;

CREATE TRIGGER statements_tallies_insert AFTER INSERT ON statements BEGIN -- counts the statement; it is about the mentions inside it
    UPDATE tallies SET n = n + 1 WHERE what = 'statements' OR (what = 'unclustered' AND new.cluster IS NULL);
    INSERT INTO value_tallies(what, value, n) SELECT 'cluster', new.cluster, 1 WHERE new.cluster IS NOT NULL
    ON CONFLICT(what, value) DO UPDATE SET n = n + 1;
    UPDATE entity_tallies SET statements = statements + 1 WHERE entity = new.speaker;
    INSERT INTO mention_statements(mention, statement, entity)
    SELECT m.id, new.id, m.entity FROM mentions m
    WHERE m.article = new.article AND m.start >= new.start AND m.start <= new."end" AND m."end" <= new."end";
END;

-- (Topics are stored after their statement: this one is for rows put in by hand.)
CREATE TRIGGER statements_topics_insert AFTER INSERT ON statements
WHEN EXISTS (SELECT 1 FROM statement_topics WHERE statement = new.id) BEGIN -- the topics stored before it
    INSERT INTO statement_entities(statement, entity, refs, undated, published, cluster)
    SELECT new.id, t.entity, 1, a.published IS NULL, a.published, new.cluster
    FROM statement_topics t JOIN articles a INDEXED BY articles_meta ON a.id = new.article WHERE t.statement = new.id
    ON CONFLICT(statement, entity) DO UPDATE SET refs = refs + 1;
END;

CREATE TRIGGER statements_tallies_delete AFTER DELETE ON statements BEGIN -- uncounts it
    UPDATE tallies SET n = n - 1 WHERE what = 'statements' OR (what = 'unclustered' AND old.cluster IS NULL);
    UPDATE value_tallies SET n = n - 1 WHERE what = 'cluster' AND value = old.cluster;
    DELETE FROM value_tallies WHERE what = 'cluster' AND value = old.cluster AND n <= 0;
    UPDATE entity_tallies SET statements = statements - 1 WHERE entity = old.speaker;
    DELETE FROM mention_statements WHERE statement = old.id;
    DELETE FROM statement_entities WHERE statement = old.id;
END;

CREATE TRIGGER statements_tallies_update AFTER UPDATE OF cluster, speaker ON statements
WHEN new.cluster IS NOT old.cluster OR new.speaker IS NOT old.speaker BEGIN -- moves the counts of changed values
    UPDATE tallies SET n = n + (new.cluster IS NULL) - (old.cluster IS NULL) WHERE what = 'unclustered';
    UPDATE value_tallies SET n = n - 1 WHERE what = 'cluster' AND value = old.cluster;
    DELETE FROM value_tallies WHERE what = 'cluster' AND value = old.cluster AND n <= 0;
    INSERT INTO value_tallies(what, value, n) SELECT 'cluster', new.cluster, 1 WHERE new.cluster IS NOT NULL
    ON CONFLICT(what, value) DO UPDATE SET n = n + 1;
    UPDATE entity_tallies SET statements = statements - 1 WHERE entity = old.speaker;
    UPDATE entity_tallies SET statements = statements + 1 WHERE entity = new.speaker;
END;

CREATE TRIGGER statements_cluster_about AFTER UPDATE OF cluster ON statements
WHEN new.cluster IS NOT old.cluster BEGIN -- the cluster, where who-said reads it
    UPDATE statement_entities SET cluster = new.cluster WHERE statement = new.id;
END;

CREATE TRIGGER statements_about_moved AFTER UPDATE OF id, article, start, "end" ON statements
WHEN new.id IS NOT old.id OR new.article IS NOT old.article OR new.start IS NOT old.start OR new."end" IS NOT old."end" BEGIN -- moved: what it is about, again
    DELETE FROM mention_statements WHERE statement = old.id;
    DELETE FROM statement_entities WHERE statement = old.id;
    INSERT INTO mention_statements(mention, statement, entity)
    SELECT m.id, new.id, m.entity FROM mentions m
    WHERE m.article = new.article AND m.start >= new.start AND m.start <= new."end" AND m."end" <= new."end";
    INSERT INTO statement_entities(statement, entity, refs, undated, published, cluster)
    SELECT new.id, t.entity, 1, a.published IS NULL, a.published, new.cluster
    FROM statement_topics t JOIN articles a INDEXED BY articles_meta ON a.id = new.article WHERE t.statement = new.id
    ON CONFLICT(statement, entity) DO UPDATE SET refs = refs + 1;
END;

CREATE TRIGGER events_tallies_insert AFTER INSERT ON events BEGIN -- counts the event, placed in the timeline
    UPDATE tallies SET n = n + 1 WHERE what = 'events';
    INSERT OR REPLACE INTO event_dates(event, undated, sort_date)
    SELECT new.id, d IS NULL, d
    FROM (SELECT coalesce(new.date, (SELECT published FROM articles INDEXED BY articles_meta WHERE id = new.article)) AS d);
END;

CREATE TRIGGER events_tallies_delete AFTER DELETE ON events BEGIN -- uncounts it
    UPDATE tallies SET n = n - 1 WHERE what = 'events';
    DELETE FROM event_dates WHERE event = old.id;
END;

CREATE TRIGGER events_dates_update AFTER UPDATE OF id, article, date ON events BEGIN -- placed again
    DELETE FROM event_dates WHERE event = old.id;
    INSERT OR REPLACE INTO event_dates(event, undated, sort_date)
    SELECT new.id, d IS NULL, d
    FROM (SELECT coalesce(new.date, (SELECT published FROM articles INDEXED BY articles_meta WHERE id = new.article)) AS d);
END;

-- ------------------------------------------ the rows already stored

INSERT INTO tallies(what, n) VALUES
    ('articles', (SELECT count(*) FROM articles)),
    ('entities', (SELECT count(*) FROM entities)),
    ('aliases', (SELECT count(*) FROM aliases)),
    ('mentions', (SELECT count(*) FROM mentions)),
    ('roles', (SELECT count(*) FROM roles)),
    ('statements', (SELECT count(*) FROM statements)),
    ('unclustered', (SELECT count(*) FROM statements WHERE cluster IS NULL)),
    ('events', (SELECT count(*) FROM events)),
    ('distinct story', 0), ('distinct language', 0), ('distinct extracted_by', 0), ('distinct kind', 0),
    ('distinct cluster', 0);

INSERT INTO value_tallies(what, value, n)
SELECT 'story', story, count(*) FROM articles WHERE story IS NOT NULL GROUP BY story
UNION ALL SELECT 'language', language, count(*) FROM articles GROUP BY language
UNION ALL SELECT 'extracted_by', coalesce(extracted_by, ''), count(*) FROM articles GROUP BY 2
UNION ALL SELECT 'kind', kind, count(*) FROM entities GROUP BY kind
UNION ALL SELECT 'cluster', cluster, count(*) FROM statements WHERE cluster IS NOT NULL GROUP BY cluster;

INSERT INTO entity_article_mentions(entity, article, published, mentions)
SELECT m.entity, m.article, a.published, count(*)
FROM mentions m JOIN articles a ON a.id = m.article GROUP BY m.entity, m.article;

INSERT INTO entity_tallies(entity, kind, name, articles, statements)
SELECT e.id, e.kind, e.name,
       (SELECT count(*) FROM entity_article_mentions x WHERE x.entity = e.id),
       (SELECT count(*) FROM statements s WHERE s.speaker = e.id)
FROM entities e;

INSERT INTO mention_statements(mention, statement, entity)
SELECT m.id, s.id, m.entity FROM statements s
JOIN mentions m ON m.article = s.article AND m.start >= s.start AND m.start <= s."end" AND m."end" <= s."end";

-- (inserting mention_statements made the rows of mentions; the topics add theirs)
INSERT INTO statement_entities(statement, entity, refs, undated, published, cluster)
SELECT t.statement, t.entity, 1, a.published IS NULL, a.published, s.cluster
FROM statement_topics t JOIN statements s ON s.id = t.statement JOIN articles a ON a.id = s.article WHERE true
ON CONFLICT(statement, entity) DO UPDATE SET refs = refs + 1;

INSERT INTO event_dates(event, undated, sort_date)
SELECT v.id, coalesce(v.date, a.published) IS NULL, coalesce(v.date, a.published)
FROM events v LEFT JOIN articles a ON a.id = v.article;
-- (inserting event_dates made the rows of entity_event_dates)
