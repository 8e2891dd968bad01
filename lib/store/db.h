/*
 * db.h — the dossier_db handle: the SQLite connection, the lexicon, the
 * options and the last-error message, shared by the modules that talk to
 * the database (db, ingest, store, resolve, export, query).
 */
#ifndef DOSSIER_DB_H
#define DOSSIER_DB_H

#include <sqlite3.h>
#include <stdint.h>

#include "dossier.h"
#include "base/lexicon.h"

/*
 * A Bloom filter of the bands of one of the older band tables, as stored in
 * article_bands_filters (migration 032, shingles.c): a band whose bits are
 * not all set is not in the table.  The handle owns `bits`.
 */
struct dossier_band_filter {
    long long token;                  /* the stored filter's token when loaded; 0: not loaded */
    long long rows;                   /* bands set in it */
    uint64_t mask;                    /* its size in bits, less one */
    unsigned char *bits;              /* NULL: the table has no filter, every band may be there */
};

struct dossier_db {
    sqlite3 *sql;
    dossier_lexicon *lex;             /* language data: loaded on first use (dossier_db_lexicon) */
    size_t max_bytes;
    dossier_callback callback;
    void *userdata;
    int as_new;                       /* other bytes from a stored source: a new article, not a version */
    int unchecked;                    /* CHECK constraints are off on this handle (ingest.c) */
    struct dossier_name_batch *names; /* aliases waiting to be written, or NULL (resolve.c) */
    struct dossier_band_filter band_filters[2]; /* of article_bands_middle and article_bands (shingles.c) */
    struct dossier_queries *queries;  /* canned queries, loaded on first use (query.c) */
    void (*free_queries)(struct dossier_queries *); /* set with queries, by the query layer above */
    struct {
        const char *sql;              /* the constant SQL text, compared by address */
        sqlite3_stmt *st;
    } cache[128];                     /* statements prepared once per handle (dossier_db_cached) */
    int ncache;
    char errmsg[1024];
};

/*
 * Records the failure message on the handle (printf-style) and returns
 * `code`, so callers can write `return dossier_db_fail(db, DOSSIER_EDB, ...)`.
 */
int dossier_db_fail(dossier_db *db, int code, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

/* Records SQLite's message for a failed call, prefixed by `what`; returns DOSSIER_EDB. */
int dossier_db_sqlfail(dossier_db *db, const char *what);

/* Runs SQL without results; returns DOSSIER_OK or DOSSIER_EDB with the message set. */
int dossier_db_exec(dossier_db *db, const char *sql);

/* Prepares a statement; returns DOSSIER_OK or DOSSIER_EDB.  Finalize *out. */
int dossier_db_prepare(sqlite3_stmt **out, dossier_db *db, const char *sql);

/*
 * The language data and gazetteer, loaded on first use: queries never need
 * them, and loading costs more than a query.  Returns DOSSIER_OK or the
 * loading failure with the message set.
 */
int dossier_db_lexicon(dossier_lexicon **out, dossier_db *db);

/*
 * A prepared statement for a constant SQL text (a string literal: the cache
 * compares addresses), prepared once per handle and reset with its
 * bindings cleared on every call.  The handle owns it: reset it after use,
 * never finalize it.  For the statements run once per entity or row.
 */
int dossier_db_cached(sqlite3_stmt **out, dossier_db *db, const char *sql);

/*
 * A multi-row INSERT of DOSSIER_DB_ROWS tuples: `into` is "INSERT INTO
 * t(columns)", `tuple` one tuple of parameters ("(?,?)").  Tuples left
 * unbound (NULL first value) insert nothing, so one prepared statement
 * serves any number of rows (store.c).
 */
#define DOSSIER_DB_ROWS 32
#define DOSSIER_DB_TUPLES4(t) t "," t "," t "," t
#define DOSSIER_DB_TUPLES32(t) DOSSIER_DB_TUPLES4(DOSSIER_DB_TUPLES4(t)) "," DOSSIER_DB_TUPLES4(DOSSIER_DB_TUPLES4(t))
#define DOSSIER_DB_MULTI_ROW(into, tuple) into " SELECT * FROM (VALUES " DOSSIER_DB_TUPLES32(tuple) ") WHERE column1 IS NOT NULL"

/* Sends an event to the callback, if there is one. */
void dossier_db_notify(dossier_db *db, const dossier_report *ev);

#endif /* DOSSIER_DB_H */
