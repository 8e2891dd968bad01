/*
 * roles.h — who holds which title in which organisation.
 */
#ifndef DOSSIER_ROLES_H
#define DOSSIER_ROLES_H

#include "base/doc.h"

/* Finds (person, title, organization) roles near entity mentions.  Fills roles. */
int dossier_roles_run(dossier_doc *d);

/*
 * The person a head-of-state phrase at token t names ("глава государства",
 * "le chef de l'État", statement.head_of_state): the holder of the last
 * role stated before it whose organisation is a place (or not given:
 * "President X") and whose title
 * holds a head of state's title (statement.head_of_state_titles, also
 * inflected); -1 when none.  *len gets the phrase's length in tokens.
 * Used by the statements and topics stages.
 */
int dossier_roles_head_of_state(const dossier_doc *d, int t, int *len);

#endif /* DOSSIER_ROLES_H */
