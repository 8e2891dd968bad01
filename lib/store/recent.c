/*
 * recent.c — moving the rows of the latest articles through the three
 * parts of the date-ordered indexes (schema/022_recent_dates.sql and
 * 024_middle_parts.sql).
 *
 * An index keyed by entity then date takes a new row on a random leaf
 * among the entity's; one leaf write per row once the index outgrows the
 * page cache.  A new row sorts first into the index's newest part (its
 * recent column defaults to 1), which is small and stays cached.  When the
 * newest part is full, setting recent = 2 on all of its rows in one UPDATE
 * visits them in index order (recent, entity, date): each moves to the
 * middle part in key order, and each leaf of the middle part is read and
 * written once for all the rows that land on it.  When the middle part is
 * full, recent = 0 moves its rows to the old part the same way.
 *
 * Two parts would not do at 100k articles: a merge into the old part
 * writes nearly all of its leaves (the rows of some thousand articles land
 * everywhere), so merging more often costs in proportion to the database,
 * and merging less often makes the recent part, written at random, large.
 * With a middle part, the frequent merges write the middle part's leaves
 * only, and the old part is written once per some ten thousand articles.
 * The UPDATEs fire no trigger and are OR IGNORE, so SQLite keeps no
 * statement journal (a copy of every page they change).
 */
#include "store/recent.h"

#include <limits.h>

/* Rows of entity_article_mentions (about 17 an article) in the newest part (recent = 1) that
 * make it full: some 1,000 articles' rows; the three indexes' newest parts are a hundred
 * leaves or so, which stay cached. */
#define NEWEST_ROWS 16384
/* Rows in the middle part (recent = 2) that make it full: some 15,000 articles' rows. */
#define MIDDLE_ROWS 262144

/* The tables of 022, in the order they are merged. */
#define TABLE_1 "entity_article_mentions"
#define TABLE_2 "statement_entities"
#define TABLE_3 "entity_event_dates"
static const char *const tables[] = {TABLE_1, TABLE_2, TABLE_3};
#define NTABLES (sizeof tables / sizeof *tables)

/* The statement that moves a table's rows of entities ?1 to ?2 from part `from` to part `to`,
 * and a table's three: [0] newest to middle, [1] middle to old, [2] newest to old. */
#define MOVE(table, to, from) \
    "UPDATE OR IGNORE " table " SET recent = " #to " WHERE recent = " #from " AND entity BETWEEN ?1 AND ?2"
#define MOVES(table) {MOVE(table, 2, 1), MOVE(table, 0, 2), MOVE(table, 0, 1)}
static const char *const moves[NTABLES][3] = {MOVES(TABLE_1), MOVES(TABLE_2), MOVES(TABLE_3)};

/* The largest entity of a table's part ?1 (from the index that leads with the part). */
#define LAST_ENTITY(table) "SELECT max(entity) FROM " table " WHERE recent = ?1"
static const char *const last_entity[NTABLES] = {LAST_ENTITY(TABLE_1), LAST_ENTITY(TABLE_2), LAST_ENTITY(TABLE_3)};

/* The part that moves[t][which] moves rows from. */
static const int from_part[3] = {1, 2, 1};

/* Ranges of entity ids a move is cut into.  An UPDATE that changes the
 * index it reads first gathers the keys of all its rows in memory: a
 * middle part of 262,144 rows took 3-4 MiB at once, on top of the cache. */
#define MOVE_RANGES 16

/* Runs moves[t][which] for every table t, a range of entities at a time. */
static int move_all(dossier_db *db, int which)
{
    int rc = DOSSIER_OK;
    for (size_t t = 0; !rc && t < NTABLES; t++) {
        sqlite3_stmt *last = NULL, *st = NULL;
        long long top = 0;
        rc = dossier_db_cached(&last, db, last_entity[t]);
        if (!rc) {
            sqlite3_bind_int(last, 1, from_part[which]);
            int step = sqlite3_step(last);
            top = step == SQLITE_ROW ? sqlite3_column_int64(last, 0) : 0;
            rc = step == SQLITE_ROW ? DOSSIER_OK : dossier_db_sqlfail(db, tables[t]);
            sqlite3_reset(last);
        }
        if (!rc)
            rc = dossier_db_cached(&st, db, moves[t][which]);
        long long width = top / MOVE_RANGES + 1; /* entity ids are positive; the last range reaches top */
        for (long long lo = LLONG_MIN, hi = width; !rc && lo <= top; lo = hi + 1, hi += width) {
            sqlite3_bind_int64(st, 1, lo);
            sqlite3_bind_int64(st, 2, hi);
            rc = sqlite3_step(st) == SQLITE_DONE ? DOSSIER_OK : dossier_db_sqlfail(db, tables[t]);
            sqlite3_reset(st);
        }
    }
    return rc;
}

/* See recent.h. */
int dossier_recent_merge(dossier_db *db)
{
    int rc = move_all(db, 1);
    return rc ? rc : move_all(db, 2);
}

/* Non-zero when entity_article_mentions holds at least `rows` rows in part `part` (counted
 * up to `rows` along the index: a range of it, the part itself). */
static int part_full(dossier_db *db, int part, int rows, int *full)
{
    sqlite3_stmt *st = NULL;
    if (dossier_db_cached(&st, db, "SELECT count(*) FROM (SELECT 1 FROM entity_article_mentions"
                                   " INDEXED BY entity_article_mentions_date WHERE recent = ?1 LIMIT ?2)"))
        return DOSSIER_EDB;
    sqlite3_bind_int(st, 1, part);
    sqlite3_bind_int(st, 2, rows);
    *full = sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0) >= rows;
    sqlite3_reset(st);
    return DOSSIER_OK;
}

/* See recent.h. */
int dossier_recent_merge_when_full(dossier_db *db)
{
    int full = 0;
    int rc = part_full(db, 1, NEWEST_ROWS, &full);
    if (rc || !full)
        return rc;
    if ((rc = move_all(db, 0)))
        return rc;
    if ((rc = part_full(db, 2, MIDDLE_ROWS, &full)) || !full)
        return rc;
    return move_all(db, 1);
}
