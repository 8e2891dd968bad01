-- 023_speaker_latest.sql: an undated article's statements are compared
-- with their speaker's latest statements (cluster.c, the `latest` query:
-- WHERE speaker = ? ORDER BY id DESC LIMIT n).  statements_speaker_said
-- (014) orders a speaker's rows by article first, so that query read and
-- sorted all of the speaker's statements, per undated article: a cost that
-- grew with the database.  An index on the speaker alone holds its rows in
-- id order (the rowid), and the query reads only the n it keeps.

CREATE INDEX statements_speaker_latest ON statements(speaker);
