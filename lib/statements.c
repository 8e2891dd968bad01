/*
 * statements.c — direct quotations and reported speech, with their speakers.
 *
 * Placeholder until the stage is written: finds nothing.
 */
#include "statements.h"

#include "dossier.h"

/* See statements.h. */
int dossier_statements_run(dossier_doc *d)
{
    (void)d;
    return DOSSIER_OK;
}
