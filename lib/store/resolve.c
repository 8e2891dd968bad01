/*
 * resolve.c — joins what articles say across articles and languages.
 *
 * Entities: a gazetteer entity is one row whatever name the article used;
 * a name found from text joins the entity of the same kind that already
 * has that folded name as an alias, and an entity found from text earlier
 * becomes the gazetteer's when the gazetteer names it later.  People also join across spellings:
 * a full name joins an earlier surname-only entity (which takes the full
 * name), and a full name joins one with the same first name and a surname
 * one letter apart ("Gagarine", "Gagarin").  A person's surname is one of
 * its aliases, so a later "Mr Gagarin" finds him.
 *
 * Stories: an article joins the story of an article published within three
 * days that shares most of its named entities, or else of an article it
 * shares a statement cluster with (cluster.c places statements, knowing
 * the story).  A story is named by its smallest article id.
 */
#include "store/resolve.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/cluster.h"
#include "base/util.h"

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
    int rc = dossier_db_cached(&st, db, "INSERT OR IGNORE INTO aliases(entity, name, folded) VALUES (?1, ?2, ?3)");
    if (!rc)
        rc = add_alias(db, st, id, e->name);
    for (size_t i = 0; !rc && i < e->aliases.n; i++)
        rc = add_alias(db, st, id, e->aliases.v[i]);
    for (size_t i = 0; !rc && e->gaz && i < e->gaz->nnames; i++)
        rc = add_alias(db, st, id, e->gaz->names[i]->text);
    const char *last = e->kind == DOSSIER_KIND_PERSON && !e->gaz ? strrchr(e->name, ' ') : NULL;
    if (!rc && last && strlen(last + 1) >= 3)
        rc = add_alias(db, st, id, last + 1);
    sqlite3_reset(st);
    return rc;
}

/* The id of a gazetteer entity's row, 0 when it has none yet. */
static long long find_known(dossier_db *db, const dossier_entity *e)
{
    sqlite3_stmt *st = NULL;
    long long id = 0;
    if (dossier_db_cached(&st, db, "SELECT id FROM entities WHERE known = 1 AND name = ?1 AND kind = ?2"))
        return DOSSIER_EDB;
    sqlite3_bind_text(st, 1, e->gaz->name, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, dossier_kind_name(e->kind), -1, SQLITE_STATIC);
    if (sqlite3_step(st) == SQLITE_ROW)
        id = sqlite3_column_int64(st, 0);
    sqlite3_reset(st);
    return id;
}

/* The id of an entity of `kind` with the folded form of `name` as an alias, or 0. */
static long long alias_lookup(dossier_db *db, const char *name, int kind, int unknown_only)
{
    sqlite3_stmt *st = NULL;
    long long id = 0;
    char *f = dossier_fold(name, strlen(name));
    if (!f)
        return dossier_db_fail(db, DOSSIER_ENOMEM, "out of memory");
    if (dossier_db_cached(&st, db,
            "SELECT e.id FROM aliases a JOIN entities e ON e.id = a.entity"
            " WHERE a.folded = ?1 AND e.kind = ?2 AND e.known <= ?3 ORDER BY e.known DESC, e.id LIMIT 1")) {
        free(f);
        return DOSSIER_EDB;
    }
    sqlite3_bind_text(st, 1, f, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, dossier_kind_name(kind), -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 3, unknown_only ? 0 : 1);
    if (sqlite3_step(st) == SQLITE_ROW)
        id = sqlite3_column_int64(st, 0);
    sqlite3_reset(st);
    free(f);
    return id;
}

/* The id of an entity of the same kind with one of these names as alias, or 0. */
static long long find_by_alias(dossier_db *db, const dossier_entity *e)
{
    long long id = 0;
    for (size_t i = 0; id == 0 && i <= e->aliases.n; i++)
        id = alias_lookup(db, i == 0 ? e->name : e->aliases.v[i - 1], e->kind, 0);
    return id;
}

/*
 * For a gazetteer entity not stored yet: an entity found from text in an
 * earlier article under one of its names, which it then becomes (known,
 * with the gazetteer's name).  0 when none.
 */
static long long adopt_found(dossier_db *db, const dossier_entity *e)
{
    long long id = 0;
    for (size_t i = 0; id == 0 && i < e->gaz->nnames; i++)
        id = alias_lookup(db, e->gaz->names[i]->text, e->kind, 1);
    if (id <= 0)
        return id;
    sqlite3_stmt *st = NULL;
    if (dossier_db_cached(&st, db, "UPDATE entities SET known = 1, name = ?2 WHERE id = ?1"))
        return DOSSIER_EDB;
    sqlite3_bind_int64(st, 1, id);
    sqlite3_bind_text(st, 2, e->gaz->name, -1, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? id : dossier_db_sqlfail(db, "entities");
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
    if (dossier_db_cached(&st, db,
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
    sqlite3_reset(st);
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
        if (dossier_db_cached(&st, db, "UPDATE entities SET name = ?2 WHERE id = ?1"))
            return DOSSIER_EDB;
        sqlite3_bind_int64(st, 1, id);
        sqlite3_bind_text(st, 2, ent->name, -1, SQLITE_STATIC);
        int rc = sqlite3_step(st);
        sqlite3_reset(st);
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
    if (id == 0 && ent->gaz)
        id = adopt_found(db, ent);
    if (id == 0 && !ent->gaz && ent->kind == DOSSIER_KIND_PERSON)
        id = find_person(db, ent);
    if (id < 0)
        return (int)id;
    if (id == 0) {
        sqlite3_stmt *st = NULL;
        int rc = dossier_db_cached(&st, db, "INSERT INTO entities(kind, name, known) VALUES (?1, ?2, ?3)");
        if (rc)
            return rc;
        sqlite3_bind_text(st, 1, dossier_kind_name(ent->kind), -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, ent->name, -1, SQLITE_STATIC);
        sqlite3_bind_int(st, 3, ent->gaz != NULL);
        rc = sqlite3_step(st) == SQLITE_DONE ? DOSSIER_OK : dossier_db_sqlfail(db, "entities");
        sqlite3_reset(st);
        if (rc)
            return rc;
        id = sqlite3_last_insert_rowid(db->sql);
    }
    *out = id;
    return add_aliases(db, id, ent);
}

/* ---- stories ---- */

/* The story of an earlier article that shares a statement cluster with this one, or 0. */
static long long story_by_clusters(dossier_db *db, long long article)
{
    sqlite3_stmt *st = NULL;
    long long story = 0;
    if (dossier_db_cached(&st, db,
            "SELECT coalesce(a.story, a.id) FROM statements s JOIN statements o ON o.cluster = s.cluster"
            " JOIN articles a ON a.id = o.article"
            " WHERE s.article = ?1 AND o.article != ?1 ORDER BY a.id LIMIT 1"))
        return DOSSIER_EDB;
    sqlite3_bind_int64(st, 1, article);
    if (sqlite3_step(st) == SQLITE_ROW)
        story = sqlite3_column_int64(st, 0);
    sqlite3_reset(st);
    return story;
}

/*
 * The story of an earlier article published within three days (or undated)
 * that shares at least half the entities other than places of the smaller
 * of the two (places are shared by too many stories to tell them apart).
 * Only the 500 latest such articles are compared.  0 when none.
 */
static long long story_by_entities(dossier_db *db, long long article)
{
    static const char *const sql =
        "WITH me AS (SELECT published p FROM articles WHERE id = ?1),"
        " mine AS (SELECT DISTINCT m.entity FROM mentions m JOIN entities e ON e.id = m.entity"
        "   WHERE m.article = ?1 AND e.kind != 'place'),"
        " near AS (SELECT a.id, a.story FROM articles a, me WHERE a.id != ?1 AND"
        "   (me.p IS NULL OR a.published IS NULL OR abs(julianday(a.published) - julianday(me.p)) <= 3)"
        "   ORDER BY a.id DESC LIMIT 500),"
        " shared AS (SELECT n.id, n.story, count(DISTINCT m.entity) k FROM near n"
        "   JOIN mentions m ON m.article = n.id JOIN mine USING(entity) GROUP BY n.id)"
        " SELECT coalesce(s.story, s.id), s.k,"
        "   (SELECT count(*) FROM mine),"
        "   (SELECT count(DISTINCT m.entity) FROM mentions m JOIN entities e ON e.id = m.entity"
        "    WHERE m.article = s.id AND e.kind != 'place')"
        " FROM shared s ORDER BY s.k DESC, s.id LIMIT 5";
    sqlite3_stmt *st = NULL;
    long long story = 0;
    if (dossier_db_cached(&st, db, sql))
        return DOSSIER_EDB;
    sqlite3_bind_int64(st, 1, article);
    while (!story && sqlite3_step(st) == SQLITE_ROW) {
        double k = sqlite3_column_double(st, 1);
        double smaller = sqlite3_column_double(st, 2);
        if (sqlite3_column_double(st, 3) < smaller)
            smaller = sqlite3_column_double(st, 3);
        if (smaller >= 3 && k >= 2 && k / smaller >= STORY_OVERLAP)
            story = sqlite3_column_int64(st, 0);
    }
    sqlite3_reset(st);
    return story;
}

/* Sets the story of an article. */
static int set_story(dossier_db *db, long long article, long long story)
{
    sqlite3_stmt *st = NULL;
    int rc = dossier_db_cached(&st, db, "UPDATE articles SET story = ?2 WHERE id = ?1");
    if (rc)
        return rc;
    sqlite3_bind_int64(st, 1, article);
    sqlite3_bind_int64(st, 2, story);
    rc = sqlite3_step(st) == SQLITE_DONE ? DOSSIER_OK : dossier_db_sqlfail(db, "stories");
    sqlite3_reset(st);
    return rc;
}

/* See resolve.h.  The story first, so that clustering can use it. */
int dossier_resolve_article(dossier_db *db, long long article)
{
    long long story = story_by_entities(db, article);
    if (story < 0)
        return (int)story;
    int rc = set_story(db, article, story ? story : article);
    if (!rc)
        rc = dossier_cluster_article(db, article);
    if (rc || story)
        return rc;
    story = story_by_clusters(db, article);
    if (story < 0)
        return (int)story;
    return story ? set_story(db, article, story) : DOSSIER_OK;
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
