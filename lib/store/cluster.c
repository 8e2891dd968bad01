/*
 * cluster.c — statements that report the same utterance, across articles
 * and languages, share a cluster (named by its smallest statement id).
 *
 * What is compared of a statement is worked out once, when its article is
 * stored, and kept in statement_features: its content words (folded, stop
 * words and speech verbs left out, and the words of names, which count as
 * the entities they name), its numbers and the entities it names.  Two
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
 * and kind of what a speaker said.  Within one article only a repeat of
 * the same words joins.  When unsure, nothing joins.
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
#define WINDOW_DAYS 7         /* the dated candidates: published this close */
#define STORY_DAYS 3          /* articles of one story are published this close */
#define CANDIDATES "200"      /* at most this many candidates per speaker and query */

/* One word, number or name of a statement: a view into its features text. */
typedef struct {
    const char *s;
    size_t n;
} item;

typedef VEC(item) items;

/* A statement as compared: its features row. */
typedef struct {
    long long id, article, speaker, cluster;
    long long day;            /* -1 when undated */
    int direct, rank;
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
        if (VEC_PUSH(out, ((item){s, (size_t)(e - s)})))
            *rc = DOSSIER_ENOMEM;
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

/* Non-zero when a folded word says nothing of the content: a stop word or a speech verb. */
static int is_stop(const dossier_lexicon *lex, const char *w)
{
    static const char *const lists[] = {"meta.stopwords", "entity.stopwords", "statement.verbs",
                                        "statement.verbs_that", "statement.aux", "statement.passive_aux",
                                        "statement.prepositions", "statement.articles", "statement.relatives",
                                        "statement.pronouns_clause"};
    if (strlen(w) < 3)
        return 1;
    for (size_t i = 0; i < sizeof lists / sizeof *lists; i++)
        if (dossier_lexicon_has(lex, NULL, lists[i], w))
            return 1;
    return 0;
}

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
 * Works out the words, numbers and names of a statement: `text` with the
 * name spans `names` (offsets into text) and the entity ids `ids` named in
 * it.  Sets *out to "words\nnumbers\nnames"; the caller frees it.
 */
static int describe(char **out, const dossier_lexicon *lex, const char *text, size_t len,
                    const spans *names, strings *ids)
{
    strings words = {0}, numbers = {0};
    dbuf b = {0};
    size_t pos = 0, start, end;
    unsigned flags;
    int rc = DOSSIER_OK;
    while (!rc && (flags = dossier_token_next(text, len, &pos, &start, &end))) {
        if (in_name(names, start, end))
            continue;
        if (flags & DOSSIER_TOK_NUM) {
            char digits[32];
            size_t n = 0;
            for (size_t i = start; i < end && n + 1 < sizeof digits; i++)
                if (text[i] >= '0' && text[i] <= '9')
                    digits[n++] = text[i];
            digits[n] = '\0';
            char *d = n ? dossier_strdup(digits) : NULL;
            if (n && (!d || VEC_PUSH(&numbers, d))) {
                free(d);
                rc = DOSSIER_ENOMEM;
            }
            continue;
        }
        if (!(flags & DOSSIER_TOK_WORD))
            continue;
        char *w = dossier_fold(text + start, end - start);
        if (!w) {
            rc = DOSSIER_ENOMEM;
            break;
        }
        char *apo = strrchr(w, '\''); /* "l'appareil": the word after an elision */
        if (apo && apo[1])
            memmove(w, apo + 1, strlen(apo + 1) + 1);
        if (is_stop(lex, w) || strchr(w, ' ') || VEC_PUSH(&words, w))
            free(w);
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
    strings_free(&words);
    strings_free(&numbers);
    if (rc) {
        dossier_buf_free(&b);
        return DOSSIER_ENOMEM;
    }
    *out = b.s ? dossier_buf_take(&b) : dossier_strdup("\n\n");
    return *out ? DOSSIER_OK : DOSSIER_ENOMEM;
}

/*
 * Works out and stores the words, numbers and names of statement `id`
 * (its features row exists, with words NULL).  Sets *out to the text
 * stored; the caller frees it.
 */
static int fill_words(char **out, dossier_db *db, long long id)
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
        rc = describe(&text, lex, t ? t : "", (size_t)sqlite3_column_bytes(st, 0), &names, &ids);
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

/* Columns of the features queries: statement, article, speaker, cluster, day, kind, rank, language, words, numbers, names. */
#define FEATURE_COLUMNS                                                                    \
    "SELECT f.statement, f.article, f.speaker, coalesce(s.cluster, s.id), coalesce(f.day, -1)," \
    " f.kind, f.rank, f.language, f.words, f.numbers, f.names"                                 \
    " FROM statement_features f JOIN statements s ON s.id = f.statement"

/* Reads one features row, working out its words when they were never stored. */
static int read_features(features *f, dossier_db *db, sqlite3_stmt *st)
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
    const char *lang = (const char *)sqlite3_column_text(st, 7);
    snprintf(f->lang, sizeof f->lang, "%s", lang ? lang : "");
    if (sqlite3_column_type(st, 8) == SQLITE_NULL) {
        int rc = fill_words(&f->text, db, f->id);
        if (rc)
            return rc;
    } else {
        dbuf b = {0};
        for (int c = 8; c <= 10; c++) {
            const char *t = (const char *)sqlite3_column_text(st, c);
            if ((c > 8 && dossier_buf_puts(&b, "\n")) || dossier_buf_puts(&b, t ? t : "")) {
                dossier_buf_free(&b);
                return dossier_db_fail(db, DOSSIER_ENOMEM, "out of memory");
            }
        }
        f->text = dossier_buf_take(&b);
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
static size_t stem_len(const item *w)
{
    size_t chars = 0, i = 0;
    for (; i < w->n && chars < STEM; i++)
        if (((unsigned char)w->s[i] & 0xC0) != 0x80)
            chars++;
    while (i < w->n && ((unsigned char)w->s[i] & 0xC0) == 0x80)
        i++;
    return chars >= STEM ? i : 0;
}

/* Non-zero when two folded words are one word: equal, one stem, or (across languages) cognates. */
static int same_word(const item *a, const item *b, int languages_differ)
{
    if (a->n == b->n && memcmp(a->s, b->s, a->n) == 0)
        return 1;
    size_t ka = stem_len(a), kb = stem_len(b);
    if (ka && ka == kb && memcmp(a->s, b->s, ka) == 0)
        return 1;
    if (!languages_differ || a->n < 5 || b->n < 5 || a->s[0] != b->s[0])
        return 0;
    size_t longer = a->n > b->n ? a->n : b->n, shorter = a->n > b->n ? b->n : a->n;
    if ((double)shorter < COGNATE * (double)longer)
        return 0;
    return (double)lcs(a, b) >= COGNATE * (double)longer;
}

/* How many items of a find a different partner in b (each used once). */
static size_t shared_items(const items *a, const items *b, int words, int languages_differ)
{
    unsigned char used[512] = {0};
    size_t n = 0;
    for (size_t i = 0; i < a->n; i++)
        for (size_t j = 0; j < b->n && j < sizeof used; j++) {
            if (used[j])
                continue;
            int same = words ? same_word(&a->v[i], &b->v[j], languages_differ)
                             : a->v[i].n == b->v[j].n && memcmp(a->v[i].s, b->v[j].s, a->v[i].n) == 0;
            if (same) {
                used[j] = 1;
                n++;
                break;
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

/* Adds the links of `me` with every row of a candidate query. */
static int links_from(dossier_links *out, dossier_db *db, sqlite3_stmt *cand, const features *me,
                      features *other, long long article)
{
    int rc = DOSSIER_OK;
    while (!rc && sqlite3_step(cand) == SQLITE_ROW) {
        rc = read_features(other, db, cand);
        if (rc || other->article == article)
            continue;
        int level;
        double score = compare(me, other, &level);
        if (!level)
            continue;
        long long gap = me->day > other->day ? me->day - other->day : other->day - me->day;
        dossier_link l = {me->id, other->id, other->article, other->cluster, me->speaker, score, level,
                          me->day < 0 || other->day < 0 || gap <= STORY_DAYS};
        if (VEC_PUSH(out, l))
            rc = dossier_db_fail(db, DOSSIER_ENOMEM, "out of memory");
    }
    sqlite3_reset(cand);
    return rc;
}

/* Stores the features rows of an article's statements that have none yet. */
static int add_feature_rows(dossier_db *db, long long article)
{
    sqlite3_stmt *st = NULL;
    int rc = dossier_db_cached(&st, db,
        "INSERT OR IGNORE INTO statement_features(statement, speaker, article, day, language, kind, rank)"
        " SELECT s.id, s.speaker, s.article, CAST(julianday(a.published) AS INTEGER), a.language, s.kind,"
        " row_number() OVER (PARTITION BY s.speaker ORDER BY s.start, s.id) - 1"
        " FROM statements s JOIN articles a ON a.id = s.article WHERE s.article = ?1");
    if (rc)
        return rc;
    sqlite3_bind_int64(st, 1, article);
    rc = sqlite3_step(st) == SQLITE_DONE ? DOSSIER_OK : dossier_db_sqlfail(db, "statement features");
    sqlite3_reset(st);
    return rc;
}

/* See cluster.h. */
int dossier_cluster_links(dossier_links *out, dossier_db *db, long long article)
{
    sqlite3_stmt *mine = NULL, *near = NULL, *undated = NULL, *latest = NULL;
    VEC(features) me = {0};
    features other = {0};
    int rc = add_feature_rows(db, article);
    if (!rc)
        rc = dossier_db_cached(&mine, db, FEATURE_COLUMNS " WHERE f.statement IN"
                               " (SELECT id FROM statements WHERE article = ?1) ORDER BY f.statement");
    if (!rc) /* dated: the speaker's statements published within the window */
        rc = dossier_db_cached(&near, db, FEATURE_COLUMNS
                               " WHERE f.speaker = ?1 AND f.day BETWEEN ?2 AND ?3"
                               " ORDER BY f.day DESC, f.statement DESC LIMIT " CANDIDATES);
    if (!rc) /* and the speaker's latest undated ones */
        rc = dossier_db_cached(&undated, db, FEATURE_COLUMNS
                               " WHERE f.speaker = ?1 AND f.day IS NULL"
                               " ORDER BY f.statement DESC LIMIT " CANDIDATES);
    if (!rc) /* undated: the speaker's latest statements, dated or not */
        rc = dossier_db_cached(&latest, db, FEATURE_COLUMNS
                               " WHERE f.statement IN (SELECT id FROM statements WHERE speaker = ?1"
                               "  ORDER BY id DESC LIMIT " CANDIDATES ")");
    if (rc)
        return rc;
    sqlite3_bind_int64(mine, 1, article);
    while (!rc && sqlite3_step(mine) == SQLITE_ROW) {
        if (VEC_PUSH(&me, ((features){0}))) {
            rc = dossier_db_fail(db, DOSSIER_ENOMEM, "out of memory");
            break;
        }
        rc = read_features(&me.v[me.n - 1], db, mine);
    }
    sqlite3_reset(mine);
    for (size_t i = 0; !rc && i < me.n; i++) {
        const features *f = &me.v[i];
        for (size_t j = i + 1; !rc && j < me.n; j++) { /* repeats within the article */
            int level;
            double score = compare(f, &me.v[j], &level);
            dossier_link l = {f->id, me.v[j].id, article, me.v[j].id, f->speaker, score, level, 0};
            if (level && f->speaker == me.v[j].speaker && f->speaker && VEC_PUSH(out, l))
                rc = dossier_db_fail(db, DOSSIER_ENOMEM, "out of memory");
        }
        if (rc || !f->speaker)
            continue;
        if (f->day >= 0) {
            sqlite3_bind_int64(near, 1, f->speaker);
            sqlite3_bind_int64(near, 2, f->day - WINDOW_DAYS);
            sqlite3_bind_int64(near, 3, f->day + WINDOW_DAYS);
            rc = links_from(out, db, near, f, &other, article);
            sqlite3_bind_int64(undated, 1, f->speaker);
            if (!rc)
                rc = links_from(out, db, undated, f, &other, article);
        } else {
            sqlite3_bind_int64(latest, 1, f->speaker);
            rc = links_from(out, db, latest, f, &other, article);
        }
    }
    for (size_t i = 0; i < me.n; i++)
        features_clear(&me.v[i]);
    VEC_FREE(&me);
    features_clear(&other);
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

/* Follows merges to the cluster a cluster id ends in. */
static long long final_cluster(const merges *m, long long c)
{
    for (int changed = 1; changed;) {
        changed = 0;
        for (size_t i = 0; i < m->n; i++)
            if (m->v[i].from == c) {
                c = m->v[i].to;
                changed = 1;
            }
    }
    return c;
}

/* Joins clusters a and b (the larger id goes into the smaller). */
static int join(merges *m, long long a, long long b)
{
    a = final_cluster(m, a);
    b = final_cluster(m, b);
    if (a == b)
        return DOSSIER_OK;
    merge x = {a > b ? a : b, a > b ? b : a};
    return VEC_PUSH(m, x);
}

/* The story of an article (its id when it has none). */
static long long story_of(dossier_db *db, long long article)
{
    sqlite3_stmt *st = NULL;
    long long story = article;
    if (dossier_db_cached(&st, db, "SELECT coalesce(story, id) FROM articles WHERE id = ?1"))
        return DOSSIER_EDB;
    sqlite3_bind_int64(st, 1, article);
    if (sqlite3_step(st) == SQLITE_ROW)
        story = sqlite3_column_int64(st, 0);
    sqlite3_reset(st);
    return story;
}

/* Non-zero when the pair (statement, article) is in the list of used pairs. */
static int used_pair(const merges *used, long long statement, long long article)
{
    for (size_t i = 0; i < used->n; i++)
        if (used->v[i].from == statement && used->v[i].to == article)
            return 1;
    return 0;
}

/* See cluster.h. */
int dossier_cluster_apply(dossier_db *db, long long article, long long story, dossier_links *links)
{
    merges m = {0}, used = {0};
    sqlite3_stmt *mine = NULL, *move = NULL, *set = NULL;
    int rc = DOSSIER_OK;
    if (links->n)
        qsort(links->v, links->n, sizeof *links->v, cmp_link);
    for (size_t i = 0; !rc && i < links->n; i++) {
        dossier_link *l = &links->v[i];
        long long mine_article = article;
        if (l->level < DOSSIER_LINK_COPY) {
            long long s = story_of(db, l->other_article);
            if (s < 0) {
                rc = (int)s;
                break;
            }
            if (s != story)
                continue;
        }
        /* one statement of each article for each statement, most alike first */
        if (l->other_article != article) {
            if (used_pair(&used, l->mine, l->other_article) || used_pair(&used, l->other, mine_article))
                continue;
            if (VEC_PUSH(&used, ((merge){l->mine, l->other_article})) ||
                VEC_PUSH(&used, ((merge){l->other, mine_article}))) {
                rc = DOSSIER_ENOMEM;
                break;
            }
        }
        if (join(&m, l->mine, l->other_cluster))
            rc = DOSSIER_ENOMEM;
    }
    if (rc)
        goto done;
    rc = dossier_db_cached(&mine, db, "SELECT id FROM statements WHERE article = ?1 ORDER BY id");
    if (!rc)
        rc = dossier_db_cached(&set, db, "UPDATE statements SET cluster = ?2 WHERE id = ?1");
    if (!rc)
        rc = dossier_db_cached(&move, db, "UPDATE statements SET cluster = ?2 WHERE cluster = ?1");
    if (rc)
        goto done;
    sqlite3_bind_int64(mine, 1, article);
    while (!rc && sqlite3_step(mine) == SQLITE_ROW) {
        long long id = sqlite3_column_int64(mine, 0);
        sqlite3_bind_int64(set, 1, id);
        sqlite3_bind_int64(set, 2, final_cluster(&m, id));
        if (sqlite3_step(set) != SQLITE_DONE)
            rc = dossier_db_sqlfail(db, "statement clusters");
        sqlite3_reset(set);
    }
    sqlite3_reset(mine);
    /* earlier clusters that the new statements joined become one */
    for (size_t i = 0; !rc && i < m.n; i++) {
        sqlite3_bind_int64(move, 1, m.v[i].from);
        sqlite3_bind_int64(move, 2, final_cluster(&m, m.v[i].from));
        if (sqlite3_step(move) != SQLITE_DONE)
            rc = dossier_db_sqlfail(db, "statement clusters");
        sqlite3_reset(move);
    }
done:
    VEC_FREE(&m);
    VEC_FREE(&used);
    return rc == DOSSIER_ENOMEM ? dossier_db_fail(db, rc, "out of memory") : rc;
}

/* See cluster.h. */
int dossier_cluster_article(dossier_db *db, long long article)
{
    dossier_links links = {0};
    int rc = dossier_cluster_links(&links, db, article);
    long long story = rc ? 0 : story_of(db, article);
    if (!rc && story < 0)
        rc = (int)story;
    if (!rc)
        rc = dossier_cluster_apply(db, article, story, &links);
    VEC_FREE(&links);
    return rc;
}
