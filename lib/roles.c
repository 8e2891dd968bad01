/*
 * roles.c — who holds which title in which organisation.
 *
 * Placeholder until the stage is written: finds nothing.
 */
#include "roles.h"

#include "dossier.h"

/* See roles.h. */
int dossier_roles_run(dossier_doc *d)
{
    (void)d;
    return DOSSIER_OK;
}
