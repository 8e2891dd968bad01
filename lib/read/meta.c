/*
 * meta.c — the article's title, outlet, publication date, url and language.
 *
 * Front matter wins when it gives a field.  Otherwise the fields come from
 * the lines clean.c classed, looked for where pages put them:
 *
 *  - the head, the lines up to and including the first real paragraph:
 *    the title (the first substantial line that is not a masthead, a column
 *    name in capitals, a byline or a date line), the date line ("Published
 *    21 August 2023", "25.08.2017, 14:32 Uhr"), the byline, a masthead
 *    "NAME | Section", and the dateline that opens the first paragraph
 *    ("MOSCOU, 20 août 2023 (AFP) -", "МОСКВА, 12 апреля. /ТАСС/."), which
 *    gives date and agency and is cut off the paragraph's line;
 *  - anywhere: a "Source: Outlet" line (meta.source), a copyright line
 *    "© 2022 Outlet – All rights reserved";
 *  - the last line, when it is a bare masthead ("India today").
 *
 * Dates are read with the months.N lists of every language, so "20 août
 * 2023", "18 de noviembre de 2020" and "22 апреля 2022 г." all parse.  The
 * language is the one whose meta.stopwords cover most words of the body.
 * Lines used for metadata are reclassed DOSSIER_LINE_META, the headline
 * DOSSIER_LINE_TITLE.  Outlets rank: front matter, "Source:", dateline
 * agency, copyright, masthead, trailing masthead.
 */
#include "read/meta.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dossier.h"
#include "base/token.h"

/* A real paragraph has at least this many words and ends like a sentence. */
#define PARAGRAPH_WORDS 12

/* The tokens of one line, folded. */
typedef struct {
    size_t n, nwords;
    char **f;           /* folded forms, each NUL-terminated inside `block` */
    char *block;        /* every folded form of the line, one after another */
    unsigned *fl;       /* token flags */
    dossier_span *sp;   /* byte spans into the text */
    const uint64_t *h;  /* the folds' dossier_lexicon_word_hash (the doc's), or NULL */
    int view;           /* the arrays are the doc's (ltoks_line), not the reader's */
} ltoks;

/* Frees what t holds (nothing for a view of the doc's tokens). */
static void ltoks_free(ltoks *t)
{
    if (!t->view) {
        free(t->f);
        free(t->block);
        free(t->fl);
        free(t->sp);
    }
    memset(t, 0, sizeof *t);
}

/*
 * Tokenizes s[a..b) into *t; returns DOSSIER_OK or DOSSIER_ENOMEM.  The
 * folded forms go into one block (a malloc per line, not per word): while
 * it grows, f[i] holds the offset of form i, made a pointer at the end.
 */
static int ltoks_read(ltoks *t, const char *s, size_t a, size_t b)
{
    size_t pos = a, ts, te, cap = 0;
    unsigned fl;
    dbuf fold = {0}, all = {0};
    int rc = DOSSIER_OK;
    memset(t, 0, sizeof *t);
    while ((fl = dossier_token_next(s, b, &pos, &ts, &te)) != 0) {
        if (t->n == cap) {
            cap = cap ? cap * 2 : 16;
            char **f = realloc(t->f, cap * sizeof *f);
            if (f)
                t->f = f;
            unsigned *g = f ? realloc(t->fl, cap * sizeof *g) : NULL;
            if (g)
                t->fl = g;
            dossier_span *sp = g ? realloc(t->sp, cap * sizeof *sp) : NULL;
            if (!sp) {
                rc = DOSSIER_ENOMEM;
                break;
            }
            t->sp = sp;
        }
        const char *w = dossier_fold_into(&fold, s + ts, te - ts);
        size_t at = all.len;
        if (!w || dossier_buf_add(&all, w, fold.len + 1)) {
            rc = DOSSIER_ENOMEM;
            break;
        }
        t->f[t->n] = (char *)(uintptr_t)at;
        t->fl[t->n] = fl;
        t->sp[t->n] = (dossier_span){ts, te};
        t->n++;
        if (!(fl & DOSSIER_TOK_PUNCT))
            t->nwords++;
    }
    dossier_buf_free(&fold);
    t->block = all.s;
    for (size_t i = 0; i < t->n; i++)
        t->f[i] = t->block + (uintptr_t)t->f[i];
    return rc; /* after a failure what was read stays readable: the caller frees it */
}

/*
 * The tokens of line l of the text into *t: a view of those clean read
 * (d->line_folds, ...) when the line still has the span clean read them
 * from, else read again as ltoks_read does.  Returns DOSSIER_OK or
 * DOSSIER_ENOMEM; the caller frees *t with ltoks_free either way.
 */
static int ltoks_line(ltoks *t, const dossier_doc *d, const dossier_line *l)
{
    if (l->read.start != l->span.start || l->read.end != l->span.end)
        return ltoks_read(t, d->text, l->span.start, l->span.end);
    memset(t, 0, sizeof *t);
    t->view = 1;
    t->n = l->ntok;
    t->f = (char **)(uintptr_t)(d->line_folds.v + l->tok0);
    t->fl = d->line_flags.v + l->tok0;
    t->sp = d->line_spans.v + l->tok0;
    t->h = d->line_hashes.n == d->line_folds.n ? d->line_hashes.v + l->tok0 : NULL;
    for (size_t k = 0; k < t->n; k++)
        if (!(t->fl[k] & DOSSIER_TOK_PUNCT))
            t->nwords++;
    return DOSSIER_OK;
}

/* ---- dates ---- */

/* The month (1-12) that folded word w names in any language, or 0. */
static int month_of(const dossier_doc *d, const char *w)
{
    for (int m = 1; m <= 12; m++)
        if (dossier_lexicon_has(d->lex, NULL, dossier_lexicon_month_key(m), w))
            return m;
    return 0;
}

/* The leading digits of w as a number, with *ndig their count; -1 if none. */
static int leading_num(const char *w, int *ndig)
{
    int v = 0, k = 0;
    while (w[k] >= '0' && w[k] <= '9' && k < 6)
        v = v * 10 + (w[k++] - '0');
    *ndig = k;
    return k ? v : -1;
}

/* Non-zero when w is all digits: a plain number of `digits` digits (0: any). */
static int plain_num(const char *w, int digits)
{
    int k;
    int v = leading_num(w, &k);
    return v >= 0 && w[k] == '\0' && (digits == 0 || k == digits);
}

/* Non-zero when y-m-day is a day of the calendar (1900 to 2100): no 30 February. */
static int valid_date(int y, int m, int day)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1900 || y > 2100 || m < 1 || m > 12 || day < 1)
        return 0;
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return day <= days[m - 1] + (m == 2 && leap);
}

/* Parses one token of digits and separators: 22.04.2022, 2023-06-22,
 * 13/07/2022 (day first, except with slashes in English: 07/13/2022). */
static int numeric_date(const char *w, int day_first, int *y, int *m, int *day)
{
    int a, b, c, n1, n2, n3;
    char s1, s2;
    if (sscanf(w, "%4d%n-%2d%n-%2d%n", &a, &n1, &b, &n2, &c, &n3) == 3 && n1 == 4 &&
        (w[n3] == '\0' || w[n3] == 't')) { /* also 2023-08-21T10:00 (folded) */
        *y = a, *m = b, *day = c;
        return valid_date(*y, *m, *day);
    }
    if (sscanf(w, "%2d%c%2d%c%4d%n", &a, &s1, &b, &s2, &c, &n3) == 5 && s1 == s2 &&
        (s1 == '.' || s1 == '/' || s1 == '-') && w[n3] == '\0' && c >= 1900) {
        int swap = (s1 == '/' && !day_first) || (b > 12 && a <= 12);
        if (a > 12)
            swap = 0;
        *y = c, *m = swap ? a : b, *day = swap ? b : a;
        return valid_date(*y, *m, *day);
    }
    return 0;
}

/* Skips punctuation and the filler words "de", "del", "of" from token i. */
static size_t skip_fill(const ltoks *t, size_t i)
{
    while (i < t->n && ((t->fl[i] & DOSSIER_TOK_PUNCT && strcmp(t->f[i], "/") != 0) ||
                        !strcmp(t->f[i], "de") || !strcmp(t->f[i], "of") || !strcmp(t->f[i], "del")))
        i++;
    return i;
}

/*
 * Reads a date starting at token i; on success writes "YYYY-MM-DD" into
 * out, sets *next to the token after it and returns 1.
 */
static int date_at(const dossier_doc *d, const ltoks *t, size_t i, char out[11], size_t *next)
{
    int y = 0, m = 0, day = 0, k;
    int day_first = strcmp(d->language ? d->language : "en", "en") != 0;
    const char *w = t->f[i];
    if (numeric_date(w, day_first, &y, &m, &day)) {
        *next = i + 1;
        goto ok;
    }
    /* 13 / 07 / 2022 split into tokens */
    if (i + 4 < t->n && plain_num(w, 0) && !strcmp(t->f[i + 1], "/") && plain_num(t->f[i + 2], 0) &&
        !strcmp(t->f[i + 3], "/") && plain_num(t->f[i + 4], 4)) {
        char buf[32];
        snprintf(buf, sizeof buf, "%s/%s/%s", w, t->f[i + 2], t->f[i + 4]);
        if (numeric_date(buf, day_first, &y, &m, &day)) {
            *next = i + 5;
            goto ok;
        }
    }
    /* Month D, YYYY */
    if ((m = month_of(d, w)) != 0) {
        size_t j = skip_fill(t, i + 1);
        if (j < t->n && (day = leading_num(t->f[j], &k)) > 0 && k <= 2) {
            size_t yj = skip_fill(t, j + 1);
            if (yj < t->n && plain_num(t->f[yj], 4)) {
                y = atoi(t->f[yj]);
                *next = yj + 1;
                goto ok;
            }
        }
        return 0;
    }
    /* D Month YYYY, D. Month YYYY, D de mes de YYYY, 1er août 2023 */
    if ((day = leading_num(w, &k)) > 0 && k <= 2) {
        size_t j = skip_fill(t, i + 1);
        if (j < t->n && (m = month_of(d, t->f[j])) != 0) {
            size_t yj = skip_fill(t, j + 1);
            if (yj < t->n && plain_num(t->f[yj], 4)) {
                y = atoi(t->f[yj]);
                *next = yj + 1;
                goto ok;
            }
        }
    }
    return 0;
ok:
    if (!valid_date(y, m, day))
        return 0;
    snprintf(out, 11, "%04u-%02u-%02u", (unsigned)y % 10000u, (unsigned)m % 100u, (unsigned)day % 100u); /* valid: in range */
    return 1;
}

/* Finds the first date among tokens [0, limit); returns its token index or -1. */
static long find_date(const dossier_doc *d, const ltoks *t, size_t limit, char out[11])
{
    size_t next;
    for (size_t i = 0; i < t->n && i < limit; i++)
        if (!(t->fl[i] & DOSSIER_TOK_PUNCT) && date_at(d, t, i, out, &next))
            return (long)i;
    return -1;
}

/* ---- language ---- */

/* Votes for the language whose meta.stopwords cover most body words (the
 * first few thousand words are plenty). */
static int detect_language(dossier_doc *d)
{
    const char *const *langs;
    size_t nl = d->lex ? dossier_lexicon_languages(d->lex, &langs) : 0;
    size_t votes[16] = {0}, seen = 0;
    if (nl > 16)
        nl = 16;
    const dossier_lexlist *stop[16]; /* each language's list, found once for every word */
    for (size_t g = 0; g < nl; g++)
        stop[g] = dossier_lexicon_find(d->lex, langs[g], "meta.stopwords");
    for (size_t i = 0; nl && i < d->lines.n && seen < 3000; i++) {
        const dossier_line *l = &d->lines.v[i];
        if (l->cls != DOSSIER_LINE_BODY && l->cls != DOSSIER_LINE_TITLE)
            continue;
        ltoks t;
        int rc = ltoks_line(&t, d, l);
        seen += t.n;
        for (size_t k = 0; !rc && k < t.n; k++) {
            if (t.fl[k] & DOSSIER_TOK_PUNCT)
                continue;
            /* the word's hash made once for every language's list, and only when some list may hold it */
            const char *const *w = (const char *const *)&t.f[k];
            unsigned bit = dossier_lexicon_prefix_bit(w[0]);
            uint64_t h = 0;
            int hashed = 0;
            for (size_t g = 0; g < nl; g++) {
                const struct dossier_lexlist_head *hd = (const struct dossier_lexlist_head *)(const void *)stop[g];
                if (!hd || !hd->frozen || !((hd->starts[bit / 64] >> (bit % 64)) & 1))
                    continue;
                if (!hashed) {
                    h = t.h ? t.h[k] : dossier_lexicon_word_hash(w[0]);
                    hashed = 1;
                }
                if (dossier_lexlist_match_at(stop[g], w, 1, h, bit, NULL) == 1)
                    votes[g]++;
            }
        }
        ltoks_free(&t);
        if (rc)
            return dossier_doc_fail(d, rc, "out of memory");
    }
    size_t best = nl;
    for (size_t g = 0; g < nl; g++)
        if (votes[g] > 0 && (best == nl || votes[g] > votes[best]))
            best = g;
    d->language = best < nl ? langs[best] : "en";
    return DOSSIER_OK;
}

/* Sets the language from front matter: a code ("fr", "FR", "fr-FR") or a
 * name listed in some language's meta.language_names ("French", "Deutsch");
 * from the text when the value is neither. */
static int front_language(dossier_doc *d)
{
    const char *const *langs;
    size_t nl = dossier_lexicon_languages(d->lex, &langs);
    char *f = dossier_fold(d->fm_language, strlen(d->fm_language));
    if (!f)
        return dossier_doc_fail(d, DOSSIER_ENOMEM, "out of memory");
    const char *found = NULL;
    for (size_t g = 0; g < nl && !found; g++)
        if (dossier_lexicon_has(d->lex, langs[g], "meta.language_names", f))
            found = langs[g];
    if (!found && strlen(f) >= 2 && (f[2] == '\0' || f[2] == '-' || f[2] == '_'))
        found = dossier_doc_strndup(d, f, 2);
    free(f);
    if (!found)
        return detect_language(d); /* a value we cannot read */
    d->language = found;
    return DOSSIER_OK;
}

/* ---- lines ---- */

/* The sentence punctuation (. ! ?) that ends the line, maybe inside
 * closing quotes or brackets, or 0. */
static int32_t final_mark(const char *s, dossier_span sp)
{
    size_t e = sp.end;
    while (e > sp.start) {
        size_t p = dossier_utf8_prev(s, e), q = p;
        int32_t c = dossier_utf8_next(s, e, &q);
        if (c == ')' || c == ']' || dossier_uc_quote_kind(c)) {
            e = p;
            continue;
        }
        return (c == '.' || c == '!' || c == '?') ? c : 0;
    }
    return 0;
}

static int ends_final(const char *s, dossier_span sp)
{
    return final_mark(s, sp) != 0;
}

/* Non-zero when the line holds a real paragraph: a dozen words ending with
 * a period, or a long run ending with any sentence punctuation (a headline
 * may end with a question mark). */
static int is_paragraph(const dossier_doc *d, const dossier_line *l, const ltoks *t)
{
    int32_t m = final_mark(d->text, l->span);
    return t->nwords >= PARAGRAPH_WORDS && (m == '.' || (m && t->nwords > 30));
}

/* Non-zero when the line starts with a phrase of meta list `key`,
 * followed by a capitalised word (bylines) or anything (key "published"). */
static size_t starts_with(const dossier_doc *d, const ltoks *t, const char *key)
{
    return t->n ? dossier_lexicon_match(d->lex, NULL, key, (const char *const *)t->f, t->n, NULL) : 0;
}

/* Non-zero for a byline: "By Jane Doe", "Par Claire Vasseur", "Автор: Иван Петров". */
static int is_byline(const dossier_doc *d, const ltoks *t)
{
    size_t k = starts_with(d, t, "meta.byline");
    if (k && k < t->n && !strcmp(t->f[k], ":"))
        k++;
    return k && k < t->n && t->nwords <= 8 && (t->fl[k] & DOSSIER_TOK_UPPER);
}

/* Non-zero when every letter of the line is a capital (a column name). */
static int all_caps(const char *s, dossier_span sp)
{
    size_t p = sp.start;
    int letters = 0;
    while (p < sp.end) {
        int32_t c = dossier_utf8_next(s, sp.end, &p);
        if (dossier_uc_is_lower(c))
            return 0;
        letters += dossier_uc_is_letter(c);
    }
    return letters >= 2;
}

/* The first masthead separator of a line ("NAME | Section", "NAME · Section"), or NULL. */
static const char *bar_of(const char *s, dossier_span sp)
{
    static const char *const bars[] = {"|", "\xC2\xB7", "\xE2\x80\xA2"}; /* | · • */
    const char *best = NULL;
    for (size_t k = 0; k < sizeof bars / sizeof bars[0]; k++) {
        size_t n = strlen(bars[k]);
        for (size_t p = sp.start; p + n <= sp.end; p++)
            if (memcmp(s + p, bars[k], n) == 0) {
                if (!best || s + p < best)
                    best = s + p;
                break;
            }
    }
    return best;
}

/* Non-zero when the line holds a masthead separator. */
static int has_bar(const char *s, dossier_span sp)
{
    return bar_of(s, sp) != NULL;
}

/* Copies text[a..b) trimmed of spaces and trailing punctuation into the arena. */
static const char *keep(dossier_doc *d, size_t a, size_t b)
{
    while (a < b && (d->text[a] == ' ' || d->text[a] == ':' || d->text[a] == '-'))
        a++;
    while (b > a && strchr(" .,;:-|", d->text[b - 1]))
        b--;
    return b > a ? dossier_doc_strndup(d, d->text + a, b - a) : NULL;
}

/* ---- outlet ---- */

/* "Source: Outlet" (meta.source, a colon, a few words that are not in
 * meta.not_outlets): returns the outlet (arena) or NULL. */
static const char *source_outlet(dossier_doc *d, const dossier_line *l, const ltoks *t)
{
    size_t k = starts_with(d, t, "meta.source");
    if (!k || k + 1 >= t->n || strcmp(t->f[k], ":") != 0 || t->nwords - k > 6)
        return NULL;
    if (k + 2 < t->n && (t->fl[k + 1] & DOSSIER_TOK_QOPEN)) {
        /* "Source: «Outlet»": the name inside the marks */
        size_t close = k + 2;
        while (close < t->n && !(t->fl[close] & DOSSIER_TOK_QCLOSE))
            close++;
        if (close > k + 2 && (t->fl[k + 2] & DOSSIER_TOK_UPPER))
            return keep(d, t->sp[k + 2].start, t->sp[close - 1].end);
        return NULL;
    }
    const char *const *rest = (const char *const *)t->f + k + 1;
    size_t nrest = t->n - k - 1;
    if (dossier_lexicon_match(d->lex, NULL, "meta.not_outlets", rest, nrest, NULL) == nrest)
        return NULL;
    const dossier_gaz_entry *known = NULL;
    if (!(t->fl[k + 1] & DOSSIER_TOK_UPPER) &&
        !(dossier_gazetteer_match(d->lex, rest, nrest, &known) == nrest &&
          known->kind == DOSSIER_KIND_ORGANIZATION))
        return NULL; /* lower case only for a known organisation: "Quelle: dpa" */
    return keep(d, t->sp[k + 1].start, l->span.end);
}

/* "© 2022 Outlet – All rights reserved", "© Outlet 2017": the name between
 * the sign (or "Copyright") and a year, dash, bar or period.  NULL if none. */
static const char *copyright_outlet(dossier_doc *d, const ltoks *t)
{
    size_t i = 0;
    if (t->n > 3 && !strcmp(t->f[0], "(") && !strcmp(t->f[1], "c") && !strcmp(t->f[2], ")"))
        i = 3; /* (c) */
    else if (i < t->n && (!strcmp(t->f[i], "\xC2\xA9") || !strcmp(t->f[i], "copyright")))
        i++;
    else
        return NULL;
    while (i < t->n && (!strcmp(t->f[i], "\xC2\xA9") || !strcmp(t->f[i], "copyright") || !strcmp(t->f[i], "c") ||
                        plain_num(t->f[i], 4) || (t->fl[i] & DOSSIER_TOK_PUNCT) ||
                        dossier_lexicon_has(d->lex, NULL, "meta.byline", t->f[i])))
        i++; /* "Copyright (c) 2023 by" */
    size_t first = i, last = i, words = 0;
    for (; i < t->n; i++) {
        if (plain_num(t->f[i], 4) || ((t->fl[i] & DOSSIER_TOK_PUNCT) && strcmp(t->f[i], "&") != 0))
            break;
        last = i + 1;
        words++;
    }
    if (!words || words > 5 || !(t->fl[first] & DOSSIER_TOK_UPPER) ||
        (i < t->n && !strcmp(t->f[i], "/")))
        return NULL; /* "© ESA/Photographer" is a picture credit */
    return keep(d, t->sp[first].start, t->sp[last - 1].end);
}

/* An agency in brackets or slashes at token i, "(AFP)" or "/ТАСС/": the
 * agency (arena) or NULL; *after gets the token after the closing mark. */
static const char *bracketed_agency(dossier_doc *d, const ltoks *t, size_t i, size_t *after)
{
    const char *close = !strcmp(t->f[i], "(") ? ")" : !strcmp(t->f[i], "/") ? "/" : NULL;
    if (!close || i + 2 >= t->n || !(t->fl[i + 1] & DOSSIER_TOK_WORD))
        return NULL;
    if (!(t->fl[i + 1] & DOSSIER_TOK_UPPER) && t->sp[i + 1].end - t->sp[i + 1].start > 4)
        return NULL; /* "(dpa)" is an agency, "(said)" is not */
    size_t j = i + 1;
    while (j < t->n && !(t->fl[j] & DOSSIER_TOK_PUNCT) && j - i <= 3)
        j++;
    if (j >= t->n || strcmp(t->f[j], close) != 0)
        return NULL;
    *after = j + 1;
    return keep(d, t->sp[i + 1].start, t->sp[j - 1].end);
}

/* The first bar-separated part of a masthead "NAME | Section", or NULL. */
static const char *masthead_outlet(dossier_doc *d, const dossier_line *l)
{
    const char *bar = bar_of(d->text, l->span);
    if (!bar)
        return NULL;
    size_t b = (size_t)(bar - d->text);
    ltoks t;
    const char *out = NULL;
    if (ltoks_read(&t, d->text, l->span.start, b) == DOSSIER_OK && t.nwords >= 1 && t.nwords <= 4 &&
        (t.fl[0] & DOSSIER_TOK_UPPER))
        out = keep(d, l->span.start, b);
    ltoks_free(&t);
    return out;
}

/* Non-zero when a boilerplate marker starts the line ("Top stories"). */
static int any_marker(const dossier_doc *d, const ltoks *t)
{
    static const char *const keys[] = {"boilerplate.lines", "boilerplate.line_starts", "boilerplate.headers",
                                       "boilerplate.contains", "boilerplate.captions", "meta.byline"};
    for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++)
        if (dossier_lexicon_match(d->lex, NULL, keys[k], (const char *const *)t->f, t->n, NULL))
            return 1;
    return 0;
}

/* The last non-blank line when it is a bare masthead ("India today"): one
 * to three words, capitalised, unpunctuated, not a boilerplate marker,
 * right after a paragraph of the body.  Returns its index or -1. */
static long trailing_masthead(dossier_doc *d)
{
    size_t i = d->lines.n;
    while (i > 0 && d->lines.v[i - 1].cls == DOSSIER_LINE_BLANK)
        i--;
    if (i < 2)
        return -1;
    size_t last = i - 1, prev = last;
    while (prev > 0 && d->lines.v[prev - 1].cls == DOSSIER_LINE_BLANK)
        prev--;
    if (prev == 0 || d->lines.v[prev - 1].cls != DOSSIER_LINE_BODY)
        return -1;
    ltoks t;
    long out = -1;
    if (ltoks_line(&t, d, &d->lines.v[last]) == DOSSIER_OK &&
        t.n == t.nwords && t.nwords >= 1 && t.nwords <= 3 && (t.fl[0] & DOSSIER_TOK_UPPER) &&
        !any_marker(d, &t))
        out = (long)last;
    ltoks_free(&t);
    return out;
}

/* ---- the head ---- */

/* Sets d->published from a date among the first `limit` tokens of t, when
 * it has none yet; returns 1 if t had one. */
static int take_date(dossier_doc *d, const ltoks *t, size_t limit)
{
    char date[11];
    if (find_date(d, t, limit, date) < 0)
        return 0;
    if (!d->published[0])
        memcpy(d->published, date, 11);
    return 1;
}

/*
 * Non-zero when the line starts with a date, maybe after one word or a
 * place or weekday and a comma ("June 26, 2024 4:31 PM", "Le 13 juillet
 * 2022", "Madrid, 18 de noviembre de 2020", "Wed, 21 Jun 2023"), and with
 * `take` takes it.  A date further in ("Venera-9 crash on August 19, 2023") is the
 * headline's, not the page's.
 */
static int date_line(dossier_doc *d, const ltoks *t, int take)
{
    char date[11];
    long i = find_date(d, t, 3, date);
    if (i < 0 || (i == 2 && strcmp(t->f[1], ",") != 0))
        return 0;
    if (take && !d->published[0])
        memcpy(d->published, date, 11);
    return 1;
}

/* Non-zero when a date line opens on a place in capitals ("LONDON 1996-08-30"):
 * it stays in the body, where the place is a place the article names. */
static int place_dateline(const ltoks *t)
{
    return t->n <= 10 && (t->fl[0] & DOSSIER_TOK_WORD) && (t->fl[0] & DOSSIER_TOK_ALLCAPS);
}

/* Non-zero when line l folds to the same text as s. */
static int same_text(const dossier_doc *d, const dossier_line *l, const char *s)
{
    char *a = dossier_fold(d->text + l->span.start, l->span.end - l->span.start);
    char *b = dossier_fold(s, strlen(s));
    int same = a && b && strcmp(a, b) == 0;
    free(a);
    free(b);
    return same;
}

/* After a dateline's dash, one to three capitalised words and a period
 * ("— РИА Новости."): the agency, with *end at the period; or NULL. */
static const char *agency_after_dash(dossier_doc *d, const ltoks *t, size_t i, size_t *end)
{
    size_t j = i;
    while (j < t->n && j < i + 3 && (t->fl[j] & DOSSIER_TOK_WORD) && (t->fl[j] & DOSSIER_TOK_UPPER))
        j++;
    if (j == i || j >= t->n || strcmp(t->f[j], ".") != 0)
        return NULL;
    *end = j;
    return keep(d, t->sp[i].start, t->sp[j - 1].end);
}

/* Skips a day and month without a year ("12 апреля", "Aug 20") from token
 * i; returns where it ends, or i when there is none. */
static size_t day_month(const dossier_doc *d, const ltoks *t, size_t i)
{
    size_t j = i;
    int month = 0;
    while (j < t->n && j < i + 5 &&
           ((t->fl[j] & DOSSIER_TOK_NUM) || !strcmp(t->f[j], "de") || !strcmp(t->f[j], ".") ||
            (month_of(d, t->f[j]) && ++month)))
        j++;
    return month ? j : i;
}

/*
 * Reads the first real paragraph's dateline: one to four capitalised words
 * of place, maybe ", date" (the year may be missing), maybe an agency in
 * brackets or slashes, then a dash, or a period or colon after the agency:
 * "MOSCOU, 20 août 2023 (AFP) -", "BEIJING, April 23, 2025 —", "МОСКВА,
 * 12 апреля. /ТАСС/.".  A date or an agency must be there.  Sets the date
 * and *agency from it and cuts it off the line, which keeps the article
 * text only.
 */
static void dateline(dossier_doc *d, dossier_line *l, const ltoks *t, const char **agency)
{
    size_t i = 0, n = t->n, next;
    char date[11];
    int dated = 0;
    const char *ag = NULL;
    /* the place, "Köln/Peking" too */
    while (i < n && i < 6 && (t->fl[i] & DOSSIER_TOK_WORD) && (t->fl[i] & DOSSIER_TOK_UPPER))
        i += (i + 2 < n && !strcmp(t->f[i + 1], "/") && (t->fl[i + 2] & DOSSIER_TOK_UPPER)) ? 2 : 1;
    if (i == 0 || i >= n)
        return;
    if (!strcmp(t->f[i], ",") && i + 1 < n) {
        if (date_at(d, t, i + 1, date, &next))
            dated = 1, i = next;
        else
            i = day_month(d, t, i + 1);
    }
    if (dated && !d->published[0])
        memcpy(d->published, date, 11); /* "Madrid, 18 de noviembre de 2020, el ..." */
    if (i < n && (ag = bracketed_agency(d, t, i, &next)) != NULL)
        i = next;
    if (i >= n || !((t->fl[i] & DOSSIER_TOK_DASH) || (ag && (!strcmp(t->f[i], ".") || !strcmp(t->f[i], ":")))))
        return;
    if (!ag && (ag = agency_after_dash(d, t, i + 1, &next)) != NULL)
        i = next; /* "МОСКВА, 12 апр — РИА Новости." */
    if (!dated && !ag)
        return; /* "NASA — the agency ..." may be the article's own words */
    if (ag && !*agency)
        *agency = ag;
    size_t cut = t->sp[i].end;
    while (cut < l->span.end && d->text[cut] == ' ')
        cut++;
    if (cut < l->span.end)
        l->span.start = cut;
}

/* Non-zero when the next non-blank line after i reads like a headline:
 * body, four to thirty words, no final period. */
static int headline_follows(const dossier_doc *d, size_t i)
{
    size_t j = i + 1;
    while (j < d->lines.n && d->lines.v[j].cls == DOSSIER_LINE_BLANK)
        j++;
    if (j >= d->lines.n || d->lines.v[j].cls != DOSSIER_LINE_BODY)
        return 0;
    ltoks t;
    int yes = ltoks_line(&t, d, &d->lines.v[j]) == DOSSIER_OK &&
              t.nwords >= 4 && t.nwords <= 30 && !ends_final(d->text, d->lines.v[j].span) &&
              d->text[d->lines.v[j].span.end - 1] != ':';
    ltoks_free(&t);
    return yes;
}

/*
 * Takes body line i of the head as the title when it is one: three to
 * thirty words, no colon at the end, not a punctuated paragraph.  Column
 * names in capitals and short rubrics ("Наука и техника") over a longer
 * headline become META instead.
 */
static void title_line(dossier_doc *d, size_t i, const ltoks *t)
{
    dossier_line *l = &d->lines.v[i];
    if ((all_caps(d->text, l->span) && t->nwords <= 6) || (t->nwords <= 3 && headline_follows(d, i))) {
        l->cls = DOSSIER_LINE_META;
        return;
    }
    if (t->nwords < 3 || t->nwords > 30 || (t->nwords >= PARAGRAPH_WORDS && final_mark(d->text, l->span) == '.') ||
        d->text[l->span.end - 1] == ':')
        return;
    l->cls = DOSSIER_LINE_TITLE;
    d->title = dossier_doc_strndup(d, d->text + l->span.start, l->span.end - l->span.start);
}

/* Words of line i (0 when blank or unreadable). */
static size_t line_words(const dossier_doc *d, size_t i)
{
    ltoks t;
    size_t n = ltoks_line(&t, d, &d->lines.v[i]) == DOSSIER_OK
                   ? t.nwords : 0;
    ltoks_free(&t);
    return n;
}

/* The next non-blank line after i, or d->lines.n. */
static size_t next_line(const dossier_doc *d, size_t i)
{
    for (i++; i < d->lines.n && d->lines.v[i].cls == DOSSIER_LINE_BLANK; i++)
        ;
    return i;
}

/*
 * Non-zero when line i, the first of the page, written in capitals, is a
 * masthead with a section line under it ("NAME OF PAPER" / "Science" /
 * headline): the next line is a short unpunctuated label in mixed case and
 * a longer line follows.  A capitalised column name stands right over its
 * headline instead.
 */
static int masthead_over_section(const dossier_doc *d, size_t i)
{
    size_t j = next_line(d, i), k = j < d->lines.n ? next_line(d, j) : d->lines.n;
    if (k >= d->lines.n)
        return 0;
    size_t wj = line_words(d, j);
    return wj >= 1 && wj <= 4 && !final_mark(d->text, d->lines.v[j].span) &&
           !all_caps(d->text, d->lines.v[j].span) && line_words(d, k) > wj + 2;
}

/*
 * Walks the head (lines up to the first real paragraph): date lines,
 * bylines, mastheads and column names become META, the first substantial
 * line the TITLE.  Fills title, published and candidate outlets.
 */
static int scan_head(dossier_doc *d, const char **masthead, const char **agency)
{
    int first = 1, rc = DOSSIER_OK;
    for (size_t i = 0; i < d->lines.n; i++) {
        dossier_line *l = &d->lines.v[i];
        if (l->cls == DOSSIER_LINE_BLANK)
            continue;
        ltoks t;
        if ((rc = ltoks_line(&t, d, l)) != DOSSIER_OK) {
            ltoks_free(&t);
            return dossier_doc_fail(d, rc, "out of memory");
        }
        /* the head ends at the first real paragraph, or, once there is a
         * title, at the first body sentence of four words or more */
        int para = l->cls == DOSSIER_LINE_BODY &&
                   (is_paragraph(d, l, &t) ||
                    ((d->title || d->fm_title) && t.nwords >= 4 && final_mark(d->text, l->span) == '.' &&
                     !date_line(d, &t, 0)));
        int was_first = first;
        first = 0;
        if (para) {
            dateline(d, l, &t, agency);
            ltoks_free(&t);
            break;
        }
        if (was_first && has_bar(d->text, l->span) && (*masthead = masthead_outlet(d, l)) != NULL)
            l->cls = DOSSIER_LINE_META;
        else if (was_first && all_caps(d->text, l->span) && !any_marker(d, &t) &&
                 ((t.n == 1 && t.nwords == 1) || (t.nwords <= 5 && masthead_over_section(d, i)))) {
            /* one capitalised word heading the page ("ASTRO-KURIER"), or capitals
             * over a section label, is the masthead; a column name ("THE SPACE
             * WEEK") has several words right over the headline */
            l->cls = DOSSIER_LINE_META;
            *masthead = keep(d, l->span.start, l->span.end);
        }
        else if (is_byline(d, &t) || (starts_with(d, &t, "meta.published") &&
                                       (take_date(d, &t, t.n) || t.nwords <= 6)))
            l->cls = DOSSIER_LINE_META, take_date(d, &t, t.n); /* "Updated 2 hours ago" too */
        else if (t.nwords <= 20 && date_line(d, &t, 1)) {
            if (l->cls == DOSSIER_LINE_BODY && !place_dateline(&t))
                l->cls = DOSSIER_LINE_META;
        } else if (l->cls == DOSSIER_LINE_BODY && d->fm_title) {
            if (same_text(d, l, d->fm_title))
                l->cls = DOSSIER_LINE_TITLE;
        } else if (l->cls == DOSSIER_LINE_BODY && !d->title)
            title_line(d, i, &t);
        ltoks_free(&t);
    }
    return rc;
}

/*
 * Non-zero when line l may be what scan_outlets() looks for: each of its
 * tests needs the line's first word to open it ("(c)", "©", "copyright",
 * or the first word of a phrase of meta.source or meta.published), so the
 * other lines, nearly all, are not read word by word.  `fold` is the
 * caller's scratch.
 */
static int may_name_outlet(const dossier_doc *d, const dossier_line *l, dbuf *fold)
{
    size_t pos = l->span.start, ts, te;
    if (!dossier_token_next(d->text, l->span.end, &pos, &ts, &te))
        return 0;
    const char *w = dossier_fold_into(fold, d->text + ts, te - ts);
    if (!w)
        return 1; /* out of memory: the caller's own reading reports it */
    if (!strcmp(w, "(") || !strcmp(w, "\xC2\xA9") || !strcmp(w, "copyright"))
        return 1;
    const dossier_phrase *const *ph;
    return dossier_lexlist_starting(dossier_lexicon_find(d->lex, NULL, "meta.source"), w, &ph) != 0 ||
           dossier_lexlist_starting(dossier_lexicon_find(d->lex, NULL, "meta.published"), w, &ph) != 0;
}

/*
 * Looks through every line for a "Source: X" line and a copyright line (the
 * last of each wins), and for a "Published ..." line when the head gave no
 * date.
 */
static int scan_outlets(dossier_doc *d, const char **source, const char **copyright)
{
    long src_line = -1;
    dbuf fold = {0};
    for (size_t i = 0; i < d->lines.n; i++) {
        dossier_line *l = &d->lines.v[i];
        if (l->cls == DOSSIER_LINE_BLANK || !may_name_outlet(d, l, &fold))
            continue;
        ltoks t;
        if (ltoks_line(&t, d, l) != DOSSIER_OK) {
            ltoks_free(&t);
            dossier_buf_free(&fold);
            return dossier_doc_fail(d, DOSSIER_ENOMEM, "out of memory");
        }
        const char *s = source_outlet(d, l, &t);
        const char *c = s ? NULL : copyright_outlet(d, &t);
        if (s)
            *source = s, src_line = (long)i;
        if (c)
            *copyright = c;
        if (!d->published[0] && starts_with(d, &t, "meta.published") && take_date(d, &t, t.n))
            l->cls = DOSSIER_LINE_META; /* "Published: ..." below the article */
        ltoks_free(&t);
    }
    dossier_buf_free(&fold);
    if (src_line >= 0)
        d->lines.v[src_line].cls = DOSSIER_LINE_META;
    return DOSSIER_OK;
}

/* Reads a date given in front matter: ISO first, then any format. */
static void front_date(dossier_doc *d)
{
    const char *v = d->fm_published;
    int y, m, day;
    if (strlen(v) >= 10 && sscanf(v, "%4d-%2d-%2d", &y, &m, &day) == 3) {
        if (valid_date(y, m, day))
            snprintf(d->published, sizeof d->published, "%04u-%02u-%02u", (unsigned)y % 10000u, (unsigned)m % 100u,
                     (unsigned)day % 100u); /* valid_date: in range */
        else if (!d->warning[0])   /* "2022-02-30": no such day; no date rather than a wrong one */
            snprintf(d->warning, sizeof d->warning, "front matter published '%.40s' is no date: ignored", v);
        return;
    }
    ltoks t;
    if (ltoks_read(&t, v, 0, strlen(v)) == DOSSIER_OK)
        take_date(d, &t, t.n);
    ltoks_free(&t);
}

/* See meta.h. */
int dossier_meta_run(dossier_doc *d)
{
    int rc;
    const char *masthead = NULL, *agency = NULL, *source = NULL, *copyright = NULL;
    d->language = "en";
    if (!d->lex)
        return DOSSIER_OK;
    rc = d->fm_language ? front_language(d) : detect_language(d);
    if (rc)
        return rc;
    if (d->fm_published)
        front_date(d);
    if ((rc = scan_head(d, &masthead, &agency)) != DOSSIER_OK)
        return rc;
    if ((rc = scan_outlets(d, &source, &copyright)) != DOSSIER_OK)
        return rc;
    if (d->fm_title)
        d->title = d->fm_title;
    d->url = d->fm_url;
    d->outlet = d->fm_outlet ? d->fm_outlet : source ? source : agency ? agency : copyright ? copyright : masthead;
    if (!d->outlet && !d->fm_title && !d->fm_published) {
        long last = trailing_masthead(d);
        if (last >= 0) {
            dossier_line *l = &d->lines.v[last];
            d->lines.v[last].cls = DOSSIER_LINE_META;
            d->outlet = dossier_doc_strndup(d, d->text + l->span.start, l->span.end - l->span.start);
        }
    }
    return DOSSIER_OK;
}
