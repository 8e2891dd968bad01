-- 021_entity_counts.sql: the entities and names an article brings are
-- counted once per article when ingest stores them, not by a trigger per
-- row.
--
-- Resolving an article's entities (resolve.c) inserts a few new entities
-- and dozens of names; each entity's triggers cost more than its insert.
-- While store.c resolves an article's entities, deferred_rows holds
-- ('entities', N) and ('aliases', M): the largest entities.id and
-- aliases.rowid before it.  The triggers below then leave alone the
-- entities above N and the names above M (all new, as SQLite numbers new
-- rows after the largest), and store.c counts them afterwards from what
-- they became, in one statement per kept table.  Every other writer sees
-- no such rows and is counted row by row, as before.

DROP TRIGGER IF EXISTS entities_tallies_insert;
CREATE TRIGGER entities_tallies_insert AFTER INSERT ON entities
WHEN NOT EXISTS (SELECT 1 FROM deferred_rows WHERE tbl = 'entities' AND id < new.id) BEGIN -- counts the new entity, with what already points to it
    UPDATE tallies SET n = n + 1 WHERE what = 'entities';
    INSERT INTO value_tallies(what, value, n) VALUES ('kind', new.kind, 1)
    ON CONFLICT(what, value) DO UPDATE SET n = n + 1;
    INSERT OR REPLACE INTO entity_tallies(entity, kind, name, articles, statements)
    VALUES (new.id, new.kind, new.name,
            (SELECT count(*) FROM entity_article_mentions WHERE entity = new.id),
            (SELECT count(*) FROM statements WHERE speaker = new.id));
END;

DROP TRIGGER IF EXISTS entities_tallies_delete;
CREATE TRIGGER entities_tallies_delete AFTER DELETE ON entities
WHEN NOT EXISTS (SELECT 1 FROM deferred_rows WHERE tbl = 'entities' AND id < old.id) BEGIN -- uncounts it
    UPDATE tallies SET n = n - 1 WHERE what = 'entities';
    UPDATE value_tallies SET n = n - 1 WHERE what = 'kind' AND value = old.kind;
    DELETE FROM value_tallies WHERE what = 'kind' AND value = old.kind AND n <= 0;
    DELETE FROM entity_tallies WHERE entity = old.id;
END;

DROP TRIGGER IF EXISTS entities_tallies_update;
CREATE TRIGGER entities_tallies_update AFTER UPDATE OF kind, name ON entities
WHEN new.id = old.id AND (new.kind IS NOT old.kind OR new.name IS NOT old.name)
     AND NOT EXISTS (SELECT 1 FROM deferred_rows WHERE tbl = 'entities' AND id < new.id) BEGIN -- renamed, or of another kind
    UPDATE value_tallies SET n = n - 1 WHERE what = 'kind' AND value = old.kind;
    DELETE FROM value_tallies WHERE what = 'kind' AND value = old.kind AND n <= 0;
    INSERT INTO value_tallies(what, value, n) VALUES ('kind', new.kind, 1)
    ON CONFLICT(what, value) DO UPDATE SET n = n + 1;
    UPDATE entity_tallies SET kind = new.kind, name = new.name WHERE entity = new.id;
END;

DROP TRIGGER IF EXISTS aliases_tallies_insert;
CREATE TRIGGER aliases_tallies_insert AFTER INSERT ON aliases
WHEN NOT EXISTS (SELECT 1 FROM deferred_rows WHERE tbl = 'aliases' AND id < new.rowid) BEGIN -- one more name
    UPDATE tallies SET n = n + 1 WHERE what = 'aliases';
END;

DROP TRIGGER IF EXISTS aliases_tallies_delete;
CREATE TRIGGER aliases_tallies_delete AFTER DELETE ON aliases
WHEN NOT EXISTS (SELECT 1 FROM deferred_rows WHERE tbl = 'aliases' AND id < old.rowid) BEGIN -- one name fewer
    UPDATE tallies SET n = n - 1 WHERE what = 'aliases';
END;
