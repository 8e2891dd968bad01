/*
 * quotes.c — direct quotations.
 *
 * Dialogue opened by a dash at the start of a paragraph ("— Мы готовы, —
 * сказал X.") is a quotation up to the dash that closes it.  A headline
 * "Name: ‘…’" is the named one's statement.  Each
 * paragraph is read character by character: an opening mark (“ „ "
 * « » ‹ › ‘ ‚, or '' as some archives write “) in opening position starts
 * a quotation, the first mark that can close it in closing position ends
 * it, and one left open runs to the
 * end of its paragraph (the next paragraph that opens with a mark then
 * continues it).  A quotation is a statement when it has four words or
 * more, is not a title (after "titled", or in title case), and stands on
 * its own (it opens a sentence or follows a colon, dash or comma) or is
 * followed by an attribution ("…,” X said", "„…“, so X", or a short clause
 * naming someone after the comma, whatever its verb), or closes its
 * sentence right after a speech verb ("X declared “…”").  Three words are
 * enough with an attribution.  Quotations inside a sentence with neither
 * are scare quotes or partial quotations of reported speech; one right
 * after a complementizer ("X says that “…”") is the reported clause's.
 */
#include "extract/statements/quotes.h"
#include "extract/statements/speakers.h"

#include <stdint.h>
#include <string.h>

#include "dossier.h"
#include "base/util.h"

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
        pos += dossier_ascii_run_without(s + pos, to - pos, '"', '\''); /* ASCII but '"' and '\'' neither opens nor closes */
        if (pos >= to)
            break;
        size_t here = pos;
        int32_t ch = dossier_utf8_next(s, to, &pos);
        if (ch == '\'' && pos < to && s[pos] == '\'') {
            ch = TWO_APOSTROPHES;
            pos++;
        }
        if (ch < 0x80 && ch != '"')
            continue;   /* no other ASCII character opens or closes (most of the text) */
        if (op ? !closes(op, ch) : ch != 0x201D && !opener(ch))
            continue;
        int32_t prev = before(s, from, here), next = at(s, to, pos);
        if (!op) {
            int french = ch == 0x00AB || ch == 0x2039;
            int line_start = here == from || s[here - 1] == '\n';
            if (ch == 0x201D && line_start && wordch(next))
                ch = 0x201C;    /* ”…” typed with the closing mark first, at the start of a line */
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

/* What the words of tokens [first, end) are: all, capitalised, of four letters or more, and those capitalised. */
typedef struct {
    int words, upper, long_words, long_upper;
} caps_count;

/* Counts the words of tokens [first, end) into *n; returns 0 when one of them ends a sentence. */
static int count_caps(const stm_ctx *c, int first, int end, caps_count *n)
{
    *n = (caps_count){0};
    for (int t = first; t < end; t++) {
        unsigned f = dossier_speakers_flags(c, t);
        const dossier_span *sp = &c->d->tokens.v[t].span;
        if (f & DOSSIER_TOK_SENTEND)
            return 0;
        if (!(f & DOSSIER_TOK_WORD))
            continue;
        int up = (f & DOSSIER_TOK_UPPER) != 0, longw = sp->end - sp->start >= 4;
        n->words++;
        n->upper += up;
        n->long_words += longw;
        n->long_upper += longw && up;
    }
    return 1;
}

/* Title case: most long words capitalised (a quoted title or name). */
static int title_case(const stm_ctx *c, int first, int end)
{
    caps_count n;
    return count_caps(c, first, end, &n) && n.long_words >= 3 && n.long_upper * 10 >= n.long_words * 8 &&
           strcmp(c->lang, "de") != 0;
}

/*
 * A name in quotation marks after a preposition or a possessive ("the
 * broadcast of “Harbour Radio Sunday,”", "on Channel 4's “Meet the
 * Mayor”"): up to six words, none ending a sentence, every word of four
 * letters or more capitalised, and one at least.
 */
static int quoted_name(const stm_ctx *c, int prev, int first, int end)
{
    if (prev < 0 || !(dossier_speakers_match(c, "statement.prepositions", prev) || strcmp(c->d->folds.v[prev], "'s") == 0))
        return 0;
    caps_count n;
    return count_caps(c, first, end, &n) && n.long_upper == n.long_words && n.upper >= 1 && n.words <= 6 &&
           strcmp(c->lang, "de") != 0;
}

/*
 * "…», s'est félicité X." with a verb no list holds: a short clause after
 * the comma (inside the quotation, "…,” X, …", or after it) or after a
 * dash ("“…” ― X") that names a person or organisation within its first
 * four tokens attributes the quotation to it.  Returns non-zero when found.
 */
static int attribution_unknown_verb(stm_ctx *c, stm_cand *k, int close_tok, int start, int limit, int comma_inside)
{
    if (start == close_tok && !comma_inside)
        return 0;   /* "“…” X said" needs its comma or dash: "“…,” X, …" or "“…” — X" */
    for (int t = start; t < limit && t < start + 4; t++) {
        int m = c->tok_mention[t];
        if (start == close_tok && (m < 0 || c->d->mentions.v[m].first_token != start))
            return 0;   /* "…,” X quipped", not "…,” when X …" */
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

/*
 * How many tokens after a quotation its cue may stand: "…,” the agency's
 * deputy director said"; after a name and its apposition, further, when
 * a comma closes the apposition ("…,” X, the mayor of Y and a former
 * engineer at Z, said").
 */
#define CUE_NEAR 14
#define CUE_FAR 40

static int cue_reach(const stm_ctx *c, int start)
{
    int m = c->tok_mention[start];
    if (m < 0 || c->d->mentions.v[m].first_token != start)
        return CUE_NEAR;
    int kind = c->d->entities.v[c->d->mentions.v[m].entity].kind;
    return (kind == DOSSIER_KIND_PERSON || kind == DOSSIER_KIND_ORGANIZATION) &&
           dossier_speakers_is(c, start + c->d->mentions.v[m].ntokens, ",") ? CUE_FAR : CUE_NEAR;
}

/*
 * Non-zero when a clause of its own starts at token t, before `limit`,
 * after a cue: a subject pronoun, an article or a capitalised word, with
 * two more words after it ("He said voters …", "She said the plan …";
 * not "He said in a statement", "she told reporters").
 */
static int opens_clause(const stm_ctx *c, int t, int limit)
{
    if (t >= limit || dossier_speakers_words(c, t, limit) < 3 || dossier_speakers_match(c, "statement.audience", t))
        return 0;
    return dossier_speakers_match(c, "statement.subject_pronouns", t) || dossier_speakers_match(c, "statement.pronouns_clause", t) ||
           dossier_speakers_match(c, "statement.articles", t) ||
           ((dossier_speakers_flags(c, t) & DOSSIER_TOK_UPPER) && (dossier_speakers_flags(c, t) & DOSSIER_TOK_WORD));
}

/*
 * The attribution after a quotation: sets the subject of k; returns
 * non-zero when found.  A quotation inside a sentence takes only a cue
 * with its subject before it ("…,” she said") or right after it ("…,”
 * said X"); `comma_inside` when the quotation ends with its comma ("…,”").
 */
static int attribution_after(stm_ctx *c, stm_cand *k, int close_tok, int limit, int ends_sentence, int standalone,
                             int comma_inside)
{
    int t = close_tok;
    while (t < limit && (dossier_speakers_is(c, t, ",") || (dossier_speakers_flags(c, t) & DOSSIER_TOK_DASH)))
        t++;
    int start = t, reach = start < limit ? cue_reach(c, start) : CUE_NEAR;
    for (int cue = start; cue < limit && cue < start + reach; cue++) {
        if (ends_sentence && cue > start + 3)
            return 0;
        if (c->used[cue] || (dossier_speakers_flags(c, cue) & DOSSIER_TOK_QUOTE))
            return 0;
        if ((dossier_speakers_flags(c, cue) & DOSSIER_TOK_SENTEND) && !after_initial(c, cue) &&
            dossier_speakers_sent_end(c, cue) == cue + 1) {
            limit = cue;    /* a period that ends no sentence ("Mr.") does not end the attribution */
            break;
        }
        int src = dossier_speakers_match(c, "statement.according", cue);
        if (!src && cue == start)
            src = dossier_speakers_match(c, "statement.according_after", cue);
        int len = src ? src : dossier_speakers_match(c, "statement.verbs", cue);
        if (!len)   /* "“…,” wrote X", "„…“, schrieb X" */
            len = dossier_speakers_match(c, "statement.verbs_that", cue);
        if (!len || (cue >= start + CUE_NEAR && !dossier_speakers_is(c, cue - 1, ",")))
            continue;
        if (ends_sentence && (dossier_speakers_is(c, cue + len, ":") || dossier_speakers_match(c, "statement.complementizers", cue + len) ||
                              (!dossier_speakers_match(c, "statement.tell_verbs", cue) && opens_clause(c, cue + len, limit))))
            return 0;   /* "“…” Y said: “…”", "“…” And he added that …", "“…” He said voters …" introduce what comes next */
        k->cue = dossier_speakers_cue(c, cue, len);
        k->cue_tok = cue;
        k->mode = src ? STM_SUBJ_SOURCE : STM_SUBJ_CLAUSE;
        int words = dossier_speakers_words(c, start, cue);
        if (!standalone && !src && !words && cue > start)
            return 0;
        if (!src && words > 0) {
            k->subj_first = start;
            k->subj_end = cue;
        } else {
            k->subj_first = cue + len;
            k->subj_end = limit;
        }
        /* the attribution runs to the next comma after the cue and its subject */
        int mark = cue + len; /* "she said, adding that …": the comma right after the cue ends it */
        while (mark < limit && !dossier_speakers_is(c, mark, ","))
            mark++;
        for (int u = close_tok; u < mark; u++)
            if (!c->used[u])
                c->used[u] = 1;
        return 1;
    }
    return standalone && attribution_unknown_verb(c, k, close_tok, start, limit, comma_inside);
}

/*
 * "According to X, “…”": a source phrase opening the sentence and closed
 * by the comma before the quotation; sets k's subject to X.  Returns
 * non-zero when found.
 */
static int according_before(stm_ctx *c, stm_cand *k, int first, int open_tok)
{
    if (!dossier_speakers_is(c, open_tok - 1, ","))
        return 0;
    int len = dossier_speakers_match(c, "statement.according", first);
    if (!len || first + len >= open_tok - 1)
        return 0;
    for (int t = first + len; t < open_tok - 1; t++)
        if (dossier_speakers_is(c, t, ",") || (dossier_speakers_flags(c, t) & DOSSIER_TOK_QUOTE))
            return 0;
    k->cue = dossier_speakers_cue(c, first, len);
    k->cue_tok = first;
    k->mode = STM_SUBJ_SOURCE;
    k->subj_first = first + len;
    k->subj_end = open_tok - 1;
    return 1;
}

/*
 * The subject of a cue that tokens [first, cue) hold before it: the
 * clause after the last comma when it is a name ("The vote may slip to
 * May, X said:", dossier_speakers_closing_clause()), else all of them;
 * after the cue when none stand before it ("Said X: “…”").  Sets k's
 * subject.
 */
static void subject_before(stm_ctx *c, stm_cand *k, int first, int cue, int len, int open_tok)
{
    k->subj_first = dossier_speakers_closing_clause(c, first, cue);
    k->subj_end = cue;
    if (!dossier_speakers_words(c, first, cue)) {
        int end = open_tok;
        while (end > cue + len && (dossier_speakers_flags(c, end - 1) & DOSSIER_TOK_PUNCT))
            end--;
        k->subj_first = cue + len;
        k->subj_end = end;
    }
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
    int found = first < open_tok && according_before(c, k, first, open_tok);
    for (int cue = open_tok - 1; !found && cue >= first && cue >= open_tok - 10; cue--) {
        int len = dossier_speakers_match(c, "statement.verbs", cue);
        if (!len)
            continue;
        if (cue >= first + 2 && dossier_speakers_is(c, cue - 1, ",") && dossier_speakers_match(c, "statement.verbs", cue - 2) == 1) {
            cue -= 2;   /* "X said, adding, “…”": the subject is said's */
            len = 1;
        }
        k->cue = dossier_speakers_cue(c, cue, len);
        k->cue_tok = cue;
        k->mode = STM_SUBJ_CLAUSE;
        subject_before(c, k, first, cue, len, open_tok);
        found = 1;
    }
    for (int u = first; found && u < open_tok; u++)
        c->used[u] = 1;
    return found;
}

/*
 * A paragraph that is a quotation with no attribution of its own, after
 * a paragraph whose last sentence ends with a colon and holds a cue ("X
 * continued:", "The newspaper reports:"): that cue's subject.  Returns
 * non-zero when found.
 */
static int attribution_colon_para(stm_ctx *c, stm_cand *k, int open_tok)
{
    int colon = open_tok - 1;
    if (colon < 0 || !dossier_speakers_is(c, colon, ":") || dossier_speakers_para(c, colon) == dossier_speakers_para(c, open_tok))
        return 0;
    int first = dossier_speakers_sent_first(c, colon);
    for (int cue = colon - 1; cue >= first && cue >= colon - 10; cue--) {
        if (c->used[cue])
            return 0;
        int len = dossier_speakers_match(c, "statement.verbs", cue);
        if (!len)
            len = dossier_speakers_match(c, "statement.verbs_that", cue);
        if (!len)
            continue;
        k->cue = dossier_speakers_cue(c, cue, len);
        k->cue_tok = cue;
        k->mode = STM_SUBJ_CLAUSE;
        subject_before(c, k, first, cue, len, colon + 1);
        for (int u = first; u <= colon; u++)
            c->used[u] = 1;
        return 1;
    }
    return 0;
}

/*
 * A paragraph that is a quotation with no attribution, followed by a
 * paragraph that is only a dash and a name ("“…” ¶ - X."): that name.
 * Returns non-zero when found.
 */
static int attribution_next_para(stm_ctx *c, stm_cand *k, int p)
{
    const dossier_doc *d = c->d;
    if ((size_t)p + 1 >= d->paragraphs.n)
        return 0;
    const dossier_paragraph *pa = &d->paragraphs.v[p + 1];
    if (!pa->nsentences)
        return 0;
    int first = d->sentences.v[pa->first_sentence].first_token;
    const dossier_sentence *ls = &d->sentences.v[pa->first_sentence + pa->nsentences - 1];
    int end = ls->first_token + ls->ntokens;
    while (end > first && (dossier_speakers_flags(c, end - 1) & DOSSIER_TOK_PUNCT) && !(dossier_speakers_flags(c, end - 1) & DOSSIER_TOK_DASH))
        end--;
    int m = first + 1 < end ? c->tok_mention[first + 1] : -1;
    if (!(dossier_speakers_flags(c, first) & DOSSIER_TOK_DASH) || m < 0 || d->mentions.v[m].first_token != first + 1 ||
        first + 1 + d->mentions.v[m].ntokens != end)
        return 0;
    int kind = d->entities.v[d->mentions.v[m].entity].kind;
    if (kind != DOSSIER_KIND_PERSON && kind != DOSSIER_KIND_ORGANIZATION)
        return 0;
    k->mode = STM_SUBJ_CLAUSE;
    k->subj_first = first + 1;
    k->subj_end = end;
    for (int t = first; t < end; t++)
        c->used[t] = 1;
    return 1;
}

/*
 * Where a quotation inside a sentence, attributed after it ("The plan
 * is “a disaster,” said X", "The fund, set up in 2001, “keeps the pier
 * open,” she said"), starts its statement: at the sentence's start when
 * the words before the mark are a clause of at most `most` words with no
 * quotation, no cue and nothing claimed; else at its content.  Returns
 * the byte where the statement starts.
 */
static size_t clause_start(const stm_ctx *c, int open_tok, size_t start, int most)
{
    int first = dossier_speakers_sent_first(c, open_tok);
    int para = dossier_speakers_para(c, open_tok);
    if (first >= open_tok || dossier_speakers_para(c, first) != para || dossier_speakers_words(c, first, open_tok) > most)
        return start;
    for (int t = first; t < open_tok; t++)
        if (c->used[t] || (dossier_speakers_flags(c, t) & DOSSIER_TOK_QUOTE) || dossier_speakers_match(c, "statement.verbs", t) ||
            dossier_speakers_match(c, "statement.verbs_that", t) || dossier_speakers_match(c, "statement.according", t) ||
            dossier_speakers_is(c, t, ":"))
            return start;
    return c->d->tokens.v[first].span.start;
}

/* Tokens after a short quotation whose claims short_reply() undoes when it refuses the quotation. */
#define REPLY_TOKENS 256

/*
 * A quotation of one or two words is a statement only as a reply: it
 * opens its sentence and its cue follows right after it ("“Absolutely,”
 * he said", "“No,” replied X"), so it is no scare quote, chant or title.
 * Looks for that attribution (sets k's subject); returns non-zero when
 * found, and leaves the tokens unclaimed when not.
 */
static int short_reply(stm_ctx *c, stm_cand *k, int open_tok, int close_tok, int limit, int ends_sentence)
{
    unsigned char keep[REPLY_TOKENS];
    int sf = dossier_speakers_sent_first(c, open_tok), n = limit - close_tok;
    if (n <= 0 || n > REPLY_TOKENS)
        return 0;
    for (int t = sf; t < open_tok; t++)
        if (!(dossier_speakers_flags(c, t) & DOSSIER_TOK_PUNCT))
            return 0;
    memcpy(keep, c->used + close_tok, (size_t)n);
    if (attribution_after(c, k, close_tok, limit, ends_sentence, 1, 0) && k->mode == STM_SUBJ_CLAUSE &&
        k->cue_tok >= close_tok && k->cue_tok <= close_tok + 3)
        return 1;
    memcpy(c->used + close_tok, keep, (size_t)n);
    return 0;
}

/* The length of the speech verb at t (statement.verbs or statement.verbs_that), 1 when neither. */
static int cue_length(const stm_ctx *c, int t)
{
    int len = dossier_speakers_match(c, "statement.verbs", t);
    if (!len)
        len = dossier_speakers_match(c, "statement.verbs_that", t);
    return len ? len : 1;
}

/*
 * A quotation of one or two words that closes a clause leading into it,
 * with a comma and its cue right after it ("The plan may be
 * “reckless,” said X"; not "her “plan,” promising …" nor "…, the
 * senator said his …"): the clause and the quotation are the statement,
 * four words at least.
 * Sets k's subject and start; returns non-zero when found, and leaves the
 * tokens unclaimed when not.
 */
static int lead_in_reply(stm_ctx *c, stm_cand *k, int open_tok, int close_tok, int limit, int ends_sentence)
{
    unsigned char keep[REPLY_TOKENS];
    size_t from = clause_start(c, open_tok, k->span.start, 12);
    int n = limit - close_tok;
    if (from == k->span.start || n <= 0 || n > REPLY_TOKENS || dossier_speakers_is(c, open_tok - 1, ",") ||
        !(dossier_speakers_is(c, close_tok - 2, ",") || dossier_speakers_is(c, close_tok, ",")) ||
        dossier_speakers_words(c, dossier_speakers_sent_first(c, open_tok), close_tok) < 4)
        return 0;
    for (int t = dossier_speakers_sent_first(c, open_tok); t < open_tok; t++)
        if (dossier_speakers_match(c, "statement.object_cues", t) || dossier_speakers_match(c, "statement.intent_cues", t) ||
            dossier_speakers_match(c, "statement.complementizers", t))
            return 0;   /* "X called him a “liar,” …": the lead-in is a reported clause of its own */
    memcpy(keep, c->used + close_tok, (size_t)n);
    if (attribution_after(c, k, close_tok, limit, ends_sentence, 0, 0) && k->mode == STM_SUBJ_CLAUSE &&
        k->cue_tok >= close_tok && k->cue_tok <= close_tok + 3 && !dossier_speakers_participle(c, k->cue_tok) &&
        !(k->subj_end == k->cue_tok && opens_clause(c, k->cue_tok + cue_length(c, k->cue_tok), limit))) {
        k->span.start = from;
        return 1;
    }
    memcpy(c->used + close_tok, keep, (size_t)n);
    return 0;
}

/*
 * A quotation of one or two words that closes its sentence right after
 * its cue and a comma or colon ("X said, “Probably.”"): a reply too.
 * Sets k's subject; returns non-zero when found.
 */
static int short_reply_before(stm_ctx *c, stm_cand *k, int open_tok, int close_tok, int limit)
{
    int prev = open_tok - 1;
    if (prev < 1 || !(dossier_speakers_is(c, prev, ",") || dossier_speakers_is(c, prev, ":")) ||
        !dossier_speakers_match(c, "statement.verbs", prev - 1) || dossier_speakers_words(c, close_tok, limit) > 0)
        return 0;
    int cue = prev - 1, len = dossier_speakers_match(c, "statement.verbs", cue), first = dossier_speakers_sent_first(c, cue);
    if (cue + len != prev || c->used[cue])
        return 0;   /* "pointed out," ends with the comma; "said" of another quotation's attribution is not this one's */
    while (first < cue && (c->used[first] || dossier_speakers_para(c, first) != dossier_speakers_para(c, cue)))
        first++;
    k->cue = dossier_speakers_cue(c, cue, len);
    k->cue_tok = cue;
    k->mode = STM_SUBJ_CLAUSE;
    subject_before(c, k, first, cue, len, open_tok);
    for (int u = first; u < open_tok; u++)
        c->used[u] = 1;
    return 1;
}

/*
 * Non-zero when token t is a speech verb with its subject before it ("X
 * declared", "she wrote"), so that a quotation right after it is what
 * was said; not a participle, a verb after an article ("the said"), nor
 * the second verb of a sentence that reports something before it.
 */
static int cue_right_before(const stm_ctx *c, int t)
{
    if (t < 1 || c->used[t] || dossier_speakers_participle(c, t))
        return 0;
    for (int s = t; s >= t - 1 && s >= 1; s--) {   /* "declared", "shot back" */
        int len = dossier_speakers_match(c, "statement.verbs", s);
        if (!len)
            len = dossier_speakers_match(c, "statement.verbs_that", s);
        if (!len || s + len != t + 1 || dossier_speakers_match(c, "statement.articles", s - 1))
            continue;
        for (int u = dossier_speakers_sent_first(c, s); u < s; u++)
            if (c->used[u] || dossier_speakers_match(c, "statement.verbs", u) || dossier_speakers_match(c, "statement.verbs_that", u) ||
                dossier_speakers_match(c, "statement.complementizers", u))
                return 0;   /* "X said that S but said “…”": the quotation goes with the reported clause */
        return 1;
    }
    return 0;
}

/*
 * Non-zero when token t, with the adverbs before it, is "and" or "but"
 * after the comma that closes the attribution of the quotation before
 * (“…,” he said, but “…”, “…,” X said, and still “…”): the quotation
 * after it goes on with the same speaker.
 */
static int joins_attribution(const stm_ctx *c, int t, int floor)
{
    while (t > floor && dossier_speakers_match(c, "statement.adverbs", t))
        t--;
    return t - 2 >= floor && dossier_speakers_match(c, "statement.clause_joins", t) && dossier_speakers_is(c, t - 1, ",") &&
           c->used[t - 2] == 1;
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
                     dossier_speakers_is(c, prev, ":") || dossier_speakers_is(c, prev, ",") || joins_attribution(c, prev, pfirst);
    int titled = dossier_speakers_match(c, "statement.title_cues", prev) ||
                 dossier_speakers_match(c, "statement.title_cues", prev - 1) || title_case(c, first, end) ||
                 (!standalone && quoted_name(c, prev, first, end));
    if (words < 1 || titled || (!standalone && dossier_speakers_match(c, "statement.complementizers", prev)))
        return DOSSIER_OK;  /* "X says that “…”": the quotation is the reported clause's */
    stm_cand k = {0};
    k.kind = DOSSIER_STATEMENT_DIRECT;
    k.speaker = k.speaker_mention = -1;
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
    int comma_inside = end > first && dossier_speakers_is(c, end - 1, ",");
    if (words < 3) {
        if (!q->closed || (!short_reply(c, &k, open_tok, close_tok, limit, ends_sentence) &&
                           !short_reply_before(c, &k, open_tok, close_tok, limit) &&
                           !lead_in_reply(c, &k, open_tok, close_tok, limit, ends_sentence)))
            return DOSSIER_OK;
        for (int t = open_tok; t < close_tok && t < pend; t++)
            c->used[t] = 2;
        return dossier_speakers_add(c, &k);
    }
    /* "In an interview X declared “…”": right after its cue, a quotation that closes the sentence stands */
    if (!standalone && q->closed && cue_right_before(c, prev) && dossier_speakers_words(c, close_tok, limit) == 0)
        standalone = 1;
    int found = dossier_speakers_is(c, prev, ":") && attribution_before(c, &k, open_tok);
    if (!found)
        found = q->closed && (standalone || punct_inside) &&
                attribution_after(c, &k, close_tok, limit, ends_sentence, standalone, comma_inside);
    if (found && !standalone)
        k.span.start = clause_start(c, open_tok, q->start, 12);
    else if (found && k.cue_tok >= close_tok && dossier_speakers_is(c, prev, ","))
        k.span.start = clause_start(c, open_tok, q->start, 25);   /* "The fund, set up in 2001, “keeps …,” she said" */
    if (!found && !standalone)
        return DOSSIER_OK;
    if (!found)
        found = attribution_before(c, &k, open_tok);
    if (!found && words >= 4 && k.opens_para)
        found = attribution_colon_para(c, &k, open_tok);
    if (!found && q->closed && k.opens_para && dossier_speakers_words(c, close_tok, pend) == 0)
        found = attribution_next_para(c, &k, p);
    if (!found && words < 4 && !(prev >= 0 && c->used[prev] == 1 && dossier_speakers_para(c, prev) == p))
        return DOSSIER_OK;  /* three words stand only with their attribution, or the one just before */
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

/*
 * The headline (the first paragraph, which holds no statement otherwise)
 * in the news form "Name: ‘…’" or "Name: words ‘…’": what follows the
 * colon is the statement of the person named first before it, when a
 * quotation mark stands after the colon.  Adds it; returns 0 or
 * DOSSIER_ENOMEM.
 */
static int headline_quote(stm_ctx *c)
{
    const dossier_doc *d = c->d;
    const dossier_paragraph *pa = &d->paragraphs.v[0];
    if (!pa->nsentences)
        return DOSSIER_OK;
    int first = d->sentences.v[pa->first_sentence].first_token;
    const dossier_sentence *ls = &d->sentences.v[pa->first_sentence + pa->nsentences - 1];
    int end = ls->first_token + ls->ntokens, colon = -1, marks = 0;
    int m = c->tok_mention[first];
    if (m < 0 || d->mentions.v[m].first_token != first || d->entities.v[d->mentions.v[m].entity].kind != DOSSIER_KIND_PERSON)
        return DOSSIER_OK;
    for (int t = first + d->mentions.v[m].ntokens; t < end && t < first + 8 && colon < 0; t++)
        if (dossier_speakers_is(c, t, ":"))
            colon = t;
    for (int t = colon + 1; colon >= 0 && t < end; t++)
        marks += (dossier_speakers_flags(c, t) & DOSSIER_TOK_QUOTE) != 0;
    while (end > colon + 1 && (dossier_speakers_flags(c, end - 1) & DOSSIER_TOK_PUNCT))
        end--;
    if (colon < 0 || !marks || end <= colon + 1)
        return DOSSIER_OK;
    int from = colon + 1;
    if (marks == 1 && (dossier_speakers_flags(c, from) & DOSSIER_TOK_QUOTE))
        from++;     /* "Name: ‘…’": the words inside the marks */
    stm_cand k = {0};
    k.kind = DOSSIER_STATEMENT_DIRECT;
    k.span.start = d->tokens.v[from].span.start;
    k.span.end = d->tokens.v[end - 1].span.end;
    k.cue_tok = colon;
    k.mode = STM_SUBJ_CLAUSE;
    k.subj_first = first;
    k.subj_end = colon;
    k.para = 0;
    k.sentence = d->tokens.v[from].sentence;
    k.speaker = k.speaker_mention = -1;
    for (int t = first; t < end; t++)
        c->used[t] = t > colon ? 2 : 1;
    return dossier_speakers_add(c, &k);
}

/* See quotes.h. */
int dossier_quotes_find(stm_ctx *c)
{
    if (c->d->paragraphs.n && c->para_skip[0]) {
        int rc = headline_quote(c);
        if (rc)
            return rc;
    }
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
