-- 032_band_filters.sql: a Bloom filter of the bands of each of the two
-- older band tables (shingles.c).  Most bands of a new article are in no
-- other article, and looking one up in article_bands read a random leaf of
-- its index: onto 100k articles, 26 reads per article of pages outside the
-- page cache in article_bands and article_bands_middle, a cost that grew
-- with the database.  A band whose bits are not all set in a table's
-- filter is in none of its rows, and is not looked up there.  shingles.c
-- sets the bits of the bands it moves into a table, and makes the filter
-- of a table that has rows and none (this database's, at its next ingest)
-- from a scan of its bands.  Bands written into these tables by other
-- means are not in the filters: delete the table's filter row, and the
-- next ingest makes it anew.

CREATE TABLE article_bands_filters (
    part  INTEGER PRIMARY KEY,     -- 1: article_bands_middle, 2: article_bands
    token INTEGER NOT NULL,        -- a random number, new whenever the filter is written
    rows  INTEGER NOT NULL,        -- bands set in it
    bits  BLOB NOT NULL            -- 2^n bits; a band sets 4 of them (shingles.c)
);
