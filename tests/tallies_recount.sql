-- tallies_recount.sql — the tables that schema/012_query_tallies.sql keeps
-- by triggers, recounted from the rows they are kept from.  Every row this
-- prints is a difference (cli_tallies.sh wants none); it needs only the
-- sqlite3 shell.
SELECT 'tally', what, n, c FROM tallies JOIN (
  SELECT 'articles' w, count(*) c FROM articles UNION ALL SELECT 'entities', count(*) FROM entities
  UNION ALL SELECT 'aliases', count(*) FROM aliases UNION ALL SELECT 'mentions', count(*) FROM mentions
  UNION ALL SELECT 'roles', count(*) FROM roles UNION ALL SELECT 'statements', count(*) FROM statements
  UNION ALL SELECT 'unclustered', count(*) FROM statements WHERE cluster IS NULL UNION ALL SELECT 'events', count(*) FROM events
  UNION ALL SELECT 'distinct story', count(DISTINCT story) FROM articles UNION ALL SELECT 'distinct language', count(DISTINCT language) FROM articles
  UNION ALL SELECT 'distinct extracted_by', count(DISTINCT coalesce(extracted_by, '')) FROM articles
  UNION ALL SELECT 'distinct kind', count(DISTINCT kind) FROM entities UNION ALL SELECT 'distinct cluster', count(DISTINCT cluster) FROM statements
) ON w = what WHERE n IS NOT c;
WITH r AS (SELECT 'story' w, story v, count(*) c FROM articles WHERE story IS NOT NULL GROUP BY story
 UNION ALL SELECT 'language', language, count(*) FROM articles GROUP BY language
 UNION ALL SELECT 'extracted_by', coalesce(extracted_by, ''), count(*) FROM articles GROUP BY 2
 UNION ALL SELECT 'kind', kind, count(*) FROM entities GROUP BY kind
 UNION ALL SELECT 'cluster', cluster, count(*) FROM statements WHERE cluster IS NOT NULL GROUP BY cluster)
SELECT 'value', * FROM (SELECT w, v, c FROM r EXCEPT SELECT what, value, n FROM value_tallies)
UNION ALL SELECT 'value+', * FROM (SELECT what, value, n FROM value_tallies EXCEPT SELECT w, v, c FROM r);
WITH r AS (SELECT e.id, e.kind, e.name, (SELECT count(DISTINCT article) FROM mentions m WHERE m.entity = e.id) a,
                  (SELECT count(*) FROM statements s WHERE s.speaker = e.id) s FROM entities e)
SELECT 'entity', * FROM (SELECT * FROM r EXCEPT SELECT entity, kind, name, articles, statements FROM entity_tallies)
UNION ALL SELECT 'entity+', * FROM (SELECT entity, kind, name, articles, statements FROM entity_tallies EXCEPT SELECT * FROM r);
WITH r AS (SELECT m.entity, m.article, a.published, count(*) FROM mentions m JOIN articles a ON a.id = m.article GROUP BY 1, 2)
SELECT 'eam', * FROM (SELECT * FROM r EXCEPT SELECT entity, article, published, mentions FROM entity_article_mentions)
UNION ALL SELECT 'eam+', * FROM (SELECT entity, article, published, mentions FROM entity_article_mentions EXCEPT SELECT * FROM r);
WITH r AS (SELECT x.statement, x.entity, count(*), a.published IS NULL, a.published, s.cluster FROM
   (SELECT statement, entity FROM statement_topics UNION ALL
    SELECT s.id, m.entity FROM mentions m JOIN statements s ON s.article = m.article AND m.start >= s.start AND m.end <= s.end) x
   JOIN statements s ON s.id = x.statement JOIN articles a ON a.id = s.article GROUP BY 1, 2)
SELECT 'about', * FROM (SELECT * FROM r EXCEPT SELECT statement, entity, refs, undated, published, cluster FROM statement_entities)
UNION ALL SELECT 'about+', * FROM (SELECT statement, entity, refs, undated, published, cluster FROM statement_entities EXCEPT SELECT * FROM r);
WITH r AS (SELECT v.id, coalesce(v.date, a.published) IS NULL, coalesce(v.date, a.published) FROM events v JOIN articles a ON a.id = v.article)
SELECT 'event', * FROM (SELECT * FROM r EXCEPT SELECT event, undated, sort_date FROM event_dates)
UNION ALL SELECT 'event+', * FROM (SELECT event, undated, sort_date FROM event_dates EXCEPT SELECT * FROM r);
WITH r AS (SELECT p.event, p.entity, coalesce(v.date, a.published) IS NULL, coalesce(v.date, a.published) FROM event_participants p JOIN events v ON v.id = p.event JOIN articles a ON a.id = v.article)
SELECT 'eed', * FROM (SELECT * FROM r EXCEPT SELECT event, entity, undated, sort_date FROM entity_event_dates)
UNION ALL SELECT 'eed+', * FROM (SELECT event, entity, undated, sort_date FROM entity_event_dates EXCEPT SELECT * FROM r);
-- (a row is in the recent part of its date index or in the old one: 022_recent_dates.sql)
SELECT 'recent', 'entity_article_mentions', entity, article, recent FROM entity_article_mentions WHERE recent NOT IN (0, 1)
UNION ALL SELECT 'recent', 'statement_entities', statement, entity, recent FROM statement_entities WHERE recent NOT IN (0, 1)
UNION ALL SELECT 'recent', 'entity_event_dates', event, entity, recent FROM entity_event_dates WHERE recent NOT IN (0, 1);
