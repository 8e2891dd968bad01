/*
 * datematch.h — finds date expressions in folded words (internal to dates.c).
 *
 * datematch.c recognises what a date expression says ("last May", "9 August
 * 2023", "three days later") and where it lies; dates.c resolves it against
 * the publication date.  See dates.c for the patterns.
 */
#ifndef DOSSIER_DATEMATCH_H
#define DOSSIER_DATEMATCH_H

#include <stddef.h>
#include <stdint.h>

#include "base/lexicon.h"

/* The words of a text as the matcher sees them. */
typedef struct {
    const dossier_lexicon *lx;
    const char *lang;           /* lexicon language, or NULL for every language */
    const char *const *w;       /* folded words */
    const uint64_t *h;          /* their dossier_lexicon_word_hash, or NULL */
    const uint16_t *bits;       /* their dossier_lexicon_prefix_bit, when h is not NULL */
    const unsigned *fl;         /* token flags */
    size_t n;
    /* months.N, weekdays.N and date.number.N (lists[f][N - 1], f in that
     * order) of lang, found once by dossier_datematch_lists */
    const dossier_lexlist *lists[3][12];
    /* a bit per hash of each word a phrase of a date list starts with, so
     * that most tokens are refused at one probe (dossier_datematch_lists);
     * in `ones` for the phrases of one word, in `pairs` the bit of the first
     * two words' hashes for the others */
    uint64_t starts[64], ones[64], pairs[64];
    const dossier_lexlist *day_parts; /* date.day_part of lang ("Dienstagabend"), or NULL */
    dossier_lexmemo *memo;      /* DOSSIER_LEXMEMO_SLOTS: the lists of constant keys
                                   dossier_datematch_phrase found; NULL: found each time */
} dossier_dtoks;

enum dkind {
    K_ABS = 0,     /* y/m/day as given (y may be missing) */
    K_DAYOFF,      /* publication day + off days */
    K_WEEKOFF,     /* publication day + 7 * off days, at month precision */
    K_MONTHOFF,    /* publication month + off */
    K_YEAROFF,     /* publication year + off */
    K_WEEKDAY,     /* weekday wday, dir -1 last, +1 next, 0 by tense */
    K_MONTHDIR,    /* month m, dir -1 the last one, +1 the next one */
    K_AGO,         /* publication date - num units ("two days ago", "il y a deux ans") */
    K_LATER,       /* the sentence's previous date + num units ("three days later") */
    K_EARLIER      /* the sentence's previous date - num units ("two days after the offensive") */
};

/* Units of K_AGO, K_LATER, K_EARLIER. */
enum dunit { U_DAY = 1, U_WEEK, U_MONTH, U_YEAR };

/* One expression found: what it says, and its tokens [start, end). */
typedef struct {
    int kind;
    int y, m, day;
    int off, wday, dir;
    int yearoff;        /* a relative year follows the month ("July last year") */
    int num, unit;      /* count and enum dunit of an offset */
    int vague;          /* the count is vague ("a few", "quelques"): num is a guess */
    int anchor_y;       /* the year of an earlier date of the sentence, or 0 (set by the caller) */
    size_t start, end;
} dossier_dmatch;

/*
 * Finds the month, weekday and number lists of tv->lang once, for every
 * token, and the first words of every list a date expression may start with.
 */
void dossier_datematch_lists(dossier_dtoks *tv);

/*
 * Tries every pattern at token i of a sentence [s0, lim); fills *m and
 * returns non-zero when a date expression starts there.
 */
int dossier_datematch_at(const dossier_dtoks *tv, size_t i, size_t lim, size_t s0, dossier_dmatch *m);

/*
 * The longest phrase of list `key` at token i (not past lim); 0 when none.
 * Inline: the patterns ask a dozen lists at each token that may start a
 * date, and the lists' first tests end most look-ups.
 */
static inline size_t dossier_datematch_phrase(const dossier_dtoks *tv, const char *key, size_t i, size_t lim,
                                              const dossier_phrase **ph)
{
    if (i >= lim)
        return 0;
    const dossier_lexlist *l = tv->memo ? dossier_lexicon_find_memo(tv->lx, tv->lang, key, tv->memo)
                                        : dossier_lexicon_find(tv->lx, tv->lang, key);
    return tv->h ? dossier_lexlist_match_at(l, tv->w + i, lim - i, tv->h[i], tv->bits[i], ph)
                 : dossier_lexlist_match(l, tv->w + i, lim - i, ph);
}

#endif /* DOSSIER_DATEMATCH_H */
