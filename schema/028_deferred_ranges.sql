-- 028_deferred_ranges.sql: ingest defers the full-text entries of its new
-- rows by id range, not row by row.
--
-- Under 015 every article and statement an ingest transaction inserted
-- was listed in deferred_rows by a trigger of its own, an insert a row (a
-- fifth of a statement's cost).  The rows an ingest inserts are the
-- newest: SQLite numbers a new row one past the largest, and statements
-- are numbered so by store.c.  So while ingest's transaction holds
-- ('articles', A) and ('statements', S) in deferred_rows, the largest ids
-- when it began, a row above them is one it has yet to index, and it
-- indexes them all just before it commits (store.c).  A row at or below
-- them (a new version of an article takes its old id) is indexed at once,
-- and one removed is taken out of the index only if it was in it.  Every
-- other writer sees no such rows and indexes row by row as before.

DROP TRIGGER IF EXISTS articles_fts_defer;
DROP TRIGGER IF EXISTS articles_fts_insert;
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles
WHEN NOT EXISTS (SELECT 1 FROM deferred_rows WHERE tbl = 'articles' AND id < new.id) BEGIN -- indexes the new article now, unless at the commit
    INSERT INTO articles_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
END;
DROP TRIGGER IF EXISTS articles_fts_delete;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles
WHEN NOT EXISTS (SELECT 1 FROM deferred_rows WHERE tbl = 'articles' AND id < old.id) BEGIN -- unindexes the article, if indexed
    INSERT INTO articles_fts(articles_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
END;

DROP TRIGGER IF EXISTS statements_fts_defer;
DROP TRIGGER IF EXISTS statements_fts_insert;
CREATE TRIGGER statements_fts_insert AFTER INSERT ON statements
WHEN NOT EXISTS (SELECT 1 FROM deferred_rows WHERE tbl = 'statements' AND id < new.id) BEGIN -- indexes the new statement now, unless at the commit
    INSERT INTO statements_fts(rowid, text) VALUES (new.id, new.text);
END;
DROP TRIGGER IF EXISTS statements_fts_delete;
CREATE TRIGGER statements_fts_delete AFTER DELETE ON statements
WHEN NOT EXISTS (SELECT 1 FROM deferred_rows WHERE tbl = 'statements' AND id < old.id) BEGIN -- unindexes the statement, if indexed
    INSERT INTO statements_fts(statements_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
