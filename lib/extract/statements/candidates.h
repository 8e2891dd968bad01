/*
 * candidates.h — what the files of the statements stage share: the
 * candidate statements being collected and the token helpers over the
 * doc (candidates.c).  Internal to the statements stage; attribution is
 * speakers.h's.
 */
#ifndef DOSSIER_CANDIDATES_H
#define DOSSIER_CANDIDATES_H

#include <string.h>

#include "base/doc.h"
#include "base/token.h"

/* How the speaker of a candidate is named. */
enum stm_subject_mode {
    STM_SUBJ_NONE = 0,   /* no speaker expression: inherit from the statement before */
    STM_SUBJ_CLAUSE,     /* the subject of a clause ("X, the head of Y, said") */
    STM_SUBJ_SOURCE      /* a source phrase ("according to X"): its first name */
};

/* A statement found but not yet attributed. */
typedef struct {
    dossier_span span;          /* the words stated */
    int kind;                   /* enum dossier_statement_kind */
    const char *cue;            /* arena, or NULL */
    int cue_tok;                /* first token of the cue, or -1 */
    int subj_first, subj_end;   /* tokens [first, end) that name the speaker */
    int mode;                   /* enum stm_subject_mode */
    int para;                   /* paragraph of the span's start */
    int sentence;               /* sentence of the cue (or span start) */
    int continues;              /* a quoted paragraph that continues the one before */
    int opens_para;             /* a quotation that opens its paragraph */
    int open_end;               /* a quotation left open at the end of its paragraph */
    int dropped;
    int speaker, speaker_mention;
} stm_cand;

typedef struct {
    dossier_doc *d;
    const char *lang;
    unsigned char *used;        /* per token: 2 inside a quotation, 1 its attribution */
    unsigned char *para_skip;   /* per paragraph: a headline, list item or caption */
    int *tok_mention;           /* per token: the mention covering it, or -1 */
    int *next_elided;           /* per token: the first token from it on whose folded form is an
                                   elided word ("l'", "qu'"), or tokens.n; NULL: not worked out */
    dossier_lexmemo *lists;     /* DOSSIER_LEXMEMO_SLOTS: the lists dossier_speakers_match found;
                                   NULL: found each time */
    VEC(stm_cand) cands;
    struct speakernames_index *names;  /* speakernames.c's look-ups, made on first use */
    int have_cue_starts;        /* cue_starts is set (reported.c, on first use): */
    uint64_t cue_starts[8];     /* the first-word bits of the lists of reported.c's cue chain, or-ed */
} stm_ctx;

/* Non-zero when a folded word is an elided one that runs into the next ("l'", "qu'"). */
int dossier_speakers_elided(const char *fold);

/* dossier_speakers_match in full, over the n (1 to 8) words from token tok, which is in the document:
 * for elided words and for a context without its memo of lists. */
int dossier_speakers_match_full(const stm_ctx *c, const char *key, int tok, size_t n);

/*
 * Folded word list `key` has a phrase starting at token `tok`: its length,
 * or 0.  `key` is a string constant: the list is found once per article
 * and remembered by the key's address.  Inline (asked 400,000 times on
 * forty articles), at every call where the compiler takes the hint (GCC
 * and Clang; it did not at the calls of reported.c's cue loop): the words
 * ahead hold no elided word but rarely.
 */
#if defined(__GNUC__)
__attribute__((always_inline))
#endif
static inline int dossier_speakers_match(const stm_ctx *c, const char *key, int tok)
{
    const dossier_doc *d = c->d;
    if (tok < 0 || (size_t)tok >= d->tokens.n)
        return 0;
    size_t n = d->tokens.n - (size_t)tok;
    if (n > 8)
        n = 8;
    if (!c->lists || !c->next_elided || (size_t)c->next_elided[tok] < (size_t)tok + n)
        return dossier_speakers_match_full(c, key, tok, n);
    return (int)dossier_doc_match(d, dossier_lexicon_find_memo(d->lex, c->lang, key, c->lists), (size_t)tok, n, NULL);
}

/* Non-zero when token `tok` is a hyphenated adjective ("Kremlin-backed"): no speaker's head. */
int dossier_speakers_hyphen_adjective(const stm_ctx *c, int tok);

/* Non-zero when token `tok` ends in one of the language's participle endings
 * (statement.participle_endings) after at least three other characters. */
int dossier_speakers_participle(const stm_ctx *c, int tok);

/*
 * The token helpers below are inline: the cue and speaker tests ask them
 * some 150,000 times on forty articles, and each is a load or two.
 */

/* First and end token of the sentence that holds token `tok`. */
static inline int dossier_speakers_sent_first(const stm_ctx *c, int tok)
{
    return c->d->sentences.v[c->d->tokens.v[tok].sentence].first_token;
}

static inline int dossier_speakers_sent_end(const stm_ctx *c, int tok)
{
    const dossier_sentence *s = &c->d->sentences.v[c->d->tokens.v[tok].sentence];
    return s->first_token + s->ntokens;
}

/* Paragraph of token `tok`. */
static inline int dossier_speakers_para(const stm_ctx *c, int tok)
{
    return c->d->sentences.v[c->d->tokens.v[tok].sentence].paragraph;
}

/* Token flags, or 0 out of range. */
static inline unsigned dossier_speakers_flags(const stm_ctx *c, int tok)
{
    if (tok < 0 || (size_t)tok >= c->d->tokens.n)
        return 0;
    return c->d->tokens.v[tok].flags;
}

/*
 * Non-zero when token `tok` is the one-character punctuation `ch`.  Inline:
 * asked some 2,500 times an article, mostly with a literal, whose length
 * the compiler then knows.
 */
static inline int dossier_speakers_is(const stm_ctx *c, int tok, const char *ch)
{
    if (tok < 0 || (size_t)tok >= c->d->tokens.n)
        return 0;
    const dossier_span *s = &c->d->tokens.v[tok].span;
    size_t n = strlen(ch);
    return s->end - s->start == n && memcmp(c->d->body + s->start, ch, n) == 0;
}

/* Number of word tokens in [first, end). */
int dossier_speakers_words(const stm_ctx *c, int first, int end);

/* The first token that starts at or after byte `pos` (tokens.n when none). */
int dossier_speakers_tok_from(const stm_ctx *c, size_t pos);

/* Adds a candidate; returns 0 or DOSSIER_ENOMEM. */
int dossier_speakers_add(stm_ctx *c, const stm_cand *k);

/* Copies the cue tokens [first, first+n) into the arena as written. */
const char *dossier_speakers_cue(stm_ctx *c, int first, int n);

#endif /* DOSSIER_CANDIDATES_H */
