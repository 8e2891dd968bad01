/*
 * dates.h — temporal expressions, resolved against the publication date.
 */
#ifndef DOSSIER_DATES_H
#define DOSSIER_DATES_H

#include "doc.h"

/* Finds absolute and relative dates and normalises them.  Fills timexes. */
int dossier_dates_run(dossier_doc *d);

#endif /* DOSSIER_DATES_H */
