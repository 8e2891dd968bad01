-- 004_who_said_role.sql: the role shown beside a statement is one the
-- speaker held at the time, with evidence: the role stated in the same
-- article, else the role stated most recently up to the statement's date
-- (a role stated both before and after that date was held on it), else
-- none.  The role stated most often is no evidence of the role held then.

DROP VIEW who_said;

CREATE VIEW who_said ( -- one row per statement: who said what, in what role, when, reported where
    statement,   -- statements.id
    cluster,     -- statements reporting the same utterance share this value (NULL: not clustered)
    speaker_id,  -- entities.id of the speaker, NULL when unknown
    speaker,     -- the speaker's canonical name, NULL when unknown
    speaker_role, -- "title, organization" held by the speaker at the time: the role stated in the same article, else the one stated most recently up to the article's date, else NULL
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
         WHERE rs.person = s.speaker AND rs.first_seen <= a.published AND rs.last_seen >= a.published
         ORDER BY rs.first_seen DESC, rs.articles DESC LIMIT 1),
        (SELECT rs.title || ', ' || o.name FROM role_spans rs JOIN entities o ON o.id = rs.organization
         WHERE rs.person = s.speaker AND rs.last_seen < a.published
         ORDER BY rs.last_seen DESC, rs.articles DESC LIMIT 1)),
       s.kind, s.text, s.cue,
       (SELECT group_concat(e.name, '; ') FROM statement_topics t JOIN entities e ON e.id = t.entity
        WHERE t.statement = s.id),
       a.published, a.id, a.title, a.outlet, a.language,
       coalesce(a.outlet, a.title, replace(a.source, rtrim(a.source, replace(a.source, '/', '')), ''))
FROM statements s JOIN articles a INDEXED BY articles_meta ON a.id = s.article
LEFT JOIN entities sp ON sp.id = s.speaker;
