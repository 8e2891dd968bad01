/*
 * query_sql.c — what canned queries need beyond plain SQL: the SQL
 * functions fold(text) (dossier_fold, so a query can match aliases.folded
 * as the resolver wrote it), fts_terms(text) (free text made into a safe
 * FTS5 query: every word a quoted phrase, all of them required), and
 * first_name(name), first_names_differ(a, b) and overlap(a, b,
 * other_language) for the consistency
 * checks (the resolver's own name and likeness tests); the "did
 * you mean" suggestion for names no entity goes by; and the page of one
 * article with its statements marked.
 */
#include "query/query.h"

#include <stdlib.h>
#include <string.h>

#include "base/token.h"
#include "base/util.h"
#include "store/cluster.h"
#include "store/resolve.h"

/* fold(text): dossier_fold() of the text; NULL stays NULL. */
static void sql_fold(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    const char *s = (const char *)sqlite3_value_text(argv[0]);
    if (!s) {
        sqlite3_result_null(ctx);
        return;
    }
    char *f = dossier_fold(s, (size_t)sqlite3_value_bytes(argv[0]));
    if (!f)
        sqlite3_result_error_nomem(ctx);
    else
        sqlite3_result_text(ctx, f, -1, free);
}

/* Non-zero when s[0..n) is one of FTS5's operators, written in capitals as FTS5 wants them. */
static int fts_operator(const char *s, size_t n)
{
    return (n == 2 && memcmp(s, "OR", 2) == 0) || (n == 3 && memcmp(s, "AND", 3) == 0) ||
           (n == 3 && memcmp(s, "NOT", 3) == 0) || (n == 4 && memcmp(s, "NEAR", 4) == 0);
}

/* Non-zero when the text uses FTS5 syntax: a quote, a prefix star, parentheses or an operator. */
static int fts_syntax(const char *s, size_t len)
{
    if (memchr(s, '"', len) || memchr(s, '*', len) || memchr(s, '(', len))
        return 1;
    for (size_t i = 0; i < len;) {
        size_t j = i;
        while (j < len && s[j] != ' ' && s[j] != '\t')
            j++;
        if (fts_operator(s + i, j - i))
            return 1;
        i = j + 1;
    }
    return 0;
}

/* Appends s[0..n) as an FTS5 string, its quotes doubled. */
static int fts_string(dbuf *b, const char *s, size_t n)
{
    int rc = dossier_buf_add(b, "\"", 1);
    for (size_t i = 0; !rc && i < n; i++)
        rc = dossier_buf_add(b, s[i] == '"' ? "\"\"" : &s[i], s[i] == '"' ? 2 : 1);
    return rc ? rc : dossier_buf_add(b, "\"", 1);
}

/*
 * The user's FTS5 query made safe to hand to FTS5: "phrases", OR, AND,
 * NOT, NEAR, parentheses and prefix stars are kept; every other word
 * becomes a quoted string, so that punctuation in it ("Jean-Pierre",
 * "U.S.") is no syntax error.  An unclosed quote is closed.
 */
static int fts_query(dbuf *b, const char *s, size_t len)
{
    int rc = 0;
    for (size_t i = 0; !rc && i < len;) {
        char c = s[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            rc = b->len ? dossier_buf_add(b, " ", 1) : 0;
            i++;
        } else if (c == '"') {
            const char *close = memchr(s + i + 1, '"', len - i - 1);
            size_t end = close ? (size_t)(close - s) : len;
            rc = fts_string(b, s + i + 1, end - i - 1);
            i = close ? end + 1 : len;
        } else if (c == '(' || c == ')' || c == '*' || c == '+' || c == ',') {
            rc = dossier_buf_add(b, &c, 1);
            i++;
        } else {
            size_t j = i;
            while (j < len && !strchr(" \t\n\r\"()*+,", s[j]))
                j++;
            rc = fts_operator(s + i, j - i) ? dossier_buf_add(b, s + i, j - i) : fts_string(b, s + i, j - i);
            i = j;
        }
    }
    return rc;
}

/*
 * fts_terms(text): free text as an FTS5 query.  Plain words become
 * double-quoted FTS5 strings, space-separated (FTS5 requires them all);
 * text in FTS5 syntax ("a phrase", A OR B, NOT, prefix*) keeps its
 * operators (fts_query).  Text without words gives '""', which matches
 * nothing; NULL stays NULL.
 */
static void sql_fts_terms(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    const char *s = (const char *)sqlite3_value_text(argv[0]);
    if (!s) {
        sqlite3_result_null(ctx);
        return;
    }
    size_t len = (size_t)sqlite3_value_bytes(argv[0]), pos = 0, start, end;
    dbuf b = {0};
    unsigned flags;
    int rc = 0;
    if (fts_syntax(s, len))
        rc = fts_query(&b, s, len);
    else
        while (!rc && (flags = dossier_token_next(s, len, &pos, &start, &end)) != 0) {
            if (!(flags & (DOSSIER_TOK_WORD | DOSSIER_TOK_NUM)))
                continue;
            rc = b.len ? dossier_buf_add(&b, " ", 1) : 0;
            if (!rc)
                rc = fts_string(&b, s + start, end - start);
        }
    if (!rc && !b.len)
        rc = dossier_buf_puts(&b, "\"\"");
    if (rc)
        sqlite3_result_error_nomem(ctx);
    else
        sqlite3_result_text(ctx, b.s, (int)b.len, SQLITE_TRANSIENT);
    dossier_buf_free(&b);
}

/*
 * first_name(name): the first name of a person's name as the resolver
 * compares it (folded, titles and initials left out), NULL when it has
 * none (one word, or not in Latin letters).
 */
static void sql_first_name(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    dossier_db *db = sqlite3_user_data(ctx);
    dossier_lexicon *lex = NULL;
    const char *s = (const char *)sqlite3_value_text(argv[0]);
    char out[128];
    if (!s || dossier_db_lexicon(&lex, db)) {
        sqlite3_result_null(ctx);
        return;
    }
    dossier_resolve_first_name(out, sizeof out, lex, s);
    if (out[0])
        sqlite3_result_text(ctx, out, -1, SQLITE_TRANSIENT);
    else
        sqlite3_result_null(ctx);
}

/* first_names_differ(a, b): 1 when two first names are different names, not spellings of one. */
static void sql_first_names_differ(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    const char *a = (const char *)sqlite3_value_text(argv[0]), *b = (const char *)sqlite3_value_text(argv[1]);
    sqlite3_result_int(ctx, a && b && dossier_resolve_first_names_differ(a, b));
}

/*
 * overlap(a, b, other_language): the share of the smaller statement's
 * content words, numbers and names found in the other; a and b are
 * statement_features rows as words || char(10) || numbers || char(10) || names.
 */
static void sql_overlap(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    sqlite3_result_double(ctx, dossier_cluster_overlap((const char *)sqlite3_value_text(argv[0]),
                                                       (const char *)sqlite3_value_text(argv[1]),
                                                       sqlite3_value_int(argv[2])));
}

/* See query.h. */
int dossier_query_functions(dossier_db *db)
{
    int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC;
    if (sqlite3_create_function(db->sql, "fold", 1, flags, NULL, sql_fold, NULL, NULL) != SQLITE_OK ||
        sqlite3_create_function(db->sql, "fts_terms", 1, flags, NULL, sql_fts_terms, NULL, NULL) != SQLITE_OK ||
        sqlite3_create_function(db->sql, "first_name", 1, flags, db, sql_first_name, NULL, NULL) != SQLITE_OK ||
        sqlite3_create_function(db->sql, "first_names_differ", 2, flags, NULL, sql_first_names_differ, NULL,
                                NULL) != SQLITE_OK ||
        sqlite3_create_function(db->sql, "overlap", 3, flags, NULL, sql_overlap, NULL, NULL) != SQLITE_OK)
        return dossier_db_sqlfail(db, "registering query functions");
    return DOSSIER_OK;
}

/* ---- suggestions ---- */

#define MAXCP 64

/* Decodes up to MAXCP code points of s into cp; returns how many. */
static size_t decode(int32_t *cp, const char *s, size_t len)
{
    size_t n = 0, pos = 0;
    while (pos < len && n < MAXCP)
        cp[n++] = dossier_utf8_next(s, len, &pos);
    return n;
}

/* Levenshtein distance between two code point strings, or `cap` + 1 when over `cap`. */
static size_t distance(const int32_t *a, size_t na, const int32_t *b, size_t nb, size_t cap)
{
    size_t row[MAXCP + 1];
    if ((na > nb ? na - nb : nb - na) > cap)
        return cap + 1;
    for (size_t j = 0; j <= nb; j++)
        row[j] = j;
    for (size_t i = 1; i <= na; i++) {
        size_t diag = row[0], best;
        row[0] = best = i;
        for (size_t j = 1; j <= nb; j++) {
            size_t up = row[j];
            size_t v = diag + (a[i - 1] != b[j - 1]);
            if (row[j - 1] + 1 < v)
                v = row[j - 1] + 1;
            if (up + 1 < v)
                v = up + 1;
            row[j] = v;
            diag = up;
            if (v < best)
                best = v;
        }
        if (best > cap)
            return cap + 1;
    }
    return row[nb];
}

/*
 * How far the folded query is from a folded alias: the distance to the
 * whole alias, or to one of its words (so "halvard" finds "corwin halvard").
 */
static size_t alias_distance(const int32_t *q, size_t nq, const char *alias, size_t cap)
{
    int32_t a[MAXCP];
    size_t na = decode(a, alias, strlen(alias));
    size_t best = distance(q, nq, a, na, cap);
    for (size_t i = 0; nq >= 3 && i < na && best > 0;) {
        size_t j = i;
        while (j < na && a[j] != ' ')
            j++;
        if (j - i < na) {
            size_t d = distance(q, nq, a + i, j - i, cap);
            if (d < best)
                best = d;
        }
        i = j + 1;
    }
    return best;
}

/* See dossier.h. */
int dossier_entity_lookup(char **out, dossier_db *db, const char *name)
{
    sqlite3_stmt *st = NULL;
    char *folded = dossier_fold(name, strlen(name));
    char *best = NULL;
    size_t best_d = (size_t)-1;
    if (out)
        *out = NULL;
    if (!folded)
        return dossier_db_fail(db, DOSSIER_ENOMEM, "out of memory");
    int rc = dossier_db_prepare(&st, db, "SELECT 1 FROM aliases WHERE folded = ?1 LIMIT 1");
    if (!rc) {
        sqlite3_bind_text(st, 1, folded, -1, SQLITE_STATIC);
        int step = sqlite3_step(st);
        rc = step == SQLITE_ROW ? DOSSIER_OK : step == SQLITE_DONE ? DOSSIER_ENOTFOUND
                                                                   : dossier_db_sqlfail(db, "names");
        sqlite3_finalize(st);
        st = NULL;
    }
    if (rc != DOSSIER_ENOTFOUND || !out)
        goto done;
    int32_t q[MAXCP];
    size_t nq = decode(q, folded, strlen(folded));
    size_t cap = nq <= 4 ? 1 : nq <= 8 ? 2 : 3;
    rc = dossier_db_prepare(&st, db, "SELECT a.name, a.folded FROM aliases a ORDER BY a.entity, length(a.name)");
    if (rc)
        goto done;
    while (sqlite3_step(st) == SQLITE_ROW) {
        const char *alias = (const char *)sqlite3_column_text(st, 1);
        size_t d = alias ? alias_distance(q, nq, alias, cap) : cap + 1;
        if (d <= cap && d < best_d) {
            free(best);
            best = dossier_strdup((const char *)sqlite3_column_text(st, 0));
            best_d = d;
        }
    }
    rc = dossier_db_fail(db, DOSSIER_ENOTFOUND, "no entity goes by '%s'", name);
    *out = best;
    best = NULL;
done:
    sqlite3_finalize(st);
    free(best);
    free(folded);
    return rc;
}
