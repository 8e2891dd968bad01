/*
 * store.h — writing an analysed article into the database.
 */
#ifndef DOSSIER_STORE_H
#define DOSSIER_STORE_H

#include "store/db.h"
#include "base/doc.h"

/*
 * Inserts the article of `d` (with content hash `hash`) and every row
 * extracted from it, mapping its entities to database entities through
 * dossier_resolve_entity().  Runs inside the caller's transaction; sets
 * *out to the new article id.
 */
int dossier_store_doc(long long *out, dossier_db *db, const dossier_doc *d, const char *hash);

#endif /* DOSSIER_STORE_H */
