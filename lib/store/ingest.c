/*
 * ingest.c — articles from bytes to rows: read, refuse or accept, hash,
 * analyse, then store and resolve in input order.
 *
 * Reading, hashing and analysis are pure functions of one article and run
 * outside any database lock: in the calling thread when there is one job,
 * else in a pool of threads that fill a ring of slots.  One writer (the
 * calling thread) takes the slots in input order, so the database ends
 * up exactly as a serial run leaves it.  The writer stores several
 * articles per transaction (a batch: BATCH_ARTICLES articles or
 * BATCH_MS milliseconds) with the same all-or-nothing per article: when
 * one fails, the transaction is rolled back and the batch's earlier
 * articles are analysed and stored again from their bytes, kept until the
 * commit, and the batch goes on without it.  (Savepoints would do the
 * same, but under one SQLite truncates its in-memory statement journal at
 * the end of every statement by walking it from the start: a seventh of
 * the ingest's time on real news.)  The batch's full-text entries are
 * added in bulk just before its COMMIT (dossier_store_defer), as FTS5
 * would otherwise flush its pending terms around every statement.  The callback
 * hears about articles in input order once their batch is committed, so
 * "new" is never reported for rows a failed commit took away.
 *
 * An article whose bytes are already stored (same SHA-256) is reported
 * unchanged and not analysed again: the analysing thread asks its own
 * read-only connection first, and the writer asks again inside the write
 * transaction, so an article that another writer (another process, or an
 * identical file earlier in the same run) stored meanwhile is "unchanged"
 * too.  Other bytes from a stored source are its new version, which
 * replaces it under the same id (versions.c), and bytes or a source a
 * correction forgot are not stored; the writer decides both under the
 * lock.  Failure messages are set once where they are found and prefixed
 * here with the source name.
 */
#define _XOPEN_SOURCE 700 /* realpath() */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/stat.h>

#include "base/doc.h"
#include "base/sha256.h"
#include "base/util.h"
#include "extract/pipeline.h"
#include "read/source.h"
#include "store/cluster.h"
#include "store/corrections.h"
#include "store/db.h"
#include "store/recent.h"
#include "store/resolve.h"
#include "store/store.h"
#include "store/versions.h"

/* Articles per transaction at most.  Pages that many articles of a batch change (the ends
 * of an entity's rows in the indexes keyed by entity, the recent parts) are written once per
 * batch: 2,000 articles onto 100k wrote 34.7 pages an article in batches of 100, 27.0 in
 * batches of 200 (onto 10k: 30.9, 23.0); the pages of a batch still fit the page cache (db.c). */
#define BATCH_ARTICLES 200
#define BATCH_MS 1000        /* and at most this long between BEGIN and COMMIT */
/* Articles in flight per analysing thread: while the writer commits a batch (its full-text
 * entries, some tens of milliseconds), the analysing threads go on until the ring is full.
 * With 8, real news with --jobs 2 ran 4.17-4.53 s, with 16 3.78-4.17 s, for 1.5 MB more
 * memory (an analysed article waits without its tokens: dossier_doc_shed). */
#define SLOTS_PER_JOB 16
#define OWN_TXN_BYTES 65536  /* an article this long is a transaction of its own */

/* One article on its way: the input, then what the reader and analyser made of it. */
typedef struct {
    const char *source;           /* its name: path, "-", or the caller's name for a buffer, escaped */
    const char *raw;              /* the path as given, to open */
    dossier_doc doc;
    int analysed;                 /* doc holds an analysed article to store */
    dossier_shingles_sig sig;     /* the signature of its body, worked out with the analysis */
    dossier_doc_names *names;     /* the names of its entities, likewise (owned) */
    char hash[65];
    char *path;                   /* the file's absolute path (realpath), or NULL (owned) */
    dossier_ingest_status status; /* FAILED until known otherwise */
    long long id;                 /* the stored article (new or unchanged) */
    int rc;                       /* the failure's code */
    char msg[sizeof ((dossier_db *)0)->errmsg]; /* the failure, "source: reason" */
} article;

/* An article stored in the open transaction, kept to store it again if a later one fails. */
typedef struct {
    char *bytes;                  /* its bytes as read (owned) */
    size_t len;
    const char *source, *raw;     /* as in `article` */
    char *path;                   /* as in `article` (owned) */
    long long id;                 /* the id it was stored under */
} kept;

/* What the callback will hear about one article once its batch is committed. */
typedef struct {
    const char *source;
    dossier_ingest_status status;
    long long id;
    int rc;
    char *msg;                    /* failure message, or NULL (owned) */
    char *warning;                /* warning of a new article, or NULL (owned) */
} pending;

/* One run of ingest: its input, the ring of slots and the writer's batch. */
typedef struct {
    dossier_db *db;
    const dossier_lexicon *lex;
    const char *const *sources;   /* n paths; or NULL with one buffer: */
    char **shown;                 /* n names for messages and rows: escaped sources, or NULL when as given */
    const char *buf;
    size_t buf_len;
    size_t n;

    /* the ring: slot i % nslots holds article i while next <= i + nslots */
    article *slots;
    int *ready;                   /* per slot: 1 when its article is analysed */
    size_t nslots;
    size_t claimed;               /* the next article a thread will take */
    size_t written;               /* articles the writer is done with */
    const char *dbpath;           /* for the threads' read-only connections, or NULL */
    pthread_mutex_t lock;
    pthread_cond_t more_ready, more_room;

    /* the writer's batch */
    int in_txn;
    size_t batch_new;             /* articles stored in the open transaction */
    VEC(kept) batch;              /* those articles, in order */
    struct timespec batch_start;
    VEC(pending) reports;
    int refs_off;                 /* foreign keys are off on the handle for this run (check_refs) */
    int fatal;                    /* a failure that stops the run (out of memory) */
    int last_rc;                  /* the code of the last article reported */
    dossier_ingest_status last_status; /* and its status */
} run;

/* Non-zero for the outcomes that wrote rows: a new article, or a new version of one. */
static int stored(dossier_ingest_status s)
{
    return s == DOSSIER_INGEST_NEW || s == DOSSIER_INGEST_REPLACED;
}

/* Milliseconds from a to b. */
static long elapsed_ms(const struct timespec *a, const struct timespec *b)
{
    return (long)(b->tv_sec - a->tv_sec) * 1000 + (b->tv_nsec - a->tv_nsec) / 1000000;
}

/* Records an article's failure: its code and one-line message. */
static int article_fail(article *a, int code, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
static int article_fail(article *a, int code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(a->msg, sizeof a->msg, fmt, ap);
    va_end(ap);
    a->status = DOSSIER_INGEST_FAILED;
    a->rc = code;
    a->analysed = 0;
    return code;
}

/*
 * Reads at most max + 1 bytes of a stream, so that an oversized file is
 * refused without reading all of it.  The caller frees *out.
 */
static int read_stream(dbuf *out, FILE *f, size_t max)
{
    char chunk[65536];
    size_t n;
    while (out->len <= max && (n = fread(chunk, 1, sizeof chunk, f)) > 0)
        if (dossier_buf_add(out, chunk, n))
            return DOSSIER_ENOMEM;
    return ferror(f) ? DOSSIER_EIO : DOSSIER_OK;
}

/*
 * Opens a source that must be a regular file, without blocking on a FIFO
 * or a device: they are refused by name ("not a regular file (a FIFO)"),
 * as reading one could wait forever.  Returns the stream, or NULL with
 * errno set (0 when the article's failure is set here).
 */
static FILE *open_regular(article *a)
{
    int fd = open(a->raw, O_RDONLY | O_NONBLOCK | O_NOCTTY);
    struct stat st;
    if (fd < 0)
        return NULL;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        const char *what = S_ISDIR(st.st_mode) ? "a directory" : S_ISFIFO(st.st_mode) ? "a FIFO"
                           : S_ISSOCK(st.st_mode) ? "a socket" : S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode) ? "a device"
                           : "not a file";
        close(fd);
        article_fail(a, DOSSIER_EINPUT, "%s: not a regular file (%s)", a->source, what);
        errno = 0;
        return NULL;
    }
    fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    FILE *f = fdopen(fd, "rb");
    if (!f)
        close(fd);
    return f;
}

/* Reads a source file (or standard input for "-") into *out; the caller frees it. */
static int read_source(dbuf *out, article *a, size_t max)
{
    int stdin_source = strcmp(a->raw, "-") == 0;
    FILE *f = stdin_source ? stdin : open_regular(a);
    if (!f) {
        char why[256];
        if (errno == 0)   /* open_regular() set the message */
            return DOSSIER_EINPUT;
        if (strerror_r(errno, why, sizeof why))
            snprintf(why, sizeof why, "error %d", errno);
        return article_fail(a, DOSSIER_EIO, "%s: cannot open: %s", a->source, why);
    }
    int rc = read_stream(out, f, max);
    if (!stdin_source)
        fclose(f);
    if (rc)
        return article_fail(a, rc, "%s: %s", a->source, rc == DOSSIER_EIO ? "read error" : "out of memory");
    return DOSSIER_OK;
}

/* The id of the stored article with this hash from statement `st`: 0 when none, negative on error. */
static long long lookup_hash(sqlite3_stmt *st, const char *hash)
{
    long long id = 0;
    sqlite3_reset(st);
    sqlite3_bind_text(st, 1, hash, -1, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        id = sqlite3_column_int64(st, 0);
    else if (rc != SQLITE_DONE)
        id = DOSSIER_EDB;
    sqlite3_reset(st);
    return id;
}

static const char find_sql[] = "SELECT id FROM articles WHERE hash = ?1";

/*
 * What prepare() does once the bytes are read: loads the bytes into a->doc, hashes
 * them, finds the file's path (unless a->path is set), asks `seen` and
 * analyses.  Leaves the article failed, unchanged, or analysed.
 */
static void analyse(run *r, article *a, const char *bytes, size_t len, sqlite3_stmt *seen)
{
    int rc = dossier_source_load(&a->doc, bytes, len, r->db->max_bytes);
    if (rc) {
        article_fail(a, rc, "%s: %s", a->source, a->doc.errmsg);
        return;
    }
    dossier_sha256_hex(a->hash, bytes, len);
    if (!a->path && strcmp(a->raw, "-") != 0) {
        a->path = realpath(a->raw, NULL); /* NULL too for names of no file */
        char *shown = a->path ? dossier_escape_name(a->path) : NULL;
        if (shown) {
            free(a->path);
            a->path = shown;
        }
    }
    long long id = seen ? lookup_hash(seen, a->hash) : 0;
    if (id > 0) { /* an error here is no answer: the writer asks again */
        a->status = DOSSIER_INGEST_UNCHANGED;
        a->id = id;
        return;
    }
    rc = dossier_pipeline_run(&a->doc);
    if (!rc && (rc = dossier_cluster_wording(&a->doc)) != 0) /* what clustering compares, outside the writer */
        snprintf(a->doc.errmsg, sizeof a->doc.errmsg, "out of memory");
    if (rc) {
        article_fail(a, rc, "%s: %s", a->source, a->doc.errmsg);
        return;
    }
    dossier_shingles_sign(&a->sig, a->doc.body, a->doc.body_len); /* what finds its near-duplicates, likewise */
    if (dossier_resolve_doc_names(&a->names, r->lex, &a->doc)) /* the names its entities are recorded under, likewise */
        a->names = NULL; /* worked out by the writer */
    dossier_doc_shed(&a->doc); /* the writer reads none of the tokens: a waiting doc is smaller without them */
    a->analysed = 1;
}

/*
 * Everything done to an article outside the write lock: read it (from
 * r->buf or its file), load and hash it, ask `seen` (a statement over
 * committed data, or NULL) whether it is already stored, and analyse it.
 * Leaves the article failed, unchanged, or analysed and ready to store.
 * Touches nothing shared but the read-only lexicon, so threads run it at
 * once.
 */
static void prepare(run *r, article *a, const char *raw, const char *source, sqlite3_stmt *seen)
{
    dbuf b = {0};
    const char *bytes = r->buf;
    size_t len = r->buf_len;
    memset(a, 0, sizeof *a);
    a->source = source;
    a->raw = raw;
    a->status = DOSSIER_INGEST_FAILED;
    dossier_doc_init(&a->doc, r->lex, source);
    if (!r->buf) {
        if (read_source(&b, a, r->db->max_bytes))
            goto done;
        bytes = b.s ? b.s : "";
        len = b.len;
    }
    analyse(r, a, bytes, len, seen);
done:
    dossier_buf_free(&b);
}

/* ---- the writer ---- */

/* Queues what the callback will hear about an article (in input order). */
static void queue_report(run *r, article *a)
{
    pending p = {a->source, a->status, a->id, a->rc, NULL, NULL};
    if (a->status == DOSSIER_INGEST_FAILED)
        p.msg = dossier_strdup(a->msg);
    if (stored(a->status) && a->doc.warning[0])
        p.warning = dossier_strdup(a->doc.warning);
    if (VEC_PUSH(&r->reports, p)) {
        free(p.msg);
        free(p.warning);
        r->fatal = dossier_db_fail(r->db, DOSSIER_ENOMEM, "out of memory");
    }
}

/*
 * Tells the callback about every queued article, in order, and leaves the
 * last failure's message on the handle (dossier_errmsg) for callers of the
 * one-article functions.
 */
static void flush_reports(run *r)
{
    for (size_t i = 0; i < r->reports.n; i++) {
        pending *p = &r->reports.v[i];
        if (p->warning) {
            dossier_report w = {DOSSIER_REPORT_WARNING, p->source, p->status, p->id, p->warning};
            dossier_db_notify(r->db, &w);
        }
        if (p->status == DOSSIER_INGEST_FAILED)
            dossier_db_fail(r->db, p->rc, "%s", p->msg ? p->msg : "out of memory");
        dossier_report ev = {DOSSIER_REPORT_ARTICLE, p->source, p->status,
                             p->status == DOSSIER_INGEST_FAILED ? 0 : p->id,
                             p->status == DOSSIER_INGEST_FAILED ? r->db->errmsg : NULL};
        dossier_db_notify(r->db, &ev);
        r->last_rc = p->status == DOSSIER_INGEST_FAILED ? p->rc : DOSSIER_OK;
        r->last_status = p->status;
        free(p->msg);
        free(p->warning);
    }
    r->reports.n = 0;
}

/* Frees what was kept of the batch's articles: its transaction is over. */
static void forget_batch(run *r)
{
    for (size_t i = 0; i < r->batch.n; i++) {
        free(r->batch.v[i].bytes);
        free(r->batch.v[i].path);
    }
    r->batch.n = 0;
}

/*
 * The open transaction is gone (a failed COMMIT, or SQLite rolled it back
 * after an I/O or lock error): every article it held is failed, with
 * `why`.
 */
static void batch_lost(run *r, const char *why)
{
    for (size_t i = 0; i < r->reports.n; i++) {
        pending *p = &r->reports.v[i];
        if (!stored(p->status))
            continue;
        char msg[sizeof r->db->errmsg + 256];
        snprintf(msg, sizeof msg, "%s: %s", p->source, why);
        free(p->msg);
        free(p->warning);
        p->warning = NULL;
        p->msg = dossier_strdup(msg);
        p->status = DOSSIER_INGEST_FAILED;
        p->rc = DOSSIER_EDB;
        p->id = 0;
    }
    r->in_txn = 0;
    r->batch_new = 0;
    forget_batch(r);
}

/* Commits the open batch (if any), its full-text entries and a merge of the recent rows when
 * due (recent.c) first, and reports its articles. */
static void commit_batch(run *r)
{
    if (r->in_txn && (dossier_store_index_deferred(r->db) || dossier_recent_merge_when_full(r->db) ||
                      dossier_db_exec(r->db, "COMMIT"))) {
        char why[sizeof r->db->errmsg];
        snprintf(why, sizeof why, "%s", r->db->errmsg);
        sqlite3_exec(r->db->sql, "ROLLBACK", NULL, NULL, NULL);
        batch_lost(r, why);
    }
    r->in_txn = 0;
    r->batch_new = 0;
    forget_batch(r);
    flush_reports(r);
}

/*
 * Stores an article whose bytes are not stored yet, inside its savepoint:
 * as a new article, as the next version of the article stored from the
 * same source (unless the run keeps both: as_new), or not at all when a
 * correction forgot its bytes or its source.  Returns DOSSIER_OK or the
 * failure with the message on the handle.
 */
/*
 * Turns the handle's foreign keys (the checks of every reference, the
 * cascades of a delete) on or off.  sqlite3_db_config may do so inside a
 * transaction, where the pragma does nothing; every prepared statement
 * is prepared again on its next step.  Returns DOSSIER_OK or DOSSIER_EDB.
 */
static int set_foreign_keys(dossier_db *db, int on)
{
    int now = -1;
    if (sqlite3_db_config(db->sql, SQLITE_DBCONFIG_ENABLE_FKEY, on, &now) != SQLITE_OK || now != on)
        return dossier_db_fail(db, DOSSIER_EDB, "cannot turn foreign keys %s", on ? "on" : "off");
    return DOSSIER_OK;
}

/*
 * Foreign keys, off for a run of several new articles: the writer's rows
 * refer to rows it has just stored or looked up, so checking each
 * reference (a look-up of every mention's article and entity, and so on,
 * a twentieth of the writer's work) finds nothing, and a new article
 * deletes no article, entity, statement or event, whose cascades need
 * them.  What does delete has them on: a new version removing the old
 * one (versions.c) and the corrections' merges (corrections.c).  So the
 * run keeps them on when the database holds corrections, and turns them
 * back on for good at its first new version (switching prepares every
 * statement again: not once per article); the run's end turns them on.
 */
static int check_refs(run *r)
{
    if (r->n < 2)
        return DOSSIER_OK; /* one article: switching twice would cost more than the checks */
    sqlite3_stmt *st = NULL;
    int rc = dossier_db_cached(&st, r->db, "SELECT 1 FROM corrections LIMIT 1");
    if (rc)
        return rc;
    int step = sqlite3_step(st);
    sqlite3_reset(st);
    if (step == SQLITE_ROW)
        return DOSSIER_OK;
    if (step != SQLITE_DONE)
        return dossier_db_sqlfail(r->db, "corrections");
    rc = set_foreign_keys(r->db, 0);
    if (!rc)
        r->refs_off = 1;
    return rc;
}

static int store_version(run *r, article *a)
{
    dossier_db *db = r->db;
    int version = 0, rc = DOSSIER_OK;
    /* a source forgotten is forgotten while no article from it is stored */
    long long old = dossier_versions_find(db, a->source, a->path);
    long long forgot = old < 0 ? 0 : dossier_corrections_forgotten(db, a->hash, old ? NULL : a->source);
    if (forgot < 0 || old < 0)
        return (int)(forgot < 0 ? forgot : old);
    if (db->as_new)
        old = 0;
    if (forgot > 0) {
        a->status = DOSSIER_INGEST_FORGOTTEN;
        return DOSSIER_OK;
    }
    if (old && r->refs_off) { /* its removal cascades (check_refs) */
        rc = set_foreign_keys(db, 1);
        r->refs_off = 0;
    }
    if (old && !rc)
        rc = dossier_versions_remove(&version, db, old, 1);
    if (!rc)
        rc = dossier_store_resolved(&a->id, db, &a->doc, a->hash, old, &a->sig, version + 1, a->path, a->names);
    if (!rc)
        rc = dossier_versions_prune(db);
    if (!rc)
        rc = dossier_corrections_apply(db, a->id);
    if (!rc)
        a->status = old ? DOSSIER_INGEST_REPLACED : DOSSIER_INGEST_NEW;
    return rc;
}

/* Runs one SQL text on the writer's connection, failing the article with its message. */
static int writer_exec(run *r, article *a, const char *sql)
{
    int rc = dossier_db_exec(r->db, sql);
    return rc ? article_fail(a, rc, "%s: %s", a->source, r->db->errmsg) : DOSSIER_OK;
}

/*
 * Analyses and stores again an article of the batch once its transaction
 * was rolled back: the same bytes give the same rows under the same id.
 * Returns DOSSIER_OK or the failure, with the message on the handle.
 */
static int redo(run *r, const kept *k)
{
    article t;
    memset(&t, 0, sizeof t);
    t.source = k->source;
    t.raw = k->raw;
    t.path = k->path; /* borrowed: analyse() keeps a path it is given */
    t.status = DOSSIER_INGEST_FAILED;
    dossier_doc_init(&t.doc, r->lex, k->source);
    analyse(r, &t, k->bytes, k->len, NULL);
    int rc = t.analysed ? store_version(r, &t) : dossier_db_fail(r->db, t.rc ? t.rc : DOSSIER_ERROR, "%s", t.msg);
    if (!rc && (!stored(t.status) || t.id != k->id))
        rc = dossier_db_fail(r->db, DOSSIER_ERROR, "%s: not stored again as it was", k->source);
    dossier_resolve_doc_names_free(t.names);
    dossier_doc_free(&t.doc);
    return rc;
}

/*
 * An article failed after others were stored in the open transaction:
 * rolls the transaction back and stores those others again, so that the
 * batch goes on without the failed one.  When that fails too, the batch
 * is lost.
 */
static void redo_batch(run *r)
{
    sqlite3_exec(r->db->sql, "ROLLBACK", NULL, NULL, NULL);
    int rc = dossier_db_exec(r->db, "BEGIN IMMEDIATE");
    if (!rc)
        rc = dossier_store_defer(r->db);
    for (size_t i = 0; !rc && i < r->batch.n; i++)
        rc = redo(r, &r->batch.v[i]);
    if (rc) {
        char why[sizeof r->db->errmsg + 64];
        snprintf(why, sizeof why, "rolled back with its batch: %s", r->db->errmsg);
        if (!sqlite3_get_autocommit(r->db->sql))
            sqlite3_exec(r->db->sql, "ROLLBACK", NULL, NULL, NULL);
        batch_lost(r, why);
    }
}

/*
 * Stores an analysed article inside the batch transaction (opened here
 * when none is): checks its hash once more, writes its rows and resolves
 * it.  When it fails, the first article of a transaction rolls all of it
 * back; a later one has the transaction rolled back and the articles
 * before it stored again (redo_batch).  A long article commits the batch
 * before it and starts a transaction of its own, so that a failure after
 * it never analyses it twice.
 */
static void store(run *r, article *a)
{
    sqlite3_stmt *find = NULL;
    if (r->in_txn && r->batch_new > 0 && a->doc.text_len >= OWN_TXN_BYTES)
        commit_batch(r);
    if (!r->in_txn) {
        if (writer_exec(r, a, "BEGIN IMMEDIATE"))
            return;
        /* the temporary tables first: made after the first article, they
         * would have every statement prepared again (versions.h) */
        if (dossier_versions_begin(r->db) || dossier_store_defer(r->db)) {
            article_fail(a, DOSSIER_EDB, "%s: %s", a->source, r->db->errmsg);
            sqlite3_exec(r->db->sql, "ROLLBACK", NULL, NULL, NULL);
            return;
        }
        r->in_txn = 1;
        clock_gettime(CLOCK_MONOTONIC, &r->batch_start);
    }
    int rc = dossier_db_cached(&find, r->db, find_sql);
    long long id = rc ? rc : lookup_hash(find, a->hash);
    if (id < 0) {
        rc = id == DOSSIER_EDB ? dossier_db_sqlfail(r->db, "database") : (int)id;
    } else if (id > 0) {
        a->status = DOSSIER_INGEST_UNCHANGED; /* stored meanwhile by another writer, or earlier in this run */
        a->id = id;
    } else {
        rc = store_version(r, a);
    }
    if (rc) {
        article_fail(a, rc, "%s: %s", a->source, r->db->errmsg);
        a->id = 0;
        if (r->batch_new == 0) { /* nothing else stored in the transaction: roll all of it back */
            sqlite3_exec(r->db->sql, "ROLLBACK", NULL, NULL, NULL);
            r->in_txn = 0;
            return;
        }
        if (!sqlite3_get_autocommit(r->db->sql)) {
            redo_batch(r);
            return;
        }
    } else if (!sqlite3_get_autocommit(r->db->sql)) {
        if (stored(a->status))
            r->batch_new++;
        return;
    }
    /* SQLite ended the transaction itself (an I/O, disk-full or lock error): the batch is gone. */
    char why[sizeof r->db->errmsg + 64];
    snprintf(why, sizeof why, "rolled back with its batch: %s", r->db->errmsg);
    batch_lost(r, why);
    if (stored(a->status))
        article_fail(a, DOSSIER_EDB, "%s: %s", a->source, why);
}

/* Keeps a stored article's bytes and path (taken from it) until its batch ends. */
static void keep(run *r, article *a)
{
    kept k = {a->doc.raw, a->doc.raw_len, a->source, a->raw, a->path, a->id};
    if (VEC_PUSH(&r->batch, k)) {
        r->fatal = dossier_db_fail(r->db, DOSSIER_ENOMEM, "out of memory");
        return;
    }
    a->doc.raw = NULL;
    a->path = NULL;
}

/* The writer's part for article `a`: store it if it needs storing, queue its report. */
static void write_one(run *r, article *a)
{
    if (a->analysed)
        store(r, a);
    queue_report(r, a);
    if (r->in_txn && stored(a->status))
        keep(r, a);
    dossier_resolve_doc_names_free(a->names);
    a->names = NULL;
    dossier_doc_free(&a->doc);
    free(a->path);
    a->path = NULL;
    a->analysed = 0;
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    if (!r->in_txn)
        flush_reports(r);
    else if (r->batch_new >= BATCH_ARTICLES || elapsed_ms(&r->batch_start, &now) >= BATCH_MS)
        commit_batch(r);
}

/* The source name of article i. */
static const char *source_of(const run *r, size_t i)
{
    return r->sources ? r->sources[i] : "-";
}

/* The name article i goes by in messages and rows: its source (or the buffer's name), escaped when it must be. */
static const char *shown_of(const run *r, size_t i, const char *buffer_source)
{
    return r->shown && r->shown[i] ? r->shown[i] : buffer_source ? buffer_source : source_of(r, i);
}

/* One job: every article analysed by the calling thread, then written. */
static void run_serial(run *r, const char *buffer_source)
{
    article *a = &r->slots[0];
    for (size_t i = 0; i < r->n && !r->fatal; i++) {
        sqlite3_stmt *seen = NULL;
        if (dossier_db_cached(&seen, r->db, find_sql))
            seen = NULL;
        prepare(r, a, buffer_source ? buffer_source : source_of(r, i), shown_of(r, i, buffer_source), seen);
        write_one(r, a);
    }
}

/* ---- the analysing threads ---- */

/*
 * An analysing thread: takes the next article while the ring has room,
 * prepares it into its slot and tells the writer.  Each thread asks its
 * own read-only connection whether an article is already stored.
 */
static void *analyser(void *arg)
{
    run *r = arg;
    sqlite3 *ro = NULL;
    sqlite3_stmt *seen = NULL;
    if (r->dbpath && sqlite3_open_v2(r->dbpath, &ro, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL) == SQLITE_OK) {
        sqlite3_busy_timeout(ro, 1000);
        if (sqlite3_prepare_v2(ro, find_sql, -1, &seen, NULL) != SQLITE_OK)
            seen = NULL; /* no answer: the writer asks */
    }
    pthread_mutex_lock(&r->lock);
    for (;;) {
        while (r->claimed < r->n && r->claimed >= r->written + r->nslots && !r->fatal)
            pthread_cond_wait(&r->more_room, &r->lock);
        if (r->claimed >= r->n || r->fatal)
            break;
        size_t i = r->claimed++;
        pthread_mutex_unlock(&r->lock);
        prepare(r, &r->slots[i % r->nslots], source_of(r, i), shown_of(r, i, NULL), seen);
        pthread_mutex_lock(&r->lock);
        r->ready[i % r->nslots] = 1;
        pthread_cond_signal(&r->more_ready);
    }
    pthread_mutex_unlock(&r->lock);
    sqlite3_finalize(seen);
    sqlite3_close(ro);
    return NULL;
}

/*
 * Waits until article i is analysed.  While it waits with a batch open,
 * the batch is committed once it is BATCH_MS old, so that other writers
 * are not kept waiting behind a slow article.
 */
static void wait_ready(run *r, size_t i)
{
    pthread_mutex_lock(&r->lock);
    while (!r->ready[i % r->nslots]) {
        if (!r->in_txn) {
            pthread_cond_wait(&r->more_ready, &r->lock);
            continue;
        }
        struct timespec now, until;
        clock_gettime(CLOCK_MONOTONIC, &now);
        if (elapsed_ms(&r->batch_start, &now) >= BATCH_MS) {
            pthread_mutex_unlock(&r->lock);
            commit_batch(r);
            pthread_mutex_lock(&r->lock);
            continue;
        }
        clock_gettime(CLOCK_REALTIME, &until); /* pthread_cond_timedwait's default clock */
        long left = BATCH_MS - elapsed_ms(&r->batch_start, &now);
        until.tv_sec += left / 1000;
        until.tv_nsec += (left % 1000) * 1000000L;
        if (until.tv_nsec >= 1000000000L) {
            until.tv_sec++;
            until.tv_nsec -= 1000000000L;
        }
        pthread_cond_timedwait(&r->more_ready, &r->lock, &until);
    }
    pthread_mutex_unlock(&r->lock);
}

/*
 * Several jobs: `jobs` analysing threads fill the ring while the calling
 * thread writes in input order.  Returns the number of threads started
 * (0: none could be, and nothing was done).
 */
static int run_parallel(run *r, int jobs)
{
    pthread_t *threads = calloc((size_t)jobs, sizeof *threads);
    int started = 0;
    if (!threads)
        return 0;
    for (; started < jobs; started++)
        if (pthread_create(&threads[started], NULL, analyser, r))
            break;
    for (size_t i = 0; started && i < r->n && !r->fatal; i++) {
        wait_ready(r, i);
        write_one(r, &r->slots[i % r->nslots]);
        pthread_mutex_lock(&r->lock);
        r->ready[i % r->nslots] = 0;
        r->written = i + 1;
        pthread_cond_broadcast(&r->more_room);
        pthread_mutex_unlock(&r->lock);
    }
    if (r->fatal) { /* stop the threads, then free what they left in the ring */
        pthread_mutex_lock(&r->lock);
        pthread_cond_broadcast(&r->more_room);
        pthread_mutex_unlock(&r->lock);
    }
    for (int t = 0; t < started; t++)
        pthread_join(threads[t], NULL);
    for (size_t i = r->written; i < r->claimed; i++) {
        dossier_resolve_doc_names_free(r->slots[i % r->nslots].names);
        dossier_doc_free(&r->slots[i % r->nslots].doc);
        free(r->slots[i % r->nslots].path);
    }
    free(threads);
    return started;
}

/* The number of processors online, at least 1. */
static int processors(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? (int)(n > 64 ? 64 : n) : 1;
}

/*
 * Ingests r->n articles with `jobs` analysing threads (1: the calling
 * thread only).  Returns DOSSIER_OK when every article was handled
 * (whatever its status), or the code of a failure that stopped the run.
 */
static int ingest_run(run *r, int jobs, const char *buffer_source)
{
    int rc = dossier_db_lexicon((dossier_lexicon **)&r->lex, r->db);
    if (rc)
        return rc;
    /* Ingest touches pages all over the file (index leaves, FTS segments):
     * mapped, they would all stay resident.  The page cache alone bounds
     * its memory; queries keep the map (db.c). */
    sqlite3_exec(r->db->sql, "PRAGMA mmap_size = 0", NULL, NULL, NULL);
    /* The CHECK constraints of the schema hold ingest's rows by construction:
     * an entity's kind, a mention's how, a date's precision come from the
     * code's constant lists (store.c, resolve.c).  SQLite checks an IN list
     * of more than two values by building a temporary index for every row
     * (a third of an entity's insert, a third of a mention's), so this
     * handle stops checking them.  It stays so: switching expires every
     * prepared statement.  Other handles and tools check as before. */
    if (!r->db->unchecked && sqlite3_exec(r->db->sql, "PRAGMA ignore_check_constraints = ON", NULL, NULL, NULL) == SQLITE_OK)
        r->db->unchecked = 1;
    rc = check_refs(r);
    if (rc)
        return rc;
    if (jobs <= 0)
        jobs = processors();
    if ((size_t)jobs > r->n)
        jobs = (int)r->n;
    /* names that are no UTF-8 text, or hold line breaks, go by an escaped form:
     * messages stay one line, rows and JSON stay valid UTF-8 */
    r->shown = calloc(r->n + 1, sizeof *r->shown);
    if (!r->shown) {
        rc = dossier_db_fail(r->db, DOSSIER_ENOMEM, "out of memory");
        goto done;
    }
    for (size_t i = 0; i < r->n; i++)
        r->shown[i] = dossier_escape_name(buffer_source ? buffer_source : source_of(r, i));
    const char *path = sqlite3_db_filename(r->db->sql, "main");
    r->dbpath = path && *path ? path : NULL;
    r->nslots = jobs > 1 ? (size_t)jobs * SLOTS_PER_JOB : 1;
    r->slots = calloc(r->nslots, sizeof *r->slots);
    r->ready = calloc(r->nslots, sizeof *r->ready);
    if (!r->slots || !r->ready) {
        rc = dossier_db_fail(r->db, DOSSIER_ENOMEM, "out of memory");
        goto done;
    }
    int threaded = 0;
    if (jobs > 1 && r->dbpath) {
        pthread_mutex_init(&r->lock, NULL);
        pthread_cond_init(&r->more_ready, NULL);
        pthread_cond_init(&r->more_room, NULL);
        threaded = run_parallel(r, jobs);
        pthread_cond_destroy(&r->more_room);
        pthread_cond_destroy(&r->more_ready);
        pthread_mutex_destroy(&r->lock);
    }
    if (!threaded) /* one job, an in-memory database, or no thread could start */
        run_serial(r, buffer_source);
    commit_batch(r);
    rc = r->fatal;
done:
    if (r->refs_off) {
        int on = set_foreign_keys(r->db, 1);
        if (!rc)
            rc = on;
        r->refs_off = 0;
    }
    for (size_t i = 0; i < r->reports.n; i++) {
        free(r->reports.v[i].msg);
        free(r->reports.v[i].warning);
    }
    VEC_FREE(&r->reports);
    forget_batch(r);
    VEC_FREE(&r->batch);
    for (size_t i = 0; r->shown && i < r->n; i++)
        free(r->shown[i]);
    free(r->shown);
    free(r->slots);
    free(r->ready);
    return rc;
}

/* See dossier.h. */
int dossier_ingest_files(dossier_db *db, const char *const *sources, size_t n, int jobs)
{
    run r = {.db = db, .sources = sources, .n = n};
    return n ? ingest_run(&r, jobs, NULL) : DOSSIER_OK;
}

/* Ingests one article: a file, or a buffer when bytes is non-NULL.  See dossier.h. */
static int ingest_one(dossier_db *db, const char *source, const char *bytes, size_t len,
                      dossier_ingest_status *out_status)
{
    const char *sources[1] = {source};
    run r = {.db = db, .sources = bytes ? NULL : sources, .buf = bytes, .buf_len = len, .n = 1,
             .last_status = DOSSIER_INGEST_FAILED};
    int rc = ingest_run(&r, 1, bytes ? source : NULL);
    if (out_status)
        *out_status = rc ? DOSSIER_INGEST_FAILED : r.last_status;
    return rc ? rc : r.last_rc;
}

/* See dossier.h. */
int dossier_ingest_buffer(dossier_db *db, const char *source, const char *bytes, size_t len,
                          dossier_ingest_status *out_status)
{
    return ingest_one(db, source, bytes ? bytes : "", len, out_status);
}

/* See dossier.h. */
int dossier_ingest_file(dossier_db *db, const char *source, dossier_ingest_status *out_status)
{
    return ingest_one(db, source, NULL, 0, out_status);
}
