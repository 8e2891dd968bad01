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
 */
#include "eventtrig.h"

#include <stdio.h>
#include <string.h>

#include "dossier.h"
#include "lexicon.h"
#include "token.h"

static const char *const kinds[] = {
    "interview", "visit",     "meeting",  "agreement", "launch",       "construction", "decommissioning",
    "sanctions", "conflict",  "forum",    "announcement", "landing",   "training",     "appointment",
};

/* The trigger list keys of each kind, spelt out once: formatting them per token was most of the cost. */
#define KEYS(prefix) {prefix "interview", prefix "visit", prefix "meeting", prefix "agreement", \
    prefix "launch", prefix "construction", prefix "decommissioning", prefix "sanctions", \
    prefix "conflict", prefix "forum", prefix "announcement", prefix "landing", prefix "training", \
    prefix "appointment"}
static const char *const trigger_keys[] = KEYS("event.");
static const char *const stem_keys[] = KEYS("event.stem.");

/* See eventtrig.h. */
const char *const *dossier_evtrig_kinds(size_t *n)
{
    *n = sizeof kinds / sizeof kinds[0];
    return kinds;
}

/* See eventtrig.h. */
size_t dossier_evtrig_list_at(const dossier_ectx *c, const char *key, size_t i, size_t lim)
{
    if (i >= lim)
        return 0;
    return dossier_lexicon_match(c->d->lex, c->lang, key, c->w + i, lim - i, NULL);
}

/* See eventtrig.h. */
int dossier_evtrig_word_in(const dossier_ectx *c, const char *key, const char *w)
{
    const char *one[1] = {w};
    return dossier_lexicon_match(c->d->lex, c->lang, key, one, 1, NULL) == 1;
}

/*
 * Non-zero when token i ends in one of the "-suffix" phrases of `key`
 * ("Überlebenstraining" for "-training"), or is a hyphenated word with a
 * capitalised first part whose last part is a trigger ("ESA-Training").
 */
static int compound_at(const dossier_ectx *c, const char *key, size_t i)
{
    const char *w = c->w[i];
    size_t wl = strlen(w);
    const dossier_phrase *const *all;
    size_t n = dossier_lexicon_list(c->d->lex, c->lang, key, &all);
    for (size_t k = 0; k < n; k++) {
        if (all[k]->nwords != 2 || strcmp(all[k]->words[0], "-") != 0)
            continue;
        size_t sl = strlen(all[k]->words[1]);
        if (wl > sl && strcmp(w + wl - sl, all[k]->words[1]) == 0)
            return 1;
    }
    const char *dash = strrchr(w, '-');
    return dash && dash[1] && (c->d->tokens.v[i].flags & DOSSIER_TOK_UPPER) &&
           dossier_evtrig_word_in(c, key, dash + 1);
}

/*
 * The longest phrase of the stem list `key` at token i of [i, lim): its
 * first word a prefix of token i, its other words equal to the tokens that
 * follow.  Returns the phrase's length in words, or 0.
 */
static size_t stem_at(const dossier_ectx *c, const char *key, size_t i, size_t lim)
{
    const dossier_phrase *const *all;
    size_t n = dossier_lexicon_list(c->d->lex, c->lang, key, &all), best = 0;
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
    size_t len = dossier_evtrig_list_at(c, trigger_keys[k], i, lim);
    if (!len && compound_at(c, trigger_keys[k], i))
        len = 1;
    size_t st = stem_at(c, stem_keys[k], i, lim);
    return st > len ? st : len;
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
