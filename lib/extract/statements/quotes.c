/*
 * quotes.c — direct quotations.
 *
 * Dialogue opened by a dash at the start of a paragraph ("— Мы готовы, —
 * сказал X.") is a quotation up to the dash that closes it.  Each
 * paragraph is read character by character: an opening mark (“ „ "
 * « » ‹ › ‘ ‚, or '' as some archives write “) in opening position starts
 * a quotation, the first mark that can close it in closing position ends
 * it, and one left open runs to the
 * end of its paragraph (the next paragraph that opens with a mark then
 * continues it).  A quotation is a statement when it has four words or
 * more, is not a title (after "titled", or in title case), and stands on
 * its own (it opens a sentence or follows a colon, dash or comma) or is
 * followed by an attribution ("…,” X said", "„…“, so X", or a short clause
 * naming someone after the comma, whatever its verb).  Three words are
 * enough with an attribution.  Quotations inside a sentence with neither
 * are scare quotes or partial quotations of reported speech.
 */
#include "extract/statements/quotes.h"

#include <string.h>

#include "dossier.h"

/* One quotation of a paragraph, in bytes. */
typedef struct {
    size_t open, start, end, close; /* mark, content [start, end), after the closing mark */
    int closed;
} quote;

/*
 * Two ASCII apostrophes written as one double quotation mark (''…''), as
 * some news archives render “ and ”: read as this one mark, outside
 * Unicode.
 */
#define TWO_APOSTROPHES 0x110000

/* Non-zero when closing mark `ch` can end a quotation opened with `op`. */
static int closes(int32_t op, int32_t ch)
{
    switch (op) {
    case TWO_APOSTROPHES: return ch == TWO_APOSTROPHES;
    case 0x201C: return ch == 0x201D || ch == 0x201C || ch == '"';   /* “…" typed in two styles */
    case 0x201E: return ch == 0x201C || ch == 0x201D;
    case '"': return ch == '"' || ch == 0x201D;
    case 0x00AB: return ch == 0x00BB;
    case 0x00BB: return ch == 0x00AB;
    case 0x2039: return ch == 0x203A;
    case 0x203A: return ch == 0x2039;
    case 0x2018: return ch == 0x2019;
    case 0x201A: return ch == 0x2018 || ch == 0x2019;
    default: return 0;
    }
}

/* Marks that open a quotation at the top level. */
static int opener(int32_t ch)
{
    return ch == TWO_APOSTROPHES || ch == 0x201C || ch == 0x201E || ch == '"' || ch == 0x00AB || ch == 0x00BB ||
           ch == 0x2039 || ch == 0x203A || ch == 0x2018 || ch == 0x201A;
}

/* The code point before byte `pos` (not before `floor`), or ' ' at the floor. */
static int32_t before(const char *s, size_t floor, size_t pos)
{
    if (pos <= floor)
        return ' ';
    size_t p = dossier_utf8_prev(s, pos);
    return dossier_utf8_next(s, pos, &p);
}

/* The code point at `pos`, or ' ' at the end. */
static int32_t at(const char *s, size_t end, size_t pos)
{
    return pos < end ? dossier_utf8_next(s, end, &pos) : ' ';
}

/* A word character or digit. */
static int wordch(int32_t ch)
{
    return dossier_uc_is_letter(ch) || dossier_uc_is_digit(ch);
}

/* Finds the quotations of body[from, to); returns how many went into q (at most max). */
static int scan(const char *s, size_t from, size_t to, quote *q, int max)
{
    int n = 0;
    int32_t op = 0;
    size_t pos = from;
    while (pos < to && n < max) {
        size_t here = pos;
        int32_t ch = dossier_utf8_next(s, to, &pos);
        if (ch == '\'' && pos < to && s[pos] == '\'') {
            ch = TWO_APOSTROPHES;
            pos++;
        }
        int32_t prev = before(s, from, here), next = at(s, to, pos);
        if (!op) {
            int french = ch == 0x00AB || ch == 0x2039;
            if (opener(ch) && !wordch(prev) && (french || !dossier_uc_is_space(next)) &&
                !(ch == 0x00BB && dossier_uc_is_space(next))) {
                op = ch;
                q[n].open = here;
                q[n].start = pos;
                q[n].closed = 0;
            }
            continue;
        }
        int french = ch == 0x00BB || ch == 0x203A;
        if (closes(op, ch) && (french || !dossier_uc_is_space(prev)) && !wordch(next) && here > q[n].start) {
            q[n].end = here;
            q[n].close = pos;
            q[n].closed = 1;
            n++;
            op = 0;
        }
    }
    if (op && n < max) {
        q[n].end = to;
        q[n].close = to;
        n++;
    }
    return n;
}

/* Title case: most long words capitalised (a quoted title or name). */
static int title_case(const stm_ctx *c, int first, int end)
{
    int words = 0, upper = 0;
    for (int t = first; t < end; t++) {
        unsigned f = dossier_speakers_flags(c, t);
        const dossier_span *sp = &c->d->tokens.v[t].span;
        if (f & DOSSIER_TOK_SENTEND)
            return 0;
        if (!(f & DOSSIER_TOK_WORD) || sp->end - sp->start < 4)
            continue;
        words++;
        upper += (f & DOSSIER_TOK_UPPER) != 0;
    }
    return words >= 3 && upper * 10 >= words * 8 && strcmp(c->lang, "de") != 0;
}

/*
 * "…», s'est félicité X." with a verb no list holds: a short clause after
 * the comma that names a person or organisation within its first four
 * tokens attributes the quotation to it.  Returns non-zero when found.
 */
static int attribution_unknown_verb(stm_ctx *c, stm_cand *k, int close_tok, int start, int limit)
{
    if (start == close_tok)
        return 0;
    for (int t = start; t < limit && t < start + 4; t++) {
        int m = c->tok_mention[t];
        if (m < 0 || c->used[t])
            continue;
        const dossier_mention *mm = &c->d->mentions.v[m];
        int kind = c->d->entities.v[mm->entity].kind, after = mm->first_token + mm->ntokens;
        if (kind != DOSSIER_KIND_PERSON && kind != DOSSIER_KIND_ORGANIZATION)
            continue;
        /* a longer clause only when the name closes it or its apposition follows: "a lancé X, directeur de Y, depuis …" */
        if (limit - start > 14 && after < limit && !dossier_speakers_is(c, after, ","))
            return 0;
        if (limit - start > 14)
            limit = after;
        k->mode = STM_SUBJ_CLAUSE;
        k->subj_first = start;
        k->subj_end = limit;
        for (int u = close_tok; u < limit; u++)
            if (!c->used[u])
                c->used[u] = 1;
        return 1;
    }
    return 0;
}

/* Non-zero when token t is the period of an initial ("S. Ramesh"), which the segmenter took for a sentence end. */
static int after_initial(const stm_ctx *c, int t)
{
    return t >= 1 && dossier_speakers_is(c, t, ".") &&
           c->d->tokens.v[t - 1].span.end - c->d->tokens.v[t - 1].span.start == 1 &&
           (dossier_speakers_flags(c, t - 1) & DOSSIER_TOK_UPPER) && (dossier_speakers_flags(c, t + 1) & DOSSIER_TOK_UPPER);
}

/* The attribution after a quotation: sets the subject of k; returns non-zero when found. */
static int attribution_after(stm_ctx *c, stm_cand *k, int close_tok, int limit, int ends_sentence, int standalone)
{
    int t = close_tok;
    while (t < limit && (dossier_speakers_is(c, t, ",") || (dossier_speakers_flags(c, t) & DOSSIER_TOK_DASH)))
        t++;
    int start = t;
    for (int cue = start; cue < limit && cue < start + 14; cue++) {
        if (ends_sentence && cue > start + 3)
            return 0;
        if (c->used[cue] || (dossier_speakers_flags(c, cue) & DOSSIER_TOK_QUOTE) ||
            ((dossier_speakers_flags(c, cue) & DOSSIER_TOK_SENTEND) && !after_initial(c, cue) &&
             dossier_speakers_sent_end(c, cue) == cue + 1))
            return 0;   /* a period that ends no sentence ("Mr.") does not end the attribution */
        int src = dossier_speakers_match(c, "statement.according", cue);
        if (!src && cue == start)
            src = dossier_speakers_match(c, "statement.according_after", cue);
        int len = src ? src : dossier_speakers_match(c, "statement.verbs", cue);
        if (!len)   /* "“…,” wrote X", "„…“, schrieb X" */
            len = dossier_speakers_match(c, "statement.verbs_that", cue);
        if (!len)
            continue;
        k->cue = dossier_speakers_cue(c, cue, len);
        k->cue_tok = cue;
        k->mode = src ? STM_SUBJ_SOURCE : STM_SUBJ_CLAUSE;
        int words = dossier_speakers_words(c, start, cue);
        if (!standalone && !src && !words)
            return 0;
        if (!src && words > 0) {
            k->subj_first = start;
            k->subj_end = cue;
        } else {
            k->subj_first = cue + len;
            k->subj_end = limit;
        }
        /* the attribution runs to the next comma after the cue and its subject */
        int mark = cue + len + 1;
        while (mark < limit && !dossier_speakers_is(c, mark, ","))
            mark++;
        for (int u = close_tok; u < mark; u++)
            if (!c->used[u])
                c->used[u] = 1;
        return 1;
    }
    return standalone && attribution_unknown_verb(c, k, close_tok, start, limit);
}

/* The attribution before a quotation ("X said: “…"); returns non-zero when found. */
static int attribution_before(stm_ctx *c, stm_cand *k, int open_tok)
{
    if (open_tok <= 0)
        return 0;
    int first = dossier_speakers_sent_first(c, open_tok - 1);
    int para = dossier_speakers_para(c, open_tok);
    while (first < open_tok && dossier_speakers_para(c, first) != para)
        first++;
    for (int t = open_tok - 1; t >= first; t--)
        if (c->used[t]) {
            first = t + 1;
            break;
        }
    for (int cue = open_tok - 1; cue >= first && cue >= open_tok - 10; cue--) {
        int len = dossier_speakers_match(c, "statement.verbs", cue);
        if (!len)
            continue;
        k->cue = dossier_speakers_cue(c, cue, len);
        k->cue_tok = cue;
        k->mode = STM_SUBJ_CLAUSE;
        k->subj_first = first;
        k->subj_end = cue;
        for (int u = first; u < open_tok; u++)
            c->used[u] = 1;
        return 1;
    }
    return 0;
}

/* Considers one quotation of paragraph `p`; adds it when it is a statement. */
static int consider(stm_ctx *c, int p, const quote *q, int first_in_para)
{
    const dossier_paragraph *para = &c->d->paragraphs.v[p];
    int pfirst = c->d->sentences.v[para->first_sentence].first_token;
    const dossier_sentence *ls = &c->d->sentences.v[para->first_sentence + para->nsentences - 1];
    int pend = ls->first_token + ls->ntokens;
    int open_tok = dossier_speakers_tok_from(c, q->open);
    int first = dossier_speakers_tok_from(c, q->start);
    int end = dossier_speakers_tok_from(c, q->end);
    int close_tok = dossier_speakers_tok_from(c, q->close);
    if (end > pend)
        end = pend;
    if (close_tok > pend)
        close_tok = pend;
    int words = dossier_speakers_words(c, first, end);
    int prev = open_tok - 1;
    int standalone = open_tok <= pfirst || (dossier_speakers_flags(c, prev) & (DOSSIER_TOK_SENTEND | DOSSIER_TOK_DASH)) ||
                     dossier_speakers_is(c, prev, ":") || dossier_speakers_is(c, prev, ",");
    int titled = dossier_speakers_match(c, "statement.title_cues", prev) ||
                 dossier_speakers_match(c, "statement.title_cues", prev - 1) || title_case(c, first, end);
    if (words < 3 || titled)
        return DOSSIER_OK;
    stm_cand k = {0};
    k.kind = DOSSIER_STATEMENT_DIRECT;
    k.cue_tok = k.subj_first = k.subj_end = -1;
    k.para = p;
    k.sentence = c->d->tokens.v[first].sentence;
    k.span.start = q->start;
    k.span.end = q->end;
    k.opens_para = open_tok <= pfirst;
    k.open_end = !q->closed;
    int limit = close_tok < pend ? dossier_speakers_sent_end(c, close_tok) : pend;
    /* a sentence cut after an initial ("…,” ISRO chairman S. Ramesh told"): the attribution goes on */
    while (limit < pend && after_initial(c, limit - 1))
        limit = dossier_speakers_sent_end(c, limit);
    for (int t = close_tok; t < limit; t++)
        if ((dossier_speakers_flags(c, t) & DOSSIER_TOK_QOPEN) && !(dossier_speakers_flags(c, t) & DOSSIER_TOK_QCLOSE)) {
            limit = t;
            break;
        }
    int ends_sentence = end > first && (dossier_speakers_flags(c, end - 1) & DOSSIER_TOK_SENTEND) &&
                        (dossier_speakers_flags(c, close_tok) & DOSSIER_TOK_UPPER);
    int punct_inside = end > first && (dossier_speakers_flags(c, end - 1) & DOSSIER_TOK_PUNCT);
    /* "X said: “…” The company said …": after a colon the attribution is the one before */
    int found = dossier_speakers_is(c, prev, ":") && attribution_before(c, &k, open_tok);
    if (!found)
        found = q->closed && (standalone || punct_inside) &&
                attribution_after(c, &k, close_tok, limit, ends_sentence, standalone);
    if (!found && !standalone)
        return DOSSIER_OK;
    if (!found)
        found = attribution_before(c, &k, open_tok);
    if (!found && words < 4)
        return DOSSIER_OK;  /* three words stand only with their attribution */
    if (!found) {
        k.mode = STM_SUBJ_NONE;
        k.continues = open_tok <= pfirst && first_in_para;
    }
    for (int t = open_tok; t < close_tok && t < pend; t++)
        c->used[t] = 2;
    return dossier_speakers_add(c, &k);
}

/* A dash that opens or closes dialogue: — or –. */
static int dialogue_dash(int32_t ch)
{
    return ch == 0x2014 || ch == 0x2013;
}

/*
 * Dialogue opened by a dash at the start of paragraph [from, to): "— Мы
 * готовы, — сказал X. — Погода мешает." The quotation runs to a dash after
 * sentence punctuation and a space (", — "), then the attribution; a dash
 * after a full stop later in the paragraph opens its continuation.
 * Returns how many quotations went into q (at most max).
 */
static int scan_dialogue(const char *s, size_t from, size_t to, quote *q, int max)
{
    size_t pos = from;
    int n = 0;
    if (pos >= to || !dialogue_dash(dossier_utf8_next(s, to, &pos)) || pos >= to || s[pos] != ' ')
        return 0;
    size_t start = pos + 1;
    while (start < to && n < max) {
        q[n] = (quote){.open = start - 2, .start = start, .end = to, .close = to, .closed = 0};
        size_t p = start, next = to;
        while (p < to) {
            size_t here = p;
            int32_t ch = dossier_utf8_next(s, to, &p);
            if (!dialogue_dash(ch) || here < start + 2 || s[here - 1] != ' ' || p >= to || s[p] != ' ')
                continue;
            int32_t punct = before(s, start, here - 1);
            if (!q[n].closed && (punct == ',' || punct == '.' || punct == '!' || punct == '?' || punct == 0x2026)) {
                q[n].end = here - 1;
                q[n].close = p;
                q[n].closed = 1;
            } else if (q[n].closed && punct == '.') {
                next = p + 1;   /* "— сказал X. — Дальше …" */
                break;
            }
        }
        n++;
        start = next;
    }
    return n;
}

/* See quotes.h. */
int dossier_quotes_find(stm_ctx *c)
{
    quote q[64];
    for (size_t p = 0; p < c->d->paragraphs.n; p++) {
        if (c->para_skip[p] || !c->d->paragraphs.v[p].nsentences)
            continue;
        const dossier_span *sp = &c->d->paragraphs.v[p].span;
        int nd = scan_dialogue(c->d->body, sp->start, sp->end, q, 8);
        int n = nd + scan(c->d->body, sp->start, sp->end, q + nd, 64 - nd);
        for (int i = 0; i < n; i++) {
            int inside = 0;     /* a quotation inside dialogue belongs to it */
            for (int j = 0; j < nd && i >= nd; j++)
                inside |= q[i].open >= q[j].start && q[i].open < q[j].end;
            int rc = inside ? DOSSIER_OK : consider(c, (int)p, &q[i], i == 0);
            if (rc)
                return rc;
        }
    }
    return DOSSIER_OK;
}
