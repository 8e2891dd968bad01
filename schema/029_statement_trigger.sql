-- 029_statement_trigger.sql: a statement ingest stores fires one trigger
-- that finds at one look-up that it has nothing to do; statements_cluster
-- goes.
--
-- SQLite starts the program of every AFTER INSERT trigger of a table for
-- every row, and only inside it tests the trigger's WHEN.  The three of
-- statements tested theirs with a look-up each, all false for every
-- statement ingest stores: its topics come after it, it counts the
-- statements itself while deferred_rows holds 'counts' (016), and it
-- indexes them at the commit while their id is above the one of
-- ('statements', S) (028).  Below, the three are one trigger, each of
-- their writes under the test of its own trigger, and ingest's 'counts'
-- row holds S (store.c; the largest id when nothing is deferred), so that
-- one look-up, ('counts', below new.id), tells that none of them would
-- do anything: the writer counts it, indexes it later, and stored no
-- topic for it (a new statement).  Any other row runs the trigger, whose
-- writes test what the three triggers did.  (The topics' insert needs no
-- test: it finds no topic when there is none.)
--
-- statements_cluster (cluster) is the first column of
-- statements_cluster_article (cluster, article), which every look-up by
-- cluster can use as well: one index entry fewer for every statement
-- stored or moved to another cluster.

DROP TRIGGER IF EXISTS statements_topics_insert;
DROP TRIGGER IF EXISTS statements_tallies_insert;
DROP TRIGGER IF EXISTS statements_fts_insert;
CREATE TRIGGER statements_insert AFTER INSERT ON statements
WHEN NOT EXISTS (SELECT 1 FROM deferred_rows WHERE tbl = 'counts' AND id < new.id) BEGIN -- counts it, indexes it, and what it is about
    -- the topics stored before it (rows put in by hand)
    INSERT INTO statement_entities(statement, entity, refs, undated, published, cluster)
    SELECT new.id, t.entity, 1, a.published IS NULL, a.published, new.cluster
    FROM statement_topics t JOIN articles a INDEXED BY articles_meta ON a.id = new.article WHERE t.statement = new.id
    ON CONFLICT(statement, entity) DO UPDATE SET refs = refs + 1;
    -- counted, and about the mentions inside it, unless ingest counts it (016)
    UPDATE tallies SET n = n + 1 WHERE (what = 'statements' OR (what = 'unclustered' AND new.cluster IS NULL))
    AND NOT EXISTS (SELECT 1 FROM deferred_rows WHERE tbl = 'counts');
    INSERT INTO value_tallies(what, value, n) SELECT 'cluster', new.cluster, 1
    WHERE new.cluster IS NOT NULL AND NOT EXISTS (SELECT 1 FROM deferred_rows WHERE tbl = 'counts')
    ON CONFLICT(what, value) DO UPDATE SET n = n + 1;
    UPDATE entity_tallies SET statements = statements + 1
    WHERE entity = new.speaker AND NOT EXISTS (SELECT 1 FROM deferred_rows WHERE tbl = 'counts');
    INSERT INTO mention_statements(mention, statement, entity)
    SELECT m.id, new.id, m.entity FROM mentions m
    WHERE m.article = new.article AND m.start >= new.start AND m.start <= new."end" AND m."end" <= new."end"
    AND NOT EXISTS (SELECT 1 FROM deferred_rows WHERE tbl = 'counts');
    -- indexed now, unless at the commit (028)
    INSERT INTO statements_fts(rowid, text) SELECT new.id, new.text
    WHERE NOT EXISTS (SELECT 1 FROM deferred_rows WHERE tbl = 'statements' AND id < new.id);
END;

DROP INDEX IF EXISTS statements_cluster;
