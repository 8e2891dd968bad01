/*
 * candidates.c — the token helpers the statements stage shares
 * (candidates.h): word-list matches at a token, sentence and paragraph of a
 * token, token flags and punctuation, word counts, the token at a byte
 * offset, and adding a candidate with its cue.
 */
#include "extract/statements/candidates.h"

#include <string.h>

#include "dossier.h"
#include "base/inflect.h"

/*
 * Tokens of the text from `w` (n of them) that phrase p matches when its
 * elided words are written apart ("l'" read from the YAML as "l" and "'")
 * but the text holds them as one token ("l'"); 0 when it does not match.
 */
static size_t elided_match(const dossier_phrase *p, const char *const *w, size_t n)
{
    size_t i = 0, j = 0;
    while (i < p->nwords && j < n) {
        size_t lw = strlen(p->words[i]), lt = strlen(w[j]);
        if (i + 1 < p->nwords && strcmp(p->words[i + 1], "'") == 0 && lt == lw + 1 && w[j][lw] == '\'' &&
            strncmp(w[j], p->words[i], lw) == 0) {
            i += 2;
            j++;
        } else if (strcmp(w[j], p->words[i]) == 0) {
            i++;
            j++;
        } else {
            return 0;
        }
    }
    return i == p->nwords ? j : 0;
}

/* See candidates.h. */
int dossier_speakers_elided(const char *fold)
{
    size_t l = strlen(fold);
    return l > 1 && fold[l - 1] == '\'';
}

/*
 * The list `key` of the article's language: remembered by the key's
 * address (a constant), since the cue tests ask for some fifty lists at
 * every token and finding a list by its name costs more than matching it.
 */
static const dossier_lexlist *list_of(const stm_ctx *c, const char *key)
{
    return c->lists ? dossier_lexicon_find_memo(c->d->lex, c->lang, key, c->lists)
                    : dossier_lexicon_find(c->d->lex, c->lang, key);
}

/* See candidates.h. */
int dossier_speakers_match_full(const stm_ctx *c, const char *key, int tok, size_t n)
{
    const dossier_doc *d = c->d;
    const char *const *w = (const char *const *)&d->folds.v[tok];
    const dossier_lexlist *l = list_of(c, key);
    size_t k = dossier_doc_match(d, l, (size_t)tok, n, NULL), elided = 0;
    if (c->next_elided)
        elided = (size_t)c->next_elided[tok] < (size_t)tok + n;
    else
        for (size_t i = 0; i < n && !elided; i++)
            elided = dossier_speakers_elided(w[i]);
    if (!elided)
        return (int)k;
    const dossier_phrase *const *list = NULL;
    size_t np = dossier_lexlist_phrases(l, &list);
    for (size_t i = 0; i < np; i++) {
        size_t m = elided_match(list[i], w, n);
        k = m > k ? m : k;
    }
    return (int)k;
}

/* See candidates.h. */
int dossier_speakers_hyphen_adjective(const stm_ctx *c, int tok)
{
    const dossier_token *t = &c->d->tokens.v[tok];
    return dossier_inflect_hyphen_adjective(c->d->lex, c->lang, c->d->body + t->span.start, t->span.end - t->span.start,
                                            c->d->folds.v[tok]);
}

/* See candidates.h. */
int dossier_speakers_participle(const stm_ctx *c, int tok)
{
    return dossier_lexicon_ending(c->d->lex, c->lang, "statement.participle_endings", c->d->folds.v[tok], 3) > 0;
}

/* See candidates.h. */
int dossier_speakers_words(const stm_ctx *c, int first, int end)
{
    int n = 0;
    for (int t = first; t < end; t++)
        if (dossier_speakers_flags(c, t) & (DOSSIER_TOK_WORD | DOSSIER_TOK_NUM))
            n++;
    return n;
}

/* See candidates.h.  Binary search over the tokens, which are in text order. */
int dossier_speakers_tok_from(const stm_ctx *c, size_t pos)
{
    size_t lo = 0, hi = c->d->tokens.n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (c->d->tokens.v[mid].span.start < pos)
            lo = mid + 1;
        else
            hi = mid;
    }
    return (int)lo;
}

/* See candidates.h. */
int dossier_speakers_add(stm_ctx *c, const stm_cand *k)
{
    return VEC_PUSH(&c->cands, *k) ? DOSSIER_ENOMEM : DOSSIER_OK;
}

/* See candidates.h. */
const char *dossier_speakers_cue(stm_ctx *c, int first, int n)
{
    const dossier_doc *d = c->d;
    size_t s = d->tokens.v[first].span.start, e = d->tokens.v[first + n - 1].span.end;
    return dossier_doc_strndup(c->d, d->body + s, e - s);
}
