-- 014_speaker_statements.sql: what a speaker said (said-by, show) is read
-- from one index: the speaker's statements with their article and cluster,
-- without fetching each statement row (text and spans) from its own page.
-- It replaces the index on the speaker alone, which it covers.

CREATE INDEX statements_speaker_said ON statements(speaker, article, cluster);
DROP INDEX IF EXISTS statements_speaker;
