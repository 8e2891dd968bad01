-- 015_deferred_index.sql: ingest adds full-text entries once per batch,
-- not row by row.  Once a statement writes to an FTS5 table, SQLite opens
-- and releases a savepoint on it around every later statement of the
-- transaction, and FTS5 writes its pending terms and totals to disk at
-- each: on real news a tenth of the ingest.  While ingest's transaction
-- holds the row ('', 0) below, new articles and statements are listed
-- here instead, and ingest indexes them all just before it commits
-- (store.c); every other writer (corrections, reindex, the sqlite3 shell)
-- sees the table empty and indexes row by row as before.

CREATE TABLE deferred_rows ( -- Rows an open ingest transaction has yet to add to the full-text indexes; empty outside one.
    tbl TEXT NOT NULL,     -- 'articles' or 'statements'; '' for the row that turns deferring on
    id  INTEGER NOT NULL,  -- the row's id (0 for the '' row)
    PRIMARY KEY (tbl, id)
) WITHOUT ROWID;

DROP TRIGGER IF EXISTS articles_fts_insert;
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles
WHEN NOT EXISTS (SELECT 1 FROM deferred_rows WHERE tbl = '') BEGIN -- indexes the new article now
    INSERT INTO articles_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
END;
CREATE TRIGGER articles_fts_defer AFTER INSERT ON articles
WHEN EXISTS (SELECT 1 FROM deferred_rows WHERE tbl = '') BEGIN -- or at the commit
    INSERT OR IGNORE INTO deferred_rows(tbl, id) VALUES ('articles', new.id);
END;

-- A row removed before it was indexed is only taken off the list.
DROP TRIGGER IF EXISTS articles_fts_delete;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN -- unindexes the article
    INSERT INTO articles_fts(articles_fts, rowid, title, body)
    SELECT 'delete', old.id, old.title, old.body
    WHERE NOT EXISTS (SELECT 1 FROM deferred_rows WHERE tbl = 'articles' AND id = old.id);
    DELETE FROM deferred_rows WHERE tbl = 'articles' AND id = old.id;
END;

DROP TRIGGER IF EXISTS statements_fts_insert;
CREATE TRIGGER statements_fts_insert AFTER INSERT ON statements
WHEN NOT EXISTS (SELECT 1 FROM deferred_rows WHERE tbl = '') BEGIN -- indexes the new statement now
    INSERT INTO statements_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER statements_fts_defer AFTER INSERT ON statements
WHEN EXISTS (SELECT 1 FROM deferred_rows WHERE tbl = '') BEGIN -- or at the commit
    INSERT OR IGNORE INTO deferred_rows(tbl, id) VALUES ('statements', new.id);
END;

DROP TRIGGER IF EXISTS statements_fts_delete;
CREATE TRIGGER statements_fts_delete AFTER DELETE ON statements BEGIN -- unindexes the statement
    INSERT INTO statements_fts(statements_fts, rowid, text)
    SELECT 'delete', old.id, old.text
    WHERE NOT EXISTS (SELECT 1 FROM deferred_rows WHERE tbl = 'statements' AND id = old.id);
    DELETE FROM deferred_rows WHERE tbl = 'statements' AND id = old.id;
END;
