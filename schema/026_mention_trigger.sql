-- 026_mention_trigger.sql: a new mention fires one trigger, not two.
--
-- Each trigger a row fires is a program of its own that SQLite starts for
-- the row, and each of the two below first asked deferred_rows whether
-- ingest counts the article's mentions itself (016): while it does, both
-- do nothing, and a mention paid for them about as much as for its own
-- row.  One trigger asks once and does both; the statements a mention
-- lies inside are found by their article as before (statements_article),
-- so a mention of an article without statements finds none at once.

DROP TRIGGER IF EXISTS mentions_statements_insert;
DROP TRIGGER IF EXISTS mentions_tallies_insert;
CREATE TRIGGER mentions_tallies_insert AFTER INSERT ON mentions
WHEN NOT EXISTS (SELECT 1 FROM deferred_rows WHERE tbl = 'counts') BEGIN -- counts the mention; the statements it lies inside are about its entity
    UPDATE tallies SET n = n + 1 WHERE what = 'mentions';
    INSERT INTO entity_article_mentions(entity, article, published, mentions)
    VALUES (new.entity, new.article, (SELECT published FROM articles INDEXED BY articles_meta WHERE id = new.article), 1)
    ON CONFLICT(entity, article) DO UPDATE SET mentions = mentions + 1;
    INSERT INTO mention_statements(mention, statement, entity)
    SELECT new.id, s.id, new.entity FROM statements s
    WHERE s.article = new.article AND s.start <= new.start AND s."end" >= new."end" AND s."end" >= new.start;
END;
