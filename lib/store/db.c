/*
 * db.c — opening and closing a dossier database, schema migration, and the
 * one error convention.
 *
 * The schema is the embedded schema/NNN_*.sql files, applied in order, the
 * pending ones in one transaction that moves PRAGMA user_version to the
 * last NNN, so an interrupted migration leaves the old version intact; the
 * version is read again under the write lock, so that several processes
 * opening a new database at once migrate it once.  Connections use WAL and
 * foreign keys.
 *
 * Nothing is written before the file is known to be dossier's: another
 * application's database, or one of a newer schema, is refused untouched.
 * A read-only handle (dossier_options.read_only) never writes at all: no
 * schema, no migration, no switch to WAL; on a read-only filesystem it
 * reads the file as immutable.  No handle can ATTACH another file.
 *
 * A handle is used by one thread at a time (dossier.h), so its connection
 * is opened without SQLite's per-connection mutex (SQLITE_OPEN_NOMUTEX):
 * ingest's analysing threads never touch it, each asks its own read-only
 * connection (ingest.c), and the writer is the calling thread.
 *
 * This is the boundary where SQLite's codes become DOSSIER_E... codes.
 */
#include "store/db.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/statvfs.h>

#include "base/embed.h"
#include "base/util.h"

#define DOSSIER_DB_BUSY_MS 60000           /* how long a writer waits for the lock */
/* A writer's page cache holds most of the pages a batch of articles (ingest.c)
 * changes: at 100k articles about 6,000, most of them leaves of indexes keyed
 * by date or hash, one per row.  When they do not fit, SQLite spills pages to
 * the WAL in the middle of the batch and reads them back to change them
 * again: 600 articles onto 100k cost 262k pread and pwrite calls with 16 MiB,
 * 208-228k with 24 MiB, 188k with 32 MiB (on 5k articles 73k, 78k, 79k).
 * 22 MiB keeps an ingest's peak memory (--jobs 2) under 64 MB beside the
 * band filters of shingles.c and the analysing threads' memos; with the
 * filters, 2,000 articles onto 100k read fewer pages than 24 MiB did
 * without them. */
#define DOSSIER_DB_CACHE_KIB "-22528"
/* A writer copies the WAL into the database (a checkpoint) once it holds
 * 16,384 pages (64 MiB), not SQLite's 1,000: a batch of articles writes
 * some thousand pages, so the default checkpointed after every commit,
 * copying pages again that the next batches change again (the recent parts
 * of migrations 020 and 022, the counts, the ends of the indexes).  1000
 * articles onto 100k: 110k pwrite, 82k pread and 37 fdatasync calls ->
 * 89k, 63k and 7; onto 10k 75k, 33k, 31 -> 63k, 18k, 7. */
#define DOSSIER_DB_WAL_PAGES "16384"
/* A writer maps nothing: SQLite reads through the map only pages it will
 * not change, and an ingest reads few of those (the same number of pread
 * calls with and without a map), while every page it touched in the map
 * stays in its resident memory, beside the cache. */
#define DOSSIER_DB_MMAP_BYTES "0"
/* A reader maps nothing: a query command is a new process that touches a
 * few hundred pages once each, and a page fault on a mapped page costs more
 * than the pread that copies it (show of a busy entity at 20k articles:
 * 50 -> 33 ms CPU); the page cache keeps what a query reads twice. */
#define DOSSIER_DB_READ_MMAP_BYTES "0"
/* A reader's page cache is small for the same reason: every page of fresh
 * memory a process touches is a fault, and a command reads most pages once,
 * so reused slots beat a large cache (at 100k articles who-said 39 -> 28 ms
 * CPU, query speakers 244 -> 110 ms). */
#define DOSSIER_DB_READ_CACHE_KIB "-1024"

/* See db.h. */
int dossier_db_fail(dossier_db *db, int code, const char *fmt, ...)
{
    if (db) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(db->errmsg, sizeof db->errmsg, fmt, ap);
        va_end(ap);
    }
    return code;
}

/* See db.h. */
int dossier_db_sqlfail(dossier_db *db, const char *what)
{
    return dossier_db_fail(db, DOSSIER_EDB, "%s: %s", what, sqlite3_errmsg(db->sql));
}

/* See db.h. */
int dossier_db_exec(dossier_db *db, const char *sql)
{
    char *msg = NULL;
    if (sqlite3_exec(db->sql, sql, NULL, NULL, &msg) != SQLITE_OK) {
        dossier_db_fail(db, DOSSIER_EDB, "database: %s", msg ? msg : sqlite3_errmsg(db->sql));
        sqlite3_free(msg);
        return DOSSIER_EDB;
    }
    return DOSSIER_OK;
}

/* See db.h. */
int dossier_db_prepare(sqlite3_stmt **out, dossier_db *db, const char *sql)
{
    if (sqlite3_prepare_v2(db->sql, sql, -1, out, NULL) != SQLITE_OK) {
        *out = NULL;
        return dossier_db_sqlfail(db, "database");
    }
    return DOSSIER_OK;
}

/* See db.h. */
int dossier_db_cached(sqlite3_stmt **out, dossier_db *db, const char *sql)
{
    for (int i = 0; i < db->ncache; i++)
        if (db->cache[i].sql == sql) {
            *out = db->cache[i].st;
            sqlite3_reset(*out);
            sqlite3_clear_bindings(*out);
            return DOSSIER_OK;
        }
    if (db->ncache == (int)(sizeof db->cache / sizeof db->cache[0])) {
        *out = NULL;
        return dossier_db_fail(db, DOSSIER_ERROR, "internal: the statement cache is full");
    }
    if (sqlite3_prepare_v3(db->sql, sql, -1, SQLITE_PREPARE_PERSISTENT, out, NULL) != SQLITE_OK) {
        *out = NULL;
        return dossier_db_sqlfail(db, "database");
    }
    db->cache[db->ncache].sql = sql;
    db->cache[db->ncache++].st = *out;
    return DOSSIER_OK;
}

/* See db.h. */
void dossier_db_notify(dossier_db *db, const dossier_report *ev)
{
    if (db->callback)
        db->callback(ev, db->userdata);
}

/* The version number of a migration file "NNN_name.sql", or -1. */
static int migration_version(const char *path)
{
    size_t n = strlen(path);
    if (n < 5 || strcmp(path + n - 4, ".sql") != 0 || path[0] < '0' || path[0] > '9')
        return -1;
    return atoi(path);
}

/* See dossier.h: the highest migration compiled in. */
int dossier_schema_version(void)
{
    int v = 0;
    for (size_t i = 0; i < dossier_embedded_nfiles; i++) {
        int m = migration_version(dossier_embedded_files[i].path);
        if (m > v)
            v = m;
    }
    return v;
}

/* See dossier.h. */
int dossier_process_setup(void)
{
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0) == SQLITE_OK ? DOSSIER_OK : DOSSIER_EDB;
}

/* The schema version of the database (PRAGMA user_version) into *out. */
static int schema_version(int *out, dossier_db *db)
{
    sqlite3_stmt *st = NULL;
    int rc = dossier_db_prepare(&st, db, "PRAGMA user_version");
    if (rc)
        return rc;
    if (sqlite3_step(st) == SQLITE_ROW)
        *out = sqlite3_column_int(st, 0);
    else
        rc = dossier_db_sqlfail(db, "database");
    sqlite3_finalize(st);
    return rc;
}

/* Applies one migration file and moves user_version to its number. */
static int apply_migration(dossier_db *db, const dossier_embedded_file *f, int version)
{
    char pragma[64];
    int rc = dossier_db_exec(db, (const char *)f->data);
    if (!rc) {
        snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d", version);
        rc = dossier_db_exec(db, pragma);
    }
    if (rc) {
        char keep[sizeof db->errmsg + 64];
        snprintf(keep, sizeof keep, "schema %s: %s", f->path, db->errmsg);
        return dossier_db_fail(db, rc, "%s", keep);
    }
    return DOSSIER_OK;
}

/*
 * Brings the schema up to the version this library writes.  The version is
 * read again under the write lock, so when several processes open a new
 * database at once one of them migrates and the others find it done; all
 * pending migrations go in one transaction, so an interrupted migration
 * leaves the old version intact.
 */
static int migrate(dossier_db *db)
{
    int current = 0, latest = dossier_schema_version();
    int rc = schema_version(&current, db);
    if (!rc && current == latest)
        return DOSSIER_OK;
    if (!rc && current < latest) {
        rc = dossier_db_exec(db, "BEGIN IMMEDIATE");
        if (!rc)
            rc = schema_version(&current, db);
    }
    if (!rc && current > latest)
        rc = dossier_db_fail(db, DOSSIER_EDB, "database schema version %d is newer than this dossier (%d)",
                             current, latest);
    /* Embedded files are sorted by path, so migrations come in order. */
    for (size_t i = 0; !rc && i < dossier_embedded_nfiles; i++) {
        int v = migration_version(dossier_embedded_files[i].path);
        if (v > current) {
            rc = apply_migration(db, &dossier_embedded_files[i], v);
            current = v;
        }
    }
    if (!rc)
        return dossier_db_exec(db, "COMMIT");
    if (!sqlite3_get_autocommit(db->sql))
        sqlite3_exec(db->sql, "ROLLBACK", NULL, NULL, NULL);
    return rc;
}

/*
 * Loads the built-in language data and the user's extra files.  Called by
 * dossier_open() when the user names files (so their errors show at once)
 * and otherwise on first use.
 */
static int load_lexicon(dossier_db *db, const dossier_options *opts)
{
    char err[512];
    int rc = dossier_lexicon_new(&db->lex, err, sizeof err);
    for (size_t i = 0; !rc && opts && opts->lexicons && opts->lexicons[i]; i++)
        rc = dossier_lexicon_add_file(db->lex, opts->lexicons[i], err, sizeof err);
    for (size_t i = 0; !rc && opts && opts->gazetteers && opts->gazetteers[i]; i++)
        rc = dossier_lexicon_add_gazetteer(db->lex, opts->gazetteers[i], err, sizeof err);
    return rc ? dossier_db_fail(db, rc, "%s", err) : DOSSIER_OK;
}

/*
 * dossier_version(): the version of this library, for SQL that tells
 * stale articles (articles.extracted_by) from current ones.
 */
static void sql_version(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    (void)argv;
    sqlite3_result_text(ctx, DOSSIER_VERSION, -1, SQLITE_STATIC);
}

/*
 * The schema version of the open file (0 for a new, empty one), or a
 * negative code with the message set: the file is not an SQLite database,
 * holds another application's tables ("not a dossier database: no dossier
 * schema"), or has a newer schema than this library's.  Reads only.
 */
static int schema_of(dossier_db *db)
{
    /* One statement, so one snapshot: another process that creates the
     * schema meanwhile is seen either not at all or whole. */
    sqlite3_stmt *st = NULL;
    if (dossier_db_prepare(&st, db, "SELECT count(*), count(*) FILTER (WHERE type = 'table' AND name = 'articles'),"
                                    " (SELECT user_version FROM pragma_user_version) FROM sqlite_master"))
        return DOSSIER_EDB;
    int rc = sqlite3_step(st);
    int objects = rc == SQLITE_ROW ? sqlite3_column_int(st, 0) : -1, articles = sqlite3_column_int(st, 1);
    int v = sqlite3_column_int(st, 2);
    if (objects < 0)
        dossier_db_sqlfail(db, "database");
    sqlite3_finalize(st);
    if (objects < 0)
        return DOSSIER_EDB;
    if ((v == 0 && objects > 0) || (v > 0 && !articles))
        return dossier_db_fail(db, DOSSIER_EDB, "not a dossier database: no dossier schema");
    if (v > dossier_schema_version())
        return dossier_db_fail(db, DOSSIER_EDB, "database schema version %d is newer than this dossier (%d)", v,
                               dossier_schema_version());
    return v;
}

/* Refuses to ATTACH (or DETACH) files: a canned query must not create or reach other files. */
static int authorize(void *unused, int action, const char *a, const char *b, const char *c, const char *d)
{
    (void)unused, (void)a, (void)b, (void)c, (void)d;
    return action == SQLITE_ATTACH || action == SQLITE_DETACH ? SQLITE_DENY : SQLITE_OK;
}

/* Non-zero when the directory holding `path` is on a read-only filesystem. */
static int on_readonly_fs(const char *path)
{
    char dir[4096];
    const char *slash = strrchr(path, '/');
    struct statvfs fs;
    if (!slash)
        snprintf(dir, sizeof dir, ".");
    else
        snprintf(dir, sizeof dir, "%.*s", slash == path ? 1 : (int)(slash - path), path);
    return statvfs(dir, &fs) == 0 && (fs.f_flag & ST_RDONLY);
}

/*
 * Opens `path` for reading only.  A WAL database needs its -shm file, which
 * cannot be made on a read-only filesystem: there nobody can write the file
 * either, so it is opened as immutable.
 */
static int open_readonly(dossier_db *db, const char *path)
{
    int flags = SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX;
    dbuf uri = {0};
    int rc = dossier_buf_puts(&uri, "file:");
    for (const unsigned char *p = (const unsigned char *)path; !rc && *p; p++)
        rc = (*p == '%' || *p == '?' || *p == '#') ? dossier_buf_printf(&uri, "%%%02X", *p)
                                                    : dossier_buf_add(&uri, (const char *)p, 1);
    if (!rc && on_readonly_fs(path))
        rc = dossier_buf_puts(&uri, "?immutable=1");
    if (rc) {
        dossier_buf_free(&uri);
        return DOSSIER_ENOMEM;
    }
    rc = sqlite3_open_v2(uri.s, &db->sql, flags, NULL);
    dossier_buf_free(&uri);
    return rc == SQLITE_OK ? DOSSIER_OK : DOSSIER_EDB;
}

/*
 * Switches a writable database to WAL unless it is already; the switch
 * needs the file to itself, so it is retried while another process holds
 * it (two processes creating one database).
 */
static int use_wal(dossier_db *db)
{
    sqlite3_stmt *st = NULL;
    int rc = dossier_db_prepare(&st, db, "PRAGMA journal_mode");
    if (rc)
        return rc;
    int wal = sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0) &&
              (strcmp((const char *)sqlite3_column_text(st, 0), "wal") == 0 ||
               strcmp((const char *)sqlite3_column_text(st, 0), "memory") == 0);
    sqlite3_finalize(st);
    for (int tries = 0; !wal; tries++) {
        int src = sqlite3_exec(db->sql, "PRAGMA journal_mode = WAL", NULL, NULL, NULL);
        if (src == SQLITE_OK)
            break;
        if ((src != SQLITE_BUSY && src != SQLITE_LOCKED) || tries >= 200)
            return dossier_db_sqlfail(db, "database");
        sqlite3_sleep(50);
    }
    return DOSSIER_OK;
}

/* See dossier.h. */
int dossier_open(dossier_db **out, const char *path, const dossier_options *opts)
{
    dossier_db *db = calloc(1, sizeof *db);
    *out = db;
    if (!db)
        return DOSSIER_ENOMEM;
    db->max_bytes = opts && opts->max_article_bytes ? opts->max_article_bytes : DOSSIER_DEFAULT_MAX_BYTES;
    db->callback = opts ? opts->callback : NULL;
    db->userdata = opts ? opts->userdata : NULL;
    db->as_new = opts ? opts->as_new : 0;
    /* an in-memory database is new and private: nothing to protect, a schema to make */
    int read_only = opts && opts->read_only && strcmp(path, ":memory:") != 0;
    int rc = read_only ? open_readonly(db, path)
                       : sqlite3_open_v2(path, &db->sql, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                                         NULL) == SQLITE_OK
                             ? DOSSIER_OK
                             : DOSSIER_EDB;
    if (rc)
        return dossier_db_fail(db, rc, "%s: cannot open database: %s", path,
                               db->sql ? sqlite3_errmsg(db->sql) : "out of memory");
    /* Writers wait for each other; a batch holds the lock about a second (ingest.c). */
    sqlite3_busy_timeout(db->sql, DOSSIER_DB_BUSY_MS);
    sqlite3_set_authorizer(db->sql, authorize, NULL);
    sqlite3_create_function(db->sql, "dossier_version", 0, SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL, sql_version,
                            NULL, NULL);
    int version = schema_of(db);
    if (version >= 0 && read_only && version < dossier_schema_version())
        version = dossier_db_fail(db, DOSSIER_EDB,
                                  "database schema version %d is older than this dossier (%d): run 'dossier migrate'",
                                  version, dossier_schema_version());
    rc = version < 0 ? version : DOSSIER_OK;
    if (!rc && read_only)
        rc = dossier_db_exec(db, "PRAGMA query_only = ON; PRAGMA foreign_keys = ON");
    else if (!rc)
        rc = use_wal(db);
    /* A writer's page cache holds a batch's pages, and its WAL some batches; a reader's cache is small (see above). */
    if (!rc && !read_only)
        rc = dossier_db_exec(db, "PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL");
    if (!rc)
        rc = dossier_db_exec(db, read_only ? "PRAGMA cache_size = " DOSSIER_DB_READ_CACHE_KIB "; "
                                             "PRAGMA mmap_size = " DOSSIER_DB_READ_MMAP_BYTES
                                           : "PRAGMA cache_size = " DOSSIER_DB_CACHE_KIB "; "
                                             "PRAGMA mmap_size = " DOSSIER_DB_MMAP_BYTES "; "
                                             "PRAGMA wal_autocheckpoint = " DOSSIER_DB_WAL_PAGES);
    /* Every row an ingest writes fires triggers (the tallies, FTS), so each
     * INSERT keeps a statement journal: in a temporary file, that is two
     * pwrite calls per page the row touches (5 s of system time for a
     * 4 MiB article); in memory, a copy that is dropped as the row is done. */
    if (!rc && !read_only)
        rc = dossier_db_exec(db, "PRAGMA temp_store = MEMORY");
    if (rc) {
        char keep[sizeof db->errmsg + 64];
        snprintf(keep, sizeof keep, "%s: %s", path, db->errmsg);
        return dossier_db_fail(db, rc, "%s", keep);
    }
    if (!read_only)
        rc = migrate(db);
    if (!rc && opts && ((opts->lexicons && opts->lexicons[0]) || (opts->gazetteers && opts->gazetteers[0])))
        rc = load_lexicon(db, opts);
    return rc;
}

/* See db.h. */
int dossier_db_lexicon(dossier_lexicon **out, dossier_db *db)
{
    int rc = db->lex ? DOSSIER_OK : load_lexicon(db, NULL);
    *out = db->lex;
    return rc;
}

/* See dossier.h. */
void dossier_close(dossier_db *db)
{
    if (!db)
        return;
    for (int i = 0; i < db->ncache; i++)
        sqlite3_finalize(db->cache[i].st);
    if (db->free_queries)
        db->free_queries(db->queries);
    for (int i = 0; i < 2; i++)
        free(db->band_filters[i].bits);
    dossier_lexicon_free(db->lex);
    sqlite3_close(db->sql);
    free(db);
}

/* See dossier.h. */
const char *dossier_errmsg(const dossier_db *db)
{
    if (!db)
        return "out of memory";
    return db->errmsg[0] ? db->errmsg : "no error";
}

/* See dossier.h. */
void dossier_free(void *p)
{
    free(p);
}
