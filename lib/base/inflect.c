/*
 * inflect.c — words compared across case endings (inflect.h).
 *
 * Each word is reduced to its candidate stems: itself, and itself without
 * each ending of statement.case_endings that leaves four letters or more.
 * Two words are one when they share a stem; a hyphenated name is one when
 * its first part is ("Союза-5" / "Союз-5").  Languages without the list
 * (English, French) compare words exactly.
 */
#include "base/inflect.h"

#include <string.h>

#include "base/util.h"

/* Number of code points in s[0, len). */
static size_t letters(const char *s, size_t len)
{
    size_t n = 0, pos = 0;
    while (pos < len) {
        dossier_utf8_next(s, len, &pos);
        n++;
    }
    return n;
}

/* See inflect.h. */
size_t dossier_inflect_stems(const dossier_lexicon *lx, const char *lang, const char *w, size_t *out, size_t max)
{
    const dossier_phrase *const *ends = NULL;
    size_t nends = dossier_lexicon_list(lx, lang, "statement.case_endings", &ends), n = 0, lw = strlen(w);
    out[n++] = lw;
    for (size_t i = 0; i < nends && n < max; i++) {
        if (ends[i]->nwords != 1)
            continue;
        const char *e = ends[i]->words[0];
        size_t le = strlen(e);
        if (le >= lw || memcmp(w + lw - le, e, le) != 0 || letters(w, lw - le) < 4)
            continue;
        out[n++] = lw - le;
    }
    return n;
}

/*
 * "союза-5" / "союз-5": two hyphenated words with the same part after
 * their last hyphen whose first parts are one word inflected.
 */
static int same_hyphenated(const dossier_lexicon *lx, const char *lang, const char *a, const char *b)
{
    const char *ha = strrchr(a, '-'), *hb = strrchr(b, '-');
    char pa[128], pb[128];
    size_t na = ha ? (size_t)(ha - a) : 0, nb = hb ? (size_t)(hb - b) : 0;
    if (!ha || !hb || !na || !nb || na >= sizeof pa || nb >= sizeof pb || strcmp(ha, hb) != 0)
        return 0;
    memcpy(pa, a, na);
    pa[na] = '\0';
    memcpy(pb, b, nb);
    pb[nb] = '\0';
    return !strchr(pa, '-') && !strchr(pb, '-') && dossier_inflect_same(lx, lang, pa, pb);
}

/* See inflect.h. */
int dossier_inflect_has_endings(const dossier_lexicon *lx, const char *lang)
{
    const dossier_phrase *const *ends = NULL;
    return dossier_lexicon_list(lx, lang, "statement.case_endings", &ends) != 0;
}

/*
 * See inflect.h.  Without endings, hyphenated words are one only when their
 * parts are, which is when they are equal: the endings are asked first.
 */
int dossier_inflect_same(const dossier_lexicon *lx, const char *lang, const char *a, const char *b)
{
    if (strcmp(a, b) == 0)
        return 1;
    if (!dossier_inflect_has_endings(lx, lang))
        return 0; /* no endings: each word is its only stem, and they differ */
    if (same_hyphenated(lx, lang, a, b))
        return 1;
    size_t sa[24], sb[24];
    size_t na = dossier_inflect_stems(lx, lang, a, sa, 24), nb = dossier_inflect_stems(lx, lang, b, sb, 24);
    if (na == 1 && nb == 1)
        return 0;
    for (size_t i = 0; i < na; i++)
        for (size_t j = 0; j < nb; j++)
            if (sa[i] == sb[j] && memcmp(a, b, sa[i]) == 0 && letters(a, sa[i]) >= 4)
                return 1;
    return 0;
}

/* See inflect.h. */
long dossier_inflect_in_list(const dossier_lexicon *lx, const char *lang, const char *w,
                             const dossier_phrase *const *phrases, size_t n)
{
    int inflects = n ? dossier_inflect_has_endings(lx, lang) : 0;
    for (size_t i = 0; i < n; i++)
        if (phrases[i]->nwords == 1 && (inflects ? dossier_inflect_same(lx, lang, w, phrases[i]->words[0])
                                                 : strcmp(w, phrases[i]->words[0]) == 0))
            return (long)i;
    return -1;
}

/* See inflect.h. */
int dossier_inflect_compound(const char *w, const char *tail)
{
    size_t lw = strlen(w), lt = strlen(tail);
    if (lt < DOSSIER_INFLECT_COMPOUND_TAIL || lw < lt + DOSSIER_INFLECT_COMPOUND_HEAD)
        return 0;
    return memcmp(w + lw - lt, tail, lt) == 0 && letters(w, lw - lt) >= DOSSIER_INFLECT_COMPOUND_HEAD;
}

/* See inflect.h. */
int dossier_inflect_compound_of(const dossier_lexicon *lx, const char *lang, const char *w, const char *tail)
{
    size_t st[24], n = dossier_inflect_stems(lx, lang, w, st, 24);
    char buf[256];
    for (size_t i = 0; i < n; i++) {
        if (st[i] >= sizeof buf)
            continue;
        memcpy(buf, w, st[i]);
        buf[st[i]] = '\0';
        if (dossier_inflect_compound(buf, tail))
            return 1;
    }
    return 0;
}

/* See inflect.h. */
int dossier_inflect_plural_in(const dossier_lexicon *lx, const char *lang, const char *key, const char *w)
{
    const dossier_phrase *const *ends = NULL;
    size_t nends = dossier_lexicon_list(lx, lang, "entity.plural_endings", &ends), lw = strlen(w);
    char one[64];
    for (size_t k = 0; k < nends; k++) {
        size_t le = ends[k]->nwords == 1 ? strlen(ends[k]->words[0]) : 0;
        if (!le || lw < le + 3 || lw - le >= sizeof one || strcmp(w + lw - le, ends[k]->words[0]) != 0)
            continue;
        memcpy(one, w, lw - le);
        one[lw - le] = '\0';
        if (dossier_lexicon_has(lx, lang, key, one))
            return 1;
    }
    return 0;
}

/* See inflect.h. */
int dossier_inflect_hyphen_adjective(const dossier_lexicon *lx, const char *lang, const char *w, size_t n,
                                     const char *folded)
{
    const char *tail = strrchr(folded, '-');
    if (!tail || !tail[1] || !dossier_hyphen_tail(w, n))
        return 0;   /* the folded word first: most words have no hyphen */
    return strcmp(lang, "de") == 0 || dossier_lexicon_ending(lx, lang, "entity.hyphen_adjectives", tail + 1, 0) > 0;
}
