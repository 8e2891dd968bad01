/*
 * resolve.c — joins what articles say across articles and languages, by
 * evidence only: when unsure, nothing joins.
 *
 * Entities.  A gazetteer entity is one row whatever name the article used;
 * an entity found from text earlier becomes the gazetteer's when the
 * gazetteer names it later, if the kinds agree.  Other names join an
 * entity of the same kind that has the same folded name as an alias.
 * People are compared by their name's key: first name, surname and
 * generational suffix, with titles and initials left out ("Corwin J.
 * Halvard" is "Corwin Halvard"; "Corwin Halvard Jr." is not).  A full name also
 * joins the same first name with a surname that adds a last letter
 * ("Gagarine", "Gagarin"), never another first name or suffix.  A surname
 * alone joins a full name only within its article (extract/entities, where
 * the article shows which bearer it means); across articles it stays an
 * entity of its own, since which bearer it names would depend on what was
 * ingested before.  An organisation's
 * acronym of four letters or more ("NASDA", "N.A.S.D.A.") meets the one
 * organisation whose capitalised words have those initials; a shorter one
 * ("TBM": a network, a board) only the expansion an article pairs it
 * with.
 *
 * Stories.  An article joins the story of an earlier article when their
 * statements show it: links (cluster.c) from two speakers or more, or
 * three links or more, with the articles published within three days of
 * each other (or one of them undated); or when their texts are near
 * duplicates in one language (shingles.c: a syndicated copy, a light
 * rewrite).  Shared entities alone are not
 * evidence: a country, a party or a frequent person is in every story.
 * Stories joined through the new article become one (the smallest id).
 *
 * `dossier resolve` recomputes entities, clusters and stories from the
 * stored rows, article by article in id order, the order of ingest, so
 * that its result is that of ingesting the articles again: each article's
 * entities are rebuilt from the names its mentions write and resolved
 * against the entities of the articles before it.
 */
#include "store/resolve.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/cluster.h"
#include "store/corrections.h"
#include "store/shingles.h"
#include "base/util.h"

#define LONG_ACRONYM 4  /* letters an acronym needs to meet its expansion in another article ("TBM" is many things) */


/* ---- names ---- */

/* The words of a folded person name, titles and initials left out, and its suffix. */
typedef struct {
    char buf[256];
    const char *w[16];
    int n;
    const char *suffix;   /* "jr", "ii", ... or NULL */
    int cut;              /* ends in an initial ("Joseph R"): the surname is missing */
} person_name;

/* Non-zero when the lexicon has the word (folded here) in a list of any language. */
static int listed(const dossier_lexicon *lex, const char *key, const char *w)
{
    char *f = lex ? dossier_fold(w, strlen(w)) : NULL;
    int hit = f && dossier_lexicon_has(lex, NULL, key, f);
    free(f);
    return hit;
}

/*
 * Splits a person name into its key words: person prefixes ("mr",
 * "dr") and initials ("j.") dropped, a generational suffix kept apart.
 */
static void parse_person(person_name *p, const dossier_lexicon *lex, const char *folded)
{
    snprintf(p->buf, sizeof p->buf, "%s", folded);
    p->n = 0;
    p->suffix = NULL;
    p->cut = 0;
    char *save = NULL;
    for (char *t = strtok_r(p->buf, " ", &save); t && p->n < 16; t = strtok_r(NULL, " ", &save)) {
        size_t len = strlen(t);
        while (len && (t[len - 1] == '.' || t[len - 1] == ','))
            t[--len] = '\0';
        p->cut = len == 1 && p->n > 0;
        if (!len || (len == 1 && (unsigned char)t[0] < 0x80))
            continue; /* an initial */
        if (p->n == 0 && listed(lex, "entity.person_prefixes", t))
            continue;
        p->w[p->n++] = t;
    }
    if (p->n >= 3 && listed(lex, "entity.name_suffixes", p->w[p->n - 1]))
        p->suffix = p->w[--p->n];
}

/* The key of a parsed name: "first last" or "first last suffix"; "" when one word. */
static void person_key(char *out, size_t size, const person_name *p)
{
    if (p->n < 2)
        snprintf(out, size, "%s", p->n ? p->w[0] : "");
    else
        snprintf(out, size, "%s %s%s%s", p->w[0], p->w[p->n - 1], p->suffix ? " " : "",
                 p->suffix ? p->suffix : "");
}

/* Non-zero when a name is an acronym: two to eight capitals, with or without dots. */
static int is_acronym(const char *name, char *letters, size_t size)
{
    size_t n = 0;
    for (const char *s = name; *s; s++) {
        if (*s >= 'A' && *s <= 'Z') {
            if (n + 1 >= size)
                return 0;
            letters[n++] = (char)(*s + 32);
        } else if (*s != '.') {
            return 0;
        }
    }
    letters[n] = '\0';
    return n >= 2 && n <= 8;
}

/*
 * The initials of an organisation named by several words: the first letter
 * of each capitalised word ("Federal Bureau of Investigation": "fbi").
 * Empty when fewer than two words are capitalised or a word is not a plain
 * ASCII word.
 */
static void initials_of(char *out, size_t size, const char *name)
{
    size_t n = 0, words = 0;
    const char *s = name;
    out[0] = '\0';
    while (*s) {
        while (*s == ' ')
            s++;
        if (!*s)
            break;
        const char *e = s;
        while (*e && *e != ' ')
            e++;
        words++;
        if (*s >= 'A' && *s <= 'Z') {
            if (n + 1 >= size)
                return;
            out[n++] = (char)(*s + 32);
        } else if (!(*s >= 'a' && *s <= 'z')) {
            out[0] = '\0';
            return;
        }
        s = e;
    }
    out[n >= 2 && words >= 2 ? n : 0] = '\0';
}

/* See resolve.h. */
void dossier_resolve_first_name(char *out, size_t size, const dossier_lexicon *lex, const char *name)
{
    person_name p;
    char *f = dossier_fold(name, strlen(name));
    out[0] = '\0';
    if (!f)
        return;
    parse_person(&p, lex, f);
    free(f);
    if (p.n >= 2 && (unsigned char)p.w[0][0] < 0x80 && !listed(lex, "entity.name_particles", p.w[0]))
        snprintf(out, size, "%s", p.w[0]); /* "von der Leyen" has none */
}

/* ---- aliases ---- */

/* A name an entity is to go by: as written, and folded. */
typedef struct {
    const char *name, *folded;
} alias;

/* The names an entity is to go by, each folded form once; the strings are in its own arena, or
 * in the arena the lists of a doc share (dossier_doc_names). */
typedef struct {
    VEC(alias) v;
    dossier_arena own;      /* the strings, when `shared` is NULL */
    dossier_arena *shared;  /* else the arena of a doc's lists, which their owner frees */
    dbuf fold;
} alias_list;

/* The arena a list's strings go to. */
static dossier_arena *arena_of(alias_list *l)
{
    return l->shared ? l->shared : &l->own;
}

/*
 * Adds a name to the list (a copy of it when `copy`): of the spellings
 * that fold alike ("China's", "China’s") the list keeps the smallest,
 * where the first came, as the row ends up after one upsert for each.
 */
static int alias_add(alias_list *l, const char *name, int copy)
{
    const char *f = dossier_fold_into(&l->fold, name, strlen(name));
    if (!f)
        return DOSSIER_ENOMEM;
    for (size_t i = 0; i < l->v.n; i++)
        if (strcmp(l->v.v[i].folded, f) == 0) {
            if (strcmp(name, l->v.v[i].name) < 0 && !(l->v.v[i].name = copy ? dossier_arena_strndup(arena_of(l), name, strlen(name)) : name))
                return DOSSIER_ENOMEM;
            return DOSSIER_OK;
        }
    alias a = {copy ? dossier_arena_strndup(arena_of(l), name, strlen(name)) : name,
               dossier_arena_strndup(arena_of(l), f, strlen(f))};
    return !a.name || !a.folded || VEC_PUSH(&l->v, a) ? DOSSIER_ENOMEM : DOSSIER_OK;
}

/* Frees the list and its strings (those of a shared arena are its owner's to free). */
static void alias_list_free(alias_list *l)
{
    VEC_FREE(&l->v);
    dossier_arena_free(&l->own);
    dossier_buf_free(&l->fold);
}

/*
 * Lists the entity's names (and the gazetteer's) to record as aliases:
 * for a person found from text also its key ("Corwin J. Halvard" goes by
 * "corwin halvard") and its surname, for an acronym also its letters
 * alone.
 */
static int list_aliases(alias_list *l, const dossier_lexicon *lex, const dossier_entity *e)
{
    char key[256];
    int rc = alias_add(l, e->name, 0);
    for (size_t i = 0; !rc && i < e->aliases.n; i++) {
        if (e->kind != DOSSIER_KIND_PERSON || strchr(e->aliases.v[i], ' ') || !strchr(e->name, ' '))
            rc = alias_add(l, e->aliases.v[i], 0);
        if (!rc && is_acronym(e->aliases.v[i], key, sizeof key))
            rc = alias_add(l, key, 1);
    }
    for (size_t i = 0; !rc && e->gaz && i < e->gaz->nnames; i++)
        rc = alias_add(l, e->gaz->names[i]->text, 0);
    if (!rc && e->kind == DOSSIER_KIND_PERSON && !e->gaz) {
        person_name p;
        parse_person(&p, lex, e->name);
        person_key(key, sizeof key, &p);
        if (p.n >= 2)
            rc = alias_add(l, key, 1);
        if (!rc && p.n >= 2 && strlen(p.w[p.n - 1]) >= 3)
            rc = alias_add(l, p.w[p.n - 1], 1);
    }
    if (!rc && is_acronym(e->name, key, sizeof key))
        rc = alias_add(l, key, 1);
    return rc;
}

/*
 * The alias lists of a doc's entities (list_aliases), one per entity,
 * worked out outside the writer.  Their strings share one arena: a doc
 * waits in the ingest ring with its lists, and an arena block of its own
 * for each entity took some ten megabytes with two analysing threads.
 */
struct dossier_doc_names {
    alias_list *lists;
    size_t n;
    dossier_arena arena;
};

/* See resolve.h. */
int dossier_resolve_doc_names(dossier_doc_names **out, const dossier_lexicon *lex, const dossier_doc *d)
{
    dossier_doc_names *names = calloc(1, sizeof *names);
    int rc = names && (names->lists = calloc(d->entities.n + 1, sizeof *names->lists)) ? DOSSIER_OK : DOSSIER_ENOMEM;
    if (!rc)
        names->n = d->entities.n;
    for (size_t i = 0; !rc && i < d->entities.n; i++) {
        names->lists[i].shared = &names->arena;
        rc = list_aliases(&names->lists[i], lex, &d->entities.v[i]);
        dossier_buf_free(&names->lists[i].fold); /* scratch, done with */
    }
    if (rc) {
        dossier_resolve_doc_names_free(names);
        names = NULL;
    }
    *out = names;
    return rc;
}

/* See resolve.h. */
void dossier_resolve_doc_names_free(dossier_doc_names *names)
{
    if (!names)
        return;
    for (size_t i = 0; names->lists && i < names->n; i++)
        alias_list_free(&names->lists[i]);
    free(names->lists);
    dossier_arena_free(&names->arena);
    free(names);
}

/* ---- names waiting to be written ---- */

/* One upsert of aliases waiting: a name of `entity` not recorded yet, or smaller than the one recorded. */
typedef struct {
    long long entity;
    const char *name, *folded;    /* in the batch's arena */
} waiting_name;

/*
 * The aliases of an article's entities, written in one multi-row upsert
 * once they are all resolved (dossier_resolve_names_begin/end) instead of
 * one upsert each: each of those cost a statement journal and the start
 * of the aliases trigger.  They are written in the order the upserts
 * were made, so the rows and their rowids are the same; a look-up that
 * could meet one of them writes them all first (names_meet), so every
 * look-up reads what it read before.
 */
struct dossier_name_batch {
    VEC(waiting_name) v;
    dossier_arena arena;
    const dossier_doc_names *pre; /* the alias lists of the doc's entities, or NULL */
};

/* Writes the waiting names, in order, and empties the batch; DOSSIER_OK or DOSSIER_EDB. */
static int names_write(dossier_db *db)
{
    struct dossier_name_batch *b = db->names;
    sqlite3_stmt *st = NULL;
    int rc = DOSSIER_OK;
    for (size_t i = 0; !rc && i < b->v.n; i += DOSSIER_DB_ROWS) {
        rc = dossier_db_cached(&st, db, DOSSIER_DB_MULTI_ROW("INSERT INTO aliases(entity, name, folded)", "(?,?,?)")
                                        " ON CONFLICT(entity, folded) DO UPDATE SET name = excluded.name"
                                        " WHERE excluded.name < name");
        for (size_t k = 0; !rc && k < DOSSIER_DB_ROWS && i + k < b->v.n; k++) {
            const waiting_name *w = &b->v.v[i + k];
            sqlite3_bind_int64(st, (int)(3 * k + 1), w->entity);
            sqlite3_bind_text(st, (int)(3 * k + 2), w->name, -1, SQLITE_STATIC);
            sqlite3_bind_text(st, (int)(3 * k + 3), w->folded, -1, SQLITE_STATIC);
        }
        if (!rc && sqlite3_step(st) != SQLITE_DONE)
            rc = dossier_db_sqlfail(db, "aliases");
        if (st)
            sqlite3_reset(st);
    }
    b->v.n = 0;
    dossier_arena_free(&b->arena);
    return rc;
}

/*
 * Before a look-up of aliases whose folded form lies in [lo, hi) (hi NULL:
 * equal to lo): writes the waiting names when one of them does.
 */
static int names_meet(dossier_db *db, const char *lo, const char *hi)
{
    if (!db->names)
        return DOSSIER_OK;
    for (size_t i = 0; i < db->names->v.n; i++) {
        const char *f = db->names->v.v[i].folded;
        if (hi ? strcmp(f, lo) >= 0 && strcmp(f, hi) < 0 : strcmp(f, lo) == 0)
            return names_write(db);
    }
    return DOSSIER_OK;
}

/* See resolve.h. */
int dossier_resolve_names_begin(dossier_db *db, const dossier_doc_names *pre)
{
    if (!db->names && !(db->names = calloc(1, sizeof *db->names)))
        return dossier_db_fail(db, DOSSIER_ENOMEM, "out of memory");
    db->names->pre = pre;
    return DOSSIER_OK;
}

/* See resolve.h. */
int dossier_resolve_names_end(dossier_db *db, int write)
{
    int rc = db->names && write ? names_write(db) : DOSSIER_OK;
    if (db->names) {
        VEC_FREE(&db->names->v);
        dossier_arena_free(&db->names->arena);
        free(db->names);
        db->names = NULL;
    }
    return rc;
}

/*
 * Queues the upsert of a name of `entity` (strings copied): over one
 * queued for the same folded form, the smaller name, as a second upsert
 * would leave it.
 */
static int names_queue(dossier_db *db, long long entity, const char *name, const char *folded)
{
    struct dossier_name_batch *b = db->names;
    for (size_t i = 0; i < b->v.n; i++)
        if (b->v.v[i].entity == entity && strcmp(b->v.v[i].folded, folded) == 0) {
            if (strcmp(name, b->v.v[i].name) < 0 &&
                !(b->v.v[i].name = dossier_arena_strndup(&b->arena, name, strlen(name))))
                return dossier_db_fail(db, DOSSIER_ENOMEM, "out of memory");
            return DOSSIER_OK;
        }
    waiting_name w = {entity, dossier_arena_strndup(&b->arena, name, strlen(name)),
                      dossier_arena_strndup(&b->arena, folded, strlen(folded))};
    if (!w.name || !w.folded || VEC_PUSH(&b->v, w))
        return dossier_db_fail(db, DOSSIER_ENOMEM, "out of memory");
    return DOSSIER_OK;
}

/*
 * Records the entity's names (list_aliases) as aliases of `id`, one
 * upsert for each folded form that changes something: a name not
 * recorded yet, or recorded under a greater spelling.  The names a
 * `fresh` entity (inserted just now) has are none, those of another are
 * read once first: an upsert that writes nothing still costs a statement
 * journal, and most names of a known entity are recorded already.
 */
static int add_aliases(dossier_db *db, long long id, const dossier_entity *e, int fresh, const alias_list *pre)
{
    sqlite3_stmt *st = NULL, *has = NULL;
    alias_list own = {0};
    const alias_list *l = pre ? pre : &own;
    VEC(const char *) had = {0}; /* folded, name, folded, name, ... of the names it has */
    dossier_arena keep = {0};
    int rc = dossier_db_cached(&st, db, "INSERT INTO aliases(entity, name, folded) VALUES (?1, ?2, ?3)"
                                        " ON CONFLICT(entity, folded) DO UPDATE SET name = excluded.name"
                                        " WHERE excluded.name < name");
    if (!rc && !pre && list_aliases(&own, db->lex, e))
        rc = dossier_db_fail(db, DOSSIER_ENOMEM, "out of memory");
    if (!rc && !fresh)
        rc = dossier_db_cached(&has, db, "SELECT folded, name FROM aliases WHERE entity = ?1");
    if (!rc && !fresh) {
        sqlite3_bind_int64(has, 1, id);
        int step = SQLITE_DONE;
        while (!rc && (step = sqlite3_step(has)) == SQLITE_ROW) {
            const char *f = dossier_arena_strndup(&keep, (const char *)sqlite3_column_text(has, 0),
                                                  (size_t)sqlite3_column_bytes(has, 0));
            const char *n = dossier_arena_strndup(&keep, (const char *)sqlite3_column_text(has, 1),
                                                  (size_t)sqlite3_column_bytes(has, 1));
            if (!f || !n || VEC_PUSH(&had, f) || VEC_PUSH(&had, n))
                rc = dossier_db_fail(db, DOSSIER_ENOMEM, "out of memory");
        }
        if (!rc && step != SQLITE_DONE)
            rc = dossier_db_sqlfail(db, "aliases");
        sqlite3_reset(has);
    }
    for (size_t i = 0; !rc && !fresh && db->names && i < db->names->v.n; i++) {
        const waiting_name *w = &db->names->v.v[i]; /* recorded too, once written; no greater than a row it updates */
        if (w->entity == id && (VEC_PUSH(&had, w->folded) || VEC_PUSH(&had, w->name)))
            rc = dossier_db_fail(db, DOSSIER_ENOMEM, "out of memory");
    }
    for (size_t i = 0; !rc && i < l->v.n; i++) {
        const char *name = l->v.v[i].name, *folded = l->v.v[i].folded;
        int recorded = 0; /* under a spelling no greater: the upsert would write nothing */
        for (size_t k = 0; !recorded && k < had.n; k += 2)
            recorded = strcmp(had.v[k], folded) == 0 && strcmp(name, had.v[k + 1]) >= 0;
        if (recorded)
            continue;
        if (db->names) {
            rc = names_queue(db, id, name, folded);
            continue;
        }
        sqlite3_bind_int64(st, 1, id);
        sqlite3_bind_text(st, 2, l->v.v[i].name, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 3, l->v.v[i].folded, -1, SQLITE_STATIC);
        rc = sqlite3_step(st) == SQLITE_DONE ? DOSSIER_OK : dossier_db_sqlfail(db, "aliases");
        sqlite3_reset(st);
    }
    VEC_FREE(&had);
    dossier_arena_free(&keep);
    alias_list_free(&own);
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
    int rc = names_meet(db, f, NULL);
    if (rc) {
        free(f);
        return rc;
    }
    /* the gazetteer's first, then the oldest: picked here from the few rows, without a sorter */
    if (dossier_db_cached(&st, db,
            "SELECT e.id, e.known FROM aliases a JOIN entities e ON e.id = a.entity"
            " WHERE a.folded = ?1 AND e.kind = ?2 AND e.known <= ?3")) {
        free(f);
        return DOSSIER_EDB;
    }
    sqlite3_bind_text(st, 1, f, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, dossier_kind_name(kind), -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 3, unknown_only ? 0 : 1);
    long long known = -1;
    while (sqlite3_step(st) == SQLITE_ROW) {
        long long e = sqlite3_column_int64(st, 0), k = sqlite3_column_int64(st, 1);
        if (k > known || (k == known && e < id)) {
            id = e;
            known = k;
        }
    }
    sqlite3_reset(st);
    free(f);
    return id;
}

/*
 * The id of an entity of the same kind with one of these names as alias
 * (an acronym also by its letters alone: "F.B.I." finds "FBI"), or 0.
 */
static long long find_by_alias(dossier_db *db, const dossier_entity *e)
{
    char letters[16];
    long long id = 0;
    for (size_t i = 0; id == 0 && i <= e->aliases.n; i++)
        id = alias_lookup(db, i == 0 ? e->name : e->aliases.v[i - 1], e->kind, 0);
    if (id == 0 && is_acronym(e->name, letters, sizeof letters))
        id = alias_lookup(db, letters, e->kind, 0);
    return id;
}

/* Renames entity `id` (and, with `known`, makes it the gazetteer's). */
static int rename_entity(dossier_db *db, long long id, const char *name, int known)
{
    sqlite3_stmt *st = NULL;
    if (dossier_db_cached(&st, db, "UPDATE entities SET name = ?2, known = max(known, ?3) WHERE id = ?1"))
        return DOSSIER_EDB;
    sqlite3_bind_int64(st, 1, id);
    sqlite3_bind_text(st, 2, name, -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 3, known);
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? DOSSIER_OK : dossier_db_sqlfail(db, "entities");
}

/*
 * For a gazetteer entity not stored yet: an entity of the same kind found
 * from text in an earlier article under one of its names, which it then
 * becomes (known, with the gazetteer's name).  0 when none.
 */
static long long adopt_found(dossier_db *db, const dossier_entity *e)
{
    long long id = 0;
    for (size_t i = 0; id == 0 && i < e->gaz->nnames; i++)
        if (e->kind != DOSSIER_KIND_PERSON || strchr(e->gaz->names[i]->text, ' '))
            id = alias_lookup(db, e->gaz->names[i]->text, e->kind, 1);
    if (id <= 0)
        return id;
    int rc = rename_entity(db, id, e->gaz->name, 1);
    return rc ? rc : id;
}

/* ---- people ---- */

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

/* Non-zero when one word is the other plus one last letter. */
static int adds_last_letter(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la + 1 == lb)
        return strncmp(a, b, la) == 0 && (unsigned char)b[la] < 0x80;
    if (lb + 1 == la)
        return strncmp(a, b, lb) == 0 && (unsigned char)a[lb] < 0x80;
    return 0;
}

/* See resolve.h. */
int dossier_resolve_first_names_differ(const char *a, const char *b)
{
    return strcmp(a, b) != 0 && distance(a, b) > 2;
}

/*
 * The person entity named by the one word `w` alone (a surname or a single
 * name, never a full name that carries it), or 0.  A lone surname is not
 * evidence of which of its bearers it names, so it joins only its kind.
 */
static long long lone_name(dossier_db *db, const char *w)
{
    sqlite3_stmt *st = NULL;
    long long id = 0;
    int rc = names_meet(db, w, NULL);
    if (rc)
        return rc;
    if (dossier_db_cached(&st, db,
            "SELECT e.id FROM aliases a JOIN entities e ON e.id = a.entity"
            " WHERE a.folded = ?1 AND e.kind = 'person' AND instr(e.name, ' ') = 0"))
        return DOSSIER_EDB;
    sqlite3_bind_text(st, 1, w, -1, SQLITE_STATIC);
    while (sqlite3_step(st) == SQLITE_ROW) /* the oldest, picked here without a sorter */
        if (id == 0 || sqlite3_column_int64(st, 0) < id)
            id = sqlite3_column_int64(st, 0);
    sqlite3_reset(st);
    return id;
}

/* Non-zero when alias `f` (folded) is a spelling of the parsed full name `p` that adds a last letter to its surname. */
static int variant_of(const dossier_lexicon *lex, const person_name *p, const char *f)
{
    person_name q;
    parse_person(&q, lex, f);
    if (q.n < 2 || strcmp(q.w[0], p->w[0]) != 0 ||
        (q.suffix ? !p->suffix || strcmp(q.suffix, p->suffix) : p->suffix != NULL))
        return 0;
    return adds_last_letter(q.w[q.n - 1], p->w[p->n - 1]);
}

/*
 * A person entity that the parsed full name `p` spells differently: the
 * same first name and suffix, and a surname that only adds a last letter
 * ("Gagarin", "Gagarine": transliterations into French).  A letter changed
 * or added inside is another name ("Johnson", "Johnston").  0 when none.
 * Of the first VARIANTS names "first ..." of people (by entity id), the
 * first that is one.  When there are no more than that, they are read
 * unsorted and the smallest id that is one kept, which is the same entity;
 * only past that are they read sorted.
 */
#define VARIANTS 50
static long long find_person_variant(dossier_db *db, const dossier_lexicon *lex, const person_name *p)
{
    const char *first = p->w[0], *last = p->w[p->n - 1];
    sqlite3_stmt *st = NULL;
    long long id = 0;
    if (strlen(last) < 4)
        return 0;
    char lower[128], upper[128];
    snprintf(lower, sizeof lower, "%s ", first);  /* "first " */
    snprintf(upper, sizeof upper, "%s!", first);  /* "first!": just past every "first ..." */
    int rc = names_meet(db, lower, upper);
    if (rc)
        return rc;
    if (dossier_db_cached(&st, db,
            "SELECT e.id, a.folded FROM aliases a JOIN entities e ON e.id = a.entity"
            " WHERE e.kind = 'person' AND a.folded >= ?1 AND a.folded < ?2"))
        return DOSSIER_EDB;
    sqlite3_bind_text(st, 1, lower, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, upper, -1, SQLITE_STATIC);
    int rows = 0;
    while (rows <= VARIANTS && sqlite3_step(st) == SQLITE_ROW) {
        const char *f = (const char *)sqlite3_column_text(st, 1);
        long long e = sqlite3_column_int64(st, 0);
        rows++;
        if (f && (id == 0 || e < id) && variant_of(lex, p, f))
            id = e;
    }
    sqlite3_reset(st);
    if (rows <= VARIANTS)
        return id;
    id = 0;
    if (dossier_db_cached(&st, db,
            "SELECT e.id, a.folded FROM aliases a JOIN entities e ON e.id = a.entity"
            " WHERE e.kind = 'person' AND a.folded >= ?1 AND a.folded < ?2 ORDER BY e.id LIMIT 50"))
        return DOSSIER_EDB;
    sqlite3_bind_text(st, 1, lower, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, upper, -1, SQLITE_STATIC);
    while (id == 0 && sqlite3_step(st) == SQLITE_ROW) {
        const char *f = (const char *)sqlite3_column_text(st, 1);
        if (f && variant_of(lex, p, f))
            id = sqlite3_column_int64(st, 0);
    }
    sqlite3_reset(st);
    return id;
}

/*
 * For a person found from text: the entity its name belongs to, or 0.  A
 * full name joins the same key (or a transliteration of it); a surname
 * alone joins only the entity named by it alone, whatever came before, so
 * that the order of ingest changes nothing.
 */
static long long find_person(dossier_db *db, const dossier_entity *ent)
{
    char key[256];
    long long id;
    char *f = dossier_fold(ent->name, strlen(ent->name));
    if (!f)
        return dossier_db_fail(db, DOSSIER_ENOMEM, "out of memory");
    person_name p;
    parse_person(&p, db->lex, f);
    free(f);
    if (p.n == 0 || (p.n == 1 && p.cut)) /* "Joseph R": a first name, its surname cut off */
        return alias_lookup(db, ent->name, DOSSIER_KIND_PERSON, 0);
    if (p.n == 1) /* a surname (or a single name) alone */
        return lone_name(db, p.w[0]);
    person_key(key, sizeof key, &p);
    id = alias_lookup(db, key, DOSSIER_KIND_PERSON, 0);
    return id ? id : find_person_variant(db, db->lex, &p);
}

/* ---- organisations ---- */

/*
 * For an organisation found from text: the one organisation whose initials
 * are this acronym, or whose acronym these words' initials are.  0 when
 * none or several.
 */
static long long find_by_initials(dossier_db *db, const dossier_entity *ent, char *initials, size_t size)
{
    char letters[16];
    sqlite3_stmt *st = NULL;
    long long id = 0;
    int n = 0;
    initials[0] = '\0';
    if (is_acronym(ent->name, letters, sizeof letters)) {
        if (strlen(letters) < LONG_ACRONYM)
            return 0;
        if (dossier_db_cached(&st, db, "SELECT id FROM entities WHERE initials = ?1 AND kind = 'organization' LIMIT 2"))
            return DOSSIER_EDB;
        sqlite3_bind_text(st, 1, letters, -1, SQLITE_STATIC);
    } else {
        initials_of(initials, size, ent->name);
        if (strlen(initials) < LONG_ACRONYM)
            return 0;
        int rc = names_meet(db, initials, NULL);
        if (rc)
            return rc;
        if (dossier_db_cached(&st, db,
                "SELECT DISTINCT e.id FROM aliases a JOIN entities e ON e.id = a.entity"
                " WHERE a.folded = ?1 AND e.kind = 'organization' AND e.initials IS NULL LIMIT 2"))
            return DOSSIER_EDB;
        sqlite3_bind_text(st, 1, initials, -1, SQLITE_STATIC);
    }
    while (sqlite3_step(st) == SQLITE_ROW) {
        id = sqlite3_column_int64(st, 0);
        n++;
    }
    sqlite3_reset(st);
    return n == 1 ? id : 0;
}

/* ---- entities ---- */

/* Records the initials of an organisation's full name, unless it has some already. */
static int set_initials(dossier_db *db, long long id, const char *initials)
{
    sqlite3_stmt *st = NULL;
    if (dossier_db_cached(&st, db, "UPDATE entities SET initials = ?2 WHERE id = ?1 AND initials IS NULL"))
        return DOSSIER_EDB;
    sqlite3_bind_int64(st, 1, id);
    sqlite3_bind_text(st, 2, initials, -1, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? DOSSIER_OK : dossier_db_sqlfail(db, "entities");
}

/* The number of words of a name. */
static int word_count(const char *s)
{
    int n = 0;
    for (int in = 0; *s; s++) {
        if (*s != ' ' && !in)
            n++;
        in = *s != ' ';
    }
    return n;
}

/*
 * The capitals of a name that follow a capital, in words of six letters or
 * more: "DAniela", "MORROW" have some; "McAllister", "FactLine" and an
 * acronym ("NATO") none.
 */
static int shouted_capitals(const char *s)
{
    int n = 0;
    while (*s) {
        while (*s == ' ')
            s++;
        const char *e = s;
        while (*e && *e != ' ')
            e++;
        int here = 0;
        for (const char *c = s + 1; c < e; c++)
            here += *c >= 'A' && *c <= 'Z' && c[-1] >= 'A' && c[-1] <= 'Z';
        n += e - s >= 6 ? here : 0;
        s = e;
    }
    return n;
}

/*
 * Negative when name a is the better of two names of one entity, whatever
 * order they came in: the fullest (most words), then the one written in
 * ordinary capitals (not "DAniela Voss", not a transcript's "MORROW"),
 * then the first in byte order.
 */
static int better_name(const char *a, const char *b)
{
    int wa = word_count(a), wb = word_count(b);
    if (wa != wb)
        return wa > wb ? -1 : 1;
    int ca = shouted_capitals(a), cb = shouted_capitals(b);
    if (ca != cb)
        return ca < cb ? -1 : 1;
    return strcmp(a, b);
}

/*
 * Gives an entity found from text the name it is best known by, whatever
 * order its names came in (better_name).  Gazetteer entities keep the
 * gazetteer's name.
 */
static int prefer_name(dossier_db *db, long long id, const char *name)
{
    sqlite3_stmt *st = NULL;
    int rename = 0;
    if (dossier_db_cached(&st, db, "SELECT name FROM entities WHERE id = ?1 AND known = 0"))
        return DOSSIER_EDB;
    sqlite3_bind_int64(st, 1, id);
    if (sqlite3_step(st) == SQLITE_ROW) {
        const char *cur = (const char *)sqlite3_column_text(st, 0);
        rename = cur && better_name(name, cur) < 0;
    }
    sqlite3_reset(st);
    return rename ? rename_entity(db, id, name, 0) : DOSSIER_OK;
}

/* See resolve.h. */
int dossier_resolve_entity(long long *out, dossier_db *db, const dossier_doc *d, int e)
{
    const dossier_entity *ent = &d->entities.v[e];
    char initials[16] = "";
    long long id;
    int fresh = 0;
    dossier_lexicon *lex = NULL;
    int lrc = dossier_db_lexicon(&lex, db);
    if (lrc)
        return lrc;
    if (ent->gaz) {
        id = find_known(db, ent);
        if (id == 0)
            id = adopt_found(db, ent);
    } else if (ent->kind == DOSSIER_KIND_PERSON) {
        id = find_person(db, ent);
    } else {
        id = find_by_alias(db, ent);
        if (id == 0 && ent->kind == DOSSIER_KIND_ORGANIZATION)
            id = find_by_initials(db, ent, initials, sizeof initials);
    }
    if (id < 0)
        return (int)id;
    if (id == 0) {
        /* OR IGNORE: no statement journal (schema/027_entity_trigger.sql); no value is NULL, and the
         * kind is checked here, as the schema's CHECK would have (ingest.c turns those off) */
        sqlite3_stmt *st = NULL;
        if (ent->kind < DOSSIER_KIND_PERSON || ent->kind > DOSSIER_KIND_PLACE)
            return dossier_db_fail(db, DOSSIER_EDB, "entities: no kind %d", ent->kind);
        int rc = dossier_db_cached(&st, db, "INSERT OR IGNORE INTO entities(kind, name, known, initials)"
                                            " VALUES (?1, ?2, ?3, ?4)");
        if (rc)
            return rc;
        sqlite3_bind_text(st, 1, dossier_kind_name(ent->kind), -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, ent->name, -1, SQLITE_STATIC);
        sqlite3_bind_int(st, 3, ent->gaz != NULL);
        if (ent->kind == DOSSIER_KIND_ORGANIZATION && !ent->gaz)
            initials_of(initials, sizeof initials, ent->name);
        if (initials[0])
            sqlite3_bind_text(st, 4, initials, -1, SQLITE_STATIC);
        rc = sqlite3_step(st) == SQLITE_DONE ? DOSSIER_OK : dossier_db_sqlfail(db, "entities");
        if (!rc && sqlite3_changes(db->sql) != 1)
            rc = dossier_db_fail(db, DOSSIER_EDB, "entities: %s not stored", ent->name);
        sqlite3_reset(st);
        if (rc)
            return rc;
        id = sqlite3_last_insert_rowid(db->sql);
        fresh = 1;
    } else if (!ent->gaz) {
        int rc = prefer_name(db, id, ent->name);
        if (ent->kind == DOSSIER_KIND_ORGANIZATION && !initials[0])
            initials_of(initials, sizeof initials, ent->name);
        if (!rc && initials[0]) /* the entity has its full name now: no other full name joins it by initials */
            rc = set_initials(db, id, initials);
        if (rc)
            return rc;
    }
    *out = id;
    const dossier_doc_names *pre = db->names ? db->names->pre : NULL;
    return add_aliases(db, id, ent, fresh, pre && (size_t)e < pre->n ? &pre->lists[e] : NULL);
}

/* ---- stories ---- */

/* What the links say of one earlier article. */
typedef struct {
    long long article;
    int links;
    long long speakers[2];
    int nspeakers;
} evidence;

/* Sets the story of every article of story `from` (or of article `from`, when it has none) to `to`. */
static int move_story(dossier_db *db, long long from, long long to)
{
    sqlite3_stmt *st = NULL;
    int rc = dossier_db_cached(&st, db,
        "UPDATE articles SET story = ?2 WHERE story = ?1 OR (id = ?1 AND story IS NULL)");
    if (rc)
        return rc;
    sqlite3_bind_int64(st, 1, from);
    sqlite3_bind_int64(st, 2, to);
    rc = sqlite3_step(st) == SQLITE_DONE ? DOSSIER_OK : dossier_db_sqlfail(db, "stories");
    sqlite3_reset(st);
    return rc;
}

/* Notes the story of `other` in *joined and keeps the smallest story in *story. */
static int add_story(dossier_ids *joined, long long *story, dossier_db *db, long long other)
{
    long long s = dossier_cluster_story_of(db, other);
    if (s < 0)
        return (int)s;
    if (VEC_PUSH(joined, s))
        return DOSSIER_ENOMEM;
    if (s < *story)
        *story = s;
    return DOSSIER_OK;
}

/*
 * Puts the article in a story: its own, joined with the story of every
 * earlier article its links show it reports.  Sets *out to the story.
 * `placed`: the article's row is stored in its own story already (its id),
 * and is rewritten only to join another.
 */
static int join_stories(long long *out, dossier_db *db, long long article, const dossier_links *links,
                        const dossier_shingles_sig *sig, int placed)
{
    VEC(evidence) ev = {0};
    VEC(long long) seen = {0}; /* (mine, other article) pairs counted once */
    int rc = DOSSIER_OK;
    for (size_t i = 0; !rc && i < links->n; i++) {
        const dossier_link *l = &links->v[i];
        if (l->other_article == article || !l->near)
            continue;
        int dup = 0;
        for (size_t k = 0; k + 1 < seen.n; k += 2)
            dup |= seen.v[k] == l->mine && seen.v[k + 1] == l->other_article;
        if (dup)
            continue;
        if (VEC_PUSH(&seen, l->mine) || VEC_PUSH(&seen, l->other_article)) {
            rc = DOSSIER_ENOMEM;
            break;
        }
        size_t k = 0;
        while (k < ev.n && ev.v[k].article != l->other_article)
            k++;
        if (k == ev.n && VEC_PUSH(&ev, ((evidence){l->other_article, 0, {0, 0}, 0}))) {
            rc = DOSSIER_ENOMEM;
            break;
        }
        evidence *e = &ev.v[k];
        e->links++;
        if (e->nspeakers < 2 && (e->nspeakers == 0 || e->speakers[0] != l->speaker))
            e->speakers[e->nspeakers++] = l->speaker;
    }
    long long story = article;
    dossier_ids joined = {0}, copies = {0};
    for (size_t k = 0; !rc && k < ev.n; k++)
        if (ev.v[k].nspeakers >= 2 || ev.v[k].links >= 3)
            rc = add_story(&joined, &story, db, ev.v[k].article);
    if (!rc) /* near-duplicate texts: one story whatever their statements */
        rc = dossier_shingles_near(&copies, db, article, sig);
    for (size_t k = 0; !rc && k < copies.n; k++)
        rc = add_story(&joined, &story, db, copies.v[k]);
    VEC_FREE(&copies);
    if (!rc && !(placed && story == article)) /* a row stored in its own story stays: no rewrite of the article */
        rc = move_story(db, article, story);
    for (size_t k = 0; !rc && k < joined.n; k++)
        if (joined.v[k] != story)
            rc = move_story(db, joined.v[k], story);
    VEC_FREE(&ev);
    VEC_FREE(&seen);
    VEC_FREE(&joined);
    *out = story;
    return rc == DOSSIER_ENOMEM ? dossier_db_fail(db, rc, "out of memory") : rc;
}

/* See resolve.h.  Links first, then the story they show, then clusters. */
int dossier_resolve_article(dossier_db *db, long long article, const dossier_shingles_sig *sig)
{
    dossier_links links = {0};
    long long story = article;
    int rc = dossier_cluster_links(&links, db, article);
    if (!rc)
        rc = join_stories(&story, db, article, &links, sig, 0);
    if (!rc)
        rc = dossier_cluster_apply(db, article, story, &links);
    VEC_FREE(&links);
    return rc;
}

/* See resolve.h.  As dossier_resolve_article, from the doc's statements before they are stored. */
int dossier_resolve_doc(dossier_cluster_plan **out, dossier_db *db, long long article, const dossier_doc *d,
                        const long long *stmt_ids, const long long *ids, const dossier_shingles_sig *sig)
{
    dossier_links links = {0};
    long long story = article;
    *out = NULL;
    int rc = dossier_cluster_links_doc(&links, db, article, d, stmt_ids, ids);
    if (!rc)
        rc = join_stories(&story, db, article, &links, sig, 1);
    if (!rc)
        rc = dossier_cluster_plan_make(out, db, article, story, &links);
    VEC_FREE(&links);
    return rc;
}

/* ---- resolving everything again ---- */

/*
 * While `dossier resolve` works, every reference to an entity of before
 * is moved this far up, out of the way of the entities made anew (which
 * start again at 1); each article's references come back down as its
 * entities are resolved.  Foreign keys are checked at commit, when none is
 * left up there.
 */
#define SHIFT "1099511627776"

/* Runs a statement with up to three integer parameters. */
static int run3(dossier_db *db, const char *sql, long long a, long long b, long long c)
{
    sqlite3_stmt *st = NULL;
    int rc = dossier_db_cached(&st, db, sql);
    if (rc)
        return rc;
    sqlite3_bind_int64(st, 1, a);
    sqlite3_bind_int64(st, 2, b);
    sqlite3_bind_int64(st, 3, c);
    rc = sqlite3_step(st) == SQLITE_DONE ? DOSSIER_OK : dossier_db_sqlfail(db, "resolving again");
    sqlite3_reset(st);
    return rc;
}

/* Points the references of article `art` to old entity `old` at entity `id`. */
static int remap(dossier_db *db, long long art, long long old, long long id)
{
    static const char *const sql[] = {
        "UPDATE mentions SET entity = ?3 WHERE article = ?1 AND entity = ?2 + " SHIFT,
        "UPDATE roles SET person = ?3 WHERE article = ?1 AND person = ?2 + " SHIFT,
        "UPDATE roles SET organization = ?3 WHERE article = ?1 AND organization = ?2 + " SHIFT,
        "UPDATE statements SET speaker = ?3 WHERE article = ?1 AND speaker = ?2 + " SHIFT,
        "UPDATE OR IGNORE statement_topics SET entity = ?3 WHERE entity = ?2 + " SHIFT
        " AND statement IN (SELECT id FROM statements WHERE article = ?1)",
        "DELETE FROM statement_topics WHERE entity = ?2 + " SHIFT
        " AND statement IN (SELECT id FROM statements WHERE article = ?1)",
        "UPDATE OR IGNORE event_participants SET entity = ?3 WHERE entity = ?2 + " SHIFT
        " AND event IN (SELECT id FROM events WHERE article = ?1)",
        "DELETE FROM event_participants WHERE entity = ?2 + " SHIFT
        " AND event IN (SELECT id FROM events WHERE article = ?1)",
    };
    int rc = DOSSIER_OK;
    for (size_t i = 0; !rc && i < sizeof sql / sizeof *sql; i++)
        rc = run3(db, sql[i], art, old, id);
    return rc;
}

/* 1 when `name` folds like a name entity `old` went by before, 0 when not, or a negative code. */
static int was_alias(dossier_db *db, long long old, const char *name)
{
    sqlite3_stmt *st = NULL;
    char *f = dossier_fold(name ? name : "", name ? strlen(name) : 0);
    if (!f)
        return dossier_db_fail(db, DOSSIER_ENOMEM, "out of memory");
    int rc = dossier_db_cached(&st, db, "SELECT 1 FROM resolve_old_aliases WHERE entity = ?1 AND folded = ?2");
    if (!rc) {
        sqlite3_bind_int64(st, 1, old);
        sqlite3_bind_text(st, 2, f, -1, SQLITE_STATIC);
        rc = sqlite3_step(st) == SQLITE_ROW;
        sqlite3_reset(st);
    }
    free(f);
    return rc;
}

/*
 * Adds to the doc the entity of before `old` as article `art` names it:
 * its fullest name written there (else its name of before), its other
 * names written there as aliases (those it went by before: not every
 * mention's words are a name), its kind, and its gazetteer entry when it
 * was a known one.  Returns the doc entity index or a negative code.
 */
static int doc_entity_again(dossier_doc *d, dossier_db *db, long long art, long long old)
{
    sqlite3_stmt *who = NULL, *names = NULL;
    int rc = dossier_db_cached(&who, db, "SELECT kind, name, known FROM resolve_old_entities WHERE id = ?1");
    if (!rc)
        rc = dossier_db_cached(&names, db,
            "SELECT DISTINCT CAST(substr(CAST(a.body AS BLOB), m.start + 1, m.end - m.start) AS TEXT) AS n, m.how"
            " FROM mentions m JOIN articles a ON a.id = m.article"
            " WHERE m.article = ?1 AND m.entity = ?2 + " SHIFT " AND m.how IN ('name', 'short') ORDER BY 1");
    if (rc)
        return rc;
    sqlite3_bind_int64(who, 1, old);
    if (sqlite3_step(who) != SQLITE_ROW) {
        sqlite3_reset(who);
        return dossier_db_fail(db, DOSSIER_EDB, "resolving again: entity %lld is gone", old);
    }
    int kind = dossier_kind_parse((const char *)sqlite3_column_text(who, 0));
    const char *oldname = (const char *)sqlite3_column_text(who, 1);
    const dossier_gaz_entry *gaz = sqlite3_column_int(who, 2) ? dossier_gazetteer_find(d->lex, oldname) : NULL;
    if (gaz && gaz->kind != kind)
        gaz = NULL;
    VEC(char *) seen = {0};
    char *best = NULL;
    sqlite3_bind_int64(names, 1, art);
    sqlite3_bind_int64(names, 2, old);
    while (!rc && sqlite3_step(names) == SQLITE_ROW) {
        int known_as = was_alias(db, old, (const char *)sqlite3_column_text(names, 0));
        if (known_as <= 0) {
            rc = known_as;
            continue;
        }
        char *n = dossier_strdup((const char *)sqlite3_column_text(names, 0));
        if (!n || VEC_PUSH(&seen, n)) {
            free(n);
            rc = dossier_db_fail(db, DOSSIER_ENOMEM, "out of memory");
            break;
        }
        int full = strcmp((const char *)sqlite3_column_text(names, 1), "name") == 0;
        if (full && (!best || better_name(n, best) < 0))
            best = n;
    }
    int e = rc;
    if (!rc) {
        const char *name = gaz ? gaz->name : best ? best : oldname;
        e = dossier_doc_entity(d, name, strlen(name), kind, gaz);
    }
    for (size_t i = 0; e >= 0 && i < seen.n; i++)
        if (dossier_doc_alias(d, e, seen.v[i], strlen(seen.v[i])) < 0)
            e = dossier_db_fail(db, DOSSIER_ENOMEM, "out of memory");
    for (size_t i = 0; i < seen.n; i++)
        free(seen.v[i]);
    VEC_FREE(&seen);
    sqlite3_reset(who);
    sqlite3_reset(names);
    return e;
}

/*
 * Resolves the entities article `art` refers to again, as ingest would
 * against the entities of the articles before it, and points its rows at
 * them.
 */
static int entities_again(dossier_db *db, dossier_lexicon *lex, long long art)
{
    sqlite3_stmt *st = NULL;
    VEC(long long) olds = {0};
    dossier_doc d;
    dossier_doc_init(&d, lex, "resolve");
    int rc = dossier_db_cached(&st, db,
        "SELECT e - " SHIFT " FROM ("
        " SELECT entity AS e FROM mentions WHERE article = ?1"
        " UNION ALL SELECT person FROM roles WHERE article = ?1"
        " UNION ALL SELECT organization FROM roles WHERE article = ?1"
        " UNION ALL SELECT speaker FROM statements WHERE article = ?1 AND speaker IS NOT NULL"
        " UNION ALL SELECT t.entity FROM statement_topics t JOIN statements s ON s.id = t.statement"
        "  WHERE s.article = ?1"
        " UNION ALL SELECT p.entity FROM event_participants p JOIN events v ON v.id = p.event"
        "  WHERE v.article = ?1)"
        " WHERE e >= " SHIFT " GROUP BY e ORDER BY e"); /* the order ingest made them in */
    if (rc)
        goto done;
    sqlite3_bind_int64(st, 1, art);
    while (!rc && sqlite3_step(st) == SQLITE_ROW)
        if (VEC_PUSH(&olds, sqlite3_column_int64(st, 0)))
            rc = dossier_db_fail(db, DOSSIER_ENOMEM, "out of memory");
    sqlite3_reset(st);
    for (size_t i = 0; !rc && i < olds.n; i++) {
        int e = doc_entity_again(&d, db, art, olds.v[i]);
        long long id = 0;
        if (e < 0)
            rc = e;
        if (!rc)
            rc = dossier_resolve_entity(&id, db, &d, e);
        if (!rc)
            rc = remap(db, art, olds.v[i], id);
    }
    if (!rc)
        rc = run3(db, "UPDATE statement_features SET speaker = (SELECT speaker FROM statements s"
                      " WHERE s.id = statement) WHERE statement IN (SELECT id FROM statements WHERE article = ?1)"
                      , art, 0, 0);
done:
    VEC_FREE(&olds);
    dossier_doc_free(&d);
    return rc;
}

/* Moves every reference to an entity out of the way, and forgets the entities (kept aside in temp tables). */
static int forget_entities(dossier_db *db)
{
    return dossier_db_exec(db,
        "PRAGMA defer_foreign_keys = ON;"
        "DROP TABLE IF EXISTS temp.resolve_old_entities;"
        "CREATE TEMP TABLE resolve_old_entities AS SELECT id, kind, name, known FROM entities;"
        "CREATE UNIQUE INDEX temp.resolve_old_entities_id ON resolve_old_entities(id);"
        "DROP TABLE IF EXISTS temp.resolve_old_aliases;"
        "CREATE TEMP TABLE resolve_old_aliases AS SELECT entity, folded FROM aliases;"
        "CREATE INDEX temp.resolve_old_aliases_entity ON resolve_old_aliases(entity, folded);"
        "UPDATE mentions SET entity = entity + " SHIFT ";"
        "UPDATE roles SET person = person + " SHIFT ", organization = organization + " SHIFT ";"
        "UPDATE statements SET speaker = speaker + " SHIFT " WHERE speaker IS NOT NULL;"
        "UPDATE statement_topics SET entity = entity + " SHIFT ";"
        "UPDATE event_participants SET entity = entity + " SHIFT ";"
        "DELETE FROM aliases; DELETE FROM entities;"
        "UPDATE statements SET cluster = NULL; UPDATE articles SET story = NULL;"
        "UPDATE statement_features SET words = NULL, numbers = NULL, names = NULL");
}

/*
 * See dossier.h: entities, then clusters and stories, again, article by
 * article in id order; then the corrections made by hand.
 */
int dossier_resolve(dossier_db *db)
{
    sqlite3_stmt *st = NULL;
    dossier_lexicon *lex = NULL;
    int rc = dossier_db_lexicon(&lex, db);
    if (!rc)
        rc = dossier_db_exec(db, "BEGIN IMMEDIATE");
    if (rc)
        return rc;
    rc = forget_entities(db);
    if (!rc)
        rc = dossier_db_prepare(&st, db, "SELECT id FROM articles ORDER BY id");
    while (!rc && sqlite3_step(st) == SQLITE_ROW) {
        long long art = sqlite3_column_int64(st, 0);
        rc = entities_again(db, lex, art);
        if (!rc)
            rc = dossier_resolve_article(db, art, NULL);
    }
    sqlite3_finalize(st);
    if (!rc)
        rc = dossier_corrections_apply(db, 0);
    if (!rc)
        rc = dossier_db_exec(db, "DROP TABLE temp.resolve_old_entities; DROP TABLE temp.resolve_old_aliases");
    if (!rc)
        rc = dossier_db_exec(db, "COMMIT");
    if (rc)
        sqlite3_exec(db->sql, "ROLLBACK", NULL, NULL, NULL);
    return rc;
}
