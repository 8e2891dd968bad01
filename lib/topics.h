/*
 * topics.h — what each statement is about.
 */
#ifndef DOSSIER_TOPICS_H
#define DOSSIER_TOPICS_H

#include "doc.h"

/* Fills each statement's `about` with the entities it mentions or points to. */
int dossier_topics_run(dossier_doc *d);

/*
 * The person a head-of-state phrase at token t names ("глава государства",
 * "le chef de l'État", statement.head_of_state): the holder of the last
 * role stated before it whose organisation is a place (or not given:
 * "President X") and whose title
 * holds a head of state's title (statement.head_of_state_titles, also
 * inflected); -1 when none.  *len gets the phrase's length in tokens.
 * Shared with the statements stage.
 */
int dossier_topics_head_of_state(const dossier_doc *d, int t, int *len);

#endif /* DOSSIER_TOPICS_H */
