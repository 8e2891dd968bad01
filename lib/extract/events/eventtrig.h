/*
 * eventtrig.h — trigger matching for events.c (internal to the events stage).
 *
 * eventtrig.c finds where a sentence says an event of a kind happened: the
 * kind's trigger phrases (event.<kind>), compounds ending in one
 * ("-training"), and stems (event.stem.<kind>: "запуск" for "запуска",
 * "запуском"), plus the clause-bounded cue lookups the events stage uses.
 */
#ifndef DOSSIER_EVENTTRIG_H
#define DOSSIER_EVENTTRIG_H

#include <stddef.h>
#include <stdint.h>

#include "base/doc.h"

#define DOSSIER_EVTRIG_MAX_KINDS 64

/* What the matcher needs about the doc. */
typedef struct {
    dossier_doc *d;
    const char *lang;           /* lexicon language for event lists, or NULL */
    const char *const *w;       /* folded tokens */
    unsigned char *in_mention;  /* per token: part of an entity mention */
    int lede;                   /* the paragraph of the first sentence that is no heading, or -1 */
    int *timex_tok;             /* the first tokens of the resolved timexes, ascending */
    size_t ntimex_tok;
    /* per sentence s: its mentions ment[ment_at[s] .. ment_at[s+1]) and its
     * timexes tmx[tmx_at[s] .. tmx_at[s+1]), each in index order */
    int *ment, *ment_at, *tmx, *tmx_at;
    /* the event kinds (dossier_evtrig_kinds): their names, list keys "event.<kind>" and stem keys;
     * the fields from nkinds up to lists are what dossier_evtrig_kinds sets (its thread memo copies
     * them as one block) */
    size_t nkinds;
    const char *kinds[DOSSIER_EVTRIG_MAX_KINDS];
    const char *keys[DOSSIER_EVTRIG_MAX_KINDS];
    char stems[DOSSIER_EVTRIG_MAX_KINDS][48];
    /* per kind: its trigger list and stem list (c->lang), found once for every token */
    const dossier_lexlist *trig[DOSSIER_EVTRIG_MAX_KINDS], *stem[DOSSIER_EVTRIG_MAX_KINDS];
    /* per kind: the phrases of its trigger list that start with "-" (word endings: "-training") */
    const dossier_phrase *const *endings[DOSSIER_EVTRIG_MAX_KINDS];
    size_t nendings[DOSSIER_EVTRIG_MAX_KINDS];
    /* every kind's trigger list's first-word bits (dossier_lexicon_prefix_bit), or-ed: a word
     * whose bit is not set starts no trigger phrase of any kind */
    uint64_t starts[8];
    /* per first-word bit: the kinds (bit k for kind k) whose trigger list has a phrase starting so */
    uint64_t kinds_at[512];
    /* the kinds a word may be a trigger of without starting a phrase: those with endings or stems */
    unsigned char inner[DOSSIER_EVTRIG_MAX_KINDS];
    size_t ninner;
    uint64_t inner_kinds;       /* the same kinds as bits (bit k for kind k) */
    /* DOSSIER_LEXMEMO_SLOTS: the lists of constant keys list_at and word_in found; NULL: found each time */
    dossier_lexmemo *lists;
} dossier_ectx;

/*
 * Sets the event kinds of c: those of eval/README.md in its order, then
 * those of general news, then any other kind the lexicon has triggers for
 * (an "event.<kind>" list of a language file or of a user's --lexicon);
 * and finds their trigger and stem lists (c->d and c->lang set).
 */
void dossier_evtrig_kinds(dossier_ectx *c);

/*
 * The longest trigger of any kind at token i of [i, lim): its length, and
 * its kind in *kind (the first kind of that length; -1 when none).  What
 * dossier_evtrig_trigger_at gives for each kind, with the token's own
 * facts worked out once.
 */
size_t dossier_evtrig_best_at(const dossier_ectx *c, size_t i, size_t lim, int *kind);

/* The list `key` (a string constant) of c->lang, through c's memo when it has one. */
static inline const dossier_lexlist *dossier_evtrig_list(const dossier_ectx *c, const char *key)
{
    return c->lists ? dossier_lexicon_find_memo(c->d->lex, c->lang, key, c->lists)
                    : dossier_lexicon_find(c->d->lex, c->lang, key);
}

/*
 * The longest phrase of list `key` at token i of [i, lim), or 0.  Inline:
 * asked at every token, where the list's first tests end most look-ups.
 */
static inline size_t dossier_evtrig_list_at(const dossier_ectx *c, const char *key, size_t i, size_t lim)
{
    if (i >= lim)
        return 0;
    return c->w == (const char *const *)c->d->folds.v ? dossier_doc_match(c->d, dossier_evtrig_list(c, key), i, lim - i, NULL)
                                                       : dossier_lexlist_match(dossier_evtrig_list(c, key), c->w + i, lim - i, NULL);
}

/* Non-zero when the one folded word w is a one-word phrase of `key`. */
int dossier_evtrig_word_in(const dossier_ectx *c, const char *key, const char *w);

/* The length of a trigger of kind k at token i of [i, lim), or 0. */
size_t dossier_evtrig_trigger_at(const dossier_ectx *c, int k, size_t i, size_t lim);

/* Non-zero for a token that ends a clause: , ; : ( ) and dashes. */
int dossier_evtrig_clause_break(const dossier_ectx *c, size_t i);

/* Non-zero when a phrase of `key` starts within `back` tokens before i in its clause (from s0). */
int dossier_evtrig_cue_before(const dossier_ectx *c, const char *key, size_t s0, size_t i, size_t back);

/* Non-zero when a phrase of `key` starts within `ahead` tokens from i in its clause (up to s1). */
int dossier_evtrig_cue_after(const dossier_ectx *c, const char *key, size_t i, size_t s1, size_t ahead);

/*
 * Non-zero when sentence s is a heading: alone in its paragraph and not
 * ended by . ! ? (a headline, a subhead, a caption).  A heading sums up
 * what the body tells, with dates of its own ("docking expected on
 * Saturday") that are not the event's.
 */
int dossier_evtrig_heading(const dossier_ectx *c, int s);

/*
 * The length of a phrase of `key` that ends just before token a (from s0),
 * or 0: "since 1978", "bis 2026", "d'ici 2030" put a date before a bound.
 */
size_t dossier_evtrig_date_cue(const dossier_ectx *c, const char *key, size_t s0, size_t a);

/*
 * Non-zero when the trigger [i, i+len) of sentence [s0, s1) reports an
 * event (not in a name, not blocked, negated, hypothetical, called off, a
 * verb after "mission to"); *future is set when its clause speaks of the
 * future or of a purpose, and such a trigger needs a date near it.
 */
int dossier_evtrig_ok(const dossier_ectx *c, size_t s0, size_t s1, size_t i, size_t len, int *future);

/* Non-zero when an organisation's mention starts within 3 tokens from i (not a compound's first part). */
int dossier_evtrig_org_follows(const dossier_ectx *c, size_t i, size_t s1);

/*
 * The n entities the article mentions most (pronouns left out; ties go to
 * the one mentioned first; persons left out when no_persons) into
 * top[0..n), -1 where there are fewer.
 */
void dossier_evtrig_top_entities(const dossier_doc *d, int *top, size_t n, int no_persons);

/*
 * The news of the lede reported by an organisation on a date ("X has
 * frozen work, the organisation said on Monday"; "teilte das DLR am
 * Dienstag mit"): when sentence [s0, s1) of the lede paragraph has a verb
 * of event.cue.report with a resolved date just before or after it and an
 * organisation within REPORT_ORG_GAP tokens of it, returns non-zero and sets
 * *at to the verb's token and *len to its length.
 */
int dossier_evtrig_dated_report(const dossier_ectx *c, int s, size_t s0, size_t s1, size_t *at, size_t *len);

/*
 * A decision to call something off, taken by an organisation on a date
 * ("In June 2022, NASA postponed the mission"): the length of the
 * event.cue.cancelled phrase at token i when an organisation's mention ends
 * at most 2 tokens before it and sentence s has a resolved date, else 0.
 * (Called off in the passive, "the launch was postponed", it is no event.)
 */
size_t dossier_evtrig_decision(const dossier_ectx *c, int s, size_t s0, size_t i, size_t s1);

/*
 * Non-zero when the briefing at tokens [i, i+len) (event.cue.briefing: "press
 * conference") belongs to another event: after a word of
 * event.cue.attached ("pre-launch", "предстартовой"), or before "after",
 * "before" and, within 2 tokens, another trigger ("at a press conference
 * after the talks"): that event is the news.
 */
int dossier_evtrig_attached(const dossier_ectx *c, size_t s0, size_t i, size_t len, size_t s1);

/*
 * Non-zero when the timex at token a, after a trigger ending at t1, comes
 * just after a conjunction (event.cue.and), with at most one word between
 * ("soll gebaut werden und 2012 ins All starten"): it dates the next verb.
 */
int dossier_evtrig_next_verb_date(const dossier_ectx *c, size_t t1, size_t a);

/*
 * Non-zero when the timex at tokens [a, b) of sentence [s0, s1) dates a
 * report ("said on Monday", "a annoncé dimanche") rather than the event.
 */
int dossier_evtrig_dates_report(const dossier_ectx *c, size_t s0, size_t s1, size_t a, size_t b);

/* Non-zero when a reporting verb lies in tokens [a, b) between a date and a trigger. */
int dossier_evtrig_report_between(const dossier_ectx *c, size_t a, size_t b);

/*
 * Non-zero when timex x at token a (from s0) follows "by", "bis", "d'ici"
 * and lies after publication: building finished by then is a plan.
 */
int dossier_evtrig_plan_deadline(const dossier_ectx *c, size_t s0, size_t a, int x);

#endif /* DOSSIER_EVENTTRIG_H */
