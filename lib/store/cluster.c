/*
 * cluster.c — statements that report the same utterance, across articles
 * and languages, share a cluster (named by its smallest statement id).
 *
 * What is compared of a statement is worked out once, when its article is
 * stored, and kept in statement_features: its content words (folded, stop
 * words and speech verbs left out, and the words of names, which count as
 * the entities they name; the words of an event trigger of the language
 * data count as that event, "#landing" for "crashed" and for "s'est
 * écrasée"), its numbers and the entities it names.  Two
 * statements share a word when the words are equal or begin with the same
 * five letters ("coopération", "cooperation"); across languages also when
 * they are cognates (same first letter, a longest common subsequence of at
 * least 70 % of the longer: "anormale", "abnormal").  Numbers and names
 * meet by value, whatever the language.
 *
 * Only statements of one speaker are compared, and only with candidates
 * read through an index: the speaker's statements in articles published
 * within a week, or, for an undated article, the speaker's latest
 * statements.  Likeness is the Dice coefficient of the shared items.  The
 * same words (likeness 0.6, two items at least) join wherever they are
 * reported; a looser likeness joins only within one story (resolve.c
 * decides stories from these links), where a translation keeps the order
 * and kind of what a speaker said.  Within one article a repeat of the
 * same words joins, and so does a paraphrase with the quotation right
 * after it that gives its figures (one speaker, numbers in both, three
 * shared items) or tells its event (one speaker, the same event and a
 * name in both).  When unsure, nothing joins.
 */
#include "store/cluster.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/token.h"
#include "base/util.h"

#define STEM 5                /* letters that make two long words one stem */
#define COGNATE 0.7           /* common subsequence share that makes two words cognates */
#define BAR_COPY 0.6          /* likeness of the same words, in any story */
#define BAR_STORY 0.55        /* likeness within one story, one language */
#define BAR_CONTAINED 0.75    /* share of the shorter statement found in the other, within one story */
#define BAR_TRANSLATION 0.3   /* likeness within one story across languages */
#define BAR_REPEAT 0.75       /* likeness of two statements of one article */
#define FIGURES_SHARED 3      /* items a paraphrase shares with the next quotation, which gives its figures */
#define WINDOW_DAYS 7         /* the dated candidates: published this close */
#define STORY_DAYS 3          /* articles of one story are published this close */
#define CANDIDATES 200        /* at most this many candidates per speaker and query */
#define TEXT_(x) #x
#define TEXT(x) TEXT_(x)

/*
 * One word, number or name of a statement: a view into its features
 * text, with what same_word() compares worked out once.
 */
typedef struct {
    const char *s;
    size_t n;
    size_t stem;              /* stem_len() */
    uint64_t key;             /* the hash of its stem, or of all of it when it has none */
} item;

/* A list of items, and a mask of their keys (bit key % 64 of each): an
 * item whose key's bit is not in another list's mask has no equal there. */
typedef struct {
    item *v;
    size_t n, cap;
    uint64_t keys;
} items;

/* A statement as compared: its features row. */
typedef struct {
    long long id, article, speaker, cluster;
    long long day;            /* -1 when undated */
    long long start;          /* where the statement begins in its article's body (0 for a candidate) */
    int direct, rank;
    int unfilled;             /* its words were never worked out: fill_words() before parse() */
    char lang[8];
    char *text;               /* words, "\n", numbers, "\n", names: owned */
    items words, numbers, names;
} features;

/* Frees what a features record owns and empties it. */
static void features_clear(features *f)
{
    free(f->text);
    VEC_FREE(&f->words);
    VEC_FREE(&f->numbers);
    VEC_FREE(&f->names);
    memset(f, 0, sizeof *f);
}

static size_t stem_len(const char *s, size_t n);

/* Splits a space-separated list (up to '\n' or the end) into items; returns where it stopped. */
static const char *split(items *out, const char *s, int *rc)
{
    while (*s && *s != '\n') {
        if (*s == ' ') {
            s++;
            continue;
        }
        const char *e = s;
        while (*e && *e != ' ' && *e != '\n')
            e++;
        size_t n = (size_t)(e - s), stem = stem_len(s, n);
        uint64_t key = dossier_hash(s, stem ? stem : n);
        if (VEC_PUSH(out, ((item){s, n, stem, key})))
            *rc = DOSSIER_ENOMEM;
        out->keys |= 1ULL << (key & 63);
        s = e;
    }
    return *s == '\n' ? s + 1 : s;
}

/* Fills the item lists of f from its text. */
static int parse(features *f)
{
    int rc = DOSSIER_OK;
    const char *p = f->text ? f->text : "";
    f->words.n = f->numbers.n = f->names.n = 0;
    f->words.keys = f->numbers.keys = f->names.keys = 0;
    p = split(&f->words, p, &rc);
    p = split(&f->numbers, p, &rc);
    split(&f->names, p, &rc);
    return rc;
}

/* ---- working out the features of a statement ---- */

/* Compares two C strings through pointers, for qsort. */
static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Sorts a list of strings, drops repeats, and appends it space-separated to b. */
static int put_sorted(dbuf *b, char **v, size_t n)
{
    if (n)
        qsort(v, n, sizeof *v, cmp_str);
    for (size_t i = 0; i < n; i++) {
        if (i && strcmp(v[i], v[i - 1]) == 0)
            continue;
        if ((b->len && b->s[b->len - 1] != '\n' && dossier_buf_puts(b, " ")) || dossier_buf_puts(b, v[i]))
            return DOSSIER_ENOMEM;
    }
    return DOSSIER_OK;
}

/* The lists of words that say nothing of the content: stop words and speech verbs, in every language. */
static const char *const stop_keys[] = {"meta.stopwords", "entity.stopwords", "statement.verbs",
                                        "statement.verbs_that", "statement.aux", "statement.passive_aux",
                                        "statement.prepositions", "statement.articles", "statement.relatives",
                                        "statement.pronouns_clause"};
#define STOP_LISTS (sizeof stop_keys / sizeof *stop_keys)

typedef VEC(char *) strings;

/* Frees the strings of a list and the list. */
static void strings_free(strings *v)
{
    for (size_t i = 0; i < v->n; i++)
        free(v->v[i]);
    VEC_FREE(v);
}

/* A span of the statement's text that a name covers. */
typedef struct {
    size_t start, end;
} span;

typedef VEC(span) spans;

/* Non-zero when [start, end) lies inside one of the name spans. */
static int in_name(const spans *names, size_t start, size_t end)
{
    for (size_t i = 0; i < names->n; i++)
        if (start >= names->v[i].start && end <= names->v[i].end)
            return 1;
    return 0;
}

/*
 * The words and numbers of a text, folded once, each with its span and
 * token flags.  The folded words lie one after another in `text` (each
 * NUL-terminated; owned), w[i] points at word i once all are folded.
 */
typedef struct {
    dbuf text;
    strings w;                    /* into text: not owned */
    spans at;
    VEC(unsigned) flags;
} folded_words;

/* Frees a folded_words. */
static void folded_free(folded_words *f)
{
    dossier_buf_free(&f->text);
    VEC_FREE(&f->w);
    VEC_FREE(&f->at);
    VEC_FREE(&f->flags);
}

/* Folds every word and number of text (names included) into *f. */
static int fold_all(folded_words *f, const char *text, size_t len)
{
    size_t pos = 0, start, end;
    unsigned flags;
    dbuf one = {0};
    VEC(size_t) off = {0};        /* where each word starts in f->text */
    int rc = DOSSIER_OK;
    while (!rc && (flags = dossier_token_next(text, len, &pos, &start, &end))) {
        if (!(flags & (DOSSIER_TOK_WORD | DOSSIER_TOK_NUM)))
            continue;
        const char *w = dossier_fold_into(&one, text + start, end - start);
        if (!w || VEC_PUSH(&off, f->text.len) || dossier_buf_add(&f->text, w, strlen(w) + 1) ||
            VEC_PUSH(&f->at, ((span){start, end})) || VEC_PUSH(&f->flags, flags))
            rc = DOSSIER_ENOMEM;
    }
    for (size_t i = 0; !rc && i < off.n; i++)
        if (VEC_PUSH(&f->w, f->text.s + off.v[i]))
            rc = DOSSIER_ENOMEM;
    dossier_buf_free(&one);
    VEC_FREE(&off);
    return rc;
}

/*
 * The lists describe() tests every word at, found once for many
 * statements: the trigger lists of every event kind of one language and
 * the stop lists (stop_keys).  For each first-word bit of the lexicon
 * (dossier_lexicon_prefix_bit), the kinds and the stop lists some phrase
 * of which starts with a word of that bit: a word is tried with those
 * alone, in their order, as the others would match nothing.
 */
typedef struct {
    char lang[8];
    size_t n;
    const char *kind[64];
    char item[64][48];            /* "#kind", the word describe() puts for kind k */
    const dossier_lexlist *list[64];
    uint64_t kinds_at[512];       /* bit k: list[k] has a phrase starting so */
    const dossier_lexlist *stop[STOP_LISTS];
    uint64_t stops_at[512];       /* bit i: stop[i] has a phrase starting so */
} event_lists;

/* Sets bit `which` of kinds[b] for every first-word bit b that a phrase of list l (may be NULL) starts with. */
static void mark_starts(uint64_t *kinds, const dossier_lexlist *l, uint64_t which)
{
    const struct dossier_lexlist_head *h = (const struct dossier_lexlist_head *)(const void *)l;
    for (unsigned w = 0; h && w < 8; w++)
        for (uint64_t bits = h->starts[w]; bits; bits &= bits - 1)
            kinds[w * 64 + (unsigned)__builtin_ctzll(bits)] |= which;
}

/* Finds the event trigger lists of `lang` ("event.<kind>"; "event.cue.told" and the like are no kinds), and the stop lists. */
static void event_lists_find(event_lists *ev, const dossier_lexicon *lex, const char *lang)
{
    const char *keys[128];
    size_t nkeys = dossier_lexicon_keys(lex, "event.", keys, sizeof keys / sizeof *keys);
    snprintf(ev->lang, sizeof ev->lang, "%s", lang);
    ev->n = 0;
    memset(ev->kinds_at, 0, sizeof ev->kinds_at);
    memset(ev->stops_at, 0, sizeof ev->stops_at);
    for (size_t k = 0; k < nkeys && ev->n < sizeof ev->list / sizeof *ev->list; k++) {
        if (!keys[k][6] || strchr(keys[k] + 6, '.'))
            continue;
        const dossier_lexlist *l = dossier_lexicon_find(lex, lang, keys[k]);
        if (l) {
            mark_starts(ev->kinds_at, l, (uint64_t)1 << ev->n);
            ev->kind[ev->n] = keys[k] + 6;
            snprintf(ev->item[ev->n], sizeof ev->item[ev->n], "#%s", ev->kind[ev->n]);
            ev->list[ev->n++] = l;
        }
    }
    for (size_t i = 0; i < STOP_LISTS; i++) {
        ev->stop[i] = dossier_lexicon_find(lex, NULL, stop_keys[i]);
        mark_starts(ev->stops_at, ev->stop[i], (uint64_t)1 << i);
    }
}

/* Non-zero when a folded word says nothing of the content: a stop word or a speech verb (ev's stop lists). */
static int is_stop(const event_lists *ev, const char *w)
{
    if (strlen(w) < 3)
        return 1;
    for (uint64_t m = ev->stops_at[dossier_lexicon_prefix_bit(w)]; m; m &= m - 1)
        if (dossier_lexlist_match(ev->stop[__builtin_ctzll(m)], &w, 1, NULL) == 1)
            return 1;
    return 0;
}

/*
 * Adds to *words (not owning them) one item "#kind" for each event the text names through
 * the language's trigger lists ("crashed", "s'est écrasée": #landing), so
 * that a claim reported in other words or another language still meets
 * its like; adds the spans of those phrases to *covered, so that their
 * own words are not counted again.
 */
static int add_concepts(strings *words, spans *covered, const event_lists *ev, const folded_words *f,
                        const spans *names)
{
    int rc = DOSSIER_OK;
    for (size_t i = 0; !rc && i < f->w.n; i++) {
        /* the kinds a phrase of which may start here, in kind order */
        for (uint64_t ks = ev->kinds_at[dossier_lexicon_prefix_bit(f->w.v[i])]; ks; ks &= ks - 1) {
            size_t k = (size_t)__builtin_ctzll(ks);
            size_t m = dossier_lexlist_match(ev->list[k], (const char *const *)f->w.v + i, f->w.n - i, NULL);
            if (!m || in_name(names, f->at.v[i].start, f->at.v[i + m - 1].end))
                continue; /* "Congress" names a body, no congress */
            span sp = {f->at.v[i].start, f->at.v[i + m - 1].end};
            if (VEC_PUSH(words, (char *)ev->item[k]) || VEC_PUSH(covered, sp))
                rc = DOSSIER_ENOMEM;
            i += m - 1;
            break;
        }
    }
    return rc;
}

/*
 * Works out the words, numbers and names of a statement: `text` (in the
 * language of the event lists `ev`) with the name spans `names` (offsets
 * into text) and the entity ids `ids` named in it.  Sets *out to
 * "words\nnumbers\nnames"; the caller frees it.
 */
static int describe(char **out, const event_lists *ev, const char *text, size_t len,
                    const spans *names, strings *ids)
{
    strings words = {0}, numbers = {0}; /* words: in f's text or ev's items, not owned */
    dbuf b = {0};
    spans covered = {0};
    folded_words f = {0};
    int rc = fold_all(&f, text, len);
    if (!rc)
        rc = add_concepts(&words, &covered, ev, &f, names);
    for (size_t i = 0; !rc && i < f.w.n; i++) {
        size_t start = f.at.v[i].start, end = f.at.v[i].end;
        if (in_name(names, start, end) || in_name(&covered, start, end))
            continue;
        if (f.flags.v[i] & DOSSIER_TOK_NUM) {
            char digits[32];
            size_t n = 0;
            for (size_t k = start; k < end && n + 1 < sizeof digits; k++)
                if (text[k] >= '0' && text[k] <= '9')
                    digits[n++] = text[k];
            digits[n] = '\0';
            char *d = n ? dossier_strdup(digits) : NULL;
            if (n && (!d || VEC_PUSH(&numbers, d))) {
                free(d);
                rc = DOSSIER_ENOMEM;
            }
            continue;
        }
        char *w = f.w.v[i];
        char *apo = strrchr(w, '\''); /* "l'appareil": the word after an elision */
        if (apo && apo[1])
            w = apo + 1;
        if (!is_stop(ev, w) && !strchr(w, ' ') && VEC_PUSH(&words, w))
            rc = DOSSIER_ENOMEM;
    }
    if (!rc)
        rc = put_sorted(&b, words.v, words.n);
    if (!rc)
        rc = dossier_buf_puts(&b, "\n");
    if (!rc)
        rc = put_sorted(&b, numbers.v, numbers.n);
    if (!rc)
        rc = dossier_buf_puts(&b, "\n");
    if (!rc)
        rc = put_sorted(&b, ids->v, ids->n);
    folded_free(&f); /* the words' text */
    VEC_FREE(&words);
    strings_free(&numbers);
    VEC_FREE(&covered);
    if (rc) {
        dossier_buf_free(&b);
        return DOSSIER_ENOMEM;
    }
    *out = b.s ? dossier_buf_take(&b) : dossier_strdup("\n\n");
    return *out ? DOSSIER_OK : DOSSIER_ENOMEM;
}

/*
 * Works out and stores the words, numbers and names of statement `id`
 * (its features row exists, with words NULL), in language `lang`, whose
 * event lists *ev holds when it is of that language (else they are found
 * into it).  Sets *out to the text stored; the caller frees it.
 */
static int fill_words(char **out, dossier_db *db, long long id, const char *lang, event_lists *ev)
{
    sqlite3_stmt *st = NULL, *men = NULL, *upd = NULL;
    spans names = {0};
    strings ids = {0};
    dossier_lexicon *lex = NULL;
    char *text = NULL;
    int rc = dossier_db_lexicon(&lex, db);
    if (!rc)
        rc = dossier_db_cached(&st, db, "SELECT text, start, end, article FROM statements WHERE id = ?1");
    if (!rc)
        rc = dossier_db_cached(&men, db,
            "SELECT entity, start, end FROM mentions WHERE article = ?1 AND start >= ?2 AND start <= ?3 AND end <= ?3"
            " AND how IN ('name', 'short') ORDER BY start");
    if (!rc)
        rc = dossier_db_cached(&upd, db, "UPDATE statement_features SET words = ?2, numbers = ?3, names = ?4"
                                         " WHERE statement = ?1");
    if (rc)
        goto done;
    sqlite3_bind_int64(st, 1, id);
    if (sqlite3_step(st) != SQLITE_ROW) {
        rc = dossier_db_sqlfail(db, "statement features");
        goto done;
    }
    long long start = sqlite3_column_int64(st, 1), end = sqlite3_column_int64(st, 2);
    sqlite3_bind_int64(men, 1, sqlite3_column_int64(st, 3));
    sqlite3_bind_int64(men, 2, start);
    sqlite3_bind_int64(men, 3, end);
    while (!rc && sqlite3_step(men) == SQLITE_ROW) {
        char num[24];
        snprintf(num, sizeof num, "%lld", sqlite3_column_int64(men, 0));
        char *d = dossier_strdup(num);
        span sp = {(size_t)(sqlite3_column_int64(men, 1) - start), (size_t)(sqlite3_column_int64(men, 2) - start)};
        if (!d || VEC_PUSH(&ids, d) || VEC_PUSH(&names, sp)) {
            if (d && (!ids.n || ids.v[ids.n - 1] != d))
                free(d);
            rc = DOSSIER_ENOMEM;
        }
    }
    if (!rc) {
        const char *t = (const char *)sqlite3_column_text(st, 0);
        if (strcmp(ev->lang, lang) != 0 || !ev->lang[0])
            event_lists_find(ev, lex, lang);
        rc = describe(&text, ev, t ? t : "", (size_t)sqlite3_column_bytes(st, 0), &names, &ids);
    }
    if (rc)
        goto done;
    /* words \n numbers \n names, stored as three columns */
    char *nl1 = strchr(text, '\n'), *nl2 = nl1 ? strchr(nl1 + 1, '\n') : NULL;
    if (!nl1 || !nl2) {
        rc = dossier_db_fail(db, DOSSIER_EDB, "statement features: malformed");
        goto done;
    }
    sqlite3_bind_int64(upd, 1, id);
    sqlite3_bind_text(upd, 2, text, (int)(nl1 - text), SQLITE_STATIC);
    sqlite3_bind_text(upd, 3, nl1 + 1, (int)(nl2 - nl1 - 1), SQLITE_STATIC);
    sqlite3_bind_text(upd, 4, nl2 + 1, -1, SQLITE_STATIC);
    if (sqlite3_step(upd) != SQLITE_DONE)
        rc = dossier_db_sqlfail(db, "statement features");
done:
    if (st)
        sqlite3_reset(st);
    if (men)
        sqlite3_reset(men);
    if (upd)
        sqlite3_reset(upd);
    VEC_FREE(&names);
    strings_free(&ids);
    if (rc) {
        free(text);
        text = NULL;
    }
    *out = text;
    return rc == DOSSIER_ENOMEM ? dossier_db_fail(db, rc, "out of memory") : rc;
}

/* Non-zero when mention m is a name (or short name) inside statement s, as fill_words() selects them. */
static int names_inside(const dossier_mention *m, const dossier_statement *s)
{
    return (m->how == DOSSIER_MENTION_NAME || m->how == DOSSIER_MENTION_SHORT) && m->span.start >= s->span.start &&
           m->span.start <= s->span.end && m->span.end <= s->span.end;
}

/* See cluster.h. */
int dossier_cluster_wording(dossier_doc *d)
{
    event_lists ev; /* some kilobytes: found below, not zeroed first */
    int rc = DOSSIER_OK;
    event_lists_find(&ev, d->lex, dossier_doc_lang(d));
    for (size_t i = 0; !rc && i < d->statements.n; i++) {
        dossier_statement *s = &d->statements.v[i];
        spans names = {0};
        strings none = {0};
        char *text = NULL;
        for (size_t k = 0; !rc && k < d->mentions.n; k++) {
            const dossier_mention *m = &d->mentions.v[k];
            if (names_inside(m, s) &&
                VEC_PUSH(&names, ((span){m->span.start - s->span.start, m->span.end - s->span.start})))
                rc = DOSSIER_ENOMEM;
        }
        if (!rc)
            rc = describe(&text, &ev, d->body + s->span.start, s->span.end - s->span.start, &names, &none);
        if (!rc && !(s->wording = dossier_arena_strndup(&d->arena, text, strlen(text))))
            rc = DOSSIER_ENOMEM;
        free(text);
        VEC_FREE(&names);
    }
    return rc;
}

/* See cluster.h. */
int dossier_cluster_names(char **out, const dossier_doc *d, size_t i, const long long *ids)
{
    strings v = {0};
    dbuf b = {0};
    int rc = DOSSIER_OK;
    for (size_t k = 0; !rc && k < d->mentions.n; k++) {
        const dossier_mention *m = &d->mentions.v[k];
        if (!names_inside(m, &d->statements.v[i]))
            continue;
        char num[24];
        snprintf(num, sizeof num, "%lld", ids[m->entity]);
        char *dup = dossier_strdup(num);
        if (!dup || VEC_PUSH(&v, dup)) {
            free(dup);
            rc = DOSSIER_ENOMEM;
        }
    }
    if (!rc)
        rc = put_sorted(&b, v.v, v.n);
    strings_free(&v);
    *out = rc ? NULL : b.s ? dossier_buf_take(&b) : dossier_strdup("");
    if (rc)
        dossier_buf_free(&b);
    return rc || *out ? rc : DOSSIER_ENOMEM;
}

/*
 * Columns of the features queries: statement, article, speaker, cluster,
 * day, kind, rank, language, words, numbers, names, start.
 */
#define FEATURE_COLUMNS                                                                    \
    "SELECT f.statement, f.article, f.speaker, coalesce(s.cluster, s.id), coalesce(f.day, -1)," \
    " f.kind, f.rank, f.language, f.words, f.numbers, f.names, s.start"                        \
    " FROM statement_features f JOIN statements s ON s.id = f.statement"

/*
 * The same columns of candidates, read from statement_features alone
 * (migration 018: it holds their cluster), here from the index
 * statement_features_near alone; their start is never needed.
 */
#define FEATURES_ALONE                                                                     \
    "SELECT f.statement, f.article, f.speaker, coalesce(f.cluster, f.statement), coalesce(f.day, -1)," \
    " f.kind, f.rank, f.language, f.words, f.numbers, f.names, 0"                             \
    " FROM statement_features f"
#define CANDIDATE_COLUMNS FEATURES_ALONE " INDEXED BY statement_features_near"

/*
 * Reads one features row.  When its words were never stored they are
 * worked out now (with the event lists *ev, found again when of another
 * language) if `fill`, else the row is left unfilled for the caller to fill once
 * the query is done: fill_words() writes the features row, which must not
 * happen under a query that reads the index holding the words.
 */
static int read_features(features *f, dossier_db *db, sqlite3_stmt *st, event_lists *ev, int fill)
{
    features_clear(f);
    f->id = sqlite3_column_int64(st, 0);
    f->article = sqlite3_column_int64(st, 1);
    f->speaker = sqlite3_column_int64(st, 2);
    f->cluster = sqlite3_column_int64(st, 3);
    f->day = sqlite3_column_int64(st, 4);
    const char *kind = (const char *)sqlite3_column_text(st, 5);
    f->direct = kind && strcmp(kind, "direct") == 0;
    f->rank = sqlite3_column_int(st, 6);
    f->start = sqlite3_column_int64(st, 11);
    const char *lang = (const char *)sqlite3_column_text(st, 7);
    size_t k = 0;
    for (; lang && lang[k] && k + 1 < sizeof f->lang; k++) /* as snprintf would cut it */
        f->lang[k] = lang[k];
    f->lang[k] = '\0';
    if (sqlite3_column_type(st, 8) == SQLITE_NULL && !fill) {
        f->unfilled = 1;
        return DOSSIER_OK;
    }
    if (sqlite3_column_type(st, 8) == SQLITE_NULL) {
        int rc = fill_words(&f->text, db, f->id, f->lang, ev);
        if (rc)
            return rc;
    } else { /* words "\n" numbers "\n" names, in one allocation */
        const char *t[3];
        size_t n[3], len = 0;
        for (int c = 0; c < 3; c++) {
            t[c] = (const char *)sqlite3_column_text(st, 8 + c);
            n[c] = t[c] ? strlen(t[c]) : 0; /* as far as the text goes, as a C string */
            len += n[c] + 1;
        }
        if (!(f->text = malloc(len)))
            return dossier_db_fail(db, DOSSIER_ENOMEM, "out of memory");
        char *w = f->text;
        for (int c = 0; c < 3; c++) {
            memcpy(w, t[c] ? t[c] : "", n[c]);
            w += n[c];
            *w++ = c < 2 ? '\n' : '\0';
        }
    }
    return parse(f) ? dossier_db_fail(db, DOSSIER_ENOMEM, "out of memory") : DOSSIER_OK;
}

/* ---- likeness ---- */

/* Length of the longest common subsequence of two short byte strings. */
static size_t lcs(const item *a, const item *b)
{
    size_t row[64] = {0};
    if (a->n >= 64 || b->n >= 64)
        return 0;
    for (size_t i = 0; i < a->n; i++) {
        size_t diag = 0;
        for (size_t j = 0; j < b->n; j++) {
            size_t up = row[j + 1];
            row[j + 1] = a->s[i] == b->s[j] ? diag + 1 : (row[j] > up ? row[j] : up);
            diag = up;
        }
    }
    return row[b->n];
}

/* The byte length of the first STEM characters of a word, or 0 when it is shorter. */
static size_t stem_len(const char *s, size_t n)
{
    size_t chars = 0, i = 0;
    for (; i < n && chars < STEM; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            chars++;
    while (i < n && ((unsigned char)s[i] & 0xC0) == 0x80)
        i++;
    return chars >= STEM ? i : 0;
}

/*
 * Non-zero when two folded words are one word: equal, one stem, or
 * (across languages) cognates.  Equal words and equal stems have equal
 * keys, so words of unequal keys are only tried as cognates.
 */
static int same_word(const item *a, const item *b, int languages_differ)
{
    if (a->key == b->key) {
        if (a->n == b->n && memcmp(a->s, b->s, a->n) == 0)
            return 1;
        if (a->stem && a->stem == b->stem && memcmp(a->s, b->s, a->stem) == 0)
            return 1;
    }
    if (!languages_differ || a->n < 5 || b->n < 5 || a->s[0] != b->s[0])
        return 0;
    size_t longer = a->n > b->n ? a->n : b->n, shorter = a->n > b->n ? b->n : a->n;
    if ((double)shorter < COGNATE * (double)longer)
        return 0;
    return (double)lcs(a, b) >= COGNATE * (double)longer;
}

/*
 * How many items of a find a different partner in b (each used once).
 * Partners of one language have equal keys (same_word), so an item of a
 * whose key is not among b's (b->keys) is passed over.
 */
static size_t shared_items(const items *a, const items *b, int words, int languages_differ)
{
    unsigned char used[512];
    size_t n = 0, nb = b->n < sizeof used ? b->n : sizeof used;
    memset(used, 0, nb);
    for (size_t i = 0; i < a->n; i++) {
        if (!languages_differ && !(b->keys & (1ULL << (a->v[i].key & 63))))
            continue;
        for (size_t j = 0; j < nb; j++) {
            if (used[j])
                continue;
            int same = words ? same_word(&a->v[i], &b->v[j], languages_differ)
                             : a->v[i].key == b->v[j].key && a->v[i].n == b->v[j].n &&
                               memcmp(a->v[i].s, b->v[j].s, a->v[i].n) == 0;
            if (same) {
                used[j] = 1;
                n++;
                break;
            }
        }
    }
    return n;
}

/*
 * How two statements of one speaker compare: sets *level to the strongest
 * link they make (0 for none) and returns their likeness.
 */
static double compare(const features *a, const features *b, int *level)
{
    int other_language = strcmp(a->lang, b->lang) != 0;
    size_t shared = shared_items(&a->words, &b->words, 1, other_language) +
                    shared_items(&a->numbers, &b->numbers, 0, 0) +
                    shared_items(&a->names, &b->names, 0, 0);
    size_t na = a->words.n + a->numbers.n + a->names.n, nb = b->words.n + b->numbers.n + b->names.n;
    double dice = na + nb ? 2.0 * (double)shared / (double)(na + nb) : 0;
    size_t smaller = na < nb ? na : nb;
    *level = 0;
    if (a->article == b->article) {
        if (shared >= 3 && dice >= BAR_REPEAT)
            *level = DOSSIER_LINK_COPY;
    } else if (shared >= 2 && dice >= BAR_COPY) {
        *level = DOSSIER_LINK_COPY;
    } else if (!other_language) {
        if (shared >= 3 && (dice >= BAR_STORY || (double)shared >= BAR_CONTAINED * (double)smaller))
            *level = DOSSIER_LINK_STORY;
    } else if ((shared >= 2 && dice >= BAR_TRANSLATION) ||
               (shared >= 1 && a->rank == b->rank && a->direct == b->direct)) {
        *level = DOSSIER_LINK_STORY;
    }
    return dice;
}

/* See cluster.h. */
double dossier_cluster_overlap(const char *a, const char *b, int other_language)
{
    features fa = {0}, fb = {0};
    double share = 0;
    fa.text = dossier_strdup(a ? a : "");
    fb.text = dossier_strdup(b ? b : "");
    if (fa.text && fb.text && !parse(&fa) && !parse(&fb)) {
        size_t shared = shared_items(&fa.words, &fb.words, 1, other_language) +
                        shared_items(&fa.numbers, &fb.numbers, 0, 0) + shared_items(&fa.names, &fb.names, 0, 0);
        size_t na = fa.words.n + fa.numbers.n + fa.names.n, nb = fb.words.n + fb.numbers.n + fb.names.n;
        size_t smaller = na < nb ? na : nb;
        share = smaller ? (double)shared / (double)smaller : 0;
    }
    features_clear(&fa);
    features_clear(&fb);
    return share;
}

/* ---- links ---- */

/* ---- repeats within one article ---- */

/*
 * A repeat shares at least three items and a likeness of BAR_REPEAT; then
 * it shares at least 3/5 of the items of either statement, so two repeats
 * have one of their rarest n - max(3, 3n/5) + 1 items in common (prefix
 * filtering).  Only pairs found through those items are compared, so the
 * cost stays near linear in an article's statements; a pair that could
 * link is never missed.  Hash collisions only add pairs to compare.
 */
#define REPEAT_SHARE(n) ((n) * 3 / 5 > 3 ? (n) * 3 / 5 : 3)
#define REPEAT_PEERS 256      /* at most this many earlier statements per shared item */

/* One item of a statement in the repeat index: which, how rare, whose. */
typedef struct {
    uint64_t h;               /* speaker, kind of item and its stem or value */
    uint32_t k;               /* the k-th item of this statement with this h */
    uint32_t freq;            /* statements of the article with this (h, k) */
    size_t stmt;              /* index into the article's statements */
} token;

typedef VEC(token) tokens;

/* Two statements of one article to compare (a < b). */
typedef struct {
    size_t a, b;
} pair;

typedef VEC(pair) pairs;

/*
 * The index key of an item: equal for two words that same_word() finds one
 * word within one language (same stem, or the same short word), and for
 * equal numbers and names.
 */
static uint64_t item_key(long long speaker, int kind, const item *it)
{
    size_t n = kind == 0 && it->stem ? it->stem : it->n;
    uint64_t h = dossier_hash(it->s, n);
    h ^= (uint64_t)(kind + 1) * 0x9E3779B97F4A7C15ULL;
    h ^= (uint64_t)speaker * 0xC2B2AE3D27D4EB4FULL;
    return h ^ (h >> 29);
}

/* Non-zero when token a comes before b: by key, then by statement. */
static inline int token_key_before(const token *a, const token *b)
{
    return a->h != b->h ? a->h < b->h : a->k != b->k ? a->k < b->k : a->stmt < b->stmt;
}

/* Non-zero when token a comes before b: by statement, then rarest first (the prefix order). */
static inline int token_rare_before(const token *a, const token *b)
{
    return a->stmt != b->stmt ? a->stmt < b->stmt : a->freq != b->freq ? a->freq < b->freq
           : a->h != b->h ? a->h < b->h : a->k < b->k;
}

/*
 * A sort of tokens in the order `before` (an inline test, where qsort
 * called a comparison through a pointer for each step: a third of what
 * finding an article's repeats cost): quicksort on the median of three,
 * insertion sort below 16.  The orders are total on an article's tokens,
 * so the result is qsort's.
 */
#define TOKEN_SORT(name, before)                                                   \
    static void name(token *v, size_t n)                                           \
    {                                                                              \
        while (n > 16) {                                                           \
            token *m = v + n / 2, *z = v + n - 1, t;                               \
            if (before(m, v)) { t = *m; *m = *v; *v = t; }                          \
            if (before(z, m)) { t = *z; *z = *m; *m = t;                            \
                if (before(m, v)) { t = *m; *m = *v; *v = t; } }                    \
            token pivot = *m;                                                      \
            size_t i = 0, j = n - 1;                                               \
            for (;;) {                                                             \
                while (before(&v[i], &pivot))                                      \
                    i++;                                                           \
                while (before(&pivot, &v[j]))                                      \
                    j--;                                                           \
                if (i >= j)                                                        \
                    break;                                                         \
                t = v[i]; v[i] = v[j]; v[j] = t;                                   \
                i++;                                                               \
                j--;                                                               \
            }                                                                      \
            /* [0, j] and [j + 1, n): sort the smaller part first, loop on the other */ \
            if (j + 1 < n - j - 1) {                                               \
                name(v, j + 1);                                                    \
                v += j + 1;                                                        \
                n -= j + 1;                                                        \
            } else {                                                               \
                name(v + j + 1, n - j - 1);                                        \
                n = j + 1;                                                         \
            }                                                                      \
        }                                                                          \
        for (size_t i = 1; i < n; i++) {                                           \
            token t = v[i];                                                        \
            size_t j = i;                                                          \
            for (; j > 0 && before(&t, &v[j - 1]); j--)                            \
                v[j] = v[j - 1];                                                   \
            v[j] = t;                                                              \
        }                                                                          \
    }
TOKEN_SORT(sort_by_key, token_key_before)
TOKEN_SORT(sort_by_rarity, token_rare_before)

/* Orders pairs by their first statement, then their second. */
static int cmp_pair(const void *pa, const void *pb)
{
    const pair *a = pa, *b = pb;
    if (a->a != b->a)
        return a->a < b->a ? -1 : 1;
    return a->b < b->b ? -1 : a->b > b->b;
}

/* Appends the tokens of statement `idx` (with a speaker and three items at least). */
static int add_tokens(tokens *out, const features *f, size_t idx)
{
    size_t first = out->n;
    const items *lists[3] = {&f->words, &f->numbers, &f->names};
    if (!f->speaker || f->words.n + f->numbers.n + f->names.n < 3)
        return DOSSIER_OK;
    for (int kind = 0; kind < 3; kind++)
        for (size_t i = 0; i < lists[kind]->n; i++)
            if (VEC_PUSH(out, ((token){item_key(f->speaker, kind, &lists[kind]->v[i]), 0, 0, idx})))
                return DOSSIER_ENOMEM;
    sort_by_key(out->v + first, out->n - first);
    for (size_t i = first + 1; i < out->n; i++)
        if (out->v[i].h == out->v[i - 1].h)
            out->v[i].k = out->v[i - 1].k + 1;
    return DOSSIER_OK;
}

/* Counts for each token the statements that hold its (h, k); t is sorted by key. */
static void count_tokens(tokens *t)
{
    for (size_t i = 0, j; i < t->n; i = j) {
        for (j = i + 1; j < t->n && t->v[j].h == t->v[i].h && t->v[j].k == t->v[i].k; j++)
            ;
        for (size_t m = i; m < j; m++)
            t->v[m].freq = (uint32_t)(j - i);
    }
}

/* Keeps of each statement's tokens (sorted rarest first) its prefix. */
static void keep_prefixes(tokens *t)
{
    size_t kept = 0;
    for (size_t i = 0, j; i < t->n; i = j) {
        for (j = i + 1; j < t->n && t->v[j].stmt == t->v[i].stmt; j++)
            ;
        size_t n = j - i, prefix = n - REPEAT_SHARE(n) + 1;
        memmove(t->v + kept, t->v + i, prefix * sizeof *t->v);
        kept += prefix;
    }
    t->n = kept;
}

/*
 * Sets *out to the pairs of statements of one article (v, n of them) that
 * may repeat each other, sorted and each once.  The caller frees *out.
 */
static int repeat_pairs(pairs *out, const features *v, size_t n)
{
    tokens t = {0};
    int rc = DOSSIER_OK;
    for (size_t i = 0; !rc && i < n; i++)
        rc = add_tokens(&t, &v[i], i);
    if (rc || !t.n)
        goto done;
    sort_by_key(t.v, t.n);
    count_tokens(&t);
    sort_by_rarity(t.v, t.n);
    keep_prefixes(&t);
    sort_by_key(t.v, t.n);
    for (size_t i = 0, j; !rc && i < t.n; i = j) {
        for (j = i + 1; j < t.n && t.v[j].h == t.v[i].h && t.v[j].k == t.v[i].k; j++)
            ;
        for (size_t b = i + 1; !rc && b < j; b++)
            for (size_t a = b > i + REPEAT_PEERS ? b - REPEAT_PEERS : i; !rc && a < b; a++)
                rc = VEC_PUSH(out, ((pair){t.v[a].stmt, t.v[b].stmt}));
    }
    if (rc || !out->n)
        goto done;
    qsort(out->v, out->n, sizeof *out->v, cmp_pair);
    size_t kept = 1;
    for (size_t i = 1; i < out->n; i++)
        if (cmp_pair(&out->v[i], &out->v[kept - 1]))
            out->v[kept++] = out->v[i];
    out->n = kept;
done:
    VEC_FREE(&t);
    return rc;
}

/* ---- links ---- */

/* A link of statement `mine` (an index into the article's statements), in the order found. */
typedef struct {
    size_t mine, seq;
    dossier_link link;
} found;

typedef VEC(found) founds;

typedef VEC(features) feature_list;

/* Frees the records of a features list and the list. */
static void feature_list_free(feature_list *v)
{
    for (size_t i = 0; i < v->n; i++)
        features_clear(&v->v[i]);
    VEC_FREE(v);
}

/*
 * Appends the rows of a candidate query that belong to another article
 * than `article`.  When the article's `own` statements of the speaker are
 * not stored yet, rows are left out as if they were: they would come
 * before the first row of a day no later than theirs (`day`: the query
 * orders by day, then id, the latest first, and theirs are the latest
 * ids), and take their places among the CANDIDATES rows.
 */
static int read_candidates(feature_list *out, dossier_db *db, sqlite3_stmt *cand, long long article, size_t own,
                           long long day)
{
    event_lists ev; /* found by fill_words when first needed (no language yet), not zeroed: some kilobytes */
    ev.lang[0] = '\0';
    size_t first = out->n, places = 0;
    int rc = DOSSIER_OK, placed = own == 0;
    while (!rc && sqlite3_step(cand) == SQLITE_ROW) {
        if (!placed && sqlite3_column_int64(cand, 4) <= day) {
            places += own;
            placed = 1;
        }
        if (places++ >= CANDIDATES)
            break;
        if (sqlite3_column_int64(cand, 1) == article)
            continue;
        if (VEC_PUSH(out, ((features){0})))
            rc = dossier_db_fail(db, DOSSIER_ENOMEM, "out of memory");
        else
            rc = read_features(&out->v[out->n - 1], db, cand, &ev, 0);
    }
    sqlite3_reset(cand);
    /* the words never worked out, now that the query is done */
    for (size_t k = first; !rc && k < out->n; k++) {
        features *f = &out->v[k];
        if (!f->unfilled)
            continue;
        f->unfilled = 0;
        rc = fill_words(&f->text, db, f->id, f->lang, &ev);
        if (!rc && parse(f))
            rc = dossier_db_fail(db, DOSSIER_ENOMEM, "out of memory");
    }
    return rc;
}

/* Adds to *out the links of statement `mine` (an index, `me` its features) with candidates of other articles. */
static int links_with(founds *out, dossier_db *db, size_t mine, const features *me, const feature_list *cands)
{
    for (size_t k = 0; k < cands->n; k++) {
        const features *other = &cands->v[k];
        int level;
        double score = compare(me, other, &level);
        if (!level)
            continue;
        long long gap = me->day > other->day ? me->day - other->day : other->day - me->day;
        dossier_link l = {me->id, other->id, other->article, other->cluster, me->speaker, score, level,
                          me->day < 0 || other->day < 0 || gap <= STORY_DAYS};
        if (VEC_PUSH(out, ((found){mine, out->n, l})))
            return dossier_db_fail(db, DOSSIER_ENOMEM, "out of memory");
    }
    return DOSSIER_OK;
}

/* The candidate queries of dossier_cluster_links. */
typedef struct {
    sqlite3_stmt *near, *undated, *latest;
} candidate_queries;

/*
 * Reads the candidates of a speaker's statements in other articles: those
 * published within the window of `day`, then the latest undated ones; or,
 * for an undated article (day < 0), the speaker's latest statements.
 * `own` is the number of the article's statements of the speaker not
 * stored yet, which the queries would have counted among their rows.
 */
static int speaker_candidates(feature_list *out, dossier_db *db, const candidate_queries *q,
                              long long speaker, long long day, long long article, size_t own)
{
    int rc;
    if (day >= 0) {
        sqlite3_bind_int64(q->near, 1, speaker);
        sqlite3_bind_int64(q->near, 2, day - WINDOW_DAYS);
        sqlite3_bind_int64(q->near, 3, day + WINDOW_DAYS);
        rc = read_candidates(out, db, q->near, article, own, day);
        sqlite3_bind_int64(q->undated, 1, speaker);
        if (!rc)
            rc = read_candidates(out, db, q->undated, article, 0, 0);
    } else { /* the latest ids, of which the article's own would be the first */
        sqlite3_bind_int64(q->latest, 1, speaker);
        sqlite3_bind_int64(q->latest, 2, own < CANDIDATES ? (long long)(CANDIDATES - own) : 0);
        rc = read_candidates(out, db, q->latest, article, 0, 0);
    }
    return rc;
}

/* A statement of the article by speaker and day, for grouping. */
typedef struct {
    long long speaker, day;
    size_t idx;
} by_speaker;

/* Orders statements by speaker and day, then by index. */
static int cmp_by_speaker(const void *pa, const void *pb)
{
    const by_speaker *a = pa, *b = pb;
    if (a->speaker != b->speaker)
        return a->speaker < b->speaker ? -1 : 1;
    if (a->day != b->day)
        return a->day < b->day ? -1 : 1;
    return a->idx < b->idx ? -1 : a->idx > b->idx;
}

/* Orders found links by statement, then in the order found. */
static int cmp_found(const void *pa, const void *pb)
{
    const found *a = pa, *b = pb;
    if (a->mine != b->mine)
        return a->mine < b->mine ? -1 : 1;
    return a->seq < b->seq ? -1 : a->seq > b->seq;
}

/*
 * Finds the links of the article's statements (me, n of them) with other
 * articles.  The candidates depend only on the speaker and the day, so
 * they are read once for all statements of one speaker.  Sets *out to the
 * links sorted by statement, each statement's in the order of its queries.
 * `unstored`: the article's statements are not stored yet (ingest).
 */
static int cross_links(founds *out, dossier_db *db, const candidate_queries *q, const features *me, size_t n,
                       long long article, int unstored)
{
    by_speaker *order = malloc((n ? n : 1) * sizeof *order);
    feature_list cands = {0};
    int rc = order ? DOSSIER_OK : dossier_db_fail(db, DOSSIER_ENOMEM, "out of memory");
    for (size_t i = 0; order && i < n; i++)
        order[i] = (by_speaker){me[i].speaker, me[i].day, i};
    if (order && n)
        qsort(order, n, sizeof *order, cmp_by_speaker);
    for (size_t i = 0, j; !rc && i < n; i = j) {
        for (j = i + 1; j < n && order[j].speaker == order[i].speaker && order[j].day == order[i].day; j++)
            ;
        if (!order[i].speaker)
            continue;
        rc = speaker_candidates(&cands, db, q, order[i].speaker, order[i].day, article, unstored ? j - i : 0);
        for (size_t m = i; !rc && m < j; m++)
            rc = links_with(out, db, order[m].idx, &me[order[m].idx], &cands);
        feature_list_free(&cands);
    }
    if (!rc && out->n)
        qsort(out->v, out->n, sizeof *out->v, cmp_found);
    free(order);
    return rc;
}

/* Stores the features rows of an article's statements that have none yet. */
static int add_feature_rows(dossier_db *db, long long article)
{
    sqlite3_stmt *st = NULL;
    int rc = dossier_db_cached(&st, db,
        "INSERT OR IGNORE INTO statement_features(statement, speaker, article, day, language, kind, rank, cluster)"
        " SELECT s.id, s.speaker, s.article, CAST(julianday(a.published) AS INTEGER), a.language, s.kind,"
        " row_number() OVER (PARTITION BY s.speaker ORDER BY s.start, s.id) - 1, s.cluster"
        " FROM statements s JOIN articles a ON a.id = s.article WHERE s.article = ?1");
    if (rc)
        return rc;
    sqlite3_bind_int64(st, 1, article);
    rc = sqlite3_step(st) == SQLITE_DONE ? DOSSIER_OK : dossier_db_sqlfail(db, "statement features");
    sqlite3_reset(st);
    return rc;
}

/* Prepares the queries of the article's own statements and of the candidates. */
static int prepare_queries(sqlite3_stmt **mine, candidate_queries *q, dossier_db *db)
{
    int rc = dossier_db_cached(mine, db, FEATURE_COLUMNS " WHERE f.statement IN"
                               " (SELECT id FROM statements WHERE article = ?1) ORDER BY f.statement");
    if (!rc) /* dated: the speaker's statements published within the window */
        rc = dossier_db_cached(&q->near, db, CANDIDATE_COLUMNS
                               " WHERE f.speaker = ?1 AND f.day BETWEEN ?2 AND ?3"
                               " ORDER BY f.day DESC, f.statement DESC LIMIT " TEXT(CANDIDATES));
    if (!rc) /* and the speaker's latest undated ones */
        rc = dossier_db_cached(&q->undated, db, CANDIDATE_COLUMNS
                               " WHERE f.speaker = ?1 AND f.day IS NULL"
                               " ORDER BY f.statement DESC LIMIT " TEXT(CANDIDATES));
    if (!rc) /* undated: the speaker's latest statements, dated or not */
        rc = dossier_db_cached(&q->latest, db, FEATURES_ALONE
                               " WHERE f.statement IN (SELECT id FROM statements WHERE speaker = ?1"
                               "  ORDER BY id DESC LIMIT ?2)");
    return rc;
}

/*
 * Appends the links of statement i: its repeats later in the article (the
 * pairs from *next on that start at i), then its links with other articles.
 */
static int emit_links(dossier_links *out, dossier_db *db, const feature_list *me, size_t i, const pairs *rep,
                      size_t *next_pair, const founds *cross, size_t *next_cross, long long article)
{
    const features *f = &me->v[i];
    for (; *next_pair < rep->n && rep->v[*next_pair].a == i; (*next_pair)++) {
        const features *g = &me->v[rep->v[*next_pair].b];
        int level;
        double score = compare(f, g, &level);
        dossier_link l = {f->id, g->id, article, g->id, f->speaker, score, level, 0};
        if (level && f->speaker == g->speaker && f->speaker && VEC_PUSH(out, l))
            return dossier_db_fail(db, DOSSIER_ENOMEM, "out of memory");
    }
    for (; *next_cross < cross->n && cross->v[*next_cross].mine == i; (*next_cross)++)
        if (VEC_PUSH(out, cross->v[*next_cross].link))
            return dossier_db_fail(db, DOSSIER_ENOMEM, "out of memory");
    return DOSSIER_OK;
}

/* ---- a paraphrase and the quotation that gives its figures ---- */

/* Orders statements (pointers into the article's list) by where they begin. */
static int cmp_start(const void *pa, const void *pb)
{
    const features *a = *(const features *const *)pa, *b = *(const features *const *)pb;
    if (a->start != b->start)
        return a->start < b->start ? -1 : 1;
    return a->id < b->id ? -1 : a->id > b->id;
}

/*
 * Non-zero when quotation b gives the figures of paraphrase a, b being the
 * statement right after a in the article: one speaker, a reported speech,
 * b a quotation, both stating numbers, FIGURES_SHARED items in common
 * ("the pump ran 30 seconds too long, the engineer said. 'It ran for 95
 * seconds instead of 65,' she said").  Shared words alone are not enough:
 * a lede often sums up what its speaker says over several quotations.
 */
static int gives_figures(const features *a, const features *b)
{
    if (!a->speaker || a->speaker != b->speaker || a->direct || !b->direct || !a->numbers.n || !b->numbers.n)
        return 0;
    size_t shared = shared_items(&a->words, &b->words, 1, 0) + shared_items(&a->numbers, &b->numbers, 0, 0) +
                    shared_items(&a->names, &b->names, 0, 0);
    return shared >= FIGURES_SHARED;
}

/* Non-zero when every "#kind" item (an event a statement names) of a is among b's words. */
static int events_within(const items *a, const items *b)
{
    for (size_t i = 0; i < a->n; i++) {
        size_t j = 0;
        while (a->v[i].s[0] == '#' && j < b->n &&
               !(a->v[i].n == b->v[j].n && memcmp(a->v[i].s, b->v[j].s, a->v[i].n) == 0))
            j++;
        if (j == b->n)
            return 0;
    }
    return 1;
}

/* Non-zero when a word list names an event. */
static int names_event(const items *a)
{
    for (size_t i = 0; i < a->n; i++)
        if (a->v[i].s[0] == '#')
            return 1;
    return 0;
}

/*
 * Non-zero when quotation b tells the event that paraphrase a reports, b
 * being the statement right after a: one speaker, a reported speech and a
 * quotation, the same events named in both (by any of their words:
 * "crashed on the Moon", "a collision with the surface of the Moon") and
 * a name in common.  A lede that sums up other things its speaker says
 * names other events than the quotation, or none, and stays apart.
 */
static int tells_event(const features *a, const features *b)
{
    if (!a->speaker || a->speaker != b->speaker || a->direct || !b->direct)
        return 0;
    return names_event(&a->words) && events_within(&a->words, &b->words) && events_within(&b->words, &a->words) &&
           shared_items(&a->names, &b->names, 0, 0);
}

/* Appends a link for each paraphrase of the article (me, n statements) followed by the quotation of its figures. */
static int figure_links(dossier_links *out, dossier_db *db, const features *me, size_t n, long long article)
{
    const features **order = malloc((n ? n : 1) * sizeof *order);
    int rc = order ? DOSSIER_OK : dossier_db_fail(db, DOSSIER_ENOMEM, "out of memory");
    for (size_t i = 0; order && i < n; i++)
        order[i] = &me[i];
    if (order && n)
        qsort(order, n, sizeof *order, cmp_start);
    for (size_t i = 0; !rc && i + 1 < n; i++) {
        const features *a = order[i], *b = order[i + 1];
        if (!gives_figures(a, b) && !tells_event(a, b))
            continue;
        int level;
        dossier_link l = {b->id, a->id, article, a->id, a->speaker, compare(a, b, &level), DOSSIER_LINK_COPY, 0};
        if (VEC_PUSH(out, l))
            rc = dossier_db_fail(db, DOSSIER_ENOMEM, "out of memory");
    }
    free(order);
    return rc;
}

/*
 * The links of the article's statements (me, in id order), given the
 * candidate queries: repeats within the article, links with other
 * articles, paraphrases followed by their figures.  `unstored` as in
 * cross_links().
 */
static int links_of(dossier_links *out, dossier_db *db, const feature_list *me, long long article, int unstored)
{
    sqlite3_stmt *mine = NULL;
    candidate_queries q = {0};
    pairs rep = {0};
    founds cross = {0};
    size_t next_pair = 0, next_cross = 0;
    int rc = prepare_queries(&mine, &q, db);
    if (!rc && repeat_pairs(&rep, me->v, me->n))
        rc = dossier_db_fail(db, DOSSIER_ENOMEM, "out of memory");
    if (!rc)
        rc = cross_links(&cross, db, &q, me->v, me->n, article, unstored);
    for (size_t i = 0; !rc && i < me->n; i++)
        rc = emit_links(out, db, me, i, &rep, &next_pair, &cross, &next_cross, article);
    if (!rc)
        rc = figure_links(out, db, me->v, me->n, article);
    VEC_FREE(&rep);
    VEC_FREE(&cross);
    return rc;
}

/* See cluster.h. */
int dossier_cluster_links(dossier_links *out, dossier_db *db, long long article)
{
    sqlite3_stmt *mine = NULL;
    candidate_queries q = {0};
    feature_list me = {0};
    event_lists ev; /* found by fill_words when first needed (no language yet), not zeroed: some kilobytes */
    ev.lang[0] = '\0';
    int rc = add_feature_rows(db, article);
    if (!rc)
        rc = prepare_queries(&mine, &q, db);
    if (rc)
        return rc;
    sqlite3_bind_int64(mine, 1, article);
    while (!rc && sqlite3_step(mine) == SQLITE_ROW) {
        if (VEC_PUSH(&me, ((features){0}))) {
            rc = dossier_db_fail(db, DOSSIER_ENOMEM, "out of memory");
            break;
        }
        rc = read_features(&me.v[me.n - 1], db, mine, &ev, 1);
    }
    sqlite3_reset(mine);
    if (!rc)
        rc = links_of(out, db, &me, article, 0);
    feature_list_free(&me);
    return rc;
}

/* See cluster.h. */
int dossier_cluster_rank(const dossier_doc *d, const long long *speakers, size_t i)
{
    int rank = 0;
    const dossier_statement *s = &d->statements.v[i];
    for (size_t j = 0; j < d->statements.n; j++) {
        const dossier_statement *o = &d->statements.v[j];
        rank += speakers[j] == speakers[i] && (o->span.start < s->span.start || (o->span.start == s->span.start && j < i));
    }
    return rank;
}

/*
 * Fills the features of doc statement i as its statement_features row
 * will hold them: id stmt_ids[i], the article's day and language, its
 * wording and the entities it names.
 */
static int doc_features(features *f, const dossier_doc *d, size_t i, const long long *stmt_ids, const long long *ids,
                        const long long *speakers, long long article, long long day, const char *lang)
{
    const dossier_statement *s = &d->statements.v[i];
    char *names = NULL;
    dbuf b = {0};
    f->id = f->cluster = stmt_ids[i];
    f->article = article;
    f->speaker = speakers[i];
    f->day = day;
    f->start = (long long)s->span.start;
    f->direct = s->kind == DOSSIER_STATEMENT_DIRECT;
    f->rank = dossier_cluster_rank(d, speakers, i);
    snprintf(f->lang, sizeof f->lang, "%s", lang);
    int rc = dossier_cluster_names(&names, d, i, ids);
    if (!rc && (dossier_buf_puts(&b, s->wording) || dossier_buf_puts(&b, names)))
        rc = DOSSIER_ENOMEM;
    free(names);
    if (rc) {
        dossier_buf_free(&b);
        return DOSSIER_ENOMEM;
    }
    f->text = dossier_buf_take(&b);
    return f->text ? parse(f) : DOSSIER_ENOMEM;
}

/* See cluster.h. */
int dossier_cluster_worded(const dossier_doc *d)
{
    for (size_t i = 0; i < d->statements.n; i++) {
        const char *w = d->statements.v[i].wording, *nl = w ? strchr(w, '\n') : NULL;
        if (!nl || !strchr(nl + 1, '\n'))
            return 0;
    }
    return 1;
}

/* See cluster.h. */
int dossier_cluster_links_doc(dossier_links *out, dossier_db *db, long long article, const dossier_doc *d,
                              const long long *stmt_ids, const long long *ids)
{
    sqlite3_stmt *st = NULL;
    feature_list me = {0};
    long long day = -1;
    char lang[8] = "";
    long long *speakers = NULL;
    int rc = dossier_db_cached(&st, db, "SELECT CAST(julianday(published) AS INTEGER), language"
                                        " FROM articles INDEXED BY articles_meta WHERE id = ?1");
    if (rc)
        return rc;
    sqlite3_bind_int64(st, 1, article);
    if (sqlite3_step(st) == SQLITE_ROW) {
        if (sqlite3_column_type(st, 0) != SQLITE_NULL)
            day = sqlite3_column_int64(st, 0);
        snprintf(lang, sizeof lang, "%s", sqlite3_column_text(st, 1) ? (const char *)sqlite3_column_text(st, 1) : "");
    }
    sqlite3_reset(st);
    speakers = calloc(d->statements.n + 1, sizeof *speakers);
    if (!speakers)
        rc = DOSSIER_ENOMEM;
    for (size_t i = 0; !rc && i < d->statements.n; i++)
        speakers[i] = d->statements.v[i].speaker >= 0 ? ids[d->statements.v[i].speaker] : 0;
    for (size_t i = 0; !rc && i < d->statements.n; i++)
        rc = VEC_PUSH(&me, ((features){0})) ? DOSSIER_ENOMEM
             : doc_features(&me.v[me.n - 1], d, i, stmt_ids, ids, speakers, article, day, lang);
    if (rc)
        rc = dossier_db_fail(db, rc, "out of memory");
    else
        rc = links_of(out, db, &me, article, 1);
    free(speakers);
    feature_list_free(&me);
    return rc;
}

/* ---- clusters ---- */

/* Orders links best first (then by ids, so that ties fall the same way in any order). */
static int cmp_link(const void *pa, const void *pb)
{
    const dossier_link *a = pa, *b = pb;
    if (a->score != b->score)
        return a->score > b->score ? -1 : 1;
    if (a->mine != b->mine)
        return a->mine < b->mine ? -1 : 1;
    return a->other < b->other ? -1 : a->other > b->other;
}

/* A cluster id and the one it is merged into. */
typedef struct {
    long long from, to;
} merge;

typedef VEC(merge) merges;

/* One entry of an id table: a pair of ids and a value. */
typedef struct {
    long long a, b, val;
    int full;
} id_slot;

/* A hash table from pairs of ids to ids (open addressing), so that look-ups stay constant. */
typedef struct {
    id_slot *v;
    size_t n, cap;
} id_table;

/* The slot of (a, b) in t: the one holding it, or the empty one where it would go. */
static id_slot *id_find(const id_table *t, long long a, long long b)
{
    uint64_t h = (uint64_t)a * 0x9E3779B97F4A7C15ULL ^ (uint64_t)b * 0xC2B2AE3D27D4EB4FULL;
    size_t k = (size_t)(h ^ (h >> 32)) & (t->cap - 1);
    while (t->v[k].full && (t->v[k].a != a || t->v[k].b != b))
        k = (k + 1) & (t->cap - 1);
    return &t->v[k];
}

/* The value of (a, b), or `missing` when the table has none. */
static long long id_get(const id_table *t, long long a, long long b, long long missing)
{
    if (!t->cap)
        return missing;
    const id_slot *s = id_find(t, a, b);
    return s->full ? s->val : missing;
}

/* Sets the value of (a, b); returns 0 or DOSSIER_ENOMEM. */
static int id_put(id_table *t, long long a, long long b, long long val)
{
    if ((t->n + 1) * 2 > t->cap) {
        id_table bigger = {calloc(t->cap ? t->cap * 2 : 64, sizeof(id_slot)), 0, t->cap ? t->cap * 2 : 64};
        if (!bigger.v)
            return DOSSIER_ENOMEM;
        for (size_t i = 0; i < t->cap; i++)
            if (t->v[i].full) {
                *id_find(&bigger, t->v[i].a, t->v[i].b) = t->v[i];
                bigger.n++;
            }
        free(t->v);
        *t = bigger;
    }
    id_slot *s = id_find(t, a, b);
    if (!s->full)
        t->n++;
    *s = (id_slot){a, b, val, 1};
    return DOSSIER_OK;
}

/* Clusters merged into others: the merges in the order made, and each one's target. */
typedef struct {
    merges list;
    id_table to;
} merge_set;

/* Follows merges to the cluster a cluster id ends in (and shortens the way for the next time). */
static long long final_cluster(merge_set *m, long long c)
{
    long long end = c, next;
    while ((next = id_get(&m->to, end, 0, end)) != end)
        end = next;
    while ((next = id_get(&m->to, c, 0, c)) != end && next != c) {
        id_find(&m->to, c, 0)->val = end;
        c = next;
    }
    return end;
}

/* Joins clusters a and b (the larger id goes into the smaller). */
static int join(merge_set *m, long long a, long long b)
{
    a = final_cluster(m, a);
    b = final_cluster(m, b);
    if (a == b)
        return DOSSIER_OK;
    merge x = {a > b ? a : b, a > b ? b : a};
    return VEC_PUSH(&m->list, x) || id_put(&m->to, x.from, 0, x.to) ? DOSSIER_ENOMEM : DOSSIER_OK;
}

/* See cluster.h.  The story is read from the index articles_story_of (030):
 * in an articles row it comes after the body and its overflow pages. */
long long dossier_cluster_story_of(dossier_db *db, long long article)
{
    sqlite3_stmt *st = NULL;
    long long story = article;
    if (dossier_db_cached(&st, db, "SELECT coalesce(story, id) FROM articles INDEXED BY articles_story_of"
                                   " WHERE id = ?1"))
        return DOSSIER_EDB;
    sqlite3_bind_int64(st, 1, article);
    if (sqlite3_step(st) == SQLITE_ROW)
        story = sqlite3_column_int64(st, 0);
    sqlite3_reset(st);
    return story;
}

/* The clusters links make: the merges, looked up by cluster. */
struct dossier_cluster_plan {
    merge_set m;
};

/* See cluster.h. */
int dossier_cluster_plan_make(dossier_cluster_plan **out, dossier_db *db, long long article, long long story,
                              dossier_links *links)
{
    dossier_cluster_plan *p = calloc(1, sizeof *p);
    id_table used = {0}; /* (statement, article) pairs joined */
    int rc = p ? DOSSIER_OK : DOSSIER_ENOMEM;
    if (!rc && links->n)
        qsort(links->v, links->n, sizeof *links->v, cmp_link);
    for (size_t i = 0; !rc && i < links->n; i++) {
        dossier_link *l = &links->v[i];
        long long mine_article = article;
        if (l->level < DOSSIER_LINK_COPY) {
            long long s = dossier_cluster_story_of(db, l->other_article);
            if (s < 0) {
                rc = (int)s;
                break;
            }
            if (s != story)
                continue;
        }
        /* one statement of each article for each statement, most alike first */
        if (l->other_article != article) {
            if (id_get(&used, l->mine, l->other_article, 0) || id_get(&used, l->other, mine_article, 0))
                continue;
            if (id_put(&used, l->mine, l->other_article, 1) || id_put(&used, l->other, mine_article, 1)) {
                rc = DOSSIER_ENOMEM;
                break;
            }
        }
        if (join(&p->m, l->mine, l->other_cluster))
            rc = DOSSIER_ENOMEM;
    }
    free(used.v);
    if (rc) {
        dossier_cluster_plan_free(p);
        p = NULL;
    }
    *out = p;
    return rc == DOSSIER_ENOMEM ? dossier_db_fail(db, rc, "out of memory") : rc;
}

/* See cluster.h. */
long long dossier_cluster_plan_of(dossier_cluster_plan *p, long long statement)
{
    return final_cluster(&p->m, statement);
}

/* See cluster.h. */
int dossier_cluster_plan_move(dossier_db *db, dossier_cluster_plan *p)
{
    sqlite3_stmt *move = NULL;
    int rc = p->m.list.n ? dossier_db_cached(&move, db, "UPDATE statements SET cluster = ?2 WHERE cluster = ?1")
                         : DOSSIER_OK;
    for (size_t i = 0; !rc && i < p->m.list.n; i++) {
        sqlite3_bind_int64(move, 1, p->m.list.v[i].from);
        sqlite3_bind_int64(move, 2, final_cluster(&p->m, p->m.list.v[i].from));
        if (sqlite3_step(move) != SQLITE_DONE)
            rc = dossier_db_sqlfail(db, "statement clusters");
        sqlite3_reset(move);
    }
    return rc;
}

/* See cluster.h. */
void dossier_cluster_plan_free(dossier_cluster_plan *p)
{
    if (!p)
        return;
    VEC_FREE(&p->m.list);
    free(p->m.to.v);
    free(p);
}

/* See cluster.h. */
int dossier_cluster_apply(dossier_db *db, long long article, long long story, dossier_links *links)
{
    dossier_cluster_plan *p = NULL;
    sqlite3_stmt *mine = NULL, *set = NULL;
    int rc = dossier_cluster_plan_make(&p, db, article, story, links);
    if (!rc)
        rc = dossier_db_cached(&mine, db, "SELECT id FROM statements WHERE article = ?1 ORDER BY id");
    if (!rc)
        rc = dossier_db_cached(&set, db, "UPDATE statements SET cluster = ?2 WHERE id = ?1");
    if (rc)
        goto done;
    sqlite3_bind_int64(mine, 1, article);
    while (!rc && sqlite3_step(mine) == SQLITE_ROW) {
        long long id = sqlite3_column_int64(mine, 0);
        sqlite3_bind_int64(set, 1, id);
        sqlite3_bind_int64(set, 2, dossier_cluster_plan_of(p, id));
        if (sqlite3_step(set) != SQLITE_DONE)
            rc = dossier_db_sqlfail(db, "statement clusters");
        sqlite3_reset(set);
    }
    sqlite3_reset(mine);
    /* earlier clusters that the new statements joined become one */
    if (!rc)
        rc = dossier_cluster_plan_move(db, p);
done:
    dossier_cluster_plan_free(p);
    return rc;
}

/* See cluster.h. */
int dossier_cluster_article(dossier_db *db, long long article)
{
    dossier_links links = {0};
    int rc = dossier_cluster_links(&links, db, article);
    long long story = rc ? 0 : dossier_cluster_story_of(db, article);
    if (!rc && story < 0)
        rc = (int)story;
    if (!rc)
        rc = dossier_cluster_apply(db, article, story, &links);
    VEC_FREE(&links);
    return rc;
}
