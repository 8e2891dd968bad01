-- 007_flat_ingest.sql: what storing one article reads no longer grows
-- with the database.

-- An article's roles, found by article: corrections look up the entities
-- of a new article, and removing an article deletes its roles.  Without
-- it both scanned every role of the database.
CREATE INDEX roles_article ON roles(article);

-- A new role row updates its span in place (earliest and latest date,
-- one more article) instead of recounting every role row of the person:
-- the same values, since min, max and count only grow on insert.
-- Deletes and updates still recount (002_views.sql).
DROP TRIGGER role_spans_insert;
CREATE TRIGGER role_spans_insert AFTER INSERT ON roles BEGIN -- widens the span of the new row's role
    INSERT INTO role_spans(person, organization, title_folded, title, first_seen, last_seen, articles)
    SELECT new.person, new.organization, lower(new.title), new.title, a.published, a.published, 1
    FROM articles a INDEXED BY articles_meta WHERE a.id = new.article
    ON CONFLICT(person, organization, title_folded) DO UPDATE SET
        title = min(title, excluded.title),
        first_seen = CASE WHEN first_seen IS NULL OR excluded.first_seen < first_seen
                          THEN coalesce(excluded.first_seen, first_seen) ELSE first_seen END,
        last_seen = CASE WHEN last_seen IS NULL OR excluded.last_seen > last_seen
                         THEN coalesce(excluded.last_seen, last_seen) ELSE last_seen END,
        articles = articles + 1;
END;
