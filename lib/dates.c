/*
 * dates.c — temporal expressions, resolved against the publication date.
 *
 * Placeholder until the stage is written: finds nothing.
 */
#include "dates.h"

#include "dossier.h"

/* See dates.h. */
int dossier_dates_run(dossier_doc *d)
{
    (void)d;
    return DOSSIER_OK;
}
