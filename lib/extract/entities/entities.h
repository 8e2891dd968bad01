/*
 * entities.h — entity mentions: gazetteer names and names found from the text.
 */
#ifndef DOSSIER_ENTITIES_H
#define DOSSIER_ENTITIES_H

#include "base/doc.h"

/*
 * Finds entity mentions in the body: gazetteer names, and names no list
 * holds (capitalised sequences with cues: titles, appositions,
 * organisation and programme head words, acronyms with expansions);
 * joins surname-only and "Mr X" mentions to the full name.  Fills
 * entities and mentions.
 */
int dossier_entities_run(dossier_doc *d);

/*
 * Word tests of the entity finder that the roles stage shares.  `owner`
 * maps each token to the mention covering it, or -1.
 */
/* Non-zero when token i is an organisation head word ("Agency", "...behörde"). */
int dossier_entities_is_head(const dossier_doc *d, const char *lang, int i);
/* Non-zero when token i is a one-word phrase of list `key`; Russian words in any case. */
int dossier_entities_lex_stem(const dossier_doc *d, const char *lang, const char *key, int i);
/* Non-zero when token i ends in "-<title>" ("ESA-Chef"). */
int dossier_entities_tail_title(const dossier_doc *d, const char *lang, int i);
/* Where a title's field of several items after token i ends ("of Culture, Sport and Youth"), or 0. */
int dossier_entities_field_list(const dossier_doc *d, const char *lang, int *owner, int i, int end, int need_comma);

#endif /* DOSSIER_ENTITIES_H */
