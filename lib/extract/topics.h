/*
 * topics.h — what each statement is about.
 */
#ifndef DOSSIER_TOPICS_H
#define DOSSIER_TOPICS_H

#include "base/doc.h"

/* Fills each statement's `about` with the entities it mentions or points to. */
int dossier_topics_run(dossier_doc *d);

#endif /* DOSSIER_TOPICS_H */
