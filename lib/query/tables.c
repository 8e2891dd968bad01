/*
 * tables.c — export of whole tables and views for other tools (pandas,
 * DuckDB, a spreadsheet): JSON Lines, CSV or TSV, streamed row by row
 * through the caller's write function, so a table of any size goes out
 * in constant memory.  Names are checked against the database's own list
 * before they reach SQL, and binary values go out in base64.
 */
#include <stdlib.h>
#include <string.h>

#include "dossier.h"
#include "base/util.h"
#include "query/format.h"
#include "store/db.h"

/* Tables and views worth exporting: not SQLite's, not the FTS5 internals. */
static const char names_sql[] =
    "SELECT name FROM sqlite_schema WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%' "
    "AND name NOT LIKE '%_fts' AND name NOT LIKE '%_fts_%' "
    "ORDER BY type = 'view', name";

/* See dossier.h. */
int dossier_export_tables(char **out, dossier_db *db)
{
    sqlite3_stmt *st = NULL;
    dbuf b = {0};
    int rc = DOSSIER_OK, step;
    *out = NULL;
    if (sqlite3_prepare_v2(db->sql, names_sql, -1, &st, NULL) != SQLITE_OK) {
        rc = dossier_db_sqlfail(db, "listing tables");
        goto done;
    }
    while (!rc && (step = sqlite3_step(st)) == SQLITE_ROW)
        rc = dossier_buf_printf(&b, "%s\n", (const char *)sqlite3_column_text(st, 0));
    if (!rc && step != SQLITE_DONE)
        rc = dossier_db_sqlfail(db, "listing tables");
    if (!rc && !(*out = dossier_buf_take(&b)))
        rc = DOSSIER_ENOMEM;
    if (rc == DOSSIER_ENOMEM)
        dossier_db_fail(db, rc, "out of memory");
done:
    sqlite3_finalize(st);
    dossier_buf_free(&b);
    return rc;
}

/* Non-zero when `name` is one of the exportable tables and views. */
static int known_table(dossier_db *db, const char *name)
{
    char *list = NULL;
    int found = 0;
    if (dossier_export_tables(&list, db) != DOSSIER_OK)
        return 0;
    size_t n = strlen(name);
    for (const char *p = list; *p && !found;) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        found = len == n && memcmp(p, name, n) == 0;
        p += nl ? len + 1 : len;
    }
    dossier_free(list);
    return found;
}

/* Appends `len` bytes as base64 (RFC 4648, padded). */
static int base64(dbuf *b, const unsigned char *s, size_t len)
{
    static const char abc[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    int rc = 0;
    for (size_t i = 0; !rc && i < len; i += 3) {
        unsigned v = (unsigned)s[i] << 16 | (i + 1 < len ? (unsigned)s[i + 1] << 8 : 0) |
                     (i + 2 < len ? s[i + 2] : 0);
        char q[4] = {abc[v >> 18 & 63], abc[v >> 12 & 63], i + 1 < len ? abc[v >> 6 & 63] : '=',
                     i + 2 < len ? abc[v & 63] : '='};
        rc = dossier_buf_add(b, q, 4);
    }
    return rc;
}

/* Appends a TSV field: tab, newline, return and backslash escaped. */
static int tsv_text(dbuf *b, const char *s, size_t len)
{
    int rc = 0;
    for (size_t i = 0; !rc && i < len; i++) {
        const char *esc = s[i] == '\t' ? "\\t" : s[i] == '\n' ? "\\n" : s[i] == '\r' ? "\\r" : s[i] == '\\' ? "\\\\" : NULL;
        rc = esc ? dossier_buf_puts(b, esc) : dossier_buf_add(b, &s[i], 1);
    }
    return rc;
}

/* Appends column c of the current row of `st` as the format wants it. */
static int add_value(dbuf *b, sqlite3_stmt *st, int c, dossier_format format)
{
    int t = sqlite3_column_type(st, c);
    if (t == SQLITE_NULL)
        return format == DOSSIER_FORMAT_JSONL ? dossier_buf_puts(b, "null") : 0;
    if (t == SQLITE_BLOB) {
        const unsigned char *p = sqlite3_column_blob(st, c);
        size_t n = (size_t)sqlite3_column_bytes(st, c);
        int quote = format == DOSSIER_FORMAT_JSONL;
        int rc = quote ? dossier_buf_add(b, "\"", 1) : 0;
        if (!rc)
            rc = base64(b, p, n);
        return rc ? rc : quote ? dossier_buf_add(b, "\"", 1) : 0;
    }
    const char *s = (const char *)sqlite3_column_text(st, c);
    size_t n = (size_t)sqlite3_column_bytes(st, c);
    if (t != SQLITE_TEXT && format == DOSSIER_FORMAT_JSONL)
        return dossier_buf_add(b, s, n);   /* numbers as numbers */
    switch (format) {
    case DOSSIER_FORMAT_JSONL: return dossier_format_json_string(b, s, n);
    case DOSSIER_FORMAT_CSV: return dossier_format_csv_field(b, s, n);
    default: return tsv_text(b, s, n);
    }
}

/* Appends one row (or, with `header`, the column names) in the format. */
static int add_row(dbuf *b, sqlite3_stmt *st, dossier_format format, int header)
{
    int n = sqlite3_column_count(st), rc = 0;
    int json = format == DOSSIER_FORMAT_JSONL;
    const char *sep = format == DOSSIER_FORMAT_CSV ? "," : "\t";
    if (json)
        rc = dossier_buf_add(b, "{", 1);
    for (int c = 0; !rc && c < n; c++) {
        const char *name = sqlite3_column_name(st, c);
        rc = c ? dossier_buf_puts(b, json ? ", " : sep) : 0;
        if (!rc && json) {
            rc = dossier_format_json_string(b, name, strlen(name));
            if (!rc)
                rc = dossier_buf_puts(b, ": ");
        }
        if (!rc)
            rc = header ? (format == DOSSIER_FORMAT_CSV ? dossier_format_csv_field(b, name, strlen(name))
                                                        : tsv_text(b, name, strlen(name)))
                        : add_value(b, st, c, format);
    }
    if (!rc)
        rc = dossier_buf_puts(b, json ? "}\n" : format == DOSSIER_FORMAT_CSV ? "\r\n" : "\n");
    return rc;
}

/* See dossier.h. */
int dossier_export_table(dossier_db *db, const char *name, dossier_format format, dossier_write_fn write,
                         void *userdata)
{
    sqlite3_stmt *st = NULL;
    dbuf b = {0}, sql = {0};
    int rc = DOSSIER_OK, step;
    if (format != DOSSIER_FORMAT_JSONL && format != DOSSIER_FORMAT_CSV && format != DOSSIER_FORMAT_TSV)
        return dossier_db_fail(db, DOSSIER_EUSAGE, "tables export as jsonl, csv or tsv");
    if (!known_table(db, name))
        return dossier_db_fail(db, DOSSIER_ENOTFOUND, "no table or view named '%s' (see 'dossier export --list')",
                               name);
    if (dossier_buf_printf(&sql, "SELECT * FROM \"%s\"", name)) {
        rc = dossier_db_fail(db, DOSSIER_ENOMEM, "out of memory");
        goto done;
    }
    if (sqlite3_prepare_v2(db->sql, sql.s, -1, &st, NULL) != SQLITE_OK) {
        rc = dossier_db_sqlfail(db, "exporting a table");
        goto done;
    }
    int header = format != DOSSIER_FORMAT_JSONL;
    while ((step = header ? SQLITE_ROW : sqlite3_step(st)) == SQLITE_ROW) {
        b.len = 0;
        if (add_row(&b, st, format, header)) {
            rc = dossier_db_fail(db, DOSSIER_ENOMEM, "out of memory");
            goto done;
        }
        header = 0;
        if (write(b.s, b.len, userdata)) {
            rc = dossier_db_fail(db, DOSSIER_EIO, "exporting '%s': the output could not be written", name);
            goto done;
        }
    }
    if (step != SQLITE_DONE)
        rc = dossier_db_sqlfail(db, "exporting a table");
done:
    sqlite3_finalize(st);
    dossier_buf_free(&b);
    dossier_buf_free(&sql);
    return rc;
}
