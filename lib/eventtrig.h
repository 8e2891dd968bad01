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

#include "doc.h"

/* What the matcher needs about the doc. */
typedef struct {
    dossier_doc *d;
    const char *lang;           /* lexicon language for event lists, or NULL */
    const char *const *w;       /* folded tokens */
    unsigned char *in_mention;  /* per token: part of an entity mention */
} dossier_ectx;

/* The event kinds, in the order of eval/README.md; *n receives the count. */
const char *const *dossier_evtrig_kinds(size_t *n);

/* The longest phrase of list `key` at token i of [i, lim), or 0. */
size_t dossier_evtrig_list_at(const dossier_ectx *c, const char *key, size_t i, size_t lim);

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

#endif /* DOSSIER_EVENTTRIG_H */
