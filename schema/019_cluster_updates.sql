-- 019_cluster_updates.sql: a statement's new cluster is kept by one
-- trigger that cannot abort, not by three.
--
-- Clustering sets the cluster of every new statement (cluster.c), and each
-- such UPDATE fired statements_tallies_update (012), statements_cluster_about
-- (012) and statements_cluster_features (018): on real news a third of what
-- the writer spent on an article.  The speaker's counts moved by -1 and +1
-- for a change of cluster alone; and as the tallies were written by
-- statements that may abort (a NOT NULL column, an upsert), SQLite kept a
-- statement journal for every UPDATE: a copy of each page it touched.
-- Below, a change of cluster and a change of speaker have a trigger each,
-- with the same effects as before, and every write in them is OR IGNORE
-- (the values are never NULL), so that the UPDATE runs without one.

DROP TRIGGER IF EXISTS statements_tallies_update;
DROP TRIGGER IF EXISTS statements_cluster_about;
DROP TRIGGER IF EXISTS statements_cluster_features;

CREATE TRIGGER statements_cluster_update AFTER UPDATE OF cluster ON statements
WHEN new.cluster IS NOT old.cluster BEGIN -- the counts of the old and new cluster, and the cluster where who-said and clustering read it
    UPDATE OR IGNORE tallies SET n = n + (new.cluster IS NULL) - (old.cluster IS NULL)
    WHERE what = 'unclustered' AND (new.cluster IS NULL) <> (old.cluster IS NULL);
    UPDATE OR IGNORE value_tallies SET n = n - 1 WHERE what = 'cluster' AND value = old.cluster;
    DELETE FROM value_tallies WHERE what = 'cluster' AND value = old.cluster AND n <= 0;
    UPDATE OR IGNORE value_tallies SET n = n + 1 WHERE what = 'cluster' AND value = new.cluster;
    INSERT OR IGNORE INTO value_tallies(what, value, n) SELECT 'cluster', new.cluster, 1 WHERE new.cluster IS NOT NULL;
    UPDATE OR IGNORE statement_entities SET cluster = new.cluster WHERE statement = new.id;
    UPDATE OR IGNORE statement_features SET cluster = new.cluster WHERE statement = new.id;
END;

CREATE TRIGGER statements_speaker_tallies AFTER UPDATE OF speaker ON statements
WHEN new.speaker IS NOT old.speaker BEGIN -- the statement moves from one speaker's count to the other's
    UPDATE OR IGNORE entity_tallies SET statements = statements - 1 WHERE entity = old.speaker;
    UPDATE OR IGNORE entity_tallies SET statements = statements + 1 WHERE entity = new.speaker;
END;

-- A new distinct value (of a cluster above, or any other) is counted by
-- writes that cannot abort either.
DROP TRIGGER IF EXISTS value_tallies_insert;
CREATE TRIGGER value_tallies_insert AFTER INSERT ON value_tallies BEGIN -- one more distinct value
    UPDATE OR IGNORE tallies SET n = n + 1 WHERE what = 'distinct ' || new.what;
END;
DROP TRIGGER IF EXISTS value_tallies_delete;
CREATE TRIGGER value_tallies_delete AFTER DELETE ON value_tallies BEGIN -- one distinct value fewer
    UPDATE OR IGNORE tallies SET n = n - 1 WHERE what = 'distinct ' || old.what;
END;
