-- 027_entity_trigger.sql: inserting an entity keeps no statement journal.
--
-- SQLite keeps a statement journal (a copy of every page the statement
-- changes, to undo it alone) for a statement that fires triggers and may
-- abort.  Ingest inserts an article's new entities one at a time
-- (resolve.c) and each insert kept one: a third of its cost, though its
-- trigger does nothing while ingest counts the entities itself (021).
-- Below, the trigger's writes cannot abort (OR IGNORE, and the upsert of
-- the kind's count as an UPDATE then an INSERT, as 019 did for clusters),
-- and ingest's insert is OR IGNORE, so that none is kept.  The counts are
-- the same: no value written here is ever NULL, and the row of
-- entity_tallies that INSERT OR REPLACE replaced is deleted first.

DROP TRIGGER IF EXISTS entities_tallies_insert;
CREATE TRIGGER entities_tallies_insert AFTER INSERT ON entities
WHEN NOT EXISTS (SELECT 1 FROM deferred_rows WHERE tbl = 'entities' AND id < new.id) BEGIN -- counts the new entity, with what already points to it
    UPDATE OR IGNORE tallies SET n = n + 1 WHERE what = 'entities';
    UPDATE OR IGNORE value_tallies SET n = n + 1 WHERE what = 'kind' AND value = new.kind;
    INSERT OR IGNORE INTO value_tallies(what, value, n) VALUES ('kind', new.kind, 1);
    DELETE FROM entity_tallies WHERE entity = new.id;
    INSERT OR IGNORE INTO entity_tallies(entity, kind, name, articles, statements)
    VALUES (new.id, new.kind, new.name,
            (SELECT count(*) FROM entity_article_mentions WHERE entity = new.id),
            (SELECT count(*) FROM statements WHERE speaker = new.id));
END;
