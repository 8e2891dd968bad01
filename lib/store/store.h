/*
 * store.h — writing an analysed article into the database.
 */
#ifndef DOSSIER_STORE_H
#define DOSSIER_STORE_H

#include "store/db.h"
#include "store/shingles.h"
#include "base/doc.h"

/*
 * Inserts the article of `d` (with content hash `hash`) and every row
 * extracted from it, mapping its entities to database entities through
 * dossier_resolve_entity().  The article takes id `id` — that of the
 * version it replaces, removed first — or with 0 a new one, and records
 * this library's version as its extractor's.  Runs inside the caller's
 * transaction; sets *out to the article id.
 */
int dossier_store_doc(long long *out, dossier_db *db, const dossier_doc *d, const char *hash, long long id);

struct dossier_doc_names; /* resolve.h */

/*
 * dossier_store_doc, then the article resolved against the articles
 * stored before it (dossier_resolve_article): the same rows, but the
 * statements are compared from the doc before they are stored, and
 * stored with their clusters.  `sig` is the signature of the doc's body,
 * or NULL.  The article row takes `version` and `path` (NULL: none) at
 * once, as dossier_versions_finish() would set them.  `names` holds the
 * names of the doc's entities (dossier_resolve_doc_names), or NULL: they
 * are worked out here.  Runs inside the caller's transaction; sets *out
 * to the article id.
 */
int dossier_store_resolved(long long *out, dossier_db *db, const dossier_doc *d, const char *hash, long long id,
                           const dossier_shingles_sig *sig, int version, const char *path,
                           const struct dossier_doc_names *names);

/*
 * Defers the full-text entries of the articles and statements stored
 * from now on in the open transaction (schema/028_deferred_ranges.sql):
 * deferred_rows holds the largest ids so far, the rows above them are
 * not indexed, and dossier_store_index_deferred() must add them before
 * the transaction commits.  A rollback forgets both.
 * Returns DOSSIER_OK or DOSSIER_EDB with the message on the handle.
 */
int dossier_store_defer(dossier_db *db);

/*
 * Adds the deferred full-text entries in one statement per index and
 * turns deferring off.  Returns DOSSIER_OK or DOSSIER_EDB.
 */
int dossier_store_index_deferred(dossier_db *db);

#endif /* DOSSIER_STORE_H */
