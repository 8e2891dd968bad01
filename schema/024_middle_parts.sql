-- 024_middle_parts.sql: the date-ordered indexes of 022 get a middle part,
-- and events lose an index no query reads.
--
-- With two parts, each merge of the recent rows into the old part wrote
-- nearly all of the old part's leaves, since the rows of a thousand
-- articles land everywhere in it: at 100k articles some 10,000 leaves of
-- entity_article_mentions_date every 3,000 articles, a cost per article
-- that grew with the database.  The recent column now takes three values:
-- 1, the newest part, where new rows go (the default, as before); 2, the
-- middle part, which takes the newest rows about every 1,000 articles; 0,
-- the old part, which takes the middle rows about every 15,000 articles
-- (recent.c).  Queries read the three parts, each in order, and keep the
-- first rows of the three (schema/queries.yaml).  The rows already stored
-- keep their part: no row has recent = 2 yet.
--
-- events_date (001) kept events in date order for no query: timelines read
-- event_dates (012).  Each new event's row landed on a leaf of its own:
-- 1.5 pages an article at 100k articles.

DROP INDEX IF EXISTS events_date;
