/*
 * recent.h — the newest and middle parts of the date-ordered indexes of
 * schema/022_recent_dates.sql and 024_middle_parts.sql: rows of the
 * latest articles wait there, and join the next part of their index in
 * key order, many at once.
 */
#ifndef DOSSIER_RECENT_H
#define DOSSIER_RECENT_H

#include "store/db.h"

/*
 * Moves every newest and middle row (recent = 1 or 2) of
 * entity_article_mentions, statement_entities and entity_event_dates to
 * the old part of its date index (recent = 0), in the caller's transaction.  Queries read both
 * parts, so their answers are the same before and after; only the pages
 * written change.  0 or a negative DOSSIER_E... code with the message set.
 */
int dossier_recent_merge(dossier_db *db);

/*
 * Moves the newest rows to the middle parts when the newest parts hold
 * enough rows to be worth it, and then the middle rows to the old parts
 * when the middle parts are full (ingest.c calls it before each commit);
 * otherwise reads a bounded number of index entries and writes nothing.
 * 0 or a negative DOSSIER_E... code.
 */
int dossier_recent_merge_when_full(dossier_db *db);

#endif /* DOSSIER_RECENT_H */
