/*
 * entities.c — entity mentions: gazetteer names and names found from the text.
 *
 * Placeholder until the stage is written: finds nothing.
 */
#include "entities.h"

#include "dossier.h"

/* See entities.h. */
int dossier_entities_run(dossier_doc *d)
{
    (void)d;
    return DOSSIER_OK;
}
