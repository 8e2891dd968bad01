/*
 * events.h — events from trigger words, with dates and participants.
 */
#ifndef DOSSIER_EVENTS_H
#define DOSSIER_EVENTS_H

#include "base/doc.h"

/* Finds events of the kinds of eval/README.md.  Fills events. */
int dossier_events_run(dossier_doc *d);

#endif /* DOSSIER_EVENTS_H */
