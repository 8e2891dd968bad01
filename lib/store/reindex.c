/*
 * reindex.c — re-extracting stored articles with this library's
 * extractor (dossier reindex): after an upgrade, or for articles stored
 * by another version (articles.extracted_by).
 *
 * The stored original bytes go through source and the pipeline again,
 * outside any transaction; then, in one transaction, the old rows go
 * (versions.c), the new ones are stored under the same id with the same
 * version and ingest time, the article is resolved against the others and
 * the corrections about it are re-applied.
 */
#include <stdlib.h>
#include <string.h>

#include "base/doc.h"
#include "base/util.h"
#include "extract/pipeline.h"
#include "read/source.h"
#include "store/corrections.h"
#include "store/db.h"
#include "store/resolve.h"
#include "store/store.h"
#include "store/versions.h"

/* What is kept of an article across its re-extraction. */
typedef struct {
    char *source, *hash, *ingested_at, *path;
    char *bytes;
    size_t len;
    int version;
} stored;

/* Reads what re-extraction needs of article `id`; DOSSIER_ENOTFOUND when there is none. */
static int load(stored *out, dossier_db *db, long long id)
{
    sqlite3_stmt *st = NULL;
    int rc = dossier_db_prepare(&st, db,
        "SELECT source, hash, ingested_at, original, version, path FROM articles WHERE id = ?1");
    if (rc)
        return rc;
    sqlite3_bind_int64(st, 1, id);
    if (sqlite3_step(st) == SQLITE_ROW) {
        out->source = dossier_strdup((const char *)sqlite3_column_text(st, 0));
        out->hash = dossier_strdup((const char *)sqlite3_column_text(st, 1));
        out->ingested_at = dossier_strdup((const char *)sqlite3_column_text(st, 2));
        out->len = (size_t)sqlite3_column_bytes(st, 3);
        out->bytes = dossier_strndup(sqlite3_column_blob(st, 3), out->len);
        out->version = sqlite3_column_int(st, 4);
        if (sqlite3_column_type(st, 5) != SQLITE_NULL)
            out->path = dossier_strdup((const char *)sqlite3_column_text(st, 5));
        if (!out->source || !out->hash || !out->ingested_at || !out->bytes)
            rc = dossier_db_fail(db, DOSSIER_ENOMEM, "out of memory");
    } else {
        rc = dossier_db_fail(db, DOSSIER_ENOTFOUND, "no article %lld", id);
    }
    sqlite3_finalize(st);
    return rc;
}

/* Replaces the rows of article `id` by those of the analysed doc, in one transaction. */
static int replace(dossier_db *db, long long id, const dossier_doc *d, const stored *s)
{
    long long out = 0;
    int rc = dossier_db_exec(db, "BEGIN IMMEDIATE");
    if (rc)
        return rc;
    rc = dossier_versions_remove(NULL, db, id, 0);
    if (!rc)
        rc = dossier_store_doc(&out, db, d, s->hash, id);
    if (!rc)
        rc = dossier_versions_finish(db, id, s->version, s->ingested_at, s->path);
    if (!rc)
        rc = dossier_resolve_article(db, id, NULL);
    if (!rc)
        rc = dossier_corrections_apply(db, id);
    if (!rc)
        rc = dossier_db_exec(db, "COMMIT");
    if (rc)
        sqlite3_exec(db->sql, "ROLLBACK", NULL, NULL, NULL);
    return rc;
}

/* See dossier.h. */
int dossier_reindex_article(dossier_db *db, long long id)
{
    stored s = {0};
    dossier_doc d;
    dossier_lexicon *lex = NULL;
    int rc = dossier_db_lexicon(&lex, db);
    int loaded = 0;
    if (!rc)
        rc = load(&s, db, id);
    if (!rc) {
        dossier_doc_init(&d, lex, s.source);
        loaded = 1;
        /* the bytes were accepted once: no size limit now */
        rc = dossier_source_load(&d, s.bytes, s.len, 0);
        if (!rc)
            rc = dossier_pipeline_run(&d);
        if (rc)
            dossier_db_fail(db, rc, "article %lld (%s): %s", id, s.source, d.errmsg);
    }
    if (!rc)
        rc = replace(db, id, &d, &s);
    dossier_report ev = {DOSSIER_REPORT_ARTICLE, s.source ? s.source : "", rc ? DOSSIER_INGEST_FAILED
                         : DOSSIER_INGEST_REINDEXED, rc ? 0 : id, rc ? db->errmsg : NULL};
    dossier_db_notify(db, &ev);
    if (loaded)
        dossier_doc_free(&d);
    free(s.source);
    free(s.hash);
    free(s.ingested_at);
    free(s.path);
    free(s.bytes);
    return rc;
}

/* See dossier.h. */
int dossier_reindex_all(size_t *out, dossier_db *db, int all)
{
    sqlite3_stmt *st = NULL;
    struct {
        long long *v;
        size_t n, cap;
    } ids = {0};
    size_t done = 0;
    int rc = dossier_db_prepare(&st, db,
        "SELECT id FROM articles WHERE ?1 OR extracted_by IS NOT ?2 ORDER BY id");
    if (!rc) {
        sqlite3_bind_int(st, 1, all != 0);
        sqlite3_bind_text(st, 2, DOSSIER_VERSION, -1, SQLITE_STATIC);
    }
    while (!rc && sqlite3_step(st) == SQLITE_ROW)
        if (VEC_PUSH(&ids, sqlite3_column_int64(st, 0)))
            rc = dossier_db_fail(db, DOSSIER_ENOMEM, "out of memory");
    sqlite3_finalize(st);
    /* like ingest, past an article that fails (the callback hears of it); the last failure is returned */
    for (size_t i = 0; i < ids.n && rc != DOSSIER_ENOMEM && rc != DOSSIER_EDB; i++) {
        int one = dossier_reindex_article(db, ids.v[i]);
        if (one)
            rc = one;
        else
            done++;
    }
    VEC_FREE(&ids);
    if (out)
        *out = done;
    return rc;
}
