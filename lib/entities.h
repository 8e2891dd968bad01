/*
 * entities.h — entity mentions: gazetteer names and names found from the text.
 */
#ifndef DOSSIER_ENTITIES_H
#define DOSSIER_ENTITIES_H

#include "doc.h"

/*
 * Finds entity mentions in the body: gazetteer names, and names no list
 * holds (capitalised sequences with cues: titles, appositions,
 * organisation and programme head words, acronyms with expansions);
 * joins surname-only and "Mr X" mentions to the full name.  Fills
 * entities and mentions.
 */
int dossier_entities_run(dossier_doc *d);

#endif /* DOSSIER_ENTITIES_H */
