-- 006_article_paths.sql: the file an article came from, however the path
-- to it was written ("news/a.txt", "./news/a.txt", "/home/me/news/a.txt"),
-- so that a new version of the file replaces the article.

ALTER TABLE articles ADD COLUMN path TEXT; -- the absolute path of the file it was read from, links resolved; NULL for standard input, articles given from memory, and those stored before this column
CREATE INDEX articles_path ON articles(path);
