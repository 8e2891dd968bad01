/*
 * dates.c — temporal expressions, resolved against the publication date.
 *
 * Each sentence is scanned for date expressions (datematch.c), tried in
 * this order at every token:
 *
 *   relative phrases   "last year", "im vergangenen Jahr", "в прошлом году",
 *                      "yesterday", "next month", "la semaine dernière"
 *                      (the date.{year,month,week}.{last,this,next} and
 *                      date.{today,yesterday,tomorrow} lists);
 *   offsets            "two days ago", "il y a deux ans", "vor zwei Tagen",
 *                      "three days later", "через два дня", "two days after
 *                      [the offensive]" (date.number.N, date.unit.*, and
 *                      date.ago_before, ago_after, later, later_before,
 *                      earlier, after, before);
 *   numeric dates      "22.04.2022", "2022-04-22", "13/07/2022";
 *   weekdays           "on Wednesday", "mardi", "am Donnerstag", "last
 *                      Monday" (a weekday followed by a date is that date);
 *   day-first          "9 August 2023", "le 1er août", "18 de noviembre de
 *                      2020", "am 9. August", "9 августа 2023 года";
 *   month-first        "August 9, 2023", "May 2021", "in March", "last May",
 *                      "mid-July", "julio del año pasado", "en mai dernier";
 *   years              "in 2021", "2014 and 2015", "в 2021 году".
 *
 * Month and weekday names come from the lexicon (see datematch.c for the
 * names that are no dates: "Long March 5", the planet "Mars").
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
 *     month); years, months and days to their own precision;
 *   - "ago" counts back from publication; "later", "after", "before" count
 *     from the sentence's previous date ("on July 20, and Tianwen-1 three
 *     days later"; "le 26 février, deux jours après le début de l'offensive"
 *     dates the offensive to 24 February), and are dropped without one.
 *     An offset with no earlier date in its sentence counts from the last
 *     date of the sentence before in its paragraph ("In February 2019 ... A few months later");
 *     a vague count (date.few: "a few", "quelques", "einige", "несколько")
 *     is taken as three, and the date given one step coarser than its unit
 *     (days and weeks to the month, months to the year, years to nothing).
 * Without a publication date, a short dateline line among the first
 * sentences ("Hanoi, 27. April 2010") gives one (and fills d->published).
 * The tense of a date is the nearest cue of the date.future or date.past
 * lists before it in its sentence (else after it); past when there is none.
 * Without a publication date (nor dateline) every relative expression stays
 * unresolved: value "" and precision NONE.  Absolute dates always resolve.
 */
#include "extract/dates/dates.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract/dates/datematch.h"
#include "dossier.h"
#include "base/token.h"
#include "base/util.h"

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

/* The number of days of month m of year y. */
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

/* ---- resolution ---------------------------------------------------------- */

/*
 * Non-zero when the date at tokens [a, b) of sentence [s0, s1) is spoken of
 * in the future: the nearest tense cue before it, else after it.
 */
static int is_future(const dossier_dtoks *tv, size_t s0, size_t s1, size_t a, size_t b)
{
    for (size_t j = a; j-- > s0;) {
        size_t kf = dossier_datematch_phrase(tv, "date.future", j, a, NULL);
        if (kf)
            return 1;
        if (dossier_datematch_phrase(tv, "date.past", j, a, NULL))
            return 0;
    }
    for (size_t j = b; j < s1; j++) {
        if (dossier_datematch_phrase(tv, "date.future", j, s1, NULL))
            return 1;
        if (dossier_datematch_phrase(tv, "date.past", j, s1, NULL))
            return 0;
    }
    return 0;
}

/* Writes the value of a date at a precision into t. */
static void set_value(dossier_timex *t, int y, int m, int d, int prec)
{
    t->precision = prec;
    /* Bounds keep the value within its 10 characters (and the compiler sure of it). */
    y = y < 0 ? 0 : y > 9999 ? 9999 : y;
    m = m < 1 ? 1 : m > 12 ? 12 : m;
    d = d < 1 ? 1 : d > 31 ? 31 : d;
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
static int resolve_abs(const dossier_dmatch *m, const pubdate *p, int future, dossier_timex *t)
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

/* A resolved date: y, m, d and the precision they hold (0: none). */
typedef struct {
    int y, m, d, prec;
} ymd;

/* Moves date a by n units (enum dunit) and writes it into t, no finer than a. */
static void shift(const ymd *a, int n, int unit, dossier_timex *t)
{
    int y = a->y, mo = a->m ? a->m : 1, d = a->d ? a->d : 1;
    int prec = unit == U_YEAR ? DOSSIER_DATE_YEAR : unit == U_MONTH ? DOSSIER_DATE_MONTH : DOSSIER_DATE_DAY;
    if (prec > a->prec)
        prec = a->prec;
    if (unit == U_DAY || unit == U_WEEK) {
        civil_from_days(days_from_civil(y, mo, d) + (long)n * (unit == U_WEEK ? 7 : 1), &y, &mo, &d);
    } else if (unit == U_MONTH) {
        int idx = y * 12 + (mo - 1) + n;
        y = idx / 12, mo = idx % 12 + 1;
        if (d > days_in_month(y, mo))
            d = days_in_month(y, mo);
    } else {
        y += n;
    }
    set_value(t, y, mo, d, prec);
}

/*
 * A vague offset ("a few months later") says its date one step coarser
 * than its unit: days and weeks to the month, months to the year; years
 * to nothing.
 */
static void coarsen(int unit, dossier_timex *t)
{
    int prec = unit == U_YEAR ? DOSSIER_DATE_NONE : unit == U_MONTH ? DOSSIER_DATE_YEAR : DOSSIER_DATE_MONTH;
    if (prec >= t->precision)
        return;
    t->precision = prec;
    t->value[prec == DOSSIER_DATE_NONE ? 0 : prec == DOSSIER_DATE_YEAR ? 4 : 7] = '\0';
}

/* Resolves an offset: from publication (K_AGO) or from the sentence's previous date. */
static int resolve_offset(const dossier_dmatch *m, const pubdate *p, const ymd *anchor, dossier_timex *t)
{
    if (m->kind == K_AGO) {
        t->relative = 1;
        ymd pub = {p->y, p->m, p->d, DOSSIER_DATE_DAY};
        if (p->ok)
            shift(&pub, -m->num, m->unit, t);
    } else {
        if (!anchor->prec)
            return -1;
        t->relative = 1;
        shift(anchor, m->kind == K_LATER ? m->num : -m->num, m->unit, t);
    }
    if (m->vague && t->value[0])
        coarsen(m->unit, t);
    return 0;
}

/*
 * Fills t->value/precision/relative for match m (`anchor` is the previous
 * date of the sentence); returns -1 when the match is no date after all (an
 * impossible day, an offset from nothing), else 0 (unresolved included).
 */
static int resolve(const dossier_dmatch *m, const pubdate *p, int future, const ymd *anchor, dossier_timex *t)
{
    t->value[0] = '\0';
    t->precision = DOSSIER_DATE_NONE;
    t->relative = 0;
    if (m->kind == K_ABS || m->kind == K_MONTHDIR)
        return resolve_abs(m, p, future, t);
    if (m->kind == K_AGO || m->kind == K_LATER || m->kind == K_EARLIER)
        return resolve_offset(m, p, anchor, t);
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

/*
 * Scans sentence tokens [s0, s1) and adds a timex for each date found.
 * *carry is the last date of the sentence before in the paragraph (zero
 * prec when none): offsets count from it until the sentence gives one
 * ("In February 2019 ... A few months later, ..."); it receives this
 * sentence's last date.
 */
static int scan_sentence(dossier_doc *d, const dossier_dtoks *tv, const pubdate *p, size_t s0, size_t s1, int sent,
                         ymd *carry)
{
    size_t i = s0;
    int year = 0;
    ymd last = *carry;
    while (i < s1) {
        dossier_dmatch m;
        if (!dossier_datematch_at(tv, i, s1, s0, &m) || m.end <= i) {
            i++;
            continue;
        }
        dossier_timex t = {0};
        m.anchor_y = year;
        int future = is_future(tv, s0, s1, m.start, m.end);
        if (resolve(&m, p, future, &last, &t) == 0) {
            t.span.start = d->tokens.v[m.start].span.start;
            t.span.end = d->tokens.v[m.end - 1].span.end;
            t.sentence = sent;
            if (VEC_PUSH(&d->timexes, t))
                return dossier_doc_fail(d, DOSSIER_ENOMEM, "out of memory");
            if (t.value[0] && (m.y || m.yearoff || m.kind == K_YEAROFF || m.kind == K_MONTHDIR))
                year = atoi(t.value);
            if (t.value[0]) {
                last.prec = t.precision;
                sscanf(t.value, "%d-%d-%d", &last.y, &last.m, &last.d);
            }
        }
        i = m.end;
    }
    *carry = last;
    return DOSSIER_OK;
}

/*
 * Without a publication date, a dateline gives one: the first full date
 * (day, month and year, as written) of a short sentence (at most
 * DATELINE_TOKENS tokens) among the first DATELINE_SENTENCES sentences
 * ("Hanoi/Toulouse, 27. April 2010").  Relative dates then resolve
 * against it, and it fills d->published, which the meta stage left empty
 * (the events stage dates undated news to it).
 */
#define DATELINE_SENTENCES 4
#define DATELINE_TOKENS 10
static void dateline_pub(dossier_doc *d, const dossier_dtoks *tv, pubdate *p)
{
    for (size_t s = 0; !p->ok && s < d->sentences.n && s < DATELINE_SENTENCES; s++) {
        const dossier_sentence *se = &d->sentences.v[s];
        size_t s0 = (size_t)se->first_token, s1 = s0 + (size_t)se->ntokens;
        if (s1 > d->tokens.n || se->ntokens > DATELINE_TOKENS)
            continue;
        for (size_t i = s0; i < s1; i++) {
            dossier_dmatch m;
            if (!dossier_datematch_at(tv, i, s1, s0, &m) || m.kind != K_ABS || !m.y || !m.m || !m.day)
                continue;
            char v[16];
            snprintf(v, sizeof v, "%04d-%02d-%02d", m.y, m.m, m.day);
            parse_pub(p, v);
            if (p->ok)
                memcpy(d->published, v, sizeof d->published);
            break;
        }
    }
}

/* See dates.h. */
int dossier_dates_run(dossier_doc *d)
{
    if (!d->lex || d->tokens.n == 0)
        return DOSSIER_OK;
    int rc = DOSSIER_OK;
    unsigned *fl = malloc(d->tokens.n * sizeof *fl);
    dossier_lexmemo *memo = calloc(DOSSIER_LEXMEMO_SLOTS, sizeof *memo);
    if (!fl || !memo) {
        free(fl);
        free(memo);
        return dossier_doc_fail(d, DOSSIER_ENOMEM, "out of memory");
    }
    for (size_t i = 0; i < d->tokens.n; i++)
        fl[i] = d->tokens.v[i].flags;
    int hashed = d->fold_bits.n == d->tokens.n && d->fold_hashes.n == d->tokens.n;
    dossier_dtoks tv = {.lx = d->lex, .lang = month_lang(d->lex, dossier_doc_lang(d)), .w = d->folds.v,
                        .h = hashed ? d->fold_hashes.v : NULL, .bits = hashed ? d->fold_bits.v : NULL, .fl = fl,
                        .n = d->tokens.n, .memo = memo};
    dossier_datematch_lists(&tv);
    pubdate p;
    parse_pub(&p, d->published);
    if (!p.ok)
        dateline_pub(d, &tv, &p);
    ymd carry = {0};
    for (size_t s = 0; !rc && s < d->sentences.n; s++) {
        const dossier_sentence *se = &d->sentences.v[s];
        size_t s0 = (size_t)se->first_token, s1 = s0 + (size_t)se->ntokens;
        if (s1 > d->tokens.n)
            s1 = d->tokens.n;
        if (s > 0 && d->sentences.v[s - 1].paragraph != se->paragraph)
            memset(&carry, 0, sizeof carry);
        rc = scan_sentence(d, &tv, &p, s0, s1, (int)s, &carry);
    }
    free(fl);
    free(memo);
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
    dossier_dtoks tv = {.lx = lx, .lang = lang ? month_lang(lx, lang) : NULL, .w = words.v, .fl = flags.v, .n = words.n};
    dossier_datematch_lists(&tv);
    pubdate none = {0};
    ymd noanchor = {0};
    for (size_t i = 0; i < words.n; i++) {
        dossier_dmatch m;
        dossier_timex t = {0};
        if (!dossier_datematch_at(&tv, i, words.n, 0, &m) || resolve(&m, &none, 0, &noanchor, &t) || !t.value[0])
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
