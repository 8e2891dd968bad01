/*
 * clean.c — separating the article from the page around it.
 *
 * Each line of the text is classed blank, body or boilerplate (meta.c
 * later picks the title and the metadata lines out of these).  Two kinds of
 * evidence are combined:
 *
 *  - markers, per language, from the boilerplate.* lists of every language
 *    file: whole lines ("Advertisement"), line starts ("Photo:", "Share
 *    on"), phrases anywhere ("use cookies"), counters after a number ("1,284
 *    views"), caption words before a colon ("Photo: X", "(AP Photo/X)"), and
 *    headers that open a block of links ("More from this category");
 *  - shape, the same in every language: share bars and breadcrumbs (short
 *    items between | · › separators), copyright signs, "[REVEAL]"-style
 *    tags, staff initials, a short line ending in ':' over bullet links,
 *    runs of bullet links, truncated teasers ending in "…", and short
 *    unpunctuated lines after the last real paragraph.
 *
 * A link block opened by a known header runs until the next real
 * paragraph (a line of a dozen words or more that ends like a sentence and
 * is neither a bullet, nor a teaser, nor boilerplate by itself), or, for a
 * list of bullets, until the list ends.  Dash-led lines that end like
 * sentences are quotations (Russian dialogue), not links.
 */
#include "read/clean.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "dossier.h"
#include "base/token.h"
#include "base/util.h"

/* Below this many words a line is short: a teaser, a header, a caption. */
#define REAL_PARAGRAPH_WORDS 12

enum {
    F_BP = 1 << 0,      /* boilerplate by itself */
    F_HEADER = 1 << 1,  /* opens a block of links */
    F_BULLET = 1 << 2,  /* starts with a bullet or a list number */
    F_FINAL = 1 << 3,   /* ends like a sentence (. ! ? maybe inside a closing quote) */
    F_TRUNC = 1 << 4,   /* ends with an ellipsis: a cut-off teaser */
    F_COLON = 1 << 5    /* ends with a colon */
};

/* What clean knows about one line. */
typedef struct {
    const char **w;     /* folded words (punctuation left out), in the doc's arena */
    unsigned char *colon; /* colon[i]: 1 when a ':' follows word i, 2 for a '/' */
    unsigned *wflags;   /* token flags of each word */
    uint64_t *wh;       /* the dossier_lexicon_word_hash of each word (its line token's) */
    size_t nw;
    unsigned f;
} info;

/*
 * The lists clean asks for at every line (every language), found once per
 * article and remembered by the address of their key (string constants):
 * emptied by dossier_clean_run().  One thread cleans one article at a
 * time, hence thread-local.
 */
static _Thread_local dossier_lexmemo lists_now[DOSSIER_LEXMEMO_SLOTS];

/* List `key` (a string constant) of every language. */
static const dossier_lexlist *list_now(const dossier_doc *d, const char *key)
{
    return dossier_lexicon_find_memo(d->lex, NULL, key, lists_now);
}

/* Matches list `key` (every language) at word i of line l; returns its length. */
static size_t match_at(const dossier_doc *d, const info *l, const char *key, size_t i)
{
    if (i >= l->nw)
        return 0;
    return dossier_lexlist_match_at(list_now(d, key), l->w + i, l->nw - i, l->wh[i], dossier_lexicon_prefix_bit(l->w[i]),
                                    NULL);
}

/* Non-zero when some phrase of `key` occurs anywhere in the line (the list found once, not at every word). */
static int contains(const dossier_doc *d, const info *l, const char *key)
{
    const dossier_lexlist *list = list_now(d, key);
    for (size_t i = 0; i < l->nw; i++)
        if (dossier_lexlist_match_at(list, l->w + i, l->nw - i, l->wh[i], dossier_lexicon_prefix_bit(l->w[i]), NULL))
            return 1;
    return 0;
}

/* The code point before byte *end of s (not before `start`); moves *end
 * back over it.  Returns -1 at `start`. */
static int32_t prev_cp(const char *s, size_t start, size_t *end)
{
    if (*end <= start)
        return -1;
    size_t p = dossier_utf8_prev(s, *end), q = p;
    int32_t c = dossier_utf8_next(s, *end, &q);
    *end = p;
    return c;
}

/* Shape flags of line text s[a..b): bullet, final punctuation, ellipsis, colon. */
static unsigned shape(const char *s, size_t a, size_t b)
{
    unsigned f = 0;
    size_t p = a;
    int32_t c = dossier_utf8_next(s, b, &p);
    if (c == 0x2022 || c == 0x203A || c == 0x00BB || c == 0x00B7 || c == '-' || c == 0x2013 ||
        c == 0x2014 || c == '*' || c == 0x25AA || c == 0x25BA || c == 0x25E6 || c == 0x25B8 || c == '>')
        f |= F_BULLET;
    else if (dossier_uc_is_digit(c)) {
        while (p < b && s[p] >= '0' && s[p] <= '9')
            p++;
        if (p + 1 < b && (s[p] == '.' || s[p] == ')') && s[p + 1] == ' ')
            f |= F_BULLET;
    }
    size_t e = b;
    int32_t last = prev_cp(s, a, &e);
    while (last == ')' || last == ']' || dossier_uc_quote_kind(last))
        last = prev_cp(s, a, &e);
    if (last == '.' || last == '!' || last == '?')
        f |= F_FINAL;
    if (last == '.') {
        size_t e2 = e;
        int32_t p1 = prev_cp(s, a, &e2), p2 = prev_cp(s, a, &e2);
        if (p1 == 0x2026 || (p1 == '.' && p2 == '.'))
            last = 0x2026; /* "fly…." and "fly..." end teasers too */
    }
    if (last == 0x2026)
        f = (f & ~F_FINAL) | F_TRUNC;
    if (last == ':')
        f |= F_COLON;
    return f;
}

/* Number of item separators inside line text s[a..b): | · • anywhere but
 * at the start, and breadcrumb marks › » > between spaces. */
static int separators(const char *s, size_t a, size_t b)
{
    int n = 0;
    size_t p = a;
    while (p < b) {
        p += dossier_ascii_run_without(s + p, b - p, '|', '>'); /* no separator begins in ASCII but '|' and '>' */
        if (p >= b)
            break;
        size_t at = p;
        unsigned char byte = (unsigned char)s[p];
        if (byte < 0x80 && byte != '|' && byte != '>') {
            p++;    /* most of the line: no ASCII character but these two separates */
            continue;
        }
        int32_t c = dossier_utf8_next(s, b, &p);
        if (at == a)
            continue;
        if (c == '|' || c == 0x00B7 || c == 0x2022)
            n++;
        else if ((c == 0x203A || c == 0x00BB || c == '>') && s[at - 1] == ' ' && p < b && s[p] == ' ')
            n++;
    }
    return n;
}

/* Non-zero when line text s[a..b) holds a copyright sign. */
static int has_copyright(const char *s, size_t a, size_t b)
{
    for (const char *p = s + a; b > a + 1 && (p = memchr(p, 0xC2, (size_t)(s + b - 1 - p))) != NULL; p++)
        if ((unsigned char)p[1] == 0xA9)
            return 1;
    return 0;
}

/* Non-zero when the line ends with a bracketed all-capitals tag: "[REVEAL]". */
static int bracket_tag(const char *s, size_t a, size_t b)
{
    if (b - a < 4 || s[b - 1] != ']')
        return 0;
    size_t p = b - 1, n = 0;
    while (p > a && s[p - 1] >= 'A' && s[p - 1] <= 'Z')
        p--, n++;
    return n >= 2 && p > a && s[p - 1] == '[';
}

/* Non-zero for staff initials and similar: one or two words, no capital,
 * holding a slash ("ab-mm/cn"). */
static int initials(const char *s, size_t a, size_t b, const info *l)
{
    if (l->nw == 0 || l->nw > 3 || !memchr(s + a, '/', b - a))
        return 0;
    for (size_t i = a; i < b; i++)
        if ((s[i] >= 'A' && s[i] <= 'Z') || s[i] == ' ')
            return 0;
    return 1;
}

/* Non-zero when a number is followed by a counter word ("103 просмотров"). */
static int counter(const dossier_doc *d, const info *l)
{
    for (size_t i = 0; i + 1 < l->nw; i++)
        if ((l->wflags[i] & DOSSIER_TOK_NUM) && match_at(d, l, "boilerplate.counters", i + 1))
            return 1;
    return 0;
}

/* Non-zero when a caption word is followed by a colon or a slash ("Photo: X",
 * "(Foto: Y)", "(AP Photo/Jane Doe)"). */
static int caption(const dossier_doc *d, const info *l)
{
    for (size_t i = 0; i < l->nw; i++) {
        size_t k = match_at(d, l, "boilerplate.captions", i);
        if (k && l->colon[i + k - 1])
            return 1;
    }
    return 0;
}

/* Classifies a line by itself: the F_BP and F_HEADER flags. */
static unsigned by_itself(const dossier_doc *d, const info *l, const char *s, size_t a, size_t b)
{
    size_t k;
    if (l->nw == 0)
        return F_BP; /* rules and ornaments: "---", "* * *" */
    if (match_at(d, l, "boilerplate.lines", 0) == l->nw)
        return F_BP;
    /* "More from Science", "Related", "Lire aussi :"; a one-word header
     * ("Trending") only alone or before a colon, not opening a headline */
    if (l->nw <= 6 && !(l->f & F_FINAL) && (k = match_at(d, l, "boilerplate.headers", 0)) &&
        (k > 1 || l->nw == 1 || l->colon[0] == 1))
        return F_BP | F_HEADER;
    /* "Photo: X", "Share on ...", "Previous post ...", "Comments (12)"; but
     * not a headline that merely starts with "Share" or "Image" */
    if ((k = match_at(d, l, "boilerplate.line_starts", 0)) &&
        (l->colon[k - 1] == 1 || l->nw <= 3 || (k > 1 && l->nw <= 40)))
        return F_BP;
    if (l->nw <= 80 && contains(d, l, "boilerplate.contains"))
        return F_BP;
    if ((l->nw <= 6 || (l->nw <= 12 && !(l->f & F_FINAL))) && counter(d, l))
        return F_BP;
    if (l->nw <= 60 && caption(d, l))
        return F_BP;
    if (l->nw <= 40 && has_copyright(s, a, b))
        return F_BP; /* © */
    if (bracket_tag(s, a, b) || initials(s, a, b, l))
        return F_BP;
    if (separators(s, a, b) >= 2 && l->nw <= 16 && !(l->f & F_FINAL))
        return F_BP; /* a share bar, a navigation bar, breadcrumbs */
    return 0;
}

/*
 * Reads line i of the text: every token into d->line_folds, line_flags,
 * line_spans and line_hashes (folded into the doc's arena through `fold`, the caller's,
 * kept from line to line: no malloc a word), where meta reads them again,
 * and its words into *l.
 */
static int read_words(dossier_doc *d, dbuf *fold, info *l, size_t i)
{
    dossier_line *line = &d->lines.v[i];
    const char *s = d->text;
    size_t pos = line->span.start, b = line->span.end, ts, te, cap = 0;
    unsigned fl;
    line->tok0 = d->line_folds.n;
    while ((fl = dossier_token_next(s, b, &pos, &ts, &te)) != 0) {
        size_t kl;
        const char *kept = dossier_arena_fold(&d->arena, fold, s + ts, te - ts, &kl);
        if (!kept || VEC_PUSH(&d->line_folds, kept) || VEC_PUSH(&d->line_flags, fl) ||
            VEC_PUSH(&d->line_spans, ((dossier_span){ts, te})) ||
            VEC_PUSH(&d->line_hashes, dossier_lexicon_word_hash_len(kept, kl)))
            return DOSSIER_ENOMEM;
        line->ntok++;
        if (fl & DOSSIER_TOK_PUNCT) {
            if (l->nw && !l->colon[l->nw - 1] && (s[ts] == ':' || s[ts] == '/'))
                l->colon[l->nw - 1] = s[ts] == ':' ? 1 : 2;
            continue;
        }
        if (l->nw == cap) {
            /* a word is some five bytes with its space: room for most lines at once */
            cap = cap ? cap * 2 : (b - line->span.start) / 4 + 16;
            const char **w = realloc(l->w, cap * sizeof *w);
            unsigned char *c = w ? realloc(l->colon, cap) : NULL;
            unsigned *wf = c ? realloc(l->wflags, cap * sizeof *wf) : NULL;
            uint64_t *wh = wf ? realloc(l->wh, cap * sizeof *wh) : NULL;
            if (w)
                l->w = w;
            if (c)
                l->colon = c;
            if (wf)
                l->wflags = wf;
            if (!wh)
                return DOSSIER_ENOMEM;
            l->wh = wh;
        }
        l->wh[l->nw] = d->line_hashes.v[d->line_hashes.n - 1];
        l->w[l->nw] = kept;
        l->colon[l->nw] = 0;
        l->wflags[l->nw] = fl;
        l->nw++;
    }
    line->read = line->span;
    return DOSSIER_OK;
}

/* Splits text into trimmed lines (d->lines, all blank or body for now). */
static int split_lines(dossier_doc *d)
{
    size_t pos = 0;
    for (;;) {
        const char *nl = memchr(d->text + pos, '\n', d->text_len - pos);
        size_t e = nl ? (size_t)(nl - d->text) : d->text_len;
        dossier_line l = {{pos, e}, DOSSIER_LINE_BLANK, 0, {0, 0}, 0, 0};
        while (l.span.start < e && (d->text[l.span.start] == ' ' || d->text[l.span.start] == '\t'))
            l.span.start++;
        while (l.span.end > l.span.start && (d->text[l.span.end - 1] == ' ' || d->text[l.span.end - 1] == '\t'))
            l.span.end--;
        if (l.span.end > l.span.start)
            l.cls = DOSSIER_LINE_BODY;
        if (VEC_PUSH(&d->lines, l))
            return DOSSIER_ENOMEM;
        if (e >= d->text_len)
            return DOSSIER_OK;
        pos = e + 1;
    }
}

/* Non-zero when line i is a real paragraph: long, ends like a sentence,
 * not a bullet, a teaser or boilerplate. */
static int real_paragraph(const info *in, size_t i)
{
    return in[i].nw >= REAL_PARAGRAPH_WORDS && (in[i].f & F_FINAL) &&
           !(in[i].f & (F_BULLET | F_TRUNC | F_BP));
}

/* The next non-blank line after i, or n. */
static size_t next_line(const dossier_doc *d, size_t i)
{
    for (i++; i < d->lines.n && d->lines.v[i].cls == DOSSIER_LINE_BLANK; i++)
        ;
    return i;
}

/* Non-zero when line i is a bullet item that does not end like a sentence
 * (a link, not a dash-led quotation). */
static int link_item(const info *in, size_t i)
{
    return (in[i].f & F_BULLET) && !(in[i].f & F_FINAL) && in[i].nw <= 20;
}

/*
 * Marks the block under a header from line `from`: after a known header up
 * to the next real paragraph, or, when the block is a list of bullets, up
 * to its first non-bullet line after a blank one (so that a list at the top
 * of a page does not swallow the headline); after a generic header only the
 * bullet links.  Returns the first line after the block.
 */
static size_t mark_block(const dossier_doc *d, info *in, size_t from, int known)
{
    size_t j = from;
    int bullets = 1, blank = 0;
    for (; j < d->lines.n; j++) {
        if (d->lines.v[j].cls == DOSSIER_LINE_BLANK) {
            blank = 1;
            continue;
        }
        if (known ? real_paragraph(in, j) : !link_item(in, j))
            break;
        if (!(in[j].f & F_BULLET)) {
            if (bullets && blank && j > from)
                break;
            bullets = 0;
        }
        blank = 0;
        in[j].f |= F_BP;
    }
    return j;
}

/*
 * Marks blocks and runs: a header's block of links (a known header from
 * boilerplate.headers, or a short line ending in ':' or a marker line
 * over bullet links);
 * runs of three or more bullet links; and the short unpunctuated lines
 * after the last real paragraph.
 */
static void mark_blocks(dossier_doc *d, info *in)
{
    size_t n = d->lines.n, last_real = n;
    for (size_t i = 0; i < n; i++) {
        if (d->lines.v[i].cls == DOSSIER_LINE_BLANK)
            continue;
        size_t nx = next_line(d, i);
        if ((in[i].f & F_HEADER) && nx < n && real_paragraph(in, nx))
            in[i].f &= ~F_HEADER; /* a header with nothing under it: a lone marker */
        if (in[i].f & F_HEADER) {
            i = mark_block(d, in, nx, 1) - 1;
            continue;
        }
        if (((in[i].f & F_COLON) || (in[i].f & F_BP)) && in[i].nw <= 4 && nx < n && link_item(in, nx)) {
            /* "Related:", or a marker line ("Read more") over bullet links */
            in[i].f |= F_BP;
            i = mark_block(d, in, nx, 0) - 1;
            continue;
        }
        size_t j = i;
        while (j < n && d->lines.v[j].cls != DOSSIER_LINE_BLANK && link_item(in, j))
            j++;
        if (j - i >= 3)
            for (size_t k = i; k < j; k++)
                in[k].f |= F_BP;
        if (j > i)
            i = j - 1; /* past the run: each line is looked at once */
    }
    for (size_t i = 0; i < n; i++)
        if (d->lines.v[i].cls != DOSSIER_LINE_BLANK && real_paragraph(in, i))
            last_real = i;
    if (last_real < n)
        for (size_t i = last_real + 1; i < n; i++)
            if ((in[i].nw < REAL_PARAGRAPH_WORDS || (in[i].f & F_BULLET)) && !(in[i].f & F_FINAL))
                in[i].f |= F_BP; /* short lines, and bullet links of any length, after the article */
}

/* See clean.h. */
int dossier_clean_run(dossier_doc *d)
{
    dbuf fold = {0};
    info *in = NULL;
    memset(lists_now, 0, sizeof lists_now);
    int rc = split_lines(d);
    if (rc)
        goto done;
    in = calloc(d->lines.n ? d->lines.n : 1, sizeof *in);
    /* a token is some four bytes with its space: room for most texts' tokens at once */
    size_t guess = d->text_len / 4 + 16;
    if (!in || VEC_RESERVE(&d->line_folds, guess) || VEC_RESERVE(&d->line_flags, guess) ||
        VEC_RESERVE(&d->line_spans, guess) || VEC_RESERVE(&d->line_hashes, guess)) {
        rc = DOSSIER_ENOMEM;
        goto done;
    }
    for (size_t i = 0; i < d->lines.n; i++) {
        dossier_line *l = &d->lines.v[i];
        if (l->cls == DOSSIER_LINE_BLANK)
            continue;
        if ((rc = read_words(d, &fold, &in[i], i)) != DOSSIER_OK)
            goto done;
        in[i].f = shape(d->text, l->span.start, l->span.end);
        if (d->lex)
            in[i].f |= by_itself(d, &in[i], d->text, l->span.start, l->span.end);
    }
    mark_blocks(d, in);
    for (size_t i = 0; i < d->lines.n; i++)
        if (d->lines.v[i].cls != DOSSIER_LINE_BLANK && (in[i].f & F_BP))
            d->lines.v[i].cls = DOSSIER_LINE_BOILERPLATE;
done:
    for (size_t i = 0; in && i < d->lines.n; i++) {
        free(in[i].w);
        free(in[i].colon);
        free(in[i].wflags);
        free(in[i].wh);
    }
    free(in);
    dossier_buf_free(&fold);
    return rc ? dossier_doc_fail(d, rc, "out of memory") : DOSSIER_OK;
}
