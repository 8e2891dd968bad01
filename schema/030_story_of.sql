-- 030_story_of.sql: the story of an article by its id from an index.
-- Stories join articles that share a near-duplicate or enough rare
-- entities (resolve.c), and statement clusters follow stories (cluster.c):
-- both read a linked article's story by its id, and the story column comes
-- after the body in an articles row, so each read walked the body's
-- overflow pages: 10 random page reads per article onto 100k articles, a
-- cost that grew with the database.  This index holds only the two
-- columns, about 300 pages at 100k articles, which stay in the page cache.

CREATE INDEX articles_story_of ON articles(id, story);
