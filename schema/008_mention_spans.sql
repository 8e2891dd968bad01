-- 008_mention_spans.sql: the mentions inside a span of an article are found
-- by position, so that storing a long article costs what it holds.

-- Clustering reads, for every statement, the names mentioned inside it
-- (article = ? AND start >= ? AND end <= ?).  By article alone that read
-- walked every mention of the article for each of its statements: a 4 MiB
-- article spent minutes there.  By article and start it walks only the
-- mentions of the statement's span; lookups by article alone use it too.
DROP INDEX mentions_article;
CREATE INDEX mentions_article_start ON mentions(article, start);
