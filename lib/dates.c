/*
 * dates.c — temporal expressions, resolved against the publication date.
 *
 * Each sentence is scanned for date expressions, tried in this order at
 * every token:
 *
 *   relative phrases   "last year", "im vergangenen Jahr", "в прошлом году",
 *                      "yesterday", "next month", "la semaine dernière"
 *                      (the date.{year,month,week}.{last,this,next} and
 *                      date.{today,yesterday,tomorrow} lists);
 *   numeric dates      "22.04.2022", "2022-04-22", "13/07/2022";
 *   weekdays           "on Wednesday", "mardi", "am Donnerstag", "last
 *                      Monday" (a weekday followed by a date is that date);
 *   day-first          "9 August 2023", "le 1er août", "18 de noviembre de
 *                      2020", "am 9. August", "9 августа 2023 года";
 *   month-first        "August 9, 2023", "May 2021", "in March", "last May",
 *                      "mid-July", "julio del año pasado", "en mai dernier";
 *   years              "in 2021", "2014 and 2015", "в 2021 году".
 *
 * Month and weekday names come from the lexicon (months.N, weekdays.N of the
 * article's language).  A name standing alone must be written as the lexicon
 * writes it ("March" in English, "mars" in French, so the planet "Mars" is
 * no month), must not be an abbreviation, and must not follow a capitalised
 * word inside the sentence ("Long March 5", "Theresa May"), except a date
 * word such as "Ende" or "Mitte".
 *
 * Resolution against d->published (YYYY-MM-DD, or "" when unknown):
 *   - a month (or day and month) without a year takes the year of an
 *     earlier date of its sentence that gives one ("in 2019 ... in March",
 *     "last July: ... on July 20"); else, when the sentence speaks of the
 *     future, the first such month from the publication month on; else the
 *     most recent such month up to publication, except that the two months
 *     after the publication month count as coming ones (a past one would
 *     read "last July");
 *   - a weekday is the most recent such day on or before publication, or in
 *     a sentence about the future the first one on or after it; "last" and
 *     "next" exclude the publication day itself;
 *   - "last May" is the most recent May before the publication month;
 *   - weeks resolve to the month of the day seven days away (precision
 *     month); years, months and days to their own precision.
 * The tense of a date is the nearest cue of the date.future or date.past
 * lists before it in its sentence (else after it); past when there is none.
 * Without a publication date every relative expression stays unresolved:
 * value "" and precision NONE.  Absolute dates always resolve.
 */
#include "dates.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dossier.h"
#include "token.h"
#include "util.h"

/* The words of a text as the matcher sees them. */
typedef struct {
    const dossier_lexicon *lx;
    const char *lang;           /* lexicon language, or NULL for every language */
    const char *const *w;       /* folded words */
    const unsigned *fl;         /* token flags */
    size_t n;
} tview;

enum dkind {
    K_ABS = 0,     /* y/m/day as given (y may be missing) */
    K_DAYOFF,      /* publication day + off days */
    K_WEEKOFF,     /* publication day + 7 * off days, at month precision */
    K_MONTHOFF,    /* publication month + off */
    K_YEAROFF,     /* publication year + off */
    K_WEEKDAY,     /* weekday wday, dir -1 last, +1 next, 0 by tense */
    K_MONTHDIR     /* month m, dir -1 the last one, +1 the next one */
};

/* One expression found: what it says, and its tokens [start, end). */
typedef struct {
    int kind;
    int y, m, day;
    int off, wday, dir;
    int yearoff;        /* a relative year follows the month ("July last year") */
    int anchor_y;       /* the year of an earlier date of the sentence, or 0 */
    size_t start, end;
} dmatch;

/*
 * A month without a year up to this many months after the publication month
 * is the coming one even in a past-tense sentence ("was ready for launch in
 * mid-July"): a past one would be written "last July".
 */
#define UPCOMING_MONTHS 2

/* A parsed publication date; ok is zero when there is none. */
typedef struct {
    int ok, y, m, d;
} pubdate;

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

/* ---- calendar arithmetic ---------------------------------------------- */

/* Days since 1970-01-01 of a proleptic Gregorian date. */
static long days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

/* The date of day number z (inverse of days_from_civil). */
static void civil_from_days(long z, int *y, int *m, int *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

/* ISO weekday (1 = Monday) of day number z. */
static int iso_weekday(long z)
{
    return (int)(((z % 7) + 7 + 3) % 7) + 1;
}

static int days_in_month(int y, int m)
{
    static const int len[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 29;
    return len[m - 1];
}

/* Parses "YYYY-MM-DD" into p; p->ok stays 0 when it is not one. */
static void parse_pub(pubdate *p, const char *s)
{
    memset(p, 0, sizeof *p);
    if (s && strlen(s) == 10 && sscanf(s, "%4d-%2d-%2d", &p->y, &p->m, &p->d) == 3 && p->m >= 1 &&
        p->m <= 12 && p->d >= 1 && p->d <= days_in_month(p->y, p->m))
        p->ok = 1;
}

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

/* The longest phrase of list `key` at token i (not past lim); 0 when none. */
static size_t phrase_at(const tview *tv, const char *key, size_t i, size_t lim, const dossier_phrase **ph)
{
    if (i >= lim)
        return 0;
    return dossier_lexicon_match(tv->lx, tv->lang, key, tv->w + i, lim - i, ph);
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
static int is_abbreviation(const tview *tv, const char *key, const dossier_phrase *ph)
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

/*
 * A name of list family `fam` ("months" or "weekdays", 1..count) at token
 * i: returns its number and sets *k to its length, *ph to the phrase.  A
 * hyphenated word whose first part is a date.part word ("mid-July") counts.
 */
static int name_at(const tview *tv, const char *fam, int count, size_t i, size_t lim, size_t *k,
                   const dossier_phrase **ph)
{
    char key[32];
    int best = 0;
    *k = 0;
    for (int v = 1; v <= count; v++) {
        const dossier_phrase *p = NULL;
        snprintf(key, sizeof key, "%s.%d", fam, v);
        size_t len = phrase_at(tv, key, i, lim, &p);
        if (len > *k) {
            *k = len;
            best = v;
            *ph = p;
        }
    }
    if (best || i >= lim)
        return best;
    const char *dash = strrchr(tv->w[i], '-');
    if (!dash || !dash[1])
        return 0;
    char *prefix = dossier_strndup(tv->w[i], (size_t)(dash - tv->w[i]));
    const char *part[1] = {prefix}, *tail[1] = {dash + 1};
    int ok = prefix && dossier_lexicon_match(tv->lx, tv->lang, "date.part", part, 1, NULL) == 1;
    free(prefix);
    for (int v = 1; ok && v <= count; v++) {
        const dossier_phrase *p = NULL;
        snprintf(key, sizeof key, "%s.%d", fam, v);
        if (dossier_lexicon_match(tv->lx, tv->lang, key, tail, 1, &p) == 1) {
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
static int in_name(const tview *tv, size_t i, size_t s0)
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
static int bare_name_ok(const tview *tv, const char *fam, int v, const dossier_phrase *ph, size_t i, size_t s0)
{
    char key[32];
    snprintf(key, sizeof key, "%s.%d", fam, v);
    if (is_abbreviation(tv, key, ph))
        return 0;
    int upper = (tv->fl[i] & DOSSIER_TOK_UPPER) != 0;
    int hyphen = strchr(tv->w[i], '-') != NULL;
    if (!hyphen && upper != written_capital(ph) && !(upper && i == s0))
        return 0;
    return !in_name(tv, i, s0);
}

/* Skips the connectors (date.of: "of", "de", "del") and commas from token i. */
static size_t skip_connectors(const tview *tv, size_t i, size_t lim)
{
    for (;;) {
        size_t k = phrase_at(tv, "date.of", i, lim, NULL);
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
static int match_relative(const tview *tv, size_t i, size_t lim, dmatch *m)
{
    size_t best = 0;
    for (size_t k = 0; k < sizeof rel_lists / sizeof rel_lists[0]; k++) {
        size_t len = phrase_at(tv, rel_lists[k].key, i, lim, NULL);
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
static int relative_year_after(const tview *tv, dmatch *m, size_t lim)
{
    size_t j = skip_connectors(tv, m->end, lim);
    static const char *const keys[] = {"date.year.last", "date.year.this", "date.year.next"};
    for (int k = 0; k < 3; k++) {
        size_t len = phrase_at(tv, keys[k], j, lim, NULL);
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
static int match_numeric(const tview *tv, size_t i, dmatch *m)
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
static int match_slashed(const tview *tv, size_t i, size_t lim, dmatch *m)
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

static int match_daymonth(const tview *tv, size_t i, size_t lim, size_t s0, dmatch *m);
static int match_monthfirst(const tview *tv, size_t i, size_t lim, size_t s0, dmatch *m, int dir);

/* A weekday, maybe after last/next/this, maybe followed by its date. */
static int match_weekday(const tview *tv, size_t i, size_t lim, size_t s0, dmatch *m, int dir, int modified)
{
    size_t k;
    const dossier_phrase *ph = NULL;
    int wd = name_at(tv, "weekdays", 7, i, lim, &k, &ph);
    if (!wd || (!modified && in_name(tv, i, s0)))
        return 0;
    size_t j = skip_connectors(tv, i + k, lim);
    dmatch sub = *m;
    if (j < lim && (match_daymonth(tv, j, lim, s0, &sub) || match_monthfirst(tv, j, lim, s0, &sub, 0))) {
        *m = sub;
        return 1;
    }
    if (!modified && !bare_name_ok(tv, "weekdays", wd, ph, i, s0))
        return 0;
    m->kind = K_WEEKDAY;
    m->wday = wd;
    m->dir = dir;
    m->end = i + k;
    return 1;
}

/* Day first: "9 August [2023]", "le 1er août", "18 de noviembre de 2020", "am 9. August". */
static int match_daymonth(const tview *tv, size_t i, size_t lim, size_t s0, dmatch *m)
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
        m->end = y + 1 + phrase_at(tv, "date.year_word", y + 1, lim, NULL);
    } else {
        relative_year_after(tv, m, lim);
    }
    return 1;
}

/* Month first: "August 9, 2023", "May 2021", "in March", "julio del año pasado". */
static int match_monthfirst(const tview *tv, size_t i, size_t lim, size_t s0, dmatch *m, int dir)
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
        m->end = y + 1 + phrase_at(tv, "date.year_word", y + 1, lim, NULL);
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
    if ((len = phrase_at(tv, "date.last", p, lim, NULL)) || (len = phrase_at(tv, "date.next", p, lim, NULL))) {
        /* post-posed: "en mai dernier", "el mayo próximo" */
        m->kind = K_MONTHDIR;
        m->dir = phrase_at(tv, "date.last", p, lim, NULL) ? -1 : 1;
        m->end = p + len;
        return 1;
    }
    return bare_name_ok(tv, "months", mon, ph, i, s0);
}

/* A year: "2021", "в 2021 году"; not a sum of money or a percentage. */
static int match_year(const tview *tv, size_t i, size_t lim, dmatch *m)
{
    int y = year_word(tv->w[i]);
    if (y < 0)
        return 0;
    if (i + 1 < lim && (strcmp(tv->w[i + 1], "%") == 0 || phrase_at(tv, "date.not_year_after", i + 1, lim, NULL)))
        return 0;
    if (i > 0 && (strcmp(tv->w[i - 1], "$") == 0 || strcmp(tv->w[i - 1], "\xe2\x82\xac") == 0 ||
                  strcmp(tv->w[i - 1], "\xc2\xa3") == 0))
        return 0;
    m->kind = K_ABS;
    m->y = y;
    m->end = i + 1 + phrase_at(tv, "date.year_word", i + 1, lim, NULL);
    return 1;
}

/* Tries every pattern at token i of a sentence [s0, lim). */
static int match_at(const tview *tv, size_t i, size_t lim, size_t s0, dmatch *m)
{
    memset(m, 0, sizeof *m);
    m->start = i;
    if (match_relative(tv, i, lim, m))
        return 1;
    size_t k;
    int dir = 0;
    if ((k = phrase_at(tv, "date.last", i, lim, NULL)))
        dir = -1;
    else if ((k = phrase_at(tv, "date.next", i, lim, NULL)))
        dir = 1;
    else
        k = phrase_at(tv, "date.this", i, lim, NULL);
    if (k && (match_weekday(tv, i + k, lim, s0, m, dir, 1) || (dir && match_monthfirst(tv, i + k, lim, s0, m, dir))))
        return 1;
    memset(m, 0, sizeof *m);
    m->start = i;
    return match_numeric(tv, i, m) || match_slashed(tv, i, lim, m) ||
           match_weekday(tv, i, lim, s0, m, 0, 0) || match_daymonth(tv, i, lim, s0, m) ||
           match_monthfirst(tv, i, lim, s0, m, 0) || match_year(tv, i, lim, m);
}

/* ---- resolution ---------------------------------------------------------- */

/*
 * Non-zero when the date at tokens [a, b) of sentence [s0, s1) is spoken of
 * in the future: the nearest tense cue before it, else after it.
 */
static int is_future(const tview *tv, size_t s0, size_t s1, size_t a, size_t b)
{
    for (size_t j = a; j-- > s0;) {
        size_t kf = phrase_at(tv, "date.future", j, a, NULL);
        if (kf)
            return 1;
        if (phrase_at(tv, "date.past", j, a, NULL))
            return 0;
    }
    for (size_t j = b; j < s1; j++) {
        if (phrase_at(tv, "date.future", j, s1, NULL))
            return 1;
        if (phrase_at(tv, "date.past", j, s1, NULL))
            return 0;
    }
    return 0;
}

/* Writes the value of a date at a precision into t. */
static void set_value(dossier_timex *t, int y, int m, int d, int prec)
{
    t->precision = prec;
    if (prec == DOSSIER_DATE_YEAR)
        snprintf(t->value, sizeof t->value, "%04d", y);
    else if (prec == DOSSIER_DATE_MONTH)
        snprintf(t->value, sizeof t->value, "%04d-%02d", y, m);
    else if (prec == DOSSIER_DATE_DAY)
        snprintf(t->value, sizeof t->value, "%04d-%02d-%02d", y, m, d);
    else
        t->value[0] = '\0';
}

/* Resolves an absolute or partly given date (K_ABS, K_MONTHDIR). */
static int resolve_abs(const dmatch *m, const pubdate *p, int future, dossier_timex *t)
{
    int prec = m->day ? DOSSIER_DATE_DAY : m->m ? DOSSIER_DATE_MONTH : DOSSIER_DATE_YEAR;
    int y = m->y;
    if (!y) {
        t->relative = 1;
        if (!p->ok)
            return 0;
        int ahead = (m->m - p->m + 12) % 12;
        if (m->yearoff)
            y = p->y + m->off;
        else if (m->kind == K_MONTHDIR)
            y = m->dir < 0 ? (m->m < p->m ? p->y : p->y - 1) : (m->m > p->m ? p->y : p->y + 1);
        else if (m->anchor_y)
            y = m->anchor_y;
        else if (ahead == 0)
            y = p->y;
        else if (future || ahead <= UPCOMING_MONTHS)
            y = p->y + (m->m < p->m);
        else
            y = p->y - (m->m > p->m);
    }
    if (m->day && (m->m < 1 || m->m > 12 || m->day > days_in_month(y, m->m)))
        return -1;
    if (m->m < 0 || m->m > 12)
        return -1;
    set_value(t, y, m->m, m->day, prec);
    return 0;
}

/*
 * Fills t->value/precision/relative for match m; returns -1 when the match
 * is no date after all (an impossible day), else 0 (unresolved included).
 */
static int resolve(const dmatch *m, const pubdate *p, int future, dossier_timex *t)
{
    t->value[0] = '\0';
    t->precision = DOSSIER_DATE_NONE;
    t->relative = 0;
    if (m->kind == K_ABS || m->kind == K_MONTHDIR)
        return resolve_abs(m, p, future, t);
    t->relative = 1;
    if (!p->ok)
        return 0;
    long z = days_from_civil(p->y, p->m, p->d);
    int y, mo, d;
    switch (m->kind) {
    case K_DAYOFF:
        civil_from_days(z + m->off, &y, &mo, &d);
        set_value(t, y, mo, d, DOSSIER_DATE_DAY);
        break;
    case K_WEEKOFF:
        civil_from_days(z + 7L * m->off, &y, &mo, &d);
        set_value(t, y, mo, d, DOSSIER_DATE_MONTH);
        break;
    case K_MONTHOFF: {
        int idx = p->y * 12 + (p->m - 1) + m->off;
        set_value(t, idx / 12, idx % 12 + 1, 0, DOSSIER_DATE_MONTH);
        break;
    }
    case K_YEAROFF:
        set_value(t, p->y + m->off, 0, 0, DOSSIER_DATE_YEAR);
        break;
    case K_WEEKDAY: {
        int wd = iso_weekday(z);
        int back = (wd - m->wday + 7) % 7, fwd = (m->wday - wd + 7) % 7;
        long at;
        if (m->dir < 0)
            at = z - (back ? back : 7);
        else if (m->dir > 0)
            at = z + (fwd ? fwd : 7);
        else
            at = future ? z + fwd : z - back;
        civil_from_days(at, &y, &mo, &d);
        set_value(t, y, mo, d, DOSSIER_DATE_DAY);
        break;
    }
    default:
        break;
    }
    return 0;
}

/* ---- the stage ----------------------------------------------------------- */

/* The lexicon language for month names: the article's, else every language. */
static const char *month_lang(const dossier_lexicon *lx, const char *lang)
{
    const dossier_phrase *const *l;
    if (lang && dossier_lexicon_list(lx, lang, "months.1", &l) > 0)
        return lang;
    return NULL;
}

/* Scans sentence tokens [s0, s1) and adds a timex for each date found. */
static int scan_sentence(dossier_doc *d, const tview *tv, const pubdate *p, size_t s0, size_t s1, int sent)
{
    size_t i = s0;
    int anchor = 0;
    while (i < s1) {
        dmatch m;
        if (!match_at(tv, i, s1, s0, &m) || m.end <= i) {
            i++;
            continue;
        }
        dossier_timex t = {0};
        m.anchor_y = anchor;
        int future = is_future(tv, s0, s1, m.start, m.end);
        if (resolve(&m, p, future, &t) == 0) {
            t.span.start = d->tokens.v[m.start].span.start;
            t.span.end = d->tokens.v[m.end - 1].span.end;
            t.sentence = sent;
            if (VEC_PUSH(&d->timexes, t))
                return dossier_doc_fail(d, DOSSIER_ENOMEM, "out of memory");
            if (t.value[0] && (m.y || m.yearoff || m.kind == K_YEAROFF || m.kind == K_MONTHDIR))
                anchor = atoi(t.value);
        }
        i = m.end;
    }
    return DOSSIER_OK;
}

/* See dates.h. */
int dossier_dates_run(dossier_doc *d)
{
    if (!d->lex || d->tokens.n == 0)
        return DOSSIER_OK;
    int rc = DOSSIER_OK;
    unsigned *fl = malloc(d->tokens.n * sizeof *fl);
    if (!fl)
        return dossier_doc_fail(d, DOSSIER_ENOMEM, "out of memory");
    for (size_t i = 0; i < d->tokens.n; i++)
        fl[i] = d->tokens.v[i].flags;
    tview tv = {d->lex, month_lang(d->lex, dossier_doc_lang(d)), d->folds.v, fl, d->tokens.n};
    pubdate p;
    parse_pub(&p, d->published);
    for (size_t s = 0; !rc && s < d->sentences.n; s++) {
        const dossier_sentence *se = &d->sentences.v[s];
        size_t s0 = (size_t)se->first_token, s1 = s0 + (size_t)se->ntokens;
        if (s1 > d->tokens.n)
            s1 = d->tokens.n;
        rc = scan_sentence(d, &tv, &p, s0, s1, (int)s);
    }
    free(fl);
    return rc;
}

/* See dates.h. */
int dossier_dates_parse(char out[11], int *out_precision, const char *text, size_t len,
                        const char *lang, const dossier_lexicon *lx)
{
    VEC(const char *) words = {0};
    VEC(unsigned) flags = {0};
    int rc = DOSSIER_ENOTFOUND;
    size_t pos = 0, start, end;
    unsigned f;
    out[0] = '\0';
    *out_precision = DOSSIER_DATE_NONE;
    while ((f = dossier_token_next(text, len, &pos, &start, &end)) != 0) {
        char *w = dossier_fold(text + start, end - start);
        if (!w || VEC_PUSH(&words, w) || VEC_PUSH(&flags, f)) {
            free(w);
            rc = DOSSIER_ENOMEM;
            goto done;
        }
    }
    tview tv = {lx, lang ? month_lang(lx, lang) : NULL, words.v, flags.v, words.n};
    pubdate none = {0};
    for (size_t i = 0; i < words.n; i++) {
        dmatch m;
        dossier_timex t = {0};
        if (!match_at(&tv, i, words.n, 0, &m) || resolve(&m, &none, 0, &t) || !t.value[0])
            continue;
        memcpy(out, t.value, sizeof t.value);
        *out_precision = t.precision;
        rc = DOSSIER_OK;
        break;
    }
done:
    for (size_t i = 0; i < words.n; i++)
        free((char *)words.v[i]);
    VEC_FREE(&words);
    VEC_FREE(&flags);
    return rc;
}
