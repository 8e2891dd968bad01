/*
 * query_article.c — the page of one article for people: its title, where
 * and when it was published, and its cleaned text with each extracted
 * statement marked in place, wrapped to the terminal.  Spans are byte
 * offsets into articles.body, so the body is read as bytes.
 */
#include "query/query.h"

#include <stdlib.h>
#include <string.h>

#include "base/util.h"

typedef struct {
    long long id;
    size_t start, end;
} span;

typedef VEC(span) span_vec;

/* Reads the statement spans of article `id`, in text order. */
static int read_spans(span_vec *out, dossier_db *db, long long id, size_t body_len)
{
    sqlite3_stmt *st = NULL;
    int rc = dossier_db_prepare(&st, db,
        "SELECT id, start, end FROM statements WHERE article = ?1 ORDER BY start, end DESC, id");
    if (rc)
        return rc;
    sqlite3_bind_int64(st, 1, id);
    while (!rc && sqlite3_step(st) == SQLITE_ROW) {
        long long s = sqlite3_column_int64(st, 1), e = sqlite3_column_int64(st, 2);
        if (s < 0 || e <= s || (size_t)e > body_len)
            continue; /* a span that does not fit the body is not shown */
        span sp = {sqlite3_column_int64(st, 0), (size_t)s, (size_t)e};
        if (VEC_PUSH(out, sp))
            rc = dossier_db_fail(db, DOSSIER_ENOMEM, "out of memory");
    }
    sqlite3_finalize(st);
    return rc;
}

/*
 * Copies the body into `b` with statements marked: highlight marks (or
 * "[[" "]]" without colour) around the words, then "#id".  A statement
 * that starts inside the previous one is not marked again.
 */
static int mark_body(dbuf *b, const char *body, size_t len, const span *sp, size_t n, int color)
{
    size_t at = 0;
    int rc = 0;
    for (size_t i = 0; !rc && i < n; i++) {
        if (sp[i].start < at)
            continue;
        rc = dossier_buf_add(b, body + at, sp[i].start - at);
        if (!rc)
            rc = color ? dossier_buf_add(b, "\x02", 1) : dossier_buf_puts(b, "[[");
        if (!rc)
            rc = dossier_buf_add(b, body + sp[i].start, sp[i].end - sp[i].start);
        if (!rc)
            rc = dossier_buf_printf(b, "%s#%lld", color ? "\x03" : "]]", sp[i].id);
        at = sp[i].end;
    }
    if (!rc)
        rc = dossier_buf_add(b, body + at, len - at);
    return rc ? DOSSIER_ENOMEM : DOSSIER_OK;
}

/* See dossier.h. */
int dossier_article_text(char **out, dossier_db *db, long long id, const dossier_output *how)
{
    sqlite3_stmt *st = NULL;
    span_vec spans = {0};
    dbuf marked = {0}, page = {0};
    *out = NULL;
    int rc = dossier_db_prepare(&st, db,
        "SELECT CAST(body AS BLOB), coalesce(title, '(no title)'),"
        " coalesce(outlet || ' · ', '') || coalesce(published || ' · ', '') || language || ' · ' || source"
        " FROM articles WHERE id = ?1");
    if (rc)
        goto done;
    sqlite3_bind_int64(st, 1, id);
    if (sqlite3_step(st) != SQLITE_ROW) {
        rc = dossier_db_fail(db, DOSSIER_ENOTFOUND, "no article %lld (see 'dossier articles')", id);
        goto done;
    }
    const char *body = (const char *)sqlite3_column_blob(st, 0);
    size_t len = (size_t)sqlite3_column_bytes(st, 0);
    const char *title = (const char *)sqlite3_column_text(st, 1);
    const char *meta = (const char *)sqlite3_column_text(st, 2);
    rc = read_spans(&spans, db, id, len);
    if (rc)
        goto done;
    if (mark_body(&marked, body ? body : "", len, spans.v, spans.n, how->color) ||
        dossier_buf_printf(&page, "%s#%lld  ", how->color ? "\033[1m" : "", id) ||
        dossier_format_wrap(&page, title, strlen(title), how->width, 0, 0) ||
        dossier_buf_printf(&page, "%s\n%s\n\n", how->color ? "\033[0m" : "", meta ? meta : "") ||
        dossier_format_wrap(&page, marked.s ? marked.s : "", marked.len, how->width, 0, how->color) ||
        dossier_buf_puts(&page, "\n")) {
        rc = dossier_db_fail(db, DOSSIER_ENOMEM, "out of memory");
        goto done;
    }
    *out = dossier_buf_take(&page);
    if (!*out)
        rc = dossier_db_fail(db, DOSSIER_ENOMEM, "out of memory");
done:
    sqlite3_finalize(st);
    VEC_FREE(&spans);
    dossier_buf_free(&marked);
    dossier_buf_free(&page);
    return rc;
}
