/*
 * events.c — events from trigger words, with dates and participants.
 *
 * Placeholder until the stage is written: finds nothing.
 */
#include "events.h"

#include "dossier.h"

/* See events.h. */
int dossier_events_run(dossier_doc *d)
{
    (void)d;
    return DOSSIER_OK;
}
