/*
 * recent.c — moving the rows of the latest articles from the recent part
 * of the date-ordered indexes to the old part (schema/022_recent_dates.sql).
 *
 * An index keyed by entity then date takes a new row on a random leaf
 * among the entity's; one leaf write per row once the index outgrows the
 * page cache.  A new row sorts first into the index's recent part (its
 * recent column defaults to 1), which is small and stays cached.  Setting
 * recent = 0 on all of them in one UPDATE visits them in index order
 * (recent, entity, date): each moves to the old part in key order, and
 * each leaf of the old part is read and written once for all the rows
 * that land on it.  The UPDATEs fire no trigger and are OR IGNORE, so
 * SQLite keeps no statement journal (a copy of every page they change).
 */
#include "store/recent.h"

/* Rows of entity_article_mentions (about 17 an article) that wait before a merge: see
 * merge_when_full.  The recent parts then hold some 3,000 articles' rows; the three indexes'
 * recent parts are a few hundred leaves. */
#define RECENT_ROWS 49152

/* The tables of 022 and the statement that merges each. */
static const char *const merges[] = {
    "UPDATE OR IGNORE entity_article_mentions SET recent = 0 WHERE recent = 1",
    "UPDATE OR IGNORE statement_entities SET recent = 0 WHERE recent = 1",
    "UPDATE OR IGNORE entity_event_dates SET recent = 0 WHERE recent = 1",
};

/* See recent.h. */
int dossier_recent_merge(dossier_db *db)
{
    int rc = DOSSIER_OK;
    for (size_t i = 0; !rc && i < sizeof merges / sizeof *merges; i++) {
        sqlite3_stmt *st = NULL;
        rc = dossier_db_cached(&st, db, merges[i]);
        if (!rc) {
            rc = sqlite3_step(st) == SQLITE_DONE ? DOSSIER_OK : dossier_db_sqlfail(db, "recent rows");
            sqlite3_reset(st);
        }
    }
    return rc;
}

/* See recent.h: the recent rows of entity_article_mentions, the most numerous, are counted up
 * to RECENT_ROWS (a range of one index, the recent part itself). */
int dossier_recent_merge_when_full(dossier_db *db)
{
    sqlite3_stmt *st = NULL;
    if (dossier_db_cached(&st, db, "SELECT count(*) FROM (SELECT 1 FROM entity_article_mentions"
                                   " INDEXED BY entity_article_mentions_date WHERE recent = 1 LIMIT ?1)"))
        return DOSSIER_EDB;
    sqlite3_bind_int(st, 1, RECENT_ROWS);
    int full = sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0) >= RECENT_ROWS;
    sqlite3_reset(st);
    return full ? dossier_recent_merge(db) : DOSSIER_OK;
}
