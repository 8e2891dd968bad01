-- 016_article_counts.sql: an article's mentions and statements are counted
-- once per article when ingest stores them, not by a trigger per row (a
-- mention's triggers cost several times its insert).  While store.c
-- writes an article's mentions and statements, deferred_rows holds
-- ('counts', 0): the row triggers below then leave the kept tables of
-- 012_query_tallies.sql alone, and store.c adds the same counts, and the
-- statements each mention lies inside, by article in one statement per
-- table.  Every other writer sees no such row and is counted row by row.

DROP TRIGGER IF EXISTS mentions_tallies_insert;
CREATE TRIGGER mentions_tallies_insert AFTER INSERT ON mentions
WHEN NOT EXISTS (SELECT 1 FROM deferred_rows WHERE tbl = 'counts') BEGIN -- counts the mention
    UPDATE tallies SET n = n + 1 WHERE what = 'mentions';
    INSERT INTO entity_article_mentions(entity, article, published, mentions)
    VALUES (new.entity, new.article, (SELECT published FROM articles INDEXED BY articles_meta WHERE id = new.article), 1)
    ON CONFLICT(entity, article) DO UPDATE SET mentions = mentions + 1;
END;

DROP TRIGGER IF EXISTS mentions_statements_insert;
CREATE TRIGGER mentions_statements_insert AFTER INSERT ON mentions
WHEN NOT EXISTS (SELECT 1 FROM deferred_rows WHERE tbl = 'counts')
     AND EXISTS (SELECT 1 FROM statements WHERE article = new.article) BEGIN -- the statements it lies inside are about its entity
    INSERT INTO mention_statements(mention, statement, entity)
    SELECT new.id, s.id, new.entity FROM statements s
    WHERE s.article = new.article AND s.start <= new.start AND s."end" >= new."end" AND s."end" >= new.start;
END;

DROP TRIGGER IF EXISTS statements_tallies_insert;
CREATE TRIGGER statements_tallies_insert AFTER INSERT ON statements
WHEN NOT EXISTS (SELECT 1 FROM deferred_rows WHERE tbl = 'counts') BEGIN -- counts the statement; it is about the mentions inside it
    UPDATE tallies SET n = n + 1 WHERE what = 'statements' OR (what = 'unclustered' AND new.cluster IS NULL);
    INSERT INTO value_tallies(what, value, n) SELECT 'cluster', new.cluster, 1 WHERE new.cluster IS NOT NULL
    ON CONFLICT(what, value) DO UPDATE SET n = n + 1;
    UPDATE entity_tallies SET statements = statements + 1 WHERE entity = new.speaker;
    INSERT INTO mention_statements(mention, statement, entity)
    SELECT m.id, new.id, m.entity FROM mentions m
    WHERE m.article = new.article AND m.start >= new.start AND m.start <= new."end" AND m."end" <= new."end";
END;
