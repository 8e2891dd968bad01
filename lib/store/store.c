/*
 * store.c — writes an analysed article and everything extracted from it.
 *
 * Runs inside the ingest transaction; every row keeps its article and byte
 * span into articles.body.  The rows of one table go in by ROWS_PER_INSERT
 * at a time, through one multi-row INSERT prepared once per handle
 * (dossier_db_cached): SQLite's cost of running a statement (its
 * statement journal, the temporary index a CHECK ... IN list builds,
 * the start of every trigger program) is paid once per chunk, not once
 * per row.  Doc entity indexes become database ids through
 * dossier_resolve_entity() (resolve.c).
 */
#include "store/store.h"

#include <stdlib.h>
#include <string.h>

#include "store/cluster.h"
#include "store/resolve.h"

/* Steps a prepared insert and resets it; returns DOSSIER_OK or DOSSIER_EDB. */
static int step_reset(dossier_db *db, sqlite3_stmt *st)
{
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    return rc == SQLITE_DONE ? DOSSIER_OK : dossier_db_sqlfail(db, "storing the article");
}

static int next_id(long long *out, dossier_db *db, const char *sql);

/* Runs one SQL statement without parameters through the statement cache. */
static int run_cached(dossier_db *db, const char *sql)
{
    sqlite3_stmt *st = NULL;
    int rc = dossier_db_cached(&st, db, sql);
    return rc ? rc : step_reset(db, st);
}

/* Binds a text that may be NULL or empty (then NULL). */
static void bind_text(sqlite3_stmt *st, int i, const char *s)
{
    if (s && *s)
        sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
    else
        sqlite3_bind_null(st, i);
}

/*
 * Inserts the articles row, with id `id` (0: a new one), the extractor's
 * version, its own `version` and `path` (NULL: none), and with `own_story`
 * in a story of its own (story = its id, as resolving leaves an article
 * no other joins: dossier_resolve_doc then leaves the row alone).
 */
static int store_article(long long *out, dossier_db *db, const dossier_doc *d, const char *hash, long long id,
                         int version, const char *path, int own_story)
{
    sqlite3_stmt *st = NULL;
    int rc = own_story && !id ? next_id(&id, db, "SELECT coalesce(max(id), 0) + 1 FROM articles") : DOSSIER_OK;
    if (!rc)
        rc = dossier_db_cached(&st, db,
            "INSERT INTO articles(source, hash, original, body, title, outlet, language, published, url, id,"
            " extracted_by, version, path, story) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, nullif(?10, 0), ?11,"
            " ?12, ?13, ?14)");
    if (rc)
        return rc;
    sqlite3_bind_text(st, 1, d->source, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, hash, -1, SQLITE_STATIC);
    sqlite3_bind_blob(st, 3, d->raw, (int)d->raw_len, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, d->body ? d->body : "", (int)d->body_len, SQLITE_STATIC);
    bind_text(st, 5, d->title);
    bind_text(st, 6, d->outlet);
    sqlite3_bind_text(st, 7, dossier_doc_lang(d), -1, SQLITE_STATIC);
    bind_text(st, 8, d->published);
    bind_text(st, 9, d->url);
    sqlite3_bind_int64(st, 10, id);
    sqlite3_bind_text(st, 11, DOSSIER_VERSION, -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 12, version > 0 ? version : 1);
    bind_text(st, 13, path);
    if (own_story)
        sqlite3_bind_int64(st, 14, id);
    rc = step_reset(db, st);
    sqlite3_reset(st);
    *out = sqlite3_last_insert_rowid(db->sql);
    return rc;
}

/*
 * Multi-row inserts.  Each SQL text below inserts the rows of a VALUES list
 * of ROWS_PER_INSERT tuples, skipping those whose first value is NULL, so
 * that one prepared statement serves any number of rows: a `rows` binds
 * tuple after tuple and runs the statement when all are bound, and once
 * more at the end for the rest (the unbound tuples are NULL).  Rows go in
 * in the order they are bound, so their rowids are those one INSERT per
 * row would have given them.
 */
#define ROWS_PER_INSERT DOSSIER_DB_ROWS

/* A multi-row INSERT being filled: its statement, tuple width and the tuples bound so far. */
typedef struct {
    dossier_db *db;
    sqlite3_stmt *st;
    int width;   /* parameters per tuple */
    int bound;   /* tuples bound since the statement last ran */
} rows;

/* Prepares (once per handle) the multi-row INSERT `sql` of tuples of `width` values. */
static int rows_open(rows *w, dossier_db *db, const char *sql, int width)
{
    w->db = db;
    w->width = width;
    w->bound = 0;
    return dossier_db_cached(&w->st, db, sql);
}

/* Runs the statement on the tuples bound so far, if any. */
static int rows_flush(rows *w)
{
    if (w->bound == 0)
        return DOSSIER_OK;
    w->bound = 0;
    return step_reset(w->db, w->st);
}

/*
 * Makes room for one more tuple and returns the index of its first
 * parameter minus one (bind value k of the tuple at that + k), or a
 * negative code when running the full statement failed.
 */
static int rows_next(rows *w)
{
    int rc = w->bound == ROWS_PER_INSERT ? rows_flush(w) : DOSSIER_OK;
    return rc ? rc : w->width * w->bound++;
}

/* The id the next row inserted into `table` will take (SQLite's choice: one more than the largest). */
static int next_id(long long *out, dossier_db *db, const char *sql)
{
    sqlite3_stmt *st = NULL;
    int rc = dossier_db_cached(&st, db, sql);
    if (rc)
        return rc;
    if (sqlite3_step(st) == SQLITE_ROW)
        *out = sqlite3_column_int64(st, 0);
    else
        rc = dossier_db_sqlfail(db, "storing the article");
    sqlite3_reset(st);
    return rc;
}

/* Inserts the sentences. */
static int store_sentences(dossier_db *db, const dossier_doc *d, long long art)
{
    rows w;
    int rc = rows_open(&w, db, DOSSIER_DB_MULTI_ROW("INSERT INTO sentences(article, paragraph, start, end)", "(?,?,?,?)"), 4);
    for (size_t i = 0; !rc && i < d->sentences.n; i++) {
        const dossier_sentence *s = &d->sentences.v[i];
        int p = rows_next(&w);
        if (p < 0)
            return p;
        sqlite3_bind_int64(w.st, p + 1, art);
        sqlite3_bind_int(w.st, p + 2, s->paragraph);
        sqlite3_bind_int64(w.st, p + 3, (long long)s->span.start);
        sqlite3_bind_int64(w.st, p + 4, (long long)s->span.end);
    }
    return rc ? rc : rows_flush(&w);
}

/* Marks the doc entities some row refers to: mentions, roles, speakers, topics, participants. */
static void mark_used(unsigned char *used, const dossier_doc *d)
{
    for (size_t i = 0; i < d->mentions.n; i++)
        used[d->mentions.v[i].entity] = 1;
    for (size_t i = 0; i < d->roles.n; i++)
        used[d->roles.v[i].person] = used[d->roles.v[i].organization] = 1;
    for (size_t i = 0; i < d->statements.n; i++) {
        const dossier_statement *st = &d->statements.v[i];
        if (st->speaker >= 0)
            used[st->speaker] = 1;
        for (size_t j = 0; j < st->about.n; j++)
            used[st->about.v[j]] = 1;
    }
    for (size_t i = 0; i < d->events.n; i++)
        for (size_t j = 0; j < d->events.v[i].participants.n; j++)
            used[d->events.v[i].participants.v[j]] = 1;
}

/*
 * What the row triggers of entities and aliases leave undone while
 * deferred_rows holds ('entities', N) and ('aliases', M)
 * (schema/021_entity_counts.sql), done at once for the entities above N
 * and the names above M: the same counts, and each new entity's row of
 * entity_tallies (new_entity_tallies, below, once the article's rows are
 * in).  The first statement turns deferring on (N and M bound, as
 * entity_limits reads them), the next two off; the others count.
 */
static const char entity_limits[] =
    "SELECT (SELECT coalesce(max(id), 0) FROM entities), (SELECT coalesce(max(rowid), 0) FROM aliases)";
static const char *const entity_counts[] = {
    "INSERT INTO deferred_rows(tbl, id) VALUES ('entities', ?1), ('aliases', ?2)",
    "DELETE FROM deferred_rows WHERE tbl = 'entities'",
    "DELETE FROM deferred_rows WHERE tbl = 'aliases'",
    "UPDATE tallies SET n = n + (SELECT count(*) FROM entities WHERE id > ?1) WHERE what = 'entities'",
    "UPDATE tallies SET n = n + (SELECT count(*) FROM aliases WHERE rowid > ?2) WHERE what = 'aliases'",
};

/*
 * The new entities' kinds (read), and their counts added to value_tallies
 * (one tuple for each of the four kinds; those none has are left NULL).
 */
static const char new_kinds[] = "SELECT kind FROM entities WHERE id > ?1";
static const char count_kinds[] =
    "INSERT INTO value_tallies(what, value, n) SELECT * FROM (VALUES (?1, ?2, ?3), (?4, ?5, ?6), (?7, ?8, ?9),"
    " (?10, ?11, ?12)) WHERE column1 IS NOT NULL ON CONFLICT(what, value) DO UPDATE SET n = n + excluded.n";

/*
 * Adds the kinds of the entities above `above` to value_tallies: counted
 * here, in the order a GROUP BY kind gives them, instead of by a sorter.
 */
static int add_kinds(dossier_db *db, long long above)
{
    static const char *const kinds[] = {"organization", "person", "place", "program"}; /* in byte order */
    long long n[4] = {0, 0, 0, 0};
    sqlite3_stmt *st = NULL;
    int rc = dossier_db_cached(&st, db, new_kinds), step = SQLITE_DONE, any = 0;
    if (rc)
        return rc;
    sqlite3_bind_int64(st, 1, above);
    while ((step = sqlite3_step(st)) == SQLITE_ROW) {
        const char *k = (const char *)sqlite3_column_text(st, 0);
        size_t i = 0;
        while (i < 4 && (!k || strcmp(k, kinds[i]) != 0))
            i++;
        if (i == 4) { /* a kind the schema does not have (its CHECK is off in ingest): refused */
            step = SQLITE_MISUSE;
            break;
        }
        n[i]++;
        any = 1;
    }
    sqlite3_reset(st);
    if (step == SQLITE_MISUSE)
        return dossier_db_fail(db, DOSSIER_EDB, "entities: a kind none of %s, %s, %s, %s", kinds[0], kinds[1],
                               kinds[2], kinds[3]);
    if (step != SQLITE_DONE)
        return dossier_db_sqlfail(db, "storing the article");
    if (!any)
        return DOSSIER_OK;
    rc = dossier_db_cached(&st, db, count_kinds);
    for (int i = 0, p = 0; !rc && i < 4; i++)
        if (n[i]) {
            sqlite3_bind_text(st, 3 * p + 1, "kind", -1, SQLITE_STATIC);
            sqlite3_bind_text(st, 3 * p + 2, kinds[i], -1, SQLITE_STATIC);
            sqlite3_bind_int64(st, 3 * p + 3, n[i]);
            p++;
        }
    return rc ? rc : step_reset(db, st);
}

/*
 * The rows of entity_tallies of the entities above ?1, made once the
 * article's mentions and statements are stored and counted (add_counts):
 * they count them at once, where rows made before would each be updated
 * for every article and speaker count the article adds.
 */
static const char new_entity_tallies[] =
    "INSERT OR REPLACE INTO entity_tallies(entity, kind, name, articles, statements)"
    " SELECT e.id, e.kind, e.name, (SELECT count(*) FROM entity_article_mentions WHERE entity = e.id),"
    " (SELECT count(*) FROM statements WHERE speaker = e.id) FROM entities e WHERE e.id > ?1";

/*
 * Turns deferring on (entity_counts[0]) above the largest entity id and
 * alias rowid, which it sets in above[0] and above[1].
 */
static int defer_entities(dossier_db *db, long long *above)
{
    sqlite3_stmt *st = NULL;
    int rc = dossier_db_cached(&st, db, entity_limits);
    if (rc)
        return rc;
    if (sqlite3_step(st) == SQLITE_ROW) {
        above[0] = sqlite3_column_int64(st, 0);
        above[1] = sqlite3_column_int64(st, 1);
    } else {
        rc = dossier_db_sqlfail(db, "storing the article");
    }
    sqlite3_reset(st);
    if (!rc)
        rc = dossier_db_cached(&st, db, entity_counts[0]);
    if (!rc) {
        sqlite3_bind_int64(st, 1, above[0]);
        sqlite3_bind_int64(st, 2, above[1]);
        rc = step_reset(db, st);
    }
    return rc;
}

/*
 * Turns deferring off (entity_counts[1] and [2]) and counts the entities
 * and names stored since defer_entities() turned it on above above[0] and
 * above[1].
 */
static int count_entities(dossier_db *db, const long long *above)
{
    int rc = run_cached(db, entity_counts[1]);
    if (!rc)
        rc = run_cached(db, entity_counts[2]);
    sqlite3_stmt *st = NULL;
    for (size_t i = 3; !rc && i < sizeof entity_counts / sizeof *entity_counts; i++) {
        rc = dossier_db_cached(&st, db, entity_counts[i]);
        if (!rc) {
            sqlite3_bind_int64(st, 1, above[0]);
            sqlite3_bind_int64(st, 2, above[1]);
            rc = step_reset(db, st);
        }
    }
    return rc ? rc : add_kinds(db, above[0]);
}

/*
 * Maps every doc entity that a row refers to onto a database id; entities
 * nothing refers to (candidates a stage set aside) are not stored.  Their
 * names are written together once all are resolved
 * (dossier_resolve_names_begin).  The
 * new entities and names are counted once all are stored (count_entities);
 * *above is set to the largest entity id before them, for their
 * entity_tallies rows (new_entity_tallies).
 */
static int store_entities(long long *ids, long long *above, dossier_db *db, const dossier_doc *d,
                          const dossier_doc_names *names)
{
    unsigned char *used = calloc(d->entities.n + 1, 1);
    long long limits[2] = {0, 0};
    int rc = used ? defer_entities(db, limits) : dossier_db_fail(db, DOSSIER_ENOMEM, "out of memory");
    if (used)
        mark_used(used, d);
    if (!rc)
        rc = dossier_resolve_names_begin(db, names);
    for (size_t i = 0; !rc && i < d->entities.n; i++)
        if (used[i])
            rc = dossier_resolve_entity(&ids[i], db, d, (int)i);
    int end = dossier_resolve_names_end(db, !rc); /* the names, written together */
    if (!rc)
        rc = end;
    if (!rc)
        rc = count_entities(db, limits);
    *above = limits[0];
    free(used);
    return rc;
}

/* Inserts the mentions; sets *first to the id of the first (mention i has id *first + i). */
static int store_mentions(long long *first, dossier_db *db, const dossier_doc *d, long long art, const long long *ids)
{
    static const char *const how[] = {"name", "short", "description", "pronoun"};
    rows w;
    int rc = rows_open(&w, db, DOSSIER_DB_MULTI_ROW("INSERT INTO mentions(article, entity, how, start, end)", "(?,?,?,?,?)"), 5);
    for (size_t i = 0; !rc && i < d->mentions.n; i++) {
        const dossier_mention *m = &d->mentions.v[i];
        int p = rows_next(&w);
        if (p < 0)
            return p;
        sqlite3_bind_int64(w.st, p + 1, art);
        sqlite3_bind_int64(w.st, p + 2, ids[m->entity]);
        sqlite3_bind_text(w.st, p + 3, how[m->how & 3], -1, SQLITE_STATIC);
        sqlite3_bind_int64(w.st, p + 4, (long long)m->span.start);
        sqlite3_bind_int64(w.st, p + 5, (long long)m->span.end);
    }
    if (!rc)
        rc = rows_flush(&w);
    /* the rowids SQLite gave them, one past the largest in turn: the last one's, counted back */
    *first = sqlite3_last_insert_rowid(db->sql) - (long long)d->mentions.n + 1;
    return rc;
}

/* Inserts the roles, once per (person, title, organisation). */
static int store_roles(dossier_db *db, const dossier_doc *d, long long art, const long long *ids)
{
    sqlite3_stmt *st = NULL;
    int rc = dossier_db_cached(&st, db,
        "INSERT INTO roles(article, person, title, organization, start, end)"
        " SELECT ?1, ?2, ?3, ?4, ?5, ?6 WHERE NOT EXISTS (SELECT 1 FROM roles WHERE article = ?1"
        " AND person = ?2 AND organization = ?4 AND title = ?3)");
    for (size_t i = 0; !rc && i < d->roles.n; i++) {
        const dossier_role *r = &d->roles.v[i];
        sqlite3_bind_int64(st, 1, art);
        sqlite3_bind_int64(st, 2, ids[r->person]);
        sqlite3_bind_text(st, 3, r->title ? r->title : "", -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 4, ids[r->organization]);
        sqlite3_bind_int64(st, 5, (long long)r->span.start);
        sqlite3_bind_int64(st, 6, (long long)r->span.end);
        rc = step_reset(db, st);
    }
    sqlite3_reset(st);
    return rc;
}

/*
 * Adds to `w` (parent, entity) link rows — a statement's topics, an
 * event's participants — for the doc entity indexes v[0..n).
 */
static int add_links(rows *w, long long parent, const int *v, size_t n, const long long *ids)
{
    for (size_t j = 0; j < n; j++) {
        int p = rows_next(w);
        if (p < 0)
            return p;
        sqlite3_bind_int64(w->st, p + 1, parent);
        sqlite3_bind_int64(w->st, p + 2, ids[v[j]]);
    }
    return DOSSIER_OK;
}

/* Sets sids[i] to the id statement i of the doc will take. */
static int statement_ids(long long *sids, dossier_db *db, const dossier_doc *d)
{
    long long first = 0;
    int rc = next_id(&first, db, "SELECT coalesce(max(id), 0) + 1 FROM statements");
    for (size_t i = 0; !rc && i < d->statements.n; i++)
        sids[i] = first + (long long)i;
    return rc;
}

/*
 * Inserts the statements under the ids sids[i], in the clusters of
 * `plan` (none when NULL), then their topics.
 */
static int store_statements(dossier_db *db, const dossier_doc *d, long long art, const long long *ids,
                            const long long *sids, dossier_cluster_plan *plan)
{
    rows w, top;
    int rc = rows_open(&w, db, DOSSIER_DB_MULTI_ROW("INSERT INTO statements(id, article, kind, text, cue, speaker, speaker_start,"
                                         " speaker_end, start, end, cluster)", "(?,?,?,?,?,?,?,?,?,?,?)"), 11);
    for (size_t i = 0; !rc && i < d->statements.n; i++) {
        const dossier_statement *s = &d->statements.v[i];
        int p = rows_next(&w);
        if (p < 0)
            return p;
        sqlite3_bind_int64(w.st, p + 1, sids[i]);
        sqlite3_bind_int64(w.st, p + 2, art);
        sqlite3_bind_text(w.st, p + 3, s->kind == DOSSIER_STATEMENT_DIRECT ? "direct" : "indirect", -1,
                          SQLITE_STATIC);
        sqlite3_bind_text(w.st, p + 4, d->body + s->span.start, (int)(s->span.end - s->span.start),
                          SQLITE_STATIC);
        bind_text(w.st, p + 5, s->cue);
        if (s->speaker >= 0)
            sqlite3_bind_int64(w.st, p + 6, ids[s->speaker]);
        if (s->speaker_mention >= 0) {
            sqlite3_bind_int64(w.st, p + 7, (long long)d->mentions.v[s->speaker_mention].span.start);
            sqlite3_bind_int64(w.st, p + 8, (long long)d->mentions.v[s->speaker_mention].span.end);
        }
        sqlite3_bind_int64(w.st, p + 9, (long long)s->span.start);
        sqlite3_bind_int64(w.st, p + 10, (long long)s->span.end);
        if (plan)
            sqlite3_bind_int64(w.st, p + 11, dossier_cluster_plan_of(plan, sids[i]));
    }
    if (!rc)
        rc = rows_flush(&w);
    if (!rc)
        rc = rows_open(&top, db, DOSSIER_DB_MULTI_ROW("INSERT OR IGNORE INTO statement_topics(statement, entity)", "(?,?)"), 2);
    for (size_t i = 0; !rc && i < d->statements.n; i++)
        rc = add_links(&top, sids[i], d->statements.v[i].about.v, d->statements.v[i].about.n, ids);
    return rc ? rc : rows_flush(&top);
}

/* The day (julianday, NULL when undated) and language of stored article `art`, as statement_features holds them. */
static int article_day(sqlite3_stmt **out, dossier_db *db, long long art)
{
    int rc = dossier_db_cached(out, db, "SELECT CAST(julianday(published) AS INTEGER), language"
                                        " FROM articles INDEXED BY articles_meta WHERE id = ?1");
    if (rc)
        return rc;
    sqlite3_bind_int64(*out, 1, art);
    if (sqlite3_step(*out) != SQLITE_ROW) {
        sqlite3_reset(*out);
        return dossier_db_sqlfail(db, "statement features");
    }
    return DOSSIER_OK;
}

/*
 * Binds the features of doc statement i (with its wording "words\nnumbers\n")
 * to the tuple of `w` at p: its speaker, the article's day and language
 * (columns of `day`), its kind, rank, wording, names and cluster.
 */
static int bind_features(rows *w, int p, const dossier_doc *d, size_t i, long long art, const long long *ids,
                         const long long *sids, const long long *speakers, sqlite3_stmt *day,
                         dossier_cluster_plan *plan)
{
    const dossier_statement *s = &d->statements.v[i];
    const char *nl1 = strchr(s->wording, '\n'), *nl2 = strchr(nl1 + 1, '\n');
    char *names = NULL;
    if (dossier_cluster_names(&names, d, i, ids))
        return dossier_db_fail(w->db, DOSSIER_ENOMEM, "out of memory");
    sqlite3_bind_int64(w->st, p + 1, sids[i]);
    if (speakers[i])
        sqlite3_bind_int64(w->st, p + 2, speakers[i]);
    sqlite3_bind_int64(w->st, p + 3, art);
    sqlite3_bind_value(w->st, p + 4, sqlite3_column_value(day, 0));
    sqlite3_bind_value(w->st, p + 5, sqlite3_column_value(day, 1));
    sqlite3_bind_text(w->st, p + 6, s->kind == DOSSIER_STATEMENT_DIRECT ? "direct" : "indirect", -1, SQLITE_STATIC);
    sqlite3_bind_int(w->st, p + 7, dossier_cluster_rank(d, speakers, i));
    sqlite3_bind_text(w->st, p + 8, s->wording, (int)(nl1 - s->wording), SQLITE_STATIC);
    sqlite3_bind_text(w->st, p + 9, nl1 + 1, (int)(nl2 - nl1 - 1), SQLITE_STATIC);
    sqlite3_bind_text(w->st, p + 10, names, -1, free);
    if (plan)
        sqlite3_bind_int64(w->st, p + 11, dossier_cluster_plan_of(plan, sids[i]));
    return DOSSIER_OK;
}

/*
 * Inserts the statement_features rows of the doc's statements that have
 * their wording (dossier_cluster_wording; the others are worked out when
 * first compared), in the clusters of `plan` (none when NULL).
 */
static int store_features(dossier_db *db, const dossier_doc *d, long long art, const long long *ids,
                          const long long *sids, dossier_cluster_plan *plan)
{
    rows w;
    sqlite3_stmt *day = NULL;
    long long *speakers = calloc(d->statements.n + 1, sizeof *speakers);
    int rc = speakers ? article_day(&day, db, art) : dossier_db_fail(db, DOSSIER_ENOMEM, "out of memory");
    if (!rc)
        rc = rows_open(&w, db, DOSSIER_DB_MULTI_ROW("INSERT INTO statement_features(statement, speaker, article, day, language,"
                                         " kind, rank, words, numbers, names, cluster)", "(?,?,?,?,?,?,?,?,?,?,?)"), 11);
    for (size_t i = 0; !rc && i < d->statements.n; i++)
        speakers[i] = d->statements.v[i].speaker >= 0 ? ids[d->statements.v[i].speaker] : 0;
    for (size_t i = 0; !rc && i < d->statements.n; i++) {
        const char *nl = d->statements.v[i].wording ? strchr(d->statements.v[i].wording, '\n') : NULL;
        if (!nl || !strchr(nl + 1, '\n'))
            continue;
        int p = rows_next(&w);
        rc = p < 0 ? p : bind_features(&w, p, d, i, art, ids, sids, speakers, day, plan);
    }
    if (!rc)
        rc = rows_flush(&w);
    if (day)
        sqlite3_reset(day);
    free(speakers);
    return rc;
}

/* Inserts the dates. */
static int store_dates(dossier_db *db, const dossier_doc *d, long long art)
{
    static const char *const prec[] = {"none", "year", "month", "day"};
    rows w;
    int rc = rows_open(&w, db, DOSSIER_DB_MULTI_ROW("INSERT INTO dates(article, value, precision, relative, start, end)",
                                         "(?,?,?,?,?,?)"), 6);
    for (size_t i = 0; !rc && i < d->timexes.n; i++) {
        const dossier_timex *t = &d->timexes.v[i];
        int p = rows_next(&w);
        if (p < 0)
            return p;
        sqlite3_bind_int64(w.st, p + 1, art);
        bind_text(w.st, p + 2, t->value);
        sqlite3_bind_text(w.st, p + 3, prec[t->precision & 3], -1, SQLITE_STATIC);
        sqlite3_bind_int(w.st, p + 4, t->relative != 0);
        sqlite3_bind_int64(w.st, p + 5, (long long)t->span.start);
        sqlite3_bind_int64(w.st, p + 6, (long long)t->span.end);
    }
    return rc ? rc : rows_flush(&w);
}

/* Inserts the events, then their participants. */
static int store_events(dossier_db *db, const dossier_doc *d, long long art, const long long *ids)
{
    rows w, part;
    long long first = 0;
    int rc = next_id(&first, db, "SELECT coalesce(max(id), 0) + 1 FROM events");
    if (!rc)
        rc = rows_open(&w, db, DOSSIER_DB_MULTI_ROW("INSERT INTO events(id, article, kind, trigger, date, start, end)",
                                         "(?,?,?,?,?,?,?)"), 7);
    for (size_t i = 0; !rc && i < d->events.n; i++) {
        const dossier_event *e = &d->events.v[i];
        int p = rows_next(&w);
        if (p < 0)
            return p;
        sqlite3_bind_int64(w.st, p + 1, first + (long long)i);
        sqlite3_bind_int64(w.st, p + 2, art);
        sqlite3_bind_text(w.st, p + 3, e->kind, -1, SQLITE_STATIC);
        bind_text(w.st, p + 4, e->trigger);
        bind_text(w.st, p + 5, e->timex >= 0 ? d->timexes.v[e->timex].value : NULL);
        sqlite3_bind_int64(w.st, p + 6, (long long)e->span.start);
        sqlite3_bind_int64(w.st, p + 7, (long long)e->span.end);
    }
    if (!rc)
        rc = rows_flush(&w);
    if (!rc)
        rc = rows_open(&part, db, DOSSIER_DB_MULTI_ROW("INSERT OR IGNORE INTO event_participants(event, entity)", "(?,?)"), 2);
    for (size_t i = 0; !rc && i < d->events.n; i++)
        rc = add_links(&part, first + (long long)i, d->events.v[i].participants.v, d->events.v[i].participants.n, ids);
    return rc ? rc : rows_flush(&part);
}

/*
 * What the row triggers of mentions and statements leave undone while
 * deferred_rows holds ('counts', S) (schema/016_article_counts.sql, and
 * S for 029: see store_counted),
 * done for all of an article's rows at once: the same counts (?2 more
 * rows of what ?1 names), and the statements each mention lies inside.
 * One row a run, found by its key: an UPDATE of the three rows at once
 * (what IN (...)) built a temporary index of its list first, ten times
 * the cost.
 */
static const char article_count[] = "UPDATE tallies SET n = n + ?2 WHERE what = ?1";

/* Orders database ids, for qsort. */
static int cmp_id(const void *pa, const void *pb)
{
    long long a = *(const long long *)pa, b = *(const long long *)pb;
    return a < b ? -1 : a > b;
}

/* What each_run() does with a run of `count` equal ids `id`: 0 or a negative DOSSIER_E... code. */
typedef int run_fn(void *ctx, long long id, long long count);

/* Sorts the n ids of v and calls fn for each run of equal ids, in id order, until one fails. */
static int each_run(long long *v, size_t n, run_fn *fn, void *ctx)
{
    int rc = DOSSIER_OK;
    qsort(v, n, sizeof *v, cmp_id);
    for (size_t i = 0, j; !rc && i < n; i = j) {
        for (j = i + 1; j < n && v[j] == v[i]; j++)
            ;
        rc = fn(ctx, v[i], (long long)(j - i));
    }
    return rc;
}

/* A multi-row statement being filled by each_run(), and the article its rows are of. */
typedef struct {
    rows w;
    long long art;
    const char *published;
} run_rows;

/* A row of entity_article_mentions: an entity's mentions in the article (a run_fn over a run_rows). */
static int mention_row(void *ctx, long long entity, long long count)
{
    run_rows *r = ctx;
    int p = rows_next(&r->w);
    if (p < 0)
        return p;
    sqlite3_bind_int64(r->w.st, p + 1, entity);
    sqlite3_bind_int64(r->w.st, p + 2, r->art);
    bind_text(r->w.st, p + 3, r->published);
    sqlite3_bind_int64(r->w.st, p + 4, count);
    return DOSSIER_OK;
}

/* A row of value_tallies: a cluster's statements in the article (a run_fn over a run_rows). */
static int cluster_row(void *ctx, long long cluster, long long count)
{
    run_rows *r = ctx;
    int p = rows_next(&r->w);
    if (p < 0)
        return p;
    sqlite3_bind_text(r->w.st, p + 1, "cluster", -1, SQLITE_STATIC);
    sqlite3_bind_int64(r->w.st, p + 2, cluster);
    sqlite3_bind_int64(r->w.st, p + 3, count);
    return DOSSIER_OK;
}

/*
 * Opens the multi-row statement `sql` (tuples of `width`) and writes a row
 * with fn for each run of the n ids of v (each_run); frees v.
 */
static int put_runs(dossier_db *db, const char *sql, int width, run_rows *r, long long *v, size_t n, run_fn *fn)
{
    int rc = rows_open(&r->w, db, sql, width);
    if (!rc)
        rc = each_run(v, n, fn, r);
    if (!rc)
        rc = rows_flush(&r->w);
    free(v);
    return rc;
}

/*
 * The article's rows of entity_article_mentions, counted from the doc's
 * mentions (all its rows) instead of from the stored ones grouped by
 * entity; the article's date as store_article() stored it.
 */
static int add_entity_mentions(dossier_db *db, const dossier_doc *d, long long art, const long long *ids)
{
    size_t n = d->mentions.n;
    long long *v = malloc((n + 1) * sizeof *v); /* the mentions' entities: an entity's mentions in a run */
    if (!v)
        return dossier_db_fail(db, DOSSIER_ENOMEM, "out of memory");
    for (size_t i = 0; i < n; i++)
        v[i] = ids[d->mentions.v[i].entity];
    run_rows r = {.art = art, .published = d->published};
    return put_runs(db, DOSSIER_DB_MULTI_ROW("INSERT INTO entity_article_mentions(entity, article, published, mentions)",
                                             "(?,?,?,?)")
                    " ON CONFLICT(entity, article) DO UPDATE SET mentions = mentions + excluded.mentions",
                    4, &r, v, n, mention_row);
}

/*
 * The article's counts of each cluster in value_tallies, from the
 * clusters of `plan` its statements (ids sids) were stored in; none
 * without a plan (they are stored unclustered).
 */
static int add_cluster_counts(dossier_db *db, const dossier_doc *d, const long long *sids, dossier_cluster_plan *plan)
{
    size_t n = plan ? d->statements.n : 0;
    long long *v = malloc((n + 1) * sizeof *v); /* the statements' clusters */
    if (!v)
        return dossier_db_fail(db, DOSSIER_ENOMEM, "out of memory");
    for (size_t i = 0; i < n; i++)
        v[i] = dossier_cluster_plan_of(plan, sids[i]);
    run_rows r = {0};
    return put_runs(db, DOSSIER_DB_MULTI_ROW("INSERT INTO value_tallies(what, value, n)", "(?,?,?)")
                    " ON CONFLICT(what, value) DO UPDATE SET n = n + excluded.n",
                    3, &r, v, n, cluster_row);
}

/*
 * The rows of mention_statements of the article: each mention (ids from
 * `first` in order) inside each statement (ids sids), by their spans in
 * the doc, which are the stored ones.
 */
static int add_mention_statements(dossier_db *db, const dossier_doc *d, long long first, const long long *ids,
                                  const long long *sids)
{
    rows w;
    int rc = rows_open(&w, db, DOSSIER_DB_MULTI_ROW("INSERT INTO mention_statements(mention, statement, entity)",
                                                    "(?,?,?)"), 3);
    for (size_t i = 0; !rc && i < d->statements.n; i++) {
        dossier_span s = d->statements.v[i].span;
        for (size_t j = 0; !rc && j < d->mentions.n; j++) {
            const dossier_mention *m = &d->mentions.v[j];
            if (m->span.start < s.start || m->span.start > s.end || m->span.end > s.end)
                continue;
            int p = rows_next(&w);
            if (p < 0) {
                rc = p;
                break;
            }
            sqlite3_bind_int64(w.st, p + 1, first + (long long)j);
            sqlite3_bind_int64(w.st, p + 2, sids[i]);
            sqlite3_bind_int64(w.st, p + 3, ids[m->entity]);
        }
    }
    return rc ? rc : rows_flush(&w);
}

/* The speaker-count update and its handle, for speaker_row(). */
typedef struct {
    dossier_db *db;
    sqlite3_stmt *st;
} speaker_update;

/* Adds a speaker's statements in the article to its entity_tallies row (a run_fn over a speaker_update). */
static int speaker_row(void *ctx, long long speaker, long long count)
{
    speaker_update *u = ctx;
    sqlite3_bind_int64(u->st, 1, speaker);
    sqlite3_bind_int64(u->st, 2, count);
    return step_reset(u->db, u->st);
}

/* Adds to entity_tallies the article's statements of each speaker, counted from the doc's statements. */
static int add_speaker_counts(dossier_db *db, const dossier_doc *d, const long long *ids)
{
    long long *v = malloc((d->statements.n + 1) * sizeof *v);
    size_t n = 0;
    speaker_update u = {db, NULL};
    int rc = v ? dossier_db_cached(&u.st, db, "UPDATE entity_tallies SET statements = statements + ?2 WHERE entity = ?1")
               : dossier_db_fail(db, DOSSIER_ENOMEM, "out of memory");
    for (size_t i = 0; !rc && i < d->statements.n; i++)
        if (d->statements.v[i].speaker >= 0)
            v[n++] = ids[d->statements.v[i].speaker];
    if (!rc)
        rc = each_run(v, n, speaker_row, &u);
    free(v);
    return rc;
}

/*
 * The counts of article `art` of doc `d`, whose mentions (ids from
 * `first_mention`) and statements (ids sids, in the clusters of `plan` or
 * in none) are all its rows: a new article, or a new version of one whose
 * rows are gone.  What they count is worked out from the doc, not read
 * back (article_count, add_entity_mentions, add_speaker_counts,
 * add_cluster_counts, add_mention_statements).
 */
static int add_counts(dossier_db *db, long long art, const dossier_doc *d, const long long *ids, long long first_mention,
                      const long long *sids, dossier_cluster_plan *plan)
{
    sqlite3_stmt *st = NULL;
    int rc = add_entity_mentions(db, d, art, ids);
    if (!rc)
        rc = add_speaker_counts(db, d, ids);
    if (!rc)
        rc = add_cluster_counts(db, d, sids, plan);
    if (!rc)
        rc = add_mention_statements(db, d, first_mention, ids, sids);
    static const char *const what[] = {"mentions", "statements", "unclustered"};
    long long n[] = {(long long)d->mentions.n, (long long)d->statements.n, plan ? 0 : (long long)d->statements.n};
    for (size_t i = 0; !rc && i < sizeof n / sizeof *n; i++)
        if (n[i]) { /* adding none changes nothing */
            rc = dossier_db_cached(&st, db, article_count);
            if (!rc) {
                sqlite3_bind_text(st, 1, what[i], -1, SQLITE_STATIC);
                sqlite3_bind_int64(st, 2, n[i]);
                rc = step_reset(db, st);
            }
        }
    return rc;
}

/*
 * Inserts the mentions and the statements (in the clusters of `plan`,
 * when not NULL) with their topics, counted by article (add_counts)
 * instead of row by row, then the entity_tallies rows of the entities
 * above `above` (new_entity_tallies); the caller rolls back on failure.
 */
static int store_counted(dossier_db *db, const dossier_doc *d, long long art, const long long *ids,
                         const long long *sids, dossier_cluster_plan *plan, long long above)
{
    long long first_mention = 0;
    /* S, the statements' full-text limit (dossier_store_defer; the largest id when none): the
     * statements above it need nothing of their trigger (schema/029_statement_trigger.sql) */
    int rc = run_cached(db, "INSERT OR IGNORE INTO deferred_rows(tbl, id) VALUES ('counts',"
                            " (SELECT coalesce(min(id), 9223372036854775807) FROM deferred_rows WHERE tbl = 'statements'))");
    if (!rc)
        rc = store_mentions(&first_mention, db, d, art, ids);
    if (!rc)
        rc = store_roles(db, d, art, ids);
    if (!rc)
        rc = store_statements(db, d, art, ids, sids, plan);
    if (!rc)
        rc = run_cached(db, "DELETE FROM deferred_rows WHERE tbl = 'counts'");
    if (!rc)
        rc = add_counts(db, art, d, ids, first_mention, sids, plan);
    if (!rc) {
        sqlite3_stmt *st = NULL;
        rc = dossier_db_cached(&st, db, new_entity_tallies);
        if (!rc) {
            sqlite3_bind_int64(st, 1, above);
            rc = step_reset(db, st);
        }
    }
    return rc;
}

/* See store.h. */
int dossier_store_defer(dossier_db *db)
{
    return run_cached(db, "INSERT OR IGNORE INTO deferred_rows(tbl, id)"
                          " VALUES ('articles', (SELECT coalesce(max(id), 0) FROM articles)),"
                          " ('statements', (SELECT coalesce(max(id), 0) FROM statements))");
}

/* See store.h. */
int dossier_store_index_deferred(dossier_db *db)
{
    return dossier_db_exec(db,
        "INSERT INTO articles_fts(rowid, title, body)"
        " SELECT a.id, a.title, a.body FROM articles a"
        " WHERE a.id > (SELECT min(id) FROM deferred_rows WHERE tbl = 'articles');"
        "INSERT INTO statements_fts(rowid, text)"
        " SELECT s.id, s.text FROM statements s"
        " WHERE s.id > (SELECT min(id) FROM deferred_rows WHERE tbl = 'statements');"
        "DELETE FROM deferred_rows;");
}

/*
 * Stores the doc (dossier_store_doc); with `resolve`, resolves its
 * statements before they are stored (dossier_resolve_doc) and stores
 * them in their clusters.
 */
static int store(long long *out, dossier_db *db, const dossier_doc *d, const char *hash, long long id, int resolve,
                 const dossier_shingles_sig *sig, int version, const char *path, const dossier_doc_names *names)
{
    long long art = 0, above = 0;
    dossier_cluster_plan *plan = NULL;
    long long *ids = calloc(d->entities.n + 1, sizeof *ids);
    long long *sids = calloc(d->statements.n + 1, sizeof *sids);
    if (!ids || !sids) {
        free(ids);
        free(sids);
        return dossier_db_fail(db, DOSSIER_ENOMEM, "out of memory");
    }
    int rc = store_article(&art, db, d, hash, id, version, path, resolve);
    if (!rc)
        rc = store_sentences(db, d, art);
    if (!rc)
        rc = store_entities(ids, &above, db, d, names);
    if (!rc)
        rc = statement_ids(sids, db, d);
    if (!rc && resolve)
        rc = dossier_resolve_doc(&plan, db, art, d, sids, ids, sig);
    if (!rc)
        rc = store_counted(db, d, art, ids, sids, plan, above);
    if (!rc)
        rc = store_features(db, d, art, ids, sids, plan);
    if (!rc && plan) /* earlier clusters that the new statements joined become one */
        rc = dossier_cluster_plan_move(db, plan);
    if (!rc)
        rc = store_dates(db, d, art);
    if (!rc)
        rc = store_events(db, d, art, ids);
    dossier_cluster_plan_free(plan);
    free(ids);
    free(sids);
    *out = art;
    return rc;
}

/* See store.h. */
int dossier_store_doc(long long *out, dossier_db *db, const dossier_doc *d, const char *hash, long long id)
{
    return store(out, db, d, hash, id, 0, NULL, 1, NULL, NULL);
}

/* See store.h. */
int dossier_store_resolved(long long *out, dossier_db *db, const dossier_doc *d, const char *hash, long long id,
                           const dossier_shingles_sig *sig, int version, const char *path,
                           const dossier_doc_names *names)
{
    if (dossier_cluster_worded(d))
        return store(out, db, d, hash, id, 1, sig, version, path, names);
    int rc = store(out, db, d, hash, id, 0, NULL, version, path, names);
    return rc ? rc : dossier_resolve_article(db, *out, sig);
}
