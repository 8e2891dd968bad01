-- 017_cluster_firsts.sql: who-said shows an utterance once, at the first
-- of its cluster's statements about the entity.  Whether an earlier one
-- exists is read from one index, the entity's statements by cluster,
-- instead of a look-up of the cluster's statements over the whole
-- database and another of each one's entities: at 100k articles, about a
-- page per printed or counted row fewer.

CREATE INDEX statement_entities_cluster ON statement_entities(entity, cluster, statement);
