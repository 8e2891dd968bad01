/*
 * corrections.c — corrections made by hand, and their re-application.
 *
 * A correction is made in one transaction: the entity, statement or
 * article it is about is looked up as the person means it, the correction
 * is recorded in the corrections table, and then applied by the very code
 * that resolution runs later (apply_one), so that making and re-applying
 * cannot drift apart.  Nothing is recorded when anything fails.
 *
 * Corrections name entities by kind and canonical name, never by id: a
 * full resolution may give ids anew, and an entity a correction removed
 * (merged into another, given another kind) may be found again in the next
 * article.  When it is applied, a correction finds its entity by that exact
 * name, else by the one entity of that kind that goes by the name (never
 * by a name several entities share), and does nothing when there is none.
 * Applied twice, a correction changes nothing the second time.
 */
#include "store/corrections.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "store/versions.h"

/* One row of the corrections table. */
typedef struct {
    long long id;
    char *what, *kind, *name, *folded, *value, *value_kind, *text, *hash, *source;
    long long article, start, end; /* article 0 and spans -1 when NULL */
} correction;

typedef struct {
    correction *v;
    size_t n, cap;
} corrections;

static const char *const kinds[] = {"person", "organization", "program", "place"};

/* ---- small SQL helpers ---- */

/* A copy of a text column, or NULL. */
static char *column_dup(sqlite3_stmt *st, int i)
{
    const char *s = (const char *)sqlite3_column_text(st, i);
    return s ? dossier_strdup(s) : NULL;
}

/* Binds a text that may be NULL. */
static void bind_text(sqlite3_stmt *st, int i, const char *s)
{
    if (s)
        sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
    else
        sqlite3_bind_null(st, i);
}

/*
 * Runs a statement with `n` integers (long long) bound as ?1, ?2, ...;
 * returns DOSSIER_OK or DOSSIER_EDB.
 */
static int run(dossier_db *db, const char *sql, int n, ...)
{
    sqlite3_stmt *st = NULL;
    int rc = dossier_db_prepare(&st, db, sql);
    if (rc)
        return rc;
    va_list ap;
    va_start(ap, n);
    for (int i = 1; i <= n; i++)
        sqlite3_bind_int64(st, i, va_arg(ap, long long));
    va_end(ap);
    if (sqlite3_step(st) != SQLITE_DONE)
        rc = dossier_db_sqlfail(db, "applying a correction");
    sqlite3_finalize(st);
    return rc;
}

/* The integer of a one-value query with ?1 and ?2 bound; 0 when no row, negative on failure. */
static long long value2(dossier_db *db, const char *sql, long long a, long long b)
{
    sqlite3_stmt *st = NULL;
    long long v = 0;
    if (dossier_db_prepare(&st, db, sql))
        return DOSSIER_EDB;
    sqlite3_bind_int64(st, 1, a);
    sqlite3_bind_int64(st, 2, b);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        v = sqlite3_column_int64(st, 0);
    else if (rc != SQLITE_DONE)
        v = dossier_db_sqlfail(db, "database");
    sqlite3_finalize(st);
    return v;
}

/* Adds `name` (folded for matching) as an alias of entity `id`, if it has not got it. */
static int add_alias(dossier_db *db, long long id, const char *name)
{
    sqlite3_stmt *st = NULL;
    char *f = dossier_fold(name, strlen(name));
    int rc = f ? dossier_db_prepare(&st, db, "INSERT OR IGNORE INTO aliases(entity, name, folded) VALUES (?1, ?2, ?3)")
               : dossier_db_fail(db, DOSSIER_ENOMEM, "out of memory");
    if (!rc) {
        sqlite3_bind_int64(st, 1, id);
        sqlite3_bind_text(st, 2, name, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 3, f, -1, SQLITE_STATIC);
        if (sqlite3_step(st) != SQLITE_DONE)
            rc = dossier_db_sqlfail(db, "aliases");
    }
    sqlite3_finalize(st);
    free(f);
    return rc;
}

/* ---- finding entities ---- */

/* The entity of `kind` called exactly `name`, but not `exclude`; 0 when none. */
static long long find_exact(dossier_db *db, const char *kind, const char *name, long long exclude)
{
    sqlite3_stmt *st = NULL;
    long long id = 0;
    if (dossier_db_prepare(&st, db, "SELECT id FROM entities WHERE kind = ?1 AND name = ?2 AND id != ?3"
                                    " ORDER BY known DESC, id LIMIT 1"))
        return DOSSIER_EDB;
    sqlite3_bind_text(st, 1, kind, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, name, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 3, exclude);
    if (sqlite3_step(st) == SQLITE_ROW)
        id = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return id;
}

/*
 * The one entity of `kind` but `exclude` that goes by the folded `name`;
 * 0 when none does, and when several do (a name they share names none of
 * them).
 */
static long long find_alias(dossier_db *db, const char *kind, const char *name, long long exclude)
{
    sqlite3_stmt *st = NULL;
    long long id = 0;
    char *f = dossier_fold(name, strlen(name));
    if (!f)
        return dossier_db_fail(db, DOSSIER_ENOMEM, "out of memory");
    if (dossier_db_prepare(&st, db, "SELECT DISTINCT e.id FROM aliases a JOIN entities e ON e.id = a.entity"
                                    " WHERE a.folded = ?1 AND e.kind = ?2 AND e.id != ?3 LIMIT 2")) {
        free(f);
        return DOSSIER_EDB;
    }
    sqlite3_bind_text(st, 1, f, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, kind, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 3, exclude);
    if (sqlite3_step(st) == SQLITE_ROW) {
        id = sqlite3_column_int64(st, 0);
        if (sqlite3_step(st) == SQLITE_ROW)
            id = 0;
    }
    sqlite3_finalize(st);
    free(f);
    return id;
}

/*
 * The entity a correction means by (kind, name): the one called exactly
 * so, else the one going by the name (find_alias); never `exclude`.  0
 * when there is none, negative on a failure.
 */
static long long find_entity(dossier_db *db, const char *kind, const char *name, long long exclude)
{
    if (!kind || !name)
        return 0;
    long long id = find_exact(db, kind, name, exclude);
    return id ? id : find_alias(db, kind, name, exclude);
}

/* An entity's kind and name (copies the caller frees), or DOSSIER_ENOTFOUND. */
static int entity_info(char **out_kind, char **out_name, dossier_db *db, long long id)
{
    sqlite3_stmt *st = NULL;
    int rc = dossier_db_prepare(&st, db, "SELECT kind, name FROM entities WHERE id = ?1");
    *out_kind = *out_name = NULL;
    if (rc)
        return rc;
    sqlite3_bind_int64(st, 1, id);
    if (sqlite3_step(st) == SQLITE_ROW) {
        *out_kind = column_dup(st, 0);
        *out_name = column_dup(st, 1);
        if (!*out_kind || !*out_name)
            rc = dossier_db_fail(db, DOSSIER_ENOMEM, "out of memory");
    } else {
        rc = dossier_db_fail(db, DOSSIER_ENOTFOUND, "no entity #%lld", id);
    }
    sqlite3_finalize(st);
    return rc;
}

/* Creates an entity found by nobody yet; sets *out to its id. */
static int new_entity(long long *out, dossier_db *db, const char *kind, const char *name)
{
    sqlite3_stmt *st = NULL;
    int rc = dossier_db_prepare(&st, db, "INSERT INTO entities(kind, name, known) VALUES (?1, ?2, 0)");
    if (rc)
        return rc;
    sqlite3_bind_text(st, 1, kind, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, name, -1, SQLITE_STATIC);
    rc = sqlite3_step(st) == SQLITE_DONE ? DOSSIER_OK : dossier_db_sqlfail(db, "entities");
    sqlite3_finalize(st);
    *out = sqlite3_last_insert_rowid(db->sql);
    return rc ? rc : add_alias(db, *out, name);
}

/* ---- what corrections do ---- */

/*
 * Moves everything that refers to entity `from` to entity `into` — every
 * column with a foreign key to entities, whatever the schema holds now —
 * and deletes `from`.  A row that would duplicate one of `into` (an alias,
 * a topic) is dropped.
 */
static int merge_entities(dossier_db *db, long long from, long long into)
{
    sqlite3_stmt *fk = NULL;
    dbuf sql = {0};
    int rc = dossier_db_prepare(&fk, db,
        "SELECT m.name, f.\"from\" FROM sqlite_schema m, pragma_foreign_key_list(m.name) f"
        " WHERE m.type = 'table' AND f.\"table\" = 'entities'");
    while (!rc && sqlite3_step(fk) == SQLITE_ROW) {
        const char *t = (const char *)sqlite3_column_text(fk, 0), *c = (const char *)sqlite3_column_text(fk, 1);
        sql.len = 0;
        if (dossier_buf_printf(&sql, "UPDATE OR IGNORE \"%s\" SET \"%s\" = ?2 WHERE \"%s\" = ?1", t, c, c))
            rc = dossier_db_fail(db, DOSSIER_ENOMEM, "out of memory");
        if (!rc)
            rc = run(db, sql.s, 2, from, into);
        sql.len = 0;
        if (!rc && dossier_buf_printf(&sql, "DELETE FROM \"%s\" WHERE \"%s\" = ?1", t, c))
            rc = dossier_db_fail(db, DOSSIER_ENOMEM, "out of memory");
        if (!rc)
            rc = run(db, sql.s, 1, from);
    }
    sqlite3_finalize(fk);
    dossier_buf_free(&sql);
    if (!rc)
        rc = run(db, "UPDATE entities SET known = max(known, (SELECT known FROM entities WHERE id = ?1))"
                      " WHERE id = ?2", 2, from, into);
    /* what clustering compares of a statement names entities by id: worked out again when next needed */
    if (!rc)
        rc = run(db, "UPDATE statement_features SET words = NULL, numbers = NULL, names = NULL"
                     " WHERE ' ' || names || ' ' LIKE '% ' || ?1 || ' %'", 1, from);
    if (!rc)
        rc = run(db, "DELETE FROM entities WHERE id = ?1", 1, from);
    return rc;
}

/*
 * Gives entity `id` the kind `kind` and the canonical name `name` (NULL:
 * its own) — merging it into the entity that has them already, if one
 * does.  The resolver may have named it otherwise since: this names it
 * again.
 */
static int become(dossier_db *db, long long id, const char *kind, const char *name)
{
    sqlite3_stmt *st = NULL;
    long long other = 0;
    int rc = dossier_db_prepare(&st, db, "SELECT id FROM entities WHERE kind = ?1 AND id != ?3"
                                         " AND name = coalesce(?2, (SELECT name FROM entities WHERE id = ?3))"
                                         " ORDER BY known DESC, id LIMIT 1");
    if (rc)
        return rc;
    sqlite3_bind_text(st, 1, kind, -1, SQLITE_STATIC);
    bind_text(st, 2, name);
    sqlite3_bind_int64(st, 3, id);
    if (sqlite3_step(st) == SQLITE_ROW)
        other = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    if (other)
        return merge_entities(db, id, other);
    rc = dossier_db_prepare(&st, db, "UPDATE entities SET kind = ?1, name = coalesce(?2, name)"
                                     " WHERE id = ?3 AND (kind != ?1 OR name != coalesce(?2, name))");
    if (rc)
        return rc;
    sqlite3_bind_text(st, 1, kind, -1, SQLITE_STATIC);
    bind_text(st, 2, name);
    sqlite3_bind_int64(st, 3, id);
    if (sqlite3_step(st) != SQLITE_DONE)
        rc = dossier_db_sqlfail(db, "entities");
    sqlite3_finalize(st);
    return rc || !name ? rc : add_alias(db, id, name);
}

/* Removes alias `name` (folded) from entity `id`. */
static int remove_alias(dossier_db *db, long long id, const char *name)
{
    sqlite3_stmt *st = NULL;
    char *f = dossier_fold(name, strlen(name));
    int rc = f ? dossier_db_prepare(&st, db, "DELETE FROM aliases WHERE entity = ?1 AND folded = ?2")
               : dossier_db_fail(db, DOSSIER_ENOMEM, "out of memory");
    if (!rc) {
        sqlite3_bind_int64(st, 1, id);
        sqlite3_bind_text(st, 2, f, -1, SQLITE_STATIC);
        if (sqlite3_step(st) != SQLITE_DONE)
            rc = dossier_db_sqlfail(db, "aliases");
    }
    sqlite3_finalize(st);
    free(f);
    return rc;
}

/* A mention to move to another entity. */
typedef struct {
    long long id, article, start, end, entity;
} moved;

typedef struct {
    moved *v;
    size_t n, cap;
} moves;

/*
 * The mentions of entity `e` to split off: the one at the correction's
 * span (a split mention), or every mention by name whose words fold to
 * the split name, in `article` (0: in every article).
 */
static int split_mentions(moves *out, dossier_db *db, const correction *c, long long e, long long article)
{
    sqlite3_stmt *st = NULL;
    char *want = c->article ? NULL : dossier_fold(c->value, strlen(c->value));
    int rc;
    if (!c->article && !want)
        return dossier_db_fail(db, DOSSIER_ENOMEM, "out of memory");
    /* a mention split by hand: at its span, else where its sentence up to it is now (the article was edited) */
    if (c->article)
        rc = dossier_db_prepare(&st, db,
            "SELECT id, article, start, end, NULL, entity FROM mentions WHERE article = ?2"
            " AND ((start = ?3 AND end = ?4) OR (end - start = ?4 - ?3 AND end IN ("
            "  SELECT s.start + length(CAST(?5 AS BLOB)) FROM sentences s JOIN articles a ON a.id = s.article"
            "  WHERE s.article = ?2 AND substr(CAST(a.body AS BLOB), s.start + 1, length(CAST(?5 AS BLOB)))"
            "   = CAST(?5 AS BLOB))))"
            " ORDER BY start = ?3 AND end = ?4 DESC LIMIT 1");
    else
        rc = dossier_db_prepare(&st, db,
            "SELECT m.id, m.article, m.start, m.end, substr(CAST(a.body AS BLOB), m.start + 1, m.end - m.start),"
            " m.entity FROM mentions m JOIN articles a ON a.id = m.article"
            " WHERE m.entity = ?1 AND m.how IN ('name', 'short') AND (?2 = 0 OR m.article = ?2)"
            " ORDER BY m.article");
    if (!rc) {
        sqlite3_bind_int64(st, 1, e);
        sqlite3_bind_int64(st, 2, c->article ? c->article : article);
        sqlite3_bind_int64(st, 3, c->start);
        sqlite3_bind_int64(st, 4, c->end);
        if (c->article)
            bind_text(st, 5, c->text);
    }
    while (!rc && sqlite3_step(st) == SQLITE_ROW) {
        if (want) {
            char *f = dossier_fold(sqlite3_column_blob(st, 4), (size_t)sqlite3_column_bytes(st, 4));
            int same = f && strcmp(f, want) == 0;
            free(f);
            if (!same)
                continue;
        }
        moved m = {sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 1), sqlite3_column_int64(st, 2),
                   sqlite3_column_int64(st, 3), sqlite3_column_int64(st, 5)};
        if (VEC_PUSH(out, m))
            rc = dossier_db_fail(db, DOSSIER_ENOMEM, "out of memory");
    }
    sqlite3_finalize(st);
    free(want);
    return rc;
}

/*
 * Moves the mentions `m` from entity `e` to `f`, with the statements
 * spoken through them and the roles stated around them; in an article
 * where no mention of `e` is left, every reference to `e` goes to `f`.
 */
static int move_mentions(dossier_db *db, const moves *m, long long e, long long f)
{
    static const char *const whole[] = {
        "UPDATE statements SET speaker = ?2 WHERE article = ?1 AND speaker = ?3",
        "UPDATE roles SET person = CASE WHEN person = ?3 THEN ?2 ELSE person END,"
        " organization = CASE WHEN organization = ?3 THEN ?2 ELSE organization END"
        " WHERE article = ?1 AND (person = ?3 OR organization = ?3)",
        "UPDATE OR IGNORE statement_topics SET entity = ?2 WHERE entity = ?3"
        " AND statement IN (SELECT id FROM statements WHERE article = ?1)",
        "DELETE FROM statement_topics WHERE entity = ?3"
        " AND statement IN (SELECT id FROM statements WHERE article = ?1)",
        "UPDATE OR IGNORE event_participants SET entity = ?2 WHERE entity = ?3"
        " AND event IN (SELECT id FROM events WHERE article = ?1)",
        "DELETE FROM event_participants WHERE entity = ?3"
        " AND event IN (SELECT id FROM events WHERE article = ?1)",
    };
    int rc = DOSSIER_OK;
    for (size_t i = 0; !rc && i < m->n; i++) {
        const moved *x = &m->v[i];
        rc = run(db, "UPDATE mentions SET entity = ?2 WHERE id = ?1", 2, x->id, f);
        if (!rc)
            rc = run(db, "UPDATE statements SET speaker = ?2 WHERE article = ?1 AND speaker = ?3"
                         " AND speaker_start = ?4 AND speaker_end = ?5", 5, x->article, f, e, x->start, x->end);
        if (!rc)
            rc = run(db, "UPDATE roles SET person = CASE WHEN person = ?3 THEN ?2 ELSE person END,"
                         " organization = CASE WHEN organization = ?3 THEN ?2 ELSE organization END"
                         " WHERE article = ?1 AND (person = ?3 OR organization = ?3) AND start <= ?4 AND end >= ?5",
                     5, x->article, f, e, x->start, x->end);
    }
    for (size_t i = 0; !rc && i < m->n; i++) {
        long long art = m->v[i].article;
        if (i > 0 && art == m->v[i - 1].article)
            continue;
        long long left = value2(db, "SELECT count(*) FROM mentions WHERE article = ?1 AND entity = ?2", art, e);
        if (left < 0)
            return (int)left;
        for (size_t j = 0; !rc && left == 0 && j < sizeof whole / sizeof whole[0]; j++)
            rc = run(db, whole[j], 3, art, f, e);
    }
    return rc;
}

/*
 * A split of one mention: wherever re-extraction put it, the mention
 * goes to the entity called by the correction's name — the one of that
 * exact name, else the other one going by it, else a new one.
 */
static int apply_split_mention(dossier_db *db, const correction *c, long long article)
{
    moves m = {0};
    long long f = 0;
    if (article && c->article != article)
        return DOSSIER_OK;
    int rc = split_mentions(&m, db, c, 0, c->article);
    long long e = m.n ? m.v[0].entity : 0;
    if (!rc && e)
        f = find_exact(db, c->kind, c->value, 0);
    if (!rc && e && f != e) {
        if (f == 0)
            f = find_alias(db, c->kind, c->value, e);
        if (f < 0)
            rc = (int)f;
        else if (f == 0)
            rc = new_entity(&f, db, c->kind, c->value);
        if (!rc)
            rc = add_alias(db, f, c->value);
        if (!rc)
            rc = move_mentions(db, &m, e, f);
    }
    VEC_FREE(&m);
    return rc;
}

/*
 * A split of a name: the mentions written so leave the entity (the one
 * named by the correction) for the entity of that exact name, or a new
 * one, and the name goes with them.
 */
static int apply_split(dossier_db *db, const correction *c, long long article)
{
    moves m = {0};
    long long has_alias = 0, f = 0;
    if (c->article)
        return apply_split_mention(db, c, article);
    long long e = find_entity(db, c->kind, c->name, 0);
    if (e <= 0)
        return (int)e;
    int rc = split_mentions(&m, db, c, e, article);
    if (!rc) {
        char *fv = dossier_fold(c->value, strlen(c->value));
        sqlite3_stmt *st = NULL;
        rc = fv ? dossier_db_prepare(&st, db, "SELECT 1 FROM aliases WHERE entity = ?1 AND folded = ?2")
                : dossier_db_fail(db, DOSSIER_ENOMEM, "out of memory");
        if (!rc) {
            sqlite3_bind_int64(st, 1, e);
            sqlite3_bind_text(st, 2, fv, -1, SQLITE_STATIC);
            has_alias = sqlite3_step(st) == SQLITE_ROW;
        }
        sqlite3_finalize(st);
        free(fv);
    }
    if (!rc && (m.n || has_alias)) {
        f = find_exact(db, c->kind, c->value, e);
        if (f < 0)
            rc = (int)f;
        else if (f == 0)
            rc = new_entity(&f, db, c->kind, c->value);
        if (!rc)
            rc = add_alias(db, f, c->value);
        if (!rc)
            rc = remove_alias(db, e, c->value);
        if (!rc)
            rc = move_mentions(db, &m, e, f);
    }
    VEC_FREE(&m);
    return rc;
}

/* A speaker: the statement of the correction gets its speaker (or none). */
static int apply_speaker(dossier_db *db, const correction *c)
{
    sqlite3_stmt *st = NULL;
    long long who = c->value ? find_entity(db, c->value_kind, c->value, 0) : 0;
    if (who < 0)
        return (int)who;
    if (c->value && who == 0)
        return DOSSIER_OK; /* the speaker is not (yet) in the database */
    int rc = dossier_db_prepare(&st, db,
        "UPDATE statements SET speaker = ?5, speaker_start = NULL, speaker_end = NULL"
        " WHERE id = (SELECT id FROM statements WHERE article = ?1 AND ((start = ?2 AND end = ?3) OR text = ?4)"
        "             ORDER BY start = ?2 AND end = ?3 DESC, id LIMIT 1)"
        " AND speaker IS NOT ?5");
    if (rc)
        return rc;
    sqlite3_bind_int64(st, 1, c->article);
    sqlite3_bind_int64(st, 2, c->start);
    sqlite3_bind_int64(st, 3, c->end);
    bind_text(st, 4, c->text);
    if (who)
        sqlite3_bind_int64(st, 5, who);
    if (sqlite3_step(st) != SQLITE_DONE)
        rc = dossier_db_sqlfail(db, "statements");
    sqlite3_finalize(st);
    return rc;
}

/*
 * A forget: the article with the forgotten bytes goes.  (Other articles
 * from its source stay: `ingest --as-new` may have stored several.)
 */
static int apply_forget(dossier_db *db, const correction *c)
{
    long long id = 0;
    sqlite3_stmt *st = NULL;
    int rc = dossier_db_prepare(&st, db, "SELECT id FROM articles WHERE hash = ?1");
    if (rc)
        return rc;
    bind_text(st, 1, c->hash);
    if (sqlite3_step(st) == SQLITE_ROW)
        id = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    rc = id ? dossier_versions_remove(NULL, db, id, 0) : DOSSIER_OK;
    return rc || !id ? rc : dossier_versions_prune(db);
}

/*
 * Applies one correction: to the whole database (`article` 0) or to what
 * one newly stored article brought.
 */
static int apply_one(dossier_db *db, const correction *c, long long article)
{
    const char *w = c->what;
    if (strcmp(w, "speaker") == 0)
        return !article || article == c->article ? apply_speaker(db, c) : DOSSIER_OK;
    if (strcmp(w, "forget") == 0)
        return article ? DOSSIER_OK : apply_forget(db, c);
    if (strcmp(w, "split") == 0)
        return apply_split(db, c, article);
    long long e = find_entity(db, c->kind, c->name, 0);
    if (e <= 0)
        return (int)e;
    if (strcmp(w, "merge") == 0) {
        long long into = find_entity(db, c->value_kind, c->value, 0);
        int rc = into > 0 && into != e ? merge_entities(db, e, into) : (int)(into < 0 ? into : 0);
        /* the one entity keeps the name of the one merged into, whatever the resolver preferred since */
        return rc || into <= 0 ? rc : become(db, into, c->value_kind, c->value);
    }
    if (strcmp(w, "rename") == 0)
        return become(db, e, c->kind, c->value);
    if (strcmp(w, "kind") == 0)
        return become(db, e, c->value, NULL);
    if (strcmp(w, "alias-add") == 0)
        return add_alias(db, e, c->value);
    if (strcmp(w, "alias-remove") == 0)
        return remove_alias(db, e, c->value);
    return dossier_db_fail(db, DOSSIER_ERROR, "correction %lld: unknown kind '%s'", c->id, w);
}

/* ---- the corrections table ---- */

/* Frees the strings of a correction loaded from the table (not the struct). */
static void correction_free(correction *c)
{
    free(c->what);
    free(c->kind);
    free(c->name);
    free(c->folded);
    free(c->value);
    free(c->value_kind);
    free(c->text);
    free(c->hash);
    free(c->source);
}

/* Frees a list of loaded corrections and empties it. */
static void corrections_free(corrections *cs)
{
    for (size_t i = 0; i < cs->n; i++)
        correction_free(&cs->v[i]);
    VEC_FREE(cs);
}

#define CORRECTION_COLUMNS \
    "id, what, kind, name, folded, value, value_kind, article, start, end, text, hash, source"

/* Reads the rows of a statement over CORRECTION_COLUMNS (bound by the caller) into *out. */
static int load(corrections *out, dossier_db *db, sqlite3_stmt *st)
{
    int rc = DOSSIER_OK, step;
    while (!rc && (step = sqlite3_step(st)) == SQLITE_ROW) {
        correction c = {0};
        c.id = sqlite3_column_int64(st, 0);
        c.what = column_dup(st, 1);
        c.kind = column_dup(st, 2);
        c.name = column_dup(st, 3);
        c.folded = column_dup(st, 4);
        c.value = column_dup(st, 5);
        c.value_kind = column_dup(st, 6);
        c.article = sqlite3_column_int64(st, 7);
        c.start = sqlite3_column_type(st, 8) == SQLITE_NULL ? -1 : sqlite3_column_int64(st, 8);
        c.end = sqlite3_column_type(st, 9) == SQLITE_NULL ? -1 : sqlite3_column_int64(st, 9);
        c.text = column_dup(st, 10);
        c.hash = column_dup(st, 11);
        c.source = column_dup(st, 12);
        if (!c.what || VEC_PUSH(out, c)) {
            correction_free(&c);
            rc = dossier_db_fail(db, DOSSIER_ENOMEM, "out of memory");
        }
    }
    if (!rc && step != SQLITE_DONE)
        rc = dossier_db_sqlfail(db, "corrections");
    return rc;
}

/* Loads the corrections about `article` (0: all of them), in order, into *out. */
static int select_corrections(corrections *out, dossier_db *db, long long article)
{
    sqlite3_stmt *st = NULL;
    int rc = dossier_db_cached(&st, db, "SELECT 1 FROM corrections LIMIT 1");
    if (rc)
        return rc;
    int step = sqlite3_step(st); /* none, as in most databases: no aliases are gathered for nothing */
    sqlite3_reset(st);
    if (step != SQLITE_ROW)
        return step == SQLITE_DONE ? DOSSIER_OK : dossier_db_sqlfail(db, "corrections");
    if (article)
        rc = dossier_db_cached(&st, db,
            "SELECT " CORRECTION_COLUMNS " FROM corrections WHERE article = ?1 OR folded IN ("
            " SELECT a.folded FROM aliases a WHERE a.entity IN ("
            "  SELECT entity FROM mentions WHERE article = ?1"
            "  UNION SELECT speaker FROM statements WHERE article = ?1"
            "  UNION SELECT person FROM roles WHERE article = ?1"
            "  UNION SELECT organization FROM roles WHERE article = ?1))"
            " ORDER BY id");
    else
        rc = dossier_db_cached(&st, db, "SELECT " CORRECTION_COLUMNS " FROM corrections ORDER BY id");
    if (rc)
        return rc;
    sqlite3_bind_int64(st, 1, article);
    rc = load(out, db, st);
    sqlite3_reset(st);
    return rc;
}

/* Non-zero when two lists hold the same corrections. */
static int same_corrections(const corrections *a, const corrections *b)
{
    if (a->n != b->n)
        return 0;
    for (size_t i = 0; i < a->n; i++)
        if (a->v[i].id != b->v[i].id)
            return 0;
    return 1;
}

/*
 * See corrections.h.  For one article, applying a correction can make
 * others about it (a rename joins the article's entity to the renamed one,
 * whose own corrections then apply): the corrections are selected again
 * and, while the selection grows, applied again in order (applied twice, a
 * correction changes nothing).
 */
int dossier_corrections_apply(dossier_db *db, long long article)
{
    corrections done = {0}, cs = {0};
    int rc = select_corrections(&cs, db, article);
    for (int round = 0; !rc && cs.n && round < 8; round++) {
        for (size_t i = 0; !rc && i < cs.n; i++)
            rc = apply_one(db, &cs.v[i], article);
        corrections_free(&done);
        done = cs;
        memset(&cs, 0, sizeof cs);
        if (!rc && article)
            rc = select_corrections(&cs, db, article);
        if (!rc && same_corrections(&cs, &done))
            break;
    }
    corrections_free(&done);
    corrections_free(&cs);
    return rc;
}

/* See corrections.h. */
long long dossier_corrections_forgotten(dossier_db *db, const char *hash, const char *source)
{
    sqlite3_stmt *st = NULL;
    long long id = 0;
    if (dossier_db_cached(&st, db, "SELECT id FROM corrections WHERE what = 'forget'"
                                   " AND (hash = ?1 OR (source = ?2 AND source != '-')) LIMIT 1"))
        return DOSSIER_EDB;
    sqlite3_bind_text(st, 1, hash, -1, SQLITE_STATIC);
    bind_text(st, 2, source);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        id = sqlite3_column_int64(st, 0);
    else if (rc != SQLITE_DONE)
        id = dossier_db_sqlfail(db, "corrections");
    sqlite3_reset(st);
    return id;
}

/* ---- making corrections (dossier.h) ---- */

/* A snapshot of an entity as a person named it. */
typedef struct {
    long long id;
    char *kind, *name;
} named;

/* Frees the strings of a snapshot (not the struct). */
static void named_free(named *e)
{
    free(e->kind);
    free(e->name);
}

/* Non-zero when s is "#" followed by digits only. */
static int is_id(const char *s)
{
    if (s[0] != '#' || !s[1])
        return 0;
    for (const char *p = s + 1; *p; p++)
        if (*p < '0' || *p > '9')
            return 0;
    return 1;
}

/*
 * The entity a person means by `name`: "#ID"; else the one entity that
 * goes by the name; else, of several, the one whose canonical name it is.
 * DOSSIER_ENOTFOUND when none goes by it, DOSSIER_EUSAGE (listing them)
 * when several do.  The caller frees *out with named_free().
 */
static int user_entity(named *out, dossier_db *db, const char *name)
{
    sqlite3_stmt *st = NULL;
    long long ids[8];
    size_t n = 0, exact = 0;
    long long exact_id = 0;
    dbuf list = {0};
    memset(out, 0, sizeof *out);
    if (is_id(name)) {
        out->id = strtoll(name + 1, NULL, 10);
        return entity_info(&out->kind, &out->name, db, out->id);
    }
    char *f = dossier_fold(name, strlen(name));
    if (!f)
        return dossier_db_fail(db, DOSSIER_ENOMEM, "out of memory");
    int rc = !*f ? dossier_db_fail(db, DOSSIER_EUSAGE, "an entity's name cannot be empty")
                 : dossier_db_prepare(&st, db,
                       "SELECT DISTINCT e.id, e.name, e.kind FROM aliases a JOIN entities e ON e.id = a.entity"
                       " WHERE a.folded = ?1 ORDER BY e.id LIMIT 8");
    if (!rc)
        sqlite3_bind_text(st, 1, f, -1, SQLITE_STATIC);
    while (!rc && sqlite3_step(st) == SQLITE_ROW) {
        const char *en = (const char *)sqlite3_column_text(st, 1);
        char *ef = dossier_fold(en, strlen(en));
        ids[n] = sqlite3_column_int64(st, 0);
        if (ef && strcmp(ef, f) == 0)
            exact++, exact_id = ids[n];
        free(ef);
        if (dossier_buf_printf(&list, "%s#%lld %s (%s)", n ? ", " : "", ids[n], en,
                               (const char *)sqlite3_column_text(st, 2)))
            rc = dossier_db_fail(db, DOSSIER_ENOMEM, "out of memory");
        n++;
    }
    sqlite3_finalize(st);
    if (!rc && n == 0)
        rc = dossier_db_fail(db, DOSSIER_ENOTFOUND, "no entity goes by '%s'", name);
    else if (!rc && n > 1 && exact != 1)
        rc = dossier_db_fail(db, DOSSIER_EUSAGE, "'%s' names %s%zu entities: %s; name one as #ID", name,
                             n == 8 ? "at least " : "", n, list.s);
    if (!rc) {
        out->id = n == 1 ? ids[0] : exact_id;
        rc = entity_info(&out->kind, &out->name, db, out->id);
    }
    dossier_buf_free(&list);
    free(f);
    return rc;
}

/* Non-zero when a and b fold alike. */
static int same_folded(const char *a, const char *b)
{
    char *fa = dossier_fold(a, strlen(a)), *fb = dossier_fold(b, strlen(b));
    int same = fa && fb && strcmp(fa, fb) == 0;
    free(fa);
    free(fb);
    return same;
}

/* How entity `id` writes the name that folds like `name`, or NULL (the caller frees it). */
static char *alias_of(dossier_db *db, long long id, const char *name)
{
    sqlite3_stmt *st = NULL;
    char *f = dossier_fold(name, strlen(name)), *found = NULL;
    if (f && !dossier_db_prepare(&st, db, "SELECT name FROM aliases WHERE entity = ?1 AND folded = ?2")) {
        sqlite3_bind_int64(st, 1, id);
        sqlite3_bind_text(st, 2, f, -1, SQLITE_STATIC);
        if (sqlite3_step(st) == SQLITE_ROW)
            found = column_dup(st, 0);
    }
    sqlite3_finalize(st);
    free(f);
    return found;
}

/*
 * Records correction `c` with `note`, applies it to the whole database,
 * and sets *out (may be NULL) to "correction N: what it says".  Inside
 * the caller's transaction.
 */
static int record(char **out, dossier_db *db, correction *c, const char *note)
{
    sqlite3_stmt *st = NULL;
    char *folded = c->name ? dossier_fold(c->name, strlen(c->name)) : NULL;
    int rc = c->name && !folded ? dossier_db_fail(db, DOSSIER_ENOMEM, "out of memory")
                                : dossier_db_prepare(&st, db,
        "INSERT INTO corrections(what, kind, name, folded, value, value_kind, article, start, end, text, hash,"
        " source, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, nullif(?7, 0), nullif(?8, -1), nullif(?9, -1), ?10, ?11,"
        " ?12, ?13)");
    if (!rc) {
        bind_text(st, 1, c->what);
        bind_text(st, 2, c->kind);
        bind_text(st, 3, c->name);
        bind_text(st, 4, folded);
        bind_text(st, 5, c->value);
        bind_text(st, 6, c->value_kind);
        sqlite3_bind_int64(st, 7, c->article);
        sqlite3_bind_int64(st, 8, c->start);
        sqlite3_bind_int64(st, 9, c->end);
        bind_text(st, 10, c->text);
        bind_text(st, 11, c->hash);
        bind_text(st, 12, c->source);
        bind_text(st, 13, note && *note ? note : NULL);
        if (sqlite3_step(st) != SQLITE_DONE)
            rc = dossier_db_sqlfail(db, "corrections");
    }
    sqlite3_finalize(st);
    free(folded);
    c->id = sqlite3_last_insert_rowid(db->sql);
    if (!rc)
        rc = apply_one(db, c, 0);
    if (!rc && out) {
        rc = dossier_db_prepare(&st, db, "SELECT printf('correction %d: %s', correction, correction_text)"
                                         " FROM correction_list WHERE correction = ?1");
        if (!rc) {
            sqlite3_bind_int64(st, 1, c->id);
            *out = sqlite3_step(st) == SQLITE_ROW ? column_dup(st, 0) : NULL;
            if (!*out)
                rc = dossier_db_fail(db, DOSSIER_ENOMEM, "out of memory");
        }
        sqlite3_finalize(st);
    }
    return rc;
}

/* Starts a correction's transaction. */
static int begin(char **out, dossier_db *db)
{
    if (out)
        *out = NULL;
    return dossier_db_exec(db, "BEGIN IMMEDIATE");
}

/* Ends it: commits after success, rolls back after a failure (keeping its message). */
static int finish(char **out, dossier_db *db, int rc)
{
    if (!rc)
        rc = dossier_db_exec(db, "COMMIT");
    if (rc) {
        sqlite3_exec(db->sql, "ROLLBACK", NULL, NULL, NULL);
        if (out) {
            free(*out);
            *out = NULL;
        }
    }
    return rc;
}

/* See dossier.h. */
int dossier_correct_merge(char **out, dossier_db *db, const char *name, const char *into, const char *note)
{
    named a = {0}, b = {0};
    int rc = begin(out, db);
    if (!rc)
        rc = user_entity(&a, db, name);
    if (!rc)
        rc = user_entity(&b, db, into);
    if (!rc && a.id == b.id)
        rc = dossier_db_fail(db, DOSSIER_EUSAGE, "'%s' and '%s' are one entity already (#%lld %s)", name, into,
                             a.id, a.name);
    if (!rc && strcmp(a.kind, b.kind) != 0)
        rc = dossier_db_fail(db, DOSSIER_EUSAGE, "%s is a %s and %s a %s: give them one kind first (dossier kind)",
                             a.name, a.kind, b.name, b.kind);
    if (!rc) {
        correction c = {.what = "merge", .kind = a.kind, .name = a.name, .value = b.name, .value_kind = b.kind,
                        .start = -1, .end = -1};
        rc = record(out, db, &c, note);
    }
    named_free(&a);
    named_free(&b);
    return finish(out, db, rc);
}

/* See dossier.h. */
int dossier_correct_split(char **out, dossier_db *db, const char *name, const char *alias, const char *note)
{
    named e = {0};
    char *written = NULL;
    int rc = begin(out, db);
    if (!rc)
        rc = user_entity(&e, db, name);
    if (!rc && same_folded(alias, e.name))
        rc = dossier_db_fail(db, DOSSIER_EUSAGE, "'%s' is the name of #%lld itself: split another of its names,"
                             " or rename it first", alias, e.id);
    if (!rc && !(written = alias_of(db, e.id, alias)))
        rc = dossier_db_fail(db, DOSSIER_ENOTFOUND, "%s (#%lld) does not go by '%s'", e.name, e.id, alias);
    if (!rc) {
        correction c = {.what = "split", .kind = e.kind, .name = e.name, .value = written, .start = -1, .end = -1};
        rc = record(out, db, &c, note);
    }
    free(written);
    named_free(&e);
    return finish(out, db, rc);
}

/* See dossier.h. */
int dossier_correct_split_mention(char **out, dossier_db *db, long long mention, const char *new_name,
                                  const char *note)
{
    sqlite3_stmt *st = NULL;
    named e = {0};
    correction c = {.what = "split"};
    char *surface = NULL;
    int rc = begin(out, db);
    if (!rc)
        rc = dossier_db_prepare(&st, db,
            "SELECT m.article, m.start, m.end, m.entity, substr(CAST(a.body AS BLOB), m.start + 1, m.end - m.start),"
            " (SELECT CAST(substr(CAST(a.body AS BLOB), s.start + 1, m.end - s.start) AS TEXT) FROM sentences s"
            "  WHERE s.article = m.article AND s.start <= m.start AND s.end >= m.end ORDER BY s.start LIMIT 1)"
            " FROM mentions m JOIN articles a ON a.id = m.article WHERE m.id = ?1");
    if (!rc) {
        sqlite3_bind_int64(st, 1, mention);
        if (sqlite3_step(st) == SQLITE_ROW) {
            c.article = sqlite3_column_int64(st, 0);
            c.start = sqlite3_column_int64(st, 1);
            c.end = sqlite3_column_int64(st, 2);
            e.id = sqlite3_column_int64(st, 3);
            surface = dossier_strndup(sqlite3_column_blob(st, 4), (size_t)sqlite3_column_bytes(st, 4));
            c.text = column_dup(st, 5); /* the sentence up to the mention, to find it after an edit */
        } else {
            rc = dossier_db_fail(db, DOSSIER_ENOTFOUND, "no mention #%lld", mention);
        }
    }
    sqlite3_finalize(st);
    if (!rc)
        rc = entity_info(&e.kind, &e.name, db, e.id);
    if (!rc && !new_name)
        new_name = surface;
    if (!rc && (!new_name || !*new_name))
        rc = dossier_db_fail(db, DOSSIER_EUSAGE, "give the name of the entity mention #%lld refers to", mention);
    if (!rc && same_folded(new_name, e.name))
        rc = dossier_db_fail(db, DOSSIER_EUSAGE, "mention #%lld refers to %s (#%lld) already", mention, e.name,
                             e.id);
    if (!rc) {
        c.kind = e.kind;
        c.name = e.name;
        c.value = (char *)new_name;
        rc = record(out, db, &c, note);
    }
    free(surface);
    free(c.text);
    named_free(&e);
    return finish(out, db, rc);
}

/* See dossier.h. */
int dossier_correct_rename(char **out, dossier_db *db, const char *name, const char *new_name, const char *note)
{
    named e = {0};
    int rc = begin(out, db);
    if (!rc && (!new_name || !*new_name))
        rc = dossier_db_fail(db, DOSSIER_EUSAGE, "the new name cannot be empty");
    if (!rc)
        rc = user_entity(&e, db, name);
    if (!rc && strcmp(e.name, new_name) == 0)
        rc = dossier_db_fail(db, DOSSIER_EUSAGE, "#%lld is called %s already", e.id, e.name);
    if (!rc) {
        correction c = {.what = "rename", .kind = e.kind, .name = e.name, .value = (char *)new_name,
                        .start = -1, .end = -1};
        rc = record(out, db, &c, note);
    }
    named_free(&e);
    return finish(out, db, rc);
}

/* See dossier.h. */
int dossier_correct_kind(char **out, dossier_db *db, const char *name, const char *kind, const char *note)
{
    named e = {0};
    size_t k = 0;
    while (k < 4 && strcmp(kinds[k], kind) != 0)
        k++;
    int rc = begin(out, db);
    if (!rc && k == 4)
        rc = dossier_db_fail(db, DOSSIER_EUSAGE, "'%s' is not a kind (person, organization, program, place)", kind);
    if (!rc)
        rc = user_entity(&e, db, name);
    if (!rc && strcmp(e.kind, kind) == 0)
        rc = dossier_db_fail(db, DOSSIER_EUSAGE, "%s (#%lld) is a %s already", e.name, e.id, e.kind);
    if (!rc) {
        correction c = {.what = "kind", .kind = e.kind, .name = e.name, .value = (char *)kinds[k],
                        .start = -1, .end = -1};
        rc = record(out, db, &c, note);
    }
    named_free(&e);
    return finish(out, db, rc);
}

/* See dossier.h. */
int dossier_correct_alias(char **out, dossier_db *db, const char *name, const char *alias, int remove,
                          const char *note)
{
    named e = {0};
    char *written = NULL;
    int rc = begin(out, db);
    if (!rc && (!alias || !*alias))
        rc = dossier_db_fail(db, DOSSIER_EUSAGE, "the alias cannot be empty");
    if (!rc)
        rc = user_entity(&e, db, name);
    if (!rc)
        written = alias_of(db, e.id, alias);
    if (!rc && !remove && written)
        rc = dossier_db_fail(db, DOSSIER_EUSAGE, "%s (#%lld) goes by '%s' already", e.name, e.id, written);
    if (!rc && remove && !written)
        rc = dossier_db_fail(db, DOSSIER_ENOTFOUND, "%s (#%lld) does not go by '%s'", e.name, e.id, alias);
    if (!rc && remove && same_folded(alias, e.name))
        rc = dossier_db_fail(db, DOSSIER_EUSAGE, "'%s' is the name of #%lld itself: rename it first", alias, e.id);
    if (!rc) {
        correction c = {.what = remove ? "alias-remove" : "alias-add", .kind = e.kind, .name = e.name,
                        .value = remove ? written : (char *)alias, .start = -1, .end = -1};
        rc = record(out, db, &c, note);
    }
    free(written);
    named_free(&e);
    return finish(out, db, rc);
}

/* See dossier.h. */
int dossier_correct_speaker(char **out, dossier_db *db, long long statement, const char *name, const char *note)
{
    sqlite3_stmt *st = NULL;
    named who = {0};
    correction c = {.what = "speaker"};
    int rc = begin(out, db);
    if (!rc)
        rc = dossier_db_prepare(&st, db, "SELECT article, start, end, text, speaker FROM statements WHERE id = ?1");
    if (!rc) {
        sqlite3_bind_int64(st, 1, statement);
        if (sqlite3_step(st) == SQLITE_ROW) {
            c.article = sqlite3_column_int64(st, 0);
            c.start = sqlite3_column_int64(st, 1);
            c.end = sqlite3_column_int64(st, 2);
            c.text = column_dup(st, 3);
            who.id = sqlite3_column_int64(st, 4);
        } else {
            rc = dossier_db_fail(db, DOSSIER_ENOTFOUND, "no statement #%lld", statement);
        }
    }
    sqlite3_finalize(st);
    long long before = who.id;
    if (!rc && name)
        rc = user_entity(&who, db, name);
    if (!rc && (name ? who.id == before : before == 0))
        rc = dossier_db_fail(db, DOSSIER_EUSAGE, "statement #%lld is %s already", statement,
                             name ? "said by that speaker" : "without a speaker");
    if (!rc) {
        c.value = who.name;
        c.value_kind = who.kind;
        rc = record(out, db, &c, note);
    }
    free(c.text);
    named_free(&who);
    return finish(out, db, rc);
}

/* See dossier.h. */
int dossier_correct_forget(char **out, dossier_db *db, long long article, const char *note)
{
    sqlite3_stmt *st = NULL;
    correction c = {.what = "forget", .article = article, .start = -1, .end = -1};
    int rc = begin(out, db);
    if (!rc)
        rc = dossier_db_prepare(&st, db, "SELECT hash, source FROM articles WHERE id = ?1");
    if (!rc) {
        sqlite3_bind_int64(st, 1, article);
        if (sqlite3_step(st) == SQLITE_ROW) {
            c.hash = column_dup(st, 0);
            c.source = column_dup(st, 1);
        } else {
            rc = dossier_db_fail(db, DOSSIER_ENOTFOUND, "no article %lld", article);
        }
    }
    sqlite3_finalize(st);
    if (!rc)
        rc = record(out, db, &c, note);
    free(c.hash);
    free(c.source);
    return finish(out, db, rc);
}
