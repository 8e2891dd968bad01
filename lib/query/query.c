/*
 * query.c — canned queries: loading them from YAML (the built-in
 * schema/queries.yaml, then the user's files), checking and binding their
 * parameters, running them and handing the rows to the formatter.
 *
 * A query file is a mapping with one key, `queries`, holding a sequence of
 * queries: name, description, params (each a name, description, default,
 * `required: true`, `type: integer` or `type: count`, a whole number of
 * rows or articles that may not be negative) and sql, one read-only statement
 * whose parameters are written :name.  A later query of the same name
 * replaces an earlier one, so a user's file can override a built-in query.
 * libyaml's 0-based marks are reported 1-based.
 */
#include "query/query.h"

#include <stdio.h>
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "base/embed.h"
#include "base/util.h"

typedef struct {
    const char *name, *description, *def; /* def: the default value, or NULL */
    int required, integer;
    int count;                    /* an integer that may not be negative (type: count) */
} qparam;

typedef struct {
    const char *name, *description, *sql;
    VEC(qparam) params;
    int object;            /* shape: object — one record, not a list */
} query;

struct dossier_queries {
    dossier_arena arena;   /* every string */
    VEC(query) list;       /* in load order; later ones win */
};

/* See query.h. */
void dossier_queries_free(struct dossier_queries *q)
{
    if (!q)
        return;
    for (size_t i = 0; i < q->list.n; i++)
        VEC_FREE(&q->list.v[i].params);
    VEC_FREE(&q->list);
    dossier_arena_free(&q->arena);
    free(q);
}

/* ---- loading ---- */

/* The text of a scalar node, or NULL. */
static const char *scalar(yaml_node_t *n)
{
    return n && n->type == YAML_SCALAR_NODE ? (const char *)n->data.scalar.value : NULL;
}

/* The value of `key` in mapping `map`, or NULL. */
static yaml_node_t *map_get(yaml_document_t *doc, yaml_node_t *map, const char *key)
{
    if (!map || map->type != YAML_MAPPING_NODE)
        return NULL;
    for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top; p++) {
        const char *k = scalar(yaml_document_get_node(doc, p->key));
        if (k && strcmp(k, key) == 0)
            return yaml_document_get_node(doc, p->value);
    }
    return NULL;
}

/* Non-zero when s is made only of letters, digits, '_' (and '-' when `dash`). */
static int valid_name(const char *s, int dash)
{
    if (!s || !*s)
        return 0;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') ||
              *s == '_' || (dash && *s == '-')))
            return 0;
    return 1;
}

/* A copy of `s` in the arena; NULL stays NULL, and *oom is set on failure. */
static const char *keep(dossier_arena *a, const char *s, int *oom)
{
    if (!s)
        return NULL;
    const char *c = dossier_arena_strndup(a, s, strlen(s));
    if (!c)
        *oom = 1;
    return c;
}

/* Records "FILE:LINE: message" and returns DOSSIER_EYAML. */
static int bad_node(dossier_db *db, const char *file, yaml_node_t *n, const char *what)
{
    return dossier_db_fail(db, DOSSIER_EYAML, "%s:%zu: %s", file, n ? n->start_mark.line + 1 : 1, what);
}

/* Reads one parameter (a mapping, or a bare name) into *out. */
static int load_param(qparam *out, dossier_db *db, struct dossier_queries *q, yaml_document_t *doc,
                      yaml_node_t *n, const char *file)
{
    int oom = 0;
    memset(out, 0, sizeof *out);
    const char *name = n->type == YAML_SCALAR_NODE ? scalar(n) : scalar(map_get(doc, n, "name"));
    if (!valid_name(name, 0))
        return bad_node(db, file, n, "a parameter needs a name of letters, digits and '_'");
    const char *req = scalar(map_get(doc, n, "required"));
    const char *type = scalar(map_get(doc, n, "type"));
    if (type && strcmp(type, "integer") != 0 && strcmp(type, "count") != 0 && strcmp(type, "text") != 0)
        return bad_node(db, file, n, "a parameter's type is 'text', 'integer' or 'count'");
    out->name = keep(&q->arena, name, &oom);
    out->description = keep(&q->arena, scalar(map_get(doc, n, "description")), &oom);
    out->def = keep(&q->arena, scalar(map_get(doc, n, "default")), &oom);
    out->required = req && (strcmp(req, "true") == 0 || strcmp(req, "yes") == 0);
    out->count = type && strcmp(type, "count") == 0;
    out->integer = out->count || (type && strcmp(type, "integer") == 0);
    return oom ? dossier_db_fail(db, DOSSIER_ENOMEM, "out of memory") : DOSSIER_OK;
}

/* Reads one query mapping and appends it to the registry. */
static int load_query(dossier_db *db, struct dossier_queries *q, yaml_document_t *doc, yaml_node_t *n,
                      const char *file)
{
    query qu;
    int oom = 0, rc = DOSSIER_OK;
    memset(&qu, 0, sizeof qu);
    const char *name = scalar(map_get(doc, n, "name"));
    const char *sql = scalar(map_get(doc, n, "sql"));
    if (!valid_name(name, 1))
        return bad_node(db, file, n, "a query needs a name of letters, digits, '-' and '_'");
    if (!sql || !*sql)
        return bad_node(db, file, n, "a query needs its sql");
    qu.name = keep(&q->arena, name, &oom);
    qu.description = keep(&q->arena, scalar(map_get(doc, n, "description")), &oom);
    qu.sql = keep(&q->arena, sql, &oom);
    const char *shape = scalar(map_get(doc, n, "shape"));
    if (shape && strcmp(shape, "object") != 0 && strcmp(shape, "list") != 0)
        return bad_node(db, file, n, "a query's shape is 'list' (the default) or 'object'");
    qu.object = shape && strcmp(shape, "object") == 0;
    yaml_node_t *ps = map_get(doc, n, "params");
    if (ps && ps->type != YAML_SEQUENCE_NODE)
        rc = bad_node(db, file, ps, "params is a list");
    for (yaml_node_item_t *it = ps && !rc ? ps->data.sequence.items.start : NULL;
         it && !rc && it < ps->data.sequence.items.top; it++) {
        qparam p;
        rc = load_param(&p, db, q, doc, yaml_document_get_node(doc, *it), file);
        if (!rc && VEC_PUSH(&qu.params, p))
            oom = 1;
    }
    if (!rc && (oom || VEC_PUSH(&q->list, qu)))
        rc = dossier_db_fail(db, DOSSIER_ENOMEM, "out of memory");
    if (rc)
        VEC_FREE(&qu.params);
    return rc;
}

/* Parses one query file's text (named `file` in messages) into the registry. */
static int load_text(dossier_db *db, struct dossier_queries *q, const char *text, size_t len,
                     const char *file)
{
    yaml_parser_t parser;
    yaml_document_t doc;
    int rc = DOSSIER_OK;
    if (!yaml_parser_initialize(&parser))
        return dossier_db_fail(db, DOSSIER_ENOMEM, "out of memory");
    yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
    if (!yaml_parser_load(&parser, &doc)) {
        rc = dossier_db_fail(db, DOSSIER_EYAML, "%s:%zu:%zu: %s", file, parser.problem_mark.line + 1,
                             parser.problem_mark.column + 1, parser.problem ? parser.problem : "invalid YAML");
        yaml_parser_delete(&parser);
        return rc;
    }
    yaml_node_t *root = yaml_document_get_root_node(&doc);
    yaml_node_t *list = map_get(&doc, root, "queries");
    if (!list || list->type != YAML_SEQUENCE_NODE)
        rc = bad_node(db, file, root, "expected a mapping with a 'queries' list");
    for (yaml_node_item_t *it = rc ? NULL : list->data.sequence.items.start;
         it && !rc && it < list->data.sequence.items.top; it++) {
        yaml_node_t *n = yaml_document_get_node(&doc, *it);
        rc = n && n->type == YAML_MAPPING_NODE ? load_query(db, q, &doc, n, file)
                                                : bad_node(db, file, n, "a query is a mapping");
    }
    yaml_document_delete(&doc);
    yaml_parser_delete(&parser);
    return rc;
}

/* Loads the built-in queries and the SQL functions, once per handle. */
static int ensure(dossier_db *db)
{
    if (db->queries)
        return DOSSIER_OK;
    struct dossier_queries *q = calloc(1, sizeof *q);
    if (!q)
        return dossier_db_fail(db, DOSSIER_ENOMEM, "out of memory");
    int rc = dossier_query_functions(db);
    for (size_t i = 0; !rc && i < dossier_embedded_nfiles; i++)
        if (strcmp(dossier_embedded_files[i].path, "queries.yaml") == 0)
            rc = load_text(db, q, (const char *)dossier_embedded_files[i].data,
                           dossier_embedded_files[i].len, "queries.yaml");
    if (rc) {
        dossier_queries_free(q);
        return rc;
    }
    db->queries = q;
    db->free_queries = dossier_queries_free;
    return DOSSIER_OK;
}

/* See dossier.h. */
int dossier_queries_add_file(dossier_db *db, const char *path)
{
    int rc = ensure(db);
    if (rc)
        return rc;
    FILE *f = fopen(path, "rb");
    if (!f)
        return dossier_db_fail(db, DOSSIER_EIO, "%s: cannot open", path);
    dbuf b = {0};
    char chunk[8192];
    size_t n;
    while (!rc && (n = fread(chunk, 1, sizeof chunk, f)) > 0)
        rc = dossier_buf_add(&b, chunk, n) ? dossier_db_fail(db, DOSSIER_ENOMEM, "out of memory") : 0;
    if (!rc && ferror(f))
        rc = dossier_db_fail(db, DOSSIER_EIO, "%s: cannot read", path);
    fclose(f);
    if (!rc)
        rc = load_text(db, db->queries, b.s ? b.s : "", b.len, path);
    dossier_buf_free(&b);
    return rc;
}

/* ---- running ---- */

/* The query named `name` (the last one loaded wins), or NULL. */
static const query *find(const struct dossier_queries *q, const char *name)
{
    for (size_t i = q->list.n; i-- > 0;)
        if (strcmp(q->list.v[i].name, name) == 0)
            return &q->list.v[i];
    return NULL;
}

/* Non-zero when s is an integer literal. */
static int is_integer(const char *s)
{
    if (*s == '-' || *s == '+')
        s++;
    if (!*s)
        return 0;
    for (; *s; s++)
        if (*s < '0' || *s > '9')
            return 0;
    return 1;
}

/* Appends "--a, --b" (the query's parameters) to b. */
static int param_names(dbuf *b, const query *qu)
{
    int rc = 0;
    for (size_t i = 0; !rc && i < qu->params.n; i++)
        rc = dossier_buf_printf(b, "%s--%s", i ? ", " : "", qu->params.v[i].name);
    return rc;
}

/* The index of parameter `name` of the query, or -1. */
static int param_index(const query *qu, const char *name)
{
    for (size_t i = 0; i < qu->params.n; i++)
        if (strcmp(qu->params.v[i].name, name) == 0)
            return (int)i;
    return -1;
}

/* The value given for `name` (the last one wins), else `def`. */
static const char *given(const dossier_param *params, size_t nparams, const char *name, const char *def)
{
    const char *v = def;
    for (size_t k = 0; k < nparams; k++)
        if (strcmp(params[k].name, name) == 0 && params[k].value)
            v = params[k].value;
    return v;
}

/* Reads a non-negative integer option into *out; DOSSIER_EUSAGE with a message when it is not one. */
static int count_option(long long *out, dossier_db *db, const query *qu, const char *name, const char *v)
{
    char *end = NULL;
    errno = 0;
    long long x = v ? strtoll(v, &end, 10) : 0;
    if (v && (!is_integer(v) || *end || errno == ERANGE || x < 0 || x > (1LL << 40)))
        return dossier_db_fail(db, DOSSIER_EUSAGE, "query '%s': --%s wants a whole number of rows, not '%s'",
                               qu->name, name, v);
    *out = x;
    return DOSSIER_OK;
}

/*
 * Binds :page_start and :page_end, when the SQL reads them: the rows
 * numbered page_start + 1 to page_end (from 1) are the ones printed; the
 * rows around them are only skipped or counted, so a query may leave
 * their costly columns NULL.
 */
static void bind_page_rows(sqlite3_stmt *st, const dossier_page *page)
{
    int at = sqlite3_bind_parameter_index(st, ":page_start");
    if (at)
        sqlite3_bind_int64(st, at, page->offset);
    if ((at = sqlite3_bind_parameter_index(st, ":page_end")) != 0)
        sqlite3_bind_int64(st, at, page->limit ? page->offset + page->limit : INT64_MAX);
}

/*
 * Checks the given parameters against the query's and binds them (or the
 * defaults).  A query with a `limit` parameter pages: `offset` is
 * accepted too, *page gets the limit and offset asked for, and :limit is
 * bound to enough rows to skip the offset, fill the page and count up to
 * DOSSIER_MORE_CAP rows after it.
 */
static int bind_params(dossier_db *db, sqlite3_stmt *st, const query *qu, const dossier_param *params,
                       size_t nparams, dossier_page *page)
{
    int pages = param_index(qu, "limit") >= 0;
    for (size_t k = 0; k < nparams; k++) {
        if (param_index(qu, params[k].name) < 0 && !(pages && strcmp(params[k].name, "offset") == 0)) {
            dbuf b = {0};
            param_names(&b, qu);
            dossier_db_fail(db, DOSSIER_EUSAGE, "query '%s' has no parameter --%s%s%s%s", qu->name,
                            params[k].name, b.s ? " (it takes " : " (it takes none", b.s ? b.s : "", ")");
            dossier_buf_free(&b);
            return DOSSIER_EUSAGE;
        }
    }
    if (pages) {
        const qparam *lp = &qu->params.v[param_index(qu, "limit")];
        int rc = count_option(&page->limit, db, qu, "limit", given(params, nparams, "limit", lp->def));
        if (!rc)
            rc = count_option(&page->offset, db, qu, "offset", given(params, nparams, "offset", "0"));
        if (rc)
            return rc;
    }
    for (size_t i = 0; i < qu->params.n; i++) {
        const qparam *p = &qu->params.v[i];
        const char *v = given(params, nparams, p->name, p->def);
        if (!v && p->required)
            return dossier_db_fail(db, DOSSIER_EUSAGE, "query '%s' needs --%s", qu->name, p->name);
        if (v && p->integer && !is_integer(v))
            return dossier_db_fail(db, DOSSIER_EUSAGE, "query '%s': --%s wants an integer, not '%s'",
                                   qu->name, p->name, v);
        long long n;
        if (v && p->count && count_option(&n, db, qu, p->name, v))
            return DOSSIER_EUSAGE;
        char key[80];
        snprintf(key, sizeof key, ":%s", p->name);
        int at = sqlite3_bind_parameter_index(st, key);
        if (at == 0 || !v)
            continue;
        if (pages && strcmp(p->name, "limit") == 0)
            sqlite3_bind_int64(st, at, page->limit ? page->offset + page->limit + DOSSIER_MORE_CAP + 1 : 0);
        else if (p->integer)
            sqlite3_bind_int64(st, at, strtoll(v, NULL, 10));
        else
            sqlite3_bind_text(st, at, v, -1, SQLITE_TRANSIENT);
    }
    if (pages)
        bind_page_rows(st, page);
    return DOSSIER_OK;
}

/* Appends the current row of `st` to *out. */
static int add_row(dossier_rows *out, sqlite3_stmt *st, int n)
{
    for (int c = 0; c < n; c++) {
        int t = sqlite3_column_type(st, c);
        dossier_cell_type ct = t == SQLITE_NULL      ? DOSSIER_CELL_NULL
                               : t == SQLITE_INTEGER ? DOSSIER_CELL_INT
                               : t == SQLITE_FLOAT   ? DOSSIER_CELL_REAL
                                                     : DOSSIER_CELL_TEXT;
        const char *s = (const char *)sqlite3_column_text(st, c);
        if (dossier_rows_add(out, s, s ? (size_t)sqlite3_column_bytes(st, c) : 0, ct))
            return DOSSIER_ENOMEM;
    }
    return DOSSIER_OK;
}

/*
 * Steps `st` to the end (or past the page): rows before page->offset are
 * skipped, then page->limit rows (0: all) are kept in *out, and the rows
 * after them are counted into page->more, up to DOSSIER_MORE_CAP.
 */
static int collect_page(dossier_rows *out, dossier_page *page, dossier_db *db, sqlite3_stmt *st)
{
    int n = sqlite3_column_count(st);
    const char *names[256];
    if (n > 256)
        return dossier_db_fail(db, DOSSIER_EUSAGE, "a query may return at most 256 columns");
    for (int c = 0; c < n; c++)
        names[c] = sqlite3_column_name(st, c);
    if (dossier_rows_init(out, (size_t)n, names))
        return dossier_db_fail(db, DOSSIER_ENOMEM, "out of memory");
    long long seen = 0;
    int step;
    while ((step = sqlite3_step(st)) == SQLITE_ROW) {
        if (seen++ < page->offset)
            continue;
        if (page->limit && (long long)page->rows >= page->limit) {
            if (page->more >= DOSSIER_MORE_CAP) {
                page->capped = 1;
                break;
            }
            page->more++;
            continue;
        }
        if (add_row(out, st, n))
            return dossier_db_fail(db, DOSSIER_ENOMEM, "out of memory");
        page->rows++;
    }
    return step == SQLITE_DONE || step == SQLITE_ROW ? DOSSIER_OK : dossier_db_sqlfail(db, "query");
}

/* See query.h. */
int dossier_query_collect(dossier_rows *out, dossier_db *db, sqlite3_stmt *st)
{
    dossier_page page;
    memset(&page, 0, sizeof page);
    return collect_page(out, &page, db, st);
}

/* Prepares the query's one read-only statement. */
static int prepare(sqlite3_stmt **out, dossier_db *db, const query *qu)
{
    const char *tail = NULL;
    if (sqlite3_prepare_v2(db->sql, qu->sql, -1, out, &tail) != SQLITE_OK) {
        *out = NULL;
        return dossier_db_fail(db, DOSSIER_EDB, "query '%s': %s", qu->name, sqlite3_errmsg(db->sql));
    }
    while (tail && (*tail == ' ' || *tail == '\n' || *tail == '\t' || *tail == '\r' || *tail == ';'))
        tail++;
    if (!*out || (tail && *tail))
        return dossier_db_fail(db, DOSSIER_EUSAGE, "query '%s' must hold exactly one SQL statement", qu->name);
    if (!sqlite3_stmt_readonly(*out))
        return dossier_db_fail(db, DOSSIER_EUSAGE, "query '%s' would change the database; queries only read",
                               qu->name);
    return DOSSIER_OK;
}

/* Loads the queries if needed and finds `name`; DOSSIER_ENOTFOUND with a hint when none. */
static int lookup(const query **out, dossier_db *db, const char *name)
{
    int rc = ensure(db);
    if (rc)
        return rc;
    *out = find(db->queries, name);
    if (!*out)
        return dossier_db_fail(db, DOSSIER_ENOTFOUND, "no canned query named '%s' (see 'dossier query --list')",
                               name);
    return DOSSIER_OK;
}

/*
 * A failure of FTS5 on the user's search syntax is a usage error with
 * the query named; anything else is the database's.
 */
static int step_failed(dossier_db *db, const query *qu, const dossier_param *params, size_t nparams)
{
    const char *msg = sqlite3_errmsg(db->sql);
    if (strncmp(msg, "fts5:", 5) != 0 && !strstr(db->errmsg, "fts5:"))
        return DOSSIER_EDB;
    const char *text = NULL;
    for (size_t k = 0; k < nparams; k++)
        if (params[k].value && (strcmp(params[k].name, "text") == 0 || strcmp(params[k].name, "topic") == 0))
            text = params[k].value;
    char keep_msg[256];
    snprintf(keep_msg, sizeof keep_msg, "%s", strstr(db->errmsg, "fts5:") ? strstr(db->errmsg, "fts5:") : msg);
    return dossier_db_fail(db, DOSSIER_EUSAGE, "%s: bad search syntax%s%s%s (%s); words, \"a phrase\", "
                           "OR, NOT and prefix* are understood", qu->name, text ? " in '" : "", text ? text : "",
                           text ? "'" : "", keep_msg);
}

/* See dossier.h. */
int dossier_query_page_run(char **out, dossier_page *page, dossier_db *db, const char *name,
                           const dossier_param *params, size_t nparams, const dossier_output *how)
{
    sqlite3_stmt *st = NULL;
    dossier_rows rows;
    memset(&rows, 0, sizeof rows);
    memset(page, 0, sizeof *page);
    *out = NULL;
    const query *qu = NULL;
    int rc = lookup(&qu, db, name);
    if (rc)
        return rc;
    rc = prepare(&st, db, qu);
    if (!rc)
        rc = bind_params(db, st, qu, params, nparams, page);
    if (!rc && (rc = collect_page(&rows, page, db, st)) == DOSSIER_EDB)
        rc = step_failed(db, qu, params, nparams);
    rows.object = qu->object;
    if (!rc && dossier_format_rows(out, &rows, how))
        rc = dossier_db_fail(db, DOSSIER_ENOMEM, "out of memory");
    sqlite3_finalize(st);
    dossier_rows_free(&rows);
    return rc;
}

/* See dossier.h. */
int dossier_query_run(char **out, size_t *out_rows, dossier_db *db, const char *name,
                      const dossier_param *params, size_t nparams, const dossier_output *how)
{
    dossier_page page;
    int rc = dossier_query_page_run(out, &page, db, name, params, nparams, how);
    if (out_rows)
        *out_rows = rc ? 0 : page.rows;
    return rc;
}

/* Appends "--name (required) ..." parameter summaries to a list cell. */
static int params_summary(dbuf *b, const query *qu)
{
    int rc = 0;
    for (size_t i = 0; !rc && i < qu->params.n; i++) {
        const qparam *p = &qu->params.v[i];
        rc = dossier_buf_printf(b, "%s--%s%s", i ? " " : "", p->name, p->required ? " (required)" : "");
        if (!rc && p->def)
            rc = dossier_buf_printf(b, " (default %s)", p->def);
    }
    return rc ? DOSSIER_ENOMEM : dossier_buf_add(b, "", 0);
}

/* See dossier.h. */
int dossier_query_list(char **out, dossier_db *db, const dossier_output *how)
{
    static const char *const names[] = {"name", "description", "parameters"};
    dossier_rows rows;
    *out = NULL;
    int rc = ensure(db);
    if (rc)
        return rc;
    rc = dossier_rows_init(&rows, 3, names);
    for (size_t i = 0; !rc && i < db->queries->list.n; i++) {
        const query *qu = &db->queries->list.v[i];
        if (find(db->queries, qu->name) != qu)
            continue; /* overridden by a later file */
        dbuf b = {0};
        const char *d = qu->description ? qu->description : "";
        rc = params_summary(&b, qu);
        if (!rc)
            rc = dossier_rows_add(&rows, qu->name, strlen(qu->name), DOSSIER_CELL_TEXT);
        if (!rc)
            rc = dossier_rows_add(&rows, d, strlen(d), DOSSIER_CELL_TEXT);
        if (!rc)
            rc = dossier_rows_add(&rows, b.s, b.len, DOSSIER_CELL_TEXT);
        dossier_buf_free(&b);
    }
    if (!rc)
        rc = dossier_format_rows(out, &rows, how);
    dossier_rows_free(&rows);
    return rc ? dossier_db_fail(db, rc, "out of memory") : DOSSIER_OK;
}

/* See dossier.h. */
int dossier_query_describe(char **out, dossier_db *db, const char *name)
{
    *out = NULL;
    const query *qu = NULL;
    int rc = lookup(&qu, db, name);
    if (rc)
        return rc;
    dbuf b = {0};
    rc = dossier_buf_printf(&b, "usage: dossier query %s", qu->name);
    for (size_t i = 0; !rc && i < qu->params.n; i++)
        rc = dossier_buf_printf(&b, qu->params.v[i].required ? " --%s VALUE" : " [--%s VALUE]",
                                qu->params.v[i].name);
    if (!rc)
        rc = dossier_buf_printf(&b, " [--format table|json|csv|tsv]\n\n%s\n",
                                qu->description ? qu->description : "");
    if (!rc && qu->params.n)
        rc = dossier_buf_puts(&b, "\nParameters:\n");
    for (size_t i = 0; !rc && i < qu->params.n; i++) {
        const qparam *p = &qu->params.v[i];
        rc = dossier_buf_printf(&b, "  --%-12s %s%s%s%s%s\n", p->name, p->description ? p->description : "",
                                p->required ? " (required)" : "", p->def ? " (default: " : "",
                                p->def ? p->def : "", p->def ? ")" : "");
    }
    if (!rc) {
        *out = dossier_buf_take(&b);
        rc = *out ? DOSSIER_OK : DOSSIER_ENOMEM;
    }
    dossier_buf_free(&b);
    return rc ? dossier_db_fail(db, rc, "out of memory") : DOSSIER_OK;
}
