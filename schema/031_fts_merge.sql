-- 031_fts_merge.sql: the full-text indexes merge their segments eight at
-- a time, not four.  An FTS5 index is a log of segments: each batch of
-- articles (ingest.c, the deferred entries of 028) writes a new one, and
-- segments of one level are merged into the next once `automerge` of them
-- have gathered, so every entry is written again once per level: a cost
-- per article that grows with the logarithm of the index.  Merging eight
-- at a time makes a third fewer levels: onto 100k articles the full-text
-- work per article fell from 0.80 to 0.54 M instructions.  A search reads
-- a term in each segment, up to seven per level instead of three.

INSERT INTO articles_fts(articles_fts, rank) VALUES ('automerge', 8);
INSERT INTO statements_fts(statements_fts, rank) VALUES ('automerge', 8);
