/*
 * segment.c — the body and its paragraphs, sentences and tokens.
 *
 * The body is the title and body lines of the text (clean.c and meta.c
 * classed them), one paragraph each, separated by "\n\n".  A hard-wrapped
 * line (ending with a comma, or without final punctuation before a line
 * that starts lower-case) is joined to the next with a space.  Every token
 * of the body is folded once here (d->folds), so extractors compare folded
 * words without folding again.
 *
 * Sentences end at . ! ? … when the next word could start a sentence,
 * unless the period closes an abbreviation (the `abbreviations` list of the
 * article's language and of English, written without the final period), a
 * single capital initial ("J. Smith"), a list number at the start of a
 * paragraph ("1. Sputnik"), a day number before a month ("am 1. August")
 * or, in German, any short ordinal ("zum 2. Mal").
 * Closing quotation marks and brackets after the punctuation belong to the
 * sentence that ends there.  A paragraph end always ends a sentence.
 */
#include "read/segment.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dossier.h"
#include "base/token.h"

/* The code point that starts s[pos..len), or -1. */
static int32_t first_cp(const char *s, size_t len, size_t pos)
{
    return pos < len ? dossier_utf8_next(s, len, &pos) : -1;
}

/* The last code point of s[start..end), or -1. */
static int32_t last_cp(const char *s, size_t start, size_t end)
{
    if (end <= start)
        return -1;
    size_t p = dossier_utf8_prev(s, end);
    return dossier_utf8_next(s, end, &p);
}

/* Non-zero for punctuation after which a line is complete (no hard wrap). */
static int is_final(int32_t c)
{
    return c == '.' || c == '!' || c == '?' || c == 0x2026 || c == ':' || c == ';' ||
           dossier_uc_quote_kind(c) >= 2 || c == ')';
}

/* When d->lines is empty (no clean stage), makes every non-blank line a
 * body line, trimmed of surrounding spaces. */
static int default_lines(dossier_doc *d)
{
    size_t pos = 0;
    while (pos <= d->text_len) {
        size_t e = pos;
        while (e < d->text_len && d->text[e] != '\n')
            e++;
        dossier_line l = {{pos, e}, DOSSIER_LINE_BLANK, 0, {0, 0}, 0, 0};
        while (l.span.start < l.span.end && d->text[l.span.start] == ' ')
            l.span.start++;
        while (l.span.end > l.span.start && d->text[l.span.end - 1] == ' ')
            l.span.end--;
        if (l.span.end > l.span.start)
            l.cls = DOSSIER_LINE_BODY;
        if (VEC_PUSH(&d->lines, l))
            return dossier_doc_fail(d, DOSSIER_ENOMEM, "out of memory");
        if (e >= d->text_len)
            break;
        pos = e + 1;
    }
    return DOSSIER_OK;
}

static int in_body(const dossier_line *l)
{
    return l->cls == DOSSIER_LINE_BODY || l->cls == DOSSIER_LINE_TITLE;
}

/*
 * Non-zero when body line `a` is hard-wrapped into body line `b` (the next
 * line of the text): `a` ends with a comma, or lacks final punctuation and
 * `b` starts lower-case.
 */
static int joins(const dossier_doc *d, const dossier_line *a, const dossier_line *b)
{
    if (a->cls != DOSSIER_LINE_BODY || b->cls != DOSSIER_LINE_BODY)
        return 0;
    int32_t last = last_cp(d->text, a->span.start, a->span.end);
    if (last == ',')
        return 1;
    if (is_final(last))
        return 0;
    return dossier_uc_is_lower(first_cp(d->text, b->span.end, b->span.start));
}

/* Non-zero when a line of the text is the headline. */
static int has_title_line(const dossier_doc *d)
{
    for (size_t i = 0; i < d->lines.n; i++)
        if (d->lines.v[i].cls == DOSSIER_LINE_TITLE)
            return 1;
    return 0;
}

/*
 * Builds d->body and d->paragraphs from the lines.  A title that only the
 * front matter gives becomes the first paragraph, so that the headline is
 * part of the body as when the page shows it.
 */
static int build_body(dossier_doc *d)
{
    dbuf b = {0};
    int rc = DOSSIER_OK;
    dossier_paragraph *open = NULL;
    if (d->title && *d->title && !has_title_line(d)) {
        dossier_paragraph p = {{0, strlen(d->title)}, 0, 0};
        if ((rc = dossier_buf_puts(&b, d->title)) != DOSSIER_OK || (rc = VEC_PUSH(&d->paragraphs, p)) != DOSSIER_OK)
            goto done;
    }
    for (size_t i = 0; i < d->lines.n; i++) {
        dossier_line *l = &d->lines.v[i];
        if (!in_body(l)) {
            open = NULL;
            continue;
        }
        const char *sep = open ? " " : (b.len ? "\n\n" : "");
        if ((rc = dossier_buf_puts(&b, sep)) != DOSSIER_OK)
            goto done;
        l->body_start = b.len;
        if ((rc = dossier_buf_add(&b, d->text + l->span.start, l->span.end - l->span.start)) != DOSSIER_OK)
            goto done;
        if (!open) {
            dossier_paragraph p = {{l->body_start, b.len}, 0, 0};
            if ((rc = VEC_PUSH(&d->paragraphs, p)) != DOSSIER_OK)
                goto done;
            open = &d->paragraphs.v[d->paragraphs.n - 1];
        }
        open->span.end = b.len;
        if (!(i + 1 < d->lines.n && joins(d, l, &d->lines.v[i + 1])))
            open = NULL;
    }
    if (!b.s && (rc = dossier_buf_add(&b, "", 0)) != DOSSIER_OK)
        goto done;
    d->body_len = b.len;
    d->body = dossier_buf_take(&b);
done:
    dossier_buf_free(&b);
    return rc ? dossier_doc_fail(d, rc, "out of memory") : DOSSIER_OK;
}

/*
 * Adds a token of the body (folded: `kept`, in the arena) with the hash
 * and prefix bit list look-ups make of its fold (the hash h given, or 0 to
 * make it).
 */
static int add_token(dossier_doc *d, size_t s, size_t e, unsigned flags, const char *kept, uint64_t h)
{
    dossier_token t = {{s, e}, flags, -1};
    if (!kept || VEC_PUSH(&d->tokens, t) || VEC_PUSH(&d->folds, kept) ||
        VEC_PUSH(&d->fold_hashes, h ? h : dossier_lexicon_word_hash(kept)) ||
        VEC_PUSH(&d->fold_bits, (uint16_t)dossier_lexicon_prefix_bit(kept)))
        return dossier_doc_fail(d, DOSSIER_ENOMEM, "out of memory");
    return DOSSIER_OK;
}

/*
 * Tokenizes body[a, e), a stretch that whitespace or the body's ends
 * bound, folding each token into the arena: the tokens the whole body
 * would give there.
 */
static int tokenize_range(dossier_doc *d, dbuf *fold, size_t a, size_t e)
{
    size_t pos = a, s, end;
    unsigned flags;
    while ((flags = dossier_token_next(d->body, d->body_len, &pos, &s, &end)) != 0 && s < e) {
        const char *f = dossier_fold_into(fold, d->body + s, end - s);
        int rc = add_token(d, s, end, flags, f ? dossier_doc_strndup(d, f, strlen(f)) : NULL, 0);
        if (rc)
            return rc;
    }
    return DOSSIER_OK;
}

/*
 * Tokenizes the body and folds each token into the arena, line by line
 * as build_body laid them out.  The tokens of a line that clean read, at
 * the span it still has, are taken from it (d->line_folds, ...): the
 * tokenizer looks no further than the next space, so a line gives the
 * tokens it gives in the body, but for a possessive "'s" that opens the
 * text or the body, which is "'s" only past the start of its string (the
 * line is then read again from the body).
 */
static int tokenize(dossier_doc *d)
{
    dbuf fold = {0};
    int rc = DOSSIER_OK;
    size_t guess = d->line_folds.n + 64;   /* the lines' tokens, and a title's */
    if (VEC_RESERVE(&d->tokens, guess) || VEC_RESERVE(&d->folds, guess) || VEC_RESERVE(&d->fold_hashes, guess) ||
        VEC_RESERVE(&d->fold_bits, guess))
        return dossier_doc_fail(d, DOSSIER_ENOMEM, "out of memory");
    if (d->title && *d->title && !has_title_line(d))
        rc = tokenize_range(d, &fold, 0, strlen(d->title));
    for (size_t i = 0; !rc && i < d->lines.n; i++) {
        const dossier_line *l = &d->lines.v[i];
        if (!in_body(l))
            continue;
        size_t len = l->span.end - l->span.start;
        if (l->read.start != l->span.start || l->read.end != l->span.end || (l->span.start == 0) != (l->body_start == 0)) {
            rc = tokenize_range(d, &fold, l->body_start, l->body_start + len);
            continue;
        }
        for (size_t k = l->tok0; !rc && k < l->tok0 + l->ntok; k++) {
            const dossier_span *sp = &d->line_spans.v[k];
            rc = add_token(d, sp->start - l->span.start + l->body_start, sp->end - l->span.start + l->body_start,
                           d->line_flags.v[k], d->line_folds.v[k], k < d->line_hashes.n ? d->line_hashes.v[k] : 0);
        }
    }
    dossier_buf_free(&fold);
    return rc;
}

/* Non-zero when folded word `w` is a month name of any language. */
static int is_month(const dossier_doc *d, const char *w)
{
    for (int m = 1; m <= 12; m++)
        if (dossier_lexicon_has(d->lex, NULL, dossier_lexicon_month_key(m), w))
            return 1;
    return 0;
}

/* Non-zero when folded word `w` is an abbreviation of the article's
 * language or of English. */
static int is_abbreviation(const dossier_doc *d, const char *w)
{
    if (!d->lex)
        return 0;
    return dossier_lexicon_has(d->lex, d->language, "abbreviations", w) ||
           dossier_lexicon_has(d->lex, "en", "abbreviations", w);
}

/* Non-zero when token t is one capital letter: an initial ("J"). */
static int single_letter(const dossier_doc *d, const dossier_token *t)
{
    size_t p = t->span.start;
    int32_t c = dossier_utf8_next(d->body, t->span.end, &p);
    return p == t->span.end && dossier_uc_is_upper(c);
}

/*
 * Non-zero when the period token `i` (first token of the paragraph `first`)
 * does not end a sentence: it closes an abbreviation, an initial, a list
 * number, a day number before a month or a German ordinal.
 */
static int period_binds(const dossier_doc *d, size_t i, size_t first, size_t end)
{
    if (i == first || d->body[d->tokens.v[i].span.start] != '.')
        return 0;
    const dossier_token *prev = &d->tokens.v[i - 1];
    if (prev->span.end != d->tokens.v[i].span.start)
        return 0;
    if (prev->flags & DOSSIER_TOK_NUM) {
        if (i - 1 == first)
            return 1;
        /* German ordinals: "am 1. August", "zum 2. Mal", "der 3. Stufe" */
        return i + 1 < end && d->lex && prev->span.end - prev->span.start <= 2 &&
               (is_month(d, d->folds.v[i + 1]) || strcmp(d->language, "de") == 0);
    }
    if (!(prev->flags & DOSSIER_TOK_WORD))
        return 0;
    return single_letter(d, prev) || is_abbreviation(d, d->folds.v[i - 1]);
}

/* Non-zero when token t may start a sentence. */
static int starts_sentence(const dossier_doc *d, const dossier_token *t)
{
    if (t->flags & (DOSSIER_TOK_UPPER | DOSSIER_TOK_NUM | DOSSIER_TOK_QOPEN | DOSSIER_TOK_DASH))
        return 1;
    if (t->flags & DOSSIER_TOK_WORD)
        return !dossier_uc_is_lower(first_cp(d->body, t->span.end, t->span.start));
    int32_t c = first_cp(d->body, t->span.end, t->span.start);
    return c == '(' || c == '[' || c == 0x00BF || c == 0x00A1;
}

/* Adds sentence [from, to) of paragraph p; tokens get their sentence. */
static int add_sentence(dossier_doc *d, int p, size_t from, size_t to)
{
    dossier_sentence s = {{d->tokens.v[from].span.start, d->tokens.v[to - 1].span.end}, p, (int)from,
                          (int)(to - from)};
    if (VEC_PUSH(&d->sentences, s))
        return dossier_doc_fail(d, DOSSIER_ENOMEM, "out of memory");
    for (size_t k = from; k < to; k++)
        d->tokens.v[k].sentence = (int)d->sentences.n - 1;
    d->paragraphs.v[p].nsentences++;
    return DOSSIER_OK;
}

/*
 * Where the sentence that has a candidate end at token i stops: after the
 * run of final punctuation, closing quotes and brackets that touch it (a
 * closing-only mark such as » may stand after a space).
 */
static size_t end_run(const dossier_doc *d, size_t i, size_t end)
{
    size_t k = i + 1;
    while (k < end) {
        const dossier_token *t = &d->tokens.v[k];
        int touching = t->span.start == d->tokens.v[k - 1].span.end;
        int closing_only = (t->flags & DOSSIER_TOK_QCLOSE) && !(t->flags & DOSSIER_TOK_QOPEN);
        int32_t c = first_cp(d->body, t->span.end, t->span.start);
        if (!touching && !closing_only) /* French spacing: "prêts. »" */
            break;
        if (!(t->flags & (DOSSIER_TOK_SENTEND | DOSSIER_TOK_QCLOSE)) && c != ')' && c != ']')
            break;
        k++;
    }
    return k;
}

/*
 * Where a dateline that opens a paragraph ends: one to four words in
 * capitals, maybe an agency in brackets, then a dash before a word in
 * title case ("LONDON — Kettle Works said", "NEW YORK (AP) - The"); `first` when
 * none.
 */
static size_t dateline_end(const dossier_doc *d, size_t first, size_t end)
{
    size_t i = first;
    while (i < end && i < first + 4 && (d->tokens.v[i].flags & DOSSIER_TOK_ALLCAPS) &&
           (d->tokens.v[i].flags & DOSSIER_TOK_WORD))
        i++;
    if (i == first || i + 1 >= end)
        return first;
    if (first_cp(d->body, d->tokens.v[i].span.end, d->tokens.v[i].span.start) == '(') {
        size_t k = i + 1;
        while (k < end && k < i + 5 && first_cp(d->body, d->tokens.v[k].span.end, d->tokens.v[k].span.start) != ')')
            k++;
        if (k >= end || k == i + 5)
            return first;
        i = k + 1;
    }
    if (i + 1 >= end || !(d->tokens.v[i].flags & DOSSIER_TOK_DASH) || !(d->tokens.v[i + 1].flags & DOSSIER_TOK_UPPER) ||
        (d->tokens.v[i + 1].flags & DOSSIER_TOK_ALLCAPS))
        return first;   /* "SOCCER - JAPAN GET LUCKY WIN": a headline in capitals */
    return i + 1;
}

/* Splits paragraph p (tokens [first, end)) into sentences; a dateline is one of its own. */
static int split_paragraph(dossier_doc *d, int p, size_t first, size_t end)
{
    d->paragraphs.v[p].first_sentence = (int)d->sentences.n;
    size_t from = dateline_end(d, first, end);
    if (from > first) {
        int rc = add_sentence(d, p, first, from);
        if (rc)
            return rc;
    }
    for (size_t i = from; i < end; i++) {
        if (!(d->tokens.v[i].flags & DOSSIER_TOK_SENTEND) || period_binds(d, i, first, end))
            continue;
        size_t k = end_run(d, i, end);
        if (k < end && (d->tokens.v[k].span.start == d->tokens.v[k - 1].span.end ||
                        !starts_sentence(d, &d->tokens.v[k]))) {
            i = k - 1;
            continue;
        }
        int rc = add_sentence(d, p, from, k);
        if (rc)
            return rc;
        from = k;
        i = k - 1;
    }
    return from < end ? add_sentence(d, p, from, end) : DOSSIER_OK;
}

/* Splits every paragraph into sentences. */
static int sentences(dossier_doc *d)
{
    size_t t = 0;
    for (size_t p = 0; p < d->paragraphs.n; p++) {
        dossier_paragraph *par = &d->paragraphs.v[p];
        while (t < d->tokens.n && d->tokens.v[t].span.start < par->span.start)
            t++;
        size_t first = t;
        while (t < d->tokens.n && d->tokens.v[t].span.start < par->span.end)
            t++;
        int rc = split_paragraph(d, (int)p, first, t);
        if (rc)
            return rc;
    }
    return DOSSIER_OK;
}

/* See segment.h. */
int dossier_segment_run(dossier_doc *d)
{
    int rc = DOSSIER_OK;
    if (d->lines.n == 0 && (rc = default_lines(d)) != DOSSIER_OK)
        return rc;
    if ((rc = build_body(d)) != DOSSIER_OK)
        return rc;
    if ((rc = tokenize(d)) != DOSSIER_OK)
        return rc;
    return sentences(d);
}
