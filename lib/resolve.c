/*
 * resolve.c — joins what articles say across articles and languages.
 *
 * Entities: a gazetteer entity is one row whatever name the article used;
 * a name found from text joins the entity of the same kind that already
 * has that folded name as an alias.  People also join across spellings:
 * a full name joins an earlier surname-only entity (which takes the full
 * name), and a full name joins one with the same first name and a surname
 * one letter apart ("Rogozine", "Rogozin").  A person's surname is one of
 * its aliases, so a later "Mr Rogozin" finds him.
 *
 * Statement clusters: two statements by the same speaker report the same
 * utterance when their word stems overlap enough (Dice coefficient over
 * the first five letters of words of five letters or more, so that
 * "coopération" and "cooperation", "stratégique" and "strategic" meet
 * across languages).  A cluster is named by its smallest statement id.
 *
 * Stories: an article joins the story of an article it shares a statement
 * cluster with, or of an article published within three days that shares
 * most of its named entities.  A story is named by its smallest article id.
 */
#include "resolve.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "token.h"
#include "util.h"

#define STEM 5
#define CLUSTER_DICE 0.45
#define STORY_OVERLAP 0.5

/* Inserts one alias (folded) for entity `id`. */
static int add_alias(dossier_db *db, sqlite3_stmt *st, long long id, const char *name)
{
    char *f = dossier_fold(name, strlen(name));
    if (!f)
        return dossier_db_fail(db, DOSSIER_ENOMEM, "out of memory");
    sqlite3_bind_int64(st, 1, id);
    sqlite3_bind_text(st, 2, name, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, f, -1, SQLITE_STATIC);
    int rc = sqlite3_step(st) == SQLITE_DONE ? DOSSIER_OK : dossier_db_sqlfail(db, "aliases");
    sqlite3_reset(st);
    free(f);
    return rc;
}

/* Records the entity's names (and the gazetteer's) as aliases of `id`. */
static int add_aliases(dossier_db *db, long long id, const dossier_entity *e)
{
    sqlite3_stmt *st = NULL;
    int rc = dossier_db_prepare(&st, db, "INSERT OR IGNORE INTO aliases(entity, name, folded) VALUES (?1, ?2, ?3)");
    if (!rc)
        rc = add_alias(db, st, id, e->name);
    for (size_t i = 0; !rc && i < e->aliases.n; i++)
        rc = add_alias(db, st, id, e->aliases.v[i]);
    for (size_t i = 0; !rc && e->gaz && i < e->gaz->nnames; i++)
        rc = add_alias(db, st, id, e->gaz->names[i]->text);
    const char *last = e->kind == DOSSIER_KIND_PERSON && !e->gaz ? strrchr(e->name, ' ') : NULL;
    if (!rc && last && strlen(last + 1) >= 3)
        rc = add_alias(db, st, id, last + 1);
    sqlite3_finalize(st);
    return rc;
}

/* The id of a gazetteer entity's row, 0 when it has none yet. */
static long long find_known(dossier_db *db, const dossier_entity *e)
{
    sqlite3_stmt *st = NULL;
    long long id = 0;
    if (dossier_db_prepare(&st, db, "SELECT id FROM entities WHERE known = 1 AND name = ?1 AND kind = ?2"))
        return DOSSIER_EDB;
    sqlite3_bind_text(st, 1, e->gaz->name, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, dossier_kind_name(e->kind), -1, SQLITE_STATIC);
    if (sqlite3_step(st) == SQLITE_ROW)
        id = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return id;
}

/* The id of an entity of the same kind with one of these names as alias, or 0. */
static long long find_by_alias(dossier_db *db, const dossier_entity *e)
{
    sqlite3_stmt *st = NULL;
    long long id = 0;
    if (dossier_db_prepare(&st, db,
            "SELECT e.id FROM aliases a JOIN entities e ON e.id = a.entity"
            " WHERE a.folded = ?1 AND e.kind = ?2 ORDER BY e.known DESC, e.id LIMIT 1"))
        return DOSSIER_EDB;
    for (size_t i = 0; id == 0 && i <= e->aliases.n; i++) {
        const char *name = i == 0 ? e->name : e->aliases.v[i - 1];
        char *f = dossier_fold(name, strlen(name));
        if (!f)
            break;
        sqlite3_bind_text(st, 1, f, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 2, dossier_kind_name(e->kind), -1, SQLITE_STATIC);
        if (sqlite3_step(st) == SQLITE_ROW)
            id = sqlite3_column_int64(st, 0);
        sqlite3_reset(st);
        free(f);
    }
    sqlite3_finalize(st);
    return id;
}

/* Levenshtein distance of two short strings, capped at 3. */
static int distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > 63 || lb > 63 || (la > lb ? la - lb : lb - la) > 2)
        return 3;
    int row[64];
    for (size_t j = 0; j <= lb; j++)
        row[j] = (int)j;
    for (size_t i = 1; i <= la; i++) {
        int diag = row[0];
        row[0] = (int)i;
        for (size_t j = 1; j <= lb; j++) {
            int up = row[j];
            int best = diag + (a[i - 1] != b[j - 1]);
            if (row[j] + 1 < best)
                best = row[j] + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            diag = up;
        }
    }
    return row[lb] > 3 ? 3 : row[lb];
}

/*
 * A person entity that `folded` (a full name "first ... last") spells
 * differently: the surname-only entity "last", or a name with the same
 * first word and a last word one edit away.  0 when none.
 */
static long long find_person_variant(dossier_db *db, const char *folded, long long *out_surname_only)
{
    const char *sp = strchr(folded, ' '), *last = strrchr(folded, ' ');
    sqlite3_stmt *st = NULL;
    long long id = 0;
    *out_surname_only = 0;
    if (!sp || strlen(last + 1) < 4)
        return 0;
    if (dossier_db_prepare(&st, db,
            "SELECT e.id, a.folded, e.name FROM aliases a JOIN entities e ON e.id = a.entity"
            " WHERE e.kind = 'person' AND ((a.folded >= ?1 AND a.folded < ?2) OR a.folded = ?3)"
            " ORDER BY e.id LIMIT 50"))
        return DOSSIER_EDB;
    size_t first = (size_t)(sp - folded);
    sqlite3_bind_text(st, 1, folded, (int)first + 1, SQLITE_STATIC);          /* "first " */
    char upper[128];
    snprintf(upper, sizeof upper, "%.*s!", (int)first, folded);                /* "first!" */
    sqlite3_bind_text(st, 2, upper, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, last + 1, -1, SQLITE_STATIC);
    while (id == 0 && sqlite3_step(st) == SQLITE_ROW) {
        const char *f = (const char *)sqlite3_column_text(st, 1);
        const char *name = (const char *)sqlite3_column_text(st, 2);
        if (!f || !name)
            continue;
        if (strcmp(f, last + 1) == 0) {
            if (!strchr(name, ' ')) { /* a surname-only entity: it takes the full name */
                id = sqlite3_column_int64(st, 0);
                *out_surname_only = id;
            }
            continue;
        }
        const char *flast = strrchr(f, ' ');
        if (flast && distance(flast + 1, last + 1) <= 1)
            id = sqlite3_column_int64(st, 0);
    }
    sqlite3_finalize(st);
    return id;
}

/* For a person found from text: the entity a spelling variant of its name belongs to. */
static long long find_person(dossier_db *db, const dossier_entity *ent)
{
    char *f = dossier_fold(ent->name, strlen(ent->name));
    long long surname_only = 0, id;
    if (!f)
        return dossier_db_fail(db, DOSSIER_ENOMEM, "out of memory");
    id = find_person_variant(db, f, &surname_only);
    free(f);
    if (id > 0 && surname_only) {
        sqlite3_stmt *st = NULL;
        if (dossier_db_prepare(&st, db, "UPDATE entities SET name = ?2 WHERE id = ?1"))
            return DOSSIER_EDB;
        sqlite3_bind_int64(st, 1, id);
        sqlite3_bind_text(st, 2, ent->name, -1, SQLITE_STATIC);
        int rc = sqlite3_step(st);
        sqlite3_finalize(st);
        if (rc != SQLITE_DONE)
            return dossier_db_sqlfail(db, "entities");
    }
    return id;
}

/* See resolve.h. */
int dossier_resolve_entity(long long *out, dossier_db *db, const dossier_doc *d, int e)
{
    const dossier_entity *ent = &d->entities.v[e];
    long long id = ent->gaz ? find_known(db, ent) : find_by_alias(db, ent);
    if (id == 0 && !ent->gaz && ent->kind == DOSSIER_KIND_PERSON)
        id = find_person(db, ent);
    if (id < 0)
        return (int)id;
    if (id == 0) {
        sqlite3_stmt *st = NULL;
        int rc = dossier_db_prepare(&st, db, "INSERT INTO entities(kind, name, known) VALUES (?1, ?2, ?3)");
        if (rc)
            return rc;
        sqlite3_bind_text(st, 1, dossier_kind_name(ent->kind), -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, ent->name, -1, SQLITE_STATIC);
        sqlite3_bind_int(st, 3, ent->gaz != NULL);
        rc = sqlite3_step(st) == SQLITE_DONE ? DOSSIER_OK : dossier_db_sqlfail(db, "entities");
        sqlite3_finalize(st);
        if (rc)
            return rc;
        id = sqlite3_last_insert_rowid(db->sql);
    }
    *out = id;
    return add_aliases(db, id, ent);
}

/* ---- statement clusters ---- */

typedef VEC(uint64_t) stems;

/* Compares two stem hashes, for qsort. */
static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

/* The sorted, distinct stems of the long words of a text. */
static int text_stems(stems *out, const char *text, size_t len)
{
    size_t pos = 0, start, end;
    unsigned flags;
    out->n = 0;
    while ((flags = dossier_token_next(text, len, &pos, &start, &end))) {
        if (!(flags & DOSSIER_TOK_WORD))
            continue;
        char *f = dossier_fold(text + start, end - start);
        if (!f)
            return DOSSIER_ENOMEM;
        size_t chars = 0, cut = 0, i = 0;
        for (; f[i] && chars < STEM; i++)
            if (((unsigned char)f[i] & 0xC0) != 0x80)
                chars++;
        cut = i;
        while (f[cut] && ((unsigned char)f[cut] & 0xC0) == 0x80)
            cut++;
        int rc = chars >= STEM ? VEC_PUSH(out, dossier_hash(f, cut)) : 0;
        free(f);
        if (rc)
            return DOSSIER_ENOMEM;
    }
    if (out->n)
        qsort(out->v, out->n, sizeof(uint64_t), cmp_u64);
    size_t w = 0;
    for (size_t i = 0; i < out->n; i++)
        if (w == 0 || out->v[w - 1] != out->v[i])
            out->v[w++] = out->v[i];
    out->n = w;
    return DOSSIER_OK;
}

/* Dice coefficient of two sorted stem sets. */
static double dice(const stems *a, const stems *b)
{
    size_t i = 0, j = 0, common = 0;
    if (!a->n || !b->n)
        return 0;
    while (i < a->n && j < b->n) {
        if (a->v[i] == b->v[j])
            common++, i++, j++;
        else if (a->v[i] < b->v[j])
            i++;
        else
            j++;
    }
    return 2.0 * (double)common / (double)(a->n + b->n);
}

/* The cluster of the most similar earlier statement by the same speaker, or 0. */
static long long best_cluster(dossier_db *db, sqlite3_stmt *cand, long long sid, long long speaker,
                              const stems *mine, stems *theirs)
{
    long long best = 0;
    double best_score = CLUSTER_DICE;
    sqlite3_bind_int64(cand, 1, speaker);
    sqlite3_bind_int64(cand, 2, sid);
    while (sqlite3_step(cand) == SQLITE_ROW) {
        const char *t = (const char *)sqlite3_column_text(cand, 1);
        if (!t || text_stems(theirs, t, (size_t)sqlite3_column_bytes(cand, 1)))
            continue;
        double s = dice(mine, theirs);
        if (s >= best_score) {
            best_score = s;
            best = sqlite3_column_int64(cand, 0);
        }
    }
    sqlite3_reset(cand);
    (void)db;
    return best;
}

/* Gives every statement of the article a cluster. */
static int cluster_statements(dossier_db *db, long long article)
{
    sqlite3_stmt *mine = NULL, *cand = NULL, *set = NULL;
    stems a = {0}, b = {0};
    int rc = dossier_db_prepare(&mine, db, "SELECT id, speaker, text FROM statements WHERE article = ?1 ORDER BY id");
    if (!rc)
        rc = dossier_db_prepare(&cand, db,
            "SELECT coalesce(cluster, id), text FROM statements WHERE speaker = ?1 AND id < ?2");
    if (!rc)
        rc = dossier_db_prepare(&set, db, "UPDATE statements SET cluster = ?2 WHERE id = ?1");
    if (rc)
        goto done;
    sqlite3_bind_int64(mine, 1, article);
    while (!rc && sqlite3_step(mine) == SQLITE_ROW) {
        long long sid = sqlite3_column_int64(mine, 0), cluster = 0;
        if (sqlite3_column_type(mine, 1) != SQLITE_NULL) {
            const char *t = (const char *)sqlite3_column_text(mine, 2);
            rc = text_stems(&a, t, (size_t)sqlite3_column_bytes(mine, 2));
            if (!rc)
                cluster = best_cluster(db, cand, sid, sqlite3_column_int64(mine, 1), &a, &b);
        }
        sqlite3_bind_int64(set, 1, sid);
        sqlite3_bind_int64(set, 2, cluster ? cluster : sid);
        if (!rc && sqlite3_step(set) != SQLITE_DONE)
            rc = dossier_db_sqlfail(db, "statement clusters");
        sqlite3_reset(set);
    }
done:
    VEC_FREE(&a);
    VEC_FREE(&b);
    sqlite3_finalize(mine);
    sqlite3_finalize(cand);
    sqlite3_finalize(set);
    return rc == DOSSIER_ENOMEM ? dossier_db_fail(db, rc, "out of memory") : rc;
}

/* ---- stories ---- */

/*
 * The story of an earlier article that shares a statement cluster with
 * this one, or that was published within three days and shares at least
 * half the named entities of the smaller of the two.  0 when none.
 */
static long long find_story(dossier_db *db, long long article)
{
    static const char *const sql =
        "SELECT coalesce(a.story, a.id) FROM statements s JOIN statements o ON o.cluster = s.cluster"
        " JOIN articles a ON a.id = o.article"
        " WHERE s.article = ?1 AND o.article != ?1 ORDER BY a.id LIMIT 1";
    static const char *const by_entities =
        "WITH me AS (SELECT published p FROM articles WHERE id = ?1),"
        " mine AS (SELECT DISTINCT entity FROM mentions WHERE article = ?1),"
        " near AS (SELECT a.id, a.story FROM articles a, me WHERE a.id != ?1 AND"
        "   (me.p IS NULL OR a.published IS NULL OR abs(julianday(a.published) - julianday(me.p)) <= 3)"
        "   ORDER BY a.id DESC LIMIT 500),"
        " shared AS (SELECT n.id, n.story, count(DISTINCT m.entity) k FROM near n"
        "   JOIN mentions m ON m.article = n.id JOIN mine USING(entity) GROUP BY n.id)"
        " SELECT coalesce(s.story, s.id), s.k,"
        "   (SELECT count(*) FROM mine),"
        "   (SELECT count(DISTINCT entity) FROM mentions WHERE article = s.id)"
        " FROM shared s ORDER BY s.k DESC, s.id LIMIT 5";
    sqlite3_stmt *st = NULL;
    long long story = 0;
    if (dossier_db_prepare(&st, db, sql))
        return DOSSIER_EDB;
    sqlite3_bind_int64(st, 1, article);
    if (sqlite3_step(st) == SQLITE_ROW)
        story = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    if (story || dossier_db_prepare(&st, db, by_entities))
        return story;
    sqlite3_bind_int64(st, 1, article);
    while (!story && sqlite3_step(st) == SQLITE_ROW) {
        double k = sqlite3_column_double(st, 1);
        double smaller = sqlite3_column_double(st, 2);
        if (sqlite3_column_double(st, 3) < smaller)
            smaller = sqlite3_column_double(st, 3);
        if (smaller >= 4 && k / smaller >= STORY_OVERLAP)
            story = sqlite3_column_int64(st, 0);
    }
    sqlite3_finalize(st);
    return story;
}

/* See resolve.h. */
int dossier_resolve_article(dossier_db *db, long long article)
{
    int rc = cluster_statements(db, article);
    if (rc)
        return rc;
    long long story = find_story(db, article);
    if (story < 0)
        return (int)story;
    sqlite3_stmt *st = NULL;
    rc = dossier_db_prepare(&st, db, "UPDATE articles SET story = ?2 WHERE id = ?1");
    if (rc)
        return rc;
    sqlite3_bind_int64(st, 1, article);
    sqlite3_bind_int64(st, 2, story ? story : article);
    rc = sqlite3_step(st) == SQLITE_DONE ? DOSSIER_OK : dossier_db_sqlfail(db, "stories");
    sqlite3_finalize(st);
    return rc;
}

/* See dossier.h: clusters and stories again, article by article in id order. */
int dossier_resolve(dossier_db *db)
{
    sqlite3_stmt *st = NULL;
    int rc = dossier_db_exec(db, "BEGIN IMMEDIATE; UPDATE statements SET cluster = NULL;"
                                 " UPDATE articles SET story = NULL");
    if (!rc)
        rc = dossier_db_prepare(&st, db, "SELECT id FROM articles ORDER BY id");
    while (!rc && sqlite3_step(st) == SQLITE_ROW)
        rc = dossier_resolve_article(db, sqlite3_column_int64(st, 0));
    sqlite3_finalize(st);
    if (rc) {
        sqlite3_exec(db->sql, "ROLLBACK", NULL, NULL, NULL);
        return rc;
    }
    return dossier_db_exec(db, "COMMIT");
}
