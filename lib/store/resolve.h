/*
 * resolve.h — across articles and languages: one entity for every name of
 * the same person or organisation, one cluster for the same utterance, one
 * story for articles that report the same news.
 */
#ifndef DOSSIER_RESOLVE_H
#define DOSSIER_RESOLVE_H

#include "store/db.h"
#include "base/doc.h"

/*
 * Finds the database entity for entity `e` of the doc (by gazetteer entry,
 * then by any of its folded names and its kind), or creates it; records
 * its names as aliases.  Sets *out to its id.
 */
int dossier_resolve_entity(long long *out, dossier_db *db, const dossier_doc *d, int e);

/*
 * Places the statements of a newly stored article in clusters and the
 * article in a story, against everything already stored.
 */
int dossier_resolve_article(dossier_db *db, long long article);

#endif /* DOSSIER_RESOLVE_H */
