-- 002_views.sql: views for the common questions, for people who open the
-- database with the sqlite3 shell, and for the canned queries of
-- schema/queries.yaml.  Every view and column is described inside its
-- CREATE statement, so that `sqlite3 dossier.db .schema` shows it.
-- Dates are YYYY-MM-DD strings (events: YYYY, YYYY-MM or YYYY-MM-DD), so
-- they sort and compare as text.

-- An article's metadata without reading its original bytes and body, which
-- come first in the row (reading a later column walks through them): by
-- date for lists, by id for joins (views join with INDEXED BY articles_meta).
CREATE INDEX articles_listing ON articles(published, id, language, story, outlet, title, source);
CREATE INDEX articles_meta ON articles(id, published, language, outlet, title, source);

-- A person's roles stated in one article.
CREATE INDEX roles_person_article ON roles(person, article);

-- Each distinct role of each person, with when it was stated: kept by the
-- triggers below from roles and articles, so that "the role at the time"
-- looks at a person's few distinct roles, not at every article that names them.
CREATE TABLE role_spans (
    person       INTEGER NOT NULL,  -- entities.id of the holder
    organization INTEGER NOT NULL,  -- entities.id of the organisation
    title_folded TEXT NOT NULL,     -- lower(title): "Director General" and "director general" are one role
    title        TEXT NOT NULL,     -- the title as written (the first in sort order)
    first_seen   TEXT,              -- the earliest publication date of an article stating it, NULL when none is dated
    last_seen    TEXT,              -- the latest such date
    articles     INTEGER NOT NULL,  -- how many roles rows state it
    PRIMARY KEY (person, organization, title_folded)
) WITHOUT ROWID;

INSERT INTO role_spans
SELECT r.person, r.organization, lower(r.title), min(r.title), min(a.published), max(a.published), count(*)
FROM roles r JOIN articles a ON a.id = r.article
GROUP BY r.person, r.organization, lower(r.title);

CREATE TRIGGER role_spans_insert AFTER INSERT ON roles BEGIN -- recounts the span of the new row's role
    DELETE FROM role_spans
    WHERE person = new.person AND organization = new.organization AND title_folded = lower(new.title);
    INSERT INTO role_spans
    SELECT r.person, r.organization, lower(r.title), min(r.title), min(a.published), max(a.published), count(*)
    FROM roles r JOIN articles a INDEXED BY articles_meta ON a.id = r.article
    WHERE r.person = new.person AND r.organization = new.organization AND lower(r.title) = lower(new.title)
    GROUP BY r.person, r.organization, lower(r.title);
END;

CREATE TRIGGER role_spans_delete AFTER DELETE ON roles BEGIN -- recounts (or drops) the span of the deleted row's role
    DELETE FROM role_spans
    WHERE person = old.person AND organization = old.organization AND title_folded = lower(old.title);
    INSERT INTO role_spans
    SELECT r.person, r.organization, lower(r.title), min(r.title), min(a.published), max(a.published), count(*)
    FROM roles r JOIN articles a INDEXED BY articles_meta ON a.id = r.article
    WHERE r.person = old.person AND r.organization = old.organization AND lower(r.title) = lower(old.title)
    GROUP BY r.person, r.organization, lower(r.title);
END;

CREATE TRIGGER role_spans_update AFTER UPDATE OF person, organization, title, article ON roles BEGIN -- both spans
    DELETE FROM role_spans
    WHERE (person = old.person AND organization = old.organization AND title_folded = lower(old.title))
       OR (person = new.person AND organization = new.organization AND title_folded = lower(new.title));
    INSERT INTO role_spans
    SELECT r.person, r.organization, lower(r.title), min(r.title), min(a.published), max(a.published), count(*)
    FROM roles r JOIN articles a INDEXED BY articles_meta ON a.id = r.article
    WHERE (r.person = old.person AND r.organization = old.organization AND lower(r.title) = lower(old.title))
       OR (r.person = new.person AND r.organization = new.organization AND lower(r.title) = lower(new.title))
    GROUP BY r.person, r.organization, lower(r.title);
END;

-- Statements of one cluster and their articles, for "reported by" lists.
CREATE INDEX statements_cluster_article ON statements(cluster, article);

CREATE VIEW entity_names ( -- every name of every entity, in every language: search here by name
    entity,      -- entities.id
    kind,        -- person, organization, program or place
    entity_name, -- the entity's canonical name
    name,        -- one of its names, as written
    folded       -- that name folded (case, accents, typographic punctuation), as the resolver matches names
) AS
SELECT e.id, e.kind, e.name, a.name, a.folded
FROM aliases a JOIN entities e ON e.id = a.entity;

CREATE VIEW statement_about ( -- what each statement is about: its topics, and the entities mentioned inside its words
    statement,   -- statements.id
    entity,      -- entities.id of what it is about
    how          -- 'topic' (statement_topics) or 'mention' (a mention inside the statement's span)
) AS
SELECT t.statement, t.entity, 'topic' FROM statement_topics t
UNION
SELECT s.id, m.entity, 'mention'
FROM mentions m JOIN statements s ON s.article = m.article AND m.start >= s.start AND m.end <= s.end;

CREATE VIEW who_said ( -- one row per statement: who said what, in what role, when, reported where
    statement,   -- statements.id
    cluster,     -- statements reporting the same utterance share this value (NULL: not clustered)
    speaker_id,  -- entities.id of the speaker, NULL when unknown
    speaker,     -- the speaker's canonical name, NULL when unknown
    speaker_role, -- "title, organization" held by the speaker at the time: the role stated in the same article, else, of the roles first stated before, the one stated last, else the role stated most often
    kind,        -- 'direct' (a quotation) or 'indirect' (reported speech)
    text,        -- the words stated, as the article gives them
    cue,         -- the speech verb or phrase: "said", "a déclaré", "according to"
    about,       -- canonical names of its topics, separated by '; '
    date,        -- publication date of the reporting article (YYYY-MM-DD), NULL when unknown
    article,     -- articles.id of the reporting article
    title,       -- its headline
    outlet,      -- its publisher, NULL when unknown
    language,    -- its language (ISO 639-1)
    reported_in  -- the outlet, else the headline, else the source file's name: a short name for the article
) AS
SELECT s.id, s.cluster, s.speaker, sp.name,
       coalesce(
        (SELECT r.title || ', ' || o.name FROM roles r JOIN entities o ON o.id = r.organization
         WHERE r.person = s.speaker AND r.article = s.article ORDER BY r.id LIMIT 1),
        (SELECT rs.title || ', ' || o.name FROM role_spans rs JOIN entities o ON o.id = rs.organization
         WHERE rs.person = s.speaker AND rs.first_seen <= a.published
         ORDER BY rs.last_seen DESC, rs.articles DESC LIMIT 1),
        (SELECT rs.title || ', ' || o.name FROM role_spans rs JOIN entities o ON o.id = rs.organization
         WHERE rs.person = s.speaker ORDER BY rs.articles DESC, rs.first_seen LIMIT 1)),
       s.kind, s.text, s.cue,
       (SELECT group_concat(e.name, '; ') FROM statement_topics t JOIN entities e ON e.id = t.entity
        WHERE t.statement = s.id),
       a.published, a.id, a.title, a.outlet, a.language,
       coalesce(a.outlet, a.title, replace(a.source, rtrim(a.source, replace(a.source, '/', '')), ''))
FROM statements s JOIN articles a INDEXED BY articles_meta ON a.id = s.article
LEFT JOIN entities sp ON sp.id = s.speaker;

CREATE VIEW entity_roles ( -- who holds which title in which organisation, one row per article that says so
    person_id,   -- entities.id of the holder
    person,      -- the holder's canonical name
    title,       -- the title as written: "Director General", "porte-parole"
    organization_id, -- entities.id of the organisation (a country for heads of state)
    organization, -- its canonical name
    date,        -- publication date of the article that states it
    article,     -- articles.id of that article
    reported_in  -- the outlet, else the headline, else the source file's name
) AS
SELECT r.person, p.name, r.title, r.organization, o.name, a.published, a.id,
       coalesce(a.outlet, a.title, replace(a.source, rtrim(a.source, replace(a.source, '/', '')), ''))
FROM roles r JOIN entities p ON p.id = r.person JOIN entities o ON o.id = r.organization
JOIN articles a INDEXED BY articles_meta ON a.id = r.article;

CREATE VIEW timeline ( -- events with their dates and participants; ORDER BY sort_date for date order
    event,       -- events.id
    date,        -- when it happened: YYYY, YYYY-MM or YYYY-MM-DD, NULL when the text does not say
    sort_date,   -- date, else the reporting article's publication date: the order of a timeline
    kind,        -- interview, visit, meeting, agreement, launch, construction, decommissioning, ...
    trigger,     -- the word that reports it, as written
    participants, -- canonical names of who and what took part, separated by '; '
    clause,      -- the text of the clause that reports it (line breaks made spaces)
    article,     -- articles.id of the reporting article
    published,   -- its publication date
    reported_in  -- the outlet, else the headline, else the source file's name
) AS
SELECT v.id, v.date, coalesce(v.date, a.published), v.kind, v.trigger,
       (SELECT group_concat(e.name, '; ') FROM event_participants p JOIN entities e ON e.id = p.entity
        WHERE p.event = v.id),
       replace(CAST(substr(CAST(a.body AS BLOB), v.start + 1, v.end - v.start) AS TEXT), char(10), ' '),
       a.id, a.published, coalesce(a.outlet, a.title, replace(a.source, rtrim(a.source, replace(a.source, '/', '')), ''))
FROM events v JOIN articles a ON a.id = v.article;

CREATE VIEW entity_articles ( -- which articles mention which entity, and how often
    entity,      -- entities.id
    article,     -- articles.id
    mentions,    -- how many times the article refers to it (by name, short name, description or pronoun)
    date,        -- the article's publication date
    title,       -- its headline
    reported_in  -- the outlet, else the headline, else the source file's name
) AS
SELECT m.entity, m.article, count(*), a.published, a.title, coalesce(a.outlet, a.title, replace(a.source, rtrim(a.source, replace(a.source, '/', '')), ''))
FROM mentions m JOIN articles a INDEXED BY articles_meta ON a.id = m.article
GROUP BY m.entity, m.article;

CREATE VIEW article_list ( -- the articles without their text: one row each
    article,     -- articles.id
    date,        -- publication date, NULL when unknown
    outlet,      -- publisher, NULL when unknown
    language,    -- ISO 639-1 code
    title,       -- headline, NULL when the text has none
    story,       -- articles reporting the same story share this value
    statements,  -- how many statements were extracted from it
    source       -- the path it was ingested from
) AS
SELECT a.id, a.published, a.outlet, a.language, a.title, a.story,
       (SELECT count(*) FROM statements s WHERE s.article = a.id), a.source
FROM articles a;
