/*
 * ingest.c — one article from bytes to rows: read, refuse or accept, run
 * the pipeline, store and resolve in one transaction.
 *
 * An article whose bytes are already stored (same SHA-256) is reported
 * unchanged and not analysed again; other bytes from a stored source are
 * its new version, which replaces it under the same id (versions.c), and
 * bytes or a source a correction forgot are not stored.  Any failure rolls the transaction
 * back, so a refused or failed article leaves no rows; the message, set
 * once where the failure was found, is prefixed here with the source name.
 */
#define _XOPEN_SOURCE 700 /* realpath() */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/corrections.h"
#include "store/db.h"
#include "base/doc.h"
#include "extract/pipeline.h"
#include "store/resolve.h"
#include "base/sha256.h"
#include "read/source.h"
#include "store/store.h"
#include "base/util.h"
#include "store/versions.h"

/* Tells the callback how an article went. */
static void report(dossier_db *db, const char *source, dossier_ingest_status status, long long id,
                   const char *message)
{
    dossier_report ev = {DOSSIER_REPORT_ARTICLE, source, status, id, message};
    dossier_db_notify(db, &ev);
}

/* The id of the article with this hash, 0 when none, negative on error. */
static long long find_article(dossier_db *db, const char *hash)
{
    sqlite3_stmt *st = NULL;
    long long id = 0;
    if (dossier_db_prepare(&st, db, "SELECT id FROM articles WHERE hash = ?1"))
        return DOSSIER_EDB;
    sqlite3_bind_text(st, 1, hash, -1, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        id = sqlite3_column_int64(st, 0);
    else if (rc != SQLITE_DONE)
        id = dossier_db_sqlfail(db, "database");
    sqlite3_finalize(st);
    return id;
}

/*
 * Analyses the doc and writes it, inside the caller's transaction, as a
 * new article or (`replaces` not 0) as the next version of that one.
 */
static int analyse_and_store(dossier_db *db, dossier_doc *d, const char *hash, long long replaces,
                             const char *path, long long *out_id)
{
    int version = 0;
    int rc = dossier_pipeline_run(d);
    if (rc)
        return dossier_db_fail(db, rc, "%s: %s", d->source, d->errmsg);
    if (replaces)
        rc = dossier_versions_remove(&version, db, replaces, 1);
    if (!rc)
        rc = dossier_store_doc(out_id, db, d, hash, replaces);
    if (!rc)
        rc = dossier_versions_finish(db, *out_id, version + 1, NULL, path);
    if (!rc)
        rc = dossier_resolve_article(db, *out_id);
    if (!rc)
        rc = dossier_corrections_apply(db, *out_id);
    return rc;
}

/* See dossier.h. */
int dossier_ingest_buffer(dossier_db *db, const char *source, const char *bytes, size_t len,
                          dossier_ingest_status *out_status)
{
    char hash[65];
    long long id = 0, old = 0;
    char *path = NULL;
    dossier_doc d;
    dossier_ingest_status status = DOSSIER_INGEST_FAILED;
    dossier_lexicon *lex = NULL;
    int rc = dossier_db_lexicon(&lex, db);
    dossier_doc_init(&d, lex, source);
    if (rc)
        goto done;
    rc = dossier_source_load(&d, bytes, len, db->max_bytes);
    if (rc) {
        dossier_db_fail(db, rc, "%s: %s", source, d.errmsg);
        goto done;
    }
    dossier_sha256_hex(hash, bytes, len);
    id = find_article(db, hash);
    if (id < 0) {
        rc = (int)id;
        goto done;
    }
    if (id > 0) {
        status = DOSSIER_INGEST_UNCHANGED;
        goto done;
    }
    /* a source forgotten is forgotten while no article from it is stored */
    path = strcmp(source, "-") != 0 ? realpath(source, NULL) : NULL; /* NULL too for names of no file */
    old = dossier_versions_find(db, source, path);
    long long forgot = old < 0 ? 0 : dossier_corrections_forgotten(db, hash, old ? NULL : source);
    if (forgot < 0 || old < 0) {
        rc = (int)(forgot < 0 ? forgot : old);
        goto done;
    }
    if (db->as_new)
        old = 0;
    if (forgot > 0) {
        status = DOSSIER_INGEST_FORGOTTEN;
        goto done;
    }
    rc = dossier_db_exec(db, "BEGIN IMMEDIATE");
    if (rc)
        goto done;
    rc = analyse_and_store(db, &d, hash, old, path, &id);
    if (rc) {
        sqlite3_exec(db->sql, "ROLLBACK", NULL, NULL, NULL);
        id = 0;
        goto done;
    }
    rc = dossier_db_exec(db, "COMMIT");
    if (rc) {
        sqlite3_exec(db->sql, "ROLLBACK", NULL, NULL, NULL);
        id = 0;
        goto done;
    }
    status = old ? DOSSIER_INGEST_REPLACED : DOSSIER_INGEST_NEW;
    if (d.warning[0]) {
        dossier_report w = {DOSSIER_REPORT_WARNING, source, status, id, d.warning};
        dossier_db_notify(db, &w);
    }
done:
    if (out_status)
        *out_status = status;
    report(db, source, status, id, rc ? db->errmsg : NULL);
    free(path);
    dossier_doc_free(&d);
    return rc;
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

/* See dossier.h. */
int dossier_ingest_file(dossier_db *db, const char *source, dossier_ingest_status *out_status)
{
    dbuf b = {0};
    int stdin_source = strcmp(source, "-") == 0;
    FILE *f = stdin_source ? stdin : fopen(source, "rb");
    int rc;
    if (out_status)
        *out_status = DOSSIER_INGEST_FAILED;
    if (!f) {
        rc = dossier_db_fail(db, DOSSIER_EIO, "%s: cannot open: %s", source, strerror(errno));
        report(db, source, DOSSIER_INGEST_FAILED, 0, db->errmsg);
        return rc;
    }
    rc = read_stream(&b, f, db->max_bytes);
    if (!stdin_source)
        fclose(f);
    if (rc) {
        dossier_db_fail(db, rc, "%s: %s", source, rc == DOSSIER_EIO ? "read error" : "out of memory");
        report(db, source, DOSSIER_INGEST_FAILED, 0, db->errmsg);
    } else {
        rc = dossier_ingest_buffer(db, source, b.s ? b.s : "", b.len, out_status);
    }
    dossier_buf_free(&b);
    return rc;
}
