/*
 * roles.h — who holds which title in which organisation.
 */
#ifndef DOSSIER_ROLES_H
#define DOSSIER_ROLES_H

#include "doc.h"

/* Finds (person, title, organization) roles near entity mentions.  Fills roles. */
int dossier_roles_run(dossier_doc *d);

#endif /* DOSSIER_ROLES_H */
