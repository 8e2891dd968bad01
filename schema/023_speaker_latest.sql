-- 023_speaker_latest.sql: an undated article's statements are compared
-- with their speaker's latest statements (cluster.c, the `latest` query:
-- WHERE speaker = ? ORDER BY id DESC LIMIT n).  statements_speaker_said
-- (014) orders a speaker's rows by article first, so that query read and
-- sorted all of the speaker's statements, per undated article: a cost that
-- grew with the database.  This index holds a speaker's rows in id order,
-- and the query reads only the n it keeps.  It carries the article and the
-- cluster too, as statements_speaker_said does: queries that read every
-- speaker's statements (speakers) may scan either, and both cover them.

CREATE INDEX statements_speaker_latest ON statements(speaker, id, article, cluster);
