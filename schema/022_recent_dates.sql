-- 022_recent_dates.sql: the rows of the latest articles wait apart in the
-- indexes that keep an entity's articles, statements and events in date
-- order, and join the rest in key order.
--
-- Each of those indexes is keyed by entity then date.  An entity named in
-- a quarter of the articles holds thousands of index entries, and a new
-- article's row lands between two of them at its date: on a leaf of its
-- own.  At 100k articles these three indexes took 25 of the 58 pages an
-- article wrote.  Now a new row carries recent = 1, which sorts it into
-- the index's recent part (a few hundred leaves that stay in the page
-- cache, as article_bands_recent of 020 does for the bands); when that part
-- holds some thousand articles' rows, recent.c sets recent = 0 on all of
-- them in one statement per table, which moves them into the old part in
-- key order, each of its leaves written once for all of them.  The
-- queries that read an entity's rows in date order (who-said, timeline,
-- mentioned-in: schema/queries.yaml) read both parts, each in order, and
-- keep the first rows of the two.
--
-- The rows already stored are old: they are moved before the new indexes
-- are built.

ALTER TABLE entity_article_mentions ADD COLUMN recent INTEGER NOT NULL DEFAULT 1; -- 1 while the row is in the recent part of entity_article_mentions_date, 0 after
UPDATE entity_article_mentions SET recent = 0;
DROP INDEX IF EXISTS entity_article_mentions_date;
CREATE INDEX entity_article_mentions_date ON entity_article_mentions(recent, entity, published, article);

ALTER TABLE statement_entities ADD COLUMN recent INTEGER NOT NULL DEFAULT 1; -- 1 while the row is in the recent part of statement_entities_date, 0 after
UPDATE statement_entities SET recent = 0;
DROP INDEX IF EXISTS statement_entities_date;
CREATE INDEX statement_entities_date ON statement_entities(recent, entity, undated, published, statement, cluster);

ALTER TABLE entity_event_dates ADD COLUMN recent INTEGER NOT NULL DEFAULT 1; -- 1 while the row is in the recent part of entity_event_dates_order, 0 after
UPDATE entity_event_dates SET recent = 0;
DROP INDEX IF EXISTS entity_event_dates_order;
CREATE INDEX entity_event_dates_order ON entity_event_dates(recent, entity, undated, sort_date, event);
