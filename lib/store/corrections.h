/*
 * corrections.h — corrections made by hand (merge, split, rename, kind,
 * alias, speaker, forget), recorded in the corrections table and
 * re-applied after resolution so that they last.  The commands that make
 * them are declared in dossier.h (dossier_correct_*).
 */
#ifndef DOSSIER_CORRECTIONS_H
#define DOSSIER_CORRECTIONS_H

#include "store/db.h"

/*
 * Re-applies the corrections, in the order they were made, inside the
 * caller's transaction: with `article` 0 every correction to the whole
 * database (at the end of a full resolution); otherwise those about the
 * entities, statements and mentions of that newly stored article (at the
 * end of its incremental resolution).  A correction whose entity or
 * statement is not there (yet) does nothing.
 */
int dossier_corrections_apply(dossier_db *db, long long article);

/*
 * The id of a "forget" correction covering an article with these bytes
 * (`hash`) or (`source` not NULL) from this source, 0 when none, negative
 * on a failure.
 */
long long dossier_corrections_forgotten(dossier_db *db, const char *hash, const char *source);

#endif /* DOSSIER_CORRECTIONS_H */
