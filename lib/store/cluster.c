/*
 * cluster.c — statements that report the same utterance, across articles
 * and languages, share a cluster (named by its smallest statement id).
 *
 * Only statements of the same speaker are compared.  Their likeness is the
 * Dice coefficient of their word stems (the first five letters of words of
 * five letters or more, so that "coopération" and "cooperation",
 * "stratégique" and "strategic" meet across languages), plus the Dice
 * coefficient of the numbers they contain.  Within one story (translations,
 * syndicated copies) the bar is lower and two more signals count, because
 * a translation keeps the order of what a speaker said and its kind: the
 * same rank among the speaker's statements of each article, and the same
 * kind (direct, indirect).  Each cluster takes at most one statement of an
 * article, the most alike first.
 */
#include "store/cluster.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/token.h"
#include "base/util.h"

#define STEM 5
#define BAR_OTHER 0.5    /* likeness needed between articles of different stories */
#define BAR_STORY 0.3    /* likeness needed within one story */
#define CANDIDATES "300" /* the articles of a speaker's latest statements that are compared */

typedef VEC(uint64_t) hashes;
typedef VEC(long long) ids;

/* What is compared of a statement. */
typedef struct {
    long long id, cluster, article, story, speaker;
    int kind_direct, rank;
    char lang[8];
    hashes stems, numbers;
} features;

/* Compares two hashes, for qsort. */
static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

/* Sorts a hash set and drops repeats. */
static void make_set(hashes *h)
{
    if (h->n)
        qsort(h->v, h->n, sizeof(uint64_t), cmp_u64);
    size_t w = 0;
    for (size_t i = 0; i < h->n; i++)
        if (w == 0 || h->v[w - 1] != h->v[i])
            h->v[w++] = h->v[i];
    h->n = w;
}

/* The hash of a number token's digits alone ("1,284" and "1 284" alike). */
static uint64_t number_hash(const char *s, size_t len)
{
    char digits[64];
    size_t n = 0;
    for (size_t i = 0; i < len && n < sizeof digits; i++)
        if (s[i] >= '0' && s[i] <= '9')
            digits[n++] = s[i];
    return dossier_hash(digits, n);
}

/* The byte length of the first STEM characters of a folded word, or 0 if shorter. */
static size_t stem_len(const char *f)
{
    size_t chars = 0, i = 0;
    for (; f[i] && chars < STEM; i++)
        if (((unsigned char)f[i] & 0xC0) != 0x80)
            chars++;
    while (f[i] && ((unsigned char)f[i] & 0xC0) == 0x80)
        i++;
    return chars >= STEM ? i : 0;
}

/* Fills the stem and number sets of a text. */
static int text_features(features *f, const char *text, size_t len)
{
    size_t pos = 0, start, end;
    unsigned flags;
    f->stems.n = f->numbers.n = 0;
    while ((flags = dossier_token_next(text, len, &pos, &start, &end))) {
        if (flags & DOSSIER_TOK_NUM) {
            if (VEC_PUSH(&f->numbers, number_hash(text + start, end - start)))
                return DOSSIER_ENOMEM;
            continue;
        }
        if (!(flags & DOSSIER_TOK_WORD))
            continue;
        char *w = dossier_fold(text + start, end - start);
        if (!w)
            return DOSSIER_ENOMEM;
        size_t k = stem_len(w);
        int rc = k ? VEC_PUSH(&f->stems, dossier_hash(w, k)) : 0;
        free(w);
        if (rc)
            return DOSSIER_ENOMEM;
    }
    make_set(&f->stems);
    make_set(&f->numbers);
    return DOSSIER_OK;
}

/* Dice coefficient of two sorted sets; 0 when both are empty. */
static double dice(const hashes *a, const hashes *b)
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

/* How alike two statements of the same speaker are, against the bar they must pass. */
static double likeness(const features *a, const features *b, double *bar)
{
    double s = dice(&a->stems, &b->stems) + 0.4 * dice(&a->numbers, &b->numbers);
    if (a->story != b->story) {
        *bar = BAR_OTHER;
        return s;
    }
    *bar = BAR_STORY;
    if (a->rank == b->rank)
        s += 0.15;
    if (a->kind_direct == b->kind_direct)
        s += 0.05;
    return s;
}

/* Reads one row of the statement queries (id, cluster, article, story, speaker, kind, rank, lang, text). */
static int read_row(features *f, sqlite3_stmt *st)
{
    f->id = sqlite3_column_int64(st, 0);
    f->cluster = sqlite3_column_int64(st, 1);
    f->article = sqlite3_column_int64(st, 2);
    f->story = sqlite3_column_int64(st, 3);
    f->speaker = sqlite3_column_int64(st, 4);
    const char *kind = (const char *)sqlite3_column_text(st, 5);
    f->kind_direct = kind && strcmp(kind, "direct") == 0;
    f->rank = sqlite3_column_int(st, 6);
    const char *lang = (const char *)sqlite3_column_text(st, 7);
    snprintf(f->lang, sizeof f->lang, "%s", lang ? lang : "");
    const char *text = (const char *)sqlite3_column_text(st, 8);
    return text_features(f, text ? text : "", (size_t)sqlite3_column_bytes(st, 8));
}

#define ROW_COLUMNS \
    "SELECT s.id, coalesce(s.cluster, s.id), s.article, coalesce(a.story, a.id), s.speaker, s.kind," \
    " row_number() OVER (PARTITION BY s.article, s.speaker ORDER BY s.start) - 1, a.language, s.text" \
    " FROM statements s JOIN articles a ON a.id = s.article"

/* Non-zero when `cluster` was already given to a statement of this article. */
static int taken(const ids *used, long long cluster)
{
    for (size_t i = 0; i < used->n; i++)
        if (used->v[i] == cluster)
            return 1;
    return 0;
}

/* The cluster of the most alike earlier statement of the speaker, or 0. */
static long long best_cluster(sqlite3_stmt *cand, const features *me, features *other,
                              const ids *used)
{
    long long best = 0;
    double best_score = 0;
    sqlite3_bind_int64(cand, 1, me->speaker);
    sqlite3_bind_int64(cand, 2, me->article);
    while (sqlite3_step(cand) == SQLITE_ROW) {
        double bar;
        if (read_row(other, cand))
            break;
        double s = likeness(me, other, &bar);
        if (s >= bar && s > best_score && !taken(used, other->cluster)) {
            best_score = s;
            best = other->cluster;
        }
    }
    sqlite3_reset(cand);
    return best;
}

/* See cluster.h. */
int dossier_cluster_article(dossier_db *db, long long article)
{
    sqlite3_stmt *mine = NULL, *cand = NULL, *set = NULL;
    features me = {0}, other = {0};
    ids used = {0};
    int rc = dossier_db_cached(&mine, db, ROW_COLUMNS " WHERE s.article = ?1 ORDER BY s.start");
    if (!rc)
        rc = dossier_db_cached(&cand, db, "SELECT * FROM (" ROW_COLUMNS
                                " WHERE s.speaker = ?1 AND s.article != ?2 AND s.article IN"
                                " (SELECT article FROM statements WHERE speaker = ?1"
                                "  ORDER BY id DESC LIMIT " CANDIDATES "))");
    if (!rc)
        rc = dossier_db_cached(&set, db, "UPDATE statements SET cluster = ?2 WHERE id = ?1");
    if (rc)
        goto done;
    sqlite3_bind_int64(mine, 1, article);
    while (!rc && sqlite3_step(mine) == SQLITE_ROW) {
        rc = read_row(&me, mine);
        long long cluster = 0;
        if (!rc && sqlite3_column_type(mine, 4) != SQLITE_NULL)
            cluster = best_cluster(cand, &me, &other, &used);
        if (!rc && cluster)
            rc = VEC_PUSH(&used, cluster);
        if (rc)
            break;
        sqlite3_bind_int64(set, 1, me.id);
        sqlite3_bind_int64(set, 2, cluster ? cluster : me.id);
        if (sqlite3_step(set) != SQLITE_DONE)
            rc = dossier_db_sqlfail(db, "statement clusters");
        sqlite3_reset(set);
    }
done:
    VEC_FREE(&me.stems);
    VEC_FREE(&me.numbers);
    VEC_FREE(&other.stems);
    VEC_FREE(&other.numbers);
    VEC_FREE(&used);
    sqlite3_reset(mine);
    sqlite3_reset(cand);
    sqlite3_reset(set);
    return rc == DOSSIER_ENOMEM ? dossier_db_fail(db, rc, "out of memory") : rc;
}
