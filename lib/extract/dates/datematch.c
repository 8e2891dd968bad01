/*
 * datematch.c — finds date expressions in folded words: what they say and
 * which tokens they cover (resolution against the publication date is in
 * dates.c, which describes the patterns).
 *
 * Month and weekday names come from the lexicon (months.N, weekdays.N of the
 * article's language).  A name standing alone must be written as the lexicon
 * writes it ("March" in English, "mars" in French, so the planet "Mars" is
 * no month), must not be an abbreviation, and must not follow a capitalised
 * word inside the sentence ("Long March 5", "Theresa May"), except a date
 * word such as "Ende" or "Mitte".
 */
#include "extract/dates/datematch.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/token.h"
#include "base/util.h"

/* Relative phrase lists and what each means. */
static const struct {
    const char *key;
    int kind, off;
} rel_lists[] = {
    {"date.today", K_DAYOFF, 0},       {"date.yesterday", K_DAYOFF, -1},
    {"date.tomorrow", K_DAYOFF, 1},    {"date.week.last", K_WEEKOFF, -1},
    {"date.week.this", K_WEEKOFF, 0},  {"date.week.next", K_WEEKOFF, 1},
    {"date.month.last", K_MONTHOFF, -1}, {"date.month.this", K_MONTHOFF, 0},
    {"date.month.next", K_MONTHOFF, 1}, {"date.year.last", K_YEAROFF, -1},
    {"date.year.this", K_YEAROFF, 0},  {"date.year.next", K_YEAROFF, 1},
};

/* ---- words -------------------------------------------------------------- */

/* The value of an all-digit word of at most `maxlen` digits, or -1. */
static int number(const char *w, size_t maxlen)
{
    size_t n = strlen(w);
    if (n == 0 || n > maxlen)
        return -1;
    int v = 0;
    for (size_t i = 0; i < n; i++) {
        if (w[i] < '0' || w[i] > '9')
            return -1;
        v = v * 10 + (w[i] - '0');
    }
    return v;
}

/* A day of the month: "9", "09", or with an ordinal ending "1st", "1er", "3º". */
static int day_word(const char *w)
{
    size_t i = 0;
    int v = 0;
    while (w[i] >= '0' && w[i] <= '9' && i < 2)
        v = v * 10 + (w[i++] - '0');
    if (i == 0 || v < 1 || v > 31)
        return -1;
    const char *rest = w + i;
    static const char *const ords[] = {"", "st", "nd", "rd", "th", "er", "re", "e", "o", "\xc2\xba", "-go", "-e"};
    for (size_t k = 0; k < sizeof ords / sizeof ords[0]; k++)
        if (strcmp(rest, ords[k]) == 0)
            return v;
    return -1;
}

/* A plausible year: four digits from 1900 to 2100. */
static int year_word(const char *w)
{
    int v = number(w, 4);
    return strlen(w) == 4 && v >= 1900 && v <= 2100 ? v : -1;
}


/* Number of code points of a UTF-8 string. */
static size_t cp_len(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

/*
 * Non-zero when `ph` (of list `key`) is an abbreviation: a prefix, two or
 * more letters shorter, of another name in the list ("Jan" of "January").
 */
static int is_abbreviation(const dossier_dtoks *tv, const char *key, const dossier_phrase *ph)
{
    const dossier_phrase *const *all;
    size_t n = dossier_lexicon_list(tv->lx, tv->lang, key, &all);
    const char *w = ph->words[0];
    size_t wl = strlen(w), wc = cp_len(w);
    for (size_t i = 0; i < n; i++) {
        const char *o = all[i]->words[0];
        if (strlen(o) > wl && strncmp(o, w, wl) == 0 && cp_len(o) >= wc + 2)
            return 1;
    }
    return 0;
}

/* Non-zero when the phrase is written with a capital in the lexicon. */
static int written_capital(const dossier_phrase *ph)
{
    size_t pos = 0;
    int32_t c = dossier_utf8_next(ph->text, strlen(ph->text), &pos);
    return dossier_uc_is_upper(c);
}

/* The list key "months.N", "weekdays.N" or "date.number.N" (N from 1), spelt out once. */
static const char *family_key(const char *fam, int v)
{
    static const char *const months[] = {"months.1", "months.2", "months.3", "months.4", "months.5",
        "months.6", "months.7", "months.8", "months.9", "months.10", "months.11", "months.12"};
    static const char *const weekdays[] = {"weekdays.1", "weekdays.2", "weekdays.3", "weekdays.4",
        "weekdays.5", "weekdays.6", "weekdays.7"};
    static const char *const numbers[] = {"date.number.1", "date.number.2", "date.number.3",
        "date.number.4", "date.number.5", "date.number.6", "date.number.7", "date.number.8",
        "date.number.9", "date.number.10", "date.number.11", "date.number.12"};
    if (fam[0] == 'm' && v >= 1 && v <= 12)
        return months[v - 1];
    if (fam[0] == 'w' && v >= 1 && v <= 7)
        return weekdays[v - 1];
    if (fam[0] == 'd' && v >= 1 && v <= 12)
        return numbers[v - 1];
    return "";
}

/* The FNV-1a hash of a folded word, which the bits of tv->starts, ones and pairs are taken from. */
static uint32_t start_hash(const char *w)
{
    uint32_t h = 2166136261u;
    for (; *w; w++)
        h = (h ^ (unsigned char)*w) * 16777619u;
    return h;
}

/* The bit of tv->starts and tv->ones for a word of start_hash h: equal words, equal bits. */
static unsigned start_bit(uint32_t h)
{
    return (h ^ (h >> 16)) & 4095u;
}

/* The bit of tv->pairs for two words of start_hashes h0, h1 in this order. */
static unsigned pair_bit(uint32_t h0, uint32_t h1)
{
    uint32_t h = (h0 * 2654435761u) ^ h1;
    return (h ^ (h >> 16)) & 4095u;
}

/* Sets the bits of the first words (and first two words) of list l's phrases. */
static void add_starts(dossier_dtoks *tv, const dossier_lexlist *l)
{
    const dossier_phrase *const *ph;
    size_t n = dossier_lexlist_phrases(l, &ph);
    for (size_t i = 0; i < n; i++) {
        if (!ph[i]->nwords)
            continue;
        uint32_t h = start_hash(ph[i]->words[0]);
        unsigned b = start_bit(h);
        tv->starts[b / 64] |= 1ull << (b % 64);
        if (ph[i]->nwords == 1) {
            tv->ones[b / 64] |= 1ull << (b % 64);
        } else {
            unsigned p = pair_bit(h, start_hash(ph[i]->words[1]));
            tv->pairs[p / 64] |= 1ull << (p % 64);
        }
    }
}

/* See datematch.h. */
void dossier_datematch_lists(dossier_dtoks *tv)
{
    static const char *const fams[3] = {"months", "weekdays", "date.number"};
    static const int counts[3] = {12, 7, 12};
    /* every list dossier_datematch_at() tries at its first token */
    static const char *const first[] = {"date.day_before", "date.day_after", "date.ago_before",
        "date.later_before", "date.few", "date.last", "date.next", "date.this"};
    memset(tv->starts, 0, sizeof tv->starts);
    memset(tv->ones, 0, sizeof tv->ones);
    memset(tv->pairs, 0, sizeof tv->pairs);
    for (int f = 0; f < 3; f++) {
        for (int v = 1; v <= 12; v++) {
            tv->lists[f][v - 1] = v <= counts[f] ? dossier_lexicon_find(tv->lx, tv->lang, family_key(fams[f], v)) : NULL;
            add_starts(tv, tv->lists[f][v - 1]);
        }
    }
    for (size_t k = 0; k < sizeof rel_lists / sizeof rel_lists[0]; k++)
        add_starts(tv, dossier_lexicon_find(tv->lx, tv->lang, rel_lists[k].key));
    for (size_t k = 0; k < sizeof first / sizeof first[0]; k++)
        add_starts(tv, dossier_lexicon_find(tv->lx, tv->lang, first[k]));
    const dossier_phrase *const *ph;
    tv->day_parts = dossier_lexicon_find(tv->lx, tv->lang, "date.day_part");
    if (!dossier_lexlist_phrases(tv->day_parts, &ph))
        tv->day_parts = NULL;
}

/*
 * Non-zero when a date expression may start at token i of a sentence
 * ending at lim: a word that begins with a digit or a sign (numbers, days,
 * years, "22.04.2022"), holds a hyphen ("mid-July"), may end in a part of
 * the day ("Dienstagabend"), or starts a phrase of a list the patterns try
 * first, with the phrase's second word next when it has one (the many
 * "the" and "a" of a text are refused unless "day before" or "few"
 * follows).  A zero answer is sure; a non-zero one is checked by the
 * patterns.
 */
static int may_start(const dossier_dtoks *tv, size_t i, size_t lim)
{
    const char *w = tv->w[i];
    if (!w || (*w >= '0' && *w <= '9') || *w == '+' || *w == '-' || strchr(w, '-'))
        return 1;
    uint32_t h = start_hash(w);
    unsigned b = start_bit(h);
    if (tv->starts[b / 64] & (1ull << (b % 64))) {
        if (tv->ones[b / 64] & (1ull << (b % 64)))
            return 1;
        /* a phrase of two words or more matches only within the sentence, its second word next */
        if (i + 1 < lim && tv->w[i + 1]) {
            unsigned p = pair_bit(h, start_hash(tv->w[i + 1]));
            if (tv->pairs[p / 64] & (1ull << (p % 64)))
                return 1;
        }
    }
    const dossier_phrase *const *parts;
    size_t n = dossier_lexlist_phrases(tv->day_parts, &parts), wl = strlen(w);
    for (size_t p = 0; p < n; p++) {
        size_t pl = strlen(parts[p]->words[0]);
        if (wl > pl && strcmp(w + wl - pl, parts[p]->words[0]) == 0)
            return 1;
    }
    return 0;
}

/* The list family_key(fam, v) as found by dossier_datematch_lists. */
static const dossier_lexlist *family_list(const dossier_dtoks *tv, const char *fam, int v)
{
    return tv->lists[fam[0] == 'm' ? 0 : fam[0] == 'w' ? 1 : 2][v - 1];
}

/*
 * A weekday written as one word with a part of the day (date.day_part:
 * "Dienstagabend"): returns the weekday and sets *k and *ph, or returns 0.
 */
static int weekday_compound(const dossier_dtoks *tv, size_t i, size_t *k, const dossier_phrase **ph)
{
    const dossier_phrase *const *parts;
    size_t n = dossier_lexlist_phrases(tv->day_parts, &parts); /* date.day_part, found once */
    const char *w = tv->w[i];
    size_t wl = strlen(w);
    for (size_t p = 0; p < n; p++) {
        size_t pl = strlen(parts[p]->words[0]);
        if (parts[p]->nwords != 1 || wl <= pl || strcmp(w + wl - pl, parts[p]->words[0]) != 0)
            continue;
        char *head = dossier_strndup(w, wl - pl);
        const char *one[1] = {head};
        for (int v = 1; head && v <= 7; v++) {
            if (dossier_lexicon_match(tv->lx, tv->lang, family_key("weekdays", v), one, 1, ph) == 1) {
                free(head);
                *k = 1;
                return v;
            }
        }
        free(head);
    }
    return 0;
}

/*
 * A name of list family `fam` ("months" or "weekdays", 1..count) at token
 * i: returns its number and sets *k to its length, *ph to the phrase.  A
 * hyphenated word whose first part is a date.part word ("mid-July") counts,
 * and so does a weekday joined to a part of the day ("Dienstagabend").
 */
static int name_at(const dossier_dtoks *tv, const char *fam, int count, size_t i, size_t lim, size_t *k,
                   const dossier_phrase **ph)
{
    int best = 0;
    *k = 0;
    for (int v = 1; v <= count; v++) {
        const dossier_phrase *p = NULL;
        const dossier_lexlist *l = family_list(tv, fam, v);
        size_t len = i >= lim ? 0
                     : tv->h ? dossier_lexlist_match_at(l, tv->w + i, lim - i, tv->h[i], tv->bits[i], &p)
                             : dossier_lexlist_match(l, tv->w + i, lim - i, &p);
        if (len > *k) {
            *k = len;
            best = v;
            *ph = p;
        }
    }
    if (best || i >= lim)
        return best;
    if (strcmp(fam, "weekdays") == 0)
        return weekday_compound(tv, i, k, ph);
    const char *dash = strrchr(tv->w[i], '-');
    if (!dash || !dash[1])
        return 0;
    char *prefix = dossier_strndup(tv->w[i], (size_t)(dash - tv->w[i]));
    const char *part[1] = {prefix}, *tail[1] = {dash + 1};
    int ok = prefix && dossier_lexicon_match(tv->lx, tv->lang, "date.part", part, 1, NULL) == 1;
    free(prefix);
    for (int v = 1; ok && v <= count; v++) {
        const dossier_phrase *p = NULL;
        if (dossier_lexicon_match(tv->lx, tv->lang, family_key(fam, v), tail, 1, &p) == 1) {
            *k = 1;
            *ph = p;
            return v;
        }
    }
    return 0;
}

/*
 * Non-zero when token i (of a sentence starting at s0) follows a capitalised
 * word inside the sentence that is no date word: "Long March 5", "Theresa
 * May", "Ash Wednesday" are names, "Ende Juli" and "Mitte März" are dates.
 */
static int in_name(const dossier_dtoks *tv, size_t i, size_t s0)
{
    if (i <= s0 + 1 || !(tv->fl[i - 1] & DOSSIER_TOK_UPPER) || !(tv->fl[i - 1] & DOSSIER_TOK_WORD))
        return 0;
    static const char *const ok_lists[] = {"date.part", "date.last", "date.next", "date.this", "date.prep"};
    for (size_t k = 0; k < sizeof ok_lists / sizeof ok_lists[0]; k++)
        if (dossier_lexicon_match(tv->lx, tv->lang, ok_lists[k], tv->w + i - 1, 1, NULL))
            return 0;
    return 1;
}

/*
 * Non-zero when a month or weekday name standing alone at token i (first
 * token of its sentence s0) is really a date: written with the lexicon's
 * case, not abbreviated, not inside a capitalised name.
 */
static int bare_name_ok(const dossier_dtoks *tv, const char *fam, int v, const dossier_phrase *ph, size_t i, size_t s0)
{
    if (is_abbreviation(tv, family_key(fam, v), ph))
        return 0;
    int upper = (tv->fl[i] & DOSSIER_TOK_UPPER) != 0;
    int hyphen = strchr(tv->w[i], '-') != NULL;
    if (!hyphen && upper != written_capital(ph) && !(upper && i == s0))
        return 0;
    return !in_name(tv, i, s0);
}

/* Skips the connectors (date.of: "of", "de", "del") and commas from token i. */
static size_t skip_connectors(const dossier_dtoks *tv, size_t i, size_t lim)
{
    for (;;) {
        size_t k = dossier_datematch_phrase(tv, "date.of", i, lim, NULL);
        if (k)
            i += k;
        else if (i < lim && strcmp(tv->w[i], ",") == 0)
            i++;
        else
            return i;
    }
}

/* ---- patterns ------------------------------------------------------------ */

/* A relative phrase at i ("last year", "yesterday"). */
static int match_relative(const dossier_dtoks *tv, size_t i, size_t lim, dossier_dmatch *m)
{
    size_t best = 0;
    for (size_t k = 0; k < sizeof rel_lists / sizeof rel_lists[0]; k++) {
        size_t len = dossier_datematch_phrase(tv, rel_lists[k].key, i, lim, NULL);
        if (len > best) {
            best = len;
            m->kind = rel_lists[k].kind;
            m->off = rel_lists[k].off;
        }
    }
    m->end = i + best;
    return best > 0;
}

/* A relative year after a month ("July last year", "julio del año pasado"). */
static int relative_year_after(const dossier_dtoks *tv, dossier_dmatch *m, size_t lim)
{
    size_t j = skip_connectors(tv, m->end, lim);
    static const char *const keys[] = {"date.year.last", "date.year.this", "date.year.next"};
    for (int k = 0; k < 3; k++) {
        size_t len = dossier_datematch_phrase(tv, keys[k], j, lim, NULL);
        if (len) {
            m->yearoff = 1;
            m->off = k - 1;
            m->end = j + len;
            return 1;
        }
    }
    return 0;
}

/* A date written as one token: "22.04.2022", "2022-04-22", "22-04-2022". */
static int match_numeric(const dossier_dtoks *tv, size_t i, dossier_dmatch *m)
{
    const char *w = tv->w[i];
    int a, b, c;
    char s1, s2, tail;
    if (strlen(w) != 10 || sscanf(w, "%d%c%d%c%d%c", &a, &s1, &b, &s2, &c, &tail) != 5 || s1 != s2 ||
        (s1 != '.' && s1 != '-' && s1 != '/'))
        return 0;
    if (a >= 1900 && a <= 2100 && w[4] == s1) {
        m->y = a, m->m = b, m->day = c;
    } else if (c >= 1900 && c <= 2100 && w[2] == s1) {
        m->y = c, m->m = b, m->day = a;
    } else {
        return 0;
    }
    m->kind = K_ABS;
    m->end = i + 1;
    return 1;
}

/* "13/07/2022" as five tokens; month first only in English when the day cannot be. */
static int match_slashed(const dossier_dtoks *tv, size_t i, size_t lim, dossier_dmatch *m)
{
    if (i + 5 > lim)
        return 0;
    if (strcmp(tv->w[i + 1], "/") != 0 || strcmp(tv->w[i + 3], "/") != 0)
        return 0;
    int a = number(tv->w[i], 2), b = number(tv->w[i + 2], 2), y = year_word(tv->w[i + 4]);
    if (a < 1 || b < 1 || y < 0)
        return 0;
    int day = a, mon = b;
    if (b > 12 || (a <= 12 && tv->lang && strcmp(tv->lang, "en") == 0))
        day = b, mon = a;
    m->kind = K_ABS;
    m->y = y, m->m = mon, m->day = day;
    m->end = i + 5;
    return 1;
}

static int match_daymonth(const dossier_dtoks *tv, size_t i, size_t lim, size_t s0, dossier_dmatch *m);
static int match_monthfirst(const dossier_dtoks *tv, size_t i, size_t lim, size_t s0, dossier_dmatch *m, int dir);

/*
 * Non-zero when a bare weekday at token i may be read as a day: in a
 * language whose weekday names are also common nouns (Russian "среда",
 * Wednesday and environment) the list date.weekday_before is not empty and
 * the weekday must follow one of its words ("в среду", "во вторник").
 */
static int weekday_preposition_ok(const dossier_dtoks *tv, size_t i, size_t s0)
{
    const dossier_phrase *const *l;
    if (!tv->lang || dossier_lexicon_list(tv->lx, tv->lang, "date.weekday_before", &l) == 0)
        return 1;
    return i > s0 && dossier_lexicon_match(tv->lx, tv->lang, "date.weekday_before", tv->w + i - 1, 1, NULL) == 1;
}

/* A weekday, maybe after last/next/this, maybe followed by its date or by last/next ("mardi dernier"). */
static int match_weekday(const dossier_dtoks *tv, size_t i, size_t lim, size_t s0, dossier_dmatch *m, int dir, int modified)
{
    size_t k;
    const dossier_phrase *ph = NULL;
    int wd = name_at(tv, "weekdays", 7, i, lim, &k, &ph);
    if (!wd || (!modified && in_name(tv, i, s0)))
        return 0;
    size_t j = skip_connectors(tv, i + k, lim);
    dossier_dmatch sub = *m;
    if (j < lim && (match_daymonth(tv, j, lim, s0, &sub) || match_monthfirst(tv, j, lim, s0, &sub, 0))) {
        *m = sub;
        return 1;
    }
    if (!modified && (!bare_name_ok(tv, "weekdays", wd, ph, i, s0) || !weekday_preposition_ok(tv, i, s0)))
        return 0;
    m->kind = K_WEEKDAY;
    m->wday = wd;
    m->dir = dir;
    m->end = i + k;
    size_t after;
    if (!modified && (after = dossier_datematch_phrase(tv, "date.last", i + k, lim, NULL))) {
        m->dir = -1;
        m->end = i + k + after;
    } else if (!modified && (after = dossier_datematch_phrase(tv, "date.next", i + k, lim, NULL))) {
        m->dir = 1;
        m->end = i + k + after;
    }
    return 1;
}

/* Day first: "9 August [2023]", "le 1er août", "18 de noviembre de 2020", "am 9. August". */
static int match_daymonth(const dossier_dtoks *tv, size_t i, size_t lim, size_t s0, dossier_dmatch *m)
{
    (void)s0;
    int day = day_word(tv->w[i]);
    if (day < 0)
        return 0;
    size_t j = i + 1;
    if (j < lim && strcmp(tv->w[j], ".") == 0)
        j++;
    j = skip_connectors(tv, j, lim);
    size_t k;
    const dossier_phrase *ph = NULL;
    int mon = name_at(tv, "months", 12, j, lim, &k, &ph);
    if (!mon)
        return 0;
    m->kind = K_ABS;
    m->day = day;
    m->m = mon;
    m->end = j + k;
    if (m->end < lim && strcmp(tv->w[m->end], ".") == 0 && m->end + 1 < lim && year_word(tv->w[m->end + 1]) > 0)
        m->end++;
    size_t y = skip_connectors(tv, m->end, lim);
    if (y < lim && year_word(tv->w[y]) > 0) {
        m->y = year_word(tv->w[y]);
        m->end = y + 1 + dossier_datematch_phrase(tv, "date.year_word", y + 1, lim, NULL);
    } else {
        relative_year_after(tv, m, lim);
    }
    return 1;
}

/* Month first: "August 9, 2023", "May 2021", "in March", "julio del año pasado". */
static int match_monthfirst(const dossier_dtoks *tv, size_t i, size_t lim, size_t s0, dossier_dmatch *m, int dir)
{
    size_t k;
    const dossier_phrase *ph = NULL;
    int mon = name_at(tv, "months", 12, i, lim, &k, &ph);
    if (!mon || in_name(tv, i, s0))
        return 0;
    m->kind = K_ABS;
    m->m = mon;
    m->end = i + k;
    size_t j = m->end;
    if (j < lim && strcmp(tv->w[j], ".") == 0)
        j++;
    if (j < lim && number(tv->w[j], 2) >= 1 && day_word(tv->w[j]) > 0) {
        m->day = day_word(tv->w[j]);
        m->end = j + 1;
    }
    size_t y = skip_connectors(tv, m->end, lim);
    if (y < lim && year_word(tv->w[y]) > 0) {
        m->y = year_word(tv->w[y]);
        m->end = y + 1 + dossier_datematch_phrase(tv, "date.year_word", y + 1, lim, NULL);
        return 1;
    }
    if (m->day)
        return 1;
    if (dir) {
        m->kind = K_MONTHDIR;
        m->dir = dir;
        return 1;
    }
    if (relative_year_after(tv, m, lim))
        return 1;
    size_t p = skip_connectors(tv, m->end, lim);
    size_t len;
    if ((len = dossier_datematch_phrase(tv, "date.last", p, lim, NULL)) || (len = dossier_datematch_phrase(tv, "date.next", p, lim, NULL))) {
        /* post-posed: "en mai dernier", "el mayo próximo" */
        m->kind = K_MONTHDIR;
        m->dir = dossier_datematch_phrase(tv, "date.last", p, lim, NULL) ? -1 : 1;
        m->end = p + len;
        return 1;
    }
    return bare_name_ok(tv, "months", mon, ph, i, s0);
}

/* A year: "2021", "в 2021 году"; not a sum of money or a percentage. */
static int match_year(const dossier_dtoks *tv, size_t i, size_t lim, dossier_dmatch *m)
{
    int y = year_word(tv->w[i]);
    if (y < 0)
        return 0;
    if (i + 1 < lim && (strcmp(tv->w[i + 1], "%") == 0 || dossier_datematch_phrase(tv, "date.not_year_after", i + 1, lim, NULL)))
        return 0;
    if (i > 0 && (strcmp(tv->w[i - 1], "$") == 0 || strcmp(tv->w[i - 1], "\xe2\x82\xac") == 0 ||
                  strcmp(tv->w[i - 1], "\xc2\xa3") == 0))
        return 0;
    m->kind = K_ABS;
    m->y = y;
    m->end = i + 1 + dossier_datematch_phrase(tv, "date.year_word", i + 1, lim, NULL);
    return 1;
}

/* A count at token i: digits up to 99 or a number word (date.number.N). */
static int count_at(const dossier_dtoks *tv, size_t i, size_t lim, size_t *k)
{
    int v = number(tv->w[i], 2);
    *k = v > 0;
    if (v > 0)
        return v;
    for (int n = 1; n <= 12; n++) {
        size_t len = i < lim ? dossier_lexlist_match(family_list(tv, "date.number", n), tv->w + i, lim - i, NULL) : 0;
        if (len > *k) {
            *k = len;
            v = n;
        }
    }
    return v > 0 ? v : 0;
}

/* A unit of time at token i (date.unit.day, .week, .month, .year). */
static int unit_at(const dossier_dtoks *tv, size_t i, size_t lim, size_t *k)
{
    static const char *const keys[] = {"date.unit.day", "date.unit.week", "date.unit.month", "date.unit.year"};
    for (int u = 0; u < 4; u++)
        if ((*k = dossier_datematch_phrase(tv, keys[u], i, lim, NULL)))
            return u + 1;
    return 0;
}

/* The count taken for a vague one (date.few: "a few", "quelques", "einige", "несколько"). */
#define VAGUE_COUNT 3

/*
 * An offset: "two days ago", "il y a deux ans", "vor zwei Tagen", "три дня
 * назад" (from publication); "three days later", "через два дня", "the
 * previous day", "le lendemain" (date.day_before, date.day_after: one day; after the
 * sentence's previous date); "two days after [the offensive]" (before it).
 * A vague count ("a few months later") is taken as VAGUE_COUNT, and
 * dates.c says the result at a coarser precision.
 */
static int match_offset(const dossier_dtoks *tv, size_t i, size_t lim, dossier_dmatch *m)
{
    size_t k, j = i;
    if ((k = dossier_datematch_phrase(tv, "date.day_before", i, lim, NULL)) ||
        (k = dossier_datematch_phrase(tv, "date.day_after", i, lim, NULL))) {
        /* "the previous day", "le lendemain": one day from the sentence's previous date */
        m->kind = dossier_datematch_phrase(tv, "date.day_before", i, lim, NULL) == k ? K_EARLIER : K_LATER;
        m->num = 1;
        m->unit = U_DAY;
        m->end = i + k;
        return 1;
    }
    int pre = 0;
    if ((k = dossier_datematch_phrase(tv, "date.ago_before", j, lim, NULL)))
        pre = K_AGO;
    else if ((k = dossier_datematch_phrase(tv, "date.later_before", j, lim, NULL)))
        pre = K_LATER;
    j += k;
    if (j < lim && (k = dossier_datematch_phrase(tv, "date.few", j, lim, NULL))) {
        m->num = VAGUE_COUNT; /* "a few months later": about three, said roughly */
        m->vague = 1;
    } else if (j >= lim || !(m->num = count_at(tv, j, lim, &k)))
        return 0;
    j += k;
    if (j >= lim || !(m->unit = unit_at(tv, j, lim, &k)))
        return 0;
    j += k;
    if (pre) {
        m->kind = pre;
        m->end = j;
        return 1;
    }
    static const struct {
        const char *key;
        int kind;
    } post[] = {{"date.ago_after", K_AGO}, {"date.later", K_LATER}, {"date.earlier", K_EARLIER},
                {"date.after", K_EARLIER}, {"date.before", K_LATER}};
    size_t best = 0;
    for (size_t p = 0; p < sizeof post / sizeof post[0]; p++) {
        if ((k = dossier_datematch_phrase(tv, post[p].key, j, lim, NULL)) > best) {
            best = k;
            m->kind = post[p].kind;
            m->end = j + k;
        }
    }
    return best > 0;
}

/* See datematch.h. */
int dossier_datematch_at(const dossier_dtoks *tv, size_t i, size_t lim, size_t s0, dossier_dmatch *m)
{
    memset(m, 0, sizeof *m);
    m->start = i;
    if (!may_start(tv, i, lim))
        return 0;
    if (match_relative(tv, i, lim, m) || match_offset(tv, i, lim, m))
        return 1;
    memset(m, 0, sizeof *m);
    m->start = i;
    size_t k;
    int dir = 0;
    if ((k = dossier_datematch_phrase(tv, "date.last", i, lim, NULL)))
        dir = -1;
    else if ((k = dossier_datematch_phrase(tv, "date.next", i, lim, NULL)))
        dir = 1;
    else
        k = dossier_datematch_phrase(tv, "date.this", i, lim, NULL);
    if (k && (match_weekday(tv, i + k, lim, s0, m, dir, 1) || (dir && match_monthfirst(tv, i + k, lim, s0, m, dir))))
        return 1;
    memset(m, 0, sizeof *m);
    m->start = i;
    return match_numeric(tv, i, m) || match_slashed(tv, i, lim, m) ||
           match_weekday(tv, i, lim, s0, m, 0, 0) || match_daymonth(tv, i, lim, s0, m) ||
           match_monthfirst(tv, i, lim, s0, m, 0) || match_year(tv, i, lim, m);
}

