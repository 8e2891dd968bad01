/*
 * inflect.h — comparing folded words across case endings, for languages
 * that inflect names and nouns ("Главкосмосом" / "Главкосмос", "Raumstation"
 * / "Raumstationen").  The endings are data: statement.case_endings in
 * schema/lang/<code>.yaml.  Internal to the statements and topics stages.
 */
#ifndef DOSSIER_INFLECT_H
#define DOSSIER_INFLECT_H

#include <stddef.h>

#include "base/lexicon.h"

/*
 * Non-zero when folded words a and b are one word in language `lang`:
 * equal, or equal once a listed case ending (or none) is taken off each,
 * leaving a stem of four letters or more.
 */
int dossier_inflect_same(const dossier_lexicon *lx, const char *lang, const char *a, const char *b);

/*
 * Non-zero when language `lang` has case endings: without them
 * dossier_inflect_same() is strcmp() == 0, which loops over a list may ask
 * instead.
 */
int dossier_inflect_has_endings(const dossier_lexicon *lx, const char *lang);

/*
 * The index of the first one-word phrase of phrases[0..n) that is
 * dossier_inflect_same() as folded word `w`, or -1: the endings are
 * looked up once for the whole list.
 */
long dossier_inflect_in_list(const dossier_lexicon *lx, const char *lang, const char *w,
                             const dossier_phrase *const *phrases, size_t n);

/*
 * The stems of folded word `w`: the byte lengths of `w` and of `w` without
 * each case ending that leaves four letters or more, the word itself
 * first; returns how many were written to out (at most max).  Two words
 * are dossier_inflect_same() through a stem only if they share one.
 */
size_t dossier_inflect_stems(const dossier_lexicon *lx, const char *lang, const char *w, size_t *out, size_t max);

/* Non-zero when folded word `w` ends with the folded word `tail` as a compound part ("raumstation", "station"). */
int dossier_inflect_compound(const char *w, const char *tail);
/* The fewest bytes of a word that dossier_inflect_compound() finds a compound: a tail of four, three before. */
#define DOSSIER_INFLECT_COMPOUND_TAIL 4
#define DOSSIER_INFLECT_COMPOUND_HEAD 3
#define DOSSIER_INFLECT_COMPOUND_MIN (DOSSIER_INFLECT_COMPOUND_TAIL + DOSSIER_INFLECT_COMPOUND_HEAD)

/* Like dossier_inflect_compound(), for `w` or `w` without a case ending ("bundesministeriums", "ministerium"). */
int dossier_inflect_compound_of(const dossier_lexicon *lx, const char *lang, const char *w, const char *tail);

/*
 * Non-zero when folded word `w` is the plural of a one-word phrase of
 * (lang, key): `w` without one of the language's `entity.plural_endings`
 * ("directors", "juges") is in the list.
 */
int dossier_inflect_plural_in(const dossier_lexicon *lx, const char *lang, const char *key, const char *w);

/*
 * Non-zero when word w (n bytes as written, `folded` its folded form) is an
 * adjective made with a hyphen: a word in lower case after its last hyphen
 * that ends in one of entity.hyphen_adjectives ("Leeds-based",
 * "Kremlin-backed", "Paris-born"; not "Kim In-so", "Aix-en-Provence"), or,
 * in German, any such word ("Deutsch-japanischer").
 */
int dossier_inflect_hyphen_adjective(const dossier_lexicon *lx, const char *lang, const char *w, size_t n,
                                     const char *folded);

#endif /* DOSSIER_INFLECT_H */
