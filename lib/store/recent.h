/*
 * recent.h — the recent parts of the date-ordered indexes of
 * schema/022_recent_dates.sql: rows of the latest articles wait there,
 * and join the old part of their index in key order, many at once.
 */
#ifndef DOSSIER_RECENT_H
#define DOSSIER_RECENT_H

#include "store/db.h"

/*
 * Moves every recent row (recent = 1) of entity_article_mentions,
 * statement_entities and entity_event_dates to the old part of its date
 * index (recent = 0), in the caller's transaction.  Queries read both
 * parts, so their answers are the same before and after; only the pages
 * written change.  0 or a negative DOSSIER_E... code with the message set.
 */
int dossier_recent_merge(dossier_db *db);

/*
 * Calls dossier_recent_merge() when the recent parts hold enough rows to
 * be worth it (ingest.c calls it before each commit); otherwise reads a
 * bounded number of index entries and writes nothing.  0 or a negative
 * DOSSIER_E... code.
 */
int dossier_recent_merge_when_full(dossier_db *db);

#endif /* DOSSIER_RECENT_H */
