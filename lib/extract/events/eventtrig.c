/*
 * eventtrig.c — trigger matching for the events stage (see eventtrig.h).
 *
 * A trigger of kind k at a token is the longest of: a phrase of
 * event.<k> ("launched", "signed an agreement"); a word ending in one of
 * its "-suffix" phrases ("Überlebenstraining") or a capitalised hyphenated
 * word whose last part is a trigger ("ESA-Training"); a phrase of
 * event.stem.<k> whose first word is a stem the token starts with and whose
 * other words follow exactly ("запуск" for "запуска", "запуском"; "вернул
 * на Землю" for "вернулся на Землю").  Stems let inflected languages list
 * each word once instead of every case and gender.
 *
 * It also holds the cue tests the events stage shares: report dates,
 * deadlines, dated reports of the lede, decisions to call something off,
 * briefings attached to another event, and the article's main actors.
 */
#include "extract/events/eventtrig.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dossier.h"
#include "base/lexicon.h"
#include "base/token.h"

/* Adds kind `name` with list key `key` to c, unless it is there already or c is full. */
static void add_kind(dossier_ectx *c, const char *name, const char *key)
{
    for (size_t k = 0; k < c->nkinds; k++)
        if (strcmp(c->kinds[k], name) == 0)
            return;
    if (c->nkinds == DOSSIER_EVTRIG_MAX_KINDS || strlen(name) + 12 > sizeof c->stems[0])
        return;
    c->kinds[c->nkinds] = name;
    c->keys[c->nkinds] = key;
    snprintf(c->stems[c->nkinds], sizeof c->stems[0], "event.stem.%s", name);
    c->nkinds++;
}

/*
 * What dossier_evtrig_kinds worked out last in this thread: the fields of
 * a dossier_ectx from nkinds up to lists, for the lexicon generation and
 * language they were made with (generation 0: none).  Every article of an
 * ingest asks again with the same lexicon and mostly the same language.
 */
#define KINDS_FROM offsetof(dossier_ectx, nkinds)
#define KINDS_SIZE (offsetof(dossier_ectx, lists) - offsetof(dossier_ectx, nkinds))
static _Thread_local struct {
    uint64_t generation;
    int any_lang;       /* made for c->lang NULL */
    char lang[16];
    unsigned char fields[KINDS_SIZE];
} kinds_memo;

static void kinds_make(dossier_ectx *c);

/* See eventtrig.h: from the thread's memo when it was made with the same lexicon and language. */
void dossier_evtrig_kinds(dossier_ectx *c)
{
    uint64_t gen = c->d->lex ? dossier_lexicon_generation(c->d->lex) : 0;
    if (gen && kinds_memo.generation == gen &&
        (c->lang ? !kinds_memo.any_lang && strcmp(kinds_memo.lang, c->lang) == 0 : kinds_memo.any_lang)) {
        memcpy((char *)c + KINDS_FROM, kinds_memo.fields, KINDS_SIZE);
        return;
    }
    kinds_make(c);
    kinds_memo.generation = 0;
    if (gen && (!c->lang || strlen(c->lang) < sizeof kinds_memo.lang)) {
        kinds_memo.any_lang = !c->lang;
        snprintf(kinds_memo.lang, sizeof kinds_memo.lang, "%s", c->lang ? c->lang : "");
        memcpy(kinds_memo.fields, (const char *)c + KINDS_FROM, KINDS_SIZE);
        kinds_memo.generation = gen;
    }
}

/* dossier_evtrig_kinds past its memo. */
static void kinds_make(dossier_ectx *c)
{
    static const char *const keys[] = {
        "event.interview", "event.visit", "event.meeting", "event.agreement", "event.launch",
        "event.construction", "event.decommissioning", "event.sanctions", "event.conflict", "event.forum",
        "event.announcement", "event.landing", "event.training", "event.appointment", "event.election",
        "event.vote", "event.resignation", "event.dismissal", "event.arrest", "event.charge", "event.trial",
        "event.verdict", "event.lawsuit", "event.attack", "event.disaster",
    };
    const char *found[DOSSIER_EVTRIG_MAX_KINDS * 2];
    c->nkinds = 0;
    for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++)
        add_kind(c, keys[k] + 6, keys[k]);
    size_t n = dossier_lexicon_keys(c->d->lex, "event.", found, sizeof found / sizeof found[0]);
    for (size_t k = 0; k < n; k++)
        if (!strchr(found[k] + 6, '.') && found[k][6])
            add_kind(c, found[k] + 6, found[k]); /* "event.cue.told", "event.stem.launch" are no kinds */
    memset(c->starts, 0, sizeof c->starts);
    memset(c->kinds_at, 0, sizeof c->kinds_at);
    c->ninner = 0;
    c->inner_kinds = 0;
    for (size_t k = 0; k < c->nkinds; k++) {
        c->trig[k] = dossier_lexicon_find(c->d->lex, c->lang, c->keys[k]);
        c->stem[k] = dossier_lexicon_find(c->d->lex, c->lang, c->stems[k]);
        c->nendings[k] = dossier_lexlist_starting(c->trig[k], "-", &c->endings[k]);
        const struct dossier_lexlist_head *h = (const struct dossier_lexlist_head *)(const void *)c->trig[k];
        for (size_t b = 0; h && h->frozen && b < 8; b++) {
            c->starts[b] |= h->starts[b];
            for (uint64_t bits = h->starts[b]; bits; bits &= bits - 1) {
                unsigned at = 0;
                while (!((bits >> at) & 1))
                    at++;
                c->kinds_at[b * 64 + at] |= 1ull << k;
            }
        }
        if (c->nendings[k] || c->stem[k]) {
            c->inner[c->ninner++] = (unsigned char)k;
            c->inner_kinds |= 1ull << k;
        }
    }
}


/* See eventtrig.h. */
int dossier_evtrig_word_in(const dossier_ectx *c, const char *key, const char *w)
{
    const char *one[1] = {w};
    return dossier_lexlist_match(dossier_evtrig_list(c, key), one, 1, NULL) == 1;
}

/* What compound_at needs of a token, worked out once for every kind. */
typedef struct {
    const char *w;        /* the folded token */
    size_t wl;            /* its length, or (size_t)-1 until asked for */
    const char *tail[1];  /* a capitalised token's part after its last hyphen, when not empty; else NULL */
} compound_word;

/* Fills *cw for token i. */
static void compound_word_of(const dossier_ectx *c, size_t i, compound_word *cw)
{
    cw->w = c->w[i];
    cw->wl = (size_t)-1;
    const char *dash = (c->d->tokens.v[i].flags & DOSSIER_TOK_UPPER) ? strrchr(cw->w, '-') : NULL;
    cw->tail[0] = dash && dash[1] ? dash + 1 : NULL;
}

/*
 * Non-zero when the token ends in one of the "-suffix" phrases of kind's
 * list ("Überlebenstraining" for "-training"), or is a hyphenated word
 * with a capitalised first part whose last part is a trigger
 * ("ESA-Training").
 */
static int compound_at(const dossier_ectx *c, int kind, compound_word *cw)
{
    const dossier_phrase *const *all = c->endings[kind];
    size_t n = c->nendings[kind];
    if (n && cw->wl == (size_t)-1)
        cw->wl = strlen(cw->w);
    for (size_t k = 0; k < n; k++) {
        if (all[k]->nwords != 2)
            continue;
        size_t sl = strlen(all[k]->words[1]);
        if (cw->wl > sl && strcmp(cw->w + cw->wl - sl, all[k]->words[1]) == 0)
            return 1;
    }
    return cw->tail[0] && dossier_lexlist_match(c->trig[kind], cw->tail, 1, NULL) == 1;
}

/*
 * The longest phrase of the stem list `key` at token i of [i, lim): its
 * first word a prefix of token i, its other words equal to the tokens that
 * follow.  Returns the phrase's length in words, or 0.
 */
static size_t stem_at(const dossier_ectx *c, int kind, size_t i, size_t lim)
{
    const dossier_phrase *const *all;
    size_t n = dossier_lexlist_phrases(c->stem[kind], &all), best = 0;
    for (size_t k = 0; k < n; k++) {
        const dossier_phrase *ph = all[k];
        size_t nw = ph->nwords, sl = strlen(ph->words[0]);
        if (nw <= best || i + nw > lim || strncmp(c->w[i], ph->words[0], sl) != 0)
            continue;
        size_t j = 1;
        while (j < nw && strcmp(c->w[i + j], ph->words[j]) == 0)
            j++;
        if (j == nw)
            best = nw;
    }
    return best;
}

/* See eventtrig.h. */
size_t dossier_evtrig_trigger_at(const dossier_ectx *c, int k, size_t i, size_t lim)
{
    if (i >= lim)
        return 0;
    compound_word cw;
    compound_word_of(c, i, &cw);
    size_t len = dossier_lexlist_match(c->trig[k], c->w + i, lim - i, NULL);
    if (!len && compound_at(c, k, &cw))
        len = 1;
    size_t st = stem_at(c, k, i, lim);
    return st > len ? st : len;
}

/*
 * Kind k's longest trigger at token i of [i, lim) (cw: token i's facts), as
 * dossier_evtrig_trigger_at; `starts` is zero when no phrase of the kind's
 * list starts with the token's first-word bit (c->kinds_at), so that the
 * list is not asked.
 */
static size_t kind_at(const dossier_ectx *c, size_t k, size_t i, size_t lim, compound_word *cw, int starts)
{
    size_t len = !starts ? 0
                 : c->w == (const char *const *)c->d->folds.v ? dossier_doc_match(c->d, c->trig[k], i, lim - i, NULL)
                                                              : dossier_lexlist_match(c->trig[k], c->w + i, lim - i, NULL);
    if (!len && (c->nendings[k] || cw->tail[0]) && compound_at(c, (int)k, cw))
        len = 1;
    size_t st = c->stem[k] ? stem_at(c, (int)k, i, lim) : 0; /* most languages have no stems */
    return st > len ? st : len;
}

/* The lowest set bit of m (not 0). */
static unsigned lowest_bit(uint64_t m)
{
#if defined(__GNUC__)
    return (unsigned)__builtin_ctzll(m);
#else
    unsigned k = 0;
    while (!((m >> k) & 1))
        k++;
    return k;
#endif
}

/*
 * See eventtrig.h.  Most words start no trigger phrase of any kind (their
 * first-word bit is in no list): for them only the kinds with endings or
 * stems are tried, which is what trying every kind gives.  The others are
 * tried with the kinds whose list has a phrase starting with their bit and
 * those with endings or stems, in kind order, which is again what trying
 * every kind gives (kind_at finds nothing for the rest); a word with a
 * hyphenated tail is tried with every kind.
 */
size_t dossier_evtrig_best_at(const dossier_ectx *c, size_t i, size_t lim, int *kind)
{
    *kind = -1;
    if (i >= lim)
        return 0;
    compound_word cw;
    compound_word_of(c, i, &cw);
    size_t best = 0;
    unsigned bit = dossier_lexicon_prefix_bit(cw.w);
    uint64_t kinds = c->kinds_at[bit];
    if (cw.w && !cw.tail[0] && !((c->starts[bit / 64] >> (bit % 64)) & 1)) {
        for (size_t n = 0; n < c->ninner; n++) {
            size_t len = kind_at(c, c->inner[n], i, lim, &cw, 0);
            if (len > best) {
                best = len;
                *kind = (int)c->inner[n];
            }
        }
        return best;
    }
    uint64_t all = c->nkinds >= 64 ? ~0ull : (1ull << c->nkinds) - 1;
    uint64_t tried = cw.w && !cw.tail[0] ? (kinds | c->inner_kinds) & all : all;
    for (; tried; tried &= tried - 1) {
        unsigned k = lowest_bit(tried);
        size_t len = kind_at(c, k, i, lim, &cw, (kinds >> k) & 1);
        if (len > best) {
            best = len;
            *kind = (int)k;
        }
    }
    return best;
}

/* See eventtrig.h. */
int dossier_evtrig_clause_break(const dossier_ectx *c, size_t i)
{
    const char *w = c->w[i];
    return strcmp(w, ",") == 0 || strcmp(w, ";") == 0 || strcmp(w, ":") == 0 || strcmp(w, "(") == 0 ||
           strcmp(w, ")") == 0 || (c->d->tokens.v[i].flags & DOSSIER_TOK_DASH);
}

/* See eventtrig.h. */
int dossier_evtrig_cue_before(const dossier_ectx *c, const char *key, size_t s0, size_t i, size_t back)
{
    for (size_t j = i, n = 0; j-- > s0 && n < back; n++) {
        if (dossier_evtrig_clause_break(c, j))
            return 0;
        if (dossier_evtrig_list_at(c, key, j, i))
            return 1;
    }
    return 0;
}

/* See eventtrig.h. */
int dossier_evtrig_cue_after(const dossier_ectx *c, const char *key, size_t i, size_t s1, size_t ahead)
{
    for (size_t j = i, n = 0; j < s1 && n < ahead; j++, n++) {
        if (dossier_evtrig_clause_break(c, j))
            return 0;
        if (dossier_evtrig_list_at(c, key, j, s1))
            return 1;
    }
    return 0;
}

/* Non-zero for a token that ends a sentence: . ! ? and an ellipsis. */
static int terminal(const char *w)
{
    return strcmp(w, ".") == 0 || strcmp(w, "!") == 0 || strcmp(w, "?") == 0 || strcmp(w, "\xe2\x80\xa6") == 0 ||
           strcmp(w, "...") == 0;
}

/* See eventtrig.h. */
int dossier_evtrig_heading(const dossier_ectx *c, int s)
{
    const dossier_doc *d = c->d;
    const dossier_sentence *st = &d->sentences.v[s];
    if (st->paragraph < 0 || (size_t)st->paragraph >= d->paragraphs.n || st->ntokens <= 0 ||
        d->paragraphs.v[st->paragraph].nsentences != 1)
        return 0;
    size_t last = (size_t)(st->first_token + st->ntokens - 1);
    while (last > (size_t)st->first_token && (d->tokens.v[last].flags & DOSSIER_TOK_QUOTE))
        last--;
    return !terminal(c->w[last]);
}

/* See eventtrig.h. */
size_t dossier_evtrig_date_cue(const dossier_ectx *c, const char *key, size_t s0, size_t a)
{
    for (size_t j = a >= s0 + 2 ? a - 2 : s0; j < a; j++)
        if (j + dossier_evtrig_list_at(c, key, j, a) == a)
            return a - j;
    return 0;
}

/*
 * Non-zero when a resolved date stands near tokens [i, j) of sentence
 * [s0, s1): in the sentence, on the same side of any quotation mark.
 */
static int near_dated(const dossier_ectx *c, size_t s0, size_t s1, size_t i, size_t j)
{
    const dossier_doc *d = c->d;
    while (i > s0 && !(d->tokens.v[i - 1].flags & DOSSIER_TOK_QUOTE))
        i--;
    while (j < s1 && !(d->tokens.v[j].flags & DOSSIER_TOK_QUOTE))
        j++;
    size_t lo = 0, hi = c->ntimex_tok;   /* the first resolved timex at or after token i */
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (c->timex_tok[mid] < (int)i)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < c->ntimex_tok && c->timex_tok[lo] < (int)j;
}

/*
 * Non-zero when a trigger ending at token `last` in a purpose word ("a
 * mission to") goes on with a verb ("to reach orbit"), not a destination
 * ("to the Moon", "to Mars"): a lower-case word not of event.cue.to_place.
 */
static int to_verb(const dossier_ectx *c, size_t last, size_t s1)
{
    const dossier_doc *d = c->d;
    if (last + 1 >= s1 || !dossier_evtrig_word_in(c, "event.cue.purpose", c->w[last]))
        return 0;
    unsigned f = d->tokens.v[last + 1].flags;
    return (f & DOSSIER_TOK_WORD) && !(f & DOSSIER_TOK_UPPER) && !dossier_evtrig_word_in(c, "event.cue.to_place", c->w[last + 1]);
}

/*
 * Non-zero when a phrase of event.cue.purpose_noun ends just before token
 * i ("for the construction"), or before an elided article there ("pour
 * l'assemblage").
 */
static int purpose_noun(const dossier_ectx *c, size_t s0, size_t i)
{
    if (dossier_evtrig_date_cue(c, "event.cue.purpose_noun", s0, i))
        return 1;
    if (i <= s0 + 1)
        return 0;
    const char *w = c->w[i - 1];
    size_t n = strlen(w);
    int elided = (n >= 1 && w[n - 1] == '\'') || (n >= 3 && strcmp(w + n - 3, "\xe2\x80\x99") == 0);
    return elided && dossier_evtrig_date_cue(c, "event.cue.purpose_noun", s0, i - 1);
}

/*
 * Non-zero unless the one-word trigger at i is a word of
 * event.cue.noun_or_verb ("land", "trains") read as a noun ("in the
 * land", "land deals", "maglev trains"): as a verb it follows a word of
 * event.cue.verb_before ("will land", "to train", "they land"), or a name
 * with a preposition, an article or the clause's end after it ("X lands
 * on", "X trains the crew").
 */
static int verb_reading(const dossier_ectx *c, size_t s0, size_t s1, size_t i)
{
    if (!dossier_evtrig_word_in(c, "event.cue.noun_or_verb", c->w[i]))
        return 1;
    if (i > s0 && dossier_evtrig_word_in(c, "event.cue.verb_before", c->w[i - 1]))
        return 1;
    if (i == s0 || !c->in_mention[i - 1] || i + 1 >= s1)
        return i > s0 && c->in_mention[i - 1] && i + 1 >= s1;
    return dossier_evtrig_word_in(c, "event.cue.verb_after", c->w[i + 1]) ||
           (c->d->tokens.v[i + 1].flags & DOSSIER_TOK_PUNCT);
}

/*
 * Non-zero when the trigger [i, i+len) of sentence [s0, s1) reports an
 * event.  *future is set when its clause speaks of the future ("will
 * launch") or of a purpose (event.cue.purpose just before a lower-case
 * trigger: "a contract to land", "um dort zu landen", but not "zu Besuch";
 * event.cue.purpose_noun just before any: "a contract for the construction",
 * "des installations pour l'assemblage");
 * such an event needs a date near it.
 */
int dossier_evtrig_ok(const dossier_ectx *c, size_t s0, size_t s1, size_t i, size_t len, int *future)
{
    *future = 0;
    if (c->in_mention[i])
        return 0;
    for (size_t j = i >= s0 + 2 ? i - 2 : s0; j <= i; j++) {
        size_t k = dossier_evtrig_list_at(c, "event.cue.not_trigger", j, s1);
        if (k && j + k > i)
            return 0;
    }
    if (dossier_evtrig_cue_before(c, "event.cue.negation", s0, i, 3) || dossier_evtrig_cue_after(c, "event.cue.negation", i + len, s1, 3))
        return 0;
    if (dossier_evtrig_cue_before(c, "event.cue.hypothetical", s0, i, 8) || dossier_evtrig_cue_after(c, "event.cue.hypothetical", i + len, s1, 3))
        return 0;
    if (dossier_evtrig_cue_before(c, "event.cue.cancelled", s0, i, 3) || dossier_evtrig_cue_after(c, "event.cue.cancelled", i + len, s1, 8))
        return 0;
    if (to_verb(c, i + len - 1, s1) || (len == 1 && !verb_reading(c, s0, s1, i)))
        return 0;
    int verb = !(c->d->tokens.v[i].flags & DOSSIER_TOK_UPPER); /* "zu landen", not "zu Besuch" */
    *future = dossier_evtrig_cue_before(c, "date.future", s0, i, 8) ||
              (verb && i > s0 && dossier_evtrig_word_in(c, "event.cue.purpose", c->w[i - 1])) ||
              purpose_noun(c, s0, i);
    if (*future && !near_dated(c, s0, s1, i, i + len))
        return 0;
    return 1;
}

/*
 * Non-zero when an organisation's mention starts within 3 tokens from i,
 * and is no first part of a compound ("sagte der FDP-Vorsitzende": a
 * hyphenated token for a name without a hyphen).
 */
int dossier_evtrig_org_follows(const dossier_ectx *c, size_t i, size_t s1)
{
    const dossier_doc *d = c->d;
    for (size_t m = 0; m < d->mentions.n; m++) {
        const dossier_mention *mt = &d->mentions.v[m];
        size_t f = (size_t)mt->first_token, last = f + (size_t)(mt->ntokens > 0 ? mt->ntokens - 1 : 0);
        if (f < i || f >= i + 3 || f >= s1 || d->entities.v[mt->entity].kind != DOSSIER_KIND_ORGANIZATION)
            continue;
        if (last < d->tokens.n && strchr(c->w[last], '-') && !strchr(d->entities.v[mt->entity].name, '-'))
            continue;
        return 1;
    }
    return 0;
}

/* See eventtrig.h. */
void dossier_evtrig_top_entities(const dossier_doc *d, int *top, size_t n, int no_persons)
{
    for (size_t k = 0; k < n; k++)
        top[k] = -1;
    size_t *count = d->entities.n ? calloc(d->entities.n, sizeof *count) : NULL;
    if (!count)
        return;
    for (size_t m = 0; m < d->mentions.n; m++) {
        const dossier_mention *mt = &d->mentions.v[m];
        if (mt->how != DOSSIER_MENTION_PRONOUN && mt->entity >= 0 && (size_t)mt->entity < d->entities.n &&
            !(no_persons && d->entities.v[mt->entity].kind == DOSSIER_KIND_PERSON))
            count[mt->entity]++;
    }
    for (size_t k = 0; k < n; k++) {
        size_t best = 0;
        for (size_t m = 0; m < d->mentions.n; m++) { /* in mention order: ties go to the first */
            int e = d->mentions.v[m].entity;
            if (e >= 0 && (size_t)e < d->entities.n && count[e] > best) {
                best = count[e];
                top[k] = e;
            }
        }
        if (top[k] >= 0)
            count[top[k]] = 0;
    }
    free(count);
}

/* Non-zero when an organisation's mention starts or ends within `gap` tokens of [i, j). */
static int org_near(const dossier_ectx *c, size_t i, size_t j, size_t gap)
{
    const dossier_doc *d = c->d;
    for (size_t m = 0; m < d->mentions.n; m++) {
        const dossier_mention *mt = &d->mentions.v[m];
        size_t f = (size_t)mt->first_token, e = f + (size_t)mt->ntokens;
        if (mt->entity < 0 || (size_t)mt->entity >= d->entities.n ||
            d->entities.v[mt->entity].kind != DOSSIER_KIND_ORGANIZATION)
            continue;
        if ((f >= j && f < j + gap) || (e <= i && e + gap > i))
            return 1;
    }
    return 0;
}

/*
 * Non-zero when a resolved timex of sentence s ends within 2 tokens before
 * [i, j) or starts within 4 after it ("teilte das DLR am Dienstag mit").
 */
static int dated_near(const dossier_ectx *c, int s, size_t i, size_t j)
{
    const dossier_doc *d = c->d;
    for (size_t k = 0; k < d->timexes.n; k++) {
        const dossier_timex *t = &d->timexes.v[k];
        if (t->sentence != s || !t->value[0])
            continue;
        int a = dossier_doc_token_at(d, t->span.start), b = dossier_doc_token_at(d, t->span.end - 1) + 1;
        if (a < 0 || b <= 0)
            continue;
        if (((size_t)a >= j && (size_t)a < j + 4) || ((size_t)b <= i && (size_t)b + 2 > i))
            return 1;
    }
    return 0;
}

#define REPORT_ORG_GAP 3
/* See eventtrig.h. */
int dossier_evtrig_dated_report(const dossier_ectx *c, int s, size_t s0, size_t s1, size_t *at, size_t *len)
{
    if (c->lede < 0 || c->d->sentences.v[s].paragraph != c->lede)
        return 0;
    for (size_t i = s0; i < s1; i++) {
        size_t k = dossier_evtrig_list_at(c, "event.cue.report", i, s1);
        if (!k || c->in_mention[i])
            continue;
        if (org_near(c, i, i + k, REPORT_ORG_GAP) && dated_near(c, s, i, i + k)) {
            *at = i;
            *len = k;
            return 1;
        }
        i += k - 1;
    }
    return 0;
}

/* See eventtrig.h. */
size_t dossier_evtrig_decision(const dossier_ectx *c, int s, size_t s0, size_t i, size_t s1)
{
    const dossier_doc *d = c->d;
    size_t k = dossier_evtrig_list_at(c, "event.cue.cancelled", i, s1);
    if (!k)
        return 0;
    int subject = 0, dated = 0;
    for (size_t m = 0; m < d->mentions.n && !subject; m++) {
        const dossier_mention *mt = &d->mentions.v[m];
        size_t e = (size_t)mt->first_token + (size_t)mt->ntokens;
        subject = mt->entity >= 0 && (size_t)mt->entity < d->entities.n &&
                  d->entities.v[mt->entity].kind == DOSSIER_KIND_ORGANIZATION && e <= i && e + 2 > i && e > s0;
    }
    for (size_t t = 0; t < d->timexes.n && !dated; t++)
        dated = d->timexes.v[t].sentence == s && d->timexes.v[t].value[0];
    return subject && dated ? k : 0;
}

/* See eventtrig.h. */
int dossier_evtrig_attached(const dossier_ectx *c, size_t s0, size_t i, size_t len, size_t s1)
{
    if (dossier_evtrig_list_at(c, "event.cue.briefing", i, s1) != len)
        return 0;
    if (i > s0 && dossier_evtrig_word_in(c, "event.cue.attached", c->w[i - 1]))
        return 1;
    size_t j = i + len, k = dossier_evtrig_list_at(c, "date.after", j, s1);
    if (!k)
        k = dossier_evtrig_list_at(c, "date.before", j, s1);
    if (!k)
        return 0;
    for (size_t a = j + k; a < j + k + 3 && a < s1; a++)
        for (size_t t = 0; t < c->nkinds; t++)
            if (dossier_evtrig_trigger_at(c, (int)t, a, s1))
                return 1;
    return 0;
}

/* See eventtrig.h. */
int dossier_evtrig_next_verb_date(const dossier_ectx *c, size_t t1, size_t a)
{
    for (size_t j = a, n = 0; j-- > t1 && n < 2; n++)
        if (dossier_evtrig_word_in(c, "event.cue.and", c->w[j]))
            return 1;
    return 0;
}

/* ---- dates of events (see eventtrig.h) ---- */

/*
 * Non-zero when the timex at tokens [a, b) dates a report ("said on
 * Monday", "a annoncé dimanche", "am Donnerstag mitteilte") rather than
 * the event: a reporting verb (event.cue.report) just before or after it.
 */
int dossier_evtrig_dates_report(const dossier_ectx *c, size_t s0, size_t s1, size_t a, size_t b)
{
    for (size_t j = a >= s0 + 3 ? a - 3 : s0; j < a; j++) {
        size_t k = dossier_evtrig_list_at(c, "event.cue.report", j, a);
        if (k && j + k >= a - 1)
            return 1;
    }
    return b < s1 && dossier_evtrig_list_at(c, "event.cue.report", b, s1) > 0;
}

/*
 * Non-zero when a reporting verb lies in tokens [a, b) between a date and a
 * trigger: "On Monday, the agency said the probe landed" dates the saying,
 * "in an interview, he said the deal would be signed next year" the deal.
 */
int dossier_evtrig_report_between(const dossier_ectx *c, size_t a, size_t b)
{
    for (size_t j = a; j < b; j++)
        if (dossier_evtrig_list_at(c, "event.cue.report", j, b))
            return 1;
    return 0;
}

/*
 * Non-zero when timex x at token a follows "by", "bis", "d'ici" and lies
 * after publication: building finished by then is a plan ("a programme
 * that foresees the build-up of an industry by 2030").
 */
int dossier_evtrig_plan_deadline(const dossier_ectx *c, size_t s0, size_t a, int x)
{
    const dossier_doc *d = c->d;
    const char *v = d->timexes.v[x].value;
    size_t n = strlen(v);
    return n && d->published[0] && dossier_evtrig_date_cue(c, "event.cue.until", s0, a) &&
           strncmp(v, d->published, n < 10 ? n : 10) > 0;
}
